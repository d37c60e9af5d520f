// The national node's federated API, in-process (the two-process delivery is test/api/sync-two-nodes.test.ts):
// province tokens, origin, versions, tombstones, the public catalogue, the audit trail.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { Client, testApp, type App } from '../support/api.ts';
import { loadConfig } from '../../src/config.ts';
import { aiSystemEntry, datasetEntry, newToken } from '../support/sync.ts';

const T38 = newToken();
const T01 = newToken();
let d: TestDatabase;
let national: App;
let province: App;

before(async () => {
  d = await createTestDatabase();
  const config = loadConfig({ THIHANH_NODE_ROLE: 'national', THIHANH_NATIONAL_PROVINCE_TOKENS: `38:${T38},01:${T01}` });
  national = testApp(d.db, d.backend, { national: config.national });
  province = testApp(d.db, d.backend);
});
after(() => d.close());

const send = (app: App, method: string, path: string, body: unknown, token?: string) =>
  new Client(app).request(method, path, body, token ? { authorization: `Bearer ${token}` } : {});
const put = (entry: { uuid: string; [k: string]: unknown }, token = T38, kind = 'datasets') =>
  send(national, 'PUT', `/api/national/v1/${kind}/${entry.uuid}`, entry, token);
const del = (uuid: string, version: number, token = T38, kind = 'datasets') =>
  send(national, 'DELETE', `/api/national/v1/${kind}/${uuid}`, { uuid, version, reason: 'Dữ liệu đã cũ.' }, token);
const catalogue = async (query = '') => (await new Client(national).get(`/api/national/v1/datasets${query}`)).body;

test('a province delivers a dataset: kept with its uuid and origin, listed in the national catalogue, audited', async () => {
  const e = datasetEntry({ title: 'Danh mục di tích lịch sử văn hóa' });
  const r = await put(e);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.deepEqual(r.body, { status: 'created', uuid: e.uuid, version: 1 });
  const list = await catalogue('?province=38&q=di tich');
  assert.equal(list.total, 1);
  const item = list.items[0];
  assert.equal(item.uuid, e.uuid);
  assert.equal(item.title, 'Danh mục di tích lịch sử văn hóa');
  assert.deepEqual(item.province, { code: '38', name: 'Thanh Hóa' });
  assert.deepEqual(item.sector, { code: 'tourism', name: 'Du lịch' });
  assert.equal(item.accessClass, 'open');
  const detail = (await new Client(national).get(`/api/national/v1/datasets/${e.uuid}`)).body;
  assert.equal(detail.entry.contact.email, e.contact.email);
  assert.equal(detail.tombstone, null);
  const audit = await d.db.selectFrom('audit_log').selectAll().where('entity_id', '=', e.uuid).execute();
  assert.deepEqual(
    audit.map((a) => [a.action, a.actor_username]),
    [['national_dataset.create', 'Thanh Hóa (mã 38)']],
  );
});

test('re-sends and later versions keep one record: equal → unchanged, lower → ignored, higher → updated', async () => {
  const e = datasetEntry();
  assert.equal((await put(e)).body.status, 'created');
  assert.deepEqual((await put(e)).body, { status: 'unchanged', uuid: e.uuid, version: 1 });
  const v3 = { ...e, version: 3, title: 'Danh mục cơ sở lưu trú (bản 3)' };
  assert.equal((await put(v3)).body.status, 'updated');
  assert.deepEqual((await put({ ...e, version: 2, title: 'cũ' })).body, {
    status: 'ignored',
    uuid: e.uuid,
    version: 3,
  });
  const rows = await d.db
    .selectFrom('national_dataset')
    .select(['version', 'title'])
    .where('uuid', '=', e.uuid)
    .execute();
  assert.deepEqual(rows, [{ version: 3, title: 'Danh mục cơ sở lưu trú (bản 3)' }]);
});

test('a retraction leaves the catalogue and keeps the tombstone; a later version brings the entry back', async () => {
  const e = datasetEntry({ title: 'Bộ dữ liệu sẽ thu hồi' });
  await put(e);
  const r = await del(e.uuid, 2);
  assert.deepEqual(r.body, { status: 'retracted', uuid: e.uuid, version: 2 });
  assert.deepEqual((await del(e.uuid, 2)).body.status, 'unchanged');
  assert.equal((await catalogue('?q=se thu hoi')).total, 0);
  const withRetracted = await catalogue('?q=se thu hoi&includeRetracted=1');
  assert.equal(withRetracted.total, 1);
  assert.ok(withRetracted.items[0].retractedAt);
  const detail = (await new Client(national).get(`/api/national/v1/datasets/${e.uuid}`)).body;
  assert.equal(detail.entry, null);
  assert.deepEqual(detail.tombstone, { version: 2, reason: 'Dữ liệu đã cũ.' });
  const row = await d.db
    .selectFrom('national_dataset')
    .selectAll()
    .where('uuid', '=', e.uuid)
    .executeTakeFirstOrThrow();
  assert.ok(row.retracted_at);
  assert.equal((row.entry as { title: string }).title, 'Bộ dữ liệu sẽ thu hồi');
  assert.equal((await put({ ...e, version: 3 })).body.status, 'updated');
  assert.equal((await catalogue('?q=se thu hoi')).total, 1);
  // A retraction that overtook its publication is kept as a tombstone all the same.
  const never = datasetEntry();
  assert.equal((await del(never.uuid, 4)).body.status, 'retracted');
  assert.equal((await put({ ...never, version: 2 })).body.status, 'ignored');
});

test('tokens: none or a wrong one is 401; province 01 may neither claim 38 nor overwrite what 38 delivered', async () => {
  const e = datasetEntry();
  const none = await put(e, '');
  assert.equal(none.status, 401);
  assert.equal(none.headers.get('www-authenticate'), 'Bearer realm="national"');
  const wrong = await put(e, newToken());
  assert.equal(wrong.status, 401);
  assert.equal(wrong.body.error.message, 'Mã kết nối của tỉnh không hợp lệ hoặc đã bị thu hồi.');
  // An unknown caller learns nothing about the body.
  assert.equal((await send(national, 'PUT', `/api/national/v1/datasets/${e.uuid}`, { x: 1 }, newToken())).status, 401);
  const claim = await put(e, T01);
  assert.equal(claim.status, 403);
  assert.match(claim.body.error.message, /tỉnh mã 01: không gửi được dữ liệu ghi là của tỉnh mã 38/);
  await put(e);
  const foreign = await put({ ...e, version: 5, province: { code: '01', name: 'Hà Nội' } }, T01);
  assert.equal(foreign.status, 403);
  assert.match(foreign.body.error.message, /do tỉnh khác gửi/);
  assert.equal((await del(e.uuid, 9, T01)).status, 403);
  const held = await d.db
    .selectFrom('national_dataset')
    .select(['province_code', 'version'])
    .where('uuid', '=', e.uuid)
    .executeTakeFirstOrThrow();
  assert.deepEqual(held, { province_code: '38', version: 1 });
});

test("strict input: the uuid of the path must be the body's, the entry is validated, 1 MB at most", async () => {
  const e = datasetEntry();
  const mismatch = await send(national, 'PUT', `/api/national/v1/datasets/${datasetEntry().uuid}`, e, T38);
  assert.equal(mismatch.status, 422);
  const bad = await put({ ...e, accessClass: 'secret' } as never);
  assert.equal(bad.status, 400);
  assert.ok(bad.body.error.issues.some((i: { path: string }) => i.path === 'accessClass'));
  const big = await put({ ...e, description: 'x'.repeat(1_100_000) });
  assert.equal(big.status, 413);
  // Unknown fields are dropped, never stored.
  await put({ ...e, internalNotes: 'không được lưu' } as never);
  const row = await d.db
    .selectFrom('national_dataset')
    .select('entry')
    .where('uuid', '=', e.uuid)
    .executeTakeFirstOrThrow();
  assert.equal('internalNotes' in (row.entry as object), false);
});

test('AI systems travel the same way, to their own catalogue', async () => {
  const a = aiSystemEntry();
  assert.equal((await put(a, T38, 'ai-systems')).body.status, 'created');
  assert.equal((await put({ ...a, version: 2, riskLevel: 'high' }, T38, 'ai-systems')).body.status, 'updated');
  const list = (await new Client(national).get('/api/national/v1/ai-systems?riskLevel=high&q=tro ly ao')).body;
  assert.equal(list.total, 1);
  assert.equal(list.items[0].title, 'Trợ lý ảo trả lời thủ tục hành chính');
  assert.deepEqual(list.items[0].deployer, { code: '16516', name: 'UBND phường Nam Sầm Sơn' });
  assert.equal((await del(a.uuid, 3, T38, 'ai-systems')).body.status, 'retracted');
  assert.equal((await new Client(national).get('/api/national/v1/ai-systems?q=tro ly ao')).body.total, 0);
});

test('on a province the national API does not exist (404), whatever the token', async () => {
  const e = datasetEntry();
  const r = await send(province, 'PUT', `/api/national/v1/datasets/${e.uuid}`, e, T38);
  assert.equal(r.status, 404);
  assert.equal((await new Client(province).get('/api/national/v1/datasets')).status, 404);
});

test('one sender at a time across server processes on PostgreSQL: a second one finds the lock taken', {
  skip: process.env.DATABASE_URL ? false : 'PGlite: one process owns its database',
}, async () => {
  if (!process.env.DATABASE_URL) return;
  const { asOnlySender } = await import('../../src/modules/sync/store.ts');
  const { openDatabase } = await import('../../src/db/connect.ts');
  const other = await openDatabase({ databaseUrl: process.env.DATABASE_URL.replace(/\/[^/]*$/, `/${d.name}`) });
  try {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const first = asOnlySender(d.db, async () => {
      await held;
      return 'first';
    });
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(await asOnlySender(other.db, async () => 'second'), null);
    release();
    assert.equal(await first, 'first');
    assert.equal(await asOnlySender(other.db, async () => 'second'), 'second');
  } finally {
    await other.close();
  }
});
