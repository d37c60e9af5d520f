// The organisation tree as the domain sees it. Pure types.

/**
 * Kinds of unit in the one tree:
 * - central: the root "Trung ương" holding national bodies and provinces
 * - national: a national body the plans report to (Thủ tướng Chính phủ, a Bộ)
 * - province: a province; its executive is the provincial People's Committee (UBND tỉnh)
 * - agency: a provincial agency (sở, ban, ngành)
 * - commune / ward: xã / phường; executive UBND xã / phường
 * - office: an office or body of a commune/ward (phòng, trung tâm, công an…)
 * - neighbourhood: tổ dân phố / thôn, added by unit admins
 */
export const UNIT_KINDS = [
  'central',
  'national',
  'province',
  'agency',
  'commune',
  'ward',
  'office',
  'neighbourhood',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface UnitEntry {
  id: number;
  parentId: number | null;
  kind: UnitKind;
  /** Stable code: official 5-digit code for communes/wards, "38" for the province, "38.SKHCN", "14797.PVHXH"… */
  code: string;
  /** Official name as written in documents: "Sở Khoa học và Công nghệ", "Phòng Văn hóa - Xã hội phường Nam Sầm Sơn". */
  name: string;
  /** Short form: "Nam Sầm Sơn", "Phòng Văn hóa - Xã hội", "SKHCN". */
  shortName: string;
  /** Other names that identify it: abbreviations, former units merged into it ("Phường Quảng Vinh"). */
  aliases: string[];
}

export const UNIT_KIND_LABEL: Record<UnitKind, string> = {
  central: 'Trung ương',
  national: 'Cơ quan trung ương',
  province: 'Tỉnh',
  agency: 'Sở, ban, ngành',
  commune: 'Xã',
  ward: 'Phường',
  office: 'Phòng, ban, đơn vị',
  neighbourhood: 'Thôn, tổ dân phố',
};

export function isCommuneLevel(kind: UnitKind): kind is 'commune' | 'ward' {
  return kind === 'commune' || kind === 'ward';
}
