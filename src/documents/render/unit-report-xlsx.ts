// The tables of a unit's Báo cáo as XLSX: its tasks (one row per task, deliverables listed in the row) and its
// indicators. Printed like the DOCX annex: A4 landscape, Times New Roman, header row repeated and frozen.
import type ExcelJS from 'exceljs';
import type { UnitReportDocument } from '../../domain/reporting/unit-document.ts';
import { unitAnnexReference } from './unit-report-docx.ts';
import { ALL_BORDERS, columnHeaderRow, font, landscapeSheet, officialWorkbook, titleRow } from './xlsx-sheet.ts';
import { lowerFirst, upperVi } from './nd30.ts';

/** Rows above each table: "Phụ lục", title, "(Kèm theo …)", a blank row; the column header is the next row. */
export const UNIT_XLSX_HEADER_ROW = 5;

const TASK_COLUMNS = [
  { header: 'STT', width: 7 },
  { header: 'Nhiệm vụ', width: 48 },
  { header: 'Vai trò', width: 11 },
  { header: 'Tình trạng', width: 18 },
  { header: 'Tiến độ (%)', width: 10 },
  { header: 'Hạn hoàn thành', width: 13 },
  { header: 'Sản phẩm', width: 60 },
] as const;

const INDICATOR_COLUMNS = [
  { header: 'STT', width: 7 },
  { header: 'Chỉ tiêu', width: 70 },
  { header: 'Đơn vị tính', width: 16 },
  { header: 'Kết quả', width: 14 },
] as const;

function excelDate(iso: string): Date {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** Lines of wrapped text in a column (rough: characters per width), for a row height spreadsheets do not compute. */
const lines = (text: string, width: number) =>
  text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil((l.length * 1.1) / width)), 0);

function sheetWithTitles(
  wb: ExcelJS.Workbook,
  name: string,
  doc: UnitReportDocument,
  title: string,
  columns: ReadonlyArray<{ header: string; width: number }>,
): ExcelJS.Worksheet {
  const H = UNIT_XLSX_HEADER_ROW;
  const ws = landscapeSheet(wb, name, H, 2);
  ws.columns = columns.map((c) => ({ width: c.width }));
  const last = columns.length;
  titleRow(ws, 1, last, 'Phụ lục', font(14, { bold: true }), 22);
  titleRow(ws, 2, last, upperVi(title), font(13, { bold: true }), 20);
  titleRow(ws, 3, last, unitAnnexReference(doc), font(13, { italic: true }), 20);
  ws.getRow(4).height = 8;
  columnHeaderRow(
    ws,
    H,
    columns.map((c) => c.header),
    32,
  );
  return ws;
}

function styleRow(row: ExcelJS.Row, count: number, wrapCols: readonly number[]): void {
  for (let c = 1; c <= count; c++) {
    const cell = row.getCell(c);
    cell.font = font(12);
    cell.border = ALL_BORDERS;
    cell.alignment = { vertical: 'top', horizontal: wrapCols.includes(c) ? 'left' : 'center', wrapText: true };
  }
}

export function buildUnitReportWorkbook(doc: UnitReportDocument): ExcelJS.Workbook {
  const wb = officialWorkbook(`Báo cáo ${lowerFirst(doc.title.trim())}`, doc.title.trim());
  const tasks = sheetWithTitles(
    wb,
    'Nhiệm vụ',
    doc,
    `Kết quả thực hiện các nhiệm vụ và sản phẩm ${lowerFirst(doc.periodLabel)}`,
    TASK_COLUMNS,
  );
  doc.tasks.forEach((t, i) => {
    const row = tasks.getRow(UNIT_XLSX_HEADER_ROW + 1 + i);
    const deliverables = t.deliverables.map((d) => `- ${d}`).join('\n');
    row.values = [
      t.number,
      t.title,
      t.role,
      t.status,
      t.percent,
      t.deadline ? excelDate(t.deadline) : '-',
      deliverables || '-',
    ];
    styleRow(row, TASK_COLUMNS.length, [2, 4, 7]);
    row.getCell(6).numFmt = 'dd/mm/yyyy';
    row.height = Math.max(18, 15 * Math.max(lines(t.title, 48), lines(deliverables, 60)) + 4);
  });
  const indicators = sheetWithTitles(
    wb,
    'Chỉ tiêu',
    doc,
    `Các chỉ tiêu chủ yếu ${lowerFirst(doc.periodLabel)}`,
    INDICATOR_COLUMNS,
  );
  doc.indicators.forEach((d, i) => {
    const row = indicators.getRow(UNIT_XLSX_HEADER_ROW + 1 + i);
    row.values = [i + 1, d.name, d.unit, d.value];
    styleRow(row, INDICATOR_COLUMNS.length, [2]);
    row.getCell(4).numFmt = '#,##0';
    row.getCell(4).alignment = { vertical: 'top', horizontal: 'right' };
  });
  return wb;
}

/** The unit report's tables as an XLSX file. */
export async function renderUnitReportXlsx(doc: UnitReportDocument): Promise<Buffer> {
  const data = await buildUnitReportWorkbook(doc).xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
