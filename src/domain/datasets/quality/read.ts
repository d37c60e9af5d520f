// One entry for every format: the bytes are sniffed, read with the matching reader, and any parser failure becomes a
// 422 naming the file (parsers' messages are English and name internals).
import { AppError } from '../../errors.ts';
import { readCsv } from './read-csv.ts';
import { readJson } from './read-json.ts';
import { readXlsx } from './read-xlsx.ts';
import { refuseResource, sniffFormat } from './sniff.ts';
import type { TableSource } from './types.ts';

function unreadable(filename: string, err: unknown): unknown {
  if (err instanceof AppError) return err;
  if (err instanceof RangeError && /memory|allocation|Invalid string length/i.test(err.message))
    return refuseResource(filename, 'nội dung quá lớn để xử lý; hãy chia thành nhiều tệp nhỏ hơn.', 413);
  return refuseResource(filename, 'tệp hỏng hoặc không đúng định dạng CSV, XLSX, JSON.');
}

/** Rows that fail to parse midway through the file are refused the same way as at its start. */
async function* guarded(filename: string, rows: AsyncIterable<string[]>): AsyncGenerator<string[]> {
  try {
    yield* rows;
  } catch (err) {
    throw unreadable(filename, err);
  }
}

/** Opens an upload as a table: its header now, its rows as a stream. The first non-blank row is the header. */
export async function readTable(filename: string, bytes: Uint8Array): Promise<TableSource> {
  const format = sniffFormat(filename, bytes);
  let source: TableSource;
  try {
    source =
      format === 'csv'
        ? await readCsv(filename, bytes)
        : format === 'json'
          ? await readJson(filename, bytes)
          : await readXlsx(bytes);
  } catch (err) {
    throw unreadable(filename, err);
  }
  if (source.header.length === 0) throw refuseResource(filename, 'không có dòng tiêu đề (tệp không có dữ liệu).');
  return { ...source, rows: guarded(filename, source.rows) };
}

/** The whole table in memory (de-identification rewrites every row). */
export async function readWholeTable(filename: string, bytes: Uint8Array) {
  const source = await readTable(filename, bytes);
  const rows: string[][] = [];
  for await (const r of source.rows) rows.push(r);
  return { format: source.format, encoding: source.encoding, header: source.header, rows };
}
