// A table written back in its own format: CSV as UTF-8 (with a byte-order mark, so Excel opens Vietnamese text
// correctly) and comma-separated; XLSX through exceljs with every cell as text (identifiers keep their leading
// zeros); JSON as an array of objects.
import type { Table } from './types.ts';

function csvCell(s: string): string {
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function writeCsv(header: string[], rows: string[][]): Uint8Array {
  const lines = [header, ...rows].map((r) => r.map(csvCell).join(','));
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

export async function writeXlsx(header: string[], rows: string[][]): Promise<Uint8Array> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Du lieu');
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export function writeJson(header: string[], rows: string[][]): Uint8Array {
  const list = rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
  return new TextEncoder().encode(JSON.stringify(list, null, 1));
}

export async function writeTable(table: Table): Promise<Uint8Array> {
  if (table.format === 'xlsx') return writeXlsx(table.header, table.rows);
  if (table.format === 'json') return writeJson(table.header, table.rows);
  return writeCsv(table.header, table.rows);
}
