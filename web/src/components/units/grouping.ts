// Children of a unit, grouped by kind and sorted the Vietnamese way.
import type { UnitKind, UnitWithCount } from '../../api/types.ts';
import { collator } from '../../format.ts';

interface GroupDef {
  key: string;
  label: string;
  kinds: UnitKind[];
  /** Communes and wards sort by place name ("Nam Sầm Sơn"), others by full name. */
  byShortName?: boolean;
}

const GROUPS: GroupDef[] = [
  { key: 'national', label: 'Cơ quan trung ương', kinds: ['national'] },
  { key: 'province', label: 'Tỉnh, thành phố', kinds: ['province'] },
  { key: 'agency', label: 'Sở, ban, ngành', kinds: ['agency'] },
  { key: 'commune', label: 'Xã, phường', kinds: ['commune', 'ward'], byShortName: true },
  { key: 'office', label: 'Phòng, ban, đơn vị', kinds: ['office'] },
  { key: 'neighbourhood', label: 'Thôn, tổ dân phố', kinds: ['neighbourhood'] },
];

export interface ChildGroup {
  key: string;
  label: string;
  units: UnitWithCount[];
}

export function groupChildren(children: readonly UnitWithCount[]): ChildGroup[] {
  const groups: ChildGroup[] = [];
  const used = new Set<number>();
  for (const g of GROUPS) {
    const units = children.filter((c) => g.kinds.includes(c.kind));
    if (!units.length) continue;
    for (const u of units) used.add(u.id);
    const key = (u: UnitWithCount) => (g.byShortName ? u.shortName || u.name : u.name);
    groups.push({
      key: g.key,
      label: g.label,
      units: [...units].sort((a, b) => collator.compare(key(a), key(b)) || collator.compare(a.name, b.name)),
    });
  }
  const rest = children.filter((c) => !used.has(c.id));
  if (rest.length)
    groups.push({ key: 'other', label: 'Khác', units: [...rest].sort((a, b) => collator.compare(a.name, b.name)) });
  return groups;
}
