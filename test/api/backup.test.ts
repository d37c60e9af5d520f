// Backup and restore on the demo data (the province plan issued and cascaded to 161 of the 166 communes/wards): a backup taken
// while progress updates with evidence files are being written is one consistent snapshot, and restores into a new
// database with every table's row count and every evidence file identical; restores refuse a database that holds
// data (unless forced), a backup of a newer schema and a damaged file; an older backup is migrated up; the admin
// route is for the system administrator only; the CLI end to end on PostgreSQL, and on PGlite through the running
// server that owns the data directory.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { backend } from '../support/db.ts';
import { Client, makeUser } from '../support/api.ts';
import { runCli } from '../support/cli.ts';
import { closeStages, openWorld, stage, type Cast } from '../support/factories.ts';
import { openDatabase, type Database } from '../../src/db/connect.ts';
import { createFreshDatabase, type FreshDatabase } from '../../src/db/fresh-database.ts';
import { MIGRATION_NAMES, migrateTo } from '../../src/db/migrate.ts';
import { DEMO_UNCASCADED, seedDemoContent } from '../../src/demo.ts';
import { loadConfig } from '../../src/config.ts';
import { startServer } from '../../src/server.ts';
import { writeBackupFile } from '../../src/modules/backup/file.ts';
import { verifyBackup } from '../../src/modules/backup/read.ts';
import { restoreBackup } from '../../src/modules/backup/restore.ts';
import { runScheduledBackup } from '../../src/modules/backup/schedule.ts';
import type { Manifest } from '../../src/modules/backup/format.ts';
import { rewriteManifest } from '../support/backup.ts';

const work = mkdtempSync(join(tmpdir(), 'thihanh-backup-test-'));
const cleanups: Array<() => Promise<void>> = [];

const CAST = {
  admin: ['quantri', '38', ['sysadmin']],
  ward: ['nss.cv', '16516', ['officer']],
} satisfies Cast;

/** A new, empty database of the backend under test: a fresh PostgreSQL database, or a fresh PGlite data directory. */
async function emptyDatabase(): Promise<Database & { url?: string; dataDir?: string }> {
  if (backend === 'postgres') {
    const fresh: FreshDatabase = await createFreshDatabase(process.env.DATABASE_URL!, 'thihanh_restore');
    const db = await openDatabase({ databaseUrl: fresh.url, poolSize: 2 });
    cleanups.push(async () => {
      await db.close().catch(() => {});
      await fresh.drop();
    });
    return { ...db, url: fresh.url };
  }
  const dataDir = mkdtempSync(join(work, 'pglite-'));
  const db = await openDatabase({ dataDir });
  let closed = false;
  const close = async () => {
    if (!closed) {
      closed = true;
      await db.close();
    }
  };
  cleanups.push(close);
  return { ...db, close, dataDir };
}

/** Every base table of the public schema and its row count: a table added later is counted without editing this. */
async function tableCounts(db: Kysely<any>): Promise<Map<string, number>> {
  const tables = await sql<{ name: string }>`SELECT table_name::text AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(db);
  const out = new Map<string, number>();
  for (const { name } of tables.rows) {
    out.set(
      name,
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(`public.${name}`)}`.execute(db)).rows[0]!.n,
    );
  }
  return out;
}

/** Evidence files by id with the sha256 of their bytes as the database holds them. */
async function evidenceHashes(db: Kysely<any>): Promise<Map<number, { stored: string; actual: string }>> {
  const r = await sql<{ id: number; stored: string; actual: string }>`
    SELECT id, sha256 AS stored, encode(sha256(content), 'hex') AS actual FROM evidence_file ORDER BY id`.execute(db);
  return new Map(r.rows.map((x) => [x.id, { stored: x.stored, actual: x.actual }]));
}

async function updateCounts(db: Kysely<any>) {
  const r = await sql<{ updates: number; files: number; audits: number }>`SELECT
    (SELECT count(*)::int FROM progress_update) AS updates, (SELECT count(*)::int FROM evidence_file) AS files,
    (SELECT count(*)::int FROM audit_log WHERE action = 'assignment.update') AS audits`.execute(db);
  return r.rows[0]!;
}

/** A PDF the evidence check accepts, with incompressible bytes so files weigh in the backup. */
const pdf = (kb: number) =>
  Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(kb * 1024), Buffer.from('\n%%EOF\n')]);

/** The demo data (the province plan issued and cascaded, the ward's plan issued), a sysadmin and a ward officer. */
const demo = stage(async () => {
  const w = await openWorld(CAST);
  assert.equal(await seedDemoContent(w.d.db), true, 'demo content loaded');
  return w;
});

interface Snapshot {
  file: string;
  manifest: Manifest;
  /** Bytes the backup reported writing. */
  bytes: number;
  /** Progress updates written in all, before, during and after the backup. */
  writes: number;
  before0: Awaited<ReturnType<typeof updateCounts>>;
  sourceAtEnd: Map<string, number>;
}

/** The demo data with a backup taken while the ward officer writes progress updates with evidence files. */
const duringWrites = stage(async () => {
  const w = await demo.copy();
  const { d } = w;
  const a = await d.db
    .selectFrom('assignment as a')
    .innerJoin('unit as u', 'u.id', 'a.unit_id')
    .innerJoin('plan as p', 'p.id', 'a.plan_id')
    .select('a.id')
    .where('u.code', 'like', '16516.%')
    .where('p.status', '=', 'issued')
    .orderBy('a.id')
    .executeTakeFirstOrThrow();
  const before0 = await updateCounts(d.db);
  let writes = 0;
  let writing = true;
  let failed: unknown = null;
  const loop = (async () => {
    while (writing) {
      const r = await w.as.ward.post(`/api/assignments/${a.id}/updates`, {
        percent: Math.min(99, writes),
        narrative: `Cập nhật tiến độ lần ${writes + 1} trong khi sao lưu.`,
        occurredOn: '2026-06-01',
        evidence: [
          {
            filename: `Biên bản ${writes + 1}.pdf`,
            mime: 'application/pdf',
            contentBase64: pdf(writes % 3 === 0 ? 700 : 40).toString('base64'),
          },
        ],
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      writes++;
      // In-process requests on PGlite resolve through microtasks alone: let timers (and the backup) have turns.
      await new Promise((r) => setImmediate(r));
    }
  })().catch((err) => {
    failed = err;
  });
  const waitFor = async (n: number) => {
    while (writes < n) {
      if (failed) throw failed;
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  await waitFor(3);
  const file = join(work, 'during-writes.tar.gz');
  const written = await writeBackupFile(d.db, d.backend, file);
  const afterBackup = writes;
  await waitFor(afterBackup + 2);
  writing = false;
  await loop;
  if (failed) throw failed;
  const snapshot: Snapshot = {
    file,
    manifest: written.manifest,
    bytes: written.bytes,
    writes,
    before0,
    sourceAtEnd: await tableCounts(d.db),
  };
  return { ...w, snapshot };
});

/** A new database of the backend under test with the backup taken during writes restored into it. */
async function restoredCopy(s: Snapshot) {
  const target = await emptyDatabase();
  const r = await restoreBackup(target.db, s.file);
  return { target, migrated: r.migrated };
}

after(async () => {
  await closeStages(duringWrites, demo);
  for (const c of cleanups.reverse()) await c().catch(() => {});
  rmSync(work, { recursive: true, force: true });
});

describe('a backup taken while progress updates with evidence are written', () => {
  test('the snapshot falls between writes that go on before, during and after it', async () => {
    const { manifest, file, bytes, writes, before0 } = (await duringWrites.shared()).snapshot;
    assert.equal(statSync(file).mode & 0o777, 0o600, 'the file holds personal data: owner only');
    assert.equal(bytes, statSync(file).size);
    const rows = Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows]));
    // Each update, its evidence file and its audit record are one transaction: a snapshot has all three or none.
    const inSnapshot = rows.progress_update! - before0.updates;
    assert.equal(rows.evidence_file! - before0.files, inSnapshot);
    assert.ok(inSnapshot >= 3 && inSnapshot < writes, `updates in the snapshot: ${inSnapshot} of ${writes}`);
    assert.deepEqual(manifest.migrations, [...MIGRATION_NAMES]);
  });

  test('tables not written during the run have, in the backup, the counts of the source', async () => {
    const { manifest, sourceAtEnd } = (await duringWrites.shared()).snapshot;
    const written = new Set(['progress_update', 'evidence_file', 'audit_log', 'assignment', 'notification']);
    for (const t of manifest.tables) {
      if (!written.has(t.name)) assert.equal(t.rows, sourceAtEnd.get(t.name), t.name);
    }
    assert.equal(
      manifest.tables.find((t) => t.name === 'plan')!.rows,
      167 - DEMO_UNCASCADED,
      'the province plan and the plans of the communes and wards it was cascaded to',
    );
  });

  test('restored into a new database: every table has the count of the snapshot, every evidence file its bytes', async () => {
    const { d, snapshot } = await duringWrites.shared();
    const { manifest, sourceAtEnd, before0 } = snapshot;
    const { target, migrated } = await restoredCopy(snapshot);
    assert.deepEqual(migrated, []);
    const restored = await tableCounts(target.db);
    assert.deepEqual([...restored.keys()].sort(), [...sourceAtEnd.keys()].sort(), 'the same tables');
    for (const [name, n] of restored) {
      const m = manifest.tables.find((t) => t.name === name);
      // The migration bookkeeping is rebuilt by the migrations, not copied: it matches the source's.
      assert.equal(n, m ? m.rows : sourceAtEnd.get(name), name);
    }
    const counts = await updateCounts(target.db);
    assert.equal(
      counts.updates - before0.updates,
      counts.audits - before0.audits,
      'every restored update has its audit record',
    );
    const source = await evidenceHashes(d.db);
    const copy = await evidenceHashes(target.db);
    assert.equal(copy.size, manifest.tables.find((t) => t.name === 'evidence_file')!.rows);
    for (const [id, h] of copy) {
      assert.equal(h.actual, h.stored, `evidence ${id} bytes`);
      assert.equal(h.actual, source.get(id)!.actual, `evidence ${id} as in the source`);
    }
  });

  test('the restored database works: identity sequences continue after the restored ids, the audit trail stays append-only', async () => {
    const { target } = await restoredCopy((await duringWrites.shared()).snapshot);
    const unit = await target.db
      .selectFrom('unit')
      .select(['id'])
      .where('code', '=', '16516')
      .executeTakeFirstOrThrow();
    const row = await target.db
      .insertInto('unit_alias')
      .values({ unit_id: unit.id, name: 'Tên thử sau phục hồi', kind: 'other' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const max = await target.db
      .selectFrom('unit_alias')
      .select((eb) => eb.fn.max('id').as('m'))
      .executeTakeFirstOrThrow();
    assert.equal(row.id, max.m);
    await assert.rejects(sql`DELETE FROM audit_log`.execute(target.db), /append-only/);
  });

  test('a database that holds data is refused without --force, and replaced with it', async () => {
    const { snapshot } = await duringWrites.shared();
    const { file, manifest, sourceAtEnd } = snapshot;
    const { target } = await restoredCopy(snapshot);
    const beforeRefusal = await tableCounts(target.db);
    await assert.rejects(
      restoreBackup(target.db, file),
      (e: any) => e.code === 'restore.not_empty' && e.status === 409 && /--force/.test(e.message),
    );
    assert.deepEqual(await tableCounts(target.db), beforeRefusal, 'nothing changed');
    await restoreBackup(target.db, file, { force: true });
    for (const [name, n] of await tableCounts(target.db)) {
      assert.equal(n, manifest.tables.find((t) => t.name === name)?.rows ?? sourceAtEnd.get(name), name);
    }
  });

  test('a backup of a newer schema is refused; a damaged one too; the database is untouched', async () => {
    const { file } = (await duringWrites.shared()).snapshot;
    const empty = await emptyDatabase();
    const newer = join(work, 'newer.tar.gz');
    await rewriteManifest(file, newer, (m) => ({
      ...m,
      migrations: [...m.migrations, '9999-future'],
      app: { ...m.app, version: '9.0.0' },
    }));
    await assert.rejects(
      restoreBackup(empty.db, newer),
      (e: any) => e.code === 'backup.newer_schema' && /9999-future/.test(e.message) && /9\.0\.0/.test(e.message),
    );
    const truncated = join(work, 'truncated.tar.gz');
    writeFileSync(truncated, readFileSync(file).subarray(0, Math.floor(statSync(file).size / 2)));
    await assert.rejects(restoreBackup(empty.db, truncated), (e: any) => e.code === 'backup.damaged');
    const tampered = join(work, 'tampered.tar.gz');
    await rewriteManifest(
      file,
      tampered,
      (m) => m,
      (name, body) =>
        name.startsWith('tables/unit/') ? Buffer.from(body.toString().replace('Nam Sầm Sơn', 'Nam Sầm Sớn')) : body,
    );
    await assert.rejects(
      restoreBackup(empty.db, tampered),
      (e: any) => e.code === 'backup.damaged' && /sha256/.test(e.message),
    );
    assert.equal((await tableCounts(empty.db)).size, 0, 'no table was created');
  });
});

test('a backup of an older schema is restored, then migrated up', async () => {
  const older = await emptyDatabase();
  const previous = MIGRATION_NAMES.at(-2)!;
  await migrateTo(older.db, previous);
  await sql`INSERT INTO unit (parent_id, path, kind, code, name, short_name) VALUES (NULL, '{}', 'province', '38', 'Tỉnh Thanh Hóa', 'Thanh Hóa')`.execute(
    older.db,
  );
  await sql`UPDATE unit SET path = ARRAY[id]`.execute(older.db);
  const file = join(work, 'older.tar.gz');
  const { manifest } = await writeBackupFile(older.db, older.backend, file);
  assert.equal(manifest.migrations.at(-1), previous);
  const target = await emptyDatabase();
  const r = await restoreBackup(target.db, file);
  assert.deepEqual(r.migrated, MIGRATION_NAMES.slice(MIGRATION_NAMES.indexOf(previous) + 1));
  assert.equal((await target.db.selectFrom('unit').select('name').executeTakeFirstOrThrow()).name, 'Tỉnh Thanh Hóa');
});

test('daily backups: named by their time in Vietnam, audited, the oldest beyond the retention count deleted', async (t) => {
  const { d } = await demo.fresh(t);
  const dir = join(work, 'daily');
  const schedule = { dir, keep: 1, hour: 2 };
  await runScheduledBackup(d.db, d.backend, schedule, new Date('2026-12-04T19:00:00Z'));
  const second = await runScheduledBackup(d.db, d.backend, schedule, new Date('2026-12-05T19:00:00Z'));
  assert.deepEqual(second.pruned, ['thihanh-20261205-020000.tar.gz']);
  assert.deepEqual(readdirSync(dir), ['thihanh-20261206-020000.tar.gz']);
  assert.equal(statSync(second.path).mode & 0o777, 0o600);
  await verifyBackup(second.path);
  const audit = await d.db
    .selectFrom('audit_log')
    .select(['ip', 'actor_user_id'])
    .where('action', '=', 'system.backup')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  assert.deepEqual(audit, { ip: 'scheduler', actor_user_id: null });
});

describe('the admin backup route', () => {
  test('the system administrator downloads a complete backup, and it is audited', async (t) => {
    const {
      d,
      as: { admin },
    } = await demo.fresh(t);
    const r = await admin.request('POST', '/api/admin/backup');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'application/gzip');
    assert.match(r.headers.get('content-disposition') ?? '', /attachment; filename="thihanh-\d{8}-\d{6}\.tar\.gz"/);
    const file = join(work, 'route.tar.gz');
    writeFileSync(file, Buffer.from(r.body as ArrayBuffer));
    const m = await verifyBackup(file);
    assert.equal(m.tables.find((t) => t.name === 'unit')!.rows, (await tableCounts(d.db)).get('unit'));
    const audit = await d.db
      .selectFrom('audit_log')
      .select(['actor_username', 'after'])
      .where('action', '=', 'system.backup')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(audit.actor_username, 'quantri');
  });

  test('others are refused: 403 signed in, 401 anonymous or with a forged local token', async (t) => {
    const {
      d,
      app,
      as: { ward },
    } = await demo.fresh(t);
    assert.equal((await ward.request('POST', '/api/admin/backup')).status, 403);
    const unitAdmin = await makeUser(d.db, 'tinh.quantri', '38', ['unitAdmin', 'leader']);
    assert.ok(unitAdmin.id);
    assert.equal(
      (await (await new Client(app).login('tinh.quantri')).request('POST', '/api/admin/backup')).status,
      403,
      'a unit administrator, even of the province',
    );
    const anon = await new Client(app).request('POST', '/api/admin/backup');
    assert.equal(anon.status, 401);
    assert.match(anon.body.error.message, /đăng nhập/);
    const forged = await new Client(app).request('POST', '/api/admin/backup', undefined, {
      'x-thihanh-local-token': `${'a'.repeat(32)}.${'b'.repeat(64)}`,
    });
    assert.equal(forged.status, 401);
    assert.match(forged.body.error.message, /dùng một lần/);
  });
});

/** The CLI as an operator runs it, on the embedded database unless told otherwise. */
const cli = (args: string[], env: Record<string, string>) =>
  runCli(args, { DATABASE_URL: '', THIHANH_DEMO: '0', ...env });

if (backend === 'postgres') {
  test('CLI on PostgreSQL: thihanh backup from the running database, thihanh restore into a new one, identical counts', async (t) => {
    const { d } = await demo.fresh(t);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${d.name}`;
    const file = join(work, 'cli-postgres.tar.gz');
    const b = await cli(['backup', '--out', file], { DATABASE_URL: url.toString() });
    assert.equal(b.code, 0, b.out);
    assert.match(b.out, /Đã sao lưu vào .*cli-postgres\.tar\.gz/);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const source = await tableCounts(d.db);
    const target = await emptyDatabase();
    const r = await cli(['restore', file], { DATABASE_URL: target.url! });
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /Đã phục hồi \d+ dòng/);
    const manifest = await verifyBackup(file);
    for (const [name, n] of await tableCounts(target.db)) {
      assert.equal(n, manifest.tables.find((t) => t.name === name)?.rows ?? source.get(name), name);
      // Nothing was written since: the source as it is now, including the audit record of the backup itself.
      assert.equal(n, source.get(name), `${name} as in the source`);
    }
    const again = await cli(['restore', file], { DATABASE_URL: target.url! });
    assert.equal(again.code, 1);
    assert.match(again.out, /đã có dữ liệu.*--force/s);
  });
}

if (backend === 'pglite') {
  test('CLI on PGlite: thihanh backup asks the server that owns the directory; thihanh restore fills a new one', async () => {
    const dataDir = mkdtempSync(join(work, 'served-'));
    const config = { ...loadConfig({}), dataDir, port: 0, demo: false, demoContent: false };
    const server = await startServer(config, { prepare: 'inProcess' });
    let stopped = false;
    cleanups.push(async () => {
      if (!stopped) await server.stop();
    });
    const file = join(work, 'cli-pglite.tar.gz');
    const b = await cli(['backup', '--out', file], { THIHANH_DATA_DIR: dataDir });
    assert.equal(b.code, 0, b.out);
    assert.match(b.out, /máy chủ sẽ tạo bản sao lưu/);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const source = await tableCounts(server.database.db);
    const locked = await cli(['restore', file, '--force'], { THIHANH_DATA_DIR: dataDir });
    assert.notEqual(locked.code, 0, 'the server owns the directory');
    assert.match(locked.out, /đang được một tiến trình Thi Hành khác sử dụng/);
    const audit = await server.database.db
      .selectFrom('audit_log')
      .select(['actor_username', 'ip'])
      .where('action', '=', 'system.backup')
      .executeTakeFirstOrThrow();
    assert.deepEqual(audit, { actor_username: null, ip: 'cli' });
    await server.stop();
    stopped = true;

    const restoredDir = mkdtempSync(join(work, 'restored-'));
    const r = await cli(['restore', file], { THIHANH_DATA_DIR: restoredDir });
    assert.equal(r.code, 0, r.out);
    const manifest = await verifyBackup(file);
    const restored = await openDatabase({ dataDir: restoredDir });
    try {
      for (const [name, n] of await tableCounts(restored.db)) {
        assert.equal(n, manifest.tables.find((t) => t.name === name)?.rows ?? source.get(name), name);
        assert.equal(n, source.get(name), `${name} as in the source`);
      }
    } finally {
      await restored.close();
    }
    // No server now: the CLI opens the directory itself.
    const direct = await cli(['backup', '--out', join(work, 'cli-pglite-direct.tar.gz')], {
      THIHANH_DATA_DIR: dataDir,
    });
    assert.equal(direct.code, 0, direct.out);
    assert.doesNotMatch(direct.out, /máy chủ sẽ tạo/);
  });
}
