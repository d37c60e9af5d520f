// `npm start` stops cleanly when a service manager (Docker, systemd) sends SIGTERM to the process it started, npm:
// the server finishes what it is answering, closes the database, frees the data directory and every process ends.
// A port in use is told in one Vietnamese line before anything is prepared.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { backend } from '../support/db.ts';
import { createFreshDatabase } from '../../src/db/fresh-database.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'src/cli.ts');
const dirs: string[] = [];
const groups: number[] = [];

after(() => {
  for (const g of groups)
    try {
      process.kill(-g, 'SIGKILL');
    } catch {
      /* already gone */
    }
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'thihanh-stop-'));
  dirs.push(d);
  return d;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const { port } = s.address() as { port: number };
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

interface Started {
  npm: ChildProcess;
  url: string;
  log: () => string;
  exit: Promise<number | null>;
}

/**
 * `npm start` in its own process group (as a service manager runs it). `--ignore-scripts` skips prestart, which
 * builds the web app: not what is tested here, and minutes on a loaded machine.
 */
async function npmStart(env: NodeJS.ProcessEnv): Promise<Started> {
  const port = await freePort();
  const npm = spawn('npm', ['start', '--ignore-scripts', '--silent'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      THIHANH_DEMO: '1',
      THIHANH_DEMO_CONTENT: '0',
      ...env,
    },
  });
  groups.push(npm.pid!);
  let out = '';
  npm.stdout!.on('data', (b) => {
    out += b;
  });
  npm.stderr!.on('data', (b) => {
    out += b;
  });
  const exit = new Promise<number | null>((r) => npm.once('exit', (code) => r(code)));
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 120_000; ; ) {
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (npm.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not answer: ${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { npm, url, log: () => out, exit };
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitGone(pgid: number, ms: number): Promise<number> {
  const t0 = Date.now();
  while (groupAlive(pgid)) {
    if (Date.now() - t0 > ms) return Infinity;
    await new Promise((r) => setTimeout(r, 100));
  }
  return Date.now() - t0;
}

/** A login whose body arrives slowly: under way when the stop is asked for; sends the rest on `finish()`. */
function slowLogin(url: string, password: string): { finish: () => void; answer: Promise<number> } {
  const body = JSON.stringify({ username: 'namsamson.chuyenvien', password });
  const req = request(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  const answer = new Promise<number>((resolve, reject) => {
    req.once('response', (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode!));
    });
    req.once('error', reject);
  });
  req.write(body.slice(0, 10));
  return { finish: () => req.end(body.slice(10)), answer };
}

async function login(url: string): Promise<number> {
  const r = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'namsamson.chuyenvien', password: 'ThiHanh@2026' }),
  });
  return r.status;
}

/** An import runs in the worker pool: a worker is then alive, which the stop must end (src/shutdown.ts). */
async function importThroughWorkers(url: string): Promise<void> {
  const r = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'namsamson.chuyenvien', password: 'ThiHanh@2026' }),
  });
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  const plan = readFileSync(
    join(ROOT, 'test/fixtures/plans/ke-hoach-phuong-nam-sam-son-thi-hanh-luat-tri-tue-nhan-tao.md'),
  );
  const imported = await fetch(`${url}/api/plans/import`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: r.headers.get('set-cookie')!.split(';')[0]!,
      'x-csrf-token': csrfToken,
    },
    body: JSON.stringify({ filename: 'ke-hoach.md', contentBase64: plan.toString('base64') }),
  });
  assert.equal(imported.status, 200, await imported.text());
}

async function stopsCleanly(env: NodeJS.ProcessEnv, note: (msg: string) => void) {
  const first = await npmStart(env);
  await importThroughWorkers(first.url);
  const slow = slowLogin(first.url, 'ThiHanh@2026');
  await new Promise((r) => setTimeout(r, 500)); // the request is with the server
  first.npm.kill('SIGTERM'); // npm alone, as a service manager does
  // The server soon no longer accepts, yet finishes the request it had.
  let accepting = true;
  for (const deadline = Date.now() + 10_000; accepting && Date.now() < deadline; ) {
    accepting = await fetch(`${first.url}/api/health`).then(
      () => true,
      () => false,
    );
    if (accepting) await new Promise((r) => setTimeout(r, 200));
  }
  assert.equal(accepting, false, 'the server still accepts connections 10 s after SIGTERM');
  slow.finish();
  assert.equal(await slow.answer, 200);
  const gone = await waitGone(first.npm.pid!, 15_000);
  note(`every process gone ${gone} ms after the slow request's answer`);
  assert.ok(
    gone < 15_000,
    `processes left after SIGTERM: ${spawnSync('ps', ['-o', 'pid,args', '-g', String(first.npm.pid)], { encoding: 'utf8' }).stdout}`,
  );
  assert.equal(await first.exit, 0);
  assert.match(first.log(), /Đang dừng máy chủ…\nĐã dừng\.\n/);
  assert.doesNotMatch(first.log(), /Còn tài nguyên chưa đóng/);
  if (env.THIHANH_DATA_DIR) assert.equal(existsSync(join(env.THIHANH_DATA_DIR, 'thihanh.lock')), false);

  // The same data is served again: no stale lock, nothing lost.
  const again = await npmStart(env);
  assert.equal(await login(again.url), 200);
  // A request that never ends is given STOP_GRACE_MS (10 s), then its connection is closed and the stop goes on.
  const held = slowLogin(again.url, 'ThiHanh@2026');
  const heldEnd = held.answer.then(
    (status) => `answered ${status}`,
    () => 'closed',
  );
  await new Promise((r) => setTimeout(r, 500));
  again.npm.kill('SIGTERM');
  const took = await waitGone(again.npm.pid!, 15_000);
  assert.ok(took >= 9_000 && took < 15_000, `stopped after ${took} ms`);
  note(`with a request that never ends: every process gone ${took} ms after SIGTERM`);
  assert.equal(await heldEnd, 'closed');
  assert.equal(await again.exit, 0);
}

test('SIGTERM to npm start (PGlite): a request under way is answered, every process ends, the data directory is reusable', async (t) => {
  await stopsCleanly({ THIHANH_DATA_DIR: tempDir(), DATABASE_URL: '' }, (m) => t.diagnostic(m));
});

if (backend === 'postgres') {
  test('SIGTERM to npm start (PostgreSQL): a request under way is answered, every process ends, the database is reusable', async (t) => {
    const fresh = await createFreshDatabase(process.env.DATABASE_URL!, 'thihanh_stop');
    try {
      await stopsCleanly({ DATABASE_URL: fresh.url, THIHANH_DATA_DIR: tempDir() }, (m) => t.diagnostic(m));
    } finally {
      await fresh.drop();
    }
  });
}

test('a second signal stops at once, without waiting for the requests under way; the lock is removed', async () => {
  const dataDir = tempDir();
  const started = await npmStart({ THIHANH_DATA_DIR: dataDir, DATABASE_URL: '' });
  const server = (JSON.parse(readFileSync(join(dataDir, 'thihanh.lock'), 'utf8')) as { pid: number }).pid;
  const held = slowLogin(started.url, 'ThiHanh@2026'); // never finished: the clean stop would wait 10 s for it
  held.answer.catch(() => {});
  await new Promise((r) => setTimeout(r, 500));
  started.npm.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1_500));
  assert.ok(groupAlive(started.npm.pid!), 'the clean stop waits for the request under way');
  process.kill(server, 'SIGTERM');
  assert.ok((await waitGone(started.npm.pid!, 5_000)) < 5_000, 'a second signal ends the server at once');
  assert.match(started.log(), /Dừng ngay/);
  assert.equal(existsSync(join(dataDir, 'thihanh.lock')), false);
});

test('a port in use is one Vietnamese line naming PORT, exit code 1, before anything is prepared', async () => {
  const dataDir = tempDir();
  const taken: Server = createServer();
  await new Promise<void>((r) => taken.listen(0, '127.0.0.1', () => r()));
  const { port } = taken.address() as { port: number };
  try {
    const r = spawnSync(process.execPath, [CLI, 'serve'], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, THIHANH_DATA_DIR: dataDir, DATABASE_URL: '', HOST: '127.0.0.1', PORT: String(port) },
    });
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.equal(
      r.stderr,
      `Lỗi: Cổng ${port} đang được dùng bởi một chương trình khác. Hãy dừng chương trình đó hoặc đặt biến môi trường PORT sang cổng khác.\n`,
    );
    // Nothing was prepared, nothing locked.
    assert.equal(existsSync(join(dataDir, 'pglite')), false);
    assert.equal(existsSync(join(dataDir, 'thihanh.lock')), false);
  } finally {
    await new Promise<void>((r) => taken.close(() => r()));
  }
});
