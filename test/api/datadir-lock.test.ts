// One process owns an embedded data directory: a second server or a writing CLI command refuses, touching nothing.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'thihanh-lock-'));
// The embedded database, whatever backend the rest of the suite runs on.
const env = { ...process.env, THIHANH_DATA_DIR: dataDir, DATABASE_URL: '', HOST: '127.0.0.1', PORT: '0', THIHANH_DEMO: '1', THIHANH_DEMO_CONTENT: '0' };
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
      if (m) { clearTimeout(timer); resolve({ child, url: m[1]! }); }
    });
    child.stderr!.on('data', (b) => { out += b; });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}: ${out}`)); });
  });
}

async function login(url: string) {
  const r = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'namsamson.chuyenvien', password: 'ThiHanh@2026' }) });
  assert.equal(r.status, 200);
  return { cookie: r.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await r.json()) as { csrfToken: string }).csrfToken };
}

test('a second server and a writing CLI command on the same data directory refuse; the first server\'s data is intact', async () => {
  const first = await startServer();
  const s = await login(first.url);
  const pw = await fetch(`${first.url}/api/auth/password`, {
    method: 'POST', headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
    body: JSON.stringify({ currentPassword: 'ThiHanh@2026', newPassword: 'DaDoiMatKhau#2026' }),
  });
  assert.equal(pw.status, 200);

  const second = spawnSync(process.execPath, [CLI, 'serve'], { env, encoding: 'utf8', timeout: 60_000 });
  assert.notEqual(second.status, 0);
  assert.match(second.stderr, /đang được một tiến trình Thi Hành khác sử dụng/);

  const cli = spawnSync(process.execPath, [CLI, 'user', 'reset-password', '--username', 'namsamson.chuyenvien', '--password', 'CliGhiDe#2026x'], { env, encoding: 'utf8', timeout: 60_000 });
  assert.notEqual(cli.status, 0);
  assert.match(cli.stderr, /đang được một tiến trình Thi Hành khác sử dụng/);

  // The first server still works and still has its write.
  const again = await fetch(`${first.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'namsamson.chuyenvien', password: 'DaDoiMatKhau#2026' }) });
  assert.equal(again.status, 200);

  // After a clean stop the directory is free, and the write survived on disk.
  first.child.kill('SIGTERM');
  await new Promise((r) => first.child.once('exit', r));
  const restarted = await startServer();
  const persisted = await fetch(`${restarted.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'namsamson.chuyenvien', password: 'DaDoiMatKhau#2026' }) });
  assert.equal(persisted.status, 200);
  restarted.child.kill('SIGTERM');
  await new Promise((r) => restarted.child.once('exit', r));
});

test('a lock left by a crashed process is taken over on the next start', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'thihanh-stale-'));
  try {
    // A PID that cannot be running: the previous owner died without releasing the directory.
    const { writeFileSync } = await import('node:fs');
    const { hostname } = await import('node:os');
    writeFileSync(join(dir, 'thihanh.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), since: '2026-01-01T00:00:00Z' }));
    const r = spawnSync(process.execPath, [CLI, 'migrate'], { env: { ...env, THIHANH_DATA_DIR: dir }, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
