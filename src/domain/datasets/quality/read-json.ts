// JSON resources: an array of objects (the usual export), `{ "data": [...] }` (many APIs), or an array of arrays whose
// first row is the header. Columns are the keys in order of first appearance; nested values are kept as JSON text.
import { detectEncoding } from './encoding.ts';
import { makeHeader } from './header.ts';
import { refuseResource } from './sniff.ts';
import type { TableSource } from './types.ts';

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v);
}

function recordsOf(filename: string, parsed: unknown): unknown[] {
  const list = Array.isArray(parsed)
    ? parsed
    : parsed && typeof parsed === 'object' && Array.isArray((parsed as { data?: unknown }).data)
      ? (parsed as { data: unknown[] }).data
      : null;
  if (!list)
    throw refuseResource(
      filename,
      'tệp JSON phải là một mảng các đối tượng, hoặc một đối tượng có trường "data" là mảng.',
    );
  return list;
}

function tableOf(filename: string, list: unknown[]): { header: string[]; rows: string[][] } {
  if (list.length > 0 && list.every((r) => Array.isArray(r))) {
    const [head, ...body] = list as unknown[][];
    return { header: head!.map(cellText), rows: body.map((r) => r.map(cellText)) };
  }
  const keys = new Map<string, number>();
  for (const r of list) {
    if (!r || typeof r !== 'object' || Array.isArray(r))
      throw refuseResource(filename, 'mỗi phần tử của mảng JSON phải là một đối tượng { "tên cột": giá trị }.');
    for (const k of Object.keys(r)) if (!keys.has(k)) keys.set(k, keys.size);
  }
  const header = [...keys.keys()];
  const rows = list.map((r) => header.map((k) => cellText((r as Record<string, unknown>)[k])));
  return { header, rows };
}

export async function readJson(filename: string, bytes: Uint8Array): Promise<TableSource> {
  const { encoding, notUtf8 } = detectEncoding(bytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder(encoding).decode(bytes).normalize('NFC'));
  } catch (err) {
    if (err instanceof RangeError) throw refuseResource(filename, 'tệp JSON lồng nhau quá sâu.');
    throw refuseResource(filename, 'nội dung không phải JSON hợp lệ.');
  }
  const table = tableOf(filename, recordsOf(filename, parsed));
  const header = makeHeader(table.header);
  // The header may have lost empty trailing names; the rows keep their cells by position.
  async function* rows() {
    for (const r of table.rows) yield r;
  }
  return {
    format: 'json',
    encoding,
    notUtf8,
    header: header.names,
    duplicateHeaders: header.duplicates,
    renamedHeaders: header.renamed,
    rows: rows(),
  };
}
