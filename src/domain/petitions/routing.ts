// Which unit receives a petition from the public, as the seed plans assign task 5: Sở Khoa học và Công nghệ for the
// province; a commune's or ward's Phòng Văn hóa - Xã hội (or the commune itself without one). Pure.
import { PROVINCE_CODE } from '../org/reference.ts';
import type { UnitEntry } from '../org/unit.ts';
import type { PetitionLevel } from './settings.ts';

export interface Receiver {
  unitId: number;
  level: PetitionLevel;
}

/** The receiving unit, or null when the commune code names no commune or ward of the register. */
export function receivingUnitFor(entries: readonly UnitEntry[], communeCode?: string): Receiver | null {
  if (communeCode) {
    const commune = entries.find((e) => e.code === communeCode && (e.kind === 'commune' || e.kind === 'ward'));
    if (!commune) return null;
    const office = entries.find((e) => e.code === `${commune.code}.PVHXH` && e.parentId === commune.id);
    return { unitId: (office ?? commune).id, level: 'commune' };
  }
  // The home province: the register also lists the country's other provinces (as issuers), without their offices.
  const province = entries.find((e) => e.code === PROVINCE_CODE) ?? entries.find((e) => e.kind === 'province');
  if (!province) return null;
  const focal = entries.find((e) => e.code === `${province.code}.SKHCN`);
  return { unitId: (focal ?? province).id, level: 'province' };
}
