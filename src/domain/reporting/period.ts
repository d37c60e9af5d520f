// Reporting periods (kỳ báo cáo) of a periodic reporting regime: their data windows and due dates. Pure.
//
// Data windows (thời gian chốt số liệu) follow Nghị định 09/2019/NĐ-CP, Điều 12, as copied by ministries and
// provinces (TT 09/2019/TT-NHNN; Khánh Hòa QĐ 01/2023/QĐ-UBND Điều 4) [S: secondary copies, the decree's own
// text was not read]: a period ends on the 14th of its last month and starts the day after the previous one
// ended, i.e. on the 15th of the month before its first month.
//   yearly      15/12 (N-1) → 14/12 (N)          key "2026"
//   half-yearly 15/12 (N-1) → 14/06; 15/06 → 14/12   "2026-H1", "2026-H2"
//   quarterly   15/12 (N-1) → 14/03; … 15/09 → 14/12   "2026-Q1" … "2026-Q4"
//   monthly     15th of the previous month → 14th     "2026-M01" … "2026-M12"
// The cut-off day is configurable (`cutoffDay`), and 'endOfMonth' gives calendar periods (01/01 → 31/12) for
// regimes that count that way.
//
// Due dates (thời hạn gửi báo cáo) are set by each regime, so they are data: a day of a month relative to the
// period's last month (15/12 for the AI plan, "ngày 20 tháng cuối kỳ" [U]), or N working / calendar days after
// the cut-off (Khánh Hòa: 2 working days [S]). A regime that is compiled level by level gives each lower tier an
// earlier due date, N working days before the tier above it, so each level has time to compile (the reason the
// Ministry staggers 25/11 for units and 27/11 for aggregators in TT 02/2023/TT-BTTTT [S]).

import { addDays, daysInMonth, isoDate, parseIsoDate, toJulianDay } from '../calendar/lunar.ts';
import type { CalendarConfig } from '../calendar/holidays.ts';
import { addWorkingDays, adjustToWorkingDay, type DayOffShift } from '../calendar/working-days.ts';
import { invalid } from '../errors.ts';
import { UNIT_KIND_LABEL, type UnitKind } from '../org/unit.ts';

export const FREQUENCIES = ['yearly', 'halfYearly', 'quarterly', 'monthly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const FREQUENCY_LABEL: Record<Frequency, string> = {
  yearly: 'Hằng năm',
  halfYearly: '6 tháng',
  quarterly: 'Hằng quý',
  monthly: 'Hằng tháng',
};

const MONTHS_PER_PERIOD: Record<Frequency, number> = { yearly: 12, halfYearly: 6, quarterly: 3, monthly: 1 };

export interface DataWindowRule {
  /**
   * Day of the period's last month on which data is cut off: 14 per NĐ 09/2019 Điều 12; 'endOfMonth' for
   * calendar periods. Limited to 1–28 so that every month has the day.
   */
  cutoffDay: number | 'endOfMonth';
}

export type DueRule =
  | {
      /**
       * A day of a month counted from the period's last month: monthOffset 0 = that month (15/12 for a yearly
       * report, "ngày 20 tháng cuối kỳ"), -1 = the month before (25/11 for a yearly report). A day past the end of
       * the month means its last day.
       */
      kind: 'dayOfMonth';
      monthOffset: number;
      day: number;
      /**
       * "trước ngày 15/12" read strictly: the last day on time is the day before (14/12). false for "chậm nhất
       * ngày …", "trong ngày …".
       */
      exclusive: boolean;
      /** A due date on a day off: 'before' (default) keeps a "trước ngày" deadline before the date. */
      onDayOff?: DayOffShift;
    }
  | {
      /** N days after the cut-off day ("02 ngày làm việc kể từ ngày chốt số liệu"). */
      kind: 'afterCutoff';
      unit: 'workingDays' | 'calendarDays';
      days: number;
      /** For calendar days: default 'after' (Bộ luật Dân sự 2015, Điều 148 khoản 5). */
      onDayOff?: DayOffShift;
    };

/**
 * One step of the compilation chain. The first tier's due date is the regime's due date moved back by its
 * `leadWorkingDays` (normally 0); each following tier is due `leadWorkingDays` working days before the tier
 * above it, e.g. the offices of a ward report to the ward 5 working days before the ward reports to the province.
 */
export interface ReportingTier {
  /** Unit kinds that report at this tier: ['agency', 'commune', 'ward'], ['office']. */
  kinds: UnitKind[];
  leadWorkingDays: number;
}

/** The timing part of a ReportingRegime (tần suất, thời gian chốt số liệu, thời hạn gửi báo cáo). */
export interface ReportingSchedule {
  frequency: Frequency;
  dataWindow: DataWindowRule;
  dueDate: DueRule;
  /** From the top of the chain down; a unit kind appears in at most one tier. */
  tiers: ReportingTier[];
}

export interface ReportingPeriod {
  /** "2026", "2026-H1", "2026-Q3", "2026-M03" */
  key: string;
  frequency: Frequency;
  year: number;
  /** 1 for yearly; 1–2, 1–4, 1–12 otherwise. */
  index: number;
  /** Inclusive bounds, YYYY-MM-DD. */
  dataWindow: { from: string; to: string };
  /** Vietnamese label: "Năm 2026", "6 tháng đầu năm 2026", "Quý III năm 2026", "Tháng 3 năm 2026". */
  label: string;
}

/**
 * The yearly report of KH 129/KH-UBND (Thanh Hóa, Law on AI), §IV.1: sở, ban, ngành and UBND xã, phường report
 * "định kỳ trước ngày 15 tháng 12 hằng năm" to Sở Khoa học và Công nghệ. The ward plan (Nam Sầm Sơn) repeats the
 * same date for its own offices, which would leave the ward no time to compile; the 5 working days given to
 * offices here are a proposal, to be set by each commune or ward. The plan gives no date for Sở KH&CN's compiled
 * report ("theo quy định"), so the province is not a tier of this schedule.
 */
export const AI_PLAN_YEARLY_SCHEDULE: ReportingSchedule = {
  frequency: 'yearly',
  dataWindow: { cutoffDay: 14 },
  dueDate: { kind: 'dayOfMonth', monthOffset: 0, day: 15, exclusive: true, onDayOff: 'before' },
  tiers: [
    { kinds: ['agency', 'commune', 'ward'], leadWorkingDays: 0 },
    { kinds: ['office'], leadWorkingDays: 5 },
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// Keys and labels

const KEY = /^(\d{4})(?:-(H[12]|Q[1-4]|M(?:0[1-9]|1[0-2])))?$/;
const ROMAN = ['I', 'II', 'III', 'IV'] as const;

export function parsePeriodKey(key: string): { frequency: Frequency; year: number; index: number } {
  const m = KEY.exec(key);
  if (!m)
    throw invalid('invalid_period_key', `Kỳ báo cáo "${key}" không hợp lệ (ví dụ: 2026, 2026-H1, 2026-Q3, 2026-M03).`);
  const year = Number(m[1]);
  const part = m[2];
  if (!part) return { frequency: 'yearly', year, index: 1 };
  const index = Number(part.slice(1));
  const frequency: Frequency = part[0] === 'H' ? 'halfYearly' : part[0] === 'Q' ? 'quarterly' : 'monthly';
  return { frequency, year, index };
}

export function periodKey(frequency: Frequency, year: number, index: number): string {
  switch (frequency) {
    case 'yearly':
      return String(year);
    case 'halfYearly':
      return `${year}-H${index}`;
    case 'quarterly':
      return `${year}-Q${index}`;
    case 'monthly':
      return `${year}-M${String(index).padStart(2, '0')}`;
  }
}

export function periodLabel(frequency: Frequency, year: number, index: number): string {
  switch (frequency) {
    case 'yearly':
      return `Năm ${year}`;
    case 'halfYearly':
      return index === 1 ? `6 tháng đầu năm ${year}` : `6 tháng cuối năm ${year}`;
    case 'quarterly':
      return `Quý ${ROMAN[index - 1]} năm ${year}`;
    case 'monthly':
      return `Tháng ${index} năm ${year}`;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Periods

function periodsPerYear(frequency: Frequency): number {
  return 12 / MONTHS_PER_PERIOD[frequency];
}

/** Month arithmetic on (year, month) pairs. */
function shiftMonth(year: number, month: number, by: number): { year: number; month: number } {
  const n = year * 12 + (month - 1) + by;
  return { year: Math.floor(n / 12), month: (n % 12) + 1 };
}

function cutoffDate(year: number, month: number, rule: DataWindowRule): string {
  const c = rule.cutoffDay;
  if (c === 'endOfMonth') return isoDate(year, month, daysInMonth(year, month));
  if (!Number.isInteger(c) || c < 1 || c > 28) {
    throw invalid('invalid_reporting_schedule', 'Ngày chốt số liệu phải từ 1 đến 28, hoặc cuối tháng.');
  }
  return isoDate(year, month, c);
}

function lastMonthOf(frequency: Frequency, index: number): number {
  return index * MONTHS_PER_PERIOD[frequency];
}

function build(frequency: Frequency, year: number, index: number, schedule: ReportingSchedule): ReportingPeriod {
  if (!Number.isInteger(index) || index < 1 || index > periodsPerYear(frequency)) {
    throw invalid('invalid_period_key', `Kỳ báo cáo ${periodKey(frequency, year, index)} không tồn tại.`);
  }
  const last = lastMonthOf(frequency, index);
  const to = cutoffDate(year, last, schedule.dataWindow);
  const prev = shiftMonth(year, last, -MONTHS_PER_PERIOD[frequency]);
  const from = addDays(cutoffDate(prev.year, prev.month, schedule.dataWindow), 1);
  return {
    key: periodKey(frequency, year, index),
    frequency,
    year,
    index,
    dataWindow: { from, to },
    label: periodLabel(frequency, year, index),
  };
}

/** The period of a regime named by its key; the key's frequency must be the regime's. */
export function periodByKey(key: string, schedule: ReportingSchedule): ReportingPeriod {
  const { frequency, year, index } = parsePeriodKey(key);
  if (frequency !== schedule.frequency) {
    throw invalid(
      'period_frequency_mismatch',
      `Kỳ báo cáo ${key} không thuộc chế độ báo cáo ${FREQUENCY_LABEL[schedule.frequency].toLowerCase()}.`,
    );
  }
  return build(frequency, year, index, schedule);
}

/** The period whose data window contains `date`: 20/12/2025 belongs to the yearly period 2026. */
export function periodFor(date: string, schedule: ReportingSchedule): ReportingPeriod {
  const { year, month, day } = parseIsoDate(date);
  // Past the cut-off day, the date counts with the next month's data.
  const c = schedule.dataWindow.cutoffDay;
  const effective = c !== 'endOfMonth' && day > c ? shiftMonth(year, month, 1) : { year, month };
  const index = Math.ceil(effective.month / MONTHS_PER_PERIOD[schedule.frequency]);
  return build(schedule.frequency, effective.year, index, schedule);
}

export function nextPeriod(period: ReportingPeriod, schedule: ReportingSchedule): ReportingPeriod {
  return periodFor(addDays(period.dataWindow.to, 1), schedule);
}

export function previousPeriod(period: ReportingPeriod, schedule: ReportingSchedule): ReportingPeriod {
  return periodFor(addDays(period.dataWindow.from, -1), schedule);
}

/** The periods whose data windows overlap [from, to] (inclusive), oldest first. */
export function periodsBetween(from: string, to: string, schedule: ReportingSchedule): ReportingPeriod[] {
  if (toJulianDay(to) < toJulianDay(from)) return [];
  const result: ReportingPeriod[] = [];
  for (let p = periodFor(from, schedule); p.dataWindow.from <= to; p = nextPeriod(p, schedule)) result.push(p);
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Due dates

/** The regime's own due date for a period (the first tier's, before its lead), on a working day. */
export function regimeDueDate(period: ReportingPeriod, schedule: ReportingSchedule, cal: CalendarConfig): string {
  const rule = schedule.dueDate;
  if (rule.kind === 'afterCutoff') {
    if (!Number.isInteger(rule.days) || rule.days < 0) {
      throw invalid('invalid_reporting_schedule', 'Số ngày sau ngày chốt số liệu phải là số nguyên không âm.');
    }
    if (rule.unit === 'workingDays') return addWorkingDays(period.dataWindow.to, rule.days, cal);
    return adjustToWorkingDay(addDays(period.dataWindow.to, rule.days), rule.onDayOff ?? 'after', cal);
  }
  if (!Number.isInteger(rule.monthOffset) || !Number.isInteger(rule.day) || rule.day < 1) {
    throw invalid('invalid_reporting_schedule', 'Thời hạn gửi báo cáo không hợp lệ.');
  }
  const { year, month } = shiftMonth(period.year, lastMonthOf(period.frequency, period.index), rule.monthOffset);
  let due = isoDate(year, month, Math.min(rule.day, daysInMonth(year, month)));
  if (rule.exclusive) due = addDays(due, -1);
  return adjustToWorkingDay(due, rule.onDayOff ?? 'before', cal);
}

/**
 * Due dates of every tier, top first: the last day on which a unit of those kinds reports on time.
 * A lead moves back from a working day by working days, so every tier's date is a working day whenever the
 * regime's date is (always, unless its onDayOff is 'none').
 */
export function dueDatesOf(
  period: ReportingPeriod,
  schedule: ReportingSchedule,
  cal: CalendarConfig,
): { kinds: UnitKind[]; dueDate: string }[] {
  const seen = new Set<UnitKind>();
  let due = regimeDueDate(period, schedule, cal);
  return schedule.tiers.map((tier) => {
    if (!Number.isInteger(tier.leadWorkingDays) || tier.leadWorkingDays < 0) {
      throw invalid('invalid_reporting_schedule', 'Số ngày làm việc báo cáo trước phải là số nguyên không âm.');
    }
    for (const k of tier.kinds) {
      if (seen.has(k)) throw invalid('invalid_reporting_schedule', 'Một loại đơn vị chỉ được thuộc một cấp báo cáo.');
      seen.add(k);
    }
    due = addWorkingDays(due, -tier.leadWorkingDays, cal);
    return { kinds: tier.kinds, dueDate: due };
  });
}

/** Due date of a period for units of one kind; throws when the regime has no tier for that kind. */
export function dueDateFor(
  period: ReportingPeriod,
  level: UnitKind,
  schedule: ReportingSchedule,
  cal: CalendarConfig,
): string {
  const tier = dueDatesOf(period, schedule, cal).find((t) => t.kinds.includes(level));
  if (!tier)
    throw invalid(
      'reporting_level_not_in_regime',
      `Chế độ báo cáo này không quy định thời hạn cho cấp "${UNIT_KIND_LABEL[level]}".`,
    );
  return tier.dueDate;
}
