// XLSX resources. The upload is a zip, so it goes through the zip guard (src/documents/parse/zip-guard.ts) first: the
// central directory is read and checked, only the parts the reader needs are inflated, each under a byte limit and
// counted while inflating, and exceljs's streaming reader gets a fresh archive of exactly those parts, never the
// upload. The parts are written in the order the reader wants them (shared strings before sheets), so it streams the
// sheet rows instead of spilling sheets to temporary files.
import { Readable } from 'node:stream';
import { zipSync } from 'fflate';
import { AppError } from '../../errors.ts';
import { inflateCounted, readCentralDirectory, type ZipRules } from '../../../documents/parse/zip-guard.ts';
import { makeHeader } from './header.ts';
import type { TableSource } from './types.ts';

const MB = 1024 * 1024;

/**
 * Limits for a spreadsheet: a sheet of 100,000 rows and ten columns is 30–60 MB of XML, its shared strings up to
 * half that; the caps leave room for about four times such a sheet and still bound one upload's memory well inside
 * a worker's heap. Spreadsheet XML compresses 5–30 times (up to ~100 for very repetitive sheets).
 */
export const XLSX_LIMITS = {
  sheetBytes: 200 * MB,
  sharedStringsBytes: 100 * MB,
  partBytes: 10 * MB,
  totalBytes: 300 * MB,
};

const SHEET = /^xl\/worksheets\/sheet\d+\.xml$/;

function isReadPart(name: string): boolean {
  if (name === '[Content_Types].xml' || name === '_rels/.rels') return true;
  return (
    name === 'xl/workbook.xml' ||
    name === 'xl/_rels/workbook.xml.rels' ||
    name === 'xl/sharedStrings.xml' ||
    name === 'xl/styles.xml' ||
    SHEET.test(name)
  );
}

function limitOf(name: string): { bytes: number; label: string } {
  const label = `phần "${name.slice(0, 80)}"`;
  if (SHEET.test(name)) return { bytes: XLSX_LIMITS.sheetBytes, label: `trang tính "${name.slice(14, 60)}"` };
  if (name === 'xl/sharedStrings.xml') return { bytes: XLSX_LIMITS.sharedStringsBytes, label };
  return { bytes: XLSX_LIMITS.partBytes, label };
}

export const XLSX_RULES: ZipRules = {
  code: 'dataset.resource_refused',
  label: 'Tệp XLSX',
  app: 'bảng tính Excel (.xlsx)',
  typical: 'hãy chia bảng thành nhiều tệp nhỏ hơn',
  entries: 10_000,
  totalBytes: XLSX_LIMITS.totalBytes,
  ratio: 200,
  ratioFloorBytes: 1 * MB,
  isReadPart,
  limitOf,
};

const ORDER = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml'];
const EMPTY_SST =
  '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

/** The checked archive handed to exceljs: only the read parts, stored, in reading order. */
export function guardXlsx(upload: Uint8Array): Uint8Array {
  const parts = readCentralDirectory(upload, XLSX_RULES).filter((e) => isReadPart(e.name));
  const rank = (n: string) =>
    ORDER.includes(n) ? ORDER.indexOf(n) : n === 'xl/sharedStrings.xml' ? 10 : n === 'xl/styles.xml' ? 11 : 20;
  parts.sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name, 'en', { numeric: true }));
  const files: Record<string, [Uint8Array, { level: 0 }]> = {};
  let total = 0;
  for (const e of parts) {
    if (e.name === 'xl/styles.xml' && !files['xl/sharedStrings.xml'])
      files['xl/sharedStrings.xml'] = [new TextEncoder().encode(EMPTY_SST), { level: 0 }];
    const data = inflateCounted(upload, e, XLSX_RULES);
    total += data.length;
    if (total > XLSX_LIMITS.totalBytes) throw refuseTotal();
    files[e.name] = [data, { level: 0 }];
  }
  if (!files['xl/sharedStrings.xml'])
    files['xl/sharedStrings.xml'] = [new TextEncoder().encode(EMPTY_SST), { level: 0 }];
  if (!parts.some((e) => SHEET.test(e.name))) throw notWorkbook();
  return zipSync(files);
}

function refuseTotal(): AppError {
  const why = `nội dung khi giải nén vượt quá ${XLSX_LIMITS.totalBytes / MB} MB; hãy chia bảng thành nhiều tệp nhỏ hơn.`;
  return new AppError(XLSX_RULES.code, 413, `Tệp XLSX bị từ chối: ${why}`, [{ path: 'contentBase64', message: why }]);
}

function notWorkbook(): AppError {
  const why = 'tệp nén không chứa trang tính nào (không phải bảng tính Excel .xlsx).';
  return new AppError(XLSX_RULES.code, 422, `Tệp XLSX bị từ chối: ${why}`, [{ path: 'contentBase64', message: why }]);
}

/** A cell as text: dates as yyyy-mm-dd (or ISO date-time when they carry a time), formulas by their result. */
export function xlsxCellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
  if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
  if ('result' in o) return xlsxCellText(o.result);
  if (typeof o.text === 'string') return o.text;
  if (typeof o.error === 'string') return o.error;
  return '';
}

function rowCells(values: unknown): string[] {
  const arr = Array.isArray(values) ? values : [];
  const out: string[] = [];
  for (let i = 1; i < arr.length; i++) out.push(xlsxCellText(arr[i]));
  return out;
}

const isBlank = (row: string[]) => row.every((c) => c.trim() === '');

/** Rows of the first sheet that has a non-blank row; later sheets are not read. */
async function* firstSheetRows(archive: Uint8Array): AsyncGenerator<string[]> {
  const ExcelJS = (await import('exceljs')).default;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(archive)]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  for await (const sheet of reader) {
    let any = false;
    for await (const row of sheet as AsyncIterable<{ values: unknown }>) {
      const cells = rowCells(row.values);
      if (!any && isBlank(cells)) continue;
      any = true;
      yield cells;
    }
    if (any) return;
  }
}

export async function readXlsx(bytes: Uint8Array): Promise<TableSource> {
  const archive = guardXlsx(bytes);
  const iterator = firstSheetRows(archive)[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = makeHeader(first.done ? [] : first.value);
  return {
    format: 'xlsx',
    encoding: 'utf-8',
    notUtf8: false,
    header: header.names,
    duplicateHeaders: header.duplicates,
    renamedHeaders: header.renamed,
    rows: { [Symbol.asyncIterator]: () => iterator },
  };
}
