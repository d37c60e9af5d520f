// Reading a backup file: its entries one at a time (never the whole file in memory), and a full check of it against
// its manifest before a restore touches any database.
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { AppError } from '../../domain/errors.ts';
import { CHUNK_BYTES, damaged, MANIFEST_NAME, parseChunkName, parseManifest, type Manifest } from './format.ts';

/** No honest entry comes near this: chunks close at CHUNK_BYTES, plus one row of at most a 10 MB file in hex. */
const MAX_ENTRY_BYTES = CHUNK_BYTES + 64 * 1024 * 1024;

export interface Entry {
  name: string;
  body: Buffer;
}

export async function* readEntries(path: string): AsyncGenerator<Entry> {
  const extract = tar.extract();
  let failure: unknown = null;
  const done = pipeline(createReadStream(path), createGunzip(), extract).catch((err) => {
    failure = err;
    extract.destroy(err as Error);
  });
  try {
    for await (const entry of extract) {
      if ((entry.header.size ?? 0) > MAX_ENTRY_BYTES) throw damaged(`mục ${entry.header.name} quá lớn.`);
      const parts: Buffer[] = [];
      for await (const part of entry) parts.push(part as Buffer);
      yield { name: entry.header.name, body: Buffer.concat(parts) };
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw damaged(describe(failure ?? err));
  } finally {
    extract.destroy();
    await done;
  }
  if (failure) throw damaged(describe(failure));
}

function describe(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'không tìm thấy tệp.';
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') return 'không phải tệp nén gzip hợp lệ hoặc bị cắt cụt.';
  return 'không đọc được cấu trúc tệp (tar.gz).';
}

interface Seen {
  hash: Hash;
  rows: number;
  bytes: number;
  chunks: number;
}

const countLines = (b: Buffer) => {
  let n = 0;
  for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) n++;
  return n;
};

/** Reads the whole file once: every chunk in order, counted and hashed, against the manifest at its end. */
export async function verifyBackup(path: string): Promise<Manifest> {
  const seen = new Map<string, Seen>();
  const order: string[] = [];
  let manifestText: string | null = null;
  for await (const e of readEntries(path)) {
    if (manifestText !== null) throw damaged('có dữ liệu sau manifest.json.');
    if (e.name === MANIFEST_NAME) {
      manifestText = e.body.toString('utf8');
      continue;
    }
    const c = parseChunkName(e.name);
    if (!c) throw damaged(`mục không mong đợi "${e.name.slice(0, 100)}".`);
    let s = seen.get(c.table);
    if (!s) {
      s = { hash: createHash('sha256'), rows: 0, bytes: 0, chunks: 0 };
      seen.set(c.table, s);
      order.push(c.table);
    } else if (order.at(-1) !== c.table) throw damaged(`dữ liệu bảng ${c.table} không liền nhau.`);
    if (c.n !== s.chunks + 1) throw damaged(`thiếu phần ${s.chunks + 1} của bảng ${c.table}.`);
    s.hash.update(e.body);
    s.rows += countLines(e.body);
    s.bytes += e.body.length;
    s.chunks++;
  }
  if (manifestText === null) throw damaged('thiếu manifest.json (tệp không đầy đủ).');
  const manifest = parseManifest(manifestText);
  const withData = manifest.tables.filter((t) => t.chunks > 0).map((t) => t.name);
  if (withData.join() !== order.join()) throw damaged('danh sách bảng không khớp với manifest.json.');
  for (const t of manifest.tables) {
    const s = seen.get(t.name);
    const actual = s
      ? { rows: s.rows, bytes: s.bytes, chunks: s.chunks, sha256: s.hash.digest('hex') }
      : { rows: 0, bytes: 0, chunks: 0, sha256: createHash('sha256').digest('hex') };
    if (
      actual.rows !== t.rows ||
      actual.bytes !== t.bytes ||
      actual.chunks !== t.chunks ||
      actual.sha256 !== t.sha256
    ) {
      throw damaged(`dữ liệu bảng ${t.name} không khớp với mã kiểm tra (sha256) trong manifest.json.`);
    }
  }
  return manifest;
}
