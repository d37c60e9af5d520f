// Who does each task, by when, and where they stand: assignments from a task's units, due dates in a yearly
// reporting period, the four states of government task tracking. Pure.
//
// Due dates (KH 129/KH-UBND §IV.1, ward plan §IV.1: units report "định kỳ trước ngày 15 tháng 12 hằng năm"):
// - a task with a dated deadline ("Trước ngày 30/6/2026", "Quý II/2026", "Năm 2026") is due on that date; in a
//   year before it, the next deadline; in a later year, its last deadline (an unfinished task stays overdue);
// - a yearly recurrence with a due day ("Trước ngày 30/6 hằng năm") is due on that day each year it runs;
// - "Thường xuyên", open periods ("Năm 2026 và các năm tiếp theo") and recurrences without a due day ("Hàng năm")
//   are followed through the reporting periods: they are due on the period's reporting due date (14/12, the
//   last day "before 15/12", on a working day).
// Every due date is a "trước ngày …" deadline: when it falls on a day off it moves to the previous working day.
// A schedule does not record whether its date was written "trước ngày 30/6" or "chậm nhất ngày 30/6", so a task's
// own date is taken as its last day on time (the reporting due date alone is read strictly, as period.ts does).

import type { CalendarConfig } from '../calendar/holidays.ts';
import { isoDate, daysInMonth } from '../calendar/lunar.ts';
import { adjustToWorkingDay } from '../calendar/working-days.ts';
import type { Schedule, Task, UnitRef } from '../plan/model.ts';
import { deadlinesInYear } from '../plan/timeframe.ts';
import {
  AI_PLAN_YEARLY_SCHEDULE,
  periodByKey,
  periodFor,
  regimeDueDate,
  type ReportingPeriod,
  type ReportingSchedule,
} from '../reporting/period.ts';
import type { AssignmentRole, TaskStatus } from './model.ts';

// ---------------------------------------------------------------------------------------------------------------
// Assignments

export interface AssignmentPair {
  unitId: number;
  role: AssignmentRole;
}

function resolvedIds(refs: readonly UnitRef[] | null | undefined): number[] {
  return (refs ?? []).filter((r) => !r.group && r.unitId !== null && Number.isInteger(r.unitId)).map((r) => r.unitId!);
}

/**
 * One pair per unit a task names and the register resolved: leads first, then coordinators. Groups ("Các sở, ban,
 * ngành tỉnh", "UBND các xã, phường") and unresolved names give no assignment. A unit named both as lead and as
 * coordinator is the lead; a unit named twice appears once.
 */
export function assignmentsForTask(task: Pick<Task, 'lead' | 'coordinators'>): AssignmentPair[] {
  const out: AssignmentPair[] = [];
  const seen = new Set<number>();
  for (const [refs, role] of [
    [task.lead, 'lead'],
    [task.coordinators, 'coordinator'],
  ] as const) {
    for (const unitId of resolvedIds(refs)) {
      if (seen.has(unitId)) continue;
      seen.add(unitId);
      out.push({ unitId, role });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Due dates

/**
 * A task that comes back every period (its obligation renews each year): "Thường xuyên", a recurrence, an open
 * period ("Năm 2026 và các năm tiếp theo"), a period repeated yearly ("2026 - 2030 hằng năm"). An unreadable
 * timeframe is followed through the reporting periods too.
 */
export function isRepeating(s: Schedule | null): boolean {
  if (!s) return true;
  if (s.kind === 'continuous' || s.kind === 'recurring') return true;
  if (s.kind === 'period') return s.end === null || s.recurrence !== null;
  return false;
}

const yearOf = (iso: string | null): number | null => (iso ? Number(iso.slice(0, 4)) : null);

/** The yearly reporting period "Năm {year}" of a reporting schedule (data window 15/12 of year-1 → 14/12). */
export function reportingPeriodOf(
  year: number,
  reporting: ReportingSchedule = AI_PLAN_YEARLY_SCHEDULE,
): ReportingPeriod {
  return periodByKey(String(year), reporting);
}

/** The reporting due date of the yearly period: "trước ngày 15/12" → 14/12, or the working day before it. */
export function reportingDueDate(
  year: number,
  calendar: CalendarConfig,
  reporting: ReportingSchedule = AI_PLAN_YEARLY_SCHEDULE,
): string {
  return regimeDueDate(reportingPeriodOf(year, reporting), reporting, calendar);
}

/** Is a repeating task running in that year (started, not ended)? */
function runsIn(s: Schedule | null, year: number): boolean {
  if (!s) return true;
  const start = yearOf(s.start);
  const end = yearOf(s.end);
  return (start === null || start <= year) && (end === null || end >= year);
}

/** All the dated deadlines of a one-off schedule, sorted. */
function allDeadlines(s: Schedule): string[] {
  const dates = new Set<string>(s.dueDates);
  if (s.end) dates.add(s.end);
  return [...dates].sort();
}

/**
 * The assignment's due date in the yearly period `periodYear` (YYYY-MM-DD, on a working day), or null when the
 * task asks nothing in that year (a recurrence not started yet or already over; a period that starts later).
 */
export function dueDateFor(
  schedule: Schedule | null,
  periodYear: number,
  calendar: CalendarConfig,
  reporting: ReportingSchedule = AI_PLAN_YEARLY_SCHEDULE,
): string | null {
  const onWorkingDay = (d: string) => adjustToWorkingDay(d, 'before', calendar);
  if (isRepeating(schedule)) {
    if (!runsIn(schedule, periodYear)) return null;
    const due = schedule?.dueDay;
    if (due && (schedule!.recurrence === 'yearly' || schedule!.recurrence === null)) {
      const day = isoDate(periodYear, due.month, Math.min(due.day, daysInMonth(periodYear, due.month)));
      return onWorkingDay(day);
    }
    return reportingDueDate(periodYear, calendar, reporting);
  }
  const s = schedule!;
  const start = yearOf(s.start);
  if (start !== null && start > periodYear) return null;
  const inYear = deadlinesInYear(s, periodYear);
  if (inYear.length) return onWorkingDay(inYear[inYear.length - 1]!);
  const all = allDeadlines(s);
  if (!all.length) return reportingDueDate(periodYear, calendar, reporting);
  const next = all.find((d) => yearOf(d)! > periodYear);
  return onWorkingDay(next ?? all[all.length - 1]!);
}

// ---------------------------------------------------------------------------------------------------------------
// Status

/**
 * The four states, from dates only:
 * - done on or before the due date → doneOnTime; after it → doneLate;
 * - not done, today on or before the due date → inProgress; after it → overdue.
 * Without a due date (nothing asked in the period) a task is in progress until done.
 */
export function assignmentStatus(input: {
  dueDate: string | null;
  completedOn: string | null;
  today: string;
}): TaskStatus {
  const { dueDate, completedOn, today } = input;
  if (completedOn) return dueDate === null || completedOn <= dueDate ? 'doneOnTime' : 'doneLate';
  return dueDate === null || today <= dueDate ? 'inProgress' : 'overdue';
}

/** What a progress update contributes to the status. */
export interface UpdateFact {
  /** YYYY-MM-DD */
  occurredOn: string;
  percent: number;
  completed: boolean;
}

export interface Progress {
  percent: number;
  /** The day the work was reported done (the first of the last run of "completed" updates), or null. */
  completedOn: string | null;
  /** Day of the last update considered, or null. */
  lastOn: string | null;
}

/** Walks updates in date order: the last one gives the percent; a "not completed" update reopens the work. */
export function progressOf(updates: readonly UpdateFact[]): Progress {
  const sorted = [...updates].sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : 0));
  let completedOn: string | null = null;
  for (const u of sorted) completedOn = u.completed ? (completedOn ?? u.occurredOn) : null;
  const last = sorted[sorted.length - 1];
  return { percent: last?.percent ?? 0, completedOn, lastOn: last?.occurredOn ?? null };
}

/**
 * Progress that counts for the yearly period `year`: for a repeating task, the updates inside the period's data
 * window (15/12 of year-1 → 14/12), so each year starts again at 0 %; for a one-off task, every update up to the
 * window's end. Updates must keep their input order for equal dates (pass them in the order they were made).
 */
export function progressInYear(
  updates: readonly UpdateFact[],
  schedule: Schedule | null,
  year: number,
  reporting: ReportingSchedule = AI_PLAN_YEARLY_SCHEDULE,
): Progress {
  const { from, to } = reportingPeriodOf(year, reporting).dataWindow;
  const repeating = isRepeating(schedule);
  return progressOf(updates.filter((u) => u.occurredOn <= to && (!repeating || u.occurredOn >= from)));
}

/**
 * Should the assignment appear in the work list of `year`? Not before the period in which it began (`since`: the
 * day the plan was issued), not when its task asks nothing that year, nor for a one-off task finished before the
 * period began.
 */
export function concernsYear(
  input: {
    dueDate: string | null;
    schedule: Schedule | null;
    completedOn: string | null;
    year: number;
    since?: string | null;
  },
  reporting: ReportingSchedule = AI_PLAN_YEARLY_SCHEDULE,
): boolean {
  const { dueDate, schedule, completedOn, year, since } = input;
  if (dueDate === null) return false;
  if (since && periodFor(since, reporting).year > year) return false;
  if (isRepeating(schedule)) return true;
  const { from } = reportingPeriodOf(year, reporting).dataWindow;
  return !(completedOn !== null && completedOn < from);
}

/** Today in Việt Nam (UTC+7), YYYY-MM-DD: deadlines are computed in Asia/Ho_Chi_Minh. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
