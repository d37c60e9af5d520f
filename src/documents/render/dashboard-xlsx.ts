// The focal unit's dashboard of a plan as XLSX: one sheet per table the dashboard shows (the summary, progress per
// task, per commune/ward and agency, overdue work, reports not received), written from the dashboard's own answer
// (GET /api/dashboard/focal), so the file and the screen give the same figures.
import type { FocalDashboard } from '../../contracts/reporting.ts';
import { PLAN_STATUS_LABEL, type PlanStatus } from '../../domain/plan/model.ts';
import { UNIT_KIND_LABEL, type UnitKind } from '../../domain/org/unit.ts';
import { SUBMISSION_STATE_LABEL } from '../../domain/reporting/rollup.ts';
import { TASK_STATUS_LABEL } from '../../domain/tracking/model.ts';
import { formatDateVi } from '../../domain/text.ts';
import { officialWorkbook } from './xlsx-sheet.ts';
import { addTableSheet, xlsxBytes, type CellInput, type TableColumn } from './table-xlsx.ts';

type Task = FocalDashboard['tasks'][number];
type Unit = FocalDashboard['units'][number];
type Overdue = FocalDashboard['overdue'][number];
type Missing = NonNullable<FocalDashboard['reports']>['missing'][number];

/** "Kế hoạch số 129/KH-UBND ngày 04/05/2026 của UBND tỉnh Thanh Hóa". */
export function planLine(p: FocalDashboard['plan']): string {
  const number = p.number ? `số ${p.number}${p.symbol ? `/${p.symbol}` : ''}` : 'chưa có số';
  const date = p.issuedDate ? ` ngày ${formatDateVi(p.issuedDate)}` : '';
  return `Kế hoạch ${number}${date} của ${p.issuerName}: ${p.title.trim()}`;
}

const yearLine = (d: FocalDashboard) =>
  `Năm ${d.year}: số liệu từ ${formatDateVi(d.dataWindow.from)} đến ${formatDateVi(d.dataWindow.to)}, tính đến ngày ${formatDateVi(d.today)}`;

const titlesOf = (d: FocalDashboard, heading: string) => [heading, planLine(d.plan), yearLine(d)];

/** Assignments of the plan by status: the sums of the tasks' rows, as the dashboard's summary adds them. */
export function dashboardTotals(d: FocalDashboard) {
  const sum = (k: 'assignments' | 'doneOnTime' | 'doneLate' | 'inProgress' | 'overdue') =>
    d.tasks.reduce((n, t) => n + t[k], 0);
  return {
    assignments: sum('assignments'),
    doneOnTime: sum('doneOnTime'),
    doneLate: sum('doneLate'),
    inProgress: sum('inProgress'),
    overdue: sum('overdue'),
  };
}

type SummaryRow = { label: string; value: CellInput; percent?: boolean };

function summaryRows(d: FocalDashboard): SummaryRow[] {
  const t = dashboardTotals(d);
  const rows: SummaryRow[] = [
    { label: 'Số nhiệm vụ của kế hoạch', value: d.tasks.length },
    { label: 'Số lượt giao nhiệm vụ (đơn vị chủ trì, phối hợp)', value: t.assignments },
    { label: TASK_STATUS_LABEL.doneOnTime, value: t.doneOnTime },
    { label: TASK_STATUS_LABEL.doneLate, value: t.doneLate },
    { label: TASK_STATUS_LABEL.inProgress, value: t.inProgress },
    { label: TASK_STATUS_LABEL.overdue, value: t.overdue },
  ];
  const r = d.reports;
  if (!r) return [...rows, { label: 'Báo cáo định kỳ', value: 'Kế hoạch chưa có chế độ báo cáo định kỳ' }];
  const label = r.periodLabel.toLowerCase();
  return [
    ...rows,
    { label: `Đơn vị phải báo cáo ${label}`, value: r.totals.expected },
    { label: 'Báo cáo đã nhận', value: r.totals.received },
    { label: `Báo cáo đã nhận ${SUBMISSION_STATE_LABEL.onTime.toLowerCase()}`, value: r.totals.onTime },
    { label: `Báo cáo đã nhận ${SUBMISSION_STATE_LABEL.late.toLowerCase()}`, value: r.totals.late },
    { label: `Báo cáo ${SUBMISSION_STATE_LABEL.returned.toLowerCase()}`, value: r.totals.returned },
    { label: `Báo cáo ${SUBMISSION_STATE_LABEL.missing.toLowerCase()}`, value: r.totals.missing },
    { label: `Báo cáo ${SUBMISSION_STATE_LABEL.pending.toLowerCase()}`, value: r.totals.pending },
    { label: 'Tỷ lệ báo cáo đã nhận', value: r.totals.receivedRate, percent: true },
    { label: 'Tỷ lệ báo cáo đúng hạn', value: r.totals.onTimeRate, percent: true },
  ];
}

const SUMMARY_COLUMNS: TableColumn<SummaryRow>[] = [
  { header: 'STT', width: 6, kind: 'code', value: (_, i) => i + 1 },
  { header: 'Nội dung', width: 70, kind: 'text', value: (r) => r.label },
  { header: 'Số lượng', width: 16, kind: 'int', value: (r) => (r.percent ? null : r.value) },
  { header: 'Tỷ lệ', width: 12, kind: 'percent', decimals: true, value: (r) => (r.percent ? r.value : null) },
];

const TASK_COLUMNS: TableColumn<Task>[] = [
  { header: 'Nhiệm vụ số', width: 10, kind: 'code', value: (t) => t.number },
  { header: 'Nội dung nhiệm vụ', width: 48, kind: 'text', value: (t) => t.title },
  { header: 'Thời gian thực hiện', width: 18, kind: 'text', value: (t) => t.timeframe },
  { header: 'Hạn trong năm', width: 12, kind: 'date', value: (t) => t.dueDate },
  { header: 'Lượt giao', width: 10, kind: 'int', value: (t) => t.assignments },
  { header: TASK_STATUS_LABEL.doneOnTime, width: 12, kind: 'int', value: (t) => t.doneOnTime },
  { header: TASK_STATUS_LABEL.doneLate, width: 12, kind: 'int', value: (t) => t.doneLate },
  { header: TASK_STATUS_LABEL.inProgress, width: 12, kind: 'int', value: (t) => t.inProgress },
  { header: TASK_STATUS_LABEL.overdue, width: 12, kind: 'int', value: (t) => t.overdue },
  { header: 'Tiến độ bình quân', width: 11, kind: 'percent', value: (t) => t.averagePercent },
  { header: 'Số đơn vị thực hiện', width: 11, kind: 'int', value: (t) => t.units },
  { header: 'Đơn vị đã hoàn thành', width: 11, kind: 'int', value: (t) => t.unitsDone },
  { header: 'Tỷ lệ đơn vị đã hoàn thành', width: 12, kind: 'percent', decimals: true, value: (t) => t.unitsDoneShare },
];

const UNIT_COLUMNS: TableColumn<Unit>[] = [
  { header: 'STT', width: 6, kind: 'code', value: (_, i) => i + 1 },
  { header: 'Đơn vị', width: 36, kind: 'text', value: (u) => u.unitName },
  { header: 'Mã', width: 10, kind: 'code', value: (u) => u.code },
  { header: 'Loại', width: 14, kind: 'code', value: (u) => UNIT_KIND_LABEL[u.kind as UnitKind] ?? u.kind },
  {
    header: 'Kế hoạch của đơn vị',
    width: 14,
    kind: 'code',
    // Communes and wards implement the plan with a plan of their own; agencies carry out its tasks directly.
    value: (u) =>
      u.plan
        ? (PLAN_STATUS_LABEL[u.plan.status as PlanStatus] ?? u.plan.status)
        : u.kind === 'commune' || u.kind === 'ward'
          ? 'Chưa có'
          : '-',
  },
  { header: 'Lượt giao', width: 10, kind: 'int', value: (u) => u.assignments },
  { header: 'Đã hoàn thành', width: 11, kind: 'int', value: (u) => u.done },
  { header: 'Quá hạn', width: 10, kind: 'int', value: (u) => u.overdue },
  { header: 'Nhiệm vụ đã xong', width: 10, kind: 'int', value: (u) => u.tasksDone },
  { header: 'Số nhiệm vụ', width: 10, kind: 'int', value: (u) => u.tasks },
  { header: 'Tiến độ bình quân', width: 11, kind: 'percent', value: (u) => u.averagePercent },
  {
    header: 'Báo cáo năm',
    width: 16,
    kind: 'code',
    value: (u) => (u.report ? SUBMISSION_STATE_LABEL[u.report.state] : 'Không phải báo cáo'),
  },
];

const OVERDUE_COLUMNS: TableColumn<Overdue>[] = [
  { header: 'STT', width: 6, kind: 'code', value: (_, i) => i + 1 },
  { header: 'Đơn vị', width: 36, kind: 'text', value: (o) => o.unitName },
  { header: 'Nhiệm vụ số', width: 10, kind: 'code', value: (o) => o.taskNumber },
  { header: 'Nội dung nhiệm vụ', width: 60, kind: 'text', value: (o) => o.taskTitle },
  { header: 'Hạn', width: 12, kind: 'date', value: (o) => o.dueDate },
  { header: 'Tiến độ', width: 10, kind: 'percent', value: (o) => o.percent },
];

const MISSING_COLUMNS: TableColumn<Missing>[] = [
  { header: 'STT', width: 6, kind: 'code', value: (_, i) => i + 1 },
  { header: 'Đơn vị', width: 48, kind: 'text', value: (m) => m.unitName },
  { header: 'Hạn gửi', width: 12, kind: 'date', value: (m) => m.dueDate },
  { header: 'Tình hình', width: 20, kind: 'code', value: (m) => SUBMISSION_STATE_LABEL[m.state] },
];

/** The dashboard's workbook: the overdue list may stop short of every overdue assignment (a note says so). */
export function buildFocalDashboardWorkbook(d: FocalDashboard) {
  const wb = officialWorkbook(`Bảng điều khiển: ${planLine(d.plan)}`, 'Tiến độ thực hiện kế hoạch');
  addTableSheet(wb, {
    name: 'Tổng hợp',
    titles: titlesOf(d, 'TÌNH HÌNH THỰC HIỆN KẾ HOẠCH'),
    columns: SUMMARY_COLUMNS,
    rows: summaryRows(d),
  });
  const t = dashboardTotals(d);
  addTableSheet(wb, {
    name: 'Theo nhiệm vụ',
    titles: titlesOf(d, 'TIẾN ĐỘ THEO NHIỆM VỤ'),
    columns: TASK_COLUMNS,
    rows: d.tasks,
    frozenColumns: 2,
    footer: ['', 'Tổng cộng', null, null, t.assignments, t.doneOnTime, t.doneLate, t.inProgress, t.overdue],
    notes: [
      'Lượt giao: một đơn vị chủ trì hoặc phối hợp một nhiệm vụ; nhiệm vụ của kế hoạch xã, phường tính vào nhiệm vụ tương ứng của kế hoạch này.',
    ],
  });
  addTableSheet(wb, {
    name: 'Theo đơn vị',
    titles: titlesOf(d, 'TIẾN ĐỘ THEO XÃ, PHƯỜNG VÀ SỞ, NGÀNH'),
    columns: UNIT_COLUMNS,
    rows: d.units,
    frozenColumns: 2,
    notes: ['Xếp theo tiến độ bình quân, thấp nhất trước.'],
  });
  addTableSheet(wb, {
    name: 'Việc quá hạn',
    titles: titlesOf(d, 'VIỆC QUÁ HẠN CHƯA HOÀN THÀNH'),
    columns: OVERDUE_COLUMNS,
    rows: d.overdue,
    frozenColumns: 2,
    notes:
      d.overdue.length < t.overdue
        ? [`Danh sách nêu ${d.overdue.length} trong ${t.overdue} lượt việc quá hạn, hạn sớm nhất trước.`]
        : ['Hạn sớm nhất trước.'],
  });
  if (d.reports)
    addTableSheet(wb, {
      name: 'Báo cáo chưa nhận',
      titles: titlesOf(d, `ĐƠN VỊ CHƯA GỬI BÁO CÁO ${d.reports.periodLabel.toLocaleUpperCase('vi')}`),
      columns: MISSING_COLUMNS,
      rows: d.reports.missing,
      frozenColumns: 2,
    });
  return wb;
}

export async function renderFocalDashboardXlsx(d: FocalDashboard): Promise<Buffer> {
  return xlsxBytes(buildFocalDashboardWorkbook(d));
}
