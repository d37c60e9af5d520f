// How plans and reports name the issuing unit.
import { type UnitRow } from '../org/index.ts';

/** The issuing unit name as plans refer to it: "UBND tỉnh Thanh Hóa", "UBND phường Nam Sầm Sơn". */
export function issuerName(unit: UnitRow): string {
  if (unit.kind === 'province') return `UBND tỉnh ${unit.short_name}`;
  if (unit.kind === 'ward' || unit.kind === 'commune') return `UBND ${unit.kind === 'ward' ? 'phường' : 'xã'} ${unit.short_name}`;
  return unit.name;
}
