// How the issuing unit appears in the header of its documents, from the register.
import type { UnitRow } from '../org/index.ts';

/** Header lines of the issuer as Nghị định 30/2020 prints them (upper case), from the register. */
export function renderOptions(unit: UnitRow, parentUnit: UnitRow | undefined, draft: boolean) {
  const upper = (s: string) => s.toLocaleUpperCase('vi');
  if (unit.kind === 'province' || unit.kind === 'commune' || unit.kind === 'ward') {
    return { issuerParentName: null, issuerName: `ỦY BAN NHÂN DÂN ${upper(unit.name)}`, placeName: unit.short_name, draft };
  }
  const parentShort = parentUnit ? (parentUnit.kind === 'province' ? `UBND TỈNH ${upper(parentUnit.short_name)}` : `UBND ${upper(parentUnit.name)}`) : null;
  return { issuerParentName: parentShort, issuerName: upper(unit.name.replace(/\s+(xã|phường)\s+.*$/u, '')), placeName: parentUnit?.short_name ?? unit.short_name, draft };
}

