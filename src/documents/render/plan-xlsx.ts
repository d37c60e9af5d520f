// The plan's task table as XLSX: one row per task (group headings as bold rows), for units that track the plan in a
// spreadsheet. Printed like an appendix of the plan: A4 landscape (ND30 I.1 allows landscape for tables), Times New
// Roman, page number centred at the top from page 2.

import type ExcelJS from 'exceljs';
import { ALL_BORDERS, columnHeaderRow, font, landscapeSheet, officialWorkbook, titleRow } from './xlsx-sheet.ts';
import type { PlanDraft, Task, TaskGroup } from '../../domain/plan/model.ts';
import { normalizeText } from '../../domain/text.ts';
import { formatIssueDate, formatNumber } from './nd30.ts';
import { issuerPhrase, joinUnits, type PlanRenderOptions } from './plan-docx.ts';

export type PlanXlsxOptions = Pick<PlanRenderOptions, 'issuerName'> & Partial<PlanRenderOptions>;

export const TASK_COLUMNS = [
  { header: 'STT', width: 6 },
  { header: 'Nhiệm vụ', width: 38 },
  { header: 'Nội dung', width: 45 },
  { header: 'Cơ quan chủ trì', width: 22 },
  { header: 'Cơ quan phối hợp', width: 30 },
  { header: 'Thời gian thực hiện', width: 18 },
  { header: 'Sản phẩm', width: 32 },
  { header: 'Ghi chú', width: 14 },
] as const;

/** Rows above the table: title, trích yếu, "(Kèm theo …)", a blank row; the column header is the next row. */
const HEADER_ROW = 5;

/** "(Kèm theo Kế hoạch số 05/KH-UBND ngày 04 tháng 5 năm 2026 của Ủy ban nhân dân tỉnh)" [ND30 Phụ lục, reference line]. */
export function attachmentLine(plan: PlanDraft, issuerName: string): string {
  const d = plan.document;
  const year = d.year ?? (d.date ? Number(d.date.slice(0, 4)) : null);
  const number = `${formatNumber(d.number) ?? '      '}/${d.symbol ?? 'KH-UBND'}`;
  return `(Kèm theo Kế hoạch số ${number} ${formatIssueDate(d.date, year)} của ${issuerPhrase(issuerName)})`;
}

/** Cell values of one task row, in TASK_COLUMNS order. */
export function taskRowValues(t: Task): string[] {
  return [
    t.number,
    normalizeText(t.title),
    normalizeText(t.content ?? ''),
    joinUnits(t.lead),
    joinUnits(t.coordinators),
    normalizeText(t.timeframe.text),
    t.deliverables
      .map((x) => normalizeText(x).replace(/[;.]+$/, ''))
      .filter(Boolean)
      .join('; '),
    normalizeText(t.notes ?? ''),
  ];
}

/** Tasks in plan order with each group heading once before its first task (as in the DOCX). */
function rowsInOrder(groups: readonly TaskGroup[], tasks: readonly Task[]): ({ group: TaskGroup } | { task: Task })[] {
  const out: ({ group: TaskGroup } | { task: Task })[] = [];
  const printed = new Set<string>();
  for (const t of tasks) {
    if (t.groupNumber && !printed.has(t.groupNumber)) {
      printed.add(t.groupNumber);
      const g = groups.find((x) => x.number === t.groupNumber);
      if (g) out.push({ group: g });
    }
    out.push({ task: t });
  }
  return out;
}

export function buildPlanTasksWorkbook(plan: PlanDraft, opts: PlanXlsxOptions): ExcelJS.Workbook {
  const wb = officialWorkbook(
    `Danh mục nhiệm vụ - Kế hoạch ${normalizeText(plan.document.title)}`,
    normalizeText(plan.document.title),
  );
  const lastCol = TASK_COLUMNS.length;
  const ws = landscapeSheet(wb, 'Nhiệm vụ', HEADER_ROW, 0);
  ws.columns = TASK_COLUMNS.map((c) => ({ width: c.width }));

  const title = (row: number, text: string, f: Partial<ExcelJS.Font>, height: number) =>
    titleRow(ws, row, lastCol, text, f, height);
  title(1, 'DANH MỤC NHIỆM VỤ', font(14, { bold: true }), 22);
  title(2, normalizeText(plan.document.title), font(13, { bold: true }), 20);
  title(3, attachmentLine(plan, opts.issuerName), font(13, { italic: true }), 20);

  columnHeaderRow(
    ws,
    HEADER_ROW,
    TASK_COLUMNS.map((c) => c.header),
    32,
  );

  let r = HEADER_ROW + 1;
  for (const item of rowsInOrder(plan.groups, plan.tasks)) {
    const row = ws.getRow(r++);
    const isGroup = 'group' in item;
    row.values = isGroup
      ? [item.group.number, normalizeText(item.group.title), '', '', '', '', '', '']
      : taskRowValues(item.task);
    for (let c = 1; c <= lastCol; c++) {
      const cell = row.getCell(c);
      cell.font = font(12, { bold: isGroup });
      cell.alignment = { vertical: 'top', horizontal: c === 1 ? 'center' : 'left', wrapText: true };
      cell.border = ALL_BORDERS;
    }
  }
  return wb;
}

/** The task table as an XLSX file. */
export async function renderPlanTasksXlsx(plan: PlanDraft, opts: PlanXlsxOptions): Promise<Buffer> {
  const data = await buildPlanTasksWorkbook(plan, opts).xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
