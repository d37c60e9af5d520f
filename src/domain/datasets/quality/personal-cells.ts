// Cell tests for personal data. Each says whether ONE cell looks like the kind; whether a COLUMN holds personal data
// is decided from the share of its cells that pass (personal-data.ts), because single cells mislead: a 12-digit
// amount, a 9-digit sum of money, a street named after a person.
import { fold } from '../../text.ts';
import { CCCD_PROVINCE_CODES } from './cccd-provinces.ts';

/** The digits of a number written with spaces, dots or dashes between groups ("038 095 001 234"), else null. */
export function digitsOf(s: string): string | null {
  if (s.length > 40) return null;
  const d = s.replace(/[\s.\-()]/g, '');
  return /^\d+$/.test(d) ? d : null;
}

/** 12 digits: province code (Thông tư 07/2016/TT-BCA), century-and-sex digit (0–9), year of birth (2), serial (6). */
export function isCccd(digits: string): boolean {
  return digits.length === 12 && CCCD_PROVINCE_CODES[digits.slice(0, 3)] !== undefined;
}

/** Vietnamese mobile numbers: +84, 84 or 0, then a mobile network prefix 3, 5, 7, 8 or 9, then 8 digits. */
export function isMobile(s: string): boolean {
  if (s.length > 24) return false;
  return /^(\+?84|0)[35789]\d{8}$/.test(s.replace(/[\s.\-()]/g, ''));
}

/** A mobile number whose leading 0 a spreadsheet dropped (stored as a number): only trusted under a phone header. */
export function isMobileWithoutZero(digits: string): boolean {
  return digits.length === 9 && /^[35789]/.test(digits);
}

const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[a-z]{2,}$/i;
export const isEmail = (s: string) => s.length <= 254 && EMAIL.test(s);

const MST_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/**
 * A tax code (mã số thuế): 10 digits whose last is the check digit of the first nine, weighted 31, 29, 23, 19, 17,
 * 13, 7, 5, 3: check = (10 − sum mod 11) mod 10 (the General Department of Taxation's rule); or the 10 digits and a
 * 3-digit branch number, "0101234567-001".
 */
export function isTaxCode(s: string): boolean {
  const m = /^(\d{10})(-\d{3})?$/.exec(s.replace(/\s/g, ''));
  if (!m) return false;
  const d = m[1]!;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (d.charCodeAt(i) - 48) * MST_WEIGHTS[i]!;
  return (10 - (sum % 11)) % 10 === d.charCodeAt(9) - 48;
}

/** Common Vietnamese family names, accent-folded (the test folds the cell's first word too). */
export const SURNAMES = new Set(
  (
    'nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh trinh mai luong lam doan cao ha to ' +
    'truong ta lai dao trieu quach thai kieu chu luu la tang nong lo vi ma hua khuc kim chau giang tong ton than au ' +
    'bach banh cu dam dieu han hau khong khuat lac lieu lu mac nghiem ninh ong phi phung quan sam thach thieu tieu ' +
    'tu ung vuong vuu cam cong diep giap luc man mong ngan ngu nhan phuong tao tat tham trac vien yen hong'
  ).split(' '),
);

/** One word of a name: a capital letter then letters (with their marks, composed or not), at most 8 letters. */
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}]{0,15}$/u;

/** 2–5 capitalised words, the first a common family name: "Nguyễn Văn An", "TRAN THI BICH", "Lê Thị Hồng Nhung". */
export function isFullName(s: string): boolean {
  if (s.length < 4 || s.length > 60) return false;
  const words = s.split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  for (const w of words) if (!NAME_WORD.test(w)) return false;
  return isSurname(words[0]!);
}

/** Family names repeat down a column, so the folded answer is remembered (a bounded cache). */
const surnameCache = new Map<string, boolean>();
function isSurname(word: string): boolean {
  let yes = surnameCache.get(word);
  if (yes === undefined) {
    yes = SURNAMES.has(fold(word));
    if (surnameCache.size < 10_000) surnameCache.set(word, yes);
  }
  return yes;
}

/** Places numbered within a commune: lanes, alleys, hamlets, residential groups. Wards and districts ("Quận 1") are not
 * addresses of a person and are left out. */
const NUMBERED_PLACES = '(ngo|ngach|hem|kiet|to|to dan pho|tdp|thon|xom|ap|khu pho|kp|khom)';
const STREET_WORDS = '(duong|pho|ngo|ngach|hem|kiet)';
const ADDRESS_PATTERNS = [
  // "Số 12 đường Lê Lợi", "so 5, ngo 3"; not "Số 12/QĐ-UBND" (a document number)
  /^so\s*\d+[a-z]?(\s*,\s*|\s+)[a-z]/,
  // "ngõ 5", "hẻm 12/3", "kiệt 40", "tổ dân phố 7", "thôn 3", "xóm 2", "ấp 4", "khu phố 6"
  new RegExp(`(^|[\\s,])${NUMBERED_PLACES}\\s*(so\\s*)?\\d+`),
  // "12 đường …", "45 phố …", "3/2 hẻm …"
  new RegExp(`^\\d+[a-z]?([/-]\\d+[a-z]?)*\\s*,?\\s*${STREET_WORDS}\\b`),
];
/** "12 Lê Lợi", "12A/3 Trần Phú", "45-47 Hàng Bài": a house number, then a capitalised street name of 2+ words. */
const HOUSE_THEN_STREET = /^\d{1,5}[A-Za-z]?([/-]\d{1,5}[A-Za-z]?)*\s*,?\s+\p{Lu}\p{Ll}*(\s+\p{Lu}\p{Ll}*)+/u;

/** An address with a house number, or a lane, hamlet or residential group with its number. */
export function isAddress(s: string): boolean {
  if (s.length < 4 || s.length > 300 || !/\d/.test(s)) return false;
  if (HOUSE_THEN_STREET.test(s.normalize('NFC'))) return true;
  const f = fold(s);
  for (const p of ADDRESS_PATTERNS) if (p.test(f)) return true;
  return false;
}
