// Why a search hit came up: its name, its code, or another name (a former name, an abbreviation…).
import type { UnitSearchHit } from '../api/types.ts';

function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().trim();
}

/** Names of administrative units (what a merged commune or ward was called). */
const ADMIN_NAME = /^(xa|phuong|thi tran|huyen|quan|thi xa|thanh pho|tinh)\s/;

/**
 * A note such as "khớp tên cũ: Phường Quảng Vinh" when the hit matched something other than its own name or
 * code; null otherwise. The API says only which text matched, not its kind, so a name of an administrative
 * unit is read as a former name (what merging communes leaves) and anything else as another name.
 */
export function matchNote(hit: UnitSearchHit): string | null {
  const m = fold(hit.matched ?? '');
  if (!m) return null;
  if ([hit.name, hit.shortName, hit.code].some((x) => fold(x) === m)) return null;
  if (fold(hit.code).startsWith(m) || m.startsWith(fold(hit.code))) return null;
  return ADMIN_NAME.test(m) ? `khớp tên cũ: ${hit.matched}` : `khớp tên khác: ${hit.matched}`;
}
