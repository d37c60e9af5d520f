// Text helpers (pure): case, numbering, dates, issuer and recipient lines as ND30 writes them.
import { END_MARKER } from './format.ts';

/** Upper case with Vietnamese rules (ND30 upper-case elements: Quốc hiệu, cơ quan, tên loại, chức vụ). */
export function upperVi(s: string): string {
  return s.normalize('NFC').toLocaleUpperCase('vi');
}

/** Lower-cases the first letter unless the first word is an abbreviation ("UBND"). */
export function lowerFirst(s: string): string {
  const chars = [...s];
  const [a, b] = chars;
  if (a === undefined) return s;
  if (b !== undefined && b === b.toLocaleUpperCase('vi') && b !== b.toLocaleLowerCase('vi')) return s;
  return a.toLocaleLowerCase('vi') + chars.slice(1).join('');
}

export function upperFirst(s: string): string {
  const [a, ...rest] = [...s];
  return a === undefined ? s : a.toLocaleUpperCase('vi') + rest.join('');
}

/** "THANH HÓA" → "Thanh Hóa": capitalises each syllable of a proper name written in capitals. */
export function titleCaseVi(s: string): string {
  return s
    .toLocaleLowerCase('vi')
    .split(/(\s+)/)
    .map((w) => upperFirst(w))
    .join('');
}

/** Adds a final "." when a line has no closing punctuation, as list lines of the decree's samples do. */
export function withFinalStop(s: string): string {
  const t = s.trim();
  return /[.;:!?]$/.test(t) ? t : `${t}.`;
}

/**
 * Appends the end-of-body marker "./." [every Mẫu 1.x]. The sentence's own full stop is the first "." of the marker,
 * so "… theo quy định." becomes "… theo quy định./.".
 */
export function withEndMarker(s: string): string {
  const t = s.trim();
  if (t.endsWith(END_MARKER)) return t;
  return /[.;:]$/.test(t) ? `${t.slice(0, -1)}${END_MARKER}` : `${t}${END_MARKER}`;
}

/** Points follow the Vietnamese alphabet [ND30 II.6đ]: a) b) c) d) đ) e) g) h) i) k) … (no f, j, w, z). */
const POINT_LETTERS = [
  'a',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'g',
  'h',
  'i',
  'k',
  'l',
  'm',
  'n',
  'o',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'v',
  'x',
  'y',
];
export function pointLabel(index: number): string {
  const n = POINT_LETTERS.length;
  const letter = POINT_LETTERS[index % n]!;
  // Beyond "y" the letters double ("aa"), which no real document reaches but must not crash.
  return index < n ? letter : POINT_LETTERS[Math.floor(index / n) - 1]! + letter;
}

export function romanNumeral(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [v, s] of table) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

// Blanks the văn thư fills in by hand after signature [ND30 Điều 15: the number is given when the document is issued].
const BLANK_NUMBER = ' '.repeat(8);
const BLANK_DAY = ' '.repeat(6);

/** Number as written, with the leading 0 of ND30 II.3c for numbers below 10 ("5" → "05"). */
export function formatNumber(number: string | null): string | null {
  const n = number?.trim();
  if (!n) return null;
  return /^\d$/.test(n) ? `0${n}` : n;
}

/** "Số: 05/KH-UBND"; "Số:        /KH-UBND" when not numbered yet [ND30 II.3]. */
export function formatNumberLine(number: string | null, symbol: string | null): string {
  const n = formatNumber(number) ?? BLANK_NUMBER;
  return symbol ? `Số: ${n}/${symbol}` : `Số: ${n}`;
}

/**
 * "ngày 04 tháng 5 năm 2026" [ND30 II.4b]: day < 10 and months 1, 2 take a leading 0 ("ngày 28 tháng 02 năm 2026");
 * blanks for the day and month when not dated yet.
 */
export function formatIssueDate(date: string | null, year: number | null): string {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  if (!m) return `ngày${BLANK_DAY}tháng${BLANK_DAY}năm ${year ?? BLANK_DAY}`;
  const y = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month <= 2 ? `0${month}` : String(month);
  return `ngày ${dd} tháng ${mm} năm ${y}`;
}

/** "Thanh Hóa, ngày 04 tháng 5 năm 2026" [ND30 II.4: comma after the place name]. */
export function formatPlaceDate(place: string, date: string | null, year: number | null): string {
  return `${place.trim()}, ${formatIssueDate(date, year)}`;
}

/**
 * Splits an issuer name into its header lines. "ỦY BAN NHÂN DÂN TỈNH THANH HÓA" → ["ỦY BAN NHÂN DÂN", "TỈNH THANH HÓA"],
 * as the committees of provinces and communes print it [ND30 II.2; research A.5]. "\n" in the name forces the break.
 */
export function issuerLines(name: string): string[] {
  const upper = upperVi(name.trim());
  if (upper.includes('\n'))
    return upper
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  const m = /^(ỦY BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN)\s+(.+)$/u.exec(upper);
  return m ? [m[1]!, m[2]!] : [upper];
}

const BODY_TYPES = [
  'ủy ban nhân dân',
  'hội đồng nhân dân',
  'văn phòng',
  'trung tâm',
  'chi cục',
  'công an',
  'sở',
  'phòng',
  'ban',
  'cục',
  'bộ',
];
/** A level word before a unit's proper name; "xã hội" is a field, not a commune. */
const LEVEL_WORD = /(?:^|\s)(tỉnh|thành phố|xã(?! hội(?:\s|$))|phường|đặc khu)\s+/gu;

/**
 * A body's name as running text writes it, from the upper-case header form [ND30 Phụ lục II: capitals for the type of
 * body and each field, the level in lower case, the proper name capitalised]:
 * "ỦY BAN NHÂN DÂN TỈNH THANH HÓA" → "Ủy ban nhân dân tỉnh Thanh Hóa",
 * "SỞ KHOA HỌC VÀ CÔNG NGHỆ" → "Sở Khoa học và Công nghệ",
 * "PHÒNG VĂN HÓA - XÃ HỘI PHƯỜNG NAM SẦM SƠN" → "Phòng Văn hóa - Xã hội phường Nam Sầm Sơn".
 * A heuristic: prefer the register's official name when there is one.
 */
export function nameInRunningText(upperName: string): string {
  let rest = upperName
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase('vi')
    .replace(/^ubnd\b/u, 'ủy ban nhân dân')
    .replace(/^hđnd\b/u, 'hội đồng nhân dân');
  let place = '';
  // The last level word names the place: "… xã hội phường Nam Sầm Sơn".
  const level = [...rest.matchAll(LEVEL_WORD)].at(-1);
  if (level) {
    place = `${level[1]} ${titleCaseVi(rest.slice(level.index + level[0].length))}`;
    rest = rest.slice(0, level.index).trim();
  }
  const type = BODY_TYPES.find((t) => rest === t || rest.startsWith(`${t} `));
  let head = '';
  if (type) {
    head = upperFirst(type);
    rest = rest.slice(type.length).trim();
  }
  // Each field after the type starts with a capital: "khoa học và công nghệ" → "Khoa học và Công nghệ".
  const fields = rest
    .split(/(\s+và\s+|,\s+|\s+-\s+)/u)
    .map((part, i) =>
      i % 2 === 1 || type === 'ủy ban nhân dân' || type === 'hội đồng nhân dân' || part.startsWith('các ')
        ? part
        : upperFirst(part),
    )
    .join('');
  const name = [head, fields, place].filter(Boolean).join(' ');
  return upperFirst(name);
}

/**
 * Nơi nhận items [ND30 II.9b]: "- …;" each, the archive line "- Lưu: VT, …." last. Accepts items with or without the
 * dash and closing punctuation; adds "Lưu: VT" when the list has no archive line.
 */
export function noiNhanLines(items: readonly string[]): string[] {
  const clean = items
    .map((s) =>
      s
        .trim()
        .replace(/^[-–+•]\s*/, '')
        .replace(/[;.,]+$/, '')
        .trim(),
    )
    .filter(Boolean);
  const archive = clean.filter((s) => /^Lưu\b/u.test(s));
  const others = clean.filter((s) => !/^Lưu\b/u.test(s));
  const last = archive[archive.length - 1] ?? 'Lưu: VT';
  return [...others.map((s) => `- ${s};`), `- ${last}.`];
}
