// Random and malformed input to every route: always a 4xx JSON answer in Vietnamese, never a 500. The standing fuzz
// test walks every operation of the OpenAPI document as anonymous, officer and sysadmin: control characters, broken
// UTF-8, huge strings, deep nesting, wrong types and out-of-range ids in every field, parameter and path id, built
// from each route's own request schema (test/support/fuzz.ts), so a new route is fuzzed without editing this file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { Client, makeUser, testApp, type App } from '../support/api.ts';
import { makeContent, type Content } from '../support/content.ts';
import {
  bodyMutations,
  HOSTILE_PARAMS,
  operationsOf,
  rawBodies,
  sample,
  type Doc,
  type Operation,
} from '../support/fuzz.ts';

let d: TestDatabase;
let app: App;
let admin: Client;
let doc: Doc;
let operations: Array<{ method: string; path: string; operationId: string }>;
let content: Content;
let targetUserId: number;

before(async () => {
  d = await createTestDatabase();
  app = testApp(d.db, d.backend);
  await makeUser(d.db, 'fuzz.admin', '38', ['sysadmin']);
  admin = await new Client(app).login('fuzz.admin');
  doc = (await admin.get('/api/openapi.json')).body;
  operations = Object.entries(doc.paths as Record<string, Record<string, { operationId: string }>>).flatMap(
    ([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        operationId: op.operationId,
      })),
  );
  content = await makeContent(app, d.db, 'fuzz');
  targetUserId = (await makeUser(d.db, 'fuzz.target', '16516', ['officer'])).id;
});
after(() => d.close());

// A small deterministic generator, so a failure can be replayed.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRINGS = [
  '',
  ' ',
  'a',
  'Nam Sầm Sơn',
  '%',
  "'; DROP TABLE unit; --",
  '<script>alert(1)</script>',
  'x'.repeat(5000),
  '\u0000',
  '😀',
  '-1',
  '1e309',
  'NaN',
  'null',
  '{}',
];
const IDS = ['abc', '-1', '0', '1.5', '1e3', '99999999999', '2147483648', '1', '5', '%20', 'null'];

function randomValue(r: () => number, depth = 0): unknown {
  const k = Math.floor(r() * (depth > 2 ? 6 : 9));
  switch (k) {
    case 0:
      return STRINGS[Math.floor(r() * STRINGS.length)];
    case 1:
      return Math.floor(r() * 2 ** 40) * (r() < 0.5 ? -1 : 1);
    case 2:
      return r() < 0.5;
    case 3:
      return null;
    case 4:
      return r() * 1e6;
    case 5:
      return Number.MAX_SAFE_INTEGER;
    case 6:
      return Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      const keys = [
        'username',
        'password',
        'name',
        'kind',
        'intoId',
        'unitId',
        'roles',
        'reason',
        'fullName',
        'email',
        'isActive',
        'q',
        'shortName',
        '__proto__',
        'constructor',
      ];
      for (let i = 0; i < Math.floor(r() * 5); i++) o[keys[Math.floor(r() * keys.length)]!] = randomValue(r, depth + 1);
      return o;
    }
  }
}

function fillPath(path: string, r: () => number): string {
  return path.replace(/\{[^}]+\}/g, () => encodeURIComponent(IDS[Math.floor(r() * IDS.length)]!));
}

function randomQuery(r: () => number): string {
  const keys = ['q', 'limit', 'kind', 'subunits', 'unitId', 'from', 'to', 'beforeId', 'action'];
  const parts = Array.from(
    { length: Math.floor(r() * 4) },
    () => `${keys[Math.floor(r() * keys.length)]}=${encodeURIComponent(String(randomValue(r, 3)))}`,
  );
  return parts.length ? `?${parts.join('&')}` : '';
}

test('random and malformed requests to every route get a 4xx JSON answer in Vietnamese, never a 500', async () => {
  const r = rng(20261122);
  const failures: string[] = [];
  let sent = 0;
  const rawBodies = ['{', 'null', '[]', '"x"', '{"a":', 'not json', '{"username":{"$gt":""}}', '\u0000'];
  for (const op of operations) {
    for (let i = 0; i < 24; i++) {
      const client = i % 3 === 0 ? new Client(app) : admin;
      const path = `/api${fillPath(op.path, r)}${op.method === 'GET' ? randomQuery(r) : ''}`;
      const body =
        op.method === 'GET'
          ? undefined
          : i % 4 === 1
            ? rawBodies[Math.floor(r() * rawBodies.length)]
            : JSON.stringify(randomValue(r));
      const res = await client.request(op.method, path, body);
      sent++;
      const isError = res.status >= 400;
      if (res.status >= 500)
        failures.push(`${op.operationId} ${op.method} ${path} ${body?.slice(0, 80)} → ${res.status}`);
      else if (
        isError &&
        !(
          res.body?.error?.code &&
          /[ạảãáàâấầẩẫậăắằẳẵặđéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵ]/i.test(res.body.error.message)
        )
      ) {
        failures.push(
          `${op.operationId} → ${res.status} without a Vietnamese JSON error: ${JSON.stringify(res.body).slice(0, 120)}`,
        );
      }
    }
  }
  assert.deepEqual(failures, []);
  assert.ok(sent >= operations.length * 24);
});

test('a body over the size limit is refused with 413', async () => {
  const res = await admin.request('POST', '/api/units/1/rename', JSON.stringify({ name: 'x'.repeat(3 * 1024 * 1024) }));
  assert.equal(res.status, 413);
  assert.equal(res.body.error.code, 'payload_too_large');
});

test('public endpoints are rate-limited per address', async () => {
  const c = new Client(app);
  let limited = null;
  for (let i = 0; i < 320 && !limited; i++) {
    const res = await c.get('/api/units/search?q=sam%20son&limit=1');
    if (res.status === 429) limited = res;
  }
  assert.ok(limited, 'the 301st anonymous request within a minute is refused');
  assert.equal(limited.body.error.code, 'rate_limited');
  assert.ok(Number(limited.headers.get('retry-after')) > 0);
  // Another address is not affected.
  assert.equal((await new Client(app).get('/api/units/search?q=sam%20son&limit=1')).status, 200);
});

test('answers carry security headers and no stack traces', async () => {
  const res = await new Client(app).get('/api/units/abc');
  assert.equal(res.status, 400);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(res.headers.get('x-frame-options'), 'SAMEORIGIN');
  assert.doesNotMatch(JSON.stringify(res.body), /at .*\.ts:\d+/);
});

// ------------------------------------------------------------------------------------------ the standing fuzz test

const VI = /[ạảãáàâấầẩẫậăắằẳẵặđéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵ]/i;
/** Requests per session: a fresh account takes over after this many, so per-user rate limits do not end the walk. */
const PER_ACCOUNT = 300;

/** Who sends: anonymous, or a role whose accounts are made on demand (one per PER_ACCOUNT requests). */
class Actor {
  private current: Client | null = null;
  private used = 0;
  private accounts = 0;
  readonly name: string;
  private readonly account: { unitCode: string; role: 'officer' | 'sysadmin' } | null;
  constructor(name: string, account: { unitCode: string; role: 'officer' | 'sysadmin' } | null) {
    this.name = name;
    this.account = account;
  }

  async client(): Promise<Client> {
    if (!this.current || this.used >= PER_ACCOUNT) {
      this.used = 0;
      if (!this.account) this.current = new Client(app);
      else {
        const username = `fuzz.${this.name}.${++this.accounts}`;
        await makeUser(d.db, username, this.account.unitCode, [this.account.role]);
        this.current = await new Client(app).login(username);
      }
    }
    this.used++;
    return this.current;
  }

  /** After a logout the session is gone: the next request starts another. */
  drop(): void {
    this.current = null;
  }
}

interface Probe {
  path: string;
  body?: string | Uint8Array;
  type?: string | null;
}

/** A real record for each path id, so that mutated bodies get past "not found" into the services. */
function realParam(path: string, name: string): string {
  if (name === 'key' || name === 'year') return '2026';
  const byResource: Record<string, number> = {
    units: content.wardId,
    users: targetUserId,
    plans: content.wardPlanId,
    'plan-tasks': content.planTaskId,
    assignments: content.assignmentId,
    obstacles: content.obstacleId,
    regimes: content.regimeId,
    reports: content.reportId,
    public: content.provincePlanId,
  };
  return String(byResource[path.split('/')[1]!] ?? 1);
}

const REAL_QUERY: Record<string, () => number> = {
  planId: () => content.provincePlanId,
  unitId: () => content.wardId,
  regimeId: () => content.regimeId,
  rootUnitId: () => content.provinceId,
};

function baseQuery(op: Operation): string[] {
  return op.query
    .filter((q) => q.required)
    .map((q) => `${q.name}=${encodeURIComponent(String(REAL_QUERY[q.name]?.() ?? sample(doc, q.schema)))}`);
}

function url(op: Operation, params: Record<string, string> = {}, query = baseQuery(op)): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? realParam(op.path, name));
  return `/api${path}${query.length ? `?${query.join('&')}` : ''}`;
}

/** Body mutations per operation and actor besides CORE in every field (a plan document has about 100 fields). */
const BODY_BUDGET = 30;
/** Path and query values every actor sends; the other hostile values are shared out between the actors. */
const CORE_PATH = new Set(['%00', '-1', '2147483648']);
const CORE_QUERY = new Set(['%00']);

/**
 * The probes of one operation for actor number `actor` of `actors`: hostile path ids, query values, body fields, raw
 * bodies and content types. What every actor must see (a NUL everywhere, ids out of range) is sent by each; the rest
 * is dealt out in turn, so that the walk covers it once without tripling its length.
 */
function* probesOf(op: Operation, actor: number, actors: number): Generator<Probe> {
  let turn = 0;
  const mine = (core: boolean) => core || turn++ % actors === actor;
  const example = op.body ? { lean: sample(doc, op.body, true), full: sample(doc, op.body) } : undefined;
  const exampleText = example === undefined ? undefined : JSON.stringify(example.lean);
  if (op.method === 'GET') yield { path: url(op) };
  for (const name of op.pathParams) {
    for (const v of HOSTILE_PARAMS)
      if (mine(CORE_PATH.has(v))) yield { path: url(op, { [name]: v }), body: exampleText };
  }
  for (const q of op.query) {
    const others = baseQuery(op).filter((p) => !p.startsWith(`${q.name}=`));
    for (const v of HOSTILE_PARAMS)
      if (mine(CORE_QUERY.has(v))) yield { path: url(op, {}, [...others, `${q.name}=${v}`]) };
    if (mine(false)) yield { path: url(op, {}, [...others, `${q.name}=1`, `${q.name}=2`]) };
  }
  if (op.method === 'GET') return;
  if (example === undefined) {
    for (const body of ['{', '\u0000', '[]']) if (mine(false)) yield { path: url(op), body };
    return;
  }
  yield { path: url(op), body: exampleText };
  yield { path: url(op), body: JSON.stringify(example.full) };
  for (const body of bodyMutations(example, BODY_BUDGET, actor)) yield { path: url(op), body };
  for (const body of rawBodies(example.lean)) if (mine(false)) yield { path: url(op), body };
  for (const type of [
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json; charset=utf-16',
    null,
  ]) {
    if (mine(false))
      yield { path: url(op), body: type?.startsWith('application/x-www') ? 'a=1&b=%00' : exampleText, type };
  }
}

test('the fuzz walk: every route, as anonymous, officer and sysadmin, hostile input everywhere; zero 5xx and the server keeps answering', async () => {
  const ops = operationsOf(doc);
  const actors = [
    new Actor('anonymous', null),
    new Actor('officer', { unitCode: '16516.PVHXH', role: 'officer' }),
    new Actor('sysadmin', { unitCode: '38', role: 'sysadmin' }),
  ];
  const failures: string[] = [];
  let sent = 0;
  let serverErrors = 0;
  const started = performance.now();
  const time = new Map<string, number>();
  // Operations that answered 2xx at least once: the walk got past validation into their services.
  const reached = new Set<string>();
  for (const [index, actor] of actors.entries()) {
    for (const op of ops) {
      const opStarted = performance.now();
      for (const probe of probesOf(op, index, actors.length)) {
        const client = await actor.client();
        const headers: Record<string, string> = { 'x-forwarded-for': client.ip };
        if (client.cookie) headers.cookie = client.cookie;
        if (client.csrf && op.method !== 'GET') headers['x-csrf-token'] = client.csrf;
        if (probe.body !== undefined && probe.type !== null) headers['content-type'] = probe.type ?? 'application/json';
        const res = await app.request(probe.path, { method: op.method, headers, body: probe.body });
        sent++;
        if (res.status < 300) reached.add(op.operationId);
        const text = await res.text();
        const what = () =>
          `${actor.name} ${op.operationId} ${op.method} ${probe.path.slice(0, 120)} ${String(probe.body ?? '').slice(0, 100)} → ${res.status}`;
        if (res.status >= 500) {
          serverErrors++;
          failures.push(`${what()} ${text.slice(0, 200)}`);
        } else if (res.status >= 400) {
          let body: any = null;
          try {
            body = JSON.parse(text);
          } catch {
            /* reported below */
          }
          if (!(body?.error?.code && VI.test(body.error.message)))
            failures.push(`${what()} without a Vietnamese JSON error: ${text.slice(0, 120)}`);
        }
        if (op.operationId === 'logout') actor.drop();
        if (sent % 1000 === 0)
          assert.equal((await new Client(app).get('/api/health')).status, 200, `health after ${sent} requests`);
      }
      time.set(op.operationId, (time.get(op.operationId) ?? 0) + performance.now() - opStarted);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const slowest = [...time]
    .sort((x, y) => y[1] - x[1])
    .slice(0, 5)
    .map(([id, ms]) => `${id} ${(ms / 1000).toFixed(1)} s`)
    .join(', ');
  console.log(
    `fuzz: ${sent} requests, ${serverErrors} × 5xx (${ops.length} operations, ${reached.size} answered 2xx at least once, ${d.backend}, ${seconds.toFixed(1)} s; slowest: ${slowest})`,
  );
  console.log(
    `fuzz: never 2xx: ${ops
      .map((o) => o.operationId)
      .filter((id) => !reached.has(id))
      .join(', ')}`,
  );
  assert.deepEqual(failures.slice(0, 40), []);
  assert.equal(serverErrors, 0);
  assert.equal((await new Client(app).get('/api/health')).status, 200);
  // The walk cannot silently send nothing: every operation is probed, and the whole is in the thousands.
  assert.ok(ops.length >= 60, `${ops.length} operations`);
  assert.ok(sent >= 5000, `${sent} requests`);
});
