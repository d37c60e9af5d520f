// The working-day calendar: what a year's days off are (for everyone), and the administrators' adjustments
// (the yearly announcements of Tết and holiday arrangements: hoán đổi, làm bù), stored in calendar_config (id 1).
import { invalid } from '../../domain/errors.ts';
import {
  DEFAULT_CALENDAR_CONFIG,
  holidaysOf,
  isWeekend,
  makeUpWorkingDaysOf,
  type CalendarConfig,
} from '../../domain/calendar/holidays.ts';
import { addDays, daysInMonth, parseIsoDate, weekday } from '../../domain/calendar/lunar.ts';
import { isWorkingDay, workingDaysBetween } from '../../domain/calendar/working-days.ts';
import { recordAudit } from '../audit/index.ts';
import { authorize, requireActor, type Ctx } from '../context.ts';
import { getCalendarOverrides, loadCalendar, saveCalendarOverrides } from './store.ts';

const WEEKDAY = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

async function storedOverrides(ctx: Ctx): Promise<Partial<CalendarConfig>> {
  return (await getCalendarOverrides(ctx.db)) ?? {};
}

/** The days off of a year with their Vietnamese names: holidays, compensatory days, announced days, make-up days. */
export async function calendarOfYear(ctx: Ctx, year: number) {
  requireActor(ctx);
  const cal = await loadCalendar(ctx.db);
  const daysOff = holidaysOf(year, cal).map((h) => ({ ...h, weekday: WEEKDAY[weekday(h.date)]! }));
  const makeUp = makeUpWorkingDaysOf(year, cal).map((d) => ({ ...d, weekday: WEEKDAY[weekday(d.date)]! }));
  const override = cal.years[String(year)] ?? null;
  return {
    year,
    holidays: daysOff.filter((h) => h.kind !== 'compensatory' && h.kind !== 'announced'),
    compensatoryDays: daysOff.filter((h) => h.kind === 'compensatory'),
    announcedDaysOff: daysOff.filter((h) => h.kind === 'announced'),
    makeUpWorkingDays: makeUp,
    workingDays: workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`, cal),
    source: override?.source ?? null,
    overrides: await storedOverrides(ctx),
  };
}

const issue = (path: string, message: string) =>
  invalid('calendar.invalid', `Cấu hình lịch không hợp lệ: ${message}`, [{ path, message }]);

function checkDateIn(date: string, year: number, path: string): void {
  try {
    parseIsoDate(date);
  } catch {
    throw issue(path, `ngày "${date}" không có thật.`);
  }
  if (Number(date.slice(0, 4)) !== year) throw issue(path, `ngày ${date} không thuộc năm ${year}.`);
}

/** Checks what the schema cannot: dates that exist and belong to their year, make-up days on weekends, ranges. */
export function validateCalendarOverrides(c: Partial<CalendarConfig>): void {
  for (const [i, a] of (c.additionalAnnualHolidays ?? []).entries()) {
    if (a.day > daysInMonth(2025, a.month))
      throw issue(`additionalAnnualHolidays.${i}.day`, `ngày ${a.day}/${a.month} không có trong mọi năm.`);
    if (a.fromYear !== undefined && a.toYear !== undefined && a.fromYear > a.toYear)
      throw issue(`additionalAnnualHolidays.${i}`, 'năm bắt đầu sau năm kết thúc.');
  }
  for (const [key, y] of Object.entries(c.years ?? {})) {
    const year = Number(key);
    const base = `years.${key}`;
    for (const [i, d] of (y.addDaysOff ?? []).entries()) checkDateIn(d.date, year, `${base}.addDaysOff.${i}.date`);
    for (const [i, d] of (y.removeDaysOff ?? []).entries()) checkDateIn(d, year, `${base}.removeDaysOff.${i}`);
    for (const [i, d] of (y.makeUpWorkingDays ?? []).entries()) {
      checkDateIn(d.date, year, `${base}.makeUpWorkingDays.${i}.date`);
      if (!isWeekend(d.date))
        throw issue(`${base}.makeUpWorkingDays.${i}.date`, `ngày làm bù ${d.date} phải là thứ Bảy hoặc Chủ nhật.`);
    }
    const off = new Set((y.addDaysOff ?? []).map((d) => d.date));
    const both = (y.makeUpWorkingDays ?? []).find((d) => off.has(d.date));
    if (both) throw issue(`${base}.makeUpWorkingDays`, `ngày ${both.date} vừa là ngày nghỉ vừa là ngày làm bù.`);
  }
  // The whole configuration must give a calendar for the years it names and the years around today.
  const merged: CalendarConfig = { ...DEFAULT_CALENDAR_CONFIG, ...c };
  const years = new Set([
    ...Object.keys(c.years ?? {}).map(Number),
    new Date().getUTCFullYear() - 1,
    new Date().getUTCFullYear(),
    new Date().getUTCFullYear() + 1,
  ]);
  for (const year of years) {
    holidaysOf(year, merged);
    makeUpWorkingDaysOf(year, merged);
    // Deadlines move to the nearest working day, searched at most 31 days away (working-days.ts).
    let run = 0;
    for (let day = `${year}-01-01`; day <= `${year}-12-31`; day = addDays(day, 1)) {
      run = isWorkingDay(day, merged) ? 0 : run + 1;
      if (run > 25) throw issue(`years.${year}`, `năm ${year} có hơn 25 ngày nghỉ liên tiếp (đến ngày ${day}).`);
    }
  }
}

/** Replaces the administrators' adjustments (system administrators only: the calendar belongs to no unit). */
export async function setCalendarOverrides(ctx: Ctx, overrides: Partial<CalendarConfig>) {
  requireActor(ctx);
  // A record of no unit: the one rule lets only a system administrator act on it.
  authorize(ctx, 'manageUnits', { unitPath: [] });
  validateCalendarOverrides(overrides);
  return ctx.db.transaction().execute(async (tx) => {
    const before = await getCalendarOverrides(tx);
    await saveCalendarOverrides(tx, overrides);
    await recordAudit(tx, ctx, {
      action: 'calendar.update',
      entityType: 'calendar_config',
      entityId: 1,
      unitId: null,
      before: { config: (before as Record<string, unknown> | undefined) ?? null },
      after: { config: overrides as Record<string, unknown> },
    });
    return { overrides };
  });
}
