// Kế hoạch as DOCX, laid out as Mẫu 1.4 of Nghị định 30/2020 (văn bản có tên loại). Pure until packing:
// planBodyItems() gives the body as data, buildPlanDocument() the docx Document, renderPlanDocx() the file.

import type { Document } from 'docx';
import type {
  BasisReference,
  Block,
  PlanDraft,
  Section,
  Task,
  TaskField,
  TaskGroup,
  UnitRef,
} from '../../domain/plan/model.ts';
import { fold, normalizeText } from '../../domain/text.ts';
import {
  bodyParagraphs,
  draftStamp,
  headerTable,
  issuerLines,
  lowerFirst,
  nameInRunningText,
  nd30Document,
  packDocx,
  pointLabel,
  romanNumeral,
  signatureTable,
  titleBlock,
  upperFirst,
  upperVi,
  withFinalStop,
  type BodyItem,
} from './nd30.ts';

export interface PlanRenderOptions {
  /** Cơ quan chủ quản, printed above the issuer (regular); null for UBND tỉnh / xã / phường, which have none. */
  issuerParentName?: string | null;
  /** "ỦY BAN NHÂN DÂN TỈNH THANH HÓA", "ỦY BAN NHÂN DÂN PHƯỜNG NAM SẦM SƠN" ("\n" forces the header line break). */
  issuerName: string;
  /** Place of the date line: "Thanh Hóa", "Nam Sầm Sơn" [ND30 II.4a]. */
  placeName: string;
  /** Adds a "DỰ THẢO" frame above the header. */
  draft?: boolean;
}

const TYPE_NAME = 'Kế hoạch';

// ---------------------------------------------------------------------------------------------------------------------
// Wording

/**
 * How the issuer names itself in the opening sentence: "Ủy ban nhân dân tỉnh" for the province (as the province's
 * own plans write it), "Ủy ban nhân dân phường Nam Sầm Sơn" for a commune or ward, which must say which one, and the
 * body's name for others ("Sở Khoa học và Công nghệ").
 */
export function issuerPhrase(issuerName: string): string {
  const name = nameInRunningText(issuerLines(issuerName).join(' '));
  return name.replace(/^(Ủy ban nhân dân|Hội đồng nhân dân) (tỉnh|thành phố) .+$/u, '$1 $2');
}

const BASIS_LEAD: Record<BasisReference['kind'], string> = {
  legalBasis: 'Căn cứ',
  implements: 'Thực hiện',
  proposedBy: 'trên cơ sở tham mưu đề xuất của',
};

/** Lead words a basis text may already carry, matched on the folded text (\b does not see Vietnamese letters). */
const LEAD_WORDS = /^(can cu|thuc hien|trien khai|theo de nghi|xet de nghi|theo de xuat|tren co so)(\s|$)/;

/**
 * A basis reference as a clause: its text as written, with the lead words of its kind when the text has none. The
 * parser keeps a proposal's document as its text and its author apart ("Tờ trình số 1241/TTr-SKH-CN …" by "Sở Khoa
 * học và Công nghệ"), so the author goes back in front: "trên cơ sở tham mưu đề xuất của Sở … tại Tờ trình số …".
 */
export function basisClause(b: BasisReference): string {
  const text = normalizeText(b.text).replace(/[;,.]+$/, '');
  if (LEAD_WORDS.test(fold(text))) return text;
  const issuer = normalizeText(b.issuer ?? '');
  if (b.kind === 'proposedBy' && issuer && b.documentType && !fold(text).startsWith(fold(issuer))) {
    return `${BASIS_LEAD.proposedBy} ${issuer} tại ${text}`;
  }
  return `${BASIS_LEAD[b.kind]} ${text}`;
}

/**
 * The opening of the plan [research C.1]. A plan that keeps its opening as text (a section of kind "other" without a
 * number) prints it as written. Otherwise: one "Căn cứ …;" line per legal basis, then
 * "Thực hiện …; trên cơ sở …, <issuer> ban hành Kế hoạch triển khai thực hiện như sau:".
 */
export function openingItems(plan: PlanDraft, issuerName: string): BodyItem[] {
  const kept = plan.sections.find(isOpeningSection);
  if (kept) return kept.blocks.map(blockItem);
  const issuer = issuerPhrase(issuerName);
  const legal = plan.document.basis.filter((b) => b.kind === 'legalBasis').map(basisClause);
  const others = plan.document.basis.filter((b) => b.kind !== 'legalBasis').map(basisClause);
  const items: BodyItem[] = legal.map((c) => ({ kind: 'paragraph', text: `${upperFirst(c)};` }));
  if (others.length === 0) {
    const what = plan.document.title.trim() ? lowerFirst(plan.document.title.trim()) : 'triển khai thực hiện';
    items.push({ kind: 'paragraph', text: `${issuer} ban hành Kế hoạch ${what} như sau:` });
  } else {
    const clauses = others.map((c, i) => (i === 0 ? upperFirst(c) : lowerFirst(c))).join('; ');
    items.push({ kind: 'paragraph', text: `${clauses}, ${issuer} ban hành Kế hoạch triển khai thực hiện như sau:` });
  }
  return items;
}

function isOpeningSection(s: Section): boolean {
  return s.kind === 'other' && !s.number.trim() && !s.heading.trim();
}

/** A section's block as written: "1. Mục đích" (heading), "a) …", "- …" or plain text. */
export function blockItem(b: Block): BodyItem {
  const label = b.label?.trim() ?? '';
  const text = normalizeText(b.text);
  if (!label) return { kind: 'paragraph', text };
  if (/^[-–+•]$/.test(label)) return { kind: 'dash', text };
  if (/^\d+(\.\d+)*$/.test(label)) return { kind: 'clause', number: label, text, heading: b.heading };
  return { kind: 'point', label, text };
}

/** Unit names as written, or the register name when the text is empty [model: UnitRef.text]. */
export function unitText(u: UnitRef): string {
  return normalizeText(u.text) || normalizeText(u.unitName ?? '');
}

/**
 * Joins units the way plans list them: commas, and "và" before a closing generic group
 * ("Sở Tài chính và các cơ quan, tổ chức có liên quan"), since the group names themselves contain commas.
 */
export function joinUnits(units: readonly UnitRef[]): string {
  // Inside the sentence a group named by a common noun is written small: "…thuộc UBND phường, các tổ dân phố",
  // never ", Các tổ dân phố"; a name ("UBND các xã, phường", "Sở Tài chính") keeps its capitals.
  const names = units
    .map(unitText)
    .filter(Boolean)
    .map((t, i) => (i > 0 ? lowerCommonNoun(t) : t));
  if (names.length <= 1) return names[0] ?? '';
  const last = units[units.length - 1]!;
  if (last.group && unitText(last)) {
    const group = names[names.length - 1]!;
    return `${names.slice(0, -1).join(', ')} và ${/^\p{Lu}{2,}/u.test(group) ? group : lowerFirst(group)}`;
  }
  return names.join(', ');
}

/** "Các tổ dân phố" → "các tổ dân phố"; a proper name or an abbreviation ("UBND các xã") is left as it is. */
function lowerCommonNoun(text: string): string {
  return /^(Các|Những|Toàn thể|Mọi)\s/u.test(text) ? lowerFirst(text) : text;
}

/** The lettered lines of a task, in the order of the province's plans; a line with no data is left out (notes stay in the XLSX). */
export function taskLines(t: Task): string[] {
  // Labels as the source wrote them ("Đơn vị chủ trì" in a ward's plan), the province's wording otherwise.
  const label = (field: TaskField, fallback: string) => normalizeText(t.labels?.[field] ?? '') || fallback;
  const lines: [string, string][] = [
    [label('content', 'Nội dung'), normalizeText(t.content ?? '')],
    [label('lead', 'Cơ quan chủ trì'), joinUnits(t.lead)],
    [label('coordinators', 'Cơ quan phối hợp'), joinUnits(t.coordinators)],
    [label('timeframe', 'Thời gian thực hiện'), normalizeText(t.timeframe.text)],
    [
      label('deliverables', 'Sản phẩm'),
      t.deliverables
        .map((d) => normalizeText(d).replace(/[;.]+$/, ''))
        .filter(Boolean)
        .join('; '),
    ],
  ];
  return lines.filter(([, v]) => v).map(([k, v]) => `${k}: ${withFinalStop(upperFirst(v))}`);
}

function taskItems(t: Task): BodyItem[] {
  return [
    { kind: 'clause', number: t.number, text: normalizeText(t.title), heading: true },
    ...taskLines(t).map((text, i): BodyItem => ({ kind: 'point', label: pointLabel(i), text })),
  ];
}

function compareNumbers(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** Tasks in the plan's order, each group heading printed once before its first task; empty groups by number. */
export function contentItems(groups: readonly TaskGroup[], tasks: readonly Task[]): BodyItem[] {
  const groupItem = (g: TaskGroup): BodyItem => ({
    kind: 'clause',
    number: g.number,
    text: normalizeText(g.title),
    heading: true,
  });
  const used = new Set(tasks.map((t) => t.groupNumber).filter((n): n is string => n !== null));
  const pending = groups.filter((g) => !used.has(g.number)).sort((a, b) => compareNumbers(a.number, b.number));
  const printed = new Set<string>();
  const items: BodyItem[] = [];
  for (const t of tasks) {
    const top = t.groupNumber ?? t.number;
    while (pending[0] && compareNumbers(pending[0].number, top) < 0) items.push(groupItem(pending.shift()!));
    if (t.groupNumber && !printed.has(t.groupNumber)) {
      printed.add(t.groupNumber);
      const g = groups.find((x) => x.number === t.groupNumber);
      if (g) items.push(groupItem(g));
    }
    items.push(...taskItems(t));
  }
  items.push(...pending.map(groupItem));
  return items;
}

/**
 * The whole body: opening, then sections I, II, … in order (numbered by position, so an edited plan never skips a
 * numeral), the content section carrying the tasks. A plan without a content section gets one after the purpose.
 */
export function planBodyItems(plan: PlanDraft, opts: Pick<PlanRenderOptions, 'issuerName'>): BodyItem[] {
  let sections = plan.sections.filter((s) => !isOpeningSection(s));
  if (!sections.some((s) => s.kind === 'content') && plan.tasks.length > 0) {
    const at = sections.findIndex((s) => s.kind === 'purpose') + 1;
    const content: Section = { kind: 'content', number: '', heading: 'NỘI DUNG KẾ HOẠCH', blocks: [] };
    sections = [...sections.slice(0, at), content, ...sections.slice(at)];
  }
  const items: BodyItem[] = openingItems(plan, opts.issuerName);
  sections.forEach((s, i) => {
    items.push({ kind: 'section', number: romanNumeral(i + 1), title: s.heading });
    items.push(...s.blocks.map(blockItem));
    if (s.kind === 'content') items.push(...contentItems(plan.groups, plan.tasks));
  });
  return items;
}

const ARCHIVE_DEFAULT = 'Lưu: VT';

/** Signature lines as stored, or the collective signature of a People's Committee [ND30 Điều 13, TM.]. */
function signerLines(plan: PlanDraft, issuerName: string): string[] {
  const lines = plan.document.signer?.lines.filter((l) => l.trim()) ?? [];
  if (lines.length) return lines;
  return upperVi(issuerName).startsWith('ỦY BAN NHÂN DÂN') ? ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'] : [];
}

// ---------------------------------------------------------------------------------------------------------------------
// Document

export function buildPlanDocument(plan: PlanDraft, opts: PlanRenderOptions): Document {
  const d = plan.document;
  const year = d.year ?? (d.date ? Number(d.date.slice(0, 4)) : null);
  const header = headerTable({
    parentName: opts.issuerParentName ?? null,
    issuerName: opts.issuerName,
    number: d.number,
    symbol: d.symbol ?? 'KH-UBND',
    place: opts.placeName.trim() || d.place || '',
    date: d.date,
    year,
  });
  const body = bodyParagraphs(planBodyItems(plan, opts), { endMarker: true });
  const signature = signatureTable({
    recipients: d.recipients.length ? d.recipients : [ARCHIVE_DEFAULT],
    signerLines: signerLines(plan, opts.issuerName),
    signerName: d.signer?.name ?? null,
  });
  const title = normalizeText(d.title);
  return nd30Document({ title: title ? `${TYPE_NAME} ${lowerFirst(title)}` : TYPE_NAME, subject: title }, [
    ...(opts.draft ? [draftStamp()] : []),
    header,
    ...titleBlock(TYPE_NAME, title),
    ...body,
    signature,
  ]);
}

/** The plan as a DOCX file (Mẫu 1.4). */
export async function renderPlanDocx(plan: PlanDraft, opts: PlanRenderOptions): Promise<Buffer> {
  return packDocx(buildPlanDocument(plan, opts));
}
