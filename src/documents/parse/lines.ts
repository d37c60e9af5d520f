// Source document → logical lines: one paragraph, heading or table row each, with the source line numbers it came
// from. Handles plain text, Markdown, HTML and DOCX (through mammoth's HTML). Hard-wrapped lines and page-break
// artefacts ("kinh tế - xã" / blank / "hội") are joined here so the structure parsers see whole paragraphs.
import { parse as parseHtml, type HTMLElement, type Node as HtmlNode } from 'node-html-parser';
import { normalizeText } from '../../domain/text.ts';
import { guardDocx } from './zip-guard.ts';
import { scrubImportedText } from '../../domain/input-text.ts';

export type SourceFormat = 'txt' | 'md' | 'html' | 'docx';

export interface LogicalLine {
  /** 1-based source line (text formats) or block number (DOCX) where the line starts. */
  line: number;
  /** Every source line joined into this one. */
  lines: number[];
  text: string;
  /** Cells when the line is a table row ("STT | Nội dung | Chủ trì …"); text is then the cells joined by " | ". */
  cells: string[] | null;
  /** Rows of one table share a number. */
  table: number | null;
  /** Markdown / HTML heading level, when marked as a heading. */
  heading: number | null;
  /** The whole line was bold. */
  bold: boolean;
}

/** A line as found, before joining. */
interface RawLine {
  line: number;
  text: string;
  cells: string[] | null;
  table: number | null;
  heading: number | null;
  bold: boolean;
  /** A blank line (or a break such as a lone "|") comes before it. */
  breakBefore: boolean;
  /** Set for structural breaks that must not be crossed even by a lower-case continuation. */
  hardBreakBefore: boolean;
}

export function detectFormat(filename: string, content: Buffer | string): SourceFormat {
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  if (ext === 'docx') return 'docx';
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'html' || ext === 'htm') return 'html';
  if (ext === 'txt') return 'txt';
  if (typeof content !== 'string' && content.length > 4 && content[0] === 0x50 && content[1] === 0x4b) return 'docx';
  const head = (typeof content === 'string' ? content : content.subarray(0, 512).toString('utf8')).trimStart();
  return head.startsWith('<') ? 'html' : 'txt';
}

/** Reads a source into logical lines. Only this module touches Buffers. */
export async function sourceLines(input: { filename: string; content: Buffer | string }): Promise<LogicalLine[]> {
  const format = detectFormat(input.filename, input.content);
  if (format === 'docx') {
    const upload = typeof input.content === 'string' ? Buffer.from(input.content, 'binary') : input.content;
    // mammoth reads only what the guard has inflated under its limits, never the uploaded archive itself.
    const checked = guardDocx(upload);
    // mammoth loads on first DOCX import: an idle server should not carry it.
    const { default: mammoth } = await import('mammoth');
    const { value } = await mammoth.convertToHtml(
      { buffer: Buffer.from(checked.buffer, checked.byteOffset, checked.byteLength) },
      // Pictures carry no plan text and are left out of the checked archive: never read them.
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    return htmlLines(value, { lineNumbers: 'blocks' });
  }
  const text = typeof input.content === 'string' ? input.content : input.content.toString('utf8');
  if (format === 'html') return htmlLines(text, { lineNumbers: 'source' });
  return textLines(text.replace(/^\uFEFF/, ''), format);
}

// ---------------------------------------------------------------------------------------------------------------
// Plain text and Markdown

/** Lines that carry layout only: rules under the header, lone column separators, Markdown table rules. */
export function isLayoutOnly(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && /^[\s|:\-–—_=*.~]+$/.test(t) && !/^\d/.test(t);
}

function stripInlineMarkup(s: string): string {
  return s
    .replace(/\*\*|__/g, '')
    .replace(/(^|\s)\*(\S[^*]*\S|\S)\*(?=\s|$|[.,;:])/g, '$1$2')
    .replace(/\\([-*_#.|()[\]])/g, '$1')
    .replace(/<br\s*\/?>/gi, '\n');
}

function splitPipeRow(line: string): string[] {
  let t = line.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|')) t = t.slice(0, -1);
  // "<br>" inside a cell separates its paragraphs (one unit per line in a "Chủ trì" column): kept as "\n".
  return t.split('|').map((c) =>
    stripInlineMarkup(c)
      .split('\n')
      .map((p) => normalizeText(p))
      .filter(Boolean)
      .join('\n'),
  );
}

export function textLines(source: string, format: 'txt' | 'md'): LogicalLine[] {
  // A file is not a form: stray control characters are dropped, never refused (the lines stay where they were).
  const rows = scrubImportedText(source).replace(/\r\n?/g, '\n').split('\n');
  const raw: RawLine[] = [];
  let pendingBreak = true;
  let pendingHard = true;
  let table = 0;
  let inTable = false;
  rows.forEach((row, i) => {
    const line = i + 1;
    const trimmed = row.replace(/\u00A0/g, ' ').trim();
    if (!trimmed) {
      pendingBreak = true;
      inTable = false;
      return;
    }
    // A row with a cell separator is a table row: Markdown tables and the pipe-rendered two-column headers.
    if (/\|/.test(trimmed) && !/^\|$/.test(trimmed)) {
      if (/^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/.test(trimmed)) {
        inTable = true; // the Markdown header rule: same table, no content
        return;
      }
      const cells = splitPipeRow(trimmed);
      if (cells.every((c) => c === '')) {
        pendingBreak = true;
        pendingHard = true;
        return;
      }
      if (!inTable) table++;
      inTable = true;
      raw.push({
        line,
        text: cells.filter(Boolean).join(' | ').replace(/\n/g, ' '),
        cells,
        table,
        heading: null,
        bold: false,
        breakBefore: true,
        hardBreakBefore: true,
      });
      pendingBreak = true;
      pendingHard = true;
      return;
    }
    inTable = false;
    // A page number alone between blank lines ("2", "- 3 -"), left by a copy out of a PDF: not text.
    if (/^[-–]?\s*\d{1,3}\s*[-–]?$/u.test(trimmed) && pendingBreak && !(rows[i + 1] ?? '').trim()) {
      pendingBreak = true;
      return;
    }
    if (isLayoutOnly(trimmed)) {
      // "-------" under the issuer, a lone "|" between the columns of a rendered header: a break, not content.
      pendingBreak = true;
      pendingHard = true;
      return;
    }
    let text = trimmed;
    let heading: number | null = null;
    if (format === 'md') {
      const h = /^(#{1,6})\s+(.*)$/.exec(text);
      if (h) {
        heading = h[1]!.length;
        text = h[2]!.replace(/\s+#+\s*$/, '');
      }
      text = text.replace(/^[*+]\s+(?=\S)/, '- ');
    }
    const bold = /^(\*\*|__).+(\*\*|__)$/.test(text.trim());
    text = normalizeText(stripInlineMarkup(text).replace(/\n/g, ' '));
    if (!text || isLayoutOnly(text)) {
      pendingBreak = true;
      return;
    }
    raw.push({
      line,
      text,
      cells: null,
      table: null,
      heading,
      bold,
      breakBefore: pendingBreak,
      hardBreakBefore: pendingHard,
    });
    pendingBreak = false;
    pendingHard = false;
  });
  return joinLines(raw);
}

// ---------------------------------------------------------------------------------------------------------------
// HTML and DOCX

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'dt', 'dd', 'caption']);
const CONTAINER_TAGS = new Set([
  'div',
  'section',
  'article',
  'main',
  'body',
  'html',
  'ul',
  'ol',
  'dl',
  'header',
  'footer',
  'center',
  'tbody',
  'thead',
  'tfoot',
  'span',
  'font',
]);

function lineOfOffset(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function isElement(n: HtmlNode): n is HTMLElement {
  return n.nodeType === 1;
}

function tagOf(n: HtmlNode): string {
  return isElement(n) ? (n.rawTagName?.toLowerCase() ?? '') : '';
}

/** Text of an element with <br> and inner paragraphs as line breaks. */
function blockText(el: HtmlNode): string {
  if (!isElement(el)) return el.text;
  let out = '';
  for (const c of el.childNodes) {
    const tag = tagOf(c);
    if (tag === 'br') out += '\n';
    else if (tag === 'ul' || tag === 'ol' || tag === 'table') continue;
    else if (BLOCK_TAGS.has(tag)) out += `\n${blockText(c)}\n`;
    else out += isElement(c) ? blockText(c) : c.text;
  }
  return out;
}

function isAllBold(el: HTMLElement): boolean {
  const text = normalizeText(el.text);
  if (!text) return false;
  const bold = el
    .querySelectorAll('strong, b')
    .map((b) => normalizeText(b.text))
    .join(' ');
  return normalizeText(bold) === text;
}

/** Table cells laid out on a grid: spanned cells repeat their text in every position they cover. */
function tableGrid(table: HTMLElement): Array<{ el: HTMLElement; cells: string[] }> {
  const rows = table.querySelectorAll('tr').filter((tr) => tr.closest('table') === table);
  const grid: string[][] = [];
  const out: Array<{ el: HTMLElement; cells: string[] }> = [];
  rows.forEach((tr, r) => {
    grid[r] ??= [];
    let col = 0;
    for (const cell of tr.childNodes.filter((c): c is HTMLElement => tagOf(c) === 'td' || tagOf(c) === 'th')) {
      while (grid[r]![col] !== undefined) col++;
      const text = blockText(cell)
        .split('\n')
        .map((s) => normalizeText(s))
        .filter(Boolean)
        .join('\n');
      const colspan = Math.max(1, Number(cell.getAttribute('colspan') ?? 1) || 1);
      const rowspan = Math.max(1, Number(cell.getAttribute('rowspan') ?? 1) || 1);
      for (let dr = 0; dr < rowspan; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < colspan; dc++) grid[r + dr]![col + dc] = text;
      }
      col += colspan;
    }
    out.push({ el: tr, cells: [] });
  });
  out.forEach((row, r) => {
    const cells = grid[r] ?? [];
    row.cells = Array.from({ length: cells.length }, (_, i) => cells[i] ?? '');
  });
  return out;
}

export function htmlLines(source: string, options: { lineNumbers: 'source' | 'blocks' }): LogicalLine[] {
  // "<!DOCTYPE html>" and comments are not text: left in, the doctype became the document's first line.
  const html = scrubImportedText(source)
    .replace(/<!DOCTYPE[^>]*>/giu, '')
    .replace(/<!--[\s\S]*?-->/gu, (c) => c.replace(/[^\n]/gu, ''));
  // Elements left open at the end stay as written: the parser's repair of them grows with the square of their
  // nesting (300,000 unclosed <div> ran past a minute), and dissolving them gains nothing for reading lines.
  const root = parseHtml(html, {
    blockTextElements: { script: false, style: false, pre: true },
    parseNoneClosedTags: true,
  });
  const starts = [0];
  for (let i = 0; i < html.length; i++) if (html[i] === '\n') starts.push(i + 1);
  // HTML written on a few long lines (as generated) has no useful line numbers: number the blocks instead.
  const bySource = options.lineNumbers === 'source' && starts.length > 3;
  let block = 0;
  const lineOf = (n: HtmlNode) => (bySource ? lineOfOffset(starts, n.range[0]) : ++block);
  const raw: RawLine[] = [];
  let table = 0;

  const pushText = (el: HtmlNode, text: string, heading: number | null, bold: boolean, prefix = '') => {
    const line = lineOf(el);
    const parts = text
      .split('\n')
      .map((s) => normalizeText(s))
      .filter((s) => s && !isLayoutOnly(s));
    parts.forEach((p, i) => {
      raw.push({
        line,
        text: i === 0 ? `${prefix}${p}` : p,
        cells: null,
        table: null,
        heading,
        bold,
        breakBefore: i === 0,
        hardBreakBefore: i === 0 && heading !== null,
      });
    });
  };

  const walk = (node: HtmlNode, listIndex: { n: number; ordered: boolean } | null) => {
    if (!isElement(node)) {
      const t = normalizeText(node.text);
      if (t && !isLayoutOnly(t)) pushText(node, t, null, false);
      return;
    }
    const tag = tagOf(node);
    if (tag === 'script' || tag === 'style' || tag === 'head') return;
    if (tag === 'table') {
      table++;
      for (const row of tableGrid(node)) {
        if (row.cells.every((c) => !c)) continue;
        const line = lineOf(row.el);
        // The borderless signature table of Nghị định 30/2020 (Nơi nhận | quyền hạn, chức vụ, họ tên) is text laid
        // out side by side, not data: read it as the plain lines a text copy of the plan would have.
        if (/^Nơi nhận\s*:/u.test(row.cells.find((c) => c.trim())?.trim() ?? '')) {
          for (const cell of [...new Set(row.cells)]) {
            for (const text of cell
              .split('\n')
              .map((t) => t.trim())
              .filter(Boolean)) {
              raw.push({
                line,
                text,
                cells: null,
                table: null,
                heading: null,
                bold: false,
                breakBefore: true,
                hardBreakBefore: true,
              });
            }
          }
          continue;
        }
        raw.push({
          line,
          text: row.cells.filter(Boolean).join(' | ').replace(/\n/g, ' '),
          cells: row.cells,
          table,
          heading: null,
          bold: false,
          breakBefore: true,
          hardBreakBefore: true,
        });
      }
      return;
    }
    if (tag === 'ul' || tag === 'ol') {
      const counter = { n: 0, ordered: tag === 'ol' };
      for (const c of node.childNodes) walk(c, counter);
      return;
    }
    if (
      BLOCK_TAGS.has(tag) ||
      (tag === 'div' &&
        !node.childNodes.some((c) => BLOCK_TAGS.has(tagOf(c)) || CONTAINER_TAGS.has(tagOf(c)) || tagOf(c) === 'table'))
    ) {
      const heading = /^h[1-6]$/.test(tag) ? Number(tag[1]) : null;
      // Word's automatic numbering reaches us as <ol><li>: write the number back so tasks keep it.
      let prefix = '';
      if (tag === 'li' && listIndex) {
        listIndex.n++;
        prefix = listIndex.ordered ? `${listIndex.n}. ` : '- ';
      }
      pushText(node, blockText(node), heading, isAllBold(node), prefix);
      for (const c of node.childNodes)
        if (tagOf(c) === 'ul' || tagOf(c) === 'ol' || tagOf(c) === 'table') walk(c, null);
      return;
    }
    for (const c of node.childNodes) walk(c, listIndex);
  };
  walk(root, null);
  return joinLines(raw);
}

// ---------------------------------------------------------------------------------------------------------------
// Joining hard-wrapped lines

const DOC_TYPE_LINE =
  /^(KẾ HOẠCH|QUYẾT ĐỊNH|BÁO CÁO|TỜ TRÌNH|CÔNG VĂN|CHƯƠNG TRÌNH|THÔNG BÁO|HƯỚNG DẪN|CHỈ THỊ|NGHỊ QUYẾT|ĐỀ ÁN|PHƯƠNG ÁN|PHỤ LỤC)(\s*:)?$/u;

/** Starts of paragraphs and items: a line beginning like this never continues the previous one. */
const STRUCTURAL_START = new RegExp(
  [
    String.raw`^[IVXLC]+\.\s`,
    String.raw`^\d+(\.\d+)*\.(\s|$)`,
    String.raw`^\d+(\.\d+)*\)\s`,
    String.raw`^[a-zđ]\)\s`,
    String.raw`^[-+•–]\s`,
    String.raw`^(Điều|Chương|Mục|Phần)\s+[\dIVXLC]+`,
    String.raw`^(Nơi nhận|Kính gửi|Căn cứ|Thực hiện|Theo đề nghị|Xét đề nghị|Trên đây)`,
    String.raw`^QUYẾT ĐỊNH:?$`,
    String.raw`^(TM|KT|Q|TL|TUQ)\.\s?`,
    String.raw`^\((Ban hành )?[Kk]èm theo`,
  ].join('|'),
  'u',
);

/** Upper-case lines that begin a new element: signature titles, the issuing authority line of a Quyết định. */
const UPPER_START =
  /^(PHÓ |CHỦ TỊCH|GIÁM ĐỐC|THỦ TƯỚNG|BỘ TRƯỞNG|TRƯỞNG |CHÁNH VĂN PHÒNG|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|CỘNG HÒA|CỘNG HOÀ|ĐỘC LẬP|KẾ HOẠCH$)/u;

/** A line that is only a label and needs its text from the next line ("Điều 1.", "a)", "KT."). */
const LABEL_ONLY = /^(\d+(\.\d+)*\.|[a-zđ]\)|[IVXLC]+\.|Điều\s+\d+\.?|[-+•]|(TM|KT|Q|TL|TUQ)\.)$/u;

function letters(s: string): string {
  return s.replace(/[^\p{L}]/gu, '');
}

function isUpper(s: string): boolean {
  const l = letters(s);
  return l.length >= 2 && l === l.toUpperCase() && l !== l.toLowerCase();
}

function shouldJoin(prev: RawLine, next: RawLine): boolean {
  if (prev.cells || next.cells || prev.heading !== null || next.heading !== null) return false;
  if (next.hardBreakBefore) return false;
  const p = prev.text;
  const n = next.text;
  if (LABEL_ONLY.test(p)) return !STRUCTURAL_START.test(n);
  if (DOC_TYPE_LINE.test(p) || DOC_TYPE_LINE.test(n)) return false;
  if (STRUCTURAL_START.test(n)) return false;
  // Sentence, clause or heading ended: "…như sau:", "…;", "…./."
  if (/[.:;!?]["”)\]]*$/u.test(p)) return false;
  const nextLetters = letters(n);
  if (next.breakBefore) {
    // Across a blank line only an obvious continuation: the next part starts in lower case ("hội của phường.").
    return /^\p{Ll}/u.test(n) && !isUpper(p);
  }
  if (nextLetters.length === 0) return true; // "2030" finishing an upper-case title
  if (isUpper(p) !== isUpper(n)) return false;
  if (isUpper(n) && UPPER_START.test(n)) return false;
  if (prev.bold !== next.bold && !/^\p{Ll}/u.test(n)) return false;
  return true;
}

function joinLines(raw: RawLine[]): LogicalLine[] {
  const out: LogicalLine[] = [];
  let last: RawLine | null = null;
  for (const found of raw) {
    // Entities decoded from HTML ("&#1;") are scrubbed here.
    const r = { ...found, text: scrubImportedText(found.text), cells: found.cells?.map(scrubImportedText) ?? null };
    const prevOut = out[out.length - 1];
    if (last && prevOut && shouldJoin({ ...last, text: prevOut.text, bold: prevOut.bold }, r)) {
      prevOut.text = normalizeText(`${prevOut.text} ${r.text}`);
      prevOut.lines.push(r.line);
      prevOut.bold = prevOut.bold && r.bold;
    } else {
      out.push({
        line: r.line,
        lines: [r.line],
        text: r.text,
        cells: r.cells,
        table: r.table,
        heading: r.heading,
        bold: r.bold,
      });
    }
    last = r;
  }
  return out;
}
