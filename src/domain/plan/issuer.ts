// How plans and reports name the issuing unit: in running text and in the header of their documents. Shared by the
// plans and reporting modules, so it lives here rather than in either of them.

/** What naming the issuer needs of a unit (a row of the register). */
export interface IssuingUnit {
  kind: string;
  name: string;
  short_name: string;
}

/** The issuing unit name as plans refer to it: "UBND tỉnh Thanh Hóa", "UBND phường Nam Sầm Sơn". */
export function issuerName(unit: IssuingUnit): string {
  if (unit.kind === 'province') return `UBND tỉnh ${unit.short_name}`;
  if (unit.kind === 'ward' || unit.kind === 'commune')
    return `UBND ${unit.kind === 'ward' ? 'phường' : 'xã'} ${unit.short_name}`;
  return unit.name;
}

/** Header lines of the issuer as Nghị định 30/2020 prints them (upper case), from the register. */
export function renderOptions(unit: IssuingUnit, parentUnit: IssuingUnit | undefined, draft: boolean) {
  const upper = (s: string) => s.toLocaleUpperCase('vi');
  if (unit.kind === 'province' || unit.kind === 'commune' || unit.kind === 'ward') {
    return {
      issuerParentName: null,
      issuerName: `ỦY BAN NHÂN DÂN ${upper(unit.name)}`,
      placeName: unit.short_name,
      draft,
    };
  }
  const parentShort = parentUnit
    ? parentUnit.kind === 'province'
      ? `UBND TỈNH ${upper(parentUnit.short_name)}`
      : `UBND ${upper(parentUnit.name)}`
    : null;
  return {
    issuerParentName: parentShort,
    issuerName: upper(unit.name.replace(/\s+(xã|phường)\s+.*$/u, '')),
    placeName: parentUnit?.short_name ?? unit.short_name,
    draft,
  };
}
