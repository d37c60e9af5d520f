// Which units may sit under which. Pure.
import type { UnitKind } from './unit.ts';

const CHILD_KINDS: Record<UnitKind, UnitKind[]> = {
  central: ['national', 'province'],
  national: [],
  province: ['agency', 'commune', 'ward'],
  agency: [],
  commune: ['office', 'neighbourhood'],
  ward: ['office', 'neighbourhood'],
  office: [],
  neighbourhood: [],
};

export function allowedChildKinds(parent: UnitKind): UnitKind[] {
  return CHILD_KINDS[parent];
}

/** A merge keeps the tree meaningful only between units of the same kind (two xã, two tổ dân phố…). */
export function canMerge(source: UnitKind, target: UnitKind): boolean {
  const communeLevel = (k: UnitKind) => k === 'commune' || k === 'ward';
  return source === target || (communeLevel(source) && communeLevel(target));
}

/** Codes of units added by people: "<parent code>.<slug>" with a counter when needed. */
export function childCode(parentCode: string, shortName: string, taken: (code: string) => boolean): string {
  const slug =
    shortName
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/gi, 'd')
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, '')
      .slice(0, 16) || 'DV';
  let code = `${parentCode}.${slug}`;
  for (let i = 2; taken(code); i++) code = `${parentCode}.${slug}${i}`;
  return code;
}
