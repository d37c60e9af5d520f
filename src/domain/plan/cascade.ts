// Cascade: derive a commune/ward plan from the province plan it implements ("triển khai xuống cấp xã").
// Units are mapped through an editable rule table; wording is localised by the same rules. Pure.
import type { UnitDirectory } from '../org/resolve.ts';
import type { UnitEntry } from '../org/unit.ts';
import { normalizeText } from '../text.ts';
import type { BasisReference, Block, PlanDraft, Section, Task, UnitRef } from './model.ts';

export { DEFAULT_CASCADE_RULES } from './cascade-default-rules.ts';

export type CommuneType = 'xã' | 'phường';

/**
 * One row of the mapping table. A rule matches a parent unit by its register code, or a written name by a
 * phrase (accent-sensitive, case-insensitive, whole words), and maps it to an office of the commune (by office
 * short code, which may differ for a xã and a phường) or to a text with placeholders: {loai} (xã/phường), {ten}
 * (the commune's name), {thon} (thôn/tổ dân phố) and {dauMoi} (the province's focal agency, "Sở Khoa học và Công
 * nghệ tỉnh"). A code rule also renames the unit where the parent's text names it.
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

/** The province's focal agency as a commune names it: "Sở Khoa học và Công nghệ tỉnh". */
function focalName(focalUnitName: string | undefined): string {
  const name = focalUnitName ?? 'Sở Khoa học và Công nghệ';
  return /\stỉnh$/u.test(name) ? name : `${name} tỉnh`;
}

function fill(template: string, c: UnitEntry, focalUnitName?: string): string {
  const type = communeType(c);
  return template
    .replaceAll('{loai}', type)
    .replaceAll('{ten}', c.shortName)
    .replaceAll('{thon}', type === 'phường' ? 'tổ dân phố' : 'thôn')
    .replaceAll('{dauMoi}', focalName(focalUnitName));
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

/** A written phrase, matched as whole words ("UBND tỉnh" is not the start of "UBND tỉnhs"). */
const phrase = (from: string, to: string): Replacement => ({
  source: `(?<![\\p{L}\\p{N}])${escapeRegExp(normalizeText(from))}(?![\\p{L}\\p{N}])`,
  to,
  keepCase: true,
});

/** Names that keep their capital wherever they stand ("báo cáo Sở …", "phối hợp với Công an phường"). */
const PROPER_NAME = /^(?:Phòng|Sở|Công an|Ban|Trung tâm|Văn phòng|Thông tin)(?=\s|$)/u;

/** Replacements compiled once into one regular expression. */
type Replacer = (text: string) => string;

/**
 * Replaces all phrases in one pass, longest first at each position, so a replacement is never itself
 * replaced again ("UBND tỉnh Thanh Hóa" inside an inserted reference stays as it is).
 */
function compileReplacements(replacements: Replacement[]): Replacer {
  if (!replacements.length) return (text) => text;
  const sorted = [...replacements].sort((a, b) => b.source.length - a.source.length);
  const re = new RegExp(sorted.map((r) => `(${r.source})`).join('|'), 'giu');
  return (text) => {
    const out = text.replace(re, (...args) => {
      const groups = args.slice(1, sorted.length + 1) as Array<string | undefined>;
      const i = groups.findIndex((g) => g !== undefined);
      const r = sorted[i]!;
      const m = groups[i]!;
      if (!r.keepCase || !r.to) return r.to;
      const upper = m[0] !== m[0]!.toLocaleLowerCase('vi');
      // "báo cáo UBND tỉnh" mid-sentence stays lower case; at the start of a line it keeps its capital.
      if (upper) return r.to.charAt(0).toLocaleUpperCase('vi') + r.to.slice(1);
      // Proper names (Phòng…, Sở…, Công an…) keep their capital wherever they stand.
      return PROPER_NAME.test(r.to) ? r.to : r.to.charAt(0).toLocaleLowerCase('vi') + r.to.slice(1);
    });
    // A dropped name leaves its separators behind: "A, , B" → "A, B"; "A và , B" reads "A, B".
    return normalizeText(
      out
        .replace(/\s+,/g, ',')
        .replace(/,(\s*,)+/g, ',')
        .replace(/^[\s,;]+/u, ''),
    );
  };
}

export function replaceAll(text: string, replacements: Replacement[]): string {
  return compileReplacements(replacements)(text);
}

function ruleReplacements(
  rules: CascadeRule[],
  place: TextPlace,
  commune: UnitEntry,
  focalUnitName?: string,
): Replacement[] {
  return rules
    .filter((r) => r.fromText && r.toText !== undefined && (!r.in || r.in.includes(place)))
    .map((r) => phrase(r.fromText!, fill(r.toText!, commune, focalUnitName)));
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
export function mapUnitRef(
  ref: UnitRef,
  opts: CascadeOptions,
  target: CascadeTarget,
  focalUnitName?: string,
): UnitRef | null {
  const type = communeType(target.commune);
  if (ref.unitCode) {
    const rule = opts.rules.find((r) => !r.textOnly && r.fromCode === ref.unitCode);
    if (rule?.toOffice) return officeRef(target, rule.toOffice[type]);
    if (rule?.toText !== undefined)
      return rule.toText ? textRef(fill(rule.toText, target.commune, focalUnitName), opts, target) : null;
  }
  const written = ref.text.toLocaleLowerCase('vi');
  const textRule = opts.rules
    .filter((r) => !r.textOnly && r.fromText && written.includes(r.fromText.toLocaleLowerCase('vi')))
    .sort((a, b) => b.fromText!.length - a.fromText!.length)[0];
  if (textRule) {
    if (textRule.toOffice) return officeRef(target, textRule.toOffice[type]);
    const replaced = ref.text.replace(
      new RegExp(escapeRegExp(textRule.fromText!), 'iu'),
      fill(textRule.toText ?? '', target.commune, focalUnitName),
    );
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
    if (
      out.some(
        (o) =>
          (o.unitId !== null && o.unitId === r.unitId) ||
          o.text.toLocaleLowerCase('vi') === r.text.toLocaleLowerCase('vi'),
      )
    )
      continue;
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

/** "Kế hoạch số 129/KH-UBND ngày 04/5/2026 của UBND tỉnh Thanh Hóa", without the title. */
function shortReferenceToParent(info: ParentPlanInfo): string {
  const num = info.number && info.symbol ? `số ${info.number}/${info.symbol}` : 'số …/KH-UBND';
  const date = info.date ? ` ngày ${shortDate(info.date)}` : '';
  return `Kế hoạch ${num}${date} của ${info.issuerName}`;
}

export function referenceToParent(parent: PlanDraft, info: ParentPlanInfo): string {
  return `${shortReferenceToParent(info)} về việc ${lowerFirst(parent.document.title)}`;
}

/** A deliverable after its wording was localised: a dropped item ("tạp chí") is left out. */
function tidyItem(s: string): string {
  return s.replace(/^[\s,;.]+|[\s,;]+$/gu, '');
}

/** Derives the draft plan of one commune/ward from the province plan. */
export function cascadePlan(
  parent: PlanDraft,
  info: ParentPlanInfo,
  target: CascadeTarget,
  opts: CascadeOptions,
): PlanDraft {
  const c = target.commune;
  const type = communeType(c);
  const communeName = `${type} ${c.shortName}`;
  const unitNames = unitNameReplacements(info, target, opts);
  const local = placeLocaliser(opts, c, info.focalUnitName, unitNames);
  const parentRef = referenceToParent(parent, info);

  const basis: BasisReference[] = [
    {
      kind: 'implements',
      documentType: 'KH',
      number: info.number,
      symbol: info.symbol,
      date: info.date,
      issuer: info.issuerName,
      title: parent.document.title,
      text: `Thực hiện ${parentRef}`,
      planId: info.id,
    },
  ];

  const opening: Section = {
    kind: 'other',
    number: '',
    heading: '',
    blocks: [
      {
        label: null,
        heading: false,
        text: `Thực hiện ${parentRef}; Ủy ban nhân dân ${communeName} ban hành Kế hoạch triển khai thực hiện như sau:`,
      },
    ],
  };
  const localiseSection = sectionLocaliser(parent, info, opts, c, unitNames, parentRef);
  const sections: Section[] = [opening, ...parent.sections.filter((s) => s.kind !== 'other').map(localiseSection)];

  return {
    document: {
      type: 'KH',
      number: null,
      symbol: 'KH-UBND',
      date: null,
      year: parent.document.year ?? (info.date ? Number(info.date.slice(0, 4)) : null),
      place: c.shortName,
      issuer: {
        text: `Ủy ban nhân dân ${communeName}`,
        unitId: c.id,
        unitCode: c.code,
        unitName: c.name,
        confidence: 1,
        group: false,
      },
      issuerParent: null,
      title: local(parent.document.title, 'title'),
      basis,
      signer: { authority: 'TM', lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: null },
      recipients: communeRecipients(type, info.focalUnitName),
    },
    sections,
    groups: parent.groups.map((g) => ({ ...g, title: local(g.title, 'title') })),
    tasks: cascadeTasks(parent, info, target, opts, local),
    findings: [],
    unplaced: [],
  };
}

/**
 * Provincial unit names met in running text map to what the rules make of them ("Sở Khoa học và Công nghệ" →
 * "Phòng Văn hóa - Xã hội phường", "Bộ Khoa học và Công nghệ" → "Sở Khoa học và Công nghệ tỉnh"), under their
 * official name and their written aliases ("Sở KH&CN"; not bare codes such as "STC").
 */
function unitNameReplacements(info: ParentPlanInfo, target: CascadeTarget, opts: CascadeOptions): Replacement[] {
  const c = target.commune;
  const type = communeType(c);
  const unitNames: Replacement[] = [];
  for (const rule of opts.rules) {
    if (!rule.fromCode || rule.textOnly || (!rule.toOffice && rule.toText === undefined)) continue;
    const from = opts.directory.getByCode(rule.fromCode);
    if (!from) continue;
    const to = rule.toOffice ? officeRef(target, rule.toOffice[type])?.text : fill(rule.toText!, c, info.focalUnitName);
    if (to === undefined) continue;
    for (const name of [from.name, ...from.aliases.filter((a) => /\s/.test(a))]) unitNames.push(phrase(name, to));
  }
  return unitNames;
}

/** Localises a text of the given place (title, content, deliverables), compiling each place's replacements once. */
function placeLocaliser(
  opts: CascadeOptions,
  c: UnitEntry,
  focalUnitName: string | undefined,
  unitNames: Replacement[],
): (s: string, place: TextPlace) => string {
  const localisers = new Map<TextPlace, Replacer>();
  return (s: string, place: TextPlace): string => {
    let replace = localisers.get(place);
    if (!replace) {
      replace = compileReplacements([...ruleReplacements(opts.rules, place, c, focalUnitName), ...unitNames]);
      localisers.set(place, replace);
    }
    return replace(s);
  };
}

/**
 * In the sections, what the province implements (a Quyết định of the Thủ tướng) becomes what the commune
 * implements (the province plan): with its title where the province named the title ("… về ban hành Kế hoạch …"),
 * without it where the province did not ("tại Quyết định số 367/QĐ-TTg … của Thủ tướng Chính phủ, đảm bảo …").
 * The province's own actors become the commune's through the rules.
 */
function sectionLocaliser(
  parent: PlanDraft,
  info: ParentPlanInfo,
  opts: CascadeOptions,
  c: UnitEntry,
  unitNames: Replacement[],
  parentRef: string,
): (s: Section) => Section {
  const implemented = parent.document.basis
    .filter((b) => b.kind === 'implements' && b.number && b.symbol)
    .flatMap((b) => {
      const head = `(?:(?:Quyết định|Kế hoạch|Chỉ thị|Nghị quyết|Công văn)\\s+)?số\\s+${escapeRegExp(`${b.number}/${b.symbol}`)}(?:\\s+ngày\\s+[0-9/]+)?`;
      return [
        { source: `${head}(?:\\s+của\\s+[^,;]*?)?\\s+về\\s+[^,;]*(?=[,;.]|$)`, to: parentRef, keepCase: false },
        {
          source: `${head}(?:\\s+của(?:\\s+(?!về\\s)[^\\s,;]+)+)?(?=[,;.]|$)`,
          to: shortReferenceToParent(info),
          keepCase: false,
        },
      ];
    });
  const localiseSections = compileReplacements([
    ...ruleReplacements(opts.rules, 'sections', c, info.focalUnitName),
    ...unitNames,
    ...implemented,
  ]);
  // Defects of the parent's own wording (its "đảm đúng tiến độ", its stray "Luật Chuyển đổi số") are inherited,
  // not corrected: the cascade only localises units, place and level and never edits what the province decided.
  // A silent fix would make 166 drafts differ from their parent in ways the parent-change diff cannot explain,
  // and the province would keep the defect. Lint reports them on the child as well, marked as coming from the
  // parent plan, so they are fixed once in the parent and re-synchronised, or by hand in a commune's draft.
  return (s: Section): Section => ({
    ...s,
    blocks: s.blocks.map((b): Block => ({ ...b, text: localiseSections(b.text) })),
  });
}

/** The parent's tasks in the commune's words, each pointing back at the task it implements. */
function cascadeTasks(
  parent: PlanDraft,
  info: ParentPlanInfo,
  target: CascadeTarget,
  opts: CascadeOptions,
  local: (s: string, place: TextPlace) => string,
): Task[] {
  return parent.tasks.map((t) => ({
    number: t.number,
    title: local(t.title, 'title'),
    content: t.content ? local(t.content, 'content') : null,
    lead: dedupeRefs(t.lead.map((r) => mapUnitRef(r, opts, target, info.focalUnitName))),
    coordinators: dedupeRefs(t.coordinators.map((r) => mapUnitRef(r, opts, target, info.focalUnitName))),
    timeframe: t.timeframe,
    deliverables: t.deliverables.map((d) => tidyItem(local(d, 'deliverables'))).filter(Boolean),
    notes: null,
    groupNumber: t.groupNumber,
    parentTask: { planId: info.id, number: t.number },
  }));
}

/** Nơi nhận of a commune's plan. */
function communeRecipients(type: CommuneType, focalUnitName: string | undefined): string[] {
  const thon = type === 'phường' ? 'tổ dân phố' : 'thôn';
  return [
    'UBND tỉnh (để b/c);',
    `${focalName(focalUnitName)} (để b/c);`,
    `Thường trực Đảng ủy ${type} (để b/c);`,
    `Thường trực HĐND ${type};`,
    `Chủ tịch, các PCT UBND ${type};`,
    `Ủy ban MTTQ Việt Nam ${type};`,
    `Các phòng, đơn vị thuộc UBND ${type} (để t/h);`,
    `Các ${thon};`,
    'Lưu: VT, VHXH.',
  ];
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

export function snapshotOf(
  t: Pick<Task, 'title' | 'content' | 'lead' | 'coordinators' | 'timeframe' | 'deliverables'>,
): TaskSnapshot {
  return {
    title: t.title,
    content: t.content,
    lead: t.lead.map((r) => r.text),
    coordinators: t.coordinators.map((r) => r.text),
    timeframe: t.timeframe.text,
    deliverables: [...t.deliverables],
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
  title: 'Nhiệm vụ',
  content: 'Nội dung',
  lead: 'Cơ quan chủ trì',
  coordinators: 'Cơ quan phối hợp',
  timeframe: 'Thời gian thực hiện',
  deliverables: 'Sản phẩm',
};
