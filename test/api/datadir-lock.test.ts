// One process owns an embedded data directory: a second server or a writing CLI command refuses, touching nothing.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverUrlOf } from '../support/cli.ts';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'thihanh-lock-'));
// The embedded database, whatever backend the rest of the suite runs on.
const env = {
  ...process.env,
  THIHANH_DATA_DIR: dataDir,
  DATABASE_URL: '',
  HOST: '127.0.0.1',
  PORT: '0',
  THIHANH_DEMO: '1',
  THIHANH_DEMO_CONTENT: '0',
};
const children: ChildProcess[] = [];

after(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [CLI, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (b) => {
      out += b;
      const m = out.match(/đang chạy tại (http:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]! });
      }
    });
    child.stderr!.on('data', (b) => {
      out += b;
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited ${code}: ${out}`));
    });
  });
}

function run(args: string[]): Promise<{ status: number | null; stderr: string }> {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (b: string) => {
    stderr += b;
  });
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, stderr })));
}

async function login(url: string) {
  const r = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'namsamson.chuyenvien', password: 'ThiHanh@2026' }),
  });
  assert.equal(r.status, 200);
  return {
    cookie: r.headers.get('set-cookie')!.split(';')[0]!,
    csrf: ((await r.json()) as { csrfToken: string }).csrfToken,
  };
}

test("a second server and a writing CLI command on the same data directory refuse; the first server's data is intact", async () => {
  const first = await startServer();
  const s = await login(first.url);
  const pw = await fetch(`${first.url}/api/auth/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
    body: JSON.stringify({ currentPassword: 'ThiHanh@2026', newPassword: 'DaDoiMatKhau#2026' }),
  });
  assert.equal(pw.status, 200);

  // Run without blocking this process: a blocked event loop misses the server closing idle keep-alive connections,
  // and the next fetch would be written on a connection the server has closed.
  const second = await run([CLI, 'serve']);
  assert.notEqual(second.status, 0);
  assert.match(second.stderr, /đang được một tiến trình Thi Hành khác sử dụng/);

  const cli = await run([
    CLI,
    'user',
    'reset-password',
    '--username',
    'namsamson.chuyenvien',
    '--password',
    'CliGhiDe#2026x',
  ]);
  assert.notEqual(cli.status, 0);
  assert.match(cli.stderr, /đang được một tiến trình Thi Hành khác sử dụng/);

  // The first server still works and still has its write.
  const again = await fetch(`${first.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'namsamson.chuyenvien', password: 'DaDoiMatKhau#2026' }),
  });
  assert.equal(again.status, 200);

  // After a clean stop the directory is free, and the write survived on disk.
  first.child.kill('SIGTERM');
  await new Promise((r) => first.child.once('exit', r));
  const restarted = await startServer();
  const persisted = await fetch(`${restarted.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'namsamson.chuyenvien', password: 'DaDoiMatKhau#2026' }),
  });
  assert.equal(persisted.status, 200);
  restarted.child.kill('SIGTERM');
  await new Promise((r) => restarted.child.once('exit', r));
});

test('a lock left by a crashed process is taken over on the next start', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'thihanh-stale-'));
  try {
    // A PID that cannot be running: the previous owner died without releasing the directory.
    writeFileSync(
      join(dir, 'thihanh.lock'),
      JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), since: '2026-01-01T00:00:00Z' }),
    );
    const r = spawnSync(process.execPath, [CLI, 'migrate'], {
      env: { ...env, THIHANH_DATA_DIR: dir },
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(r.status, 0, r.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// In a container the server is PID 1 at every start, and a restarted container's server finds a lock naming its own
// PID: the PID alone cannot tell a dead owner. The lock also records the process's boot id and start time.
const { processIdentity } = await import('../../src/db/lock.ts');

function writeLock(dir: string, owner: { pid: number; identity?: string | null }) {
  writeFileSync(
    join(dir, 'thihanh.lock'),
    JSON.stringify({ host: hostname(), since: '2026-01-01T00:00:00Z', ...owner }),
  );
}

function migrateIn(dir: string) {
  return spawnSync(process.execPath, [CLI, 'migrate'], {
    env: { ...env, THIHANH_DATA_DIR: dir },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

test('a lock naming PID 1 started at another time is taken over; naming PID 1 as it runs, or in the old format, it refuses', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'thihanh-pid1-'));
  try {
    const pid1 = processIdentity(1);
    assert.ok(pid1, 'the identity of PID 1 is read from /proc');
    // The process that wrote the lock was PID 1 of an earlier start: same boot, another start time.
    writeLock(dir, { pid: 1, identity: `${pid1.split('/')[0]}/1` });
    const stale = migrateIn(dir);
    assert.equal(stale.status, 0, stale.stderr);
    assert.equal(existsSync(join(dir, 'thihanh.lock')), false);

    writeLock(dir, { pid: 1, identity: pid1 });
    const live = migrateIn(dir);
    assert.equal(live.status, 1);
    assert.match(live.stderr, /đang được một tiến trình Thi Hành khác sử dụng \(tiến trình 1,/);

    // Written by an older version (no identity): a living PID is still taken to be the owner.
    writeLock(dir, { pid: 1 });
    assert.match(migrateIn(dir).stderr, /đang được một tiến trình Thi Hành khác sử dụng/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a restarted server that finds a lock naming its own PID with another start time takes the directory over', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'thihanh-ownpid-'));
  try {
    // The new process writes the lock its predecessor (same PID, earlier start) would have left, then serves.
    const script = `
      import { writeFileSync } from 'node:fs';
      import { hostname } from 'node:os';
      const { processIdentity } = await import(${JSON.stringify(fileURLToPath(new URL('../../src/db/lock.ts', import.meta.url)))});
      const [boot, start] = processIdentity(process.pid).split('/');
      writeFileSync(${JSON.stringify(join(dir, 'thihanh.lock'))}, JSON.stringify({ pid: process.pid, host: hostname(), since: '2026-01-01T00:00:00Z', identity: boot + '/' + (Number(start) - 100) }));
      const { main } = await import(${JSON.stringify(CLI)});
      process.exitCode = await main(['serve']);`;
    // A file, not \`node -e\`: the server passes its own node arguments on to the child that prepares the database.
    writeFileSync(join(dir, 'restarted.mjs'), script);
    const child = spawn(process.execPath, [join(dir, 'restarted.mjs')], {
      env: { ...env, THIHANH_DATA_DIR: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    const url = await serverUrlOf(child);
    assert.equal((await fetch(`${url}/api/health`)).status, 200);
    const lock = JSON.parse(readFileSync(join(dir, 'thihanh.lock'), 'utf8')) as { pid: number; identity: string };
    assert.equal(lock.pid, child.pid);
    assert.equal(lock.identity, processIdentity(child.pid!));
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('in one process, a second lock on a held directory refuses; an old-format lock naming this PID is stale', async () => {
  const { lockDataDir } = await import('../../src/db/lock.ts');
  const dir = mkdtempSync(join(tmpdir(), 'thihanh-inproc-'));
  try {
    writeLock(dir, { pid: process.pid });
    const release = await lockDataDir(dir);
    await assert.rejects(lockDataDir(dir), /đang được một tiến trình Thi Hành khác sử dụng/);
    await release();
    assert.equal(existsSync(join(dir, 'thihanh.lock')), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a server killed with -9 while its child prepares the database takes the child with it: no orphan keeps writing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'thihanh-orphan-'));
  try {
    const server = spawn(process.execPath, [CLI, 'serve'], {
      env: { ...env, THIHANH_DATA_DIR: dir },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    children.push(server);
    let stderr = '';
    server.stderr!.setEncoding('utf8').on('data', (b: string) => {
      stderr += b;
    });
    let child = 0;
    for (const deadline = Date.now() + 60_000; !child && Date.now() < deadline; ) {
      child =
        Number(
          spawnSync('pgrep', ['-P', String(server.pid)], { encoding: 'utf8' })
            .stdout.trim()
            .split('\n')[0],
        ) || 0;
      if (!child) await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(child, 'the server started a child to prepare the database');
    // Killed while the child writes the database.
    for (const deadline = Date.now() + 60_000; !existsSync(join(dir, 'pglite')) && Date.now() < deadline; )
      await new Promise((r) => setTimeout(r, 50));
    server.kill('SIGKILL');
    // An exited child not yet reaped by init is a zombie (state Z): only a running one counts.
    const running = (pid: number) => {
      try {
        return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[0] !== 'Z';
      } catch {
        return false;
      }
    };
    const t0 = Date.now();
    while (running(child) && Date.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 100));
    assert.equal(running(child), false, `the preparing child still runs 10 s after its server was killed: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200)); // the child's last words through the shared stderr
    assert.match(stderr, /Tiến trình máy chủ đã dừng: dừng theo, không ghi thêm vào thư mục dữ liệu\./);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
