// Daily backups: when they run (a quiet hour in Vietnam's time), how they are named, which old ones are deleted,
// and how the local token of the CLI is accepted once only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupFileName, backupScheduleFromEnv, nextRunAt, pruneBackups } from '../../src/modules/backup/schedule.ts';
import { consumeLocalToken, issueLocalToken } from '../../src/modules/backup/local-token.ts';
import { checkSchemaVersion } from '../../src/modules/backup/format.ts';

test('the next run is the coming 02:00 in Vietnam (UTC+7), today or tomorrow', () => {
  // 2026-12-05 18:00 UTC is 01:00 on the 6th in Vietnam: the run is at 02:00 on the 6th, i.e. 19:00 UTC on the 5th.
  assert.equal(nextRunAt(new Date('2026-12-05T18:00:00Z'), 2).toISOString(), '2026-12-05T19:00:00.000Z');
  // 19:00 UTC exactly has just passed: tomorrow.
  assert.equal(nextRunAt(new Date('2026-12-05T19:00:00Z'), 2).toISOString(), '2026-12-06T19:00:00.000Z');
  assert.equal(nextRunAt(new Date('2026-12-05T03:00:00Z'), 23).toISOString(), '2026-12-05T16:00:00.000Z');
});

test('file names carry the time in Vietnam and sort as their dates', () => {
  assert.equal(backupFileName(new Date('2026-12-05T19:00:00Z')), 'thihanh-20261206-020000.tar.gz');
  assert.equal(backupFileName(new Date('2026-12-31T17:30:05Z')), 'thihanh-20270101-003005.tar.gz');
});

test('retention keeps the newest files it wrote and nothing else is touched', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'thihanh-prune-'));
  try {
    const days = ['20261201', '20261202', '20261203', '20261204', '20261205'];
    for (const day of days) writeFileSync(join(dir, `thihanh-${day}-020000.tar.gz`), 'x');
    writeFileSync(join(dir, 'thihanh-manual.tar.gz'), 'x');
    writeFileSync(join(dir, 'notes.txt'), 'x');
    const deleted = await pruneBackups(dir, 3);
    assert.deepEqual(deleted.sort(), ['thihanh-20261201-020000.tar.gz', 'thihanh-20261202-020000.tar.gz']);
    assert.deepEqual(readdirSync(dir).sort(), [
      'notes.txt',
      'thihanh-20261203-020000.tar.gz',
      'thihanh-20261204-020000.tar.gz',
      'thihanh-20261205-020000.tar.gz',
      'thihanh-manual.tar.gz',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('settings: off without THIHANH_BACKUP_DIR; defaults 14 files at 02:00; bad values fall back', () => {
  assert.equal(backupScheduleFromEnv({}), null);
  assert.deepEqual(backupScheduleFromEnv({ THIHANH_BACKUP_DIR: '/srv/backups' }), {
    dir: '/srv/backups',
    keep: 14,
    hour: 2,
  });
  assert.deepEqual(
    backupScheduleFromEnv({ THIHANH_BACKUP_DIR: '/srv/backups', THIHANH_BACKUP_KEEP: '7', THIHANH_BACKUP_HOUR: '23' }),
    { dir: '/srv/backups', keep: 7, hour: 23 },
  );
  assert.deepEqual(
    backupScheduleFromEnv({ THIHANH_BACKUP_DIR: '/srv/backups', THIHANH_BACKUP_KEEP: '0', THIHANH_BACKUP_HOUR: '24' }),
    { dir: '/srv/backups', keep: 14, hour: 2 },
  );
});

test('a local token is accepted once, and only as written by the CLI (private file, right secret, fresh)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'thihanh-token-'));
  try {
    const t = issueLocalToken(dir);
    const [id] = t.header.split('.');
    assert.equal(consumeLocalToken(dir, `${id}.${'0'.repeat(64)}`), false, 'wrong secret');
    assert.equal(consumeLocalToken(dir, t.header), false, 'a failed try consumed it');
    const ok = issueLocalToken(dir);
    assert.equal(consumeLocalToken(dir, ok.header), true);
    assert.equal(consumeLocalToken(dir, ok.header), false, 'used once');
    const readable = issueLocalToken(dir);
    chmodSync(join(dir, 'backup-tokens', readable.header.split('.')[0]!), 0o644);
    assert.equal(consumeLocalToken(dir, readable.header), false, 'readable by others');
    const old = issueLocalToken(dir);
    const past = new Date(Date.now() - 120_000);
    utimesSync(join(dir, 'backup-tokens', old.header.split('.')[0]!), past, past);
    assert.equal(consumeLocalToken(dir, old.header), false, 'older than a minute');
    assert.equal(consumeLocalToken(dir, '../../etc/passwd'), false);
    assert.deepEqual(readdirSync(join(dir, 'backup-tokens')), [], 'nothing left behind');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('schema versions: an older backup is accepted, a newer or foreign one refused', () => {
  const known = ['0001-a', '0002-b', '0003-c'];
  assert.doesNotThrow(() => checkSchemaVersion(['0001-a', '0002-b'], known, '0.1.0'));
  assert.throws(
    () => checkSchemaVersion([...known, '0004-d'], known, '0.2.0'),
    (e: any) => e.code === 'backup.newer_schema' && /0004-d/.test(e.message),
  );
  assert.throws(
    () => checkSchemaVersion(['0002-b'], known, '0.1.0'),
    (e: any) => e.code === 'backup.damaged',
  );
});
