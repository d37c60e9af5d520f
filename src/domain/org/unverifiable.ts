// Names a plan may rightly write that the register cannot confirm, so that neither the import nor the checks call
// them unknown: the divisions and units inside the issuing department or ministry (the register lists the bodies
// plans are given to, not each one's Phòng, Vụ or Trung tâm), and the bodies of a province whose agencies the
// register does not hold yet. Pure.
import { fold } from '../text.ts';
import type { UnitDirectory } from './resolve.ts';

/**
 * Words that begin the name of a body inside another: a department's or a ministry's divisions (Phòng, Văn phòng,
 * Thanh tra, Vụ, Cục, Chi cục) and the units under it (Trung tâm, Viện, Bệnh viện, Trường, Báo, Tạp chí…).
 */
const DIVISION_NAME =
  /^(phong|van phong|thanh tra|vu|cuc|chi cuc|trung tam|vien|ban|bao|tap chi|benh vien|truong|hoc vien|nha xuat ban|dai|quy) /;
/** Issuers that have such bodies inside them, by their written name: a Sở, a ministry and the like. */
const DIVIDED_ISSUER = /^(so|bo|cuc|tong cuc|ban|van phong|thanh tra|cong an|bo chi huy) /;

export function isDivisionName(text: string): boolean {
  return DIVISION_NAME.test(`${fold(text)} `);
}

/**
 * Whose division a name may be: the issuer's name when it is a department or a ministry of the register ("Bộ Tư
 * pháp"), "cơ quan ban hành" when it is written as one but not in the register ("SỞ Y TẾ" of another province), null
 * for a People's Committee or an unknown issuer.
 */
export function divisionHolder(
  directory: UnitDirectory,
  issuer: { unitCode?: string | null; text?: string | null } | null | undefined,
): string | null {
  const entry = issuer?.unitCode ? directory.getByCode(issuer.unitCode) : undefined;
  if (entry) return entry.kind === 'agency' || entry.kind === 'national' ? entry.name : null;
  return issuer?.text && DIVIDED_ISSUER.test(`${fold(issuer.text)} `) ? 'cơ quan ban hành' : null;
}

/**
 * The province a plan belongs to ("Tỉnh Nghệ An") when the plan is the province's or one of its agencies' and the
 * register does not hold that province's agencies: the bodies it names cannot be checked, which is not a mistake.
 */
export function uncheckedProvince(directory: UnitDirectory, withinCode: string | undefined): string | null {
  if (!withinCode) return null;
  const issuer = directory.getByCode(withinCode);
  if (!issuer || (issuer.kind !== 'province' && issuer.kind !== 'agency')) return null;
  const province = directory.provinceOf(withinCode);
  return province && !directory.hasAgencies(province.code) ? province.name : null;
}
