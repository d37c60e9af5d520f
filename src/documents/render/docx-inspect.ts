// Test support: read back what a renderer wrote (DOCX XML, page setup, fonts, sizes, texts) and convert it with
// LibreOffice to check the printed result (pages, page size, embedded fonts). Not used by the product at run time.

import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';

// ---------------------------------------------------------------------------------------------------------------------
// DOCX

export async function readDocxPart(docx: Buffer, part = 'word/document.xml'): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  const file = zip.file(part);
  if (!file) throw new Error(`DOCX has no part ${part}`);
  return file.async('string');
}

export async function listDocxParts(docx: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(docx);
  return Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

function attr(xml: string, tag: string, name: string): string | null {
  const m = new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml);
  return m ? m[1]! : null;
}

export interface RunInfo {
  text: string;
  /** w:rFonts ascii, or null when the run takes the style's font. */
  font: string | null;
  /** Half-points, or null when inherited. */
  size: number | null;
  bold: boolean;
  italic: boolean;
}

/** Whether a toggle property (<w:b/>, <w:i/>) is on: present and not val="false"/"0". */
function toggle(rPr: string, tag: string): boolean {
  const m = new RegExp(`<w:${tag}(\\s[^>]*)?/>`).exec(rPr);
  if (!m) return false;
  const val = /w:val="([^"]*)"/.exec(m[1] ?? '')?.[1];
  return val === undefined || !['false', '0', 'off'].includes(val);
}

/** Text runs in document order (w:t text joined; tabs and breaks ignored). */
export function runs(xml: string): RunInfo[] {
  const out: RunInfo[] = [];
  for (const m of xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>|<w:r\s[^>]*>([\s\S]*?)<\/w:r>/g)) {
    const body = m[1] ?? m[2] ?? '';
    const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(body)?.[1] ?? '';
    const text = [...body.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>/g)].map((t) => unescapeXml(t[1]!)).join('');
    const size = attr(rPr, 'w:sz', 'w:val');
    out.push({
      text,
      font: attr(rPr, 'w:rFonts', 'w:ascii'),
      size: size === null ? null : Number(size),
      bold: toggle(rPr, 'b'),
      italic: toggle(rPr, 'i'),
    });
  }
  return out;
}

/** Paragraph texts in document order, including those inside table cells. */
export function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g)].map((p) =>
    [...(p[1] ?? '').matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>/g)].map((t) => unescapeXml(t[1]!)).join(''),
  );
}

export interface DocxSummary {
  documentXml: string;
  stylesXml: string;
  coreXml: string;
  /** Header parts by relationship type (default, first, even) → XML. */
  headers: Record<string, string>;
  page: { width: number; height: number; orientation: string | null };
  margins: { top: number; right: number; bottom: number; left: number; header: number | null; footer: number | null };
  titlePage: boolean;
  /** Every font named in w:rFonts of the document, its headers and the style defaults. */
  fonts: string[];
  /** Every w:sz value (half-points) used in the document body. */
  sizes: number[];
  paragraphs: string[];
  runs: RunInfo[];
}

export async function inspectDocx(docx: Buffer): Promise<DocxSummary> {
  const zip = await JSZip.loadAsync(docx);
  const read = async (p: string) => (await zip.file(p)?.async('string')) ?? '';
  const documentXml = await read('word/document.xml');
  const stylesXml = await read('word/styles.xml');
  const coreXml = await read('docProps/core.xml');
  const rels = await read('word/_rels/document.xml.rels');
  const target = new Map(
    [...rels.matchAll(/<Relationship\b[^>]*\bId="([^"]+)"[^>]*\bTarget="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]),
  );
  const sectPr = /<w:sectPr\b[\s\S]*?<\/w:sectPr>/.exec(documentXml)?.[0] ?? '';
  const headers: Record<string, string> = {};
  for (const m of sectPr.matchAll(/<w:headerReference\b[^>]*>/g)) {
    const type = attr(m[0], 'w:headerReference', 'w:type') ?? 'default';
    const id = attr(m[0], 'w:headerReference', 'r:id');
    const file = id ? target.get(id) : undefined;
    if (file) headers[type] = await read(`word/${file.replace(/^\/?word\//, '')}`);
  }
  const num = (tag: string, name: string) => {
    const v = attr(sectPr, tag, name);
    return v === null ? null : Number(v);
  };
  const allXml = [documentXml, stylesXml, ...Object.values(headers)].join('');
  const fonts = new Set<string>();
  for (const m of allXml.matchAll(/<w:rFonts\b([^>]*)\/>/g)) {
    for (const f of m[1]!.matchAll(/w:(?:ascii|hAnsi|cs|eastAsia)="([^"]+)"/g)) fonts.add(f[1]!);
  }
  const titlePageTag = /<w:titlePg(\s[^>]*)?\/>/.exec(sectPr);
  return {
    documentXml,
    stylesXml,
    coreXml,
    headers,
    page: {
      width: num('w:pgSz', 'w:w') ?? 0,
      height: num('w:pgSz', 'w:h') ?? 0,
      orientation: attr(sectPr, 'w:pgSz', 'w:orient'),
    },
    margins: {
      top: num('w:pgMar', 'w:top') ?? 0,
      right: num('w:pgMar', 'w:right') ?? 0,
      bottom: num('w:pgMar', 'w:bottom') ?? 0,
      left: num('w:pgMar', 'w:left') ?? 0,
      header: num('w:pgMar', 'w:header'),
      footer: num('w:pgMar', 'w:footer'),
    },
    titlePage: titlePageTag !== null && !/w:val="(false|0)"/.test(titlePageTag[1] ?? ''),
    fonts: [...fonts],
    sizes: [...new Set([...documentXml.matchAll(/<w:sz w:val="(\d+)"/g)].map((m) => Number(m[1])))].sort(
      (a, b) => a - b,
    ),
    paragraphs: paragraphTexts(documentXml),
    runs: runs(documentXml),
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// External tools

interface ToolResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runTool(cmd: string, args: string[], timeoutMs: number): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${cmd} timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'thihanh-doc-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const SOFFICE = process.env.SOFFICE_PATH ?? 'soffice';

/**
 * Converts a document with LibreOffice headless. Each call gets its own profile directory: two conversions sharing a
 * profile make one of them exit 1 without output (research/stack.md, point 10).
 */
export async function convertWithLibreOffice(
  input: Buffer,
  to: 'pdf' | 'docx' | 'odt' = 'pdf',
  opts: { inputExt?: string; timeoutMs?: number } = {},
): Promise<Buffer> {
  return withTempDir(async (dir) => {
    const src = path.join(dir, `input.${opts.inputExt ?? 'docx'}`);
    const out = path.join(dir, 'out');
    await writeFile(src, input);
    const profile = `file://${path.join(dir, 'profile')}`;
    const res = await runTool(
      SOFFICE,
      [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', out, src],
      opts.timeoutMs ?? 120_000,
    );
    const produced = (await readdir(out).catch(() => [] as string[])).find((f) => f.endsWith(`.${to}`));
    if (!produced) throw new Error(`LibreOffice did not convert (exit ${res.code}): ${res.stderr || res.stdout}`);
    return readFile(path.join(out, produced));
  });
}

export interface PdfInfo {
  pages: number;
  /** Page size in points (A4 ≈ 595.28 × 841.89). */
  width: number;
  height: number;
  /** pdfinfo's paper name when it recognises one ("A4"). */
  paper: string | null;
  raw: Record<string, string>;
}

export async function pdfInfo(pdf: Buffer): Promise<PdfInfo> {
  return withTempDir(async (dir) => {
    const file = path.join(dir, 'doc.pdf');
    await writeFile(file, pdf);
    const res = await runTool('pdfinfo', [file], 30_000);
    if (res.code !== 0) throw new Error(`pdfinfo failed: ${res.stderr}`);
    const raw: Record<string, string> = {};
    for (const line of res.stdout.split('\n')) {
      const m = /^([^:]+):\s*(.*)$/.exec(line);
      if (m) raw[m[1]!.trim()] = m[2]!.trim();
    }
    const size = /([\d.]+) x ([\d.]+) pts(?: \(([^)]+)\))?/.exec(raw['Page size'] ?? '');
    return {
      pages: Number(raw['Pages'] ?? 0),
      width: Number(size?.[1] ?? 0),
      height: Number(size?.[2] ?? 0),
      paper: size?.[3] ?? null,
      raw,
    };
  });
}

export interface PdfFont {
  /** Font name without the subset prefix ("LiberationSerif-Bold"). */
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

/** Fonts of a PDF from pdffonts; columns are read by the positions of its dashed header line. */
export async function pdfFonts(pdf: Buffer): Promise<PdfFont[]> {
  return withTempDir(async (dir) => {
    const file = path.join(dir, 'doc.pdf');
    await writeFile(file, pdf);
    const res = await runTool('pdffonts', [file], 30_000);
    if (res.code !== 0) throw new Error(`pdffonts failed: ${res.stderr}`);
    const lines = res.stdout.split('\n');
    const dashIndex = lines.findIndex((l) => /^-+ /.test(l));
    if (dashIndex < 0) return [];
    const cols: [number, number][] = [];
    for (const m of lines[dashIndex]!.matchAll(/-+/g)) cols.push([m.index, m.index + m[0].length]);
    const cell = (l: string, i: number) => (cols[i] ? l.slice(cols[i][0], cols[i][1] + 1).trim() : '');
    return lines
      .slice(dashIndex + 1)
      .filter((l) => l.trim())
      .map((l) => ({
        name: cell(l, 0).replace(/^[A-Z]{6}\+/, ''),
        type: cell(l, 1),
        embedded: cell(l, 3) === 'yes',
        subset: cell(l, 4) === 'yes',
        unicode: cell(l, 5) === 'yes',
      }));
  });
}

/** Renders one PDF page to a PNG file (for looking at the result) and returns its path. */
export async function pdfPageToPng(
  pdf: Buffer,
  outPrefix: string,
  opts: { page?: number; dpi?: number } = {},
): Promise<string> {
  return withTempDir(async (dir) => {
    const file = path.join(dir, 'doc.pdf');
    await writeFile(file, pdf);
    const page = String(opts.page ?? 1);
    const res = await runTool(
      'pdftoppm',
      ['-png', '-r', String(opts.dpi ?? 80), '-f', page, '-l', page, '-singlefile', file, outPrefix],
      60_000,
    );
    if (res.code !== 0) throw new Error(`pdftoppm failed: ${res.stderr}`);
    return `${outPrefix}.png`;
  });
}

/** Plain text of a PDF with pdftotext (layout kept), for checks on what was printed. */
export async function pdfText(pdf: Buffer, opts: { page?: number } = {}): Promise<string> {
  return withTempDir(async (dir) => {
    const file = path.join(dir, 'doc.pdf');
    await writeFile(file, pdf);
    const args = ['-layout', '-enc', 'UTF-8'];
    if (opts.page) args.push('-f', String(opts.page), '-l', String(opts.page));
    const res = await runTool('pdftotext', [...args, file, '-'], 30_000);
    if (res.code !== 0) throw new Error(`pdftotext failed: ${res.stderr}`);
    return res.stdout;
  });
}

/** Whether a command-line tool can be started (tests skip LibreOffice checks on machines without it). */
export async function hasTool(cmd: string): Promise<boolean> {
  try {
    const res = await runTool(cmd, ['--version'], 30_000);
    return res.code === 0 || res.stdout.length > 0 || res.stderr.length > 0;
  } catch {
    return false;
  }
}
