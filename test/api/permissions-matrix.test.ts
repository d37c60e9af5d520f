// Every route × role × {own unit, child unit, sibling unit, parent unit} and anonymous → allowed or denied.
// Allowed means the permission rule let the request through (it may still fail validation: 4xx other than
// 401/403); denied means 401 (anonymous) or 403. The expectations (test/api/matrix/*.ts, one file per module)
// are written out by hand, not derived from the rule under test, and the test fails when a route exists that
// no module covers.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { Client, makeUser, testApp, type App } from '../support/api.ts';
import type { Role } from '../../src/domain/permissions.ts';
import { RELATIONS, ROLES, UNIT_CODE, type MatrixEnv, type Relation, type Req, type RouteCase } from './matrix/types.ts';
import { foundationCases } from './matrix/foundation.ts';
import { planCases } from './matrix/plans.ts';
import { trackingCases } from './matrix/tracking.ts';
import { reportingCases } from './matrix/reporting.ts';
import { backupCases } from './matrix/backup.ts';

const MODULES = [foundationCases, planCases, trackingCases, reportingCases, backupCases];

let d: TestDatabase;
let app: App;
let env: MatrixEnv;
const CASES: Record<string, RouteCase> = {};
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
  env = { app, db: d.db, sys: await new Client(app).login('fixture.sysadmin'), unitId, targetUserId };
  for (const module of MODULES) {
    const cases = await module(env);
    for (const id of Object.keys(cases)) assert.ok(!(id in CASES), `${id} is covered twice`);
    Object.assign(CASES, cases);
  }
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
        const r = await send(clients.get(role)!, c.request(rel));
        const denied = r.status === 401 || r.status === 403;
        const expected = c.allowed(role, rel);
        if (r.status >= 500 || denied === expected) failures.push(`${operationId} ${role}@${rel}: expected ${expected ? 'allow' : 'deny'}, got ${r.status} ${JSON.stringify(r.body?.error ?? '')}`);
        checked++;
        // Logging in as someone else or logging out must not change who acts in the next case.
        if (operationId === 'logout' || operationId === 'login') clients.set(role, await new Client(app).login(`actor.${role}`));
      }
      const anon = await send(new Client(app), c.request(rel));
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
  assert.equal((await focal.get(`/api/units/${env.unitId.own}/users`)).status, 200, 'reads a ward');
  assert.equal((await focal.get(`/api/users/${env.targetUserId.child}`)).status, 200, 'reads a ward office');
  const other = await new Client(app).login('stc.cv');
  assert.equal((await other.get(`/api/units/${env.unitId.own}/users`)).status, 403, 'Sở Tài chính is not the focal unit');
  const focalAdmin = await new Client(app).login('skhcn.qt');
  const r = await focalAdmin.post('/api/users', { username: `moi.${Date.now()}`, fullName: 'Người Mới', unitId: env.unitId.own, roles: ['viewer'] });
  assert.equal(r.status, 403, 'following up is not administering');
});
