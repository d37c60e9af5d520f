// The found cases of issue 15, items 4 and 5, on real data. A ward cannot reach another unit's draft through any
// reference (a parent plan, a regime, a plan in a request), nor can the public once the ward issues its plan; the
// focal Sở reads, returns with a reason, reminds and compiles, but never writes a commune's content.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { TestDatabase } from '../support/db.ts';
import { openWorld } from '../support/factories.ts';
import { Client, makeUser, type App } from '../support/api.ts';

const SECRET = 'Dự thảo mật của phường Hạc Thành';
const SECRET_TASK = 'Nhiệm vụ nội bộ chưa công bố của phường Hạc Thành';

let d: TestDatabase;
let app: App;
let sys: Client;
let focal: Client;
let ward: Client;
let wardLeader: Client;
let other: Client;
const id = {} as { province: number; ward: number; other: number; skhcn: number };
let draft: any;
let wardDraft: any;
let secretPlanId: number;

async function unitId(code: string): Promise<number> {
  return (await d.db.selectFrom('unit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

before(async () => {
  const w = await openWorld({
    sys: ['vis.sys', '38', ['sysadmin']],
    focal: ['vis.skhcn', '38.SKHCN', ['officer']],
    ward: ['vis.nss', '16516', ['officer']],
    wardLeader: ['vis.nss.ld', '16516', ['leader']],
    other: ['vis.hacthanh', '14797', ['officer']],
  });
  ({ d, app } = w);
  ({ sys, focal, ward, wardLeader, other } = w.as);
  Object.assign(id, {
    province: await unitId('38'),
    ward: await unitId('16516'),
    other: await unitId('14797'),
    skhcn: await unitId('38.SKHCN'),
  });
  const seed = readFileSync(
    new URL('../fixtures/plans/ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt', import.meta.url),
  );
  draft = (await sys.post('/api/plans/import', { filename: 'kh.txt', contentBase64: seed.toString('base64') })).body
    .draft;
  const wardSeed = readFileSync(
    new URL('../fixtures/plans/ke-hoach-phuong-nam-sam-son-thi-hanh-luat-tri-tue-nhan-tao.md', import.meta.url),
  );
  wardDraft = (await sys.post('/api/plans/import', { filename: 'kh.md', contentBase64: wardSeed.toString('base64') }))
    .body.draft;
  const secret = {
    ...draft,
    document: { ...draft.document, title: SECRET },
    tasks: draft.tasks.map((t: any, i: number) => (i === 0 ? { ...t, content: SECRET_TASK } : t)),
  };
  const r = await other.post('/api/plans', { unitId: id.other, draft: secret });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  secretPlanId = r.body.id;
});
after(() => d.close());

const due = new Date(Date.now() + 7 * 3_600_000 + 30 * 86_400_000).toISOString().slice(0, 10);
const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const window = { from: `${Number(today.slice(0, 4)) - 1}-12-15`, to: due };

const leaks = (body: unknown) => JSON.stringify(body).includes(SECRET) || JSON.stringify(body).includes(SECRET_TASK);

async function issue(planId: number, number: string): Promise<void> {
  for (const [step, body] of [
    ['submit', {}],
    ['approve', {}],
    ['issue', { number, date: '2026-05-04' }],
  ] as const) {
    const r = await sys.post(`/api/plans/${planId}/${step}`, body);
    assert.equal(r.status, 200, `${step}: ${JSON.stringify(r.body)}`);
  }
}

describe("references to another unit's draft", () => {
  test("a ward cannot name another ward's draft as its parent: 404, the same answer as an unknown plan, nothing saved", async () => {
    const before = await d.db.selectFrom('plan').select('id').where('unit_id', '=', id.ward).execute();
    const named = await ward.post('/api/plans', { unitId: id.ward, draft, parentPlanId: secretPlanId });
    const unknown = await ward.post('/api/plans', { unitId: id.ward, draft, parentPlanId: 2_147_483_000 });
    assert.equal(named.status, 404);
    assert.deepEqual(named.body, unknown.body);
    assert.equal(named.body.error.issues[0].path, 'parentPlanId');
    assert.equal(
      (await d.db.selectFrom('plan').select('id').where('unit_id', '=', id.ward).execute()).length,
      before.length,
    );
    assert.ok(!leaks(named.body));
  });

  test("a parent must be issued: one's own draft as a parent is refused with a reason", async () => {
    const own = await ward.post('/api/plans', { unitId: id.ward, draft });
    assert.equal(own.status, 201);
    const r = await ward.post('/api/plans', { unitId: id.ward, draft, parentPlanId: own.body.id });
    assert.equal(r.status, 422);
    assert.equal(r.body.error.code, 'plan.parent_not_issued');
    assert.match(r.body.error.message, /chưa ban hành/);
  });

  test('an issued plan is a parent anyone may name', async () => {
    const province = await focal.post('/api/plans', { unitId: id.province, draft });
    assert.equal(province.status, 201, 'the focal Sở drafts the province plan for UBND tỉnh');
    await issue(province.body.id, '301');
    const child = await ward.post('/api/plans', { unitId: id.ward, draft, parentPlanId: province.body.id });
    assert.equal(child.status, 201, JSON.stringify(child.body));
    const compare = await ward.get(`/api/plans/${child.body.id}/compare`);
    assert.equal(compare.status, 200);
    assert.equal(compare.body.parent.id, province.body.id);
    assert.equal(
      (await new Client(app).get(`/api/plans/${child.body.id}/compare`)).status,
      404,
      "the ward's draft is not public",
    );
  });

  test("a child issued before the rule, whose parent is someone's draft, shows the draft to no one outside its unit", async () => {
    // Data written before parents had to be issued: the ward's plan names the other ward's draft, then is issued.
    const own = await ward.post('/api/plans', { unitId: id.ward, draft: wardDraft });
    assert.equal(own.status, 201, JSON.stringify(own.body));
    await d.db
      .updateTable('plan')
      .set({
        parent_plan_id: secretPlanId,
        status: 'issued',
        published: true,
        number: '302',
        issued_date: '2026-05-04',
      })
      .where('id', '=', own.body.id)
      .execute();
    for (const [who, client] of [
      ['ward officer', ward],
      ['anonymous', new Client(app)],
    ] as const) {
      const compare = await client.get(`/api/plans/${own.body.id}/compare`);
      assert.equal(compare.status, 422, `${who}: ${JSON.stringify(compare.body)}`);
      assert.equal(compare.body.error.code, 'plan.no_parent');
      const detail = await client.get(`/api/plans/${own.body.id}`);
      assert.equal(detail.status, 200);
      assert.equal(detail.body.parent, null, `${who} sees no parent`);
      assert.ok(!leaks(detail.body) && !leaks(compare.body), `${who} reads nothing of the draft`);
      const children = await client.get(`/api/plans?parentPlanId=${secretPlanId}`);
      assert.equal(children.status, 404, `${who} cannot list the children of a draft`);
      for (const format of ['json', 'docx', 'xlsx']) {
        const exported = await client.get(`/api/plans/${own.body.id}/export.${format}`);
        assert.equal(exported.status, 200);
        const bytes =
          exported.body instanceof ArrayBuffer
            ? Buffer.from(new Uint8Array(exported.body))
            : Buffer.from(JSON.stringify(exported.body));
        assert.ok(!bytes.includes(SECRET), `${who}: export.${format}`);
      }
    }
    // Its own unit and a system administrator still see the link.
    const inside = await other.get(`/api/plans/${own.body.id}/compare`);
    assert.equal(inside.status, 200, "the draft's own ward reads both");
    assert.equal(inside.body.parent.id, secretPlanId);
  });

  test('every route answers the draft itself with 404, as an unknown id', async () => {
    for (const path of [
      `/api/plans/${secretPlanId}`,
      `/api/plans/${secretPlanId}/compare`,
      `/api/plans/${secretPlanId}/export.json`,
      `/api/dashboard/focal?planId=${secretPlanId}`,
      `/api/assignments?planId=${secretPlanId}`,
      `/api/regimes?planId=${secretPlanId}`,
    ]) {
      const r = await ward.get(path);
      const unknown = await ward.get(path.replace(String(secretPlanId), '2147483000'));
      assert.equal(r.status, 404, path);
      assert.deepEqual(r.body, unknown.body, path);
    }
    assert.equal((await new Client(app).get(`/api/plans/${secretPlanId}`)).status, 404, 'anonymous');
    assert.equal((await ward.put(`/api/plans/${secretPlanId}`, { draft })).status, 404);
  });
});

describe('reporting regimes', () => {
  test("another ward's ad hoc request is not found by a ward officer; its own units read it", async () => {
    const asked = await other.post('/api/regimes', {
      name: 'Báo cáo nội bộ Hạc Thành',
      content: 'Nội dung chỉ của phường Hạc Thành',
      dueDate: due,
      window,
      submitterKinds: ['office'],
    });
    assert.equal(asked.status, 201, JSON.stringify(asked.body));
    const r = await ward.get(`/api/regimes/${asked.body.id}`);
    const unknown = await ward.get('/api/regimes/2147483000');
    assert.equal(r.status, 404);
    assert.deepEqual(r.body, unknown.body);
    assert.ok(!JSON.stringify(r.body).includes('Hạc Thành'));
    assert.equal(
      (await ward.get(`/api/regimes/${asked.body.id}/periods/${due.slice(0, 4)}/status`)).status,
      404,
      'its periods likewise',
    );
    assert.ok(!(await ward.get('/api/regimes')).body.some((x: any) => x.id === asked.body.id), 'nor listed');
    assert.equal((await other.get(`/api/regimes/${asked.body.id}`)).status, 200);
    const office = await makeUser(d.db, 'vis.hacthanh.vp', '14797.VP', ['viewer']);
    assert.ok(office.id);
    assert.equal(
      (await (await new Client(app).login('vis.hacthanh.vp')).get(`/api/regimes/${asked.body.id}`)).status,
      200,
      'a unit asked reads what it owes',
    );
  });
});

describe('the focal unit follows, the commune holds the pen', () => {
  let communeDraft: number;

  test("the focal officer reads a commune's draft plan but cannot change it (403); the commune can", async () => {
    const province = await focal.post('/api/plans', { unitId: id.province, draft });
    await issue(province.body.id, '303');
    const cascaded = await focal.post(`/api/plans/${province.body.id}/cascade`, { unitIds: [id.ward] });
    assert.equal(cascaded.status, 201, "cascading the province plan is the Sở's work for UBND tỉnh");
    communeDraft = cascaded.body.created[0].planId;
    const seen = await focal.get(`/api/plans/${communeDraft}`);
    assert.equal(seen.status, 200, 'the Sở follows the commune');
    assert.deepEqual(
      [seen.body.can.edit, seen.body.can.submit, seen.body.can.amend],
      [false, false, false],
      'no edit control for the Sở',
    );
    assert.equal((await focal.put(`/api/plans/${communeDraft}`, { draft: seen.body.draft })).status, 403);
    assert.equal((await focal.post(`/api/plans/${communeDraft}/submit`)).status, 403);
    const mine = await ward.get(`/api/plans/${communeDraft}`);
    assert.equal(mine.body.can.edit, true);
    assert.equal((await ward.put(`/api/plans/${communeDraft}`, { draft: mine.body.draft })).status, 200);
  });

  test("the focal officer returns a commune's report with a reason, compiles and reminds, but cannot rewrite it", async () => {
    const asked = await focal.post('/api/regimes', {
      ownerUnitId: id.skhcn,
      name: 'Báo cáo kiểm tra thi hành',
      content: 'Báo cáo tình hình thi hành luật',
      dueDate: due,
      window,
      submitterUnitIds: [id.ward],
    });
    assert.equal(asked.status, 201, JSON.stringify(asked.body));
    const key = due.slice(0, 4);
    const created = await ward.post(`/api/regimes/${asked.body.id}/periods/${key}/reports`, {});
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const reportId = created.body.id;
    assert.equal(
      (await focal.put(`/api/reports/${reportId}`, { narrative: { results: 'Sở viết thay' } })).status,
      403,
      'not the draft',
    );
    assert.equal((await wardLeader.post(`/api/reports/${reportId}/approve`, { confirmEmpty: true })).status, 200);
    assert.equal((await ward.post(`/api/reports/${reportId}/submit`)).status, 200);
    const received = await focal.get(`/api/reports/${reportId}`);
    assert.deepEqual(received.body.can, { edit: false, approve: false, submit: false, accept: true, return: true });
    assert.equal(
      (await focal.post(`/api/reports/${reportId}/return`, { reason: 'Bổ sung số liệu hội nghị' })).status,
      200,
    );
    const returned = await focal.get(`/api/reports/${reportId}`);
    assert.equal(returned.body.report.status, 'returned');
    assert.equal(returned.body.can.edit, false, 'no edit box for the Sở on the returned report');
    const rewrite = await focal.put(`/api/reports/${reportId}`, { narrative: { results: 'Sở viết thay' } });
    assert.equal(rewrite.status, 403);
    assert.equal((await focal.post(`/api/reports/${reportId}/prefill`)).status, 403);
    const after = await ward.get(`/api/reports/${reportId}`);
    assert.ok(!JSON.stringify(after.body.report.content).includes('Sở viết thay'));
    assert.equal(after.body.can.edit, true, 'the ward holds the pen');
    assert.equal(
      (await ward.put(`/api/reports/${reportId}`, { narrative: { results: 'Phường bổ sung số liệu' } })).status,
      200,
    );
    for (const tail of ['status', 'compiled', 'reminder'])
      assert.equal((await focal.get(`/api/regimes/${asked.body.id}/periods/${key}/${tail}`)).status, 200, tail);
    assert.equal((await focal.get(`/api/regimes/${asked.body.id}`)).body.can.review, true);
  });
});
