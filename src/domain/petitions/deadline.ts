// A petition's deadline on the working-day calendar: counted from the day it was received, stopped while the
// sender is asked for more information, extended once with a reason; tiers for the queue and reminders. Pure.
import type { CalendarConfig } from '../calendar/holidays.ts';
import { addDays } from '../calendar/lunar.ts';
import { addWorkingDays, workingDaysBetween } from '../calendar/working-days.ts';
import type { PetitionKind } from './model.ts';
import type { PetitionLevel, PetitionSettings } from './settings.ts';

/** The due date: N working days after the day of receipt (that day not counted), always a working day. */
export function dueDateFor(receivedOn: string, kind: PetitionKind, level: PetitionLevel, s: PetitionSettings, cal: CalendarConfig): string {
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

export function deadlineTier(p: { open: boolean; stopped: boolean; dueDate: string }, today: string, cal: CalendarConfig): DeadlineTier {
  if (!p.open) return 'closed';
  if (p.stopped) return 'stopped';
  const left = workingDaysBetween(today, p.dueDate, cal);
  if (left >= 0) return left <= DUE_SOON_WORKING_DAYS ? 'dueSoon' : 'onTrack';
  return -left > VERY_OVERDUE_WORKING_DAYS ? 'veryOverdue' : 'overdue';
}

/**
 * The due dates (and clock state) of open petitions in a tier today, for filtering in the database: the inverse of
 * `deadlineTier`. `from`/`to` inclusive.
 */
export function tierDueDates(tier: DeadlineTier, today: string, cal: CalendarConfig): { from?: string; to?: string; stopped: boolean } | null {
  const soon = addWorkingDays(today, DUE_SOON_WORKING_DAYS, cal);
  const veryBefore = addWorkingDays(today, -VERY_OVERDUE_WORKING_DAYS, cal);
  switch (tier) {
    case 'onTrack': return { from: addDays(soon, 1), stopped: false };
    case 'dueSoon': return { from: today, to: soon, stopped: false };
    case 'overdue': return { from: veryBefore, to: addDays(today, -1), stopped: false };
    case 'veryOverdue': return { to: addDays(veryBefore, -1), stopped: false };
    case 'stopped': return { stopped: true };
    case 'closed': return null;
  }
}

/** Whether a closed petition was answered in time (the day of the answer counts as in time). */
export function answeredOnTime(closedOn: string, dueDate: string): boolean {
  return closedOn <= dueDate;
}
