// The year's petition figures as XLSX: aggregated counts by handling unit and by topic, never a sender.
import type ExcelJS from 'exceljs';
import type { FigureGroup, Figures } from '../../domain/petitions/figures.ts';
import { ALL_BORDERS, columnHeaderRow, font, landscapeSheet, officialWorkbook, titleRow } from './xlsx-sheet.ts';

export interface PetitionFiguresSheet {
  year: number;
  unitName: string;
  total: Figures;
  byUnit: FigureGroup[];
  byTopic: FigureGroup[];
}

const HEADERS = [
  'STT',
  '',
  'Tiếp nhận',
  'Trả lời đúng hạn',
  'Trả lời quá hạn',
  'Kết thúc khác',
  'Đang xử lý',
  'Trong đó quá hạn',
];
const numbers = (f: Figures) => [f.received, f.answeredOnTime, f.answeredLate, f.closedOtherwise, f.open, f.overdue];

function table(
  wb: ExcelJS.Workbook,
  name: string,
  what: string,
  data: PetitionFiguresSheet,
  groups: FigureGroup[],
): void {
  const ws = landscapeSheet(wb, name, 4, 2);
  ws.columns = [{ width: 6 }, { width: 48 }, ...Array.from({ length: 6 }, () => ({ width: 14 }))];
  titleRow(
    ws,
    1,
    HEADERS.length,
    `KẾT QUẢ TIẾP NHẬN, XỬ LÝ KIẾN NGHỊ, ĐỀ XUẤT, PHẢN ÁNH VỀ LUẬT TRÍ TUỆ NHÂN TẠO NĂM ${data.year}`,
    font(13, { bold: true }),
    36,
  );
  titleRow(ws, 2, HEADERS.length, `${data.unitName} · ${what}`, font(12, { italic: true }), 20);
  columnHeaderRow(
    ws,
    4,
    HEADERS.map((h, i) => (i === 1 ? what : h)),
    36,
  );
  const rows = [...groups.map((g, i) => [i + 1, g.label, ...numbers(g)]), ['', 'Tổng cộng', ...numbers(data.total)]];
  rows.forEach((values, i) => {
    const row = ws.getRow(5 + i);
    row.values = values;
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.font = font(12, { bold: i === rows.length - 1 });
      cell.border = ALL_BORDERS;
      cell.alignment = { vertical: 'middle', horizontal: col === 2 ? 'left' : 'center', wrapText: true };
    });
  });
}

export async function renderPetitionFiguresXlsx(data: PetitionFiguresSheet): Promise<Buffer> {
  const wb = officialWorkbook(`Kiến nghị năm ${data.year}`, 'Kết quả tiếp nhận, xử lý kiến nghị');
  table(wb, 'Theo đơn vị', 'Đơn vị xử lý', data, data.byUnit);
  table(wb, 'Theo chủ đề', 'Chủ đề', data, data.byTopic);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
