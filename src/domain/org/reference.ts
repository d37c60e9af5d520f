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
}
export interface CommuneOfficeRow {
  short_code: string;
  name: string;
  kind: string;
  applies_to: string;
}

export const CENTRAL_CODE = 'TW';
export const PROVINCE_CODE = '38';

/**
 * The Prime Minister and the 14 ministries and 3 ministry-level agencies of the Government from 1/3/2025 (Nghị quyết
 * 176/2025/QH15), so a plan issued by or naming one of them resolves to it, never to a provincial department.
 */
const NATIONAL_BODIES: Array<[string, string, string[]]> = [
  ['TTg', 'Thủ tướng Chính phủ', ['Chính phủ', 'TTg']],
  ['BKHCN', 'Bộ Khoa học và Công nghệ', ['Bộ KH&CN', 'Bộ KHCN']],
  ['BCA', 'Bộ Công an', ['BCA']],
  ['BQP', 'Bộ Quốc phòng', []],
  ['BNG', 'Bộ Ngoại giao', []],
  ['BNV', 'Bộ Nội vụ', []],
  ['BTP', 'Bộ Tư pháp', []],
  ['BTC', 'Bộ Tài chính', []],
  ['BCT', 'Bộ Công Thương', []],
  ['BNNMT', 'Bộ Nông nghiệp và Môi trường', ['Bộ NN&MT']],
  ['BXD', 'Bộ Xây dựng', []],
  ['BVHTTDL', 'Bộ Văn hóa, Thể thao và Du lịch', ['Bộ VHTTDL']],
  ['BGDDT', 'Bộ Giáo dục và Đào tạo', ['Bộ GD&ĐT']],
  ['BYT', 'Bộ Y tế', []],
  ['BDTTG', 'Bộ Dân tộc và Tôn giáo', []],
  ['VPCP', 'Văn phòng Chính phủ', []],
  ['TTCP', 'Thanh tra Chính phủ', []],
  ['NHNN', 'Ngân hàng Nhà nước Việt Nam', []],
];

/** Extra customary abbreviations of provincial agencies (beyond their short code). */
const AGENCY_ALIASES: Record<string, string[]> = {
  SKHCN: ['Sở KH&CN', 'Sở KHCN', 'Sở Khoa học Công nghệ'],
  STC: ['Sở TC'],
  STP: ['Sở TP'],
  SNV: ['Sở NV'],
  SVHTTDL: ['Sở VHTTDL', 'Sở Văn hóa Thể thao và Du lịch'],
  SNNMT: ['Sở NN&MT'],
  SGDĐT: ['Sở GD&ĐT', 'Sở GDĐT'],
  VPUBND: ['Văn phòng UBND tỉnh', 'VP UBND tỉnh'],
  CAT: ['Công an tỉnh Thanh Hóa'],
};

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
function communeUnits(c: CommuneRow, former: FormerUnitRow[], communeOffices: CommuneOfficeRow[]): ReferenceUnit[] {
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
      note: `Mã ${f.old_code}, ${f.old_district}; ${f.change.toLowerCase()}`,
    });
  }
  units.push({
    code: c.code,
    parentCode: PROVINCE_CODE,
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

/**
 * The one tree: Trung ương → national bodies and the province → provincial agencies and the communes/wards
 * → each commune's offices. Codes are stable keys: "38", "38.SKHCN", "16516", "16516.PVHXH".
 */
export function buildReferenceUnits(input: {
  communes: CommuneRow[];
  formerUnits: FormerUnitRow[];
  agencies: AgencyRow[];
  communeOffices: CommuneOfficeRow[];
}): ReferenceUnit[] {
  const units: ReferenceUnit[] = [
    { code: CENTRAL_CODE, parentCode: null, kind: 'central', name: 'Trung ương', shortName: 'Trung ương', aliases: [] },
  ];
  for (const [code, name, abbr] of NATIONAL_BODIES) {
    units.push({
      code: `${CENTRAL_CODE}.${code}`,
      parentCode: CENTRAL_CODE,
      kind: 'national',
      name,
      shortName: code,
      aliases: abbr.map((a) => ({ name: a, kind: 'abbreviation' as const, note: null })),
    });
  }
  units.push({
    code: PROVINCE_CODE,
    parentCode: CENTRAL_CODE,
    kind: 'province',
    name: 'Tỉnh Thanh Hóa',
    shortName: 'Thanh Hóa',
    aliases: [
      { name: 'Ủy ban nhân dân tỉnh Thanh Hóa', kind: 'other', note: null },
      { name: 'UBND tỉnh Thanh Hóa', kind: 'abbreviation', note: null },
      { name: 'UBND tỉnh', kind: 'abbreviation', note: null },
    ],
  });
  for (const a of input.agencies) {
    units.push({
      code: `${PROVINCE_CODE}.${a.short_code}`,
      parentCode: PROVINCE_CODE,
      kind: 'agency',
      name: a.name,
      shortName: a.short_code,
      aliases: [a.short_code, ...(AGENCY_ALIASES[a.short_code] ?? [])].map((n) => ({
        name: n,
        kind: 'abbreviation' as const,
        note: null,
      })),
    });
  }
  const formerByCode = new Map<string, FormerUnitRow[]>();
  for (const f of input.formerUnits) {
    const list = formerByCode.get(f.new_code) ?? [];
    list.push(f);
    formerByCode.set(f.new_code, list);
  }
  for (const c of input.communes) units.push(...communeUnits(c, formerByCode.get(c.code) ?? [], input.communeOffices));
  return units;
}
