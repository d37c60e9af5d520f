// Builds the organisation tree from the reference data (reference-data/*.csv). Pure: takes parsed rows.
import type { UnitKind } from './unit.ts';

export interface ReferenceAlias {
  name: string;
  kind: 'former' | 'abbreviation' | 'other';
  /** e.g. "Mã 14755, Thành phố Thanh Hóa, nhập toàn bộ" */
  note: string | null;
}

export interface ReferenceUnit {
  code: string;
  parentCode: string | null;
  kind: UnitKind;
  name: string;
  shortName: string;
  aliases: ReferenceAlias[];
}

export interface CommuneRow {
  code: string;
  name: string;
  type: string;
}
export interface FormerUnitRow {
  new_code: string;
  old_code: string;
  old_name: string;
  old_type: string;
  old_district: string;
  change: string;
}
export interface AgencyRow {
  short_code: string;
  name: string;
  kind: string;
  /** Customary names, ";"-separated (optional column). */
  aliases?: string;
}
/** A body of the Government (reference-data/national-bodies.csv). */
export interface NationalBodyRow {
  short_code: string;
  name: string;
  kind: string;
  aliases?: string;
}
/** A province or centrally-run city (reference-data/provinces.csv). */
export interface ProvinceRow {
  code: string;
  name: string;
  /** "tỉnh" or "thành phố" */
  type: string;
  /** "Tỉnh Hà Giang (02); Tỉnh Tuyên Quang (08)": the provinces merged into it in 2025. */
  former_units?: string;
}
export interface CommuneOfficeRow {
  short_code: string;
  name: string;
  kind: string;
  applies_to: string;
}

export const CENTRAL_CODE = 'TW';
export const PROVINCE_CODE = '38';

/** Customary names written for a unit, from a reference CSV's "aliases" column ("Sở KH&CN;Sở KHCN"). */
function aliasList(text: string | undefined): ReferenceAlias[] {
  return (text ?? '')
    .split(';')
    .map((a) => a.trim())
    .filter(Boolean)
    .map((name) => ({ name, kind: 'abbreviation' as const, note: null }));
}

function titleKind(type: string): 'xã' | 'phường' {
  if (type === 'xã' || type === 'phường') return type;
  throw new Error(`Loại đơn vị không hợp lệ trong dữ liệu tham chiếu: "${type}"`);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "Công an xã / Công an phường" → "Công an phường"; "Ban Chỉ huy quân sự xã / phường" → "Ban Chỉ huy quân sự phường". */
export function officeBaseName(name: string, type: 'xã' | 'phường'): string {
  const slash = name.match(/^(.*?)\s*(xã)\s*\/\s*(.*?)\s*(phường)$/);
  if (!slash) return name;
  const [, before, , after] = slash;
  if (type === 'xã') return `${before} xã`.trim();
  // "Công an xã / Công an phường": the phường form is written out in full after the slash.
  return after && after.length > 0 ? `${after} phường` : `${before} phường`;
}

/** An office every commune of a type has, as the cascade rules name it: "PVHXH" → "Phòng Văn hóa - Xã hội xã". */
export interface OfficeChoice {
  code: string;
  name: string;
}

/** The offices of a xã and of a phường (Nghị định 150/2025), in the reference order, named with the commune's type. */
export function officeChoices(rows: readonly CommuneOfficeRow[]): Record<'xã' | 'phường', OfficeChoice[]> {
  const of = (type: 'xã' | 'phường') =>
    rows
      .filter((o) =>
        o.applies_to
          .split(';')
          .map((s) => s.trim())
          .includes(type),
      )
      .map((o) => {
        const base = officeBaseName(o.name, type);
        return { code: o.short_code, name: base.endsWith(` ${type}`) ? base : `${base} ${type}` };
      });
  return { xã: of('xã'), phường: of('phường') };
}

// A commune or ward, with its former names as aliases, and the offices its type has.
export function communeUnits(
  c: CommuneRow,
  former: FormerUnitRow[],
  communeOffices: CommuneOfficeRow[],
  provinceCode: string,
): ReferenceUnit[] {
  const units: ReferenceUnit[] = [];
  const type = titleKind(c.type);
  const full = `${capitalise(type)} ${c.name}`;
  const aliases: ReferenceAlias[] = [
    { name: `UBND ${type} ${c.name}`, kind: 'abbreviation', note: null },
    { name: `Ủy ban nhân dân ${type} ${c.name}`, kind: 'other', note: null },
  ];
  for (const f of former) {
    if (f.change === 'Giữ nguyên') continue;
    const oldFull = `${capitalise(f.old_type)} ${f.old_name}`;
    if (oldFull === full) continue;
    aliases.push({
      name: oldFull,
      kind: 'former',
      note: [[f.old_code ? `Mã ${f.old_code}` : '', f.old_district].filter(Boolean).join(', '), f.change.toLowerCase()]
        .filter(Boolean)
        .join('; '),
    });
  }
  units.push({
    code: c.code,
    parentCode: provinceCode,
    kind: type === 'xã' ? 'commune' : 'ward',
    name: full,
    shortName: c.name,
    aliases,
  });
  for (const o of communeOffices) {
    const appliesTo = o.applies_to.split(';').map((s) => s.trim());
    if (!appliesTo.includes(type)) continue;
    const base = officeBaseName(o.name, type);
    const endsWithType = base.endsWith(` ${type}`);
    const name = endsWithType ? `${base} ${c.name}` : `${base} ${type} ${c.name}`;
    units.push({
      code: `${c.code}.${o.short_code}`,
      parentCode: c.code,
      kind: 'office',
      name,
      shortName: base,
      aliases: [{ name: `${o.short_code} ${type} ${c.name}`, kind: 'abbreviation', note: null }],
    });
  }
  return units;
}

/** "Tỉnh Nghệ An", "Thành phố Hà Nội": the province's name as the register writes it. */
export function provinceFullName(p: Pick<ProvinceRow, 'name' | 'type'>): string {
  return `${capitalise(provinceType(p.type))} ${p.name}`;
}

function provinceType(type: string): 'tỉnh' | 'thành phố' {
  if (type === 'tỉnh' || type === 'thành phố') return type;
  throw new Error(`Loại đơn vị cấp tỉnh không hợp lệ trong dữ liệu tham chiếu: "${type}"`);
}

/** A province with the names documents use for it: its People's Committee, "TP. Huế", the provinces merged into it. */
function provinceUnit(p: ProvinceRow, home: boolean): ReferenceUnit {
  const type = provinceType(p.type);
  const full = provinceFullName(p);
  const aliases: ReferenceAlias[] = [
    { name: `Ủy ban nhân dân ${type} ${p.name}`, kind: 'other', note: null },
    { name: `UBND ${type} ${p.name}`, kind: 'abbreviation', note: null },
  ];
  if (type === 'thành phố')
    aliases.push(
      { name: `TP. ${p.name}`, kind: 'abbreviation', note: null },
      { name: `UBND TP. ${p.name}`, kind: 'abbreviation', note: null },
    );
  if (p.code === '79') aliases.push({ name: 'TP.HCM', kind: 'abbreviation', note: null });
  // The province's own documents say "UBND tỉnh" for themselves; kept for the register's home province.
  if (home) aliases.push({ name: `UBND ${type}`, kind: 'abbreviation', note: null });
  for (const f of (p.former_units ?? '').split(';')) {
    const m = /^\s*(.+?)\s*\((\d+)\)\s*$/u.exec(f);
    if (!m || m[1] === full) continue;
    aliases.push({ name: m[1]!, kind: 'former', note: `Mã ${m[2]}; hợp nhất năm 2025 (Nghị quyết 202/2025/QH15)` });
  }
  return { code: p.code, parentCode: CENTRAL_CODE, kind: 'province', name: full, shortName: p.name, aliases };
}

/**
 * The one tree: Trung ương → the Government's bodies and the 34 provinces → the home province's agencies and
 * communes/wards → each commune's offices. Codes are stable keys: "TW.BTP", "38", "38.SKHCN", "16516", "16516.PVHXH".
 * Other provinces come last, without communes: they are known as issuers and named in documents; a province that
 * onboards loads its communes with `thihanh units import`.
 */
export function buildReferenceUnits(input: {
  nationalBodies: NationalBodyRow[];
  provinces: ProvinceRow[];
  communes: CommuneRow[];
  formerUnits: FormerUnitRow[];
  agencies: AgencyRow[];
  communeOffices: CommuneOfficeRow[];
}): ReferenceUnit[] {
  const units: ReferenceUnit[] = [
    { code: CENTRAL_CODE, parentCode: null, kind: 'central', name: 'Trung ương', shortName: 'Trung ương', aliases: [] },
  ];
  for (const b of input.nationalBodies) {
    units.push({
      code: `${CENTRAL_CODE}.${b.short_code}`,
      parentCode: CENTRAL_CODE,
      kind: 'national',
      name: b.name,
      shortName: b.short_code,
      aliases: aliasList(b.aliases),
    });
  }
  const home = input.provinces.find((p) => p.code === PROVINCE_CODE);
  if (!home) throw new Error(`Dữ liệu tham chiếu: thiếu tỉnh mã ${PROVINCE_CODE} trong danh sách tỉnh, thành phố`);
  units.push(provinceUnit(home, true));
  for (const a of input.agencies) {
    units.push({
      code: `${PROVINCE_CODE}.${a.short_code}`,
      parentCode: PROVINCE_CODE,
      kind: 'agency',
      name: a.name,
      shortName: a.short_code,
      aliases: [{ name: a.short_code, kind: 'abbreviation' as const, note: null }, ...aliasList(a.aliases)],
    });
  }
  const formerByCode = new Map<string, FormerUnitRow[]>();
  for (const f of input.formerUnits) {
    const list = formerByCode.get(f.new_code) ?? [];
    list.push(f);
    formerByCode.set(f.new_code, list);
  }
  for (const c of input.communes)
    units.push(...communeUnits(c, formerByCode.get(c.code) ?? [], input.communeOffices, PROVINCE_CODE));
  for (const p of input.provinces) if (p.code !== PROVINCE_CODE) units.push(provinceUnit(p, false));
  return units;
}
