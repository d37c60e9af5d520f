// One sheet of a table the web app shows (a dashboard's progress per task, the units of a reporting period…), as
// a spreadsheet people sort and filter: title lines, a frozen and repeated header row, typed cells (whole numbers,
// percentages stored as fractions with a % format, dates as Excel dates shown dd/mm/yyyy), rows sized to their
// wrapped text. Printed like the other spreadsheets: A4 landscape, Times New Roman (xlsx-sheet.ts).
import type ExcelJS from 'exceljs';
import { textWidthTwips } from './nd30.ts';
import { ALL_BORDERS, columnHeaderRow, font, landscapeSheet, titleRow } from './xlsx-sheet.ts';

/**
 * How a column's cells are written: `text` wraps on the left; `code` is short text centred; `int` a whole number;
 * `percent` a number of 0–100 written as a fraction with a % format (one decimal when `decimals`); `date` an ISO day.
 */
export type CellKind = 'text' | 'code' | 'int' | 'percent' | 'date';
export type CellInput = string | number | null;

export interface TableColumn<R> {
  header: string;
  /** Excel width (characters of the default font). */
  width: number;
  kind: CellKind;
  value: (row: R, index: number) => CellInput;
  /** Percent columns: one decimal (0.0%) instead of none. */
  decimals?: boolean;
  /** A column of counts whose some rows hold a rate (0–100) instead: those cells are written as percent (0.0%). */
  percentIf?: (row: R) => boolean;
}

export interface TableSheet<R> {
  /** The sheet's tab: at most 31 characters, none of : \ / ? * [ ]. */
  name: string;
  /** Lines above the table: the first bold, the others italic. */
  titles: readonly string[];
  columns: ReadonlyArray<TableColumn<R>>;
  rows: readonly R[];
  /** Columns kept in view when scrolling sideways (the row's name). */
  frozenColumns?: number;
  /** A last row in bold (totals): one value per column, null for an empty cell. */
  footer?: readonly CellInput[];
  /** Lines under the table (what it leaves out, where its figures come from). */
  notes?: readonly string[];
}

/** YYYY-MM-DD as a date at 00:00 UTC, which Excel shows as that day. */
export function excelDay(iso: string): Date {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** Excel column width as usable twips at 96 dpi, less the cell padding. */
const columnTwips = (width: number) => (width * 7 + 5) * 15 - 120;

/** Lines a text takes when wrapped between words in a column (greedy, as spreadsheets wrap). */
function wrappedLines(text: string, width: number, bold: boolean): number {
  const room = columnTwips(width);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let current = '';
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const next = current ? `${current} ${word}` : word;
      if (current && textWidthTwips(next, 12, bold ? 'bold' : 'regular') > room) {
        lines++;
        current = word;
      } else current = next;
    }
  }
  return lines;
}

/** Row height in points for 12 pt text: spreadsheets do not grow a row whose height the file sets. */
const heightFor = (lines: number, min = 18) => Math.max(min, Math.ceil(lines * 12 * 1.2 + 6));

function numFmtOf(col: { kind: CellKind; decimals?: boolean }): string | undefined {
  if (col.kind === 'int') return '#,##0';
  if (col.kind === 'percent') return col.decimals ? '0.0%' : '0%';
  if (col.kind === 'date') return 'dd/mm/yyyy';
  return undefined;
}

function cellValue(kind: CellKind, v: CellInput): ExcelJS.CellValue {
  if (v === null || v === '') return null;
  if (kind === 'date') return typeof v === 'string' ? excelDay(v) : v;
  // Percentages stay exact: 45.5 is written 0.455, not a rounded float of it.
  if (kind === 'percent' && typeof v === 'number') return Math.round(v * 1000) / 100_000;
  return v;
}

type CellSpec = { kind: CellKind; width: number; decimals?: boolean };

function writeRow(
  ws: ExcelJS.Worksheet,
  rowNumber: number,
  columns: readonly CellSpec[],
  values: readonly CellInput[],
  bold: boolean,
): void {
  const row = ws.getRow(rowNumber);
  let lines = 1;
  columns.forEach((col, i) => {
    const v = values[i] ?? null;
    const cell = row.getCell(i + 1);
    cell.value = cellValue(col.kind, v);
    const fmt = numFmtOf(col);
    if (fmt) cell.numFmt = fmt;
    cell.font = font(12, bold ? { bold: true } : {});
    cell.border = ALL_BORDERS;
    const left = col.kind === 'text';
    const right = col.kind === 'int' || col.kind === 'percent';
    cell.alignment = {
      vertical: 'top',
      horizontal: left ? 'left' : right ? 'right' : 'center',
      wrapText: left || col.kind === 'code',
    };
    if (typeof v === 'string' && (left || col.kind === 'code'))
      lines = Math.max(lines, wrappedLines(v, col.width, bold));
  });
  row.height = heightFor(lines);
}

/** Adds the table as a sheet of `wb`; the header row is frozen, repeated on every printed page and filterable. */
export function addTableSheet<R>(wb: ExcelJS.Workbook, t: TableSheet<R>): ExcelJS.Worksheet {
  const headerRow = t.titles.length + 2;
  const ws = landscapeSheet(wb, t.name, headerRow, t.frozenColumns ?? 0);
  ws.columns = t.columns.map((c) => ({ width: c.width }));
  const last = t.columns.length;
  const width = t.columns.reduce((n, c) => n + c.width, 0);
  // Title lines span the table and wrap within it: 14 pt is about 7/6 of the 12 pt the widths are measured in.
  t.titles.forEach((text, i) => {
    const lines = i === 0 ? wrappedLines(text, (width * 6) / 7, true) : wrappedLines(text, width, false);
    const size = i === 0 ? 14 : 12;
    const f = font(size, i === 0 ? { bold: true } : { italic: true });
    titleRow(ws, i + 1, last, text, f, Math.max(20, Math.ceil(lines * size * 1.2 + 4)));
  });
  ws.getRow(headerRow - 1).height = 8;
  const headers = t.columns.map((c) => c.header);
  const headerLines = Math.max(...t.columns.map((c) => wrappedLines(c.header, c.width, true)));
  columnHeaderRow(ws, headerRow, headers, heightFor(headerLines, 32));
  t.rows.forEach((r, i) => {
    const specs = t.columns.map((c) => (c.percentIf?.(r) ? { ...c, kind: 'percent' as const, decimals: true } : c));
    writeRow(
      ws,
      headerRow + 1 + i,
      specs,
      t.columns.map((c) => c.value(r, i)),
      false,
    );
  });
  let next = headerRow + 1 + t.rows.length;
  if (t.footer) writeRow(ws, next++, t.columns, t.footer, true);
  if (t.rows.length)
    ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + t.rows.length, column: last } };
  for (const note of t.notes ?? []) {
    next++;
    ws.mergeCells(next, 1, next, last);
    const cell = ws.getCell(next, 1);
    cell.value = note;
    cell.font = font(12, { italic: true });
    cell.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
    ws.getRow(next).height = heightFor(wrappedLines(note, width, false));
  }
  return ws;
}

/** The workbook as the bytes of an XLSX file. */
export async function xlsxBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
