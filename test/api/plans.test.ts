// The plan cycle on the real seeds: import → save → submit → approve → issue → cascade to 166 communes →
// export → amend → parent-change notices in the communes.
import { after, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import type { TestDatabase } from '../support/db.ts';
import { Client, makeUser, type App } from '../support/api.ts';
import {
  cascade,
  closeStages,
  createPlanFromSeed,
  editDraft,
  issuePlan,
  ok,
  openWorld,
  stage,
  type Cast,
  type Stage,
  type World,
} from '../support/factories.ts';
import { planDraftSchema } from '../../src/domain/plan/schema.ts';

const SEEDS = new URL('../fixtures/plans/', import.meta.url);
const seed = (name: string) => readFileSync(new URL(name, SEEDS));
const PROVINCE = 'ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt';
const WARD = 'ke-hoach-phuong-nam-sam-son-thi-hanh-luat-tri-tue-nhan-tao.md';

const CAST = {
  skhcn: ['skhcn.cv', '38.SKHCN', ['officer']],
  leader: ['tinh.ld', '38', ['leader']],
  ward: ['nss.cv', '16516', ['officer']],
  wardLeader: ['nss.ld', '16516', ['leader']],
  otherWard: ['hacthanh.cv', '14797', ['officer']],
} satisfies Cast;

type PlansWorld = World<typeof CAST> & { planId: number };

// The stages the tests start from, each built through the API on the one before.
const signedIn = stage(async () => ({ ...(await openWorld(CAST, ['38', '16516'])), planId: 0 }) as PlansWorld);
/** KH 129 saved as the province draft by the Sở KH&CN officer. */
const provinceDraft = stage(async () => {
  const w = await signedIn.copy();
  w.planId = await createPlanFromSeed(w.as.skhcn, w.unitIds['38']!);
  return w;
});
const provinceIssued = stage(async () => {
  const w = await provinceDraft.copy();
  await issuePlan(w.planId, {
    officer: w.as.skhcn,
    leader: w.as.leader,
    number: '129',
    date: '2026-05-04',
    signerName: 'Nguyễn Hoài Anh',
  });
  return w;
});
const cascadedToAll = stage(async () => {
  const w = await provinceIssued.copy();
  await cascade(w.as.skhcn, w.planId, 'all');
  return w;
});
/** The province plan amended (task 1 given a new timeframe, task 5 a new deliverable) and issued as KH 215. */
const amended = stage(async () => {
  const w = await cascadedToAll.copy();
  const amend = await w.as.skhcn.post(`/api/plans/${w.planId}/amend`);
  ok(amend, 'amend', 201);
  await editDraft(w.as.skhcn, amend.body.id, amendTasks);
  await issuePlan(amend.body.id, { officer: w.as.skhcn, leader: w.as.leader, number: '215', date: '2026-08-10' });
  return w;
});
function amendTasks(draft: any) {
  draft.tasks[0].timeframe = { text: 'Quý III/2026', schedule: null };
  draft.tasks[4].deliverables = [...draft.tasks[4].deliverables, 'Báo cáo chất lượng dữ liệu'];
}
after(() => closeStages(signedIn, provinceDraft, provinceIssued, cascadedToAll, amended));

let d: TestDatabase;
let app: App;
let skhcn: Client;
let leader: Client;
let ward: Client;
let wardLeader: Client;
let otherWard: Client;
let provinceId: number;
let wardId: number;
let planId: number;

/** The test runs on this world: a copy of its own when it writes, the stage's shared copy when it only reads. */
async function given(s: Stage<PlansWorld>, t?: TestContext) {
  const w = t ? await s.fresh(t) : await s.shared();
  ({ d, app, planId } = w);
  ({ skhcn, leader, ward, wardLeader, otherWard } = w.as);
  provinceId = w.unitIds['38']!;
  wardId = w.unitIds['16516']!;
}

async function importFile(c: Client, name: string) {
  const r = await c.post('/api/plans/import', { filename: name, contentBase64: seed(name).toString('base64') });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
}

describe('province plan: import, review, lifecycle', () => {
  test('importing the province seed gives its 6 tasks for review, without saving anything', async () => {
    await given(signedIn);
    const r = await importFile(skhcn, PROVINCE);
    assert.deepEqual(
      r.draft.tasks.map((t: any) => t.number),
      ['1', '2', '3.1', '3.2', '4', '5'],
    );
    assert.equal(r.draft.document.symbol, 'KH-UBND');
    assert.equal(r.draft.document.number, null);
    assert.equal(r.draft.tasks[0].lead[0].unitCode, '38.SKHCN');
    // How it was read: per task and per header field, the layout rules, in Vietnamese.
    assert.deepEqual(
      r.layout.tasks.map((t: any) => t.task),
      ['1', '2', '3.1', '3.2', '4', '5'],
    );
    assert.ok(r.layout.tasks.every((t: any) => t.rules.some((x: any) => x.code === 'task.fields')));
    assert.match(r.layout.tasks[0].rules.find((x: any) => x.code === 'task.fields').label, /nhiệm vụ có nhãn/u);
    assert.deepEqual(
      r.layout.header.find((h: any) => h.field === 'title').rules.map((x: any) => x.code),
      ['header.titleLine'],
    );
    assert.ok(r.layout.rules.some((x: any) => x.code === 'source.txt' && x.count === 1));
    const count = await d.db
      .selectFrom('plan')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 0);
  });

  test("another province's plan is read as that province's, and not suggested as the officer's own unit", async () => {
    await given(signedIn);
    const text = readFileSync(
      new URL('../fixtures/corpus/docs/01-tinh-nghe-an-luat-tri-tue-nhan-tao.txt', import.meta.url),
    );
    const r = await skhcn.post('/api/plans/import', {
      filename: 'nghe-an.txt',
      contentBase64: text.toString('base64'),
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.draft.document.issuer.unitCode, '40');
    assert.equal(r.body.suggestedUnitId, null, 'the Sở KH&CN officer cannot draft for Nghệ An');
  });

  test('the Sở KH&CN officer saves it as the province draft; it is audited and not public', async (t) => {
    await given(signedIn, t);
    const { draft, sourceText } = await importFile(skhcn, PROVINCE);
    const r = await skhcn.post('/api/plans', { unitId: provinceId, draft, sourceName: PROVINCE, sourceText });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    planId = r.body.id;
    const detail = await skhcn.get(`/api/plans/${planId}`);
    assert.equal(detail.body.plan.status, 'draft');
    assert.equal(detail.body.draft.tasks.length, 6);
    assert.equal(detail.body.can.edit, true);
    // A draft out of reach does not exist for the caller (404, as an unknown id).
    assert.equal((await new Client(app).get(`/api/plans/${planId}`)).status, 404, 'anonymous cannot see a draft');
    assert.equal((await ward.get(`/api/plans/${planId}`)).status, 404, 'a ward cannot see the province draft');
    const audit = await d.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'plan')
      .where('entity_id', '=', String(planId))
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['plan.create'],
    );
  });

  test('invalid drafts are refused with the field named, and nothing is saved', async () => {
    await given(signedIn);
    const { draft } = await importFile(skhcn, PROVINCE);
    const dup = { ...draft, tasks: [...draft.tasks, draft.tasks[0]] };
    const r = await skhcn.post('/api/plans', { unitId: provinceId, draft: dup });
    assert.equal(r.status, 422);
    assert.match(r.body.error.message, /trùng/);
    const bad = await skhcn.post('/api/plans', { unitId: provinceId, draft: { ...draft, tasks: 'x' } });
    assert.equal(bad.status, 400);
    assert.ok(bad.body.error.issues.some((i: any) => i.path.startsWith('draft.tasks')));
  });

  test('the lifecycle: officer submits, the province leader approves and issues with number and date', async (t) => {
    await given(provinceDraft, t);
    assert.equal((await skhcn.post(`/api/plans/${planId}/approve`)).status, 403, 'an officer cannot approve');
    assert.equal((await skhcn.post(`/api/plans/${planId}/submit`)).status, 200);
    assert.equal(
      (await skhcn.put(`/api/plans/${planId}`, { draft: (await skhcn.get(`/api/plans/${planId}`)).body.draft })).status,
      409,
      'a submitted plan is locked',
    );
    const skhcnLeader = await makeUser(d.db, 'skhcn.ld', '38.SKHCN', ['leader']);
    assert.ok(skhcnLeader.id);
    assert.equal(
      (await (await new Client(app).login('skhcn.ld')).post(`/api/plans/${planId}/approve`)).status,
      403,
      'the focal Sở does not approve for UBND tỉnh',
    );
    assert.equal((await leader.post(`/api/plans/${planId}/approve`)).status, 200);
    const badDate = await leader.post(`/api/plans/${planId}/issue`, { number: '129', date: '2026-13-45' });
    assert.equal(badDate.status, 422);
    const issued = await leader.post(`/api/plans/${planId}/issue`, {
      number: '129',
      date: '2026-05-04',
      signerName: 'Nguyễn Hoài Anh',
    });
    assert.equal(issued.status, 200, JSON.stringify(issued.body));
    const detail = await new Client(app).get(`/api/plans/${planId}`);
    assert.equal(detail.status, 200, 'an issued plan is public');
    assert.equal(detail.body.plan.number, '129');
    assert.equal(detail.body.plan.issuedDate, '2026-05-04');
    assert.equal(detail.body.versions.length, 1);
    // The public gets the document, not the working notes of the Sở.
    assert.deepEqual(detail.body.draft.findings, []);
    assert.equal(detail.body.can.review, false, 'the web app does not show an empty review as "no problems"');
    assert.equal(detail.body.plan.sourceName, null);
    assert.equal(detail.body.plan.returnReason, null);
    assert.ok(detail.body.versions.every((v: any) => v.note === null));
    assert.equal(detail.body.draft.tasks.length, 6);
    const inside = await skhcn.get(`/api/plans/${planId}`);
    assert.equal(inside.body.plan.sourceName, PROVINCE);
    assert.ok(inside.body.draft.findings.length > 0, 'the Sở sees its review findings');
    assert.equal(inside.body.can.review, true);
    assert.equal(inside.body.draft.findings.filter((f: any) => f.severity === 'error').length, 0);
    const otherBranch = await otherWard.get(`/api/plans/${planId}`);
    assert.deepEqual(
      otherBranch.body.draft.findings,
      [],
      'a ward reads the province plan as published, without its notes',
    );
  });

  test('an issued plan cannot be edited directly', async () => {
    await given(provinceIssued);
    const r = await skhcn.put(`/api/plans/${planId}`, { draft: (await skhcn.get(`/api/plans/${planId}`)).body.draft });
    assert.equal(r.status, 409);
    assert.match(r.body.error.message, /văn bản sửa đổi/);
  });
});

describe('exports', () => {
  test('DOCX is a real Word document in the Nghị định 30/2020 layout', async () => {
    await given(provinceIssued);
    const r = await new Client(app).request('GET', `/api/plans/${planId}/export.docx`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-disposition')!, /trien-khai-thi-hanh-luat-tri-tue-nhan-tao/);
    const zip = await JSZip.loadAsync(Buffer.from(r.body as ArrayBuffer));
    const xml = await zip.file('word/document.xml')!.async('string');
    assert.match(xml, /w:w="11906"/);
    assert.match(xml, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    assert.match(xml, /Số: 129\/KH-UBND/);
    assert.match(xml, /Thanh Hóa, ngày 04 tháng 5 năm 2026/);
    assert.match(xml, /Nguyễn Hoài Anh/);
  });

  test('XLSX lists the 6 tasks with their lead units; JSON export follows the plan schema', async () => {
    await given(provinceIssued);
    const r = await new Client(app).request('GET', `/api/plans/${planId}/export.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.body as ArrayBuffer);
    const text = JSON.stringify(wb.worksheets[0]!.getSheetValues());
    for (const n of ['3.1', '3.2']) assert.ok(text.includes(`"${n}"`), `task ${n} in the sheet`);
    assert.ok(text.includes('Sở Khoa học và Công nghệ'));
    const json = await new Client(app).get(`/api/plans/${planId}/export.json`);
    assert.equal(planDraftSchema.safeParse(json.body).success, true);
    assert.equal(json.body.document.number, '129');
  });
});

describe('cascade to the 166 communes and wards', () => {
  test('preview shows the draft a ward would get, with its own offices and no errors', async () => {
    await given(provinceIssued);
    const r = await skhcn.get(`/api/plans/${planId}/cascade/preview?unitId=${wardId}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(
      r.body.draft.document.title,
      'Triển khai thi hành Luật Trí tuệ Nhân tạo trên địa bàn phường Nam Sầm Sơn',
    );
    assert.ok(r.body.draft.tasks.every((t: any) => t.lead[0].unitCode === '16516.PVHXH'));
    assert.equal(r.body.draft.findings.filter((f: any) => f.severity === 'error').length, 0);
  });

  test("the province's rule table: defaults with the offices to choose; a bad rule is refused by its position; an edit changes the drafts", async (t) => {
    await given(provinceIssued, t);
    const got = await skhcn.get(`/api/units/${provinceId}/cascade-rules`);
    assert.equal(got.status, 200);
    assert.equal(got.body.isDefault, true);
    assert.deepEqual(
      got.body.offices['xã'].map((o: any) => o.code),
      ['VP', 'PKT', 'PVHXH', 'TTPVHCC', 'CA', 'BCHQS', 'ĐU', 'HĐND', 'MTTQ'],
    );
    assert.equal(
      got.body.offices['phường'].find((o: any) => o.code === 'PKTHTĐT').name,
      'Phòng Kinh tế, Hạ tầng và Đô thị phường',
    );
    assert.equal(got.body.offices['phường'].find((o: any) => o.code === 'CA').name, 'Công an phường');
    const rules = got.body.rules as any[];
    const stc = rules.findIndex((r) => r.fromCode === '38.STC');
    assert.deepEqual(rules[stc].toOffice, { xã: 'PKT', phường: 'PKTHTĐT' });

    const bad = await skhcn.put(`/api/units/${provinceId}/cascade-rules`, {
      rules: [...rules, { toText: 'Văn phòng' }],
    });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.error.issues[0].path, `rules.${rules.length}`);
    assert.match(bad.body.error.message, new RegExp(`Dòng ${rules.length + 1}: cần mã đơn vị hoặc cụm từ nguồn`));
    assert.equal((await skhcn.get(`/api/units/${provinceId}/cascade-rules`)).body.isDefault, true, 'nothing saved');
    assert.equal(
      (await ward.put(`/api/units/${provinceId}/cascade-rules`, { rules })).status,
      403,
      'a ward does not edit the province table',
    );

    const edited = rules.map((r, i) => (i === stc ? { ...r, toOffice: { xã: 'PKT', phường: 'VP' } } : r));
    assert.equal((await skhcn.put(`/api/units/${provinceId}/cascade-rules`, { rules: edited })).status, 200);
    const preview = (await skhcn.get(`/api/plans/${planId}/cascade/preview?unitId=${wardId}`)).body.draft;
    assert.deepEqual(
      preview.tasks
        .find((t: any) => t.number === '3.1')
        .coordinators.map((u: any) => u.unitCode)
        .filter(Boolean),
      ['16516.VP'],
    );
    const audit = await d.db.selectFrom('audit_log').select(['action']).where('action', '=', 'cascade.rules').execute();
    assert.equal(audit.length, 1);
    // Back to the defaults for the cascade below.
    assert.equal((await skhcn.put(`/api/units/${provinceId}/cascade-rules`, { rules })).status, 200);
    assert.equal(
      (await skhcn.get(`/api/plans/${planId}/cascade/preview?unitId=${wardId}`)).body.draft.tasks.find(
        (t: any) => t.number === '3.1',
      ).coordinators[0].unitCode,
      '16516.PKTHTĐT',
    );
  });

  test('one action creates a draft for every commune and ward, each naming its own offices', async (t) => {
    await given(provinceIssued, t);
    assert.equal(
      (await ward.post(`/api/plans/${planId}/cascade`, { all: true })).status,
      403,
      'a ward cannot cascade the province plan',
    );
    const r = await skhcn.post(`/api/plans/${planId}/cascade`, { all: true });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.created.length, 166);
    const rows = await d.db
      .selectFrom('plan as p')
      .innerJoin('unit as u', 'u.id', 'p.unit_id')
      .select(['p.id', 'u.code', 'u.kind'])
      .where('p.parent_plan_id', '=', planId)
      .execute();
    assert.equal(rows.length, 166);
    const tasks = await d.db
      .selectFrom('plan_task as t')
      .innerJoin('plan as p', 'p.id', 't.plan_id')
      .innerJoin('unit as u', 'u.id', 'p.unit_id')
      .select(['u.code', 'u.kind', 't.number', 't.lead', 't.coordinators', 't.parent_task_id'])
      .where('p.parent_plan_id', '=', planId)
      .execute();
    assert.equal(tasks.length, 166 * 6);
    for (const t of tasks) {
      assert.equal((t.lead as any[])[0].unitCode, `${t.code}.PVHXH`);
      assert.ok(t.parent_task_id);
      if (t.number === '3.1') {
        const economic = t.kind === 'ward' ? `${t.code}.PKTHTĐT` : `${t.code}.PKT`;
        assert.ok(
          (t.coordinators as any[]).some((c) => c.unitCode === economic),
          `${t.code} 3.1 coordinated by ${economic}`,
        );
      }
    }
    const again = await skhcn.post(`/api/plans/${planId}/cascade`, { all: true });
    assert.equal(again.body.created.length, 0);
    assert.equal(again.body.skipped.length, 166);
  });

  test('each commune sees and edits only its own draft; the focal Sở follows them all', async (t) => {
    await given(cascadedToAll, t);
    const mine = await ward.get(`/api/plans?parentPlanId=${planId}`);
    assert.equal(mine.body.total, 1);
    assert.equal(mine.body.items[0].unitName, 'Phường Nam Sầm Sơn');
    const wardPlanId = mine.body.items[0].id;
    const detail = await ward.get(`/api/plans/${wardPlanId}`);
    assert.equal(detail.body.draft.findings.filter((f: any) => f.severity === 'error').length, 0);
    assert.equal((await otherWard.get(`/api/plans/${wardPlanId}`)).status, 404);
    assert.equal((await skhcn.get(`/api/plans/${wardPlanId}`)).status, 200);
    const all = await skhcn.get(`/api/plans?parentPlanId=${planId}&limit=500`);
    assert.equal(all.body.items.length, 166);
    // Pages of 50 say how many there are in all, and do not overlap.
    const page1 = await skhcn.get(`/api/plans?parentPlanId=${planId}&limit=50`);
    const page4 = await skhcn.get(`/api/plans?parentPlanId=${planId}&limit=50&offset=150`);
    assert.equal(page1.body.total, 166);
    assert.equal(page4.body.total, 166);
    assert.equal(page4.body.items.length, 16);
    const ids = new Set([...page1.body.items, ...page4.body.items].map((p: any) => p.id));
    assert.equal(ids.size, 66);
    const edited = detail.body.draft;
    edited.tasks[0].deliverables = [
      ...edited.tasks[0].deliverables,
      'Tin, bài trên trang thông tin điện tử của phường',
    ];
    assert.equal((await ward.put(`/api/plans/${wardPlanId}`, { draft: edited })).status, 200);
    const compare = await ward.get(`/api/plans/${wardPlanId}/compare`);
    assert.equal(compare.body.rows.length, 6);
    assert.ok(compare.body.rows.every((row: any) => row.child));
  });
});

describe('amendment and parent-change notices', () => {
  test('amending the issued province plan tells every child task what changed; the ward accepts or dismisses', async (t) => {
    await given(cascadedToAll, t);
    const amend = await skhcn.post(`/api/plans/${planId}/amend`);
    assert.equal(amend.status, 201, JSON.stringify(amend.body));
    const amendId = amend.body.id;
    const draft = (await skhcn.get(`/api/plans/${amendId}`)).body.draft;
    amendTasks(draft);
    assert.equal((await skhcn.put(`/api/plans/${amendId}`, { draft })).status, 200);
    assert.equal((await skhcn.post(`/api/plans/${amendId}/submit`)).status, 200);
    assert.equal((await leader.post(`/api/plans/${amendId}/approve`)).status, 200);
    assert.equal((await leader.post(`/api/plans/${amendId}/issue`, { number: '215', date: '2026-08-10' })).status, 200);
    assert.equal((await skhcn.get(`/api/plans/${planId}`)).body.plan.status, 'amended');

    const wardPlanId = (await ward.get(`/api/plans?parentPlanId=${amendId}`)).body.items[0].id;
    const detail = await ward.get(`/api/plans/${wardPlanId}`);
    const notices = detail.body.taskIds.filter((t: any) => t.parentChange);
    assert.deepEqual(notices.map((t: any) => t.number).sort(), ['1', '4']);
    const t1 = notices.find((t: any) => t.number === '1');
    assert.deepEqual(
      t1.parentChange.changes.map((c: any) => c.field),
      ['timeframe'],
    );
    assert.equal(t1.parentChange.changes[0].after, 'Quý III/2026');

    const dismissNoReason = await ward.post(`/api/plan-tasks/${t1.id}/parent-change`, { decision: 'dismiss' });
    assert.equal(dismissNoReason.status, 422);
    assert.equal((await ward.post(`/api/plan-tasks/${t1.id}/parent-change`, { decision: 'accept' })).status, 200);
    const t4 = notices.find((t: any) => t.number === '4');
    assert.equal(
      (
        await ward.post(`/api/plan-tasks/${t4.id}/parent-change`, {
          decision: 'dismiss',
          reason: 'Phường chưa có dữ liệu để báo cáo chất lượng',
        })
      ).status,
      200,
    );
    const after = await ward.get(`/api/plans/${wardPlanId}`);
    assert.equal(after.body.taskIds.filter((t: any) => t.parentChange).length, 0);
    assert.equal(after.body.draft.tasks[0].timeframe.text, 'Quý III/2026');
    assert.equal((await otherWard.post(`/api/plan-tasks/${t1.id}/parent-change`, { decision: 'accept' })).status, 404);
  });
  test('a commune amends its own issued plan: the draft lives beside the issued one until it is issued', async (t) => {
    await given(amended, t);
    const amendedParent = await skhcn.get(`/api/plans?parentPlanId=${planId}&limit=1`);
    assert.equal(amendedParent.body.total, 0, 'children moved to the amendment');
    const wardPlanId = (await ward.get('/api/plans?status=draft&limit=5')).body.items.find(
      (p: any) => p.unitName === 'Phường Nam Sầm Sơn',
    ).id;
    assert.equal((await ward.post(`/api/plans/${wardPlanId}/submit`)).status, 200);
    assert.equal((await wardLeader.post(`/api/plans/${wardPlanId}/approve`)).status, 200);
    assert.equal(
      (await wardLeader.post(`/api/plans/${wardPlanId}/issue`, { number: '45', date: '2026-05-20' })).status,
      200,
    );
    const amend = await ward.post(`/api/plans/${wardPlanId}/amend`);
    assert.equal(amend.status, 201, JSON.stringify(amend.body));
    const again = await ward.post(`/api/plans/${wardPlanId}/amend`);
    assert.equal(again.status, 409, 'one amendment draft at a time');
  });
});

describe('the ward seed, imported as it was made by hand', () => {
  test('its real defects are found', async () => {
    await given(signedIn);
    const r = await importFile(wardLeader, WARD);
    const codes = new Set(r.draft.findings.map((f: any) => f.code));
    assert.ok(r.draft.findings.some((f: any) => f.severity === 'error'));
    assert.equal(r.draft.tasks.length, 6);
    assert.ok(codes.size >= 5, [...codes].join(', '));
    assert.ok(
      r.draft.findings.some((f: any) => /Chuyển giao công nghệ/.test(f.message)),
      'wrong law in the title',
    );
    assert.ok(
      r.draft.findings.some((f: any) => /Nam Sâm Sơn/.test(f.message)),
      'misspelled ward name',
    );
  });
});
