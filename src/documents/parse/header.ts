// The top of a document (Nghị định 30/2020 layout): issuing body, quốc hiệu, "Số: …/KH-UBND", "Thanh Hóa, ngày …",
// the type name ("KẾ HOẠCH") and the trích yếu; in a Quyết định also the authority line ("THỦ TƯỚNG CHÍNH PHỦ").
// Works on the two-column header whether it comes as a table, as "a | b" rows or as one column after another.
import { normalizeToneMarks } from '../../domain/plan/phrases.ts';
import { parseViDate } from '../../domain/plan/timeframe.ts';
import { foldSameLength } from '../../domain/org/resolve.ts';
import { fold, normalizeText } from '../../domain/text.ts';
import type { ParseContext } from './context.ts';
import type { LayoutRuleCode } from './layout.ts';
import type { LogicalLine } from './lines.ts';

export interface TopOfDocument {
  /** Type abbreviation from the type line or the symbol: "KH", "QĐ". */
  type: string | null;
  /** The type line as written ("KẾ HOẠCH"), when present. */
  typeLine: string | null;
  number: string | null;
  symbol: string | null;
  /** As written in the "Số:" line: false when there was no such line. */
  hasNumberLine: boolean;
  date: string | null;
  year: number | null;
  place: string | null;
  /** Issuing body as written (the lines above the quốc hiệu, joined). */
  issuer: string | null;
  issuerParent: string | null;
  /** The authority line of a Quyết định ("ỦY BAN NHÂN DÂN TỈNH VĨNH LONG", "THỦ TƯỚNG CHÍNH PHỦ"). */
  authority: string | null;
  title: string | null;
  /** Line numbers for findings. */
  lineOf: Partial<Record<'issuer' | 'number' | 'date' | 'title' | 'type', number>>;
}

const TYPE_NAMES: Array<[string, string]> = [
  ['KẾ HOẠCH', 'KH'],
  ['QUYẾT ĐỊNH', 'QĐ'],
  ['BÁO CÁO', 'BC'],
  ['TỜ TRÌNH', 'TTr'],
  ['CHƯƠNG TRÌNH', 'CTr'],
  ['THÔNG BÁO', 'TB'],
  ['HƯỚNG DẪN', 'HD'],
  ['CHỈ THỊ', 'CT'],
  ['NGHỊ QUYẾT', 'NQ'],
  ['ĐỀ ÁN', 'ĐA'],
  ['PHƯƠNG ÁN', 'PA'],
];

/** "KẾ HOẠCH" alone on its line (any case). */
export function typeOfLine(text: string): string | null {
  const f = fold(text).replace(/[:.]$/, '').trim();
  return TYPE_NAMES.find(([n]) => fold(n) === f)?.[1] ?? null;
}

const NUMBER_LINE = /^Số\s*:?\s*(\d*)\s*\/\s*([\p{L}\d&.\-/]+)\s*$/iu;
const NUMBER_ONLY_LINE = /^Số\s*:?\s*[\s._…]*$/iu;
const PLACE_DATE = /^([^,]{2,60}?),\s*(ngày\b.*)$/iu;
const MOTTO = /^(cong hoa xa hoi chu nghia viet nam|doc lap\s*-?\s*tu do\s*-?\s*hanh phuc)/;
/** Authority line of a Quyết định, or the issuing body block. */
const AUTHORITY =
  /^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|CHỦ TỊCH|THỦ TƯỚNG|BỘ TRƯỞNG|GIÁM ĐỐC|HỘI ĐỒNG NHÂN DÂN|BỘ |SỞ |BAN |PHÒNG |VĂN PHÒNG )/u;
/** Where a title stops: the opening, a section, the decision formula, the annex note. */
const AFTER_TITLE =
  /^(Căn cứ|Thực hiện|Theo đề nghị|Xét đề nghị|Trên cơ sở|[IVXLC]+\.\s|\d+\.\s|QUYẾT ĐỊNH\s*:|\(Kèm theo|\(Ban hành kèm theo|Kính gửi)/iu;

function isUpper(s: string): boolean {
  const l = s.replace(/[^\p{L}]/gu, '');
  return l.length >= 2 && l === l.toUpperCase() && l !== l.toLowerCase();
}

/** The quốc hiệu and tiêu ngữ inside a line, and where a "Số:" line or a place-and-date starts. */
const MOTTO_INSIDE = /cong hoa xa hoi chu nghia viet nam|doc lap\s*-?\s*tu do\s*-?\s*hanh phuc/u;
const NUMBER_THEN_DATE = /^(Số\s*:?\s*\d*\s*\/\s*[\p{L}\d&.\-/]+)\s+(\S.*?,\s*ngày\b.*)$/iu;

/**
 * The two columns of the header rendered on one line ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
 * "Số: 12/KH-UBND Nghệ An, ngày …", stacked lines joined): split by the known shapes of the motto, the slogan and
 * the number line, never by position.
 */
export function splitRendered(text: string): string[] {
  const f = foldSameLength(text);
  const m = MOTTO_INSIDE.exec(f);
  if (m) {
    const before = text.slice(0, m.index).trim();
    const motto = text.slice(m.index, m.index + m[0].length).trim();
    const after = text
      .slice(m.index + m[0].length)
      .replace(/^[\s\-–—_.]+/u, '')
      .trim();
    return [...(before ? splitRendered(before) : []), motto, ...(after ? splitRendered(after) : [])];
  }
  const so = /(^|\s)Số\s*:/u.exec(text);
  if (so && so.index > 0) {
    const before = text.slice(0, so.index).trim();
    return [...splitRendered(before), ...splitRendered(text.slice(so.index).trim())];
  }
  const nd = NUMBER_THEN_DATE.exec(text);
  if (nd) return [nd[1]!, nd[2]!];
  return [text];
}

/** A header table row's cells, each split into its lines with upper-case runs joined ("ỦY BAN NHÂN DÂN" + "TỈNH …"). */
function headerPieces(line: LogicalLine): string[] {
  if (!line.cells) return splitRendered(line.text);
  const out: string[] = [];
  for (const cell of line.cells) {
    const parts = cell
      .split('\n')
      .map((s) => normalizeText(s))
      .filter((s) => s && !/^[-_=–—*.\s]+$/.test(s));
    let run: string[] = [];
    const flush = () => {
      if (run.length) out.push(run.join(' '));
      run = [];
    };
    for (const p of parts) {
      if (isUpper(p) && !MOTTO.test(fold(p))) run.push(p);
      else {
        flush();
        out.push(p);
      }
    }
    flush();
  }
  return out;
}

/** "UBND TỈNH THANH HÓA SỞ KHOA HỌC VÀ CÔNG NGHỆ" → parent "UBND TỈNH THANH HÓA", issuer "SỞ KHOA HỌC VÀ CÔNG NGHỆ". */
function splitIssuer(text: string): { issuer: string; parent: string | null } {
  const m =
    /^((?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND)\s+(?:TỈNH|THÀNH PHỐ|XÃ|PHƯỜNG|ĐẶC KHU)\s+.+?)\s+((?:SỞ|BAN|PHÒNG|VĂN PHÒNG|TRUNG TÂM|THANH TRA|CÔNG AN|BỘ CHỈ HUY|BAN CHỈ HUY)\s.+)$/u.exec(
      text,
    );
  if (m) return { parent: m[1]!, issuer: m[2]! };
  return { issuer: text, parent: null };
}

function emptyTop(): TopOfDocument {
  return {
    type: null,
    typeLine: null,
    number: null,
    symbol: null,
    hasNumberLine: false,
    date: null,
    year: null,
    place: null,
    issuer: null,
    issuerParent: null,
    authority: null,
    title: null,
    lineOf: {},
  };
}

/** Reads "Số: 105/KH-UBND" / "Số: /KH-UBND"; the type comes from the symbol's first part when it is a type. */
function readNumber(top: TopOfDocument, text: string, line: number): boolean {
  const m = NUMBER_LINE.exec(text);
  if (m) {
    top.number = m[1] ? m[1] : null;
    top.symbol = m[2]!.replace(/[.\-/]+$/u, '');
    top.hasNumberLine = true;
    top.lineOf.number = line;
    return true;
  }
  if (NUMBER_ONLY_LINE.test(text)) {
    top.hasNumberLine = true;
    top.lineOf.number = line;
    return true;
  }
  return false;
}

function readPlaceDate(top: TopOfDocument, text: string, line: number): boolean {
  const m = PLACE_DATE.exec(text);
  if (!m || !/tháng|năm|\d/u.test(m[2]!)) return false;
  const d = parseViDate(m[2]!);
  if (!d) return false;
  // Tone placement only ("Thanh Hoá" → "Thanh Hóa"): the place as written otherwise.
  top.place = normalizeToneMarks(normalizeText(m[1]!));
  top.date = d.iso;
  top.year = d.year;
  top.lineOf.date = line;
  return true;
}

/**
 * Reads the top of the document from ctx.pos, taking the lines it uses. Stops at the opening paragraph or the first
 * section. A document without a header yields an empty result and takes nothing.
 */
export function parseTop(ctx: ParseContext): TopOfDocument {
  const top = emptyTop();
  const issuerLines: string[] = [];
  let sawMotto = false;
  while (!ctx.done) {
    const line = ctx.peek()!;
    if (line.cells === null && AFTER_TITLE.test(line.text)) break;
    const type = line.cells === null ? typeOfLine(line.text) : null;
    if (type) {
      ctx.next();
      top.type = type;
      top.typeLine = line.text;
      top.lineOf.type = line.line;
      readTitle(ctx, top);
      break;
    }
    let used = false;
    const pieces = headerPieces(line);
    const how: LayoutRuleCode = line.cells
      ? ctx.format === 'txt' || ctx.format === 'md'
        ? 'header.pipes'
        : 'header.table'
      : pieces.length > 1
        ? 'header.oneLine'
        : 'header.lines';
    for (const piece of pieces) {
      if (MOTTO.test(fold(piece))) {
        sawMotto = true;
        used = true;
      } else if (readNumber(top, piece, line.line)) {
        ctx.layout.field(['number', 'symbol'], how);
        used = true;
      } else if (readPlaceDate(top, piece, line.line)) {
        ctx.layout.field(['place', 'date'], how);
        used = true;
      } else if (isUpper(piece) && !sawMotto && top.number === null && !top.hasNumberLine) {
        issuerLines.push(piece);
        top.lineOf.issuer ??= line.line;
        ctx.layout.field(['issuer', 'issuerParent'], how);
        used = true;
      } else if (isUpper(piece)) {
        // An upper-case line after the quốc hiệu and before the number: the issuer's column read row by row
        // ("ỦY BAN NHÂN DÂN | CỘNG HÒA …" then "TỈNH NGHỆ AN | Độc lập …").
        if (top.issuer === null && (issuerLines.length === 0 || !top.hasNumberLine)) {
          issuerLines.push(piece);
          top.lineOf.issuer ??= line.line;
          ctx.layout.field(['issuer', 'issuerParent'], how);
          used = true;
        }
      }
    }
    if (!used) break;
    ctx.next();
  }
  if (issuerLines.length > 0) {
    const { issuer, parent } = splitIssuer(normalizeText(issuerLines.join(' ')));
    top.issuer = issuer;
    top.issuerParent = parent;
    if (parent) ctx.layout.field(['issuer', 'issuerParent'], 'header.parentSplit');
  }
  if (top.type) ctx.layout.field('type', 'header.typeLine');
  if (!top.type && top.symbol) {
    const prefix = top.symbol.split('-')[0]!;
    top.type = TYPE_NAMES.find(([, abbr]) => abbr === prefix)?.[1] ?? null;
    if (top.type) ctx.layout.field('type', 'header.typeFromSymbol');
  }
  return top;
}

/**
 * The trích yếu after the type line: one mixed-case line, or consecutive upper-case lines. In a Quyết định an
 * upper-case authority line follows ("ỦY BAN NHÂN DÂN TỈNH VĨNH LONG") and is not part of the title.
 */
function readTitle(ctx: ParseContext, top: TopOfDocument): void {
  const parts: string[] = [];
  while (!ctx.done) {
    const line = ctx.peek()!;
    // A title may itself start "Thực hiện …" / "Triển khai …"; an opening paragraph ends with punctuation.
    const titleLike =
      parts.length === 0 &&
      /^(Thực hiện|Triển khai|THỰC HIỆN|TRIỂN KHAI)\s/u.test(line.text) &&
      !/[.;:]$/u.test(line.text);
    if (line.cells || (AFTER_TITLE.test(line.text) && !titleLike) || typeOfLine(line.text)) break;
    if (parts.length > 0 && (!isUpper(parts[0]!) || !isUpper(line.text))) break;
    if (parts.length > 0 && AUTHORITY.test(line.text)) break;
    if (parts.length >= 4) break;
    parts.push(line.text);
    top.lineOf.title ??= line.line;
    ctx.next();
  }
  if (parts.length > 0) {
    top.title = normalizeText(parts.join(' '));
    ctx.layout.field('title', parts.length > 1 ? 'header.titleUpper' : 'header.titleLine');
  }
  const next = ctx.peek();
  if (top.type === 'QĐ' && next && !next.cells && isUpper(next.text) && AUTHORITY.test(next.text)) {
    top.authority = next.text;
    ctx.next();
  }
}
