// The annex of a compiled report as XLSX: one row per unit with the state of its report, tasks done, deliverables
// and each indicator, a totals row with formulas. Printed like the DOCX annex: A4 landscape, Times New Roman,
// header row repeated and frozen, page number centred at the top from page 2.

import type ExcelJS from 'exceljs';
import { ALL_BORDERS, columnHeaderRow, font, landscapeSheet, officialWorkbook, titleRow } from './xlsx-sheet.ts';
import type { CompiledReport } from '../../domain/reporting/model.ts';
import { textWidthTwips } from './nd30.ts';
import {
  UNIT_REPORT_STATE_LABEL,
  annexReferenceLine,
  annexTitle,
  annexTotals,
  hasFigures,
  indicatorHeader,
} from './report-docx.ts';

/** Fixed columns; indicator columns follow. Tasks are two numeric columns here so they can be summed. */
export const REPORT_XLSX_COLUMNS = [
  { header: 'STT', width: 6 },
  { header: 'Đơn vị', width: 36 },
  { header: 'Tình trạng báo cáo', width: 15 },
  { header: 'Ngày gửi', width: 12 },
  { header: 'Nhiệm vụ hoàn thành', width: 12 },
  { header: 'Nhiệm vụ được giao', width: 12 },
  { header: 'Sản phẩm', width: 11 },
] as const;
const INDICATOR_WIDTH = 16;

/** Rows above the table: "Phụ lục", title, "(Kèm theo …)", a blank row; the column header is the next row. */
export const REPORT_XLSX_HEADER_ROW = 5;

/** Excel column width (characters of the default font, about 7 px each) as usable twips at 96 dpi, less the cell padding. */
function columnTwips(width: number): number {
  return (width * 7 + 5) * 15 - 120;
}

/** Lines a text takes when wrapped between words in a column (greedy, as spreadsheets wrap). */
function wrappedLines(text: string, width: number, sizePt: number, bold: boolean): number {
  const face = bold ? 'bold' : 'regular';
  const room = columnTwips(width);
  let lines = 1;
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = current ? `${current} ${word}` : word;
    if (current && textWidthTwips(next, sizePt, face) > room) {
      lines++;
      current = word;
    } else current = next;
  }
  return lines;
}

/**
 * Row height in points for wrapped text: spreadsheets do not grow a row on their own when the file sets its height,
 * so the lines are counted (Times New Roman metrics) and the row sized to them.
 */
function wrappedHeight(
  texts: readonly { text: string; width: number }[],
  sizePt: number,
  bold = false,
  minHeight = 18,
): number {
  const lines = Math.max(1, ...texts.map((t) => wrappedLines(t.text, t.width, sizePt, bold)));
  return Math.max(minHeight, Math.ceil(lines * sizePt * 1.2 + 6));
}

/** YYYY-MM-DD as a date at 00:00 UTC, which Excel shows as that day. */
function excelDate(iso: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : iso;
}

function writeTotalsRow(ws: ExcelJS.Worksheet, report: CompiledReport, first: number, lastCol: number): void {
  // Totals: formulas with their computed results, so the file shows the numbers before Excel recalculates.
  const last = first + report.annex.length - 1;
  const totals = ws.getRow(last + 1);
  const t = annexTotals(report);
  const results = [
    t.tasksDone,
    t.tasksTotal,
    t.deliverables,
    ...report.indicators.map((ind) => t.indicators[ind.code] ?? 0),
  ];
  const fns = ['SUM', 'SUM', 'SUM', ...report.indicators.map((ind) => (ind.aggregate === 'max' ? 'MAX' : 'SUM'))];
  totals.getCell(2).value = 'Tổng cộng';
  for (let c = 1; c <= lastCol; c++) {
    const cell = totals.getCell(c);
    if (c >= 5) {
      const col = ws.getColumn(c).letter;
      cell.value = report.annex.length
        ? { formula: `${fns[c - 5]}(${col}${first}:${col}${last})`, result: results[c - 5] }
        : 0;
      cell.numFmt = '#,##0';
    }
    cell.font = font(12, { bold: true });
    cell.border = ALL_BORDERS;
    cell.alignment = { vertical: 'top', horizontal: c === 2 ? 'left' : c <= 4 ? 'center' : 'right' };
  }
}

export function buildCompiledReportWorkbook(report: CompiledReport): ExcelJS.Workbook {
  const wb = officialWorkbook(`Phụ lục - Báo cáo ${report.title.trim()}`, report.title.trim());
  const headers = [...REPORT_XLSX_COLUMNS.map((c) => c.header), ...report.indicators.map(indicatorHeader)];
  const lastCol = headers.length;
  const H = REPORT_XLSX_HEADER_ROW;
  const ws = landscapeSheet(wb, 'Phụ lục', H, 2);
  ws.columns = [
    ...REPORT_XLSX_COLUMNS.map((c) => ({ width: c.width })),
    ...report.indicators.map(() => ({ width: INDICATOR_WIDTH })),
  ];

  const title = (row: number, text: string, f: Partial<ExcelJS.Font>, height: number) =>
    titleRow(ws, row, lastCol, text, f, height);
  title(1, 'Phụ lục', font(14, { bold: true }), 22);
  title(2, annexTitle(report), font(13, { bold: true }), 20);
  title(3, annexReferenceLine(report), font(13, { italic: true }), 20);
  ws.getRow(4).height = 8;

  const widths = [...REPORT_XLSX_COLUMNS.map((c) => c.width), ...report.indicators.map(() => INDICATOR_WIDTH)];
  columnHeaderRow(
    ws,
    H,
    headers,
    wrappedHeight(
      headers.map((text, i) => ({ text, width: widths[i]! })),
      12,
      true,
      32,
    ),
  );

  const first = H + 1;
  report.annex.forEach((u, i) => {
    const figures = hasFigures(u);
    const row = ws.getRow(first + i);
    row.height = wrappedHeight([{ text: u.unitName.trim(), width: widths[1]! }], 12);
    row.values = [
      i + 1,
      u.unitName.trim(),
      UNIT_REPORT_STATE_LABEL[u.state],
      u.submittedOn ? excelDate(u.submittedOn) : null,
      figures ? u.tasksDone : null,
      figures ? u.tasksTotal : null,
      figures ? u.deliverables : null,
      ...report.indicators.map((ind) => (figures ? (u.indicatorValues[ind.code] ?? 0) : null)),
    ];
    for (let c = 1; c <= lastCol; c++) {
      const cell = row.getCell(c);
      cell.font = font(12);
      cell.border = ALL_BORDERS;
      cell.alignment = {
        vertical: 'top',
        horizontal: c === 2 ? 'left' : c <= 4 ? 'center' : 'right',
        wrapText: c === 2,
      };
      if (c === 4) cell.numFmt = 'dd/mm/yyyy';
      if (c >= 5) cell.numFmt = '#,##0';
    }
  });

  writeTotalsRow(ws, report, first, lastCol);
  return wb;
}

/** The annex of the compiled report as an XLSX file. */
export async function renderCompiledReportXlsx(report: CompiledReport): Promise<Buffer> {
  const data = await buildCompiledReportWorkbook(report).xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
