// Import of a plan document (TXT, Markdown, HTML, DOCX) into a PlanDraft. Also reads a Quyết định that issues the
// plan it carries: the plan is taken, the decision identifies it (number, date) and gives its basis.
import type { UnitDirectory } from '../../domain/org/resolve.ts';
import type { BasisKind, BasisReference, PlanDraft, Section, Signer } from '../../domain/plan/model.ts';
import { normalizeText } from '../../domain/text.ts';
import { hasOpeningIssuer, isBasisParagraph, parseDocumentReference, parseOpeningParagraph } from './basis.ts';
import { parseBody, readClosing } from './body.ts';
import { ParseContext } from './context.ts';
import { parseTop, typeOfLine, type TopOfDocument } from './header.ts';
import { HEADER_FIELDS, type HeaderField, type ImportLayout } from './layout.ts';
import { detectFormat, sourceLines, type LogicalLine, type SourceFormat } from './lines.ts';
import { resolveIssuer } from './issuer.ts';
import { blockOf } from './tasks.ts';

export { sourceLines } from './lines.ts';
export type { ImportLayout } from './layout.ts';

export interface ImportInput {
  filename: string;
  content: Buffer | string;
}

/** Reads a plan document. Only the line reader touches the bytes; the rest is pure. */
export async function importPlan(input: ImportInput, directory: UnitDirectory): Promise<PlanDraft> {
  return (await readPlanFile(input, directory)).draft;
}

/** Reads a plan document, with the layout rules that read each header field and each task. */
export async function readPlanFile(
  input: ImportInput,
  directory: UnitDirectory,
): Promise<{ draft: PlanDraft; layout: ImportLayout }> {
  return readPlan(await sourceLines(input), directory, detectFormat(input.filename, input.content));
}

interface Opening {
  basis: BasisReference[];
  /** The issuer named in "… ban hành Kế hoạch …", as written, with its line. */
  issuer: { text: string; line: number } | null;
}

const DECISION_FORMULA = /^QUYẾT ĐỊNH\s*:$/u;
const ANNEX_NOTE = /^\((?:Ban hành\s+)?[Kk]èm theo\b/u;

/** Paragraphs between the title and the first section: "Căn cứ …;", "Thực hiện …", "… ban hành Kế hoạch … như sau:". */
function readOpening(ctx: ParseContext, inherited: BasisKind | null = null): Opening {
  const basis: BasisReference[] = [];
  let issuer: Opening['issuer'] = null;
  let kind = inherited;
  while (!ctx.done) {
    const line = ctx.peek()!;
    if (line.cells || !(isBasisParagraph(line.text) || hasOpeningIssuer(line.text))) break;
    ctx.next();
    const p = parseOpeningParagraph(line.text, kind);
    basis.push(...p.refs);
    kind = p.lastKind;
    if (p.issuer) issuer = { text: p.issuer, line: line.line };
  }
  return { basis, issuer };
}

/** "Điều 1. …" paragraphs of a Quyết định, kept as a section so nothing is lost. */
function readDecisionArticles(ctx: ParseContext): Section {
  const formula = ctx.next();
  const section: Section = { kind: 'other', number: '', heading: formula.text.replace(/:$/u, ''), blocks: [] };
  while (!ctx.done) {
    const line = ctx.peek()!;
    if (
      line.cells ||
      /^Nơi nhận/iu.test(line.text) ||
      /^(TM|KT|Q|TL|TUQ)\.\s?/u.test(line.text) ||
      typeOfLine(line.text)
    )
      break;
    if (/^[IVXLC]+\.\s/u.test(line.text)) break;
    section.blocks.push(blockOf(ctx.next()));
  }
  return section;
}

/** "BAN HÀNH KẾ HOẠCH TRIỂN KHAI …" → "TRIỂN KHAI …": the plan's own title inside the decision's title. */
function planTitleFromDecision(title: string): string {
  const m = /^(?:ban hành|phê duyệt)\s+(?:kế hoạch)\s+(.+)$/iu.exec(title);
  return m ? m[1]! : title;
}

/** A Quyết định that issues the plan: it identifies the plan and adds its articles, recipients and signer. */
interface IssuingDecision {
  top: TopOfDocument;
  ref: BasisReference | null;
  articles: Section[];
  recipients: string[];
  signer: Signer | null;
}

interface PlanIdentity {
  number: string | null;
  symbol: string | null;
  date: string | null;
  year: number | null;
  place: string | null;
}

/** Reads logical lines into a plan. Pure. */
export function importLines(lines: LogicalLine[], directory: UnitDirectory): PlanDraft {
  return readPlan(lines, directory, null).draft;
}

/** Reads logical lines into a plan and the account of the layout rules that read it. Pure. */
export function readPlan(
  lines: LogicalLine[],
  directory: UnitDirectory,
  format: SourceFormat | null,
): { draft: PlanDraft; layout: ImportLayout } {
  const ctx = new ParseContext(lines, directory, format);
  if (format) ctx.layout.doc(`source.${format}`);
  if (lines.some((l) => l.lines.length > 1 && !l.cells)) ctx.layout.doc('text.joinedLines');
  const draft = readDraft(ctx);
  const d = draft.document;
  const present = new Set(
    (Object.keys(d) as HeaderField[]).filter((k) => HEADER_FIELDS.includes(k) && d[k] !== null && d[k] !== ''),
  );
  return {
    draft,
    layout: ctx.layout.report(
      present,
      draft.tasks.map((t) => t.number),
    ),
  };
}

function readDraft(ctx: ParseContext): PlanDraft {
  const top = parseTop(ctx);
  const opening = readOpening(ctx);
  const { plan, decision } = readIssuingDecision(ctx, top, opening);
  const identity = planIdentity(top, plan, decision);
  ctx.year = identity.year;

  const { issuer, province } = resolveIssuer(ctx, top, plan, opening);
  // Relative names ("Công an phường") are read inside the issuing unit, even when its name had a typo; without it,
  // inside the document's province ("Sở Tư pháp" of a Đồng Tháp plan is never Thanh Hóa's).
  ctx.withinCode = issuer?.unitCode ?? province?.code ?? undefined;
  ctx.issuerKnown = issuer?.unitCode != null;
  ctx.issuerText = issuer?.text;

  const body = parseBody(ctx);
  const signer = body.signer ?? decision?.signer ?? null;

  // The plan's own title when the annex is there, else the one inside the decision's ("Ban hành Kế hoạch …").
  const ownTitle = decision && plan === top ? planTitleFromDecision(top.title ?? '') : plan.title;
  if (decision) {
    ctx.layout.field(['number', 'symbol', 'date', 'type'], 'header.decision');
    ctx.layout.field('title', plan === top ? 'header.titleFromDecision' : 'header.annexTitle');
  }
  const title = normalizeText(ownTitle ?? '');
  reportHeaderFindings(ctx, top, identity, title);
  if (decision) reportIssuedByDecision(ctx, decision);

  const recipients = [...(decision?.recipients ?? []), ...body.recipients];
  return {
    document: {
      type: plan.type === 'QĐ' || decision ? 'KH' : (plan.type ?? top.type ?? 'KH'),
      ...identity,
      issuer,
      issuerParent: top.issuerParent,
      title,
      basis: opening.basis,
      signer,
      recipients,
    },
    sections: [...(decision?.articles ?? []), ...body.sections],
    groups: body.groups,
    tasks: body.tasks,
    findings: ctx.findings,
    unplaced: ctx.unplaced(),
  };
}

/**
 * A Quyết định that issues the plan: its articles, signature, then "KẾ HOẠCH" with the plan's own title. The plan's
 * top is the annex's when there is one, else the decision's; the annex's basis joins the opening's.
 */
function readIssuingDecision(
  ctx: ParseContext,
  top: TopOfDocument,
  opening: Opening,
): { plan: TopOfDocument; decision: IssuingDecision | null } {
  const next = ctx.peek();
  if (!(top.type === 'QĐ' || (next && DECISION_FORMULA.test(next.text)))) return { plan: top, decision: null };
  const articles: Section[] = [];
  if (ctx.peek() && DECISION_FORMULA.test(ctx.peek()!.text)) articles.push(readDecisionArticles(ctx));
  const closing = readClosing(ctx);
  const { recipients, signer } = closing;
  const decision: IssuingDecision = { top, ref: null, articles, recipients, signer };
  let plan = top;
  const annexStart = ctx.peek();
  if (annexStart && typeOfLine(annexStart.text) === 'KH') {
    plan = parseTop(ctx);
    const note = ctx.peek();
    if (note && ANNEX_NOTE.test(note.text)) {
      ctx.next();
      decision.ref = parseDocumentReference(note.text);
    }
    opening.basis.push(...readOpening(ctx).basis);
  }
  return { plan, decision };
}

/** Identity: a plan issued by a decision is known by the decision's number and date. */
function planIdentity(top: TopOfDocument, plan: TopOfDocument, decision: IssuingDecision | null): PlanIdentity {
  const number = plan.number ?? (decision ? (decision.top.number ?? decision.ref?.number ?? null) : null);
  const symbol = plan.symbol ?? (decision ? (decision.top.symbol ?? decision.ref?.symbol ?? null) : null);
  const date = plan.date ?? (decision ? (decision.top.date ?? decision.ref?.date ?? null) : null);
  const year = plan.year ?? top.year ?? (date ? Number(date.slice(0, 4)) : null);
  const place = plan.place ?? top.place;
  return { number, symbol, date, year, place };
}

/** Findings about the header: missing parts, a draft without number or date, no title. */
function reportHeaderFindings(ctx: ParseContext, top: TopOfDocument, identity: PlanIdentity, title: string): void {
  const { number, date, year, place } = identity;
  const headerLine = top.lineOf.type ?? 1;
  if (!top.issuer && !top.hasNumberLine && !top.place) {
    ctx.finding(
      'import.header.missing',
      'warning',
      'Văn bản không có phần đầu (tên cơ quan ban hành, số và ký hiệu, địa danh và ngày tháng).',
      { line: headerLine, field: 'document' },
      'Bổ sung phần đầu văn bản theo Nghị định 30/2020/NĐ-CP.',
    );
  }
  if (top.hasNumberLine && !number) {
    ctx.finding(
      'import.header.numberPending',
      'info',
      'Văn bản chưa có số (dự thảo).',
      { line: top.lineOf.number, field: 'number' },
      null,
    );
  }
  if (place && !date) {
    ctx.finding(
      'import.header.datePending',
      'info',
      year ? `Văn bản chưa ghi ngày, tháng ban hành (chỉ có năm ${year}).` : 'Văn bản chưa ghi ngày ban hành.',
      { line: top.lineOf.date, field: 'date' },
      null,
    );
  }
  if (!title) {
    ctx.finding(
      'import.header.titleMissing',
      'warning',
      'Không tìm thấy trích yếu (tên) của kế hoạch.',
      { line: headerLine, field: 'title' },
      'Ghi trích yếu ngay dưới tên loại văn bản "KẾ HOẠCH".',
    );
  }
}

function reportIssuedByDecision(ctx: ParseContext, decision: IssuingDecision): void {
  const d = decision.top;
  const ident = [d.number ?? decision.ref?.number, d.symbol ?? decision.ref?.symbol].filter(Boolean).join('/');
  ctx.finding(
    'import.issuedByDecision',
    'info',
    `Kế hoạch được ban hành kèm theo Quyết định${ident ? ` số ${ident}` : ''}${d.title ? ` (${normalizeText(d.title)})` : ''}; số, ký hiệu và ngày của kế hoạch lấy theo Quyết định, căn cứ của Quyết định được ghi làm căn cứ của kế hoạch.`,
    { line: d.lineOf.type ?? 1, field: 'document' },
    null,
  );
}
