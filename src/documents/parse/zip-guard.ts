// A DOCX is a zip archive, and a zip can promise little and inflate to gigabytes (a "zip bomb"). Before mammoth sees
// an upload, this guard reads the archive's central directory, refuses what a real Word file never is, inflates only
// the XML parts mammoth reads while counting every byte, and hands back a fresh archive of exactly those parts.
// Nothing in the upload is inflated without a byte limit, and mammoth never reads the uploaded archive itself.
import { Inflate, zipSync } from 'fflate';
import { AppError } from '../../domain/errors.ts';

const MB = 1024 * 1024;

/**
 * Limits, with the reason for each. A long provincial plan (a hundred pages, tables of tasks) has a document.xml of
 * 2–6 MB and about twenty parts; the limits leave room several times over and still bound the work to seconds.
 */
export const DOCX_LIMITS = {
  /** The body of the document: 20 MB of WordprocessingML is several hundred pages of text, beyond any plan. */
  documentXmlBytes: 20 * MB,
  /** Any other part read (styles, numbering, footnotes, headers…): these are tens or hundreds of KB in real files. */
  partBytes: 10 * MB,
  /** Everything inflated from one upload; bounds the memory of one import whatever the mix of parts. */
  totalBytes: 40 * MB,
  /** Parts in the archive: Word writes 10–30, a few hundred with many images; 100,000 is an attack on the reader. */
  entries: 2_000,
  /**
   * Inflated ÷ compressed size of a part above `ratioFloorBytes`: WordprocessingML compresses 5–20 times, very
   * repetitive tables up to about 50; a run of zeros or one repeated tag compresses about 1,000 times.
   */
  ratio: 200,
  /** Small parts may compress far better (an empty header); the ratio only matters once a part is this large. */
  ratioFloorBytes: 1 * MB,
} as const;

/** Input fed to the inflater at a time: at most about 1,032 times this comes out before the count is checked. */
const INFLATE_STEP = 1024;

const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const CENTRAL_HEADER = 46;
const LOCAL_HEADER = 30;
const EOCD_SIZE = 22;

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const mb = (n: number) => `${Math.round(n / MB)} MB`;

/**
 * What differs between the zip formats guarded here (DOCX for plans, XLSX for dataset resources): the error code,
 * the words naming the file in the messages, which parts are read and their limits. The walk and the counting are
 * the same for both.
 */
export interface ZipRules {
  code: string;
  /** "Tệp DOCX", at the start of each refusal. */
  label: string;
  /** "tệp Word (.docx)", in "không phải …". */
  app: string;
  /** What a real file of this kind holds, closing the "too large" messages. */
  typical: string;
  entries: number;
  totalBytes: number;
  ratio: number;
  ratioFloorBytes: number;
  isReadPart(name: string): boolean;
  limitOf(name: string): { bytes: number; label: string };
}

function refuse(status: 413 | 422, why: string, rules: ZipRules = DOCX_RULES): never {
  throw new AppError(rules.code, status, `${rules.label} bị từ chối: ${why}`, [
    { path: 'contentBase64', message: why },
  ]);
}

const corrupt = (what: string, rules: ZipRules = DOCX_RULES): never =>
  refuse(422, `tệp nén bị hỏng hoặc không phải ${rules.app} (${what}).`, rules);

/** The parts mammoth reads to turn the document into HTML; media and embedded files are never inflated. */
export function isReadPart(name: string): boolean {
  if (name === '[Content_Types].xml' || name === '_rels/.rels') return true;
  if (!name.startsWith('word/') || name.startsWith('word/media/') || name.startsWith('word/embeddings/')) return false;
  return /\.(xml|rels)$/i.test(name);
}

function limitOf(name: string): { bytes: number; label: string } {
  if (name === 'word/document.xml')
    return { bytes: DOCX_LIMITS.documentXmlBytes, label: 'phần nội dung (word/document.xml)' };
  return { bytes: DOCX_LIMITS.partBytes, label: `phần "${name.slice(0, 80)}"` };
}

export const DOCX_RULES: ZipRules = {
  code: 'plan.import_refused',
  label: 'Tệp DOCX',
  app: 'tệp Word (.docx)',
  typical: 'kế hoạch dài nhất cũng chỉ vài MB',
  entries: DOCX_LIMITS.entries,
  totalBytes: DOCX_LIMITS.totalBytes,
  ratio: DOCX_LIMITS.ratio,
  ratioFloorBytes: DOCX_LIMITS.ratioFloorBytes,
  isReadPart,
  limitOf,
};

function endOfCentralDirectory(
  buf: Uint8Array,
  view: DataView,
  rules: ZipRules,
): { count: number; size: number; offset: number } {
  // The record sits at the end, after an optional comment of at most 65,535 bytes.
  const lowest = Math.max(0, buf.length - EOCD_SIZE - 0xffff);
  for (let p = buf.length - EOCD_SIZE; p >= lowest; p--) {
    if (view.getUint32(p, true) !== SIG_EOCD) continue;
    const count = view.getUint16(p + 10, true);
    const size = view.getUint32(p + 12, true);
    const offset = view.getUint32(p + 16, true);
    if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
      refuse(422, `tệp nén dạng ZIP64 (dành cho tệp nhiều gigabyte) không phải là ${rules.app} thông thường.`, rules);
    }
    if (view.getUint16(p + 4, true) !== 0 || view.getUint16(p + 6, true) !== 0)
      refuse(422, 'tệp nén chia nhiều phần không được hỗ trợ.', rules);
    return { count, size, offset };
  }
  return corrupt('không tìm thấy mục lục của tệp nén', rules);
}

/** Reads the central directory; refuses on counts and declared sizes before anything is inflated. */
export function readCentralDirectory(buf: Uint8Array, rules: ZipRules = DOCX_RULES): Entry[] {
  const corrupt = (what: string) => refuse(422, `tệp nén bị hỏng hoặc không phải ${rules.app} (${what}).`, rules);
  if (buf.length < EOCD_SIZE) corrupt('tệp quá ngắn');
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const eocd = endOfCentralDirectory(buf, view, rules);
  // The count field has 16 bits and a writer may wrap it: the walk below counts what the directory really holds.
  const tooMany = () =>
    refuse(
      413,
      `tệp nén có hơn ${rules.entries.toLocaleString('vi-VN')} phần (một ${rules.app} thông thường có vài chục phần).`,
      rules,
    );
  if (eocd.count > rules.entries) tooMany();
  const end = eocd.offset + eocd.size;
  if (end > buf.length) corrupt('mục lục nằm ngoài tệp');
  const entries: Entry[] = [];
  const names = new Set<string>();
  const decoder = new TextDecoder('utf-8', { fatal: false });
  for (let p = eocd.offset; p < end; ) {
    if (entries.length >= rules.entries) tooMany();
    if (p + CENTRAL_HEADER > end || view.getUint32(p, true) !== SIG_CENTRAL) corrupt('mục lục không đọc được');
    const nameLength = view.getUint16(p + 28, true);
    const next = p + CENTRAL_HEADER + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    if (next > end) corrupt('mục lục không đọc được');
    const entry: Entry = {
      name: decoder.decode(buf.subarray(p + CENTRAL_HEADER, p + CENTRAL_HEADER + nameLength)),
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
    };
    // Two parts of one name: the guard and the reader could each take a different one.
    if (names.has(entry.name)) refuse(422, `tệp nén có hai phần cùng tên "${entry.name.slice(0, 80)}".`, rules);
    names.add(entry.name);
    entries.push(entry);
    p = next;
  }
  checkDeclared(
    entries.filter((e) => rules.isReadPart(e.name)),
    rules,
  );
  return entries;
}

function checkDeclared(parts: Entry[], rules: ZipRules): void {
  let total = 0;
  for (const e of parts) {
    const limit = rules.limitOf(e.name);
    if (e.flags & 1) refuse(422, 'tệp được đặt mật khẩu; hãy gửi bản không đặt mật khẩu.', rules);
    if (e.method !== 0 && e.method !== 8) refuse(422, `${limit.label} dùng kiểu nén không được hỗ trợ.`, rules);
    if (e.size > limit.bytes)
      refuse(
        413,
        `${limit.label} khi giải nén vượt quá ${mb(limit.bytes)} (khai báo ${mb(e.size)}); ${rules.typical}.`,
        rules,
      );
    checkRatio(e, limit.label, rules);
    total += e.size;
    if (total > rules.totalBytes) refuse(413, `nội dung khi giải nén vượt quá ${mb(rules.totalBytes)}.`, rules);
  }
}

function checkRatio(e: Entry, label: string, rules: ZipRules): void {
  if (e.size > rules.ratioFloorBytes && e.size > Math.max(e.compressedSize, 1) * rules.ratio) {
    refuse(
      413,
      `${label} nén với tỷ lệ hơn ${rules.ratio}:1, điều một ${rules.app} thật không bao giờ có (dấu hiệu của "bom nén").`,
      rules,
    );
  }
}

function compressedData(buf: Uint8Array, e: Entry, rules: ZipRules): Uint8Array {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const p = e.localOffset;
  if (p + LOCAL_HEADER > buf.length || view.getUint32(p, true) !== SIG_LOCAL)
    corrupt(`không đọc được phần "${e.name.slice(0, 80)}"`, rules);
  const start = p + LOCAL_HEADER + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  if (start + e.compressedSize > buf.length) corrupt(`phần "${e.name.slice(0, 80)}" nằm ngoài tệp`, rules);
  return buf.subarray(start, start + e.compressedSize);
}

/**
 * Inflates one part, counting: stops as soon as the output passes the part's limit or its declared size (declared
 * sizes can lie), so a lying entry costs at most one step's output.
 */
export function inflateCounted(buf: Uint8Array, e: Entry, rules: ZipRules = DOCX_RULES): Uint8Array {
  const data = compressedData(buf, e, rules);
  const limit = rules.limitOf(e.name);
  const refuse_ = (status: 413 | 422, why: string) => refuse(status, why, rules);
  if (e.method === 0) {
    if (data.length !== e.size) refuse_(422, `kích thước khai báo của ${limit.label} không khớp với nội dung.`);
    return data;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit.bytes) refuse_(413, `${limit.label} khi giải nén vượt quá ${mb(limit.bytes)}; ${rules.typical}.`);
    // The declared size passed the limits and the ratio; never inflating past it keeps both true of the output.
    if (total > e.size)
      refuse_(
        422,
        `${limit.label} khi giải nén lớn hơn kích thước khai báo (${e.size.toLocaleString('vi-VN')} byte): tệp nén đã bị sửa đổi.`,
      );
    chunks.push(chunk);
  });
  try {
    for (let i = 0; i < data.length; i += INFLATE_STEP)
      inflater.push(data.subarray(i, i + INFLATE_STEP), i + INFLATE_STEP >= data.length);
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (err) {
    if (err instanceof AppError) throw err;
    corrupt(`không giải nén được ${limit.label}`, rules);
  }
  if (total !== e.size)
    refuse_(422, `kích thước khai báo của ${limit.label} không khớp với nội dung: tệp nén đã bị sửa đổi.`);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Checks a DOCX upload and returns an archive of only the parts mammoth reads, each inflated under its limits and
 * stored uncompressed. Throws an AppError (413/422, in Vietnamese) naming what was refused and why.
 */
export function guardDocx(upload: Uint8Array): Uint8Array {
  const parts = readCentralDirectory(upload).filter((e) => isReadPart(e.name));
  if (!parts.some((e) => e.name === 'word/document.xml')) corrupt('không có phần nội dung word/document.xml');
  const files: Record<string, [Uint8Array, { level: 0 }]> = {};
  let total = 0;
  for (const e of parts) {
    const data = inflateCounted(upload, e);
    total += data.length;
    if (total > DOCX_LIMITS.totalBytes) refuse(413, `nội dung khi giải nén vượt quá ${mb(DOCX_LIMITS.totalBytes)}.`);
    files[e.name] = [data, { level: 0 }];
  }
  return zipSync(files);
}
