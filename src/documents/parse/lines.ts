// Source document → logical lines: one paragraph, heading or table row each, with the source line numbers it came
// from. Handles plain text, Markdown, HTML and DOCX (through mammoth's HTML). Hard-wrapped lines and page-break
// artefacts ("kinh tế - xã" / blank / "hội") are joined here so the structure parsers see whole paragraphs.
import { parse as parseHtml, type HTMLElement, type Node as HtmlNode } from 'node-html-parser';
import { normalizeText } from '../../domain/text.ts';
import { guardDocx } from './zip-guard.ts';
import { scrubImportedText } from '../../domain/input-text.ts';
import { joinLines, type RawLine } from './join-lines.ts';

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

// One non-table row of a text file: its Markdown heading level and bold mark, then its plain text.
function readTextRow(trimmed: string, format: 'txt' | 'md'): { text: string; heading: number | null; bold: boolean } {
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
  return { text: normalizeText(stripInlineMarkup(text).replace(/\n/g, ' ')), heading, bold };
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
    const { text, heading, bold } = readTextRow(trimmed, format);
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

// The rows of an HTML table, as table lines (one cell list each).
function pushTableRows(node: HTMLElement, table: number, lineOf: (n: HtmlNode) => number, raw: RawLine[]): void {
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
      pushTableRows(node, table, lineOf, raw);
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
