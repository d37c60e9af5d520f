// Two nodes: the national node as a real server process (THIHANH_NODE_ROLE=national), and a province's database
// in this process with the real sender delivering its outbox over HTTP. The datasets module enqueues its changes
// with enqueueChange in the transaction of the change; here the test enqueues them the same way.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { backend, createTestDatabase, type TestDatabase } from '../support/db.ts';
import { Client, makeUser, testApp } from '../support/api.ts';
import { datasetEntry, newToken } from '../support/sync.ts';
import { loadConfig } from '../../src/config.ts';
import { createFreshDatabase } from '../../src/db/fresh-database.ts';
import { openDatabase } from '../../src/db/connect.ts';
import { enqueueChange, startSender, wakeSender, type Sender } from '../../src/modules/sync/index.ts';
import type { NationalDatasetEntry } from '../../src/contracts/sync.ts';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const T38 = newToken();
const T01 = newToken();
const dataDir = mkdtempSync(join(tmpdir(), 'thihanh-national-'));
let nationalDb: { url: string; drop: () => Promise<void> } | null = null;
let port = 0;
let base = '';
let node: ChildProcess | null = null;
let d: TestDatabase;
let sender: Sender;

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const { port: p } = s.address() as { port: number };
  await new Promise<void>((r) => s.close(() => r()));
  return p;
}

/** `thihanh serve` as the national node, on the same port and database each time. */
async function startNational(): Promise<void> {
  const child = spawn(process.execPath, [CLI, 'serve'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: nationalDb?.url ?? '',
      THIHANH_DATA_DIR: dataDir,
      THIHANH_DEMO: '1',
      THIHANH_DEMO_CONTENT: '0',
      THIHANH_CHECK_RESPONSES: '1',
      THIHANH_NODE_ROLE: 'national',
      THIHANH_NATIONAL_PROVINCE_TOKENS: `38:${T38},01:${T01}`,
      THIHANH_NATIONAL_URL: '',
    },
  });
  node = child;
  let out = '';
  child.stdout!.on('data', (b) => (out += b));
  child.stderr!.on('data', (b) => (out += b));
  for (const deadline = Date.now() + 180_000; ; ) {
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the national node did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function stopNational(): Promise<void> {
  const child = node;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
  node = null;
}

before(async () => {
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  if (backend === 'postgres') nationalDb = await createFreshDatabase(process.env.DATABASE_URL!, 'thihanh_nat');
  d = await createTestDatabase();
  await startNational();
  const config = loadConfig({ THIHANH_NATIONAL_URL: base, THIHANH_NATIONAL_TOKEN: T38 });
  sender = startSender({ db: d.db, backend: d.backend, config, url: '' });
});

after(async () => {
  await sender?.stop();
  await stopNational();
  await d?.close();
  await nationalDb?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

let entityId = 1;
/** Enqueues like the datasets module (in a transaction of the province's database), then wakes the sender. */
async function enqueue(
  op: 'put' | 'delete',
  payload: NationalDatasetEntry | { uuid: string; version: number; reason: string },
  id = entityId++,
) {
  await d.db
    .transaction()
    .execute((tx) =>
      enqueueChange(tx, { entity: 'dataset', entityId: id, uuid: payload.uuid, version: payload.version, op, payload }),
    );
  wakeSender();
  return id;
}

async function outboxRow(uuid: string, version: number) {
  return d.db
    .selectFrom('sync_outbox')
    .selectAll()
    .where('uuid', '=', uuid)
    .where('version', '=', version)
    .executeTakeFirstOrThrow();
}

/** Waits for the row to leave 'pending'/'sent'; returns it with the time from its enqueue to its answer. */
async function settled(uuid: string, version: number, ms = 30_000) {
  const t0 = Date.now();
  for (;;) {
    const row = await outboxRow(uuid, version);
    if (row.status !== 'pending' && row.status !== 'sent')
      return { row, latencyMs: new Date(row.answered_at!).getTime() - new Date(row.created_at).getTime() };
    if (Date.now() - t0 > ms) throw new Error(`not delivered in ${ms} ms: ${JSON.stringify(row)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const national = async (path: string) => {
  const r = await fetch(`${base}/api/national/v1/${path}`);
  return { status: r.status, body: (await r.json()) as any };
};

test('a published dataset reaches the national node within 30 s with its uuid; an edit keeps one record; a retraction leaves the catalogue', async (t) => {
  const e = datasetEntry({ title: 'Danh mục cơ sở lưu trú du lịch Thanh Hóa' });
  await enqueue('put', e);
  const first = await settled(e.uuid, 1);
  assert.equal(first.row.status, 'accepted', first.row.last_error ?? '');
  assert.ok(first.latencyMs < 30_000);
  t.diagnostic(`sync latency (enqueue → accepted), first put: ${first.latencyMs} ms`);
  const listed = await national(`datasets?province=38&q=luu tru du lich thanh hoa`);
  assert.deepEqual(
    listed.body.items.map((i: any) => [i.uuid, i.title, i.province.code]),
    [[e.uuid, 'Danh mục cơ sở lưu trú du lịch Thanh Hóa', '38']],
  );

  const latencies: number[] = [];
  await enqueue('put', { ...e, version: 2, title: 'Danh mục cơ sở lưu trú (đã cập nhật)' });
  const second = await settled(e.uuid, 2);
  assert.equal(second.row.status, 'accepted');
  latencies.push(second.latencyMs);
  const after = await national(`datasets?q=luu tru`);
  assert.deepEqual(
    after.body.items.filter((i: any) => i.uuid === e.uuid).map((i: any) => [i.title, i.version]),
    [['Danh mục cơ sở lưu trú (đã cập nhật)', 2]],
  );

  await enqueue('delete', { uuid: e.uuid, version: 3, reason: 'Thay bằng bộ dữ liệu mới.' });
  const third = await settled(e.uuid, 3);
  assert.equal(third.row.status, 'accepted');
  latencies.push(third.latencyMs);
  assert.equal((await national(`datasets?q=luu tru`)).body.items.filter((i: any) => i.uuid === e.uuid).length, 0);
  const tomb = await national(`datasets/${e.uuid}`);
  assert.deepEqual(tomb.body.tombstone, { version: 3, reason: 'Thay bằng bộ dữ liệu mới.' });
  assert.ok(tomb.body.retractedAt);
  t.diagnostic(`sync latency (enqueue → accepted), update and retraction: ${latencies.join(' ms, ')} ms`);
});

test('tokens at the national node: a wrong one is 401; province 01 may not claim 38 nor write a uuid 38 holds', async () => {
  const e = datasetEntry();
  const call = (token: string, body: unknown, uuid = e.uuid) =>
    fetch(`${base}/api/national/v1/datasets/${uuid}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  assert.equal((await call(newToken(), e)).status, 401);
  assert.equal((await call(T01, e)).status, 403);
  assert.equal((await call(T38, e)).status, 200);
  const overwrite = await call(T01, { ...e, version: 7, province: { code: '01', name: 'Hà Nội' } });
  assert.equal(overwrite.status, 403);
  assert.match(((await overwrite.json()) as any).error.message, /do tỉnh khác gửi/);
  assert.equal((await national(`datasets/${e.uuid}`)).body.version, 1);
});

test('a refusal of the national node is mirrored as rejected with its message, shown at /api/sync/status, and re-queued by a system administrator', async () => {
  // A record the province's token may not write (it claims another province): 403, not worth retrying.
  const e = datasetEntry({ province: { code: '01', name: 'Hà Nội' } });
  await enqueue('put', e);
  const { row } = await settled(e.uuid, 1);
  assert.equal(row.status, 'rejected');
  assert.equal(row.attempts, 1);
  assert.match(row.last_error!, /^Cơ sở dữ liệu quốc gia từ chối \(HTTP 403\): Mã kết nối này là của tỉnh mã 38/);

  const app = testApp(d.db, d.backend, {
    national: loadConfig({ THIHANH_NATIONAL_URL: base, THIHANH_NATIONAL_TOKEN: T38 }).national,
  });
  await makeUser(d.db, 'sync.sysadmin', '38', ['sysadmin']);
  await makeUser(d.db, 'sync.tinh', '38', ['officer']);
  await makeUser(d.db, 'sync.phuong', '16516', ['leader']);
  const sys = await new Client(app).login('sync.sysadmin');
  const status = (await (await new Client(app).login('sync.tinh')).get('/api/sync/status')).body;
  assert.equal(status.role, 'province');
  assert.equal(status.enabled, true);
  assert.equal(status.target, `127.0.0.1:${port}`);
  assert.doesNotMatch(JSON.stringify(status), new RegExp(T38));
  assert.ok(status.counts.rejected >= 1 && status.counts.accepted >= 3);
  const item = status.items.find((i: any) => i.uuid === e.uuid);
  assert.equal(item.status, 'rejected');
  assert.equal(item.lastError, row.last_error);
  assert.ok(status.lastAcceptedAt);
  assert.equal((await (await new Client(app).login('sync.phuong')).get('/api/sync/status')).status, 403);

  const officer = await new Client(app).login('sync.tinh');
  assert.equal((await officer.post(`/api/sync/retry/${row.id}`)).status, 403);
  const retried = await sys.post(`/api/sync/retry/${row.id}`);
  assert.deepEqual(retried.body, { id: Number(row.id), status: 'pending' });
  assert.equal((await sys.post(`/api/sync/retry/${row.id}`)).status, 409);
  const again = await settled(e.uuid, 1);
  assert.equal(again.row.status, 'rejected');
});

test('through the datasets API: published, edited, retracted at the province; the national catalogue follows', async (t) => {
  const app = testApp(d.db, d.backend);
  await makeUser(d.db, 'ds.cv', '38.SKHCN', ['officer']);
  await makeUser(d.db, 'ds.ld', '38.SKHCN', ['leader']);
  const officer = await new Client(app).login('ds.cv');
  const leader = await new Client(app).login('ds.ld');
  const unitId = (await d.db.selectFrom('unit').select('id').where('code', '=', '38.SKHCN').executeTakeFirstOrThrow())
    .id;
  const body = {
    unitId,
    title: 'Danh mục điểm phát Wi-Fi công cộng tỉnh Thanh Hóa',
    sector: 'khoa-hoc-cong-nghe',
    accessClass: 'open',
    keywords: ['wifi', 'hạ tầng số'],
  };
  const created = await officer.post('/api/datasets', body);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const { id, uuid } = created.body;
  const csv = 'ma_xa,ten_diem,so_diem\n16516,Quảng trường biển,6\n14797,Công viên Hạc Thành,4\n';
  const up = await officer.post(`/api/datasets/${id}/resources`, {
    filename: 'wifi.csv',
    contentBase64: Buffer.from(csv).toString('base64'),
  });
  assert.equal(up.status, 201, JSON.stringify(up.body));
  const t0 = Date.now();
  assert.equal((await leader.post(`/api/datasets/${id}/publish`)).status, 200);
  const versionOf = async () =>
    (await d.db.selectFrom('dataset').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
  const published = await settled(uuid, await versionOf());
  assert.equal(published.row.status, 'accepted', published.row.last_error ?? '');
  t.diagnostic(`publish → accepted at the national node: ${Date.now() - t0} ms through the API`);
  const there = await national(`datasets?province=38&q=wi-fi cong cong`);
  assert.deepEqual(
    there.body.items.map((i: any) => [i.uuid, i.title]),
    [[uuid, body.title]],
  );
  const page = await officer.get(`/api/datasets/${id}`);
  assert.equal(page.body.sync.status, 'accepted');

  const edited = await leader.put(`/api/datasets/${id}`, {
    ...body,
    title: 'Điểm phát Wi-Fi công cộng (cập nhật 2026)',
  });
  assert.equal(edited.status, 200, JSON.stringify(edited.body));
  assert.equal((await settled(uuid, edited.body.version)).row.status, 'accepted');
  const afterEdit = await national(`datasets?province=38&q=wi-fi`);
  assert.deepEqual(
    afterEdit.body.items.filter((i: any) => i.uuid === uuid).map((i: any) => i.title),
    ['Điểm phát Wi-Fi công cộng (cập nhật 2026)'],
  );

  assert.equal(
    (await leader.post(`/api/datasets/${id}/retract`, { reason: 'Chuyển sang bộ dữ liệu hạ tầng số chung.' })).status,
    200,
  );
  assert.equal((await settled(uuid, await versionOf())).row.status, 'accepted');
  assert.equal(
    (await national(`datasets?province=38&q=wi-fi`)).body.items.filter((i: any) => i.uuid === uuid).length,
    0,
  );
  assert.equal((await national(`datasets/${uuid}`)).body.tombstone.reason, 'Chuyển sang bộ dữ liệu hạ tầng số chung.');
});

test('a published AI system of a ward reaches the national registry; its retirement follows as a new version', async () => {
  const app = testApp(d.db, d.backend);
  await makeUser(d.db, 'ai.cv', '16516', ['officer']);
  await makeUser(d.db, 'ai.ld', '16516', ['leader']);
  const officer = await new Client(app).login('ai.cv');
  const leader = await new Client(app).login('ai.ld');
  const unitId = (await d.db.selectFrom('unit').select('id').where('code', '=', '16516').executeTakeFirstOrThrow()).id;
  const use = await officer.post('/api/ai-systems', {
    unitId,
    purpose: 'Trả lời câu hỏi thường gặp về thủ tục hành chính tại Bộ phận Một cửa.',
    product: {
      name: 'Trợ lý Một cửa số',
      provider: 'Công ty Kiểm thử Kết nối',
      function: 'Hỏi đáp thủ tục hành chính',
    },
  });
  assert.equal(use.status, 201, JSON.stringify(use.body));
  const id = use.body.id;
  const answers = {
    onHighRiskList: false,
    interactsWithPublic: false,
    clearlyAiTool: true,
    rightsImpact: [],
    decisionUse: 'none',
    significantHarm: false,
    humanReviewBeforeEffect: true,
  };
  const cls = await officer.post(`/api/ai-systems/${id}/classification`, { answers });
  assert.equal(cls.status, 200, JSON.stringify(cls.body));
  const { uuid } = await d.db.selectFrom('ai_use').select('uuid').where('id', '=', id).executeTakeFirstOrThrow();
  const before = await d.db.selectFrom('sync_outbox').select('id').where('uuid', '=', uuid).execute();
  assert.equal(before.length, 0, 'nothing leaves the province before publication');
  const pub = await leader.post(`/api/ai-systems/${id}/publish`);
  assert.equal(pub.status, 200, JSON.stringify(pub.body));
  const accepted = (await settled(uuid, 1)).row;
  assert.equal(accepted.status, 'accepted');
  // The registry's AI-ID comes back with the answer and is kept with the use.
  assert.match(accepted.remote_id ?? '', /^VN-AI-38-[0-9A-F]{12}$/);
  const page = await officer.get(`/api/ai-systems/${id}`);
  assert.equal(page.body.nationalAiId, accepted.remote_id);
  assert.equal(page.body.nationalSync.status, 'accepted');
  const listed = await national(`ai-systems?province=38`);
  const item = listed.body.items.find((i: any) => i.uuid === uuid);
  assert.ok(item, JSON.stringify(listed.body).slice(0, 300));
  assert.equal(item.province.code, '38');
  assert.equal(
    (await officer.post(`/api/ai-systems/${id}/retire`, { reason: 'Thay bằng cổng hỏi đáp của tỉnh.' })).status,
    200,
  );
  assert.equal((await settled(uuid, 2)).row.status, 'accepted');
  const detail = await national(`ai-systems/${uuid}`);
  assert.equal(detail.body.version, 2);
  assert.equal(detail.body.entry.status, 'retired');
});

test('the national node down: a change made meanwhile is delivered once when it is back', async (t) => {
  await stopNational();
  const e = datasetEntry({ title: 'Bộ dữ liệu gửi khi nút quốc gia dừng' });
  const id = await enqueue('put', e);
  await enqueue('put', { ...e, version: 2, title: 'Bộ dữ liệu gửi khi nút quốc gia dừng (bản 2)' }, id);
  // The sender tries, fails, keeps the change waiting with the reason.
  for (const t0 = Date.now(); ; ) {
    const row = await outboxRow(e.uuid, 2);
    if (row.attempts >= 1) {
      assert.equal(row.status, 'pending');
      assert.match(row.last_error!, /Không kết nối được cơ sở dữ liệu quốc gia/);
      assert.ok(new Date(row.next_attempt_at) > new Date());
      break;
    }
    assert.ok(Date.now() - t0 < 30_000, 'no attempt while the node was down');
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal((await outboxRow(e.uuid, 1)).status, 'superseded');
  const downAt = Date.now();
  await startNational();
  const backAt = Date.now();
  const { row } = await settled(e.uuid, 2, 120_000);
  assert.equal(row.status, 'accepted');
  t.diagnostic(
    `node down ${Math.round((backAt - downAt) / 1000)} s (restart); delivered ${Date.now() - backAt} ms after it answered again, after ${row.attempts} attempts`,
  );
  const detail = await national(`datasets/${e.uuid}`);
  assert.equal(detail.body.version, 2);
  assert.equal(detail.body.entry.title, 'Bộ dữ liệu gửi khi nút quốc gia dừng (bản 2)');

  // Once: the national node recorded one creation of this record and nothing else (read from its own database).
  await sender.stop();
  await stopNational();
  const n = await openDatabase({ databaseUrl: nationalDb?.url ?? null, dataDir });
  try {
    const rows = await n.db.selectFrom('national_dataset').select(['version']).where('uuid', '=', e.uuid).execute();
    assert.deepEqual(rows, [{ version: 2 }]);
    const audit = await n.db.selectFrom('audit_log').select('action').where('entity_id', '=', e.uuid).execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['national_dataset.create'],
    );
    const province = await n.db
      .selectFrom('national_province')
      .selectAll()
      .where('code', '=', '38')
      .executeTakeFirstOrThrow();
    assert.equal(province.name, 'Thanh Hóa');
    assert.match(province.token_hash!, /^[0-9a-f]{64}$/);
    assert.notEqual(province.token_hash, T38);
  } finally {
    await n.close();
  }
});
