// Coverage of the AI-systems register as XLSX: one row per commune, ward, agency; uses, levels, assessments,
// open incidents; totals at the foot.
import type { Coverage, CoverageRow } from '../../domain/ai-systems/coverage.ts';
import { UNIT_KIND_LABEL, type UnitKind } from '../../domain/org/unit.ts';
import { ALL_BORDERS, columnHeaderRow, font, landscapeSheet, officialWorkbook, titleRow } from './xlsx-sheet.ts';

const HEADERS = [
  'STT',
  'Cơ quan, đơn vị',
  'Loại',
  'Số hệ thống AI',
  'Rủi ro cao',
  'Rủi ro trung bình',
  'Rủi ro thấp',
  'Chưa phân loại',
  'Cần đánh giá tác động',
  'Đánh giá đã phê duyệt',
  'Đang dùng khi chưa có đánh giá',
  'Sự cố đang mở',
  'Sự cố nghiêm trọng đang mở',
  'Sự cố quá hạn báo cáo',
];
const WIDTHS = [6, 44, 16, 10, 9, 11, 9, 11, 12, 12, 14, 10, 13, 12];
const HEADER_ROW = 4;

const counts = (r: Omit<CoverageRow, 'id' | 'name' | 'code' | 'kind'>) => [
  r.uses,
  r.levels.high,
  r.levels.medium,
  r.levels.low,
  r.levels.unclassified,
  r.assessmentsDue,
  r.assessmentsApproved,
  r.assessmentsOverdue,
  r.openIncidents,
  r.openSeriousIncidents,
  r.lateIncidents,
];

export async function renderAiCoverageXlsx(c: Coverage & { unit: { name: string } }): Promise<Buffer> {
  const wb = officialWorkbook(
    `Hệ thống AI: ${c.unit.name}`,
    'Tình hình đăng ký, phân loại, đánh giá tác động hệ thống trí tuệ nhân tạo',
  );
  const ws = landscapeSheet(wb, 'Hệ thống AI', HEADER_ROW, 2);
  ws.columns = WIDTHS.map((width) => ({ width }));
  titleRow(ws, 1, HEADERS.length, 'TÌNH HÌNH SỬ DỤNG HỆ THỐNG TRÍ TUỆ NHÂN TẠO', font(14, { bold: true }), 22);
  titleRow(ws, 2, HEADERS.length, c.unit.name, font(13, { italic: true }), 18);
  columnHeaderRow(ws, HEADER_ROW, HEADERS, 48);
  c.rows.forEach((r, i) => {
    const row = ws.addRow([i + 1, r.name, UNIT_KIND_LABEL[r.kind as UnitKind] ?? r.kind, ...counts(r)]);
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.font = font(12);
      cell.border = ALL_BORDERS;
      cell.alignment = { vertical: 'top', horizontal: col === 2 || col === 3 ? 'left' : 'center', wrapText: true };
    });
  });
  const total = ws.addRow([
    '',
    `Tổng cộng (${c.totals.units} đơn vị, ${c.totals.unitsWithoutUses} chưa đăng ký)`,
    '',
    ...counts(c.totals),
  ]);
  total.eachCell({ includeEmpty: true }, (cell) => {
    cell.font = font(12, { bold: true });
    cell.border = ALL_BORDERS;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
