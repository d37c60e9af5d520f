// Reads "Thời gian thực hiện" texts into schedules, and tells which deadlines a schedule yields in a year. Pure.
import { fold, normalizeText } from '../text.ts';
import type { Recurrence, Schedule, Timeframe } from './model.ts';

export interface TimeframeOptions {
  /** Year of the plan, used when the text gives a day or quarter without a year ("Quý II", "trước ngày 30/6"). */
  year?: number | null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** YYYY-MM-DD, or null for an impossible date (31/6, month 13). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function endOfMonth(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(daysInMonth(year, month))}`;
}

/** A date as written in Vietnamese documents: "28/02/2026", "4-5-2026", "ngày 26 tháng 01 năm 2021". */
export interface ViDate {
  day: number | null;
  month: number | null;
  year: number | null;
  /** YYYY-MM-DD when day, month and year are all written and valid. */
  iso: string | null;
}

const LONG_DATE = /ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?(?:\s*năm\s*(\d{4})?)?/iu;
const SHORT_DATE = /(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?(?![\d/])/u;

/** Reads the first date of a text; the parts not written stay null ("ngày    tháng    năm 2026" → year only). */
export function parseViDate(text: string): ViDate | null {
  const t = normalizeText(text);
  const long = LONG_DATE.exec(t);
  const short = SHORT_DATE.exec(t);
  const m = long && (!short || long.index <= short.index) ? long : short;
  if (!m) return null;
  const day = m[1] ? Number(m[1]) : null;
  const month = m[2] ? Number(m[2]) : null;
  const year = m[3] ? Number(m[3]) : null;
  if (m === short && (month === null || month > 12 || (day ?? 0) > 31)) return null;
  const iso = day !== null && month !== null && year !== null ? isoDate(year, month, day) : null;
  return { day, month, year, iso };
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function schedule(partial: Partial<Schedule> & Pick<Schedule, 'kind'>): Schedule {
  const { kind, ...rest } = partial;
  return { kind, start: null, end: null, recurrence: null, dueDay: null, dueDates: [], ...rest };
}

function recurrenceIn(f: string): Recurrence | null {
  // "hằng năm" and "hàng năm" fold alike.
  if (/\bhang nam\b|\bmoi nam\b/.test(f)) return 'yearly';
  if (/\b(hang|moi) quy\b/.test(f)) return 'quarterly';
  if (/\b(hang|moi) thang\b/.test(f)) return 'monthly';
  return null;
}

/**
 * Reads a timeframe. Texts it cannot read keep their text with schedule null; lint flags them.
 * Examples: "Năm 2026 và các năm tiếp theo", "Thường xuyên", "Hằng năm", "Quý II/2026", "Tháng 6/2026",
 * "Trước ngày 15/12 hằng năm", "Trước ngày 30/6/2026", "2026 - 2030", "Giai đoạn 2026-2030", "Năm 2026", "15/12/2026".
 */
export function parseTimeframe(text: string, options: TimeframeOptions = {}): Timeframe {
  const written = normalizeText(text).replace(/[.;]+$/u, '');
  return { text: written, schedule: readSchedule(written, options.year ?? null) };
}

function readSchedule(written: string, planYear: number | null): Schedule | null {
  if (!written) return null;
  const f = fold(written);
  const recurrence = recurrenceIn(f);

  // "Trước ngày 15/12 hằng năm", "Trước ngày 30/6/2026", "hoàn thành trong tháng 6/2026": dated deadlines.
  const dates = [...written.matchAll(new RegExp(`${LONG_DATE.source}|${SHORT_DATE.source}`, 'giu'))]
    .map((m) => parseViDate(m[0]))
    .filter((d): d is ViDate => d !== null && d.day !== null && d.month !== null);
  if (dates.length > 0) return datedSchedule(dates, f, recurrence, planYear);

  // "Quý II/2026", "quý 4 năm 2026", "Quý I hằng năm".
  const quarter = /\bquy\s+(iv|iii|ii|i|[1-4])\b(?:\s*(?:\/|-|nam)\s*(\d{4}))?/.exec(f);
  if (quarter) {
    const q = ROMAN[quarter[1]!] ?? Number(quarter[1]);
    if (recurrence === 'yearly')
      return schedule({ kind: 'recurring', recurrence, dueDay: { month: q * 3, day: daysInMonth(2001, q * 3) } });
    const year = quarter[2] ? Number(quarter[2]) : planYear;
    if (year === null) return null;
    return schedule({ kind: 'period', start: `${year}-${pad(q * 3 - 2)}-01`, end: endOfMonth(year, q * 3) });
  }

  // "6 tháng đầu năm 2026", "6 tháng cuối năm 2026": a half year.
  const half = /\b(?:6|sau) thang (dau|cuoi) nam\b(?:\s*(\d{4}))?/.exec(f);
  if (half) {
    const year = half[2] ? Number(half[2]) : planYear;
    if (year === null) return null;
    return half[1] === 'dau'
      ? schedule({ kind: 'period', start: `${year}-01-01`, end: `${year}-06-30` })
      : schedule({ kind: 'period', start: `${year}-07-01`, end: `${year}-12-31` });
  }

  // "Tháng 6/2026", "tháng 6 năm 2026", "Tháng 12 hằng năm".
  const month = /\bthang\s+(\d{1,2})\b(?:\s*(?:\/|-|nam)\s*(\d{4}))?/.exec(f);
  if (month && Number(month[1]) >= 1 && Number(month[1]) <= 12) {
    const m = Number(month[1]);
    if (recurrence === 'yearly')
      return schedule({ kind: 'recurring', recurrence, dueDay: { month: m, day: daysInMonth(2001, m) } });
    const year = month[2] ? Number(month[2]) : planYear;
    if (year === null) return null;
    return schedule({ kind: 'period', start: `${year}-${pad(m)}-01`, end: endOfMonth(year, m) });
  }

  // "2026 - 2030", "Giai đoạn 2026-2030", "từ năm 2026 đến năm 2030".
  const range = /\b(\d{4})\s*(?:-|–|den|toi)\s*(?:nam\s*)?(\d{4})\b/.exec(f);
  if (range && Number(range[1]) <= Number(range[2])) {
    return schedule({ kind: 'period', start: `${range[1]}-01-01`, end: `${range[2]}-12-31`, recurrence });
  }

  // "Năm 2026 và các năm tiếp theo", "Từ năm 2026": open-ended, done again each year.
  const onwards = /\b(\d{4})\b.*\b(cac nam tiep theo|nhung nam tiep theo|cac nam sau|tro di)\b|\btu nam (\d{4})\b/.exec(
    f,
  );
  if (onwards) {
    const y = onwards[1] ?? onwards[3]!;
    return schedule({ kind: 'period', start: `${y}-01-01`, recurrence: 'yearly' });
  }

  // "Đến năm 2030", "trước năm 2030": a deadline at the end of that year.
  const until = /\b(den|truoc|cham nhat)\s+(?:het\s+)?nam\s+(\d{4})\b/.exec(f);
  if (until) {
    const end = `${until[2]}-12-31`;
    return schedule({ kind: 'deadline', end, dueDates: [end] });
  }

  // "Năm 2026", "Trong năm 2026", "2026".
  const year = /^(?:(?:trong|ca)\s+)?(?:nam\s+)?(\d{4})$/.exec(f) ?? /\bnam\s+(\d{4})\b/.exec(f);
  if (year) {
    return schedule({ kind: 'period', start: `${year[1]}-01-01`, end: `${year[1]}-12-31`, recurrence });
  }

  return ongoingSchedule(f, recurrence);
}

// Dated deadlines: one date recurring each year, a period "từ ngày … đến ngày …", or the last of the dates.
function datedSchedule(
  dates: ViDate[],
  f: string,
  recurrence: Recurrence | null,
  planYear: number | null,
): Schedule | null {
  if (recurrence) {
    const d = dates[0]!;
    return schedule({ kind: 'recurring', recurrence, dueDay: { month: d.month!, day: d.day! } });
  }
  const due = dates
    .map((d) => d.iso ?? (d.year === null && planYear !== null ? isoDate(planYear, d.month!, d.day!) : null))
    .filter((d): d is string => d !== null);
  if (due.length === 0) return null;
  const sorted = [...new Set(due)].sort();
  const startMatch = /\btu ngay\b/.test(f) && sorted.length >= 2;
  if (startMatch) return schedule({ kind: 'period', start: sorted[0]!, end: sorted[sorted.length - 1]! });
  return schedule({ kind: 'deadline', end: sorted[sorted.length - 1]!, dueDates: sorted });
}

// No date or period: a recurrence alone, or work done continuously ("Thường xuyên").
function ongoingSchedule(f: string, recurrence: Recurrence | null): Schedule | null {
  if (recurrence) return schedule({ kind: 'recurring', recurrence });
  if (/\bthuong xuyen\b|\blien tuc\b|\bhang ngay\b|\bthuong nien\b/.test(f)) {
    return /\bthuong nien\b/.test(f)
      ? schedule({ kind: 'recurring', recurrence: 'yearly' })
      : schedule({ kind: 'continuous' });
  }
  return null;
}

function inYear(iso: string | null, year: number): boolean {
  return iso !== null && iso.startsWith(`${year}-`);
}

function startedBy(s: Schedule, year: number): boolean {
  return s.start === null || Number(s.start.slice(0, 4)) <= year;
}

function endedBefore(s: Schedule, year: number): boolean {
  return s.end !== null && Number(s.end.slice(0, 4)) < year;
}

/** Due dates of a recurrence within one year: the due day if written, else the end of each period. */
function recurringDates(recurrence: Recurrence, dueDay: Schedule['dueDay'], year: number): string[] {
  if (recurrence === 'yearly')
    return [
      dueDay ? isoDate(year, dueDay.month, Math.min(dueDay.day, daysInMonth(year, dueDay.month)))! : `${year}-12-31`,
    ];
  if (recurrence === 'quarterly') return [3, 6, 9, 12].map((m) => endOfMonth(year, m));
  return Array.from({ length: 12 }, (_, i) => endOfMonth(year, i + 1));
}

/**
 * The deadlines a schedule yields within a year (YYYY-MM-DD, sorted). Used by lint ("rõ thời gian") and tracking.
 * - deadline: its due dates in that year;
 * - period: its end when it falls in that year; an open period repeated yearly yields the year's end;
 * - recurring: the due day (or the end of each period) in every year it runs;
 * - continuous ("Thường xuyên"): none; such tasks are followed through the reporting periods.
 */
export function deadlinesInYear(s: Schedule | null, year: number): string[] {
  if (!s) return [];
  const out = new Set<string>();
  switch (s.kind) {
    case 'deadline':
      for (const d of s.dueDates.length ? s.dueDates : s.end ? [s.end] : []) if (inYear(d, year)) out.add(d);
      break;
    case 'period':
      if (s.recurrence && startedBy(s, year) && !endedBefore(s, year)) {
        for (const d of recurringDates(s.recurrence, s.dueDay, year)) if (!s.start || d >= s.start) out.add(d);
      } else if (inYear(s.end, year)) out.add(s.end!);
      for (const d of s.dueDates) if (inYear(d, year)) out.add(d);
      break;
    case 'recurring':
      if (s.recurrence && startedBy(s, year) && !endedBefore(s, year))
        for (const d of recurringDates(s.recurrence, s.dueDay, year)) out.add(d);
      break;
    case 'continuous':
      break;
  }
  return [...out].sort();
}

/** True when the schedule gives a date to check the task against: a deadline, a period end or a recurrence. */
export function hasDeadline(s: Schedule | null): boolean {
  if (!s) return false;
  if (s.kind === 'continuous') return false;
  return s.dueDates.length > 0 || s.end !== null || s.recurrence !== null;
}
