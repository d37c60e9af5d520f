// What a cell's text can be read as. Vietnamese files write numbers with dots for thousands and a comma for decimals
// (1.234.567 or 1.234,5) and dates as dd/mm/yyyy; English-style and ISO forms are accepted too, because exports from
// other software use them. A string of digits with a leading zero (038…, 0912…) is an identifier, not a number:
// reading it as one would lose the zero.
import { fold } from '../../text.ts';

export const T_BOOLEAN = 1;
export const T_YEAR = 2;
export const T_INTEGER = 4;
export const T_NUMBER = 8;
export const T_DATE = 16;
export const T_DATETIME = 32;

const PLAIN_INT = /^[+-]?(0|[1-9]\d*)$/;
const VI_THOUSANDS_INT = /^[+-]?[1-9]\d{0,2}(\.\d{3})+$/;
const EN_THOUSANDS_INT = /^[+-]?[1-9]\d{0,2}(,\d{3})+$/;
const PLAIN_DECIMAL = /^[+-]?(0|[1-9]\d*)[.,]\d+$/;
const VI_THOUSANDS_DECIMAL = /^[+-]?[1-9]\d{0,2}(\.\d{3})+,\d+$/;
const EN_THOUSANDS_DECIMAL = /^[+-]?[1-9]\d{0,2}(,\d{3})+\.\d+$/;
const EXPONENT = /^[+-]?(\d+\.?\d*|\.\d+)e[+-]?\d+$/i;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const YMD_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DMY_TIME = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})[ T](\d{1,2}):(\d{2})(:\d{2})?$/;

/**
 * A cell without surrounding ASCII blanks. Not String.trim: that also strips U+00A0, which is the second byte of "à"
 * in mojibake ("HÃ\u00a0" for "Hà"), and the repair needs it.
 */
export function trimCell(s: string): string {
  if (s.length === 0 || (s.charCodeAt(0) > 32 && s.charCodeAt(s.length - 1) > 32)) return s;
  return s.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}

const BOOLEANS = new Set(['true', 'false', 'yes', 'no', 'co', 'khong', 'dung', 'sai']);

export interface Day {
  y: number;
  m: number;
  d: number;
}

function validDay(y: number, m: number, d: number): Day | null {
  if (y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days ? { y, m, d } : null;
}

/** A calendar day written as yyyy-mm-dd, yyyy/mm/dd or dd/mm/yyyy (also with - or .), else null. */
export function parseDay(s: string): Day | null {
  let m = ISO_DATE.exec(s) ?? YMD_SLASH.exec(s);
  if (m) return validDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DMY.exec(s);
  if (m) return validDay(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/** A date with a time of day (ISO 8601, or dd/mm/yyyy hh:mm[:ss]); the day only, else null. */
export function parseDateTime(s: string): Day | null {
  let m = ISO_DATETIME.exec(s);
  if (m) return Number(m[4]) < 24 ? validDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  m = DMY_TIME.exec(s);
  if (m) return Number(m[4]) < 24 ? validDay(Number(m[3]), Number(m[2]), Number(m[1])) : null;
  return null;
}

/** The number a cell writes, whichever of the accepted conventions it uses; null when it is not a number. */
export function parseNumber(s: string): number | null {
  if (PLAIN_INT.test(s) || EXPONENT.test(s)) return Number(s);
  if (VI_THOUSANDS_INT.test(s)) return Number(s.replace(/\./g, ''));
  if (EN_THOUSANDS_INT.test(s)) return Number(s.replace(/,/g, ''));
  if (PLAIN_DECIMAL.test(s)) return Number(s.replace(',', '.'));
  if (VI_THOUSANDS_DECIMAL.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  if (EN_THOUSANDS_DECIMAL.test(s)) return Number(s.replace(/,/g, ''));
  return null;
}

export function isInteger(s: string): boolean {
  return PLAIN_INT.test(s) || VI_THOUSANDS_INT.test(s) || EN_THOUSANDS_INT.test(s);
}

export function isYear(s: string): boolean {
  if (s.length !== 4 || !PLAIN_INT.test(s)) return false;
  const y = Number(s);
  return y >= 1800 && y <= 2100;
}

export function isBoolean(s: string): boolean {
  return s.length <= 6 && BOOLEANS.has(fold(s));
}

/** Every type a (trimmed, non-empty) cell could be, as a bit mask of the T_ constants. */
export function typesOf(s: string): number {
  let mask = 0;
  const c = s.charCodeAt(0);
  const digitLike = (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
  if (digitLike) {
    if (isInteger(s)) mask |= T_INTEGER | T_NUMBER;
    else if (parseNumber(s) !== null) mask |= T_NUMBER;
    if (isYear(s)) mask |= T_YEAR;
    if (parseDay(s)) mask |= T_DATE;
    else if (parseDateTime(s)) mask |= T_DATETIME;
  } else if (isBoolean(s)) mask |= T_BOOLEAN;
  return mask;
}

/** Whether a cell is of a declared Table Schema type. */
export function isOfType(s: string, type: string): boolean {
  switch (type) {
    case 'integer':
      return isInteger(s);
    case 'number':
      return parseNumber(s) !== null;
    case 'boolean':
      return isBoolean(s);
    case 'date':
      return parseDay(s) !== null;
    case 'datetime':
      return parseDateTime(s) !== null || parseDay(s) !== null;
    case 'year':
      return isYear(s);
    default:
      return true;
  }
}

/** The order types are tried in when inferring a column's type: the most specific first. */
export const TYPE_ORDER = [
  ['boolean', T_BOOLEAN],
  ['year', T_YEAR],
  ['integer', T_INTEGER],
  ['number', T_NUMBER],
  ['date', T_DATE],
  ['datetime', T_DATETIME],
] as const;
