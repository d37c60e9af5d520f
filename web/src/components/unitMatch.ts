// Why a search hit came up: its name, its code, or another name (a former name, an abbreviation…).
import type { UnitSearchHit } from '../api/types.ts';

const NOTE: Record<string, string> = {
  former: 'khớp tên cũ',
  abbreviation: 'khớp tên viết tắt',
  other: 'khớp tên khác',
};

/**
 * A note such as "khớp tên cũ: Phường Quảng Vinh" when the hit matched something other than its own name or code
 * (the API says what kind of text matched); null otherwise.
 */
export function matchNote(hit: UnitSearchHit): string | null {
  const note = NOTE[hit.matchedKind];
  return note && hit.matched ? `${note}: ${hit.matched}` : null;
}
