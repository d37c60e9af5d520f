// Every route × role × {own unit, child unit, sibling unit, parent unit} and anonymous → allowed, denied or hidden.
// Allowed means the permission rule let the request through (it may still fail validation: 4xx other than
// 401/403/404); denied means 401 (anonymous) or 403; hidden means the request names a record the caller may not
// read, which answers 404 as if it did not exist. A further relation, "referenced record belongs to a sibling",
// walks every route that takes an id with the sibling ward's records wherever the route names another record.
// The expectations (test/api/matrix/*.ts, one file per module) are written out by hand, not derived from the rule
// under test, and the test fails when a route exists that no module covers.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { Client, makeUser, testApp, type App } from '../support/api.ts';
import type { Role } from '../../src/domain/permissions.ts';
import { readFileSync } from 'node:fs';
import {
  RELATIONS,
  ROLES,
  UNIT_CODE,
  type MatrixEnv,
  type Relation,
  type Req,
  type RouteCase,
  type Who,
} from './matrix/types.ts';
import { foundationCases } from './matrix/foundation.ts';
import { planCases } from './matrix/plans.ts';
import { trackingCases } from './matrix/tracking.ts';
import { reportingCases } from './matrix/reporting.ts';
import { backupCases } from './matrix/backup.ts';
import { todoCases } from './matrix/todo.ts';
import { petitionCases } from './matrix/petitions.ts';
import { aiSystemsCases } from './matrix/ai-systems.ts';
import { datasetCases } from './matrix/datasets.ts';
import { syncCases } from './matrix/sync.ts';

const MODULES = [
  foundationCases,
  planCases,
  trackingCases,
  reportingCases,
  backupCases,
  petitionCases,
  aiSystemsCases,
  datasetCases,
  syncCases,
  todoCases,
];

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
  const sys = await new Client(app).login('fixture.sysadmin');
  const seed = readFileSync(
    new URL('../fixtures/plans/ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt', import.meta.url),
  );
  const { draft } = (
    await sys.post('/api/plans/import', { filename: 'kh.txt', contentBase64: seed.toString('base64') })
  ).body;
  const draftPlanId = {} as Record<Relation, number>;
  for (const rel of RELATIONS)
    draftPlanId[rel] = (
      await sys.post('/api/plans', {
        unitId: unitId[rel],
        draft: { ...draft, document: { ...draft.document, title: `Dự thảo mật của ${rel}` } },
      })
    ).body.id;
  env = { app, db: d.db, sys, unitId, targetUserId, draftPlanId };
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

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  $ref?: string;
};
type Operation = {
  operationId: string;
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};

const resolve = (s: JsonSchema | undefined, components: Record<string, JsonSchema>) =>
  s?.$ref ? components[s.$ref.replace('#/components/schemas/', '')] : s;

/** A record's id here is a number: a uuid or another system's identifier (a string) names no record of this node. */
function numeric(s: JsonSchema | undefined, components: Record<string, JsonSchema>): boolean {
  const r = resolve(s, components);
  if (!r) return false;
  const types = [r.type ?? []].flat();
  if (types.includes('integer') || types.includes('number')) return true;
  if (types.includes('array')) return numeric(r.items, components);
  return (r.anyOf ?? []).some((x) => numeric(x, components));
}

/**
 * Whether an operation takes an id: in its path, its query or its JSON body (`id`, `…Id`, `…Ids`), the body's
 * schema followed when it is a named component (`$ref`), its fields counted when they hold numbers (`ids` too).
 */
function takesId(op: Operation, components: Record<string, JsonSchema>): boolean {
  const isId = (n: string) => n === 'id' || n === 'ids' || /[a-z]Ids?$/.test(n);
  const body = resolve(op.requestBody?.content?.['application/json']?.schema, components);
  return (
    (op.parameters ?? []).some((p) => isId(p.name)) ||
    Object.entries(body?.properties ?? {}).some(([n, s]) => isId(n) && numeric(s, components))
  );
}

test('the matrix covers every route in the OpenAPI document, and every route that takes an id with a sibling reference', async () => {
  const doc = (await new Client(app).get('/api/openapi.json')).body;
  const ops = Object.values(doc.paths as Record<string, Record<string, Operation>>).flatMap((methods) =>
    Object.values(methods),
  );
  const operations = ops.map((o) => o.operationId);
  assert.ok(operations.length >= 38);
  assert.deepEqual(
    operations.filter((o) => !(o in CASES)),
    [],
    'routes without a permission expectation',
  );
  assert.deepEqual(
    Object.keys(CASES).filter((k) => !operations.includes(k)),
    [],
    'expectations for routes that do not exist',
  );
  const components = (doc.components?.schemas ?? {}) as Record<string, JsonSchema>;
  const withIds = ops.filter((o) => takesId(o, components)).map((o) => o.operationId);
  assert.ok(withIds.length >= 45, `${withIds.length} routes take an id`);
  assert.deepEqual(
    withIds.filter((o) => CASES[o]?.references === 'none'),
    [],
    "routes that take an id but are not walked with a sibling's ids",
  );
  assert.deepEqual(
    operations.filter((o) => !withIds.includes(o) && CASES[o]?.references !== 'none'),
    [],
    'routes said to take an id that take none',
  );
});

type Outcome = 'allow' | 'deny' | 'hidden';

function expectation(c: RouteCase, who: Who, rel: Relation): Outcome {
  if (c.hidden?.(who, rel)) return 'hidden';
  if (who === 'anonymous') return c.anonymous ? 'allow' : 'deny';
  return c.allowed(who, rel) ? 'allow' : 'deny';
}

/** What is wrong with an answer, or null. A hidden record answers a plain 404: no content of it. */
function mismatch(outcome: Outcome, who: Who, r: { status: number; body: any }): string | null {
  if (r.status >= 500) return 'a server error';
  if (outcome === 'hidden')
    return r.status === 404 && r.body?.error?.code === 'not_found' && Object.keys(r.body).join() === 'error'
      ? null
      : '404 not_found';
  if (outcome === 'deny')
    return r.status === (who === 'anonymous' ? 401 : 403) || (who !== 'anonymous' && r.status === 401) ? null : 'deny';
  return r.status === 401 || r.status === 403 || r.status === 404 ? 'allow' : null;
}

test('every route × role × relation gives the expected allow/deny/hidden', async () => {
  const failures: string[] = [];
  let checked = 0;
  for (const [operationId, c] of Object.entries(CASES)) {
    for (const rel of RELATIONS) {
      for (const role of ROLES) {
        const r = await send(clients.get(role)!, c.request(rel));
        const wrong = mismatch(expectation(c, role, rel), role, r);
        if (wrong)
          failures.push(
            `${operationId} ${role}@${rel}: expected ${wrong}, got ${r.status} ${JSON.stringify(r.body?.error ?? '')}`,
          );
        checked++;
        // Logging in as someone else or logging out must not change who acts in the next case.
        if (operationId === 'logout' || operationId === 'login')
          clients.set(role, await new Client(app).login(`actor.${role}`));
      }
      const anon = await send(new Client(app), c.request(rel));
      const wrong = mismatch(expectation(c, 'anonymous', rel), 'anonymous', anon);
      if (wrong) failures.push(`${operationId} anonymous@${rel}: expected ${wrong}, got ${anon.status}`);
      checked++;
    }
  }
  assert.deepEqual(failures, []);
  assert.equal(checked, Object.keys(CASES).length * RELATIONS.length * (ROLES.length + 1));
});

test('relation "referenced record belongs to a sibling": a sibling\'s record named anywhere answers as if it did not exist', async () => {
  const failures: string[] = [];
  let checked = 0;
  for (const [operationId, c] of Object.entries(CASES)) {
    const ref = c.references;
    if (ref === 'none' || ref === 'sibling') continue;
    // A system administrator last: its request may go through and change the record the others name.
    for (const who of [...ROLES.filter((r) => r !== 'sysadmin'), 'anonymous', 'sysadmin'] as const) {
      const client = who === 'anonymous' ? new Client(app) : clients.get(who)!;
      const outcome: Outcome = ref.hidden(who)
        ? 'hidden'
        : who === 'anonymous'
          ? c.anonymous
            ? 'allow'
            : 'deny'
          : ref.allowed(who)
            ? 'allow'
            : 'deny';
      const r = await send(client, ref.request);
      const wrong = mismatch(outcome, who, r);
      if (wrong)
        failures.push(
          `${operationId} ${who}@sibling-reference: expected ${wrong}, got ${r.status} ${JSON.stringify(r.body?.error ?? '')}`,
        );
      if (outcome === 'hidden' && ref.unknown) {
        const twin = await send(client, ref.unknown);
        if (twin.status !== r.status || JSON.stringify(twin.body) !== JSON.stringify(r.body)) {
          failures.push(
            `${operationId} ${who}@sibling-reference: answers ${r.status} ${JSON.stringify(r.body)} where an unknown id answers ${twin.status} ${JSON.stringify(twin.body)}`,
          );
        }
      }
      checked++;
    }
  }
  assert.deepEqual(failures, []);
  const walked = Object.values(CASES).filter((c) => typeof c.references === 'object').length;
  assert.ok(walked >= 11, `${walked} routes walked with a sibling reference`);
  assert.equal(checked, walked * (ROLES.length + 1));
});

test('the province focal unit (Sở KH&CN) follows the communes but does not administer them', async () => {
  await makeUser(d.db, 'skhcn.cv', '38.SKHCN', ['officer']);
  await makeUser(d.db, 'stc.cv', '38.STC', ['officer']);
  await makeUser(d.db, 'skhcn.qt', '38.SKHCN', ['unitAdmin']);
  const focal = await new Client(app).login('skhcn.cv');
  assert.equal((await focal.get(`/api/units/${env.unitId.own}/users`)).status, 200, 'reads a ward');
  assert.equal((await focal.get(`/api/users/${env.targetUserId.child}`)).status, 200, 'reads a ward office');
  const other = await new Client(app).login('stc.cv');
  assert.equal(
    (await other.get(`/api/units/${env.unitId.own}/users`)).status,
    403,
    'Sở Tài chính is not the focal unit',
  );
  const focalAdmin = await new Client(app).login('skhcn.qt');
  const r = await focalAdmin.post('/api/users', {
    username: `moi.${Date.now()}`,
    fullName: 'Người Mới',
    unitId: env.unitId.own,
    roles: ['viewer'],
  });
  assert.equal(r.status, 403, 'following up is not administering');
});
