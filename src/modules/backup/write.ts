// Writing a backup: one REPEATABLE READ READ ONLY transaction is the snapshot (consistent while writes go on, on
// PostgreSQL; on PGlite, whose one connection the transaction holds, writes wait for it), read table by table
// through a cursor and streamed into the tar as chunks.
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Writable } from 'node:stream';
import tar from 'tar-stream';
import {
  APP_VERSION,
  CHUNK_BYTES,
  chunkName,
  FETCH_ROWS,
  FETCH_ROWS_BULKY,
  FORMAT,
  FORMAT_VERSION,
  MANIFEST_NAME,
  type Manifest,
  type ManifestTable,
} from './format.ts';
import * as store from './store.ts';
import { restoreOrder } from './order.ts';
import type { UntypedKysely, UntypedTransaction } from '../../db/untyped.ts';

export type Progress = (event: { table: string; index: number; total: number; rows: number }) => void;

function addEntry(pack: tar.Pack, name: string, body: Buffer, mtime: Date): Promise<void> {
  return new Promise((resolve, reject) => {
    // The callback comes once the tar stream has taken the entry: awaiting it is the back-pressure.
    pack.entry({ name, size: body.length, mode: 0o600, mtime }, body, (err) => (err ? reject(err) : resolve()));
  });
}

async function writeTable(
  tx: UntypedTransaction,
  pack: tar.Pack,
  t: store.TableInfo,
  mtime: Date,
): Promise<ManifestTable> {
  const hash = createHash('sha256');
  let rows = 0;
  let bytes = 0;
  let chunks = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (!pendingBytes) return;
    const body = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    hash.update(body);
    bytes += body.length;
    await addEntry(pack, chunkName(t.name, ++chunks), body, mtime);
  };
  await store.openRowCursor(tx, t);
  for (;;) {
    const batch = await store.fetchRows(tx, t.bulky ? FETCH_ROWS_BULKY : FETCH_ROWS);
    if (!batch.length) break;
    for (const line of batch) {
      const b = Buffer.from(`${line}\n`, 'utf8');
      pending.push(b);
      pendingBytes += b.length;
      rows++;
      if (pendingBytes >= CHUNK_BYTES) await flush();
    }
  }
  await flush();
  await store.closeRowCursor(tx);
  return { name: t.name, columns: t.columns, rows, chunks, bytes, sha256: hash.digest('hex') };
}

/** Writes a whole backup of `db` to `out` (gzip'd tar); returns its manifest. */
export async function writeBackup(
  db: UntypedKysely,
  backend: string,
  out: Writable,
  progress?: Progress,
): Promise<Manifest> {
  const pack = tar.pack();
  const written = pipeline(pack, createGzip({ level: 6 }), out);
  // A failure of the file side must end the snapshot too, and the other way round.
  let failed: unknown = null;
  written.catch((err) => {
    failed = err;
  });
  try {
    const manifest = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (tx) => {
        const createdAt = new Date();
        const tables = restoreOrder(await store.listTables(tx));
        const entries: ManifestTable[] = [];
        for (const [index, t] of tables.entries()) {
          if (failed) throw failed;
          entries.push(await writeTable(tx, pack, t, createdAt));
          progress?.({ table: t.name, index, total: tables.length, rows: entries.at(-1)!.rows });
        }
        const m: Manifest = {
          format: FORMAT,
          formatVersion: FORMAT_VERSION,
          app: { name: 'thihanh', version: APP_VERSION },
          backend,
          serverVersion: await store.serverVersion(tx),
          createdAt: createdAt.toISOString(),
          migrations: await store.appliedMigrations(tx),
          tables: entries,
          sequences: await store.sequenceStates(tx),
        };
        return m;
      });
    await addEntry(
      pack,
      MANIFEST_NAME,
      Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`),
      new Date(manifest.createdAt),
    );
    pack.finalize();
    await written;
    return manifest;
  } catch (err) {
    pack.destroy(err as Error);
    await written.catch(() => {});
    throw err;
  }
}
