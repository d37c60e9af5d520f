// Vietnamese text helpers shared by parsing, search and rendering. Pure.

/** Canonical storage form: NFC, trimmed, inner whitespace collapsed. */
export function normalizeText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u00A0\s]+/g, ' ')
    .trim();
}

/**
 * Accent- and case-folded form used for matching ("Nam Sầm Sơn" → "nam sam son").
 * Mirrors what unaccent(lower(...)) does in the database, so app-side and SQL-side matching agree.
 */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[\u00A0\s]+/g, ' ')
    .trim();
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
/** Vietnamese collation for sorting names in lists. */
export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}

// The Vietnamese alphabet (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, with f j w z where Latin puts
// them) as one character per letter, in order, tones ignored: the primary sort key of a name. The same table runs in
// SQL as translate(…) COLLATE "C", which PostgreSQL and PGlite order alike (neither needs an ICU collation), so a
// paged list sorted by the database and a list sorted here agree.
const VI_LETTERS = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
const VOWELS = new Set('aăâeêioôơuưy');

function sortKeyTable(): { from: string; to: string } {
  let from = '';
  let to = '';
  [...VI_LETTERS].forEach((letter, i) => {
    const code = String.fromCharCode(0x41 + i);
    for (const tone of VOWELS.has(letter) ? TONES : ['']) {
      for (const form of [letter, letter.toLocaleUpperCase('vi')]) {
        from += (form + tone).normalize('NFC');
        to += code;
      }
    }
  });
  return { from, to };
}

/** The characters `viSortKey` replaces and what with (for SQL's translate()). */
export const VI_SORT_KEY = sortKeyTable();
const KEY_OF = new Map([...VI_SORT_KEY.from].map((c, i) => [c, VI_SORT_KEY.to[i]!]));

/**
 * Primary sort key of a name under Vietnamese rules: each letter (either case, any tone) becomes one character in
 * alphabet order; spaces and digits stay and sort before letters. Compare keys by code point ("C" collation).
 */
export function viSortKey(s: string): string {
  let out = '';
  for (const c of s.normalize('NFC')) out += KEY_OF.get(c) ?? c;
  return out;
}

/** Levenshtein distance, for typo tolerance on short names. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** dd/mm/yyyy from an ISO date (YYYY-MM-DD). */
export function formatDateVi(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

const COUNT_FORMAT = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
/** A count as Vietnamese text writes it: "28.450". */
export function formatCountVi(n: number): string {
  return COUNT_FORMAT.format(n);
}

/** A share between 0 and 1 as a whole percentage, as the web app shows it: 0.72 → "72%". */
export function formatShareVi(fraction: number): string {
  return `${COUNT_FORMAT.format(Math.round(fraction * 100))}%`;
}

/**
 * A text as a sentence: its own closing mark kept, a full stop added only when it has none. Notifications end what
 * people wrote with ". " ("…trả lại báo cáo: {lý do}. Đề nghị…"): a reason that already ends with "." must not give
 * "tuyên truyền.. Đề nghị".
 */
export function sentence(text: string): string {
  const t = text.trim().replace(/[\s,;:]+$/u, '');
  if (!t) return '';
  return /[.!?…]["”’)]?$/u.test(t) ? t : `${t}.`;
}

/**
 * The start of a text at most `max` characters long, cut after a whole word and ended with "…" (a notification's
 * body, a to-do title); the text itself when it fits.
 */
export function shorten(text: string, max: number): string {
  const t = normalizeText(text);
  if (t.length <= max) return t;
  const room = t.slice(0, max);
  const space = room.lastIndexOf(' ');
  const head = space >= max * 0.6 ? room.slice(0, space) : room.slice(0, max - 1);
  return `${head.replace(/[\s,;:.–-]+$/u, '')}…`;
}
