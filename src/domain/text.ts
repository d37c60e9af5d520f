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
