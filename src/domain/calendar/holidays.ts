// Public holidays (ngày nghỉ lễ, tết) of Việt Nam and the yearly arrangements around them. Pure.
//
// Legal basis
// - Bộ luật Lao động 2019 (45/2019/QH14), Điều 112 khoản 1: paid days off are Tết Dương lịch 1 day (01/01);
//   Tết Âm lịch 5 days; Ngày Chiến thắng 1 day (30/4); Ngày Quốc tế lao động 1 day (01/5); Quốc khánh 2 days
//   (02/9 and one adjacent day before or after); Giỗ Tổ Hùng Vương 1 day (10/3 âm lịch).
// - Điều 112 khoản 3: each year the Prime Minister decides the exact days of Tết Âm lịch and of the adjacent
//   Quốc khánh day. So both are per-year settings here, with a default that follows the usual pattern.
// - Điều 111 khoản 3: a holiday that falls on the weekly rest day is compensated on the next working day
//   ("nghỉ bù … vào ngày làm việc kế tiếp").
// - Each year the Ministry (Bộ Lao động - Thương binh và Xã hội until 2025, Bộ Nội vụ since) announces, for
//   cán bộ, công chức, viên chức, the Tết and holiday arrangement, often swapping a bridge day for a Saturday
//   (hoán đổi ngày làm việc, đi làm bù). Those announcements are per-year overrides entered by an administrator.
// - Weekly rest of state agencies is Saturday and Sunday (Quyết định 188/1999/QĐ-TTg, 40-hour week).
//
// Everything here is plain data in, plain data out, so the configuration can live in the database as JSON.

import {
  addDays,
  canChiOfYear,
  formatLunarDate,
  isoDate,
  lunarDayName,
  lunarMonthName,
  lunarToSolar,
  parseIsoDate,
  solarToLunar,
  tetOf,
  weekday,
} from './lunar.ts';
import { invalid } from '../errors.ts';
import { formatDateVi } from '../text.ts';

/** Which adjacent day goes with 02/9 (Điều 112 khoản 1 điểm đ). */
export type AdjacentDay = 'before' | 'after';

export interface DayOffEntry {
  /** YYYY-MM-DD */
  date: string;
  /** Vietnamese name shown to users: "Nghỉ hoán đổi (làm bù thứ Bảy 26/4)". */
  name: string;
}

export interface MakeUpWorkingDay {
  /** YYYY-MM-DD: a Saturday or Sunday that becomes a working day (đi làm bù). */
  date: string;
  /** Vietnamese reason, e.g. "Làm bù cho ngày 02/5/2025". */
  name: string;
}

/** What the government announced for one year, on top of the statutory rules. */
export interface YearOverride {
  /**
   * Tết Âm lịch: how many of the 5 days fall before mùng 1 (the rest from mùng 1 on). Default from CalendarConfig.
   * Example: 2 for 2024 (29 and 30 tháng Chạp off, then mùng 1–3).
   */
  tetDaysBeforeNewYear?: number;
  /** Adjacent Quốc khánh day for the year, when announced. */
  nationalDayAdjacent?: AdjacentDay;
  /** Extra days off (hoán đổi, or a one-off day off decided by the Prime Minister). */
  addDaysOff?: DayOffEntry[];
  /** Dates that are not days off after all (e.g. a compensatory day the announcement moved elsewhere). */
  removeDaysOff?: string[];
  /** Weekend days worked to pay for a bridge day (đi làm bù). */
  makeUpWorkingDays?: MakeUpWorkingDay[];
  /** Where the arrangement comes from: "Thông báo số …/TB-BNV ngày …". */
  source?: string;
}

/** A fixed solar-date day off added by a later law or resolution (kept as data, not code). */
export interface AnnualHoliday {
  month: number;
  day: number;
  name: string;
  /** First year it applies. */
  fromYear?: number;
  /** Last year it applies. */
  toYear?: number;
}

export interface CalendarConfig {
  /** Default number of Tết days before mùng 1 (1 = the last day of the old year, then mùng 1–4). */
  tetDaysBeforeNewYear: number;
  /**
   * Adjacent Quốc khánh day by the weekday of 02/9 (index 0 = Sunday … 6 = Saturday), used when a year has no
   * announcement. Default: the side that joins 02/9 to a weekend, as announced in 2021–2025.
   */
  nationalDayAdjacentByWeekday: readonly [
    AdjacentDay,
    AdjacentDay,
    AdjacentDay,
    AdjacentDay,
    AdjacentDay,
    AdjacentDay,
    AdjacentDay,
  ];
  /** Compensate holidays that fall on Saturday or Sunday (Điều 111 khoản 3). */
  compensateWeekendHolidays: boolean;
  /** Fixed days off beyond Điều 112 (for a future amendment); they are compensated like the statutory ones. */
  additionalAnnualHolidays: AnnualHoliday[];
  /** Announced arrangements, keyed by solar year ("2026"). */
  years: Record<string, YearOverride>;
}

export const DEFAULT_CALENDAR_CONFIG: CalendarConfig = {
  tetDaysBeforeNewYear: 1,
  // Sun → 3/9 (Mon, 2/9 itself is then compensated on Tue); Mon → 3/9 (2024); Tue → 1/9 (2025);
  // Wed → 1/9 (no precedent since the 2-day rule took effect in 2021: a guess, set the year when announced);
  // Thu → 3/9 (2021); Fri → 1/9 (2022); Sat → 1/9 (2023, with 2/9 compensated on Mon 4/9).
  nationalDayAdjacentByWeekday: ['after', 'after', 'before', 'before', 'after', 'before', 'before'],
  compensateWeekendHolidays: true,
  additionalAnnualHolidays: [],
  years: {},
};

export type HolidayKind =
  | 'newYear'
  | 'lunarNewYear'
  | 'hungKings'
  | 'victoryDay'
  | 'labourDay'
  | 'nationalDay'
  | 'annual'
  | 'compensatory'
  | 'announced';

export interface Holiday {
  /** YYYY-MM-DD */
  date: string;
  kind: HolidayKind;
  /** Vietnamese name: "Tết Nguyên đán", "Nghỉ bù Giỗ Tổ Hùng Vương". */
  name: string;
  /** Vietnamese detail: "mùng 1 Tết Bính Ngọ", "mùng 10 tháng Ba năm Bính Ngọ", "ngày liền kề sau Quốc khánh". */
  detail?: string;
}

const TET_DAYS = 5; // Điều 112 khoản 1 điểm b

function tetDaysBefore(year: number, config: CalendarConfig): number {
  const n = config.years[String(year)]?.tetDaysBeforeNewYear ?? config.tetDaysBeforeNewYear;
  if (!Number.isInteger(n) || n < 0 || n > TET_DAYS) {
    throw invalid('invalid_calendar_config', `Số ngày nghỉ Tết trước mùng 1 phải từ 0 đến ${TET_DAYS} (năm ${year}).`);
  }
  return n;
}

function nationalDayAdjacent(year: number, config: CalendarConfig): AdjacentDay {
  return (
    config.years[String(year)]?.nationalDayAdjacent ??
    config.nationalDayAdjacentByWeekday[weekday(isoDate(year, 9, 2))]!
  );
}

function tetDays(year: number, config: CalendarConfig): Holiday[] {
  const newYear = tetOf(year);
  const before = tetDaysBefore(year, config);
  const days: Holiday[] = [];
  for (let i = -before; i < TET_DAYS - before; i++) {
    const date = addDays(newYear, i);
    const l = solarToLunar(date);
    // "mùng 1 Tết Bính Ngọ" is how people say it; the old year's days keep their month: "29 tháng Chạp".
    const detail =
      l.year === year
        ? `${lunarDayName(l.day)} Tết ${canChiOfYear(l.year)}`
        : `${l.day} ${lunarMonthName(l.month, l.leap)} năm ${canChiOfYear(l.year)}`;
    days.push({ date, kind: 'lunarNewYear', name: 'Tết Nguyên đán', detail });
  }
  return days;
}

/** The statutory days of Điều 112 khoản 1 (plus configured annual additions), before compensation and overrides. */
export function statutoryHolidaysOf(year: number, config: CalendarConfig = DEFAULT_CALENDAR_CONFIG): Holiday[] {
  const hungKings = lunarToSolar({ year, month: 3, day: 10, leap: false });
  const adjacent = nationalDayAdjacent(year, config);
  const days: Holiday[] = [
    { date: isoDate(year, 1, 1), kind: 'newYear', name: 'Tết Dương lịch' },
    ...tetDays(year, config),
    { date: hungKings, kind: 'hungKings', name: 'Giỗ Tổ Hùng Vương', detail: formatLunarDate(solarToLunar(hungKings)) },
    { date: isoDate(year, 4, 30), kind: 'victoryDay', name: 'Ngày Chiến thắng' },
    { date: isoDate(year, 5, 1), kind: 'labourDay', name: 'Ngày Quốc tế Lao động' },
    { date: isoDate(year, 9, 2), kind: 'nationalDay', name: 'Quốc khánh' },
    {
      date: isoDate(year, 9, adjacent === 'before' ? 1 : 3),
      kind: 'nationalDay',
      name: 'Quốc khánh',
      detail: adjacent === 'before' ? 'ngày liền kề trước Quốc khánh' : 'ngày liền kề sau Quốc khánh',
    },
  ];
  for (const a of config.additionalAnnualHolidays) {
    if ((a.fromYear !== undefined && year < a.fromYear) || (a.toYear !== undefined && year > a.toYear)) continue;
    days.push({ date: isoDate(year, a.month, a.day), kind: 'annual', name: a.name });
  }
  return days.sort(byDate);
}

const byDate = (a: { date: string }, b: { date: string }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

export const isWeekend = (date: string): boolean => {
  const d = weekday(date);
  return d === 0 || d === 6;
};

/**
 * All days off of a solar year other than ordinary weekends: the statutory holidays, the compensatory days
 * (nghỉ bù), then the year's announced changes. Sorted by date, one entry per date.
 */
export function holidaysOf(year: number, config: CalendarConfig = DEFAULT_CALENDAR_CONFIG): Holiday[] {
  const statutory = statutoryHolidaysOf(year, config);
  const taken = new Set(statutory.map((h) => h.date));
  const result: Holiday[] = [...statutory];
  if (config.compensateWeekendHolidays) {
    // Điều 111 khoản 3: each holiday on a weekend earns the next working day that is not already a day off.
    // Going in date order makes a run of them (Tết, or 30/4 + 01/5 on a weekend) land on consecutive days.
    for (const h of statutory) {
      if (!isWeekend(h.date)) continue;
      let d = addDays(h.date, 1);
      while (isWeekend(d) || taken.has(d)) d = addDays(d, 1);
      taken.add(d);
      result.push({
        date: d,
        kind: 'compensatory',
        name: `Nghỉ bù ${h.name}`,
        detail: `bù cho ngày ${formatDateVi(h.date)}`,
      });
    }
  }
  const override = config.years[String(year)];
  const removed = new Set(override?.removeDaysOff ?? []);
  for (const d of removed) parseIsoDate(d);
  const byDay = new Map<string, Holiday>();
  for (const h of result.sort(byDate)) if (!removed.has(h.date) && !byDay.has(h.date)) byDay.set(h.date, h);
  for (const a of override?.addDaysOff ?? []) {
    parseIsoDate(a.date);
    if (!byDay.has(a.date)) byDay.set(a.date, { date: a.date, kind: 'announced', name: a.name });
  }
  return [...byDay.values()].sort(byDate);
}

/** Weekend days that are working days in `year` (đi làm bù), from the year's announcement. */
export function makeUpWorkingDaysOf(
  year: number,
  config: CalendarConfig = DEFAULT_CALENDAR_CONFIG,
): MakeUpWorkingDay[] {
  const days = config.years[String(year)]?.makeUpWorkingDays ?? [];
  for (const d of days) parseIsoDate(d.date);
  return [...days].sort(byDate);
}
