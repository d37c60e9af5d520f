// The Vietnamese lunisolar calendar (âm lịch), computed, not tabulated. Pure.
//
// Why computed: Tết and Giỗ Tổ Hùng Vương move every year, and a table would need someone to keep it up to
// date. The astronomical method below is Hồ Ngọc Đức's ("Âm lịch Việt Nam", the algorithm behind most
// Vietnamese calendar software): new moons and solar terms from Jean Meeus' "Astronomical Algorithms", rounded
// to whole days in UTC+7. The time zone is what makes the Vietnamese calendar differ from the Chinese one
// (UTC+8) in some years: Tết 1985 was 21/01/1985 in Việt Nam and 20/02/1985 in China; Tết 2007 was 17/02 here
// and 18/02 there. Valid for solar years 1800–2199 (the accuracy range of the series used).
//
// Dates are ISO strings (YYYY-MM-DD) and day arithmetic runs on Julian Day Numbers, so there is no time zone or
// daylight-saving trap. The JDN helpers live here because the lunar algorithm is built on them; holidays.ts,
// working-days.ts and reporting/period.ts reuse them.

import { invalid } from '../errors.ts';

// ---------------------------------------------------------------------------------------------------------------
// Civil dates as Julian Day Numbers

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Julian Day Number of a proleptic Gregorian date (the civil calendar in Việt Nam since long before 1800). */
function jdnOf(year: number, month: number, day: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return (
    day +
    Math.floor((153 * m + 2) / 5) +
    365 * y +
    Math.floor(y / 4) -
    Math.floor(y / 100) +
    Math.floor(y / 400) -
    32045
  );
}

function ymdOf(jd: number): [number, number, number] {
  const a = jd + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  const day = e - Math.floor((153 * m + 2) / 5) + 1;
  const month = m + 3 - 12 * Math.floor(m / 10);
  const year = 100 * b + d - 4800 + Math.floor(m / 10);
  return [year, month, day];
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Splits and validates an ISO date; rejects 2026-02-30 and anything that is not exactly YYYY-MM-DD. */
export function parseIsoDate(iso: string): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(iso);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return { year, month, day };
  }
  throw invalid('invalid_date', `Ngày "${iso}" không hợp lệ (cần dạng YYYY-MM-DD).`);
}

export function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function daysInMonth(year: number, month: number): number {
  return jdnOf(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - jdnOf(year, month, 1);
}

export function toJulianDay(iso: string): number {
  const { year, month, day } = parseIsoDate(iso);
  return jdnOf(year, month, day);
}

export function fromJulianDay(jd: number): string {
  const [y, m, d] = ymdOf(jd);
  return isoDate(y, m, d);
}

export function addDays(iso: string, days: number): string {
  return fromJulianDay(toJulianDay(iso) + days);
}

/** Day of the week, 0 = Sunday … 6 = Saturday (the JavaScript convention). */
export function weekday(iso: string): number {
  return (toJulianDay(iso) + 1) % 7;
}

// ---------------------------------------------------------------------------------------------------------------
// Astronomy (Hồ Ngọc Đức's implementation of Meeus, kept term for term so results match published calendars)

/** Vietnam's civil time since 1968 (UTC+7). Earlier dates used UTC+8 in the North, which this module ignores. */
export const VIETNAM_TIME_ZONE = 7;

const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1900-01-01, origin of the lunation count k. */
const NEW_MOON_EPOCH = 2415021.076998695;
const DR = Math.PI / 180;

/** Julian day (fractional, UT) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DR);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * DR) + 0.0021 * Math.sin(2 * DR * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * DR) + 0.0161 * Math.sin(DR * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(DR * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(DR * 2 * F) - 0.0051 * Math.sin(DR * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(DR * (M - Mpr)) + 0.0004 * Math.sin(DR * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(DR * (2 * F - M)) - 0.0006 * Math.sin(DR * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(DR * (2 * F - Mpr)) + 0.0005 * Math.sin(DR * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** Apparent solar longitude in radians [0, 2π) at a fractional Julian day (UT). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DR * M);
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(DR * 2 * M) + 0.00029 * Math.sin(DR * 3 * M);
  let L = (L0 + DL) * DR;
  L = L - Math.PI * 2 * Math.floor(L / (Math.PI * 2));
  return L;
}

/** Local day (JDN) on which the k-th new moon falls. */
function newMoonDay(k: number, timeZone: number): number {
  return Math.floor(newMoon(k) + 0.5 + timeZone / 24);
}

/** Which of the 12 principal-term sectors (30° each, 0 = spring equinox) the sun is in at the start of a local day. */
function sunSector(dayNumber: number, timeZone: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - timeZone / 24) / Math.PI) * 6);
}

/** First day of lunar month 11 of solar year `year`: the month that contains the winter solstice. */
function lunarMonth11(year: number, timeZone: number): number {
  const off = jdnOf(year, 12, 31) - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k, timeZone);
  // Sector 9 starts at 270°, the winter solstice: a month starting after it is already month 12.
  return sunSector(nm, timeZone) >= 9 ? newMoonDay(k - 1, timeZone) : nm;
}

/**
 * In a 13-month span between two months 11, the leap month is the first one without a principal term (trung khí):
 * the sun is in the same sector at its start and at the next month's start. Returns its offset from month 11.
 */
function leapMonthOffset(a11: number, timeZone: number): number {
  const k = Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i, timeZone), timeZone);
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i, timeZone), timeZone);
  } while (arc !== last && i < 14);
  return i - 1;
}

// ---------------------------------------------------------------------------------------------------------------
// Lunar months and dates

export interface LunarDate {
  /** Lunar year, numbered like the solar year in which its Tết falls (năm Bính Ngọ = 2026). */
  year: number;
  /** 1–12 (1 = tháng Giêng, 12 = tháng Chạp). */
  month: number;
  /** 1–30 */
  day: number;
  /** True in the repeated (nhuận) month: "tháng 6 nhuận". */
  leap: boolean;
}

export interface LunarMonth {
  year: number;
  month: number;
  leap: boolean;
  /** Solar date of its first day (mùng 1). */
  start: string;
  /** 29 (tháng thiếu) or 30 (tháng đủ). */
  length: 29 | 30;
}

interface MonthRow {
  year: number;
  month: number;
  leap: boolean;
  startJd: number;
  length: 29 | 30;
}

const MIN_YEAR = 1800;
const MAX_YEAR = 2199;

function checkRange(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw invalid('lunar_year_out_of_range', `Chỉ tính được âm lịch cho các năm từ ${MIN_YEAR} đến ${MAX_YEAR}.`);
  }
}

/**
 * The months from month 11 of solar year `year` (inclusive) to month 11 of `year + 1` (exclusive): 12 or 13 rows.
 * Rows numbered 11 and 12 before month 1 belong to lunar year `year`; the rest to `year + 1`.
 */
function monthsFrom11(year: number, timeZone: number): MonthRow[] {
  const a11 = lunarMonth11(year, timeZone);
  const b11 = lunarMonth11(year + 1, timeZone);
  const k = Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  const count = Math.round((b11 - a11) / SYNODIC_MONTH);
  const leapAt = count === 13 ? leapMonthOffset(a11, timeZone) : -1;
  const starts: number[] = [];
  for (let i = 0; i <= count; i++) starts.push(i === count ? b11 : newMoonDay(k + i, timeZone));
  const rows: MonthRow[] = [];
  let month = 10;
  let lunarYear = year;
  for (let i = 0; i < count; i++) {
    const leap = i === leapAt;
    if (!leap) month = month === 12 ? 1 : month + 1;
    if (month === 1 && !leap) lunarYear = year + 1;
    const length = starts[i + 1]! - starts[i]!;
    rows.push({ year: lunarYear, month, leap, startJd: starts[i]!, length: length === 30 ? 30 : 29 });
  }
  return rows;
}

function rowsOfLunarYear(year: number, timeZone: number): MonthRow[] {
  return [...monthsFrom11(year - 1, timeZone), ...monthsFrom11(year, timeZone)].filter((r) => r.year === year);
}

/** The 12 or 13 months of lunar year `year`, in order, with their solar start dates. */
export function lunarMonthsOf(year: number, timeZone = VIETNAM_TIME_ZONE): LunarMonth[] {
  checkRange(year);
  return rowsOfLunarYear(year, timeZone).map((r) => ({
    year: r.year,
    month: r.month,
    leap: r.leap,
    start: fromJulianDay(r.startJd),
    length: r.length,
  }));
}

/** The leap month (tháng nhuận) of lunar year `year`, or null in a common year. 2025 → 6, 2026 → null. */
export function leapMonthOf(year: number, timeZone = VIETNAM_TIME_ZONE): number | null {
  return lunarMonthsOf(year, timeZone).find((m) => m.leap)?.month ?? null;
}

export function solarToLunar(iso: string, timeZone = VIETNAM_TIME_ZONE): LunarDate {
  const jd = toJulianDay(iso);
  const solarYear = parseIsoDate(iso).year;
  checkRange(solarYear);
  const from = jd >= lunarMonth11(solarYear, timeZone) ? solarYear : solarYear - 1;
  const rows = monthsFrom11(from, timeZone);
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i]!;
    if (jd >= r.startJd) return { year: r.year, month: r.month, day: jd - r.startJd + 1, leap: r.leap };
  }
  // Unreachable: `from` was chosen so that the first row starts on or before `jd`.
  throw new Error(`solarToLunar: no month found for ${iso}`);
}

/**
 * Solar date of a lunar date. Throws when the date does not exist: a leap month the year does not have,
 * or day 30 of a 29-day month (as 30 tháng Chạp in 2025, the "Tết không có ngày 30").
 */
export function lunarToSolar(date: LunarDate, timeZone = VIETNAM_TIME_ZONE): string {
  checkRange(date.year);
  const row = rowsOfLunarYear(date.year, timeZone).find((r) => r.month === date.month && r.leap === date.leap);
  if (!row || !Number.isInteger(date.day) || date.day < 1 || date.day > row.length) {
    throw invalid('lunar_date_not_found', `Không có ngày ${formatLunarDate(date)}.`);
  }
  return fromJulianDay(row.startJd + date.day - 1);
}

/** Tết Nguyên đán: mùng 1 tháng Giêng of the lunar year that begins in solar year `year`. */
export function tetOf(year: number, timeZone = VIETNAM_TIME_ZONE): string {
  return lunarToSolar({ year, month: 1, day: 1, leap: false }, timeZone);
}

// ---------------------------------------------------------------------------------------------------------------
// Vietnamese names

const CAN = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'] as const;
const CHI = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'] as const;
const MONTH_NAMES = [
  'Giêng',
  'Hai',
  'Ba',
  'Tư',
  'Năm',
  'Sáu',
  'Bảy',
  'Tám',
  'Chín',
  'Mười',
  'Mười một',
  'Chạp',
] as const;

/** Sexagenary (can chi) name of a lunar year: 2026 → "Bính Ngọ". */
export function canChiOfYear(year: number): string {
  return `${CAN[(((year + 6) % 10) + 10) % 10]} ${CHI[(((year + 8) % 12) + 12) % 12]}`;
}

/** "mùng 1", "mùng 10", "15": days 1–10 take "mùng" in speech and writing. */
export function lunarDayName(day: number): string {
  return day <= 10 ? `mùng ${day}` : String(day);
}

/** "tháng Giêng", "tháng Chạp", "tháng Sáu nhuận". */
export function lunarMonthName(month: number, leap = false): string {
  return `tháng ${MONTH_NAMES[month - 1] ?? month}${leap ? ' nhuận' : ''}`;
}

/** "mùng 1 tháng Giêng năm Bính Ngọ", "10 tháng Ba năm Ất Tỵ". */
export function formatLunarDate(date: LunarDate): string {
  return `${lunarDayName(date.day)} ${lunarMonthName(date.month, date.leap)} năm ${canChiOfYear(date.year)}`;
}
