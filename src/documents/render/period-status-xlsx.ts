// The receiving unit's view of a reporting period as XLSX: which units sent, were accepted, late, returned or
// missing (one row per unit), the counts per kind of unit, and the indicators rolled up. Written from the period's
// status as GET /api/regimes/{id}/periods/{key}/status answers it, so the file and the page give the same figures.
import type { PeriodStatus, RollupTotals } from '../../contracts/reporting.ts';
import { UNIT_KIND_LABEL, type UnitKind } from '../../domain/org/unit.ts';
import { formatDateVi } from '../../domain/text.ts';
import { officialWorkbook } from './xlsx-sheet.ts';
import { addTableSheet, xlsxBytes, type TableColumn } from './table-xlsx.ts';

type Unit = PeriodStatus['units'][number];
type Indicator = PeriodStatus['indicators'][number];

const kindLabel = (kind: string) => UNIT_KIND_LABEL[kind as UnitKind] ?? kind;

/** "Đơn vị nhận: …. Số liệu từ … đến …; hạn gửi … (xã, phường); tính đến ngày …". */
function periodLine(s: PeriodStatus): string {
  const dues = [...new Set(s.dueDates.map((d) => d.dueDate))].sort().map((due) => {
    const kinds = s.dueDates.filter((d) => d.dueDate === due).map((d) => kindLabel(d.kind).toLowerCase());
    return `${formatDateVi(due)} (${kinds.join(', ')})`;
  });
  const window = `từ ${formatDateVi(s.period.dataWindow.from)} đến ${formatDateVi(s.period.dataWindow.to)}`;
  return `Đơn vị nhận: ${s.regime.ownerName}. Số liệu ${window}; hạn gửi ${dues.join('; ')}; tính đến ngày ${formatDateVi(s.today)}`;
}

const titlesOf = (s: PeriodStatus, heading: string) => [heading, s.regime.name.trim(), periodLine(s)];

const UNIT_COLUMNS: TableColumn<Unit>[] = [
  { header: 'STT', width: 6, kind: 'code', value: (_, i) => i + 1 },
  { header: 'Đơn vị', width: 38, kind: 'text', value: (u) => u.unitName },
  { header: 'Mã', width: 10, kind: 'code', value: (u) => u.unitCode },
  { header: 'Loại', width: 14, kind: 'code', value: (u) => kindLabel(u.kind) },
  { header: 'Hạn gửi', width: 12, kind: 'date', value: (u) => u.dueDate },
  { header: 'Tình hình', width: 17, kind: 'code', value: (u) => u.stateLabel },
  { header: 'Báo cáo', width: 17, kind: 'code', value: (u) => u.statusLabel },
  { header: 'Ngày gửi', width: 12, kind: 'date', value: (u) => u.submittedOn },
  { header: 'Lý do trả lại', width: 40, kind: 'text', value: (u) => u.returnReason },
];

type CountRow = { label: string; key: keyof RollupTotals; percent?: boolean };
const COUNT_ROWS: CountRow[] = [
  { label: 'Phải báo cáo', key: 'expected' },
  { label: 'Đã nhận', key: 'received' },
  { label: 'Đúng hạn', key: 'onTime' },
  { label: 'Quá hạn', key: 'late' },
  { label: 'Bị trả lại', key: 'returned' },
  { label: 'Chưa gửi, quá hạn', key: 'missing' },
  { label: 'Chưa đến hạn', key: 'pending' },
  { label: 'Tỷ lệ đã nhận', key: 'receivedRate', percent: true },
  { label: 'Tỷ lệ đúng hạn', key: 'onTimeRate', percent: true },
];

/** Counts per kind of unit and in all: rows are the counts, columns the kinds then the total. */
function countColumns(s: PeriodStatus): TableColumn<CountRow>[] {
  const figure = (header: string, totals: RollupTotals): TableColumn<CountRow> => ({
    header,
    width: 14,
    kind: 'int',
    percentIf: (r) => !!r.percent,
    value: (r) => totals[r.key],
  });
  return [
    { header: 'Số báo cáo', width: 24, kind: 'text', value: (r) => r.label },
    ...s.groups.map((g) => figure(g.label, g.totals)),
    figure('Tổng', s.totals),
  ];
}

function indicatorColumns(s: PeriodStatus): TableColumn<Indicator>[] {
  return [
    { header: 'STT', width: 6, kind: 'code', value: (_, i) => i + 1 },
    { header: 'Chỉ tiêu', width: 50, kind: 'text', value: (d) => d.name },
    { header: 'Đơn vị tính', width: 14, kind: 'code', value: (d) => d.unit },
    { header: 'Tổng', width: 14, kind: 'int', value: (d) => d.total },
    ...s.groups.map(
      (g): TableColumn<Indicator> => ({
        header: g.label,
        width: 14,
        kind: 'int',
        value: (d) => d.byGroup[g.group] ?? 0,
      }),
    ),
  ];
}

export function buildPeriodStatusWorkbook(s: PeriodStatus) {
  const label = s.period.label.toLocaleUpperCase('vi');
  const wb = officialWorkbook(`Tình hình nhận báo cáo ${s.period.label.toLowerCase()}`, s.regime.name.trim());
  addTableSheet(wb, {
    name: 'Các đơn vị',
    titles: titlesOf(s, `TÌNH HÌNH NHẬN BÁO CÁO ${label}`),
    columns: UNIT_COLUMNS,
    rows: s.units,
    frozenColumns: 2,
  });
  addTableSheet(wb, {
    name: 'Tổng hợp',
    titles: titlesOf(s, `SỐ BÁO CÁO ${label} THEO TÌNH HÌNH`),
    columns: countColumns(s),
    rows: COUNT_ROWS,
    frozenColumns: 1,
  });
  addTableSheet(wb, {
    name: 'Chỉ tiêu',
    titles: titlesOf(s, `CÁC CHỈ TIÊU ${label} (TỪ CÁC BÁO CÁO ĐÃ NHẬN)`),
    columns: indicatorColumns(s),
    rows: s.indicators,
    frozenColumns: 2,
  });
  return wb;
}

export async function renderPeriodStatusXlsx(s: PeriodStatus): Promise<Buffer> {
  return xlsxBytes(buildPeriodStatusWorkbook(s));
}
