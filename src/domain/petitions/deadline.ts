// A petition's deadline on the working-day calendar: counted from the day it was received, stopped while the
// sender is asked for more information, extended once with a reason; tiers for the queue and reminders. Pure.
import type { CalendarConfig } from '../calendar/holidays.ts';
import { addDays } from '../calendar/lunar.ts';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from '../calendar/working-days.ts';
import type { PetitionKind } from './model.ts';
import type { PetitionLevel, PetitionSettings } from './settings.ts';

/** The due date: N working days after the day of receipt (that day not counted), always a working day. */
export function dueDateFor(
  receivedOn: string,
  kind: PetitionKind,
  level: PetitionLevel,
  s: PetitionSettings,
  cal: CalendarConfig,
): string {
  return addWorkingDays(receivedOn, s.processingDays[level][kind], cal);
}

/** The clock restarts: the due date moves by the working days it stood still. */
export function dueDateAfterPause(dueDate: string, stoppedOn: string, resumedOn: string, cal: CalendarConfig): string {
  const stood = Math.max(0, workingDaysBetween(stoppedOn, resumedOn, cal));
  return stood ? addWorkingDays(dueDate, stood, cal) : dueDate;
}

export function extendedDueDate(dueDate: string, s: PetitionSettings, cal: CalendarConfig): string {
  return addWorkingDays(dueDate, s.extensionDays, cal);
}

export const DEADLINE_TIER_LABEL = {
  onTrack: 'Trong hạn',
  dueSoon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
  veryOverdue: 'Quá hạn nghiêm trọng',
  stopped: 'Tạm dừng tính hạn',
  closed: 'Đã kết thúc',
} as const;
export type DeadlineTier = keyof typeof DEADLINE_TIER_LABEL;

/** Working days left at which a petition is "due soon", and past due at which it is "very overdue". */
export const DUE_SOON_WORKING_DAYS = 3;
export const VERY_OVERDUE_WORKING_DAYS = 10;

/**
 * Where the tiers change around `today`, found by walking the calendar once (a list computes them once for all its
 * petitions). Working days left = working days in (today, due]; past due, minus those in (due, today].
 */
export interface TierBounds {
  /** The last due date with at most DUE_SOON_WORKING_DAYS working days left. */
  soonLast: string;
  /** The earliest due date before today with no working day between it and today (still "due soon"). */
  sameDayFirst: string;
  /** The last due date more than VERY_OVERDUE_WORKING_DAYS working days past. */
  veryLast: string;
}

export function tierBounds(today: string, cal: CalendarConfig): TierBounds {
  let soonLast = today;
  for (let left = 0; ; ) {
    const next = addDays(soonLast, 1);
    const l = left + (isWorkingDay(next, cal) ? 1 : 0);
    if (l > DUE_SOON_WORKING_DAYS) break;
    left = l;
    soonLast = next;
  }
  let sameDayFirst = today;
  let day = today;
  for (let past = 0; ; ) {
    past += isWorkingDay(day, cal) ? 1 : 0;
    day = addDays(day, -1);
    if (past === 0) sameDayFirst = day;
    if (past > VERY_OVERDUE_WORKING_DAYS) return { soonLast, sameDayFirst, veryLast: day };
  }
}

export function tierOf(p: { open: boolean; stopped: boolean; dueDate: string }, b: TierBounds): DeadlineTier {
  if (!p.open) return 'closed';
  if (p.stopped) return 'stopped';
  if (p.dueDate > b.soonLast) return 'onTrack';
  if (p.dueDate >= b.sameDayFirst) return 'dueSoon';
  return p.dueDate <= b.veryLast ? 'veryOverdue' : 'overdue';
}

export function deadlineTier(
  p: { open: boolean; stopped: boolean; dueDate: string },
  today: string,
  cal: CalendarConfig,
): DeadlineTier {
  return tierOf(p, tierBounds(today, cal));
}

/** The due dates (and clock state) of open petitions in a tier, for filtering in the database; inclusive bounds. */
export function tierDueDates(
  tier: DeadlineTier,
  today: string,
  cal: CalendarConfig,
): { from?: string; to?: string; stopped: boolean } | null {
  const b = tierBounds(today, cal);
  switch (tier) {
    case 'onTrack':
      return { from: addDays(b.soonLast, 1), stopped: false };
    case 'dueSoon':
      return { from: b.sameDayFirst, to: b.soonLast, stopped: false };
    case 'overdue':
      return { from: addDays(b.veryLast, 1), to: addDays(b.sameDayFirst, -1), stopped: false };
    case 'veryOverdue':
      return { to: b.veryLast, stopped: false };
    case 'stopped':
      return { stopped: true };
    case 'closed':
      return null;
  }
}

/** Whether a closed petition was answered in time (the day of the answer counts as in time). */
export function answeredOnTime(closedOn: string, dueDate: string): boolean {
  return closedOn <= dueDate;
}
