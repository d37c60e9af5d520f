// "Căn cứ …", "Thực hiện …", "Theo đề nghị …" paragraphs → references to other documents, and the issuer named in
// the opening sentence ("…, Ủy ban nhân dân tỉnh ban hành Kế hoạch … như sau:").
import type { BasisKind, BasisReference } from '../../domain/plan/model.ts';
import { parseViDate } from '../../domain/plan/timeframe.ts';
import { fold, normalizeText } from '../../domain/text.ts';

/** Document type names and their abbreviations (Nghị định 30/2020, Phụ lục III). Công văn has none: "CV" by convention. */
const DOC_TYPES: Array<[string, string]> = [
  ['Quyết định', 'QĐ'],
  ['Kế hoạch', 'KH'],
  ['Tờ trình', 'TTr'],
  ['Công văn', 'CV'],
  ['Nghị quyết', 'NQ'],
  ['Nghị định', 'NĐ'],
  ['Chỉ thị', 'CT'],
  ['Thông tư liên tịch', 'TTLT'],
  ['Thông tư', 'TT'],
  ['Thông báo', 'TB'],
  ['Hướng dẫn', 'HD'],
  ['Chương trình', 'CTr'],
  ['Báo cáo', 'BC'],
  ['Đề án', 'ĐA'],
  ['Kết luận', 'KL'],
  ['Công điện', 'CĐ'],
  ['Quy chế', 'QC'],
  ['Quy định', 'QyĐ'],
  ['Văn bản', 'CV'],
];

const TYPE_NAMES = DOC_TYPES.map(([n]) => n).join('|');

/** "Quyết định số 367/QĐ-TTg", "Kèm theo Quyết định số: 75/QĐ-TTg", "Nghị định số 30/2020/NĐ-CP". */
const REF = new RegExp(
  `(?<type>${TYPE_NAMES})\\s+số\\s*:?\\s*(?<number>\\d*)\\s*(?:/|-(?=[\\p{Lu}Đ]+/))\\s*(?<symbol>(?:\\d{4}/)?[\\p{Lu}Đ][\\p{L}\\d&.\\-/]*)`,
  'giu',
);

/** "Luật Dữ liệu ngày 30 tháng 11 năm 2024", "Luật sửa đổi, bổ sung … ngày 22/11/2019". */
const LAW_ITEM = /^(Bộ luật|Luật)\s+(.+?)(?:\s+(?:số\s+[\d/A-Z\p{Lu}]+\s*)?ngày\s+(.+))?$/u;

/** "số 72/2025/QH15" after a law's name: number and symbol (year and the legislature). */
const LAW_NUMBER = /\s+số\s*:?\s*(\d+)\s*\/\s*(\d{4}\/QH\d{1,2})\b/u;

const DATE_AFTER = /^\s*,?\s*ngày\s*(\d{1,2}\s*(?:\/|-|tháng)\s*\d{1,2}\s*(?:\/|-|năm)\s*\d{4})/iu;
const ISSUER_AFTER =
  /^\s*,?\s*(?:của|do)\s+(.+?)(?=\s+(?:về việc|về|ban hành|phê duyệt|quy định|hướng dẫn|triển khai|thực hiện|V\/v)\s|\s*[,;(]|\s*\.?$)/u;
/** "… đề xuất của Sở Khoa học và Công nghệ tại Tờ trình số …": the issuer written before the reference. */
const ISSUER_BEFORE = /(?:của|do)\s+([^,;]+?)\s+(?:tại|theo|ở)\s*$/u;
const TITLE_END =
  /\s*;|\s*\((?:sau đây|gọi tắt|viết tắt|Quyết định số|Kế hoạch số|Công văn số|Nghị quyết số|Chỉ thị số)|,\s*(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Chủ tịch|trên cơ sở|theo đề nghị)|\.\s*$/iu;

/** The opening's own issuer: "…, Ủy ban nhân dân tỉnh ban hành Kế hoạch …". */
const OPENING_ISSUER =
  /(?:^|[,;:]\s*)((?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Chủ tịch|Sở|Ban|Phòng|Bộ)[^,;:]*?)\s+ban hành\s+(?:Kế hoạch|kế hoạch|Quyết định|Chương trình)/u;

function kindOfClause(clause: string): BasisKind | null {
  const f = fold(clause);
  if (/^can cu\b/.test(f)) return 'legalBasis';
  if (/^(thuc hien|trien khai)\b/.test(f)) return 'implements';
  if (/^(theo de nghi|xet de nghi|theo de xuat|tren co so|can cu de nghi)\b/.test(f)) return 'proposedBy';
  return null;
}

function stripKeyword(clause: string): string {
  return clause.replace(/^(Căn cứ|Thực hiện|Triển khai|Theo đề nghị|Xét đề nghị|Theo đề xuất|Trên cơ sở)\s*/iu, '');
}

function typeAbbreviation(name: string): string | null {
  const f = fold(name);
  return DOC_TYPES.find(([n]) => fold(n) === f)?.[1] ?? null;
}

/** Reads one reference starting at a match of REF inside `clause`; `end` is where the next reference starts. */
function readRef(clause: string, m: RegExpExecArray, end: number, kind: BasisKind): BasisReference {
  const g = m.groups!;
  const documentType = typeAbbreviation(g.type!);
  const symbol = g.symbol!.replace(/[.\-/]+$/u, '');
  let pos = m.index + m[0].length;
  let date: string | null = null;
  const d = DATE_AFTER.exec(clause.slice(pos, end));
  if (d) {
    date = parseViDate(`ngày ${d[1]}`)?.iso ?? null;
    pos += d[0].length;
  }
  let issuer: string | null = null;
  const iss = ISSUER_AFTER.exec(clause.slice(pos, end));
  if (iss) {
    issuer = normalizeText(iss[1]!);
    pos += iss[0].length;
  } else {
    const before = ISSUER_BEFORE.exec(clause.slice(0, m.index));
    if (before) issuer = normalizeText(before[1]!.replace(/^(?:tham mưu|đề xuất|đề nghị)\s+(?:đề xuất\s+)?/u, ''));
  }
  const rest = clause.slice(pos, end);
  const titleEnd = TITLE_END.exec(rest);
  const stop = titleEnd ? pos + titleEnd.index : end;
  const rawTitle = normalizeText(clause.slice(pos, stop).replace(/^\s*,?\s*(?:về việc|về|V\/v)\s+/iu, ''));
  return {
    kind: documentType === 'TTr' ? 'proposedBy' : kind,
    documentType,
    number: g.number ? g.number : null,
    symbol: symbol || null,
    date,
    issuer,
    title: rawTitle.length > 0 ? rawTitle : null,
    text: normalizeText(clause.slice(m.index, stop)).replace(/[,.]+$/u, ''),
  };
}

/** "Luật Dữ liệu ngày 30 tháng 11 năm 2024" → a Luật reference (laws are cited by name, not number). */
function readLaw(item: string, kind: BasisKind): BasisReference | null {
  const t = normalizeText(item).replace(/[;.]+$/u, '');
  // "Luật Dữ liệu số 60/2024/QH15 ngày …": the number is kept, and the name is what comes before it.
  const num = LAW_NUMBER.exec(t);
  const m = LAW_ITEM.exec(num ? t.replace(num[0], '') : t);
  if (!m) return null;
  const title = normalizeText(`${m[1]} ${m[2]}`);
  return {
    kind,
    documentType: 'Luật',
    number: num ? num[1]! : null,
    symbol: num ? num[2]! : null,
    date: m[3] ? (parseViDate(`ngày ${m[3]}`)?.iso ?? null) : null,
    issuer: null,
    title,
    text: t,
  };
}

export interface OpeningParagraph {
  refs: BasisReference[];
  /** The issuer named in the opening sentence, as written. */
  issuer: string | null;
  /** Kind of the last clause, inherited by a following paragraph without a keyword. */
  lastKind: BasisKind | null;
}

/**
 * Reads a paragraph of the opening. Clauses are separated by ";"; a clause without a keyword continues the kind of
 * the one before ("Thực hiện Quyết định …; Công văn số …" are both implemented).
 */
export function parseOpeningParagraph(paragraph: string, inherited: BasisKind | null = null): OpeningParagraph {
  const text = normalizeText(paragraph);
  const refs: BasisReference[] = [];
  let kind = inherited;
  let issuer: string | null = null;
  const opening = OPENING_ISSUER.exec(text);
  if (opening) issuer = normalizeText(opening[1]!);
  const body = opening ? text.slice(0, opening.index) : text;
  for (const rawClause of splitClauses(body)) {
    const clause = rawClause.trim();
    if (!clause) continue;
    kind = kindOfClause(clause) ?? kind;
    const effective: BasisKind = kind ?? 'legalBasis';
    // A repeat in parentheses ("… (Quyết định số 127/QĐ-TTg), …") names the same document again: skip it.
    const matches = [...clause.matchAll(REF)].filter((m, i, all) => {
      const inParens = /\(\s*$/u.test(clause.slice(0, m.index));
      return !(
        inParens &&
        all.slice(0, i).some((p) => p.groups!.number === m.groups!.number && p.groups!.symbol === m.groups!.symbol)
      );
    });
    if (matches.length > 0) {
      matches.forEach((m, i) => {
        const end = i + 1 < matches.length ? matches[i + 1]!.index : clause.length;
        refs.push(readRef(clause, m as RegExpExecArray, end, effective));
      });
      continue;
    }
    const item = stripKeyword(clause);
    const law = /^(Bộ luật|Luật)\s/u.test(item) ? readLaw(item, effective) : null;
    if (law) {
      refs.push(law);
      continue;
    }
    if (kindOfClause(clause)) {
      // "Theo đề nghị của Bộ trưởng Bộ Công an." names a proposer but no document.
      const who = /^(?:của\s+)?(.+?)\.?$/u.exec(item.replace(/^(?:của)\s+/u, ''));
      refs.push({
        kind: effective,
        documentType: null,
        number: null,
        symbol: null,
        date: null,
        issuer: kind === 'proposedBy' && who ? normalizeText(who[1]!) : null,
        title: null,
        text: normalizeText(clause.replace(/[.;]+$/u, '')),
      });
    }
  }
  return { refs, issuer, lastKind: kind };
}

/** Splits at ";" outside parentheses. */
function splitClauses(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ';' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Reads the first document reference of a text ("(Kèm theo Quyết định số: 75/QĐ-TTg ngày 11 tháng 01 năm 2025 …)"). */
export function parseDocumentReference(text: string, kind: BasisKind = 'legalBasis'): BasisReference | null {
  const t = normalizeText(text).replace(/^\(|\)$/g, '');
  REF.lastIndex = 0;
  const m = REF.exec(t);
  REF.lastIndex = 0;
  if (!m) return null;
  return readRef(t, m, t.length, kind);
}

/** True for a paragraph that opens with a basis keyword. */
export function isBasisParagraph(text: string): boolean {
  return kindOfClause(normalizeText(text)) !== null;
}

/** True for the opening sentence ("… ban hành Kế hoạch … như sau:"). */
export function hasOpeningIssuer(text: string): boolean {
  return OPENING_ISSUER.test(normalizeText(text));
}
