// Deadlines against the plan itself: a task due before the plan is dated, or after the period the plan covers
// ("Tháng 3/2026" in a plan of 15/7/2026; "Năm 2031" in a plan for 2026 - 2030). Pure.
import { fold } from '../text.ts';
import type { Findings } from './lint-common.ts';
import { quote, taskLocation } from './lint-common.ts';
import { formatDate } from './lint-parent.ts';
import type { PlanDraft, Task } from './model.ts';

/** A task due before the plan itself is dated cannot be done as written: "Tháng 3/2026" in a plan of 15/7/2026. */
export function checkDeadlines(plan: PlanDraft, out: Findings): void {
  const date = plan.document.date;
  if (!date) return;
  for (const t of plan.tasks) {
    const s = t.timeframe.schedule;
    if (!s || s.kind === 'recurring' || s.kind === 'continuous' || !s.end || s.end >= date) continue;
    out.add(
      'task.timeframe.beforePlan',
      'error',
      taskLocation(plan, t, 'timeframe'),
      `Nhiệm vụ ${t.number}: thời hạn ${quote(t.timeframe.text)} (đến ${formatDate(s.end)}) sớm hơn ngày ban hành kế hoạch (${formatDate(date)}).`,
      'Kiểm tra lại thời hạn hoặc năm thực hiện của nhiệm vụ.',
    );
  }
}

/** The years a plan covers, as its title says: "giai đoạn 2026 - 2030", "đến năm 2030", "năm 2026". */
export interface PlanPeriod {
  from: number;
  to: number;
  /** As written: "giai đoạn 2026 - 2030". */
  text: string;
}

const RANGE = /(?:giai đoạn|thời kỳ|trong)\s+(?:năm\s+)?((\d{4})\s*[-–—]\s*(\d{4}))/iu;
const UNTIL = /(?<![\p{L}])(?:đến|tới)\s+năm\s+(\d{4})(?!\s*(?:,|và)?\s*(?:những|các)\s+năm\s+tiếp\s+theo)/iu;
/** "… năm 2026" that closes the title, not "năm 2026 và những năm tiếp theo" (an open period). */
const ONE_YEAR = /(?<![\p{L}])năm\s+(\d{4})\s*$/iu;

export function planPeriod(title: string): PlanPeriod | null {
  const t = title.trim();
  const range = RANGE.exec(t);
  if (range) {
    const [from, to] = [Number(range[2]), Number(range[3])];
    if (from <= to && to - from <= 30) return { from, to, text: `giai đoạn ${range[1]}` };
  }
  const until = UNTIL.exec(t);
  if (until) return { from: 0, to: Number(until[1]), text: `đến năm ${until[1]}` };
  const one = ONE_YEAR.exec(t);
  if (one) return { from: Number(one[1]), to: Number(one[1]), text: `năm ${one[1]}` };
  return null;
}

/**
 * Work that closes a period is due just after it: the yearly summary report of a plan for 2026 is sent in January
 * 2027, the review of a 2026 - 2030 programme early in 2031.
 */
const CLOSING_WORK = /(?<![a-z])(bao cao|tong ket|so ket|danh gia ket qua|xay dung ke hoach nam)(?![a-z])/u;
const CLOSING_GRACE_MONTHS = 3;

function closesThePeriod(t: Task): boolean {
  return CLOSING_WORK.test(fold(`${t.title} ${t.content ?? ''} ${t.deliverables.join(' ')}`));
}

function addMonths(iso: string, months: number): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-31`;
}

/** A task due after the period the plan covers belongs to another plan, or its year is a slip. */
export function checkPeriod(plan: PlanDraft, out: Findings): void {
  const period = planPeriod(plan.document.title);
  if (!period) return;
  const end = `${period.to}-12-31`;
  for (const t of plan.tasks) {
    const s = t.timeframe.schedule;
    if (!s || s.kind === 'recurring' || s.kind === 'continuous' || !s.end || s.end <= end) continue;
    // Work that spans the plan's period and goes on ("giai đoạn 2026 - 2030" in the plan for 2026) is this year's share
    // of a longer programme; work that only starts after it is not this plan's.
    if (s.kind === 'period' && s.start !== null && s.start <= end) continue;
    if (closesThePeriod(t) && s.end <= addMonths(end, CLOSING_GRACE_MONTHS)) continue;
    out.add(
      'task.timeframe.afterPeriod',
      'warning',
      taskLocation(plan, t, 'timeframe'),
      `Nhiệm vụ ${t.number}: thời hạn ${quote(t.timeframe.text)} (đến ${formatDate(s.end)}) sau thời kỳ của kế hoạch (${period.text}, theo trích yếu).`,
      `Kiểm tra lại năm của thời hạn, hoặc đưa nhiệm vụ vào kế hoạch của thời kỳ sau.`,
    );
  }
}
