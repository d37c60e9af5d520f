// What the tracking use cases share: the assignment as its unit's record, its status in a yearly period, a plan's name.
import { AI_PLAN_YEARLY_SCHEDULE, periodFor } from '../../../domain/reporting/period.ts';
import { assignmentStatus, dueDateFor, progressInYear, todayInVietnam } from '../../../domain/tracking/assignment.ts';
import type { loadCalendar } from '../../calendar/index.ts';
import { mustRead, requireActor, type Ctx } from '../../context.ts';
import * as store from '../store.ts';

/** "Kế hoạch số 129/KH-UBND", or the title for an unnumbered one. */
export function planName(p: { number: string | null; symbol: string | null; title: string }): string {
  return p.number && p.symbol ? `Kế hoạch số ${p.number}/${p.symbol}` : `Kế hoạch "${p.title}"`;
}

/** The yearly reporting period today belongs to: from 15/12 on, the next year's. */
export function currentPeriodYear(today = todayInVietnam()): number {
  return periodFor(today, AI_PLAN_YEARLY_SCHEDULE).year;
}

/** An assignment is its unit's work record: readable in that unit's scope only (anything else is "not found"). */
export async function mustAssignment(ctx: Ctx, id: number): Promise<store.AssignmentRow> {
  requireActor(ctx);
  return mustRead(ctx, 'nhiệm vụ được giao', await store.getAssignment(ctx.db, id), (a) => ({ unitPath: a.unit_path }));
}

type Calendar = Awaited<ReturnType<typeof loadCalendar>>;

export function statusOf(
  a: store.AssignmentRow,
  updates: store.UpdateRow[],
  year: number,
  cal: Calendar,
  today: string,
) {
  const dueDate = dueDateFor(a.schedule, year, cal);
  const progress = progressInYear(updates, a.schedule, year);
  const status = assignmentStatus({ dueDate, completedOn: progress.completedOn, today });
  return { dueDate, progress, status };
}

/** The day an assignment began: its plan's issue date, or its creation when earlier (an amendment is issued later). */
export function startedOn(a: store.AssignmentRow): string {
  const created = todayInVietnam(a.created_at);
  return a.plan_issued_date && a.plan_issued_date < created ? a.plan_issued_date : created;
}
