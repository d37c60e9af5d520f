// Review findings are stored with the plan: computed when it is written, read as stored (the checks do not run on
// a read), and recomputed by the writes that make them stale — the plan's status, its parent's amendment, a change of
// the unit register — and once at `prepare` for rows that have none.
import { after, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { TestDatabase } from '../support/db.ts';
import { Client, type App } from '../support/api.ts';
import {
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
import { prepareDatabase } from '../../src/bootstrap.ts';
import { resetWork, work } from '../../src/domain/work.ts';

const SEEDS = new URL('../fixtures/plans/', import.meta.url);
const PROVINCE = 'ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt';
const WARD = 'ke-hoach-phuong-nam-sam-son-thi-hanh-luat-tri-tue-nhan-tao.md';
const NEW_PLACE = 'Tổ dân phố Hải Đăng Mới';

const CAST = {
  skhcn: ['f.skhcn', '38.SKHCN', ['officer']],
  leader: ['f.tinh', '38', ['leader']],
  ward: ['f.nss', '16516', ['officer']],
  wardAdmin: ['f.nss.qt', '16516', ['unitAdmin']],
} satisfies Cast;

type FindingsWorld = World<typeof CAST> & { provincePlanId: number; wardPlanId: number };

// The stages the tests start from, each built through the API on the one before.
const signedIn = stage(
  async () => ({ ...(await openWorld(CAST, ['38', '16516'])), provincePlanId: 0, wardPlanId: 0 }) as FindingsWorld,
);
const provinceDraft = stage(async () => {
  const w = await signedIn.copy();
  w.provincePlanId = await createPlanFromSeed(w.as.skhcn, w.unitIds['38']!);
  return w;
});
const provinceIssued = stage(async () => {
  const w = await provinceDraft.copy();
  await issuePlan(w.provincePlanId, { officer: w.as.skhcn, leader: w.as.leader, number: '129', date: '2026-05-04' });
  return w;
});
/** The ward's seed, naming a place not in the register yet, saved as a child of the province plan. */
const wardChild = stage(async () => {
  const w = await provinceIssued.copy();
  const r = await w.as.ward.post('/api/plans', {
    unitId: w.unitIds['16516'],
    draft: withNewPlace(await imported(w.as.ward, WARD)),
    parentPlanId: w.provincePlanId,
  });
  ok(r, 'ward plan', 201);
  w.wardPlanId = r.body.id;
  return w;
});
/** The province plan amended with a task 7 the ward's plan does not cover, issued as KH 130: the child rechecked. */
const parentAmended = stage(async () => {
  const w = await wardChild.copy();
  const amendment = await w.as.skhcn.post(`/api/plans/${w.provincePlanId}/amend`);
  ok(amendment, 'amend', 201);
  await editDraft(w.as.skhcn, amendment.body.id, addTask7);
  await issuePlan(amendment.body.id, { officer: w.as.skhcn, leader: w.as.leader, number: '130', date: '2026-05-04' });
  return w;
});
after(() => closeStages(signedIn, provinceDraft, provinceIssued, wardChild, parentAmended));

function addTask7(draft: any) {
  draft.tasks.push({
    ...draft.tasks[0],
    number: '7',
    title: 'Xây dựng kho dữ liệu giống lúa đặc sản vùng ven biển',
    parentTask: null,
  });
}

function withNewPlace(draft: any) {
  draft.tasks[0].coordinators.push({
    text: NEW_PLACE,
    unitId: null,
    unitCode: null,
    unitName: null,
    confidence: 0,
    group: false,
  });
  return draft;
}

let d: TestDatabase;
let app: App;
let skhcn: Client;
let leader: Client;
let ward: Client;
let wardAdmin: Client;
let provinceId: number;
let wardId: number;
let provincePlanId: number;
let wardPlanId: number;

/** The test runs on its own copy of the stage (every test here writes). */
async function given(s: Stage<FindingsWorld>, t: TestContext) {
  const w = await s.fresh(t);
  ({ d, app, provincePlanId, wardPlanId } = w);
  ({ skhcn, leader, ward, wardAdmin } = w.as);
  provinceId = w.unitIds['38']!;
  wardId = w.unitIds['16516']!;
}

async function imported(c: Client, name: string) {
  const r = await c.post('/api/plans/import', {
    filename: name,
    contentBase64: readFileSync(new URL(name, SEEDS)).toString('base64'),
  });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.draft;
}

async function storedRow(id: number) {
  return d.db
    .selectFrom('plan')
    .select(['findings', 'findings_register', 'status'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

const codes = (findings: any) => findings as Array<{ code: string; message: string }>;

async function issue(id: number, number: string) {
  assert.equal((await skhcn.post(`/api/plans/${id}/submit`)).status, 200);
  assert.equal((await leader.post(`/api/plans/${id}/approve`)).status, 200);
  const r = await leader.post(`/api/plans/${id}/issue`, { number, date: '2026-05-04' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
}

describe('stored findings', () => {
  test('saving a draft stores its findings; reading it returns them without running the checks', async (t) => {
    await given(signedIn, t);
    const draft = await imported(skhcn, PROVINCE);
    const r = await skhcn.post('/api/plans', { unitId: provinceId, draft });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    provincePlanId = r.body.id;
    const row = await storedRow(provincePlanId);
    assert.ok(Array.isArray(row.findings) && row.findings.length > 0, 'findings stored at the save');
    assert.ok(row.findings_register, 'with the register they were checked against');
    resetWork();
    const detail = await skhcn.get(`/api/plans/${provincePlanId}`);
    assert.equal(detail.status, 200);
    assert.equal(work.steps, 0, 'no check ran during the read');
    assert.deepEqual(detail.body.draft.findings, row.findings);
  });

  test('a status change stores the findings again, and the issued version keeps its own', async (t) => {
    await given(provinceDraft, t);
    await issue(provincePlanId, '129');
    const row = await storedRow(provincePlanId);
    assert.equal(row.status, 'issued');
    const version = await d.db
      .selectFrom('plan_version')
      .select('findings')
      .where('plan_id', '=', provincePlanId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(version.findings, row.findings);
    resetWork();
    const anonymous = await new Client(app).get(`/api/plans/${provincePlanId}`);
    assert.equal(anonymous.status, 200);
    assert.equal(work.steps, 0, 'an anonymous read of an issued plan runs no check');
    assert.deepEqual(anonymous.body.draft.findings, [], 'and sees no working notes');
  });

  test('a new unit in the register refreshes the findings of open plans that name it', async (t) => {
    await given(provinceIssued, t);
    const draft = withNewPlace(await imported(ward, WARD));
    const r = await ward.post('/api/plans', { unitId: wardId, draft, parentPlanId: provincePlanId });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    wardPlanId = r.body.id;
    const unknown = (f: any) => codes(f).filter((x) => x.code === 'unit.unknown' && x.message.includes(NEW_PLACE));
    assert.equal(unknown((await storedRow(wardPlanId)).findings).length, 1, 'the name is not in the register yet');
    const before = (await storedRow(wardPlanId)).findings_register;
    const added = await wardAdmin.post(`/api/units/${wardId}/children`, { kind: 'neighbourhood', name: NEW_PLACE });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    const row = await storedRow(wardPlanId);
    assert.notEqual(row.findings_register, before);
    assert.equal(unknown(row.findings).length, 0, 'the draft names a unit of the register now');
    assert.equal(unknown((await ward.get(`/api/plans/${wardPlanId}`)).body.draft.findings).length, 0);
  });

  test('issuing an amendment of the parent recomputes the children against it', async (t) => {
    await given(wardChild, t);
    const uncovered = (f: any) =>
      codes(f).filter((x) => x.code === 'cascade.parentTask.uncovered' && x.message.includes('Nhiệm vụ 7 '));
    assert.equal(uncovered((await storedRow(wardPlanId)).findings).length, 0);
    const amendment = await skhcn.post(`/api/plans/${provincePlanId}/amend`);
    assert.equal(amendment.status, 201, JSON.stringify(amendment.body));
    const draft = (await skhcn.get(`/api/plans/${amendment.body.id}`)).body.draft;
    addTask7(draft);
    assert.equal((await skhcn.put(`/api/plans/${amendment.body.id}`, { draft })).status, 200);
    assert.equal(
      uncovered((await storedRow(wardPlanId)).findings).length,
      0,
      'a parent draft does not touch the children',
    );
    await issue(amendment.body.id, '130');
    assert.equal(
      uncovered((await storedRow(wardPlanId)).findings).length,
      1,
      'the ward plan is checked against the amendment',
    );
  });

  test('prepare computes the findings of rows that have none, once', async (t) => {
    await given(parentAmended, t);
    const expected = (await storedRow(wardPlanId)).findings;
    await d.db
      .updateTable('plan')
      .set({ findings: null, findings_register: null })
      .where('id', '=', wardPlanId)
      .execute();
    const first = await prepareDatabase(d.db, { demo: false });
    assert.ok(first.findingsRefreshed >= 1);
    assert.deepEqual((await storedRow(wardPlanId)).findings, expected);
    const second = await prepareDatabase(d.db, { demo: false });
    assert.equal(second.findingsRefreshed, 0, 'nothing left to compute');
  });
});
