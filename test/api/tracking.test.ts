// Execution on the real seeds: the province plan issued → assignments for Sở KH&CN, Sở Tài chính, Công an tỉnh;
// cascaded to phường Nam Sầm Sơn and issued there → assignments for its offices; progress with a conference and
// its PDF evidence; obstacles to the focal units and their answers; statuses computed from dates; evidence checks;
// an amendment that keeps the history; the working-day calendar.
import { after, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { TestDatabase } from '../support/db.ts';
import { Client, type App } from '../support/api.ts';
import {
  cascade,
  closeStages,
  editDraft,
  findAssignment,
  issuePlan,
  issueProvincePlan,
  openWorld,
  raiseObstacle,
  recordProgress,
  stage,
  type Cast,
  type Stage,
  type World,
} from '../support/factories.ts';
import { todayInVietnam } from '../../src/domain/tracking/assignment.ts';

const SEEDS = new URL('../fixtures/plans/', import.meta.url);
const PROVINCE = 'ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt';
const VI = /[ạảãáàâấầẩẫậăắằẳẵặđéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵ]/i;

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);
const b64 = (b: Buffer) => b.toString('base64');

const CAST = {
  skhcn: ['skhcn.cv', '38.SKHCN', ['officer']], // Sở KH&CN officer: the province's focal unit
  stc: ['stc.cv', '38.STC', ['officer']], // Sở Tài chính officer
  leader: ['tinh.ld', '38', ['leader']], // UBND tỉnh leader
  ward: ['nss.cv', '16516', ['officer']], // phường Nam Sầm Sơn officer
  wardLeader: ['nss.ld', '16516', ['leader']],
  vhxh: ['nss.vhxh', '16516.PVHXH', ['officer']], // officer of Phòng Văn hóa - Xã hội phường Nam Sầm Sơn: the ward's focal office
  otherWard: ['hacthanh.cv', '14797', ['officer']], // phường Hạc Thành officer
  admin: ['quantri', '38', ['sysadmin']],
} satisfies Cast;
const UNIT_CODES = [
  '38',
  '16516',
  '14797',
  '38.SKHCN',
  '38.STC',
  '38.CAT',
  '16516.PVHXH',
  '16516.PKTHTĐT',
  '16516.CA',
  '16516.VP',
];

type TrackingWorld = World<typeof CAST> & {
  provincePlanId: number;
  wardPlanId: number;
  task1: any;
  toProvince: number;
  toWardOffice: number;
  evidenceId: number;
};

// The stages the tests start from, each built through the API on the one before.
const signedIn = stage(
  async () =>
    ({
      ...(await openWorld(CAST, UNIT_CODES)),
      provincePlanId: 0,
      wardPlanId: 0,
      task1: null,
      toProvince: 0,
      toWardOffice: 0,
      evidenceId: 0,
    }) as TrackingWorld,
);
const provinceIssued = stage(async () => {
  const w = await signedIn.copy();
  w.provincePlanId = await issueProvincePlan(w.unitIds['38']!, {
    officer: w.as.skhcn,
    leader: w.as.leader,
    signerName: 'Nguyễn Hoài Anh',
  });
  return w;
});
/** Cascaded to phường Nam Sầm Sơn, task 3.2 due 30/6/2026, issued as KH 05. */
const wardIssued = stage(async () => {
  const w = await provinceIssued.copy();
  w.wardPlanId = (await cascade(w.as.skhcn, w.provincePlanId, [w.unitIds['16516']!])).get(w.unitIds['16516']!)!;
  await editDraft(w.as.ward, w.wardPlanId, (draft) => {
    draft.tasks.find((t: any) => t.number === '3.2').timeframe = T32_DEADLINE;
  });
  await issuePlan(w.wardPlanId, { officer: w.as.ward, leader: w.as.wardLeader, number: '05', date: '2026-05-20' });
  w.task1 = await findAssignment(w.as.ward, `unitId=${w.unitIds['16516']}&year=2026`, '1', '16516.PVHXH');
  return w;
});
const conferenceRecorded = stage(async () => {
  const w = await wardIssued.copy();
  w.evidenceId = (await recordProgress(w.as.ward, w.task1.id, CONFERENCE_UPDATE)).evidence[0].id;
  return w;
});
const obstaclesRaised = stage(async () => {
  const w = await wardIssued.copy();
  w.toProvince = await raiseObstacle(w.as.ward, w.task1.id, DIFFICULTY_UPDATE);
  const t31 = await findAssignment(w.as.ward, `unitId=${w.unitIds['16516']}&year=2026`, '3.1', '16516.PKTHTĐT');
  w.toWardOffice = await raiseObstacle(w.as.ward, t31.id, PROPOSAL_UPDATE);
  return w;
});
after(() => closeStages(signedIn, provinceIssued, wardIssued, conferenceRecorded, obstaclesRaised));

const T32_DEADLINE = {
  text: 'Trước ngày 30/6/2026',
  schedule: {
    kind: 'deadline',
    start: null,
    end: '2026-06-30',
    recurrence: null,
    dueDay: null,
    dueDates: ['2026-06-30'],
  },
};
const CONFERENCE_UPDATE = {
  percent: 40,
  occurredOn: '2026-06-15',
  narrative: 'Tổ chức Hội nghị quán triệt Luật Trí tuệ nhân tạo cho cán bộ, công chức phường và các tổ dân phố.',
  deliverables: [
    {
      kind: 'conference',
      title: 'Hội nghị quán triệt Luật Trí tuệ nhân tạo',
      occurredOn: '2026-06-12',
      participants: 150,
    },
    {
      kind: 'article',
      title: 'Tin về Hội nghị trên trang thông tin điện tử phường',
      occurredOn: '2026-06-13',
      link: 'https://namsamson.thanhhoa.gov.vn/tin-tuc/hoi-nghi-luat-ai',
    },
  ],
  evidence: [{ filename: 'Biên bản hội nghị 12.06.pdf', mime: 'application/pdf', contentBase64: b64(PDF) }],
};
const DIFFICULTY_UPDATE = {
  percent: 50,
  occurredOn: '2026-07-01',
  obstacles: [
    {
      kind: 'difficulty',
      content: 'Chưa có tài liệu phổ biến Luật Trí tuệ nhân tạo bằng ngôn ngữ dễ hiểu cho người dân.',
    },
  ],
};
const PROPOSAL_UPDATE = {
  percent: 20,
  occurredOn: '2026-07-02',
  narrative: 'Rà soát các chỉ tiêu kinh tế - xã hội có thể lồng ghép.',
  obstacles: [
    {
      kind: 'proposal',
      content: 'Đề nghị hướng dẫn cách lồng ghép chỉ tiêu về trí tuệ nhân tạo vào kế hoạch 5 năm của phường.',
    },
  ],
};

let d: TestDatabase;
let app: App;
let skhcn: Client;
let stc: Client;
let leader: Client;
let ward: Client;
let wardLeader: Client;
let vhxh: Client;
let otherWard: Client;
let admin: Client;
let provinceId: number;
let wardId: number;
let provincePlanId: number;
let wardPlanId: number;
let unitIds: Record<string, number> = {};
let task1: any;
let toProvince: number;
let toWardOffice: number;
let evidenceId: number;

/** The test runs on this world: a copy of its own when it writes, the stage's shared copy when it only reads. */
async function given(s: Stage<TrackingWorld>, t?: TestContext) {
  const w = t ? await s.fresh(t) : await s.shared();
  ({ d, app, unitIds, provincePlanId, wardPlanId, task1, toProvince, toWardOffice, evidenceId } = w);
  ({ skhcn, stc, leader, ward, wardLeader, vhxh, otherWard, admin } = w.as);
  provinceId = unitIds['38']!;
  wardId = unitIds['16516']!;
}

const today = todayInVietnam();
/** What a task not done yet is in 2026, whatever day the tests run. */
const openStatus = (due: string) => (today <= due ? 'inProgress' : 'overdue');

async function assignmentsOf(c: Client, query: string) {
  const r = await c.get(`/api/assignments?${query}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body as { year: number; counts: Record<string, number>; total: number; items: any[] };
}

function find(items: any[], taskNumber: string, unitCode: string) {
  const a = items.find((i) => i.task.number === taskNumber && i.unit.code === unitCode);
  assert.ok(a, `assignment ${taskNumber} for ${unitCode}`);
  return a;
}

async function update(c: Client, assignmentId: number, body: Record<string, unknown>) {
  return c.post(`/api/assignments/${assignmentId}/updates`, {
    percent: 0,
    narrative: '',
    occurredOn: '2026-06-01',
    ...body,
  });
}

describe('the province plan issued: one assignment per task and named unit', () => {
  test('import, save, submit, approve and issue KH 129/KH-UBND', async (t) => {
    await given(signedIn, t);
    const imp = await skhcn.post('/api/plans/import', {
      filename: PROVINCE,
      contentBase64: b64(readFileSync(new URL(PROVINCE, SEEDS))),
    });
    assert.equal(imp.status, 200);
    const created = await skhcn.post('/api/plans', { unitId: provinceId, draft: imp.body.draft, sourceName: PROVINCE });
    assert.equal(created.status, 201);
    provincePlanId = created.body.id;
    assert.equal(
      (await skhcn.get(`/api/assignments?planId=${provincePlanId}`)).body.total,
      0,
      'a draft assigns nothing',
    );
    assert.equal((await skhcn.post(`/api/plans/${provincePlanId}/submit`)).status, 200);
    assert.equal((await leader.post(`/api/plans/${provincePlanId}/approve`)).status, 200);
    const issued = await leader.post(`/api/plans/${provincePlanId}/issue`, {
      number: '129',
      date: '2026-05-04',
      signerName: 'Nguyễn Hoài Anh',
    });
    assert.equal(issued.status, 200, JSON.stringify(issued.body));
  });

  test('Sở KH&CN leads the 6 tasks; the press agency coordinates 1, Sở Tài chính 3.1, Công an tỉnh 4; groups get no assignment', async () => {
    await given(provinceIssued);
    const list = await assignmentsOf(skhcn, `planId=${provincePlanId}&year=2026`);
    const pairs = list.items.map((i) => `${i.task.number} ${i.role} ${i.unit.code}`).sort();
    assert.deepEqual(pairs, [
      '1 coordinator 38.BĐPTTH',
      '1 lead 38.SKHCN',
      '2 lead 38.SKHCN',
      '3.1 coordinator 38.STC',
      '3.1 lead 38.SKHCN',
      '3.2 lead 38.SKHCN',
      '4 coordinator 38.CAT',
      '4 lead 38.SKHCN',
      '5 lead 38.SKHCN',
    ]);
    // Every task of this plan is followed through the yearly report: due "trước ngày 15/12/2026" → Monday 14/12/2026.
    for (const a of list.items) {
      assert.equal(a.dueDate, '2026-12-14');
      assert.equal(a.status, openStatus('2026-12-14'));
      assert.equal(a.percent, 0);
      assert.equal(a.roleLabel, a.role === 'lead' ? 'Chủ trì' : 'Phối hợp');
    }
    // Before the plan started there is nothing to do.
    assert.equal((await assignmentsOf(skhcn, `planId=${provincePlanId}&year=2025`)).total, 0);
  });

  test('each unit sees its own work list and is notified; other units cannot read it', async (t) => {
    await given(provinceIssued, t);
    const mine = await assignmentsOf(stc, `unitId=${unitIds['38.STC']}&year=2026`);
    assert.deepEqual(
      mine.items.map((i) => i.task.number),
      ['3.1'],
    );
    assert.equal(
      (await stc.get(`/api/assignments?unitId=${unitIds['38.SKHCN']}`)).status,
      403,
      'Sở Tài chính does not read Sở KH&CN',
    );
    assert.equal((await ward.get(`/api/assignments?unitId=${provinceId}`)).status, 403);
    const notices = (await stc.get('/api/notifications')).body;
    assert.equal(notices.unread, 1);
    assert.match(notices.items[0].title, /Kế hoạch số 129\/KH-UBND giao 1 nhiệm vụ/);
    const skhcnNotices = (await skhcn.get('/api/notifications')).body;
    assert.match(skhcnNotices.items[0].title, /giao 6 nhiệm vụ/);
    assert.equal(
      (await stc.post(`/api/notifications/${skhcnNotices.items[0].id}/read`)).status,
      404,
      'not addressed to Sở Tài chính',
    );
    const read = await stc.post(`/api/notifications/${notices.items[0].id}/read`);
    assert.equal(read.status, 200);
    assert.equal((await stc.get('/api/notifications')).body.unread, 0);
  });
});

describe('phường Nam Sầm Sơn: cascade, a dated task, issue', () => {
  test('the ward receives its draft, sets a deadline for task 3.2, and its leader issues it', async (t) => {
    await given(provinceIssued, t);
    const cascade = await skhcn.post(`/api/plans/${provincePlanId}/cascade`, { unitIds: [wardId] });
    assert.equal(cascade.status, 201, JSON.stringify(cascade.body));
    wardPlanId = cascade.body.created[0].planId;
    const draft = (await ward.get(`/api/plans/${wardPlanId}`)).body.draft;
    const t32 = draft.tasks.find((t: any) => t.number === '3.2');
    t32.timeframe = T32_DEADLINE;
    assert.equal((await ward.put(`/api/plans/${wardPlanId}`, { draft })).status, 200);
    assert.equal((await ward.post(`/api/plans/${wardPlanId}/submit`)).status, 200);
    assert.equal((await wardLeader.post(`/api/plans/${wardPlanId}/approve`)).status, 200);
    const issued = await wardLeader.post(`/api/plans/${wardPlanId}/issue`, { number: '05', date: '2026-05-20' });
    assert.equal(issued.status, 200, JSON.stringify(issued.body));
  });

  test("Phòng Văn hóa - Xã hội leads; the ward's economic office and police coordinate; statuses follow the dates", async () => {
    await given(wardIssued);
    const list = await assignmentsOf(ward, `unitId=${wardId}&year=2026`);
    assert.deepEqual(list.items.map((i) => `${i.task.number} ${i.role} ${i.unit.code}`).sort(), [
      '1 lead 16516.PVHXH',
      '2 lead 16516.PVHXH',
      '3.1 coordinator 16516.PKTHTĐT',
      '3.1 lead 16516.PVHXH',
      '3.2 lead 16516.PVHXH',
      '4 coordinator 16516.CA',
      '4 lead 16516.PVHXH',
      '5 lead 16516.PVHXH',
    ]);
    const t32 = find(list.items, '3.2', '16516.PVHXH');
    assert.equal(t32.dueDate, '2026-06-30');
    assert.equal(t32.status, 'overdue', 'not done by 30/6/2026');
    assert.equal(t32.statusLabel, 'Chưa hoàn thành, quá hạn');
    assert.equal(find(list.items, '5', '16516.PVHXH').dueDate, '2026-12-14', '"Hàng năm" follows the yearly report');
    assert.equal(list.counts.overdue, 1);
    const overdue = await assignmentsOf(ward, `unitId=${wardId}&year=2026&status=overdue`);
    assert.deepEqual(
      overdue.items.map((i) => i.task.number),
      ['3.2'],
    );
    // The province's focal unit follows the ward; a sibling ward does not.
    assert.equal((await assignmentsOf(skhcn, `unitId=${wardId}&year=2026`)).total, 8);
    assert.equal((await otherWard.get(`/api/assignments?unitId=${wardId}`)).status, 403);
    assert.equal(
      (await otherWard.get(`/api/assignments?planId=${wardPlanId}`)).body.total,
      0,
      'nothing of another ward in my list',
    );
  });

  test("the ward's officers and leaders see what reached its offices; another ward does not", async (t) => {
    await given(wardIssued, t);
    const atWard = (await ward.get('/api/notifications')).body;
    const toVhxh = atWard.items.find((n: any) => /giao 6 nhiệm vụ/.test(n.title));
    assert.ok(toVhxh, JSON.stringify(atWard.items.map((n: any) => n.title)));
    assert.equal(toVhxh.toUnitName, 'Phòng Văn hóa - Xã hội phường Nam Sầm Sơn');
    assert.ok(
      atWard.items.some((n: any) => n.toUnitName?.startsWith('Công an')),
      'the police office coordinates task 4',
    );
    const atOffice = (await vhxh.get('/api/notifications')).body;
    const same = atOffice.items.find((n: any) => n.id === toVhxh.id);
    assert.equal(same.toUnitName, null, 'addressed to the office itself');
    assert.ok(!atOffice.items.some((n: any) => n.toUnitName), 'an office does not see its sibling offices');
    assert.equal((await otherWard.post(`/api/notifications/${toVhxh.id}/read`)).status, 404);
    assert.ok(!(await otherWard.get('/api/notifications')).body.items.some((n: any) => n.id === toVhxh.id));
    // One read mark for the office: read by the ward officer, read for the office's own staff too.
    assert.equal((await ward.post(`/api/notifications/${toVhxh.id}/read`)).status, 200);
    assert.equal((await vhxh.get('/api/notifications')).body.items.find((n: any) => n.id === toVhxh.id).read, true);
  });
});

describe('progress: a conference with participants and its PDF evidence', () => {
  test('the ward officer records the conference under task 1', async (t) => {
    await given(wardIssued, t);
    task1 = find((await assignmentsOf(ward, `unitId=${wardId}&year=2026`)).items, '1', '16516.PVHXH');
    const r = await update(ward, task1.id, CONFERENCE_UPDATE);
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.percent, 40);
    assert.equal(r.body.evidence.length, 1);
    evidenceId = r.body.evidence[0].id;
    assert.equal(r.body.evidence[0].sha256, createHash('sha256').update(PDF).digest('hex'));
    assert.equal(r.body.evidence[0].filename, 'Biên bản hội nghị 12.06.pdf');
    const audit = await d.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_type', '=', 'assignment')
      .where('entity_id', '=', String(task1.id))
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['assignment.update'],
    );
  });

  test('the assignment shows its update, deliverables and evidence; the list shows percent and last update', async () => {
    await given(conferenceRecorded);
    const detail = (await ward.get(`/api/assignments/${task1.id}?year=2026`)).body;
    assert.equal(detail.task.number, '1');
    assert.equal(detail.plan.number, '05');
    assert.equal(detail.assignment.percent, 40);
    assert.equal(detail.assignment.status, openStatus('2026-12-14'));
    assert.equal(detail.updates.length, 1);
    const u = detail.updates[0];
    assert.equal(u.deliverables[0].kind, 'conference');
    assert.equal(u.deliverables[0].kindLabel, 'Hội nghị, hội thảo, tọa đàm');
    assert.equal(u.deliverables[0].participants, 150);
    assert.equal(u.deliverables[1].link, 'https://namsamson.thanhhoa.gov.vn/tin-tuc/hoi-nghi-luat-ai');
    assert.deepEqual(Object.keys(u.evidence[0]).sort(), ['filename', 'id', 'mime', 'sha256', 'size', 'url']);
    assert.equal(u.evidence[0].size, PDF.length);
    assert.equal(u.author.name, 'Người thử nss.cv');
    assert.equal(detail.can.update, true);
    const row = find((await assignmentsOf(ward, `unitId=${wardId}&year=2026`)).items, '1', '16516.PVHXH');
    assert.equal(row.percent, 40);
    assert.equal(row.lastUpdate.occurredOn, '2026-06-15');
  });

  test('the evidence downloads as an attachment of its real type, for those who may read the ward only', async () => {
    await given(conferenceRecorded);
    const r = await ward.request('GET', `/api/evidence/${evidenceId}`);
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'application/pdf');
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    assert.match(
      r.headers.get('content-disposition')!,
      /^attachment; filename="bien_ban_hoi_nghi_12.06.pdf"; filename\*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n/,
    );
    assert.deepEqual(Buffer.from(r.body as ArrayBuffer), PDF);
    assert.equal(
      (await skhcn.request('GET', `/api/evidence/${evidenceId}`)).status,
      200,
      'the province focal unit follows the ward',
    );
    const sibling = await otherWard.get(`/api/evidence/${evidenceId}`);
    assert.equal(sibling.status, 404);
    assert.match(sibling.body.error.message, VI);
    assert.equal((await otherWard.get(`/api/assignments/${task1.id}`)).status, 404);
    assert.equal((await stc.get(`/api/evidence/${evidenceId}`)).status, 404, 'another agency is not the focal unit');
    assert.equal((await new Client(app).get(`/api/evidence/${evidenceId}`)).status, 401);
    assert.equal((await ward.get('/api/evidence/999999')).status, 404);
  });
});

describe('evidence is checked by its bytes', () => {
  const count = () =>
    d.db
      .selectFrom('progress_update')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));

  test('a fake PDF (wrong magic bytes) is refused in Vietnamese, and nothing is recorded', async () => {
    await given(wardIssued);
    const before = await count();
    const fake = Buffer.from('<html><script>alert(1)</script></html>');
    const r = await update(ward, task1.id, {
      percent: 50,
      evidence: [{ filename: 'bao-cao.pdf', mime: 'application/pdf', contentBase64: b64(fake) }],
    });
    assert.equal(r.status, 422);
    assert.equal(r.body.error.code, 'evidence.content_mismatch');
    assert.match(r.body.error.message, /không phải tệp PDF thật/);
    assert.equal(r.body.error.issues[0].path, 'evidence.0.contentBase64');
    assert.equal(await count(), before);
  });

  test('a file over 10 MB is refused with its size named', async () => {
    await given(wardIssued);
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    PDF.copy(big);
    const r = await update(ward, task1.id, {
      percent: 50,
      evidence: [{ filename: 'scan.pdf', mime: 'application/pdf', contentBase64: b64(big) }],
    });
    assert.equal(r.status, 422);
    assert.equal(r.body.error.code, 'evidence.too_large');
    assert.match(r.body.error.message, /vượt quá giới hạn 10,0 MB/);
  });

  test('20 MB of files per update: two full-size scans pass, 20,5 MB is refused by name, five 10 MB scans get a 413 that says why', async (t) => {
    await given(wardIssued, t);
    const scan = (mb: number, fill: number) => {
      const b = Buffer.alloc(Math.round(mb * 1024 * 1024), fill);
      PDF.copy(b);
      return { filename: `scan-${fill}.pdf`, mime: 'application/pdf', contentBase64: b64(b) };
    };
    const before = await d.db
      .selectFrom('evidence_file')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const two = await update(ward, task1.id, {
      percent: 45,
      occurredOn: '2026-06-16',
      evidence: [scan(10, 0x20), scan(10, 0x21)],
    });
    assert.equal(two.status, 201, JSON.stringify(two.body).slice(0, 300));
    const three = await update(ward, task1.id, {
      percent: 45,
      evidence: [scan(7, 0x22), scan(7, 0x23), scan(6.5, 0x24)],
    });
    assert.equal(three.status, 422);
    assert.equal(three.body.error.code, 'evidence.total_too_large');
    assert.match(three.body.error.message, /Tổng dung lượng minh chứng 20,5 MB vượt quá 20,0 MB/);
    const five = await update(ward, task1.id, {
      percent: 45,
      evidence: [1, 2, 3, 4, 5].map((i) => scan(10, 0x30 + i)),
    });
    assert.equal(five.status, 413);
    assert.match(five.body.error.message, /10,0 MB mỗi tệp và 20,0 MB mỗi lần cập nhật/);
    const after = await d.db
      .selectFrom('evidence_file')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(after.n) - Number(before.n), 2, 'only the accepted update stored files');
  });

  test('a declared type that differs from the content, a disallowed type, a sixth file, a mismatched name', async (t) => {
    await given(wardIssued, t);
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<w:document/>');
    const docx = await zip.generateAsync({ type: 'nodebuffer' });
    const asPdf = await update(ward, task1.id, {
      percent: 50,
      evidence: [{ filename: 'ke-hoach.pdf', mime: 'application/pdf', contentBase64: b64(docx) }],
    });
    assert.equal(asPdf.status, 422);
    assert.match(asPdf.body.error.message, /khai là PDF nhưng nội dung là Word/);
    const exe = await update(ward, task1.id, {
      percent: 50,
      evidence: [
        { filename: 'x.exe', mime: 'application/x-msdownload', contentBase64: b64(Buffer.from('MZ\x90\x00')) },
      ],
    });
    assert.equal(exe.status, 422);
    assert.equal(exe.body.error.code, 'evidence.type_not_allowed');
    const six = await update(ward, task1.id, {
      percent: 50,
      evidence: Array.from({ length: 6 }, (_, i) => ({
        filename: `${i}.pdf`,
        mime: 'application/pdf',
        contentBase64: b64(PDF),
      })),
    });
    assert.equal(six.status, 400);
    assert.match(six.body.error.message, /tối đa 5 tệp/);
    const name = await update(ward, task1.id, {
      percent: 50,
      evidence: [{ filename: 'bien-ban.docx', mime: 'application/pdf', contentBase64: b64(PDF) }],
    });
    assert.equal(name.status, 422);
    assert.equal(name.body.error.code, 'evidence.name_mismatch');
    const docxOk = await update(ward, task1.id, {
      percent: 45,
      occurredOn: '2026-06-20',
      evidence: [
        {
          filename: '../../etc/Kế hoạch\u0000 tuyên truyền',
          mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          contentBase64: b64(docx),
        },
      ],
    });
    assert.equal(docxOk.status, 201, JSON.stringify(docxOk.body));
    assert.equal(
      docxOk.body.evidence[0].filename,
      'Kế hoạch tuyên truyền.docx',
      'folders and control characters removed, extension added',
    );
  });

  test('dates in the future and impossible dates are refused', async () => {
    await given(wardIssued);
    const future = await update(ward, task1.id, { percent: 50, occurredOn: '2099-01-01' });
    assert.equal(future.status, 422);
    assert.equal(future.body.error.code, 'tracking.date_in_future');
    assert.match(future.body.error.message, /không được sau ngày hôm nay/);
    const impossible = await update(ward, task1.id, {
      percent: 50,
      deliverables: [{ kind: 'document', title: 'Công văn', occurredOn: '2026-02-30' }],
    });
    assert.equal(impossible.status, 422);
    assert.equal(impossible.body.error.issues[0].path, 'deliverables.0.occurredOn');
  });
});

describe('obstacles go to the focal unit of the level that issued the plan', () => {
  test("the ward's focal office raises a difficulty: it goes up to Sở KH&CN", async (t) => {
    await given(wardIssued, t);
    const r = await update(ward, task1.id, DIFFICULTY_UPDATE);
    assert.equal(r.status, 201, JSON.stringify(r.body));
    toProvince = r.body.obstacles[0].id;
    assert.equal(r.body.obstacles[0].toUnitId, unitIds['38.SKHCN']);
    const inbox = (await skhcn.get('/api/obstacles?box=inbox&status=open')).body;
    const o = inbox.items.find((i: any) => i.id === toProvince);
    assert.ok(o, 'in the inbox of Sở KH&CN');
    assert.equal(o.unit.name, 'Phòng Văn hóa - Xã hội phường Nam Sầm Sơn');
    assert.equal(o.kindLabel, 'Khó khăn, vướng mắc');
    assert.equal(o.task.number, '1');
    assert.equal(o.can.answer, true);
    assert.ok(
      !(await vhxh.get('/api/obstacles?box=inbox')).body.items.some((i: any) => i.id === toProvince),
      'not in its own inbox',
    );
    assert.ok(
      (await ward.get('/api/obstacles?box=outbox')).body.items.some((i: any) => i.id === toProvince),
      "in the ward's outbox",
    );
    const notice = (await skhcn.get('/api/notifications?unread=true')).body.items.find(
      (n: any) => n.kind === 'obstacle.raised',
    );
    assert.match(notice.title, /Khó khăn, vướng mắc của Phòng Văn hóa - Xã hội phường Nam Sầm Sơn/);
  });

  test("an office of the ward raises a proposal: it goes to the ward's Phòng Văn hóa - Xã hội", async (t) => {
    await given(wardIssued, t);
    const t31 = find((await assignmentsOf(ward, `unitId=${wardId}&year=2026`)).items, '3.1', '16516.PKTHTĐT');
    const r = await update(ward, t31.id, PROPOSAL_UPDATE);
    assert.equal(r.status, 201, JSON.stringify(r.body));
    toWardOffice = r.body.obstacles[0].id;
    assert.equal(r.body.obstacles[0].toUnitId, unitIds['16516.PVHXH']);
    assert.ok(
      (await vhxh.get('/api/obstacles?box=inbox')).body.items.some((i: any) => i.id === toWardOffice),
      'in the focal office inbox',
    );
    assert.ok(
      (await wardLeader.get('/api/obstacles?box=inbox')).body.items.some((i: any) => i.id === toWardOffice),
      "the ward's leaders see what reached their focal office",
    );
    assert.ok(
      !(await skhcn.get('/api/obstacles?box=inbox')).body.items.some((i: any) => i.id === toWardOffice),
      'a ward matter stays in the ward',
    );
    assert.ok(!(await otherWard.get('/api/obstacles?box=inbox')).body.items.some((i: any) => i.id === toWardOffice));
    assert.equal(
      (await vhxh.get('/api/notifications')).body.items.filter((n: any) => n.kind === 'obstacle.raised').length,
      1,
    );
  });

  test('the receiving units answer; the raising units are notified; others cannot answer', async (t) => {
    await given(obstaclesRaised, t);
    assert.equal(
      (await otherWard.post(`/api/obstacles/${toProvince}/answer`, { answer: 'Không có thẩm quyền trả lời.' })).status,
      404,
    );
    assert.equal(
      (await stc.post(`/api/obstacles/${toProvince}/answer`, { answer: 'Không có thẩm quyền trả lời.' })).status,
      404,
    );
    const short = await skhcn.post(`/api/obstacles/${toProvince}/answer`, { answer: 'ok' });
    assert.equal(short.status, 400);
    const a = await skhcn.post(`/api/obstacles/${toProvince}/answer`, {
      answer: 'Sở KH&CN sẽ ban hành tài liệu hỏi đáp về Luật trong quý III/2026 và gửi các xã, phường.',
    });
    assert.equal(a.status, 200, JSON.stringify(a.body));
    const b = await vhxh.post(`/api/obstacles/${toWardOffice}/answer`, {
      answer: 'Phòng VH-XH sẽ chủ trì buổi làm việc với Phòng KT-HT-ĐT trong tháng 8.',
    });
    assert.equal(b.status, 200);
    const outbox = (await ward.get('/api/obstacles?box=outbox&status=answered')).body.items;
    assert.deepEqual(outbox.map((i: any) => i.id).sort(), [toProvince, toWardOffice].sort());
    assert.match(outbox.find((i: any) => i.id === toProvince).answer, /tài liệu hỏi đáp/);
    const notice = (await vhxh.get('/api/notifications')).body.items.find((n: any) => n.kind === 'obstacle.answered');
    assert.match(notice.title, /Sở Khoa học và Công nghệ đã trả lời khó khăn, vướng mắc/);
    const detail = (await ward.get(`/api/assignments/${task1.id}`)).body;
    assert.equal(detail.obstacles[0].status, 'answered');
    const audit = await d.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'obstacle')
      .where('entity_id', '=', String(toProvince))
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((x) => x.action),
      ['obstacle.raise', 'obstacle.answer'],
    );
  });
});

describe('statuses are computed from dates, never typed', () => {
  test('done late, done on time, reopened', async (t) => {
    await given(wardIssued, t);
    const list = (await assignmentsOf(ward, `unitId=${wardId}&year=2026`)).items;
    const t32 = find(list, '3.2', '16516.PVHXH');
    assert.equal(
      (
        await update(ward, t32.id, {
          percent: 30,
          completed: true,
          occurredOn: '2026-07-10',
          narrative: 'Đã triển khai hướng dẫn.',
        })
      ).status,
      201,
    );
    const t2 = find(list, '2', '16516.PVHXH');
    assert.equal(
      (
        await update(ward, t2.id, {
          percent: 100,
          completed: true,
          occurredOn: '2026-11-20',
          deliverables: [
            {
              kind: 'report',
              title: 'Báo cáo kết quả rà soát văn bản',
              occurredOn: '2026-11-20',
              documentNumber: '112/BC-UBND',
            },
          ],
        })
      ).status,
      201,
    );
    const after = await assignmentsOf(ward, `unitId=${wardId}&year=2026`);
    const late = find(after.items, '3.2', '16516.PVHXH');
    assert.equal(late.status, 'doneLate');
    assert.equal(late.statusLabel, 'Hoàn thành quá hạn');
    assert.equal(late.percent, 100, 'completed means 100 %');
    assert.equal(late.completedOn, '2026-07-10');
    assert.equal(find(after.items, '2', '16516.PVHXH').status, 'doneOnTime');
    assert.equal(after.counts.doneLate, 1);
    assert.equal(after.counts.doneOnTime, 1);
    // A repeating task starts again in the next period; a one-off task done in 2026 leaves the 2027 list.
    const next = await assignmentsOf(ward, `unitId=${wardId}&year=2027`);
    assert.equal(find(next.items, '2', '16516.PVHXH').status, 'inProgress');
    assert.equal(find(next.items, '2', '16516.PVHXH').percent, 0);
    assert.equal(find(next.items, '2', '16516.PVHXH').dueDate, '2027-12-14');
    assert.ok(!next.items.some((i) => i.task.number === '3.2'));
    // A later update that is not "completed" reopens the work.
    assert.equal(
      (
        await update(ward, t2.id, {
          percent: 90,
          occurredOn: '2026-11-21',
          narrative: 'Phát sinh văn bản mới cần rà soát.',
        })
      ).status,
      201,
    );
    assert.equal(
      find((await assignmentsOf(ward, `unitId=${wardId}&year=2026`)).items, '2', '16516.PVHXH').status,
      openStatus('2026-12-14'),
    );
  });
});

describe('an amendment keeps the history', () => {
  // A cascaded ward plan cannot be amended yet (plans module: unique index plan_child_per_unit_idx), so the
  // province plan is amended here.
  test('assignments move to the new tasks with their updates; new units get new ones; dropped units keep theirs on the old plan', async (t) => {
    await given(wardIssued, t);
    const before = (await assignmentsOf(skhcn, `planId=${provincePlanId}&year=2026`)).items;
    const t4 = find(before, '4', '38.SKHCN');
    const stc31 = find(before, '3.1', '38.STC');
    const progress = await update(skhcn, t4.id, {
      percent: 25,
      occurredOn: '2026-07-15',
      narrative: 'Khảo sát dữ liệu của các sở, ngành.',
      deliverables: [
        { kind: 'dataset', title: 'Danh mục dữ liệu phục vụ trí tuệ nhân tạo (bản đầu)', occurredOn: '2026-07-15' },
      ],
    });
    assert.equal(progress.status, 201, JSON.stringify(progress.body));
    assert.equal(
      (await update(stc, stc31.id, { percent: 10, occurredOn: '2026-07-20', narrative: 'Rà soát nguồn kinh phí.' }))
        .status,
      201,
    );

    const amend = await skhcn.post(`/api/plans/${provincePlanId}/amend`);
    assert.equal(amend.status, 201, JSON.stringify(amend.body));
    const amendId = amend.body.id;
    const draft = (await skhcn.get(`/api/plans/${amendId}`)).body.draft;
    const culture = (await skhcn.get('/api/units/search?q=38.SVHTTDL&limit=1')).body[0];
    const first = draft.tasks.find((t: any) => t.number === '1');
    first.coordinators = [
      {
        text: culture.name,
        unitId: culture.id,
        unitCode: culture.code,
        unitName: culture.name,
        confidence: 1,
        group: false,
      },
      ...first.coordinators,
    ];
    const task31 = draft.tasks.find((t: any) => t.number === '3.1');
    task31.coordinators = task31.coordinators.filter((c: any) => c.unitCode !== '38.STC');
    assert.equal((await skhcn.put(`/api/plans/${amendId}`, { draft })).status, 200);
    assert.equal((await skhcn.post(`/api/plans/${amendId}/submit`)).status, 200);
    assert.equal((await leader.post(`/api/plans/${amendId}/approve`)).status, 200);
    const issued = await leader.post(`/api/plans/${amendId}/issue`, { number: '215', date: '2026-08-10' });
    assert.equal(issued.status, 200, JSON.stringify(issued.body));

    const detail = (await skhcn.get(`/api/assignments/${t4.id}?year=2026`)).body;
    assert.equal(detail.plan.id, amendId, 'same assignment, now on the amendment');
    assert.equal(detail.plan.number, '215');
    assert.equal(detail.assignment.percent, 25);
    assert.equal(detail.updates.length, 1);
    assert.equal(detail.updates[0].deliverables[0].kind, 'dataset');
    // The ward's own plan is untouched.
    assert.equal((await ward.get(`/api/assignments/${task1.id}`)).body.plan.id, wardPlanId);

    const list = await assignmentsOf(skhcn, `unitId=${provinceId}&year=2026`);
    const fromProvince = list.items.filter((i) => i.plan.id === amendId || i.plan.id === provincePlanId);
    assert.ok(
      fromProvince.every((i) => i.plan.id === amendId),
      'only the plan in force is listed',
    );
    assert.ok(find(list.items, '1', '38.SVHTTDL'), 'a new assignment for the agency added by the amendment');
    assert.ok(!list.items.some((i) => i.unit.code === '38.STC'), 'the dropped agency is no longer in the work list');
    const old = (await stc.get(`/api/assignments/${stc31.id}`)).body;
    assert.equal(old.plan.id, provincePlanId);
    assert.equal(old.plan.status, 'amended');
    assert.equal(old.updates.length, 1, 'its history stays');
    assert.equal(old.can.update, false);
    const late = await update(stc, stc31.id, { percent: 30, occurredOn: '2026-08-12' });
    assert.equal(late.status, 409);
    assert.match(late.body.error.message, /không còn hiệu lực/);
    assert.deepEqual(
      (await assignmentsOf(skhcn, `planId=${provincePlanId}&year=2026`)).items.map((i) => i.unit.code),
      ['38.STC'],
      'the amended plan keeps only the dropped assignment',
    );
    const culturalNotices = await d.db
      .selectFrom('notification')
      .select('title')
      .where('unit_id', '=', culture.id)
      .execute();
    assert.deepEqual(
      culturalNotices.map((n) => n.title),
      ['Kế hoạch số 215/KH-UBND giao 1 nhiệm vụ cho đơn vị'],
    );
  });
});

describe('the working-day calendar', () => {
  test('a year lists its holidays, compensatory days and make-up days with Vietnamese names', async () => {
    await given(signedIn);
    const r = await ward.get('/api/calendar/2027');
    assert.equal(r.status, 200);
    const tet = r.body.holidays.filter((h: any) => h.kind === 'lunarNewYear');
    assert.deepEqual(
      tet.map((h: any) => h.date),
      ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09'],
    );
    assert.equal(tet[1].detail, 'mùng 1 Tết Đinh Mùi');
    assert.deepEqual(
      r.body.compensatoryDays.map((h: any) => `${h.date} ${h.name}`),
      [
        '2027-02-10 Nghỉ bù Tết Nguyên đán',
        '2027-02-11 Nghỉ bù Tết Nguyên đán',
        '2027-05-03 Nghỉ bù Ngày Quốc tế Lao động',
      ],
    );
    assert.equal(r.body.compensatoryDays[2].weekday, 'Thứ Hai');
    assert.equal((await new Client(app).get('/api/calendar/2027')).status, 401);
    assert.equal((await ward.get('/api/calendar/1800')).status, 400);
  });

  test('only a system administrator adjusts it; invalid adjustments are refused; due dates follow it', async (t) => {
    await given(wardIssued, t);
    const announcement = {
      years: {
        '2026': {
          addDaysOff: [{ date: '2026-12-14', name: 'Nghỉ theo thông báo (kiểm thử)' }],
          source: 'Thông báo kiểm thử',
        },
        '2027': {
          makeUpWorkingDays: [{ date: '2027-02-20', name: 'Làm bù cho ngày 04/02/2027' }],
          addDaysOff: [{ date: '2027-02-04', name: 'Nghỉ hoán đổi' }],
        },
      },
    };
    const denied = await skhcn.put('/api/calendar', announcement);
    assert.equal(denied.status, 403);
    const weekday = await admin.put('/api/calendar', {
      years: { '2027': { makeUpWorkingDays: [{ date: '2027-02-17', name: 'Làm bù' }] } },
    });
    assert.equal(weekday.status, 422);
    assert.match(weekday.body.error.message, /phải là thứ Bảy hoặc Chủ nhật/);
    const wrongYear = await admin.put('/api/calendar', {
      years: { '2027': { addDaysOff: [{ date: '2026-05-05', name: 'Nghỉ' }] } },
    });
    assert.equal(wrongYear.status, 422);
    const ok = await admin.put('/api/calendar', announcement);
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    const y2027 = (await ward.get('/api/calendar/2027')).body;
    assert.deepEqual(
      y2027.makeUpWorkingDays.map((m: any) => m.date),
      ['2027-02-20'],
    );
    assert.deepEqual(
      y2027.announcedDaysOff.map((m: any) => m.date),
      ['2027-02-04'],
    );
    // 14/12/2026 is now a day off: "trước ngày 15/12" falls on Friday 11/12.
    const t5 = find((await assignmentsOf(ward, `unitId=${wardId}&year=2026`)).items, '5', '16516.PVHXH');
    assert.equal(t5.dueDate, '2026-12-11');
    const audit = await d.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'calendar_config')
      .execute();
    assert.equal(audit.length, 1);
    assert.equal((await admin.put('/api/calendar', {})).status, 200);
    assert.equal(
      find((await assignmentsOf(ward, `unitId=${wardId}&year=2026`)).items, '5', '16516.PVHXH').dueDate,
      '2026-12-14',
    );
  });
});
