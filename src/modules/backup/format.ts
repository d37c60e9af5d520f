// The backup file: a gzip'd tar, the same on both backends. Each table is one or more NDJSON chunks
// (tables/<table>/<n>.ndjson, one row per line as PostgreSQL's row_to_json, bytea as hex), in the order a restore
// inserts them (referenced tables first); manifest.json comes last, since it holds the counts and checksums of what
// precedes it. Chunks keep memory bounded on both sides: a chunk is written once it passes CHUNK_BYTES.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';

export const FORMAT = 'thihanh-backup';
export const FORMAT_VERSION = 1;
export const MANIFEST_NAME = 'manifest.json';
/** A chunk is closed past this size (one row may exceed it: a 10 MB evidence file is about 20 MB of hex). */
export const CHUNK_BYTES = 8 * 1024 * 1024;
/** Rows fetched from the snapshot cursor at a time; tables with files fetch a few. */
export const FETCH_ROWS = 2000;
export const FETCH_ROWS_BULKY = 4;
/** Rows given to one INSERT on restore, bounded by count and size. */
export const INSERT_ROWS = 2000;
export const INSERT_BYTES = 16 * 1024 * 1024;

export const APP_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

const TableEntry = z.object({
  name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
  columns: z.array(z.string()),
  rows: z.number().int().nonnegative(),
  chunks: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const ManifestSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.number().int().positive(),
  app: z.object({ name: z.string(), version: z.string() }),
  backend: z.string(),
  serverVersion: z.string(),
  createdAt: z.string(),
  /** The schema version: the migrations applied, in order. */
  migrations: z.array(z.string()),
  tables: z.array(TableEntry),
  sequences: z.array(z.object({ name: z.string(), lastValue: z.number().int().nullable() })),
});

export type Manifest = z.infer<typeof ManifestSchema>;
export type ManifestTable = z.infer<typeof TableEntry>;

export const chunkName = (table: string, n: number) => `tables/${table}/${String(n).padStart(6, '0')}.ndjson`;
const CHUNK = /^tables\/([a-z_][a-z0-9_]*)\/(\d{6})\.ndjson$/;

export function parseChunkName(name: string): { table: string; n: number } | null {
  const m = CHUNK.exec(name);
  return m ? { table: m[1]!, n: Number(m[2]) } : null;
}

export const damaged = (why: string) =>
  new AppError('backup.damaged', 422, `Tệp sao lưu bị hỏng hoặc không phải tệp sao lưu của Thi Hành: ${why}`);

export function parseManifest(text: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw damaged('manifest.json không đọc được.');
  }
  const r = ManifestSchema.safeParse(json);
  if (!r.success) throw damaged('manifest.json không đúng cấu trúc.');
  if (r.data.formatVersion > FORMAT_VERSION) {
    throw new AppError(
      'backup.newer_format',
      422,
      `Tệp sao lưu có định dạng phiên bản ${r.data.formatVersion}, mới hơn phiên bản ${FORMAT_VERSION} mà bản Thi Hành này đọc được (tệp do Thi Hành ${r.data.app.version} tạo). Hãy cập nhật Thi Hành trước khi phục hồi.`,
    );
  }
  return r.data;
}

/**
 * Whether this version of the application can restore a backup of `backup`'s schema: every migration it names must
 * be one of ours, in the same order (an older backup is a prefix of ours: restored, then migrated up).
 */
export function checkSchemaVersion(backup: readonly string[], known: readonly string[], appVersion: string): void {
  const unknown = backup.filter((m) => !known.includes(m));
  if (unknown.length) {
    throw new AppError(
      'backup.newer_schema',
      409,
      `Tệp sao lưu có cấu trúc dữ liệu mới hơn bản Thi Hành này (có ${unknown.join(', ')}; tệp do Thi Hành ${appVersion} tạo). ` +
        'Hãy cập nhật Thi Hành lên phiên bản đã tạo tệp sao lưu rồi phục hồi. Không có dữ liệu nào bị thay đổi.',
    );
  }
  if (backup.some((m, i) => known[i] !== m)) {
    throw damaged('danh sách cập nhật cấu trúc dữ liệu không khớp với bản Thi Hành này.');
  }
}
