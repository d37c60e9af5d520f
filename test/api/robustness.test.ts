// Random and malformed input to every route: always a 4xx JSON answer in Vietnamese, never a 500.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { Client, makeUser, testApp, type App } from '../support/api.ts';

let d: TestDatabase;
let app: App;
let admin: Client;
let operations: Array<{ method: string; path: string; operationId: string }>;

before(async () => {
  d = await createTestDatabase();
  app = testApp(d.db, d.backend);
  await makeUser(d.db, 'fuzz.admin', '38', ['sysadmin']);
  admin = await new Client(app).login('fuzz.admin');
  const doc = (await admin.get('/api/openapi.json')).body;
  operations = Object.entries(doc.paths as Record<string, Record<string, { operationId: string }>>)
    .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, operationId: op.operationId })));
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

const STRINGS = ['', ' ', 'a', 'Nam Sầm Sơn', '%', "'; DROP TABLE unit; --", '<script>alert(1)</script>', 'x'.repeat(5000), '\u0000', '😀', '-1', '1e309', 'NaN', 'null', '{}'];
const IDS = ['abc', '-1', '0', '1.5', '1e3', '99999999999', '2147483648', '1', '5', '%20', 'null'];

function randomValue(r: () => number, depth = 0): unknown {
  const k = Math.floor(r() * (depth > 2 ? 6 : 9));
  switch (k) {
    case 0: return STRINGS[Math.floor(r() * STRINGS.length)];
    case 1: return Math.floor(r() * 2 ** 40) * (r() < 0.5 ? -1 : 1);
    case 2: return r() < 0.5;
    case 3: return null;
    case 4: return r() * 1e6;
    case 5: return Number.MAX_SAFE_INTEGER;
    case 6: return Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      const keys = ['username', 'password', 'name', 'kind', 'intoId', 'unitId', 'roles', 'reason', 'fullName', 'email', 'isActive', 'q', 'shortName', '__proto__', 'constructor'];
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
  const parts = Array.from({ length: Math.floor(r() * 4) }, () => `${keys[Math.floor(r() * keys.length)]}=${encodeURIComponent(String(randomValue(r, 3)))}`);
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
      const body = op.method === 'GET' ? undefined : i % 4 === 1 ? rawBodies[Math.floor(r() * rawBodies.length)] : JSON.stringify(randomValue(r));
      const res = await client.request(op.method, path, body);
      sent++;
      const isError = res.status >= 400;
      if (res.status >= 500) failures.push(`${op.operationId} ${op.method} ${path} ${body?.slice(0, 80)} → ${res.status}`);
      else if (isError && !(res.body?.error?.code && /[ạảãáàâấầẩẫậăắằẳẵặđéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵ]/i.test(res.body.error.message))) {
        failures.push(`${op.operationId} → ${res.status} without a Vietnamese JSON error: ${JSON.stringify(res.body).slice(0, 120)}`);
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
