// Working days (ngày làm việc) and deadlines counted in them. Pure.
//
// A day is a working day unless it is a Saturday or Sunday (weekly rest of state agencies, Quyết định
// 188/1999/QĐ-TTg) or a day off of holidays.ts — except a weekend day announced as a make-up working day.
//
// Counting follows Bộ luật Dân sự 2015:
// - Điều 147 khoản 2: when a period is counted in days, the first day is not counted; counting starts the next
//   day. So "10 working days from 10/02" is the 10th working day after 10/02.
// - Điều 148 khoản 5: when the last day of a period falls on a weekend or holiday, the period ends at the end of
//   the next working day. That is the default for periods in calendar days.
// Reporting deadlines written "trước ngày …" are the exception: a report due before a date that is a day off
// must arrive on the previous working day, or it would no longer be "before". Callers choose with `DayOffShift`.
//
// `cal` is plain data and is treated as immutable: the per-year index is cached per config object.

import { addDays, parseIsoDate, toJulianDay } from './lunar.ts';
import { holidaysOf, isWeekend, makeUpWorkingDaysOf, type CalendarConfig, type Holiday } from './holidays.ts';
import { invalid } from '../errors.ts';

/** What to do with a computed date that is a day off: move to the previous / next working day, or keep it. */
export type DayOffShift = 'before' | 'after' | 'none';

export type DayStatus =
  | { date: string; working: true; reason: 'weekday' | 'makeUpDay'; name?: string }
  | { date: string; working: false; reason: 'weekend' }
  | { date: string; working: false; reason: 'holiday'; holiday: Holiday };

interface YearIndex {
  daysOff: Map<string, Holiday>;
  makeUp: Map<string, string>;
}

const cache = new WeakMap<CalendarConfig, Map<number, YearIndex>>();

function yearIndex(year: number, cal: CalendarConfig): YearIndex {
  let byYear = cache.get(cal);
  if (!byYear) cache.set(cal, (byYear = new Map()));
  let idx = byYear.get(year);
  if (!idx) {
    idx = {
      daysOff: new Map(holidaysOf(year, cal).map((h) => [h.date, h])),
      makeUp: new Map(makeUpWorkingDaysOf(year, cal).map((d) => [d.date, d.name])),
    };
    byYear.set(year, idx);
  }
  return idx;
}

/** Why a date is or is not a working day. */
export function dayStatus(date: string, cal: CalendarConfig): DayStatus {
  const idx = yearIndex(parseIsoDate(date).year, cal);
  const makeUp = idx.makeUp.get(date);
  // An announced make-up day wins over everything: it is the point of the announcement.
  if (makeUp !== undefined) return { date, working: true, reason: 'makeUpDay', name: makeUp };
  const holiday = idx.daysOff.get(date);
  if (holiday) return { date, working: false, reason: 'holiday', holiday };
  if (isWeekend(date)) return { date, working: false, reason: 'weekend' };
  return { date, working: true, reason: 'weekday' };
}

export function isWorkingDay(date: string, cal: CalendarConfig): boolean {
  return dayStatus(date, cal).working;
}

// No real calendar has a month of consecutive days off; a longer run means a broken configuration.
const MAX_DAYS_OFF_IN_A_ROW = 31;

function step(date: string, direction: 1 | -1, cal: CalendarConfig): string {
  let d = date;
  for (let i = 0; i < MAX_DAYS_OFF_IN_A_ROW; i++) {
    d = addDays(d, direction);
    if (isWorkingDay(d, cal)) return d;
  }
  throw invalid(
    'invalid_calendar_config',
    `Không tìm thấy ngày làm việc nào trong ${MAX_DAYS_OFF_IN_A_ROW} ngày quanh ngày ${date}.`,
  );
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: string, cal: CalendarConfig): string {
  return step(date, 1, cal);
}

/** The last working day strictly before `date`. */
export function previousWorkingDay(date: string, cal: CalendarConfig): string {
  return step(date, -1, cal);
}

/** `date` itself when it is a working day; otherwise the previous or next one, or unchanged with 'none'. */
export function adjustToWorkingDay(date: string, shift: DayOffShift, cal: CalendarConfig): string {
  if (shift === 'none' || isWorkingDay(date, cal)) return date;
  return shift === 'before' ? previousWorkingDay(date, cal) : nextWorkingDay(date, cal);
}

/**
 * The n-th working day after `date` (n > 0) or before it (n < 0); `date` itself for n = 0.
 * The start day is never counted (Bộ luật Dân sự 2015, Điều 147 khoản 2), so a request received on a
 * Saturday with 3 working days is due on Wednesday.
 */
export function addWorkingDays(date: string, n: number, cal: CalendarConfig): string {
  if (!Number.isInteger(n)) throw invalid('invalid_day_count', 'Số ngày làm việc phải là số nguyên.');
  let d = date;
  parseIsoDate(d);
  for (let i = 0; i < Math.abs(n); i++) d = step(d, n > 0 ? 1 : -1, cal);
  return d;
}

/**
 * Working days in the half-open interval (a, b]: the inverse of addWorkingDays, so
 * workingDaysBetween(a, addWorkingDays(a, n)) === n. Negative when b is before a.
 */
export function workingDaysBetween(a: string, b: string, cal: CalendarConfig): number {
  const ja = toJulianDay(a);
  const jb = toJulianDay(b);
  if (jb < ja) return -workingDaysBetween(b, a, cal);
  let count = 0;
  let d = a;
  for (let j = ja; j < jb; j++) {
    d = addDays(d, 1);
    if (isWorkingDay(d, cal)) count++;
  }
  return count;
}

export type DeadlineRule =
  /** "trong thời hạn N ngày làm việc kể từ ngày …" */
  | { kind: 'workingDays'; from: string; days: number }
  /** "trong thời hạn N ngày kể từ ngày …"; onDayOff defaults to 'after' (Bộ luật Dân sự 2015, Điều 148 khoản 5). */
  | { kind: 'calendarDays'; from: string; days: number; onDayOff?: DayOffShift };

/** Last day of a period counted from `from` (the start day not counted). */
export function deadline(rule: DeadlineRule, cal: CalendarConfig): string {
  if (!Number.isInteger(rule.days) || rule.days < 0) {
    throw invalid('invalid_day_count', 'Số ngày của thời hạn phải là số nguyên không âm.');
  }
  if (rule.kind === 'workingDays') return addWorkingDays(rule.from, rule.days, cal);
  return adjustToWorkingDay(addDays(rule.from, rule.days), rule.onDayOff ?? 'after', cal);
}
