// Backup and restore of the demo data: the province plan issued as 129/KH-UBND and cascaded to the 166
// communes/wards, Nam Sầm Sơn's plan issued (what `THIHANH_DEMO=1` loads into an empty database).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareDatabase } from '../src/bootstrap.ts';
import { openDatabase, type Database } from '../src/db/connect.ts';
import { createFreshDatabase } from '../src/db/fresh-database.ts';
import { writeBackupFile, totalRows } from '../src/modules/backup/file.ts';
import { restoreBackup } from '../src/modules/backup/restore.ts';
import { rssMb, type Bench, type BenchContext } from './harness.ts';

async function withDatabase<T>(ctx: BenchContext, fn: (d: Database) => Promise<T>): Promise<T> {
  if (ctx.backend === 'postgres') {
    const fresh = await createFreshDatabase(ctx.databaseUrl!, 'thihanh_bench');
    const d = await openDatabase({ databaseUrl: fresh.url });
    try {
      return await fn(d);
    } finally {
      await d.close();
      await fresh.drop();
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'thihanh-bench-'));
  const d = await openDatabase({ dataDir: dir });
  try {
    return await fn(d);
  } finally {
    await d.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const backupDemo: Bench = {
  name: 'backup-demo',
  description: 'thihanh backup and restore of the demo data (province plan cascaded to 166 communes/wards)',
  backends: ['pglite', 'postgres'],
  async run(ctx: BenchContext) {
    const dir = mkdtempSync(join(tmpdir(), 'thihanh-bench-backup-'));
    const file = join(dir, 'demo.tar.gz');
    try {
      const written = await withDatabase(ctx, async (source) => {
        await prepareDatabase(source.db, { demo: true, demoContent: true });
        const t = performance.now();
        const w = await writeBackupFile(source.db, source.backend, file);
        return { ...w, ms: performance.now() - t };
      });
      const restoreMs = await withDatabase(ctx, async (target) => {
        const t = performance.now();
        await restoreBackup(target.db, file);
        return performance.now() - t;
      });
      const evidence = written.manifest.tables.find((x) => x.name === 'evidence_file')!;
      return {
        n: 1,
        backup_ms: Math.round(written.ms),
        restore_ms: Math.round(restoreMs),
        file_kb: Math.round(written.bytes / 1024),
        data_kb: Math.round(written.manifest.tables.reduce((s, x) => s + x.bytes, 0) / 1024),
        rows: totalRows(written.manifest),
        plans: written.manifest.tables.find((x) => x.name === 'plan')!.rows,
        evidence_files: evidence.rows,
        rss_mb: rssMb(),
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
