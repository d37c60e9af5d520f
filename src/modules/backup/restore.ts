import { AppError } from '../../domain/errors.ts';
import { MIGRATION_NAMES, migrateTo, migrateToLatest } from '../../db/migrate.ts';
import {
  checkSchemaVersion,
  damaged,
  INSERT_BYTES,
  INSERT_ROWS,
  MANIFEST_NAME,
  parseChunkName,
  type Manifest,
} from './format.ts';
import { readEntries, verifyBackup } from './read.ts';
import { restoreOrder } from './order.ts';
import * as store from './store.ts';
import type { UntypedKysely, UntypedTransaction } from '../../db/untyped.ts';

export interface RestoreOptions {
  /** Replace a database that holds data. */
  force?: boolean;
  progress?: (event: { table: string; rows: number }) => void;
}

export interface RestoreResult {
  manifest: Manifest;
  /** Migrations applied after the data, when the backup came from an older version. */
  migrated: string[];
  rows: number;
}

function notEmpty(existing: { name: string; rows: number }[]): AppError {
  const shown = existing
    .slice(0, 5)
    .map((t) => `${t.name}: ${t.rows} dòng`)
    .join(', ');
  return new AppError(
    'restore.not_empty',
    409,
    `Cơ sở dữ liệu đích đã có dữ liệu (${shown}${existing.length > 5 ? ', …' : ''}). Phục hồi sẽ thay toàn bộ dữ liệu này bằng dữ liệu trong tệp sao lưu: ` +
      'nếu đúng là muốn vậy, chạy lại với --force. Không có dữ liệu nào bị thay đổi.',
  );
}

/** The schema the backup was taken with, table by table, must be the one its migrations built here. */
function matchTables(manifest: Manifest, tables: store.TableInfo[]): Map<string, store.TableInfo> {
  const byName = new Map(tables.map((t) => [t.name, t]));
  for (const m of manifest.tables) {
    const t = byName.get(m.name);
    if (!t || [...t.columns].sort().join() !== [...m.columns].sort().join()) {
      throw damaged(`bảng ${m.name} trong tệp không khớp với cấu trúc dữ liệu ${manifest.migrations.at(-1) ?? ''}.`);
    }
  }
  const missing = tables.filter((t) => !manifest.tables.some((m) => m.name === t.name));
  if (missing.length) throw damaged(`tệp thiếu bảng ${missing.map((t) => t.name).join(', ')}.`);
  return byName;
}

async function loadRows(
  tx: UntypedTransaction,
  path: string,
  tables: Map<string, store.TableInfo>,
  opts: RestoreOptions,
): Promise<number> {
  let total = 0;
  let current = null as { table: store.TableInfo; rows: number } | null;
  const finish = () => {
    if (current) opts.progress?.({ table: current.table.name, rows: current.rows });
  };
  for await (const e of readEntries(path)) {
    if (e.name === MANIFEST_NAME) continue;
    const c = parseChunkName(e.name)!;
    if (current?.table.name !== c.table) {
      finish();
      current = { table: tables.get(c.table)!, rows: 0 };
    }
    const lines = e.body.toString('utf8').split('\n');
    lines.pop();
    let batch: string[] = [];
    let bytes = 0;
    const insert = async () => {
      if (!batch.length) return;
      await store.insertRows(tx, current!.table, `[${batch.join(',')}]`);
      current!.rows += batch.length;
      total += batch.length;
      batch = [];
      bytes = 0;
    };
    for (const line of lines) {
      batch.push(line);
      bytes += line.length;
      if (batch.length >= INSERT_ROWS || bytes >= INSERT_BYTES) await insert();
    }
    await insert();
  }
  finish();
  return total;
}

export async function restoreBackup(
  db: UntypedKysely,
  path: string,
  opts: RestoreOptions = {},
): Promise<RestoreResult> {
  const manifest = await verifyBackup(path);
  checkSchemaVersion(manifest.migrations, MIGRATION_NAMES, manifest.app.version);
  return db.transaction().execute(async (tx) => {
    const existing = await store.nonEmptyTables(tx);
    if (existing.length && !opts.force) throw notEmpty(existing);
    if (await store.publicSchemaHasObjects(tx)) await store.resetPublicSchema(tx);
    const last = manifest.migrations.at(-1);
    if (last) await migrateTo(tx, last);
    const tables = matchTables(manifest, await store.listTables(tx));
    const order = restoreOrder([...tables.values()]);
    for (const t of order) await store.prepareSelfReferences(tx, t);
    const rows = await loadRows(tx, path, tables, opts);
    for (const t of order) await store.setSelfReferences(tx, t);
    for (const s of manifest.sequences) await store.restoreSequence(tx, s);
    for (const m of manifest.tables) {
      const n = await store.countRows(tx, m.name);
      if (n !== m.rows) throw damaged(`bảng ${m.name} có ${n} dòng sau khi phục hồi, manifest.json ghi ${m.rows}.`);
    }
    const migrated = await migrateToLatest(tx);
    return { manifest, migrated, rows };
  });
}
