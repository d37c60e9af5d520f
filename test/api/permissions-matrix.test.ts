// Every route × role × {own unit, child unit, sibling unit, parent unit} and anonymous → allowed or denied.
// Allowed means the permission rule let the request through (it may still fail validation: 4xx other than
// 401/403); denied means 401 (anonymous) or 403. The expectations below are written out by hand, not derived
// from the rule under test, and the test fails when a route exists that the table does not cover.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { Client, makeUser, testApp, TEST_PASSWORD, type App } from '../support/api.ts';
import type { Role } from '../../src/domain/permissions.ts';
import { readFileSync } from 'node:fs';

type Relation = 'own' | 'child' | 'sibling' | 'parent';
const RELATIONS: Relation[] = ['own', 'child', 'sibling', 'parent'];
const ROLES: Role[] = ['sysadmin', 'unitAdmin', 'leader', 'officer', 'viewer'];
// The actor's unit is phường Nam Sầm Sơn; its child an office; its sibling another ward; its parent the province.
const UNIT_CODE: Record<Relation, string> = { own: '16516', child: '16516.PVHXH', sibling: '14797', parent: '38' };

interface Fixture {
  unitId: Record<Relation, number>;
  targetUserId: Record<Relation, number>;
  /** An unpublished draft plan issued by the unit of each relation, and one of its tasks. */
  planId: Record<Relation, number>;
  taskId: Record<Relation, number>;
  draft: unknown;
}

type Req = { method: 'GET' | 'POST' | 'PATCH' | 'PUT'; path: string; body?: unknown };
let counter = 0;
const unique = () => `${Date.now().toString(36)}${counter++}`;

interface RouteCase {
  request(f: Fixture, rel: Relation): Req;
  /** Who may, among signed-in roles at the actor unit; anonymous is handled by `anonymous`. */
  allowed(role: Role, rel: Relation): boolean;
  anonymous: boolean;
}

const readers: Role[] = ['unitAdmin', 'leader', 'officer', 'viewer'];
const everyone = () => true;
const readInOwnSubtree = (role: Role, rel: Relation) => role === 'sysadmin' || (readers.includes(role) && (rel === 'own' || rel === 'child'));
const adminInOwnSubtree = (role: Role, rel: Relation) => role === 'sysadmin' || (role === 'unitAdmin' && (rel === 'own' || rel === 'child'));
// Renaming, merging and retiring apply strictly below the admin's own unit.
const adminBelowOwn = (role: Role, rel: Relation) => role === 'sysadmin' || (role === 'unitAdmin' && rel === 'child');
const editInOwnSubtree = (role: Role, rel: Relation) => role === 'sysadmin' || ((role === 'officer' || role === 'leader') && (rel === 'own' || rel === 'child'));
const approveInOwnSubtree = (role: Role, rel: Relation) => role === 'sysadmin' || (role === 'leader' && (rel === 'own' || rel === 'child'));
const signedIn = () => true;

const CASES: Record<string, RouteCase> = {
  health: { request: () => ({ method: 'GET', path: '/api/health' }), allowed: everyone, anonymous: true },
  listRootUnits: { request: () => ({ method: 'GET', path: '/api/units' }), allowed: everyone, anonymous: true },
  searchUnits: { request: () => ({ method: 'GET', path: '/api/units/search?q=nam%20sam%20son' }), allowed: everyone, anonymous: true },
  getUnit: { request: (f, r) => ({ method: 'GET', path: `/api/units/${f.unitId[r]}` }), allowed: everyone, anonymous: true },
  createChildUnit: {
    request: (f, r) => ({ method: 'POST', path: `/api/units/${f.unitId[r]}/children`, body: { kind: 'neighbourhood', name: `Tổ dân phố ${unique()}` } }),
    allowed: adminInOwnSubtree, anonymous: false,
  },
  renameUnit: {
    request: (f, r) => ({ method: 'POST', path: `/api/units/${f.unitId[r]}/rename`, body: { name: `Tên thử ${unique()}` } }),
    allowed: adminBelowOwn, anonymous: false,
  },
  mergeUnit: {
    // Merging a unit into itself passes the permission check and then fails validation: non-destructive.
    request: (f, r) => ({ method: 'POST', path: `/api/units/${f.unitId[r]}/merge`, body: { intoId: f.unitId[r] } }),
    allowed: adminBelowOwn, anonymous: false,
  },
  retireUnit: {
    // Every target still has children or active users, so an allowed request ends in 409, not a retirement.
    request: (f, r) => ({ method: 'POST', path: `/api/units/${f.unitId[r]}/retire`, body: { reason: 'Kiểm thử phân quyền' } }),
    allowed: adminBelowOwn, anonymous: false,
  },
  login: {
    request: (_f, r) => ({ method: 'POST', path: '/api/auth/login', body: { username: `target.${r}`, password: TEST_PASSWORD } }),
    allowed: everyone, anonymous: true,
  },
  logout: { request: () => ({ method: 'POST', path: '/api/auth/logout' }), allowed: everyone, anonymous: true },
  me: { request: () => ({ method: 'GET', path: '/api/auth/me' }), allowed: everyone, anonymous: false },
  changePassword: {
    request: () => ({ method: 'POST', path: '/api/auth/password', body: { currentPassword: 'sai-co-y', newPassword: 'KhongDoi#2026x' } }),
    allowed: everyone, anonymous: false,
  },
  listUnitUsers: { request: (f, r) => ({ method: 'GET', path: `/api/units/${f.unitId[r]}/users` }), allowed: readInOwnSubtree, anonymous: false },
  getUser: { request: (f, r) => ({ method: 'GET', path: `/api/users/${f.targetUserId[r]}` }), allowed: readInOwnSubtree, anonymous: false },
  createUser: {
    request: (f, r) => ({ method: 'POST', path: '/api/users', body: { username: `moi.${unique()}`, fullName: 'Người Mới', unitId: f.unitId[r], roles: ['viewer'] } }),
    allowed: adminInOwnSubtree, anonymous: false,
  },
  updateUser: {
    request: (f, r) => ({ method: 'PATCH', path: `/api/users/${f.targetUserId[r]}`, body: { phone: '0912 345 678' } }),
    allowed: adminInOwnSubtree, anonymous: false,
  },
  resetUserPassword: {
    request: (f, r) => ({ method: 'POST', path: `/api/users/${f.targetUserId[r]}/reset-password` }),
    allowed: adminInOwnSubtree, anonymous: false,
  },
  listAudit: { request: (f, r) => ({ method: 'GET', path: `/api/audit?unitId=${f.unitId[r]}` }), allowed: adminInOwnSubtree, anonymous: false },

  // Plans. Lifecycle requests are checked for permission before state, so a case that is allowed may end in
  // 409 (wrong state) without changing the fixture; issuing uses an invalid number so nothing gets published.
  listPlans: { request: (f, r) => ({ method: 'GET', path: `/api/plans?unitId=${f.unitId[r]}` }), allowed: everyone, anonymous: true },
  importPlan: {
    request: () => ({ method: 'POST', path: '/api/plans/import', body: { filename: 'kh.txt', contentBase64: Buffer.from('KẾ HOẠCH\nThử nghiệm\n').toString('base64') } }),
    allowed: signedIn, anonymous: false,
  },
  lintDraft: { request: (f) => ({ method: 'POST', path: '/api/plans/lint', body: { draft: f.draft } }), allowed: signedIn, anonymous: false },
  createPlan: { request: (f, r) => ({ method: 'POST', path: '/api/plans', body: { unitId: f.unitId[r], draft: f.draft } }), allowed: editInOwnSubtree, anonymous: false },
  getPlan: { request: (f, r) => ({ method: 'GET', path: `/api/plans/${f.planId[r]}` }), allowed: readInOwnSubtree, anonymous: false },
  updatePlan: { request: (f, r) => ({ method: 'PUT', path: `/api/plans/${f.planId[r]}`, body: { draft: f.draft } }), allowed: editInOwnSubtree, anonymous: false },
  submitPlan: { request: (f, r) => ({ method: 'POST', path: `/api/plans/${f.planId[r]}/submit` }), allowed: editInOwnSubtree, anonymous: false },
  approvePlan: { request: (f, r) => ({ method: 'POST', path: `/api/plans/${f.planId[r]}/approve` }), allowed: approveInOwnSubtree, anonymous: false },
  returnPlan: { request: (f, r) => ({ method: 'POST', path: `/api/plans/${f.planId[r]}/return`, body: { reason: 'Kiểm thử phân quyền' } }), allowed: approveInOwnSubtree, anonymous: false },
  issuePlan: { request: (f, r) => ({ method: 'POST', path: `/api/plans/${f.planId[r]}/issue`, body: { number: 'x', date: '2026-05-04' } }), allowed: approveInOwnSubtree, anonymous: false },
  amendPlan: { request: (f, r) => ({ method: 'POST', path: `/api/plans/${f.planId[r]}/amend` }), allowed: editInOwnSubtree, anonymous: false },
  comparePlan: { request: (f, r) => ({ method: 'GET', path: `/api/plans/${f.planId[r]}/compare` }), allowed: readInOwnSubtree, anonymous: false },
  previewCascade: { request: (f, r) => ({ method: 'GET', path: `/api/plans/${f.planId[r]}/cascade/preview?unitId=${f.unitId.own}` }), allowed: editInOwnSubtree, anonymous: false },
  cascadePlan: { request: (f, r) => ({ method: 'POST', path: `/api/plans/${f.planId[r]}/cascade`, body: { all: true } }), allowed: editInOwnSubtree, anonymous: false },
  resolveParentChange: { request: (f, r) => ({ method: 'POST', path: `/api/plan-tasks/${f.taskId[r]}/parent-change`, body: { decision: 'accept' } }), allowed: editInOwnSubtree, anonymous: false },
  getCascadeRules: { request: (f, r) => ({ method: 'GET', path: `/api/units/${f.unitId[r]}/cascade-rules` }), allowed: readInOwnSubtree, anonymous: false },
  setCascadeRules: { request: (f, r) => ({ method: 'PUT', path: `/api/units/${f.unitId[r]}/cascade-rules`, body: { rules: [] } }), allowed: editInOwnSubtree, anonymous: false },
  exportPlanJson: { request: (f, r) => ({ method: 'GET', path: `/api/plans/${f.planId[r]}/export.json` }), allowed: readInOwnSubtree, anonymous: false },
  exportPlanDocx: { request: (f, r) => ({ method: 'GET', path: `/api/plans/${f.planId[r]}/export.docx` }), allowed: readInOwnSubtree, anonymous: false },
  exportPlanXlsx: { request: (f, r) => ({ method: 'GET', path: `/api/plans/${f.planId[r]}/export.xlsx` }), allowed: readInOwnSubtree, anonymous: false },
};

let d: TestDatabase;
let app: App;
let fixture: Fixture;
const clients = new Map<Role, Client>();

before(async () => {
  d = await createTestDatabase();
  app = testApp(d.db, d.backend);
  const unitId = {} as Record<Relation, number>;
  const targetUserId = {} as Record<Relation, number>;
  for (const rel of RELATIONS) {
    const t = await makeUser(d.db, `target.${rel}`, UNIT_CODE[rel], ['officer']);
    unitId[rel] = t.unitId;
    targetUserId[rel] = t.id;
  }
  await makeUser(d.db, 'fixture.sysadmin', '38', ['sysadmin']);
  const sys = await new Client(app).login('fixture.sysadmin');
  const seed = readFileSync(new URL('../fixtures/plans/ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt', import.meta.url));
  const { draft } = (await sys.post('/api/plans/import', { filename: 'kh.txt', contentBase64: seed.toString('base64') })).body;
  const planId = {} as Record<Relation, number>;
  const taskId = {} as Record<Relation, number>;
  for (const rel of RELATIONS) {
    const created = await sys.post('/api/plans', { unitId: unitId[rel], draft });
    assert.equal(created.status, 201);
    planId[rel] = created.body.id;
    taskId[rel] = (await sys.get(`/api/plans/${created.body.id}`)).body.taskIds[0].id;
  }
  fixture = { unitId, targetUserId, planId, taskId, draft };
  for (const role of ROLES) {
    await makeUser(d.db, `actor.${role}`, UNIT_CODE.own, [role]);
    clients.set(role, await new Client(app).login(`actor.${role}`));
  }
});
after(() => d.close());

async function send(client: Client, req: Req) {
  return client.request(req.method, req.path, req.body ?? (req.method === 'GET' ? undefined : {}));
}

test('the matrix covers every route in the OpenAPI document', async () => {
  const doc = (await new Client(app).get('/api/openapi.json')).body;
  const operations = Object.values(doc.paths as Record<string, Record<string, { operationId: string }>>)
    .flatMap((methods) => Object.values(methods).map((m) => m.operationId));
  assert.ok(operations.length >= 38);
  assert.deepEqual(operations.filter((o) => !(o in CASES)), [], 'routes without a permission expectation');
  assert.deepEqual(Object.keys(CASES).filter((k) => !operations.includes(k)), [], 'expectations for routes that do not exist');
});

test('every route × role × relation gives the expected allow/deny', async () => {
  const failures: string[] = [];
  let checked = 0;
  for (const [operationId, c] of Object.entries(CASES)) {
    for (const rel of RELATIONS) {
      for (const role of ROLES) {
        const client = clients.get(role)!;
        const r = await send(client, c.request(fixture, rel));
        const denied = r.status === 401 || r.status === 403;
        const expected = c.allowed(role, rel);
        if (r.status >= 500 || denied === expected) failures.push(`${operationId} ${role}@${rel}: expected ${expected ? 'allow' : 'deny'}, got ${r.status} ${JSON.stringify(r.body?.error ?? '')}`);
        checked++;
        // Logging in as someone else or logging out must not change who acts in the next case.
        if (operationId === 'logout' || operationId === 'login') clients.set(role, await new Client(app).login(`actor.${role}`));
      }
      const anon = await send(new Client(app), c.request(fixture, rel));
      const anonDenied = anon.status === 401 || anon.status === 403;
      if (anon.status >= 500 || anonDenied === c.anonymous) failures.push(`${operationId} anonymous@${rel}: expected ${c.anonymous ? 'allow' : 'deny'}, got ${anon.status}`);
      if (!c.anonymous && anon.status !== 401) failures.push(`${operationId} anonymous@${rel}: expected 401, got ${anon.status}`);
      checked++;
    }
  }
  assert.deepEqual(failures, []);
  assert.equal(checked, Object.keys(CASES).length * RELATIONS.length * (ROLES.length + 1));
});

test('the province focal unit (Sở KH&CN) follows the communes but does not administer them', async () => {
  await makeUser(d.db, 'skhcn.cv', '38.SKHCN', ['officer']);
  await makeUser(d.db, 'stc.cv', '38.STC', ['officer']);
  await makeUser(d.db, 'skhcn.qt', '38.SKHCN', ['unitAdmin']);
  const focal = await new Client(app).login('skhcn.cv');
  assert.equal((await focal.get(`/api/units/${fixture.unitId.own}/users`)).status, 200, 'reads a ward');
  assert.equal((await focal.get(`/api/users/${fixture.targetUserId.child}`)).status, 200, 'reads a ward office');
  const other = await new Client(app).login('stc.cv');
  assert.equal((await other.get(`/api/units/${fixture.unitId.own}/users`)).status, 403, 'Sở Tài chính is not the focal unit');
  const focalAdmin = await new Client(app).login('skhcn.qt');
  const r = await focalAdmin.post('/api/users', { username: `moi.${unique()}`, fullName: 'Người Mới', unitId: fixture.unitId.own, roles: ['viewer'] });
  assert.equal(r.status, 403, 'following up is not administering');
});
