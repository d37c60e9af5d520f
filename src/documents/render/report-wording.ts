// Wording of the compiled report shared by its DOCX (report-docx.ts, which re-exports it), its XLSX annex
// (report-xlsx.ts) and the reminder letters: state labels, counts, short dates, the annex title and totals.
import type { CompiledReport, CompiledUnitRow } from '../../domain/reporting/model.ts';
import { formatIssueDate, formatNumber, lowerFirst, upperVi } from './nd30.ts';
import { issuerPhrase } from './plan-docx.ts';
import { formatCountVi } from '../../domain/text.ts';

/** The states of a unit's report as the annex prints them. */
export const UNIT_REPORT_STATE_LABEL: Record<CompiledUnitRow['state'], string> = {
  onTime: 'Đúng hạn',
  late: 'Quá hạn',
  missing: 'Chưa gửi',
  returned: 'Bị trả lại',
  pending: 'Chưa đến hạn',
};

/** States whose figures come from a report the unit sent; the others print "-" (nothing to count yet). */
export function hasFigures(row: CompiledUnitRow): boolean {
  return row.state === 'onTime' || row.state === 'late' || row.state === 'returned';
}

/** "28.450": Vietnamese thousands separator (the domain's one count format, also used by the report clauses). */
export const formatCount = formatCountVi;

/**
 * Short date as Vietnamese documents write deadlines and dates in running text: "15/12/2026", "04/5/2026",
 * "28/02/2026" (day < 10 and months 1, 2 padded, as ND30 II.4b pads the long form). Text that is not an ISO date is
 * returned as written.
 */
export function shortDate(date: string | null): string {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  if (!m) return date?.trim() ?? '';
  const month = Number(m[2]);
  return `${m[3]}/${month <= 2 ? m[2] : month}/${m[1]}`;
}

export function yearOf(report: Pick<CompiledReport, 'date' | 'window' | 'year'>): number | null {
  if (!report.date && report.year) return report.year;
  const src = report.date ?? report.window.to;
  const y = src ? Number(src.slice(0, 4)) : NaN;
  return Number.isFinite(y) ? y : null;
}

/** "năm 2026" from "Năm 2026" / "năm 2026". */
export function periodPhrase(report: CompiledReport): string {
  return lowerFirst(report.periodLabel.trim());
}

/** Annex title, upper case [ND30 Phụ lục: title UPPER bold]. */
export function annexTitle(report: CompiledReport): string {
  return upperVi(`Tình hình báo cáo và kết quả thực hiện của các cơ quan, đơn vị ${periodPhrase(report)}`);
}

/** "(Kèm theo Báo cáo số 215/BC-SKHCN ngày 22 tháng 12 năm 2026 của Sở Khoa học và Công nghệ)" [ND30 Phụ lục]. */
export function annexReferenceLine(report: CompiledReport): string {
  const number = `${formatNumber(report.number) ?? ' '.repeat(6)}/${report.symbol}`;
  return `(Kèm theo Báo cáo số ${number} ${formatIssueDate(report.date, yearOf(report))} của ${issuerPhrase(report.issuerName)})`;
}

/** Indicator column header: "Hội nghị, hội thảo (cuộc)". */
export function indicatorHeader(ind: { name: string; unit: string }): string {
  return ind.unit.trim() ? `${ind.name.trim()} (${ind.unit.trim()})` : ind.name.trim();
}

/** Totals of the annex rows: tasks, deliverables and each indicator (sum, or max for 'max' indicators). */
export function annexTotals(report: CompiledReport): {
  tasksDone: number;
  tasksTotal: number;
  deliverables: number;
  indicators: Record<string, number>;
} {
  const rows = report.annex.filter(hasFigures);
  const indicators: Record<string, number> = {};
  for (const ind of report.indicators) {
    const values = rows.map((r) => r.indicatorValues[ind.code] ?? 0);
    indicators[ind.code] = ind.aggregate === 'max' ? Math.max(0, ...values) : values.reduce((a, b) => a + b, 0);
  }
  return {
    tasksDone: rows.reduce((a, r) => a + r.tasksDone, 0),
    tasksTotal: rows.reduce((a, r) => a + r.tasksTotal, 0),
    deliverables: rows.reduce((a, r) => a + r.deliverables, 0),
    indicators,
  };
}

/** Cell texts of one annex row, in annexColumns() order. */
export function annexRowTexts(report: CompiledReport, row: CompiledUnitRow, index: number): string[] {
  const figures = hasFigures(row);
  const dash = '-';
  return [
    String(index + 1),
    row.unitName.trim(),
    UNIT_REPORT_STATE_LABEL[row.state],
    row.submittedOn ? shortDate(row.submittedOn) : dash,
    figures ? `${row.tasksDone}/${row.tasksTotal}` : dash,
    figures ? formatCount(row.deliverables) : dash,
    ...report.indicators.map((ind) => (figures ? formatCount(row.indicatorValues[ind.code] ?? 0) : dash)),
  ];
}
