// Cascade: derive a commune/ward plan from the province plan it implements ("triển khai xuống cấp xã").
// Units are mapped through an editable rule table; wording is localised by the same rules. Pure.
import type { UnitDirectory } from '../org/resolve.ts';
import type { UnitEntry } from '../org/unit.ts';
import { normalizeText } from '../text.ts';
import type { BasisReference, Block, PlanDraft, Section, Task, UnitRef } from './model.ts';

export type CommuneType = 'xã' | 'phường';

/**
 * One row of the mapping table. A rule matches a parent unit by its register code, or a written name by a
 * phrase (accent-sensitive, case-insensitive), and maps it to an office of the commune (by office short code,
 * which may differ for a xã and a phường) or to a text with placeholders {loai} (xã/phường) and {ten}.
 */
export interface CascadeRule {
  /** Register code of the parent-level unit ("38.SKHCN"). */
  fromCode?: string;
  /** A phrase as written in the parent plan ("các sở, ban, ngành"). */
  fromText?: string;
  /** Office short code for a xã / a phường ("PKT" / "PKTHTĐT"). */
  toOffice?: { xã: string; phường: string };
  /** Replacement text; "" drops the name. */
  toText?: string;
  /** Rule only for text substitution in titles, deliverables and sections, not for unit lists. */
  textOnly?: boolean;
  /** Where a text rule applies (default everywhere): e.g. only to deliverables. */
  in?: TextPlace[];
  note?: string;
}

export type TextPlace = 'title' | 'content' | 'deliverables' | 'sections';

/** The default table, from the two seed plans and Nghị định 150/2025 (offices of a commune). Editable per province. */
export const DEFAULT_CASCADE_RULES: CascadeRule[] = [
  { fromCode: '38.SKHCN', toOffice: { xã: 'PVHXH', phường: 'PVHXH' }, note: 'Đơn vị đầu mối: Sở KH&CN → Phòng Văn hóa - Xã hội' },
  { fromCode: '38.STC', toOffice: { xã: 'PKT', phường: 'PKTHTĐT' }, note: 'Tài chính - kế hoạch thuộc Phòng Kinh tế (xã) / Phòng Kinh tế, Hạ tầng và Đô thị (phường)' },
  { fromCode: '38.CAT', toOffice: { xã: 'CA', phường: 'CA' } },
  { fromCode: '38.BCHQS', toOffice: { xã: 'BCHQS', phường: 'BCHQS' } },
  { fromCode: '38.SVHTTDL', toOffice: { xã: 'PVHXH', phường: 'PVHXH' } },
  { fromCode: '38.SNV', toOffice: { xã: 'PVHXH', phường: 'PVHXH' } },
  { fromCode: '38.SYT', toOffice: { xã: 'PVHXH', phường: 'PVHXH' } },
  { fromCode: '38.SGDĐT', toOffice: { xã: 'PVHXH', phường: 'PVHXH' } },
  { fromCode: '38.SDTTG', toOffice: { xã: 'PVHXH', phường: 'PVHXH' } },
  { fromCode: '38.STP', toOffice: { xã: 'VP', phường: 'VP' } },
  { fromCode: '38.VPUBND', toOffice: { xã: 'VP', phường: 'VP' } },
  { fromCode: '38.TTT', toOffice: { xã: 'VP', phường: 'VP' } },
  { fromCode: '38.TTPVHCC', toOffice: { xã: 'TTPVHCC', phường: 'TTPVHCC' } },
  { fromCode: '38.SNNMT', toOffice: { xã: 'PKT', phường: 'PKTHTĐT' } },
  { fromCode: '38.SXD', toOffice: { xã: 'PKT', phường: 'PKTHTĐT' } },
  { fromCode: '38.SCT', toOffice: { xã: 'PKT', phường: 'PKTHTĐT' } },
  { fromCode: '38.UBMTTQ', toOffice: { xã: 'MTTQ', phường: 'MTTQ' } },
  { fromText: 'Các sở, ban, ngành tỉnh', toText: 'Các phòng, ban, đơn vị thuộc UBND {loai}' },
  { fromText: 'các sở, ban, ngành cấp tỉnh', toText: 'các phòng, ban, đơn vị thuộc UBND {loai}' },
  { fromText: 'các sở, ban, ngành', toText: 'các phòng, ban, đơn vị thuộc UBND {loai}' },
  { fromText: 'Báo và Phát thanh - Truyền hình Thanh Hóa', toText: 'các nền tảng số, trang thông tin điện tử của {loai}', note: 'Báo chí cấp tỉnh → kênh số của xã, phường' },
  { fromText: 'UBND các xã, phường', toText: 'các {thon}' },
  { fromText: 'Ủy ban nhân dân các xã, phường', toText: 'các {thon}' },
  { fromText: 'trên địa bàn tỉnh Thanh Hóa', toText: 'trên địa bàn {loai} {ten}', textOnly: true },
  { fromText: 'Báo cáo UBND tỉnh', toText: 'Báo cáo UBND {loai}', textOnly: true },
  { fromText: 'của UBND tỉnh và', toText: 'của UBND {loai} và', textOnly: true },
  { fromText: 'xã hội của tỉnh', toText: 'xã hội của {loai}', textOnly: true },
  { fromText: 'điều kiện thực tiễn của tỉnh', toText: 'điều kiện thực tiễn của {loai}', textOnly: true },
  { fromText: 'ngân sách của tỉnh', toText: 'ngân sách của {loai}', textOnly: true },
  { fromText: 'Xây dựng Cơ sở dữ liệu phục vụ trí tuệ nhân tạo tỉnh Thanh Hóa, cập nhật và kết nối thống nhất với Cơ sở dữ liệu quốc gia về trí tuệ nhân tạo', toText: 'Cung cấp thông tin phục vụ Cơ sở dữ liệu phục vụ trí tuệ nhân tạo tỉnh Thanh Hóa', textOnly: true, note: 'Cấp xã cung cấp thông tin, không xây dựng cơ sở dữ liệu' },
  { fromText: 'Cơ sở dữ liệu phục vụ trí tuệ nhân tạo tỉnh Thanh Hóa', toText: 'Thông tin cung cấp cho Cơ sở dữ liệu phục vụ trí tuệ nhân tạo tỉnh Thanh Hóa', textOnly: true, in: ['deliverables'] },
  { fromText: 'Xây dựng hướng dẫn chuyên ngành', toText: 'Triển khai hướng dẫn chuyên ngành', textOnly: true, note: 'Cấp xã triển khai hướng dẫn của cấp trên' },
];

export interface ParentPlanInfo {
  id: number | null;
  number: string | null;
  symbol: string | null;
  /** YYYY-MM-DD */
  date: string | null;
  /** "UBND tỉnh Thanh Hóa" */
  issuerName: string;
  /** Name of the focal unit the commune reports to ("Sở Khoa học và Công nghệ"). */
  focalUnitName: string;
}

export interface CascadeTarget {
  commune: UnitEntry;
  offices: UnitEntry[];
}

export interface CascadeOptions {
  rules: CascadeRule[];
  directory: UnitDirectory;
}

function communeType(c: UnitEntry): CommuneType {
  return c.kind === 'ward' ? 'phường' : 'xã';
}

function fill(template: string, c: UnitEntry): string {
  const type = communeType(c);
  return template
    .replaceAll('{loai}', type)
    .replaceAll('{ten}', c.shortName)
    .replaceAll('{thon}', type === 'phường' ? 'tổ dân phố' : 'thôn');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Replacement {
  /** Regular expression source without capturing groups. */
  source: string;
  to: string;
  /** Keep the capital of the original when it starts a sentence. */
  keepCase: boolean;
}

const phrase = (from: string, to: string): Replacement => ({ source: escapeRegExp(from), to, keepCase: true });

/**
 * Replaces all phrases in one pass, longest first at each position, so a replacement is never itself
 * replaced again ("UBND tỉnh Thanh Hóa" inside an inserted reference stays as it is).
 */
export function replaceAll(text: string, replacements: Replacement[]): string {
  if (!replacements.length) return text;
  const sorted = [...replacements].sort((a, b) => b.source.length - a.source.length);
  const re = new RegExp(sorted.map((r) => `(${r.source})`).join('|'), 'giu');
  const out = text.replace(re, (...args) => {
    const groups = args.slice(1, sorted.length + 1) as Array<string | undefined>;
    const i = groups.findIndex((g) => g !== undefined);
    const r = sorted[i]!;
    const m = groups[i]!;
    if (!r.keepCase || !r.to) return r.to;
    const upper = m[0] !== m[0]!.toLocaleLowerCase('vi');
    // "báo cáo UBND tỉnh" mid-sentence stays lower case; at the start of a line it keeps its capital.
    const first = upper ? r.to.charAt(0).toLocaleUpperCase('vi') : r.to.charAt(0).toLocaleLowerCase('vi');
    // Proper names (Phòng…, Sở…, Công an…) keep their capital wherever they stand.
    return /^(Phòng|Sở|Công an|Ban|Trung tâm|Văn phòng|Ủy ban|UBND|Thông tin)\b/u.test(r.to) && !upper && !/^(UBND|Ủy ban)/u.test(r.to) ? r.to : first + r.to.slice(1);
  });
  return normalizeText(out.replace(/\s+,/g, ','));
}

function ruleReplacements(rules: CascadeRule[], place: TextPlace, commune: UnitEntry): Replacement[] {
  return rules
    .filter((r) => r.fromText && r.toText !== undefined && (!r.in || r.in.includes(place)))
    .map((r) => phrase(r.fromText!, fill(r.toText!, commune)));
}

function officeRef(target: CascadeTarget, shortCode: string): UnitRef | null {
  const office = target.offices.find((o) => o.code === `${target.commune.code}.${shortCode}`);
  if (!office) return null;
  const type = communeType(target.commune);
  // As commune plans write it: "Phòng Văn hóa - Xã hội phường", "Công an phường".
  const text = office.shortName.endsWith(type) ? office.shortName : `${office.shortName} ${type}`;
  return { text, unitId: office.id, unitCode: office.code, unitName: office.name, confidence: 1, group: false };
}

/** Maps one unit reference of the parent plan; null drops it. */
export function mapUnitRef(ref: UnitRef, opts: CascadeOptions, target: CascadeTarget): UnitRef | null {
  const type = communeType(target.commune);
  if (ref.unitCode) {
    const rule = opts.rules.find((r) => !r.textOnly && r.fromCode === ref.unitCode);
    if (rule?.toOffice) return officeRef(target, rule.toOffice[type]);
    if (rule?.toText !== undefined) return rule.toText ? textRef(fill(rule.toText, target.commune), opts, target) : null;
  }
  const written = ref.text.toLocaleLowerCase('vi');
  const textRule = opts.rules
    .filter((r) => !r.textOnly && r.fromText && written.includes(r.fromText.toLocaleLowerCase('vi')))
    .sort((a, b) => b.fromText!.length - a.fromText!.length)[0];
  if (textRule) {
    if (textRule.toOffice) return officeRef(target, textRule.toOffice[type]);
    const replaced = ref.text.replace(new RegExp(escapeRegExp(textRule.fromText!), 'iu'), fill(textRule.toText ?? '', target.commune));
    return replaced.trim() ? textRef(normalizeText(replaced), opts, target) : null;
  }
  // Generic groups ("các cơ quan, tổ chức có liên quan") read the same at every level.
  return textRef(ref.text, opts, target);
}

function textRef(text: string, opts: CascadeOptions, target: CascadeTarget): UnitRef {
  const cap = text.charAt(0).toUpperCase() + text.slice(1);
  return opts.directory.resolve(cap, { withinCode: target.commune.code });
}

function dedupeRefs(refs: Array<UnitRef | null>): UnitRef[] {
  const out: UnitRef[] = [];
  for (const r of refs) {
    if (!r) continue;
    if (out.some((o) => (o.unitId !== null && o.unitId === r.unitId) || o.text.toLocaleLowerCase('vi') === r.text.toLocaleLowerCase('vi'))) continue;
    out.push(r);
  }
  return out;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

/** "ngày 04/5/2026" as plans write short dates (no leading zero on the month, as in the seeds). */
function shortDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${String(d).padStart(2, '0')}/${m}/${y}`;
}

export function referenceToParent(parent: PlanDraft, info: ParentPlanInfo): string {
  const num = info.number && info.symbol ? `số ${info.number}/${info.symbol}` : 'số …/KH-UBND';
  const date = info.date ? ` ngày ${shortDate(info.date)}` : '';
  return `Kế hoạch ${num}${date} của ${info.issuerName} về việc ${lowerFirst(parent.document.title)}`;
}

/** Derives the draft plan of one commune/ward from the province plan. */
export function cascadePlan(parent: PlanDraft, info: ParentPlanInfo, target: CascadeTarget, opts: CascadeOptions): PlanDraft {
  const c = target.commune;
  const type = communeType(c);
  const communeName = `${type} ${c.shortName}`;
  // Provincial unit names met in running text map to the commune's offices ("Sở Khoa học và Công nghệ" →
  // "Phòng Văn hóa - Xã hội phường").
  const unitNames: Replacement[] = [];
  for (const rule of opts.rules) {
    if (!rule.fromCode || !rule.toOffice) continue;
    const from = opts.directory.getByCode(rule.fromCode);
    const to = officeRef(target, rule.toOffice[type]);
    if (from && to) unitNames.push(phrase(from.name, to.text));
  }
  const local = (s: string, place: TextPlace) => replaceAll(s, [...ruleReplacements(opts.rules, place, c), ...unitNames]);
  const parentRef = referenceToParent(parent, info);

  const basis: BasisReference[] = [{
    kind: 'implements', documentType: 'KH', number: info.number, symbol: info.symbol, date: info.date,
    issuer: info.issuerName, title: parent.document.title, text: `Thực hiện ${parentRef}`, planId: info.id,
  }];

  const opening: Section = {
    kind: 'other', number: '', heading: '',
    blocks: [{ label: null, heading: false, text: `Thực hiện ${parentRef}; Ủy ban nhân dân ${communeName} ban hành Kế hoạch triển khai thực hiện như sau:` }],
  };

  // In the sections, what the province implements (a Quyết định of the Thủ tướng) becomes what the commune
  // implements (the province plan); the province's own actors become the commune's.
  const sectionReplacements: Replacement[] = [
    ...ruleReplacements(opts.rules, 'sections', c),
    ...unitNames,
    ...parent.document.basis.filter((b) => b.kind === 'implements' && b.number && b.symbol).map((b) => ({
      source: `(?:(?:Quyết định|Kế hoạch|Chỉ thị|Nghị quyết|Công văn)\\s+)?số\\s+${escapeRegExp(`${b.number}/${b.symbol}`)}(?:\\s+ngày\\s+[0-9/]+)?(?:\\s+của\\s+[^,;]*?)?(?:\\s+về\\s+[^,;]*)?(?=[,;.]|$)`,
      to: parentRef, keepCase: false,
    })),
    { source: 'Bộ Khoa học và Công nghệ', to: `${info.focalUnitName} tỉnh`, keepCase: false },
    { source: 'Giám đốc các sở, thủ trưởng các ban, ngành, đơn vị cấp tỉnh; Chủ tịch UBND các xã, phường,?', to: `Thủ trưởng các phòng, ban, cơ quan, đơn vị thuộc UBND ${type}`, keepCase: false },
    phrase('Chủ tịch UBND tỉnh', `Chủ tịch UBND ${type}`),
    phrase('UBND tỉnh', `UBND ${type}`),
    phrase('các cơ quan, đơn vị, địa phương', 'các phòng, ban, cơ quan, đơn vị'),
  ];
  const localiseSection = (s: Section): Section => ({ ...s, blocks: s.blocks.map((b): Block => ({ ...b, text: replaceAll(b.text, sectionReplacements) })) });

  const sections: Section[] = [
    opening,
    ...parent.sections.filter((s) => s.kind !== 'other').map(localiseSection),
  ];

  const tasks: Task[] = parent.tasks.map((t) => ({
    number: t.number,
    title: local(t.title, 'title'),
    content: t.content ? local(t.content, 'content') : null,
    lead: dedupeRefs(t.lead.map((r) => mapUnitRef(r, opts, target))),
    coordinators: dedupeRefs(t.coordinators.map((r) => mapUnitRef(r, opts, target))),
    timeframe: t.timeframe,
    deliverables: t.deliverables.map((d) => local(d, 'deliverables')),
    notes: null,
    groupNumber: t.groupNumber,
    parentTask: { planId: info.id, number: t.number },
  }));

  const thon = type === 'phường' ? 'tổ dân phố' : 'thôn';
  return {
    document: {
      type: 'KH', number: null, symbol: 'KH-UBND', date: null, year: parent.document.year ?? (info.date ? Number(info.date.slice(0, 4)) : null),
      place: c.shortName,
      issuer: { text: `Ủy ban nhân dân ${communeName}`, unitId: c.id, unitCode: c.code, unitName: c.name, confidence: 1, group: false },
      issuerParent: null,
      title: local(parent.document.title, 'title'),
      basis,
      signer: { authority: 'TM', lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: null },
      recipients: [
        'UBND tỉnh (để b/c);',
        `${info.focalUnitName} tỉnh (để b/c);`,
        `Thường trực Đảng ủy ${type} (để b/c);`,
        `Thường trực HĐND ${type};`,
        `Chủ tịch, các PCT UBND ${type};`,
        `Ủy ban MTTQ Việt Nam ${type};`,
        `Các phòng, đơn vị thuộc UBND ${type} (để t/h);`,
        `Các ${thon};`,
        'Lưu: VT, VHXH.',
      ],
    },
    sections,
    groups: parent.groups.map((g) => ({ ...g, title: local(g.title, 'title') })),
    tasks,
    findings: [],
    unplaced: [],
  };
}

/** The fields of a task that a parent change is compared on. */
export interface TaskSnapshot {
  title: string;
  content: string | null;
  lead: string[];
  coordinators: string[];
  timeframe: string;
  deliverables: string[];
}

export function snapshotOf(t: Pick<Task, 'title' | 'content' | 'lead' | 'coordinators' | 'timeframe' | 'deliverables'>): TaskSnapshot {
  return {
    title: t.title, content: t.content, lead: t.lead.map((r) => r.text), coordinators: t.coordinators.map((r) => r.text),
    timeframe: t.timeframe.text, deliverables: [...t.deliverables],
  };
}

export interface FieldChange {
  field: keyof TaskSnapshot;
  before: unknown;
  after: unknown;
}

/** What changed in a parent task since the child last synchronised with it. */
export function diffSnapshots(before: TaskSnapshot, after: TaskSnapshot): FieldChange[] {
  const fields: Array<keyof TaskSnapshot> = ['title', 'content', 'lead', 'coordinators', 'timeframe', 'deliverables'];
  return fields
    .filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]))
    .map((f) => ({ field: f, before: before[f], after: after[f] }));
}

export const TASK_FIELD_LABEL: Record<keyof TaskSnapshot, string> = {
  title: 'Nhiệm vụ', content: 'Nội dung', lead: 'Cơ quan chủ trì', coordinators: 'Cơ quan phối hợp', timeframe: 'Thời gian thực hiện', deliverables: 'Sản phẩm',
};
