// What every spreadsheet the product prints shares: an A4 landscape sheet in Times New Roman with a frozen, repeated
// header row and the page number centred at the top from page 2 (as the DOCX appendices), title rows across the table.
import ExcelJS from 'exceljs';
import { CREATOR, FONT } from './nd30.ts';

export const THIN_BORDER: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
export const ALL_BORDERS: Partial<ExcelJS.Borders> = {
  top: THIN_BORDER,
  left: THIN_BORDER,
  bottom: THIN_BORDER,
  right: THIN_BORDER,
};

export function font(size: number, extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> {
  return { name: FONT, size, color: { argb: 'FF000000' }, ...extra };
}

export function officialWorkbook(title: string, subject: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = CREATOR;
  wb.lastModifiedBy = CREATOR;
  wb.title = title;
  wb.subject = subject;
  return wb;
}

/** A landscape A4 sheet whose column header is row `headerRow`, frozen with `frozenColumns` columns. */
export function landscapeSheet(
  wb: ExcelJS.Workbook,
  name: string,
  headerRow: number,
  frozenColumns = 0,
): ExcelJS.Worksheet {
  const col = String.fromCharCode(65 + frozenColumns);
  return wb.addWorksheet(name, {
    properties: { defaultRowHeight: 18 },
    views: [
      {
        state: 'frozen',
        ySplit: headerRow,
        xSplit: frozenColumns,
        topLeftCell: `${col}${headerRow + 1}`,
        activeCell: `${col}${headerRow + 1}`,
      },
    ],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${headerRow}:${headerRow}`,
      // Inches: 20 mm top/bottom, 15 mm left/right, as the portrait margins turned with the page.
      margins: { top: 0.79, bottom: 0.79, left: 0.59, right: 0.59, header: 0.3, footer: 0.3 },
    },
    headerFooter: { differentFirst: true, firstHeader: '', oddHeader: `&C&"${FONT},Regular"&13&P` },
  });
}

/** A centred line merged across the table's columns (titles above the table). */
export function titleRow(
  ws: ExcelJS.Worksheet,
  row: number,
  lastCol: number,
  text: string,
  f: Partial<ExcelJS.Font>,
  height: number,
): void {
  ws.mergeCells(row, 1, row, lastCol);
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = f;
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(row).height = height;
}

/** The table's column header: 12 pt bold, centred and wrapped, every cell ruled. */
export function columnHeaderRow(ws: ExcelJS.Worksheet, row: number, headers: readonly string[], height: number): void {
  const header = ws.getRow(row);
  header.values = [...headers];
  header.height = height;
  header.eachCell((cell) => {
    cell.font = font(12, { bold: true });
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = ALL_BORDERS;
  });
}
