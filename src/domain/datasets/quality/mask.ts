// Masks that keep a value's shape recognisable (what kind of value it was, that it was present) while removing what
// identifies the person. Chosen per cell, from what the cell looks like:
// - CCCD (12 digits with a province prefix): the 3-digit province code stays, "038*********": the province of
//   registration is coarse and useful for statistics, the rest identifies.
// - other digit strings (phones, old IDs, tax codes, accounts): all digits but the last 2 become "*", with the
//   separators kept ("09** *** *78"), so a reader can tell a phone from an account and match a row on paper.
// - emails: the local part goes, the domain stays ("***@thanhhoa.gov.vn"): the organisation is rarely personal.
// - names (2–5 capitalised words): initials ("N. V. A."), which alone do not identify in a dataset of any size.
// - dates: the year stays ("**/**/1985"); use generaliseToYear for a plain year column.
// - anything else (addresses, free text): the first character stays and the rest becomes "*", the length kept.
import { digitsOf, isCccd, isEmail, isFullName } from './personal-cells.ts';
import { parseDateTime, parseDay } from './values.ts';

function maskDigits(s: string, keepFirst: number, keepLast: number): string {
  const total = (s.match(/\d/g) ?? []).length;
  let seen = 0;
  return s.replace(/\d/g, (d) => {
    seen++;
    return seen <= keepFirst || seen > total - keepLast ? d : '*';
  });
}

export function maskCell(cell: string): string {
  const s = cell.trim();
  if (s === '') return cell;
  const digits = digitsOf(s);
  if (digits !== null) return isCccd(digits) ? maskDigits(s, 3, 0) : maskDigits(s, 0, 2);
  if (s.startsWith('+') && digitsOf(s.slice(1)) !== null) return `+${maskDigits(s.slice(1), 0, 2)}`;
  if (isEmail(s)) return `***@${s.slice(s.lastIndexOf('@') + 1)}`;
  const day = parseDay(s) ?? parseDateTime(s);
  if (day) return `**/**/${day.y}`;
  if (isFullName(s))
    return s
      .split(/\s+/)
      .map((w) => `${[...w.normalize('NFC')][0]}.`)
      .join(' ');
  const chars = [...s];
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** A date or date-time as its year; a year stays; anything else is emptied (it cannot be generalised). */
export function yearOf(cell: string): string {
  const s = cell.trim();
  if (s === '') return '';
  if (/^\d{4}$/.test(s)) return s;
  const day = parseDay(s) ?? parseDateTime(s);
  return day ? String(day.y) : '';
}
