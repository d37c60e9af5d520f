// Evidence files (minh chứng): which files are accepted, how their type is recognised from their bytes, how their
// names are made safe to store and to send back. Pure (the ZIP container is read by the caller: see `zipKind`).

import { fold, normalizeText } from '../text.ts';

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_MAX_FILES = 5;
/** All files of one progress update together: two full-size scans, or five phone photos. */
export const EVIDENCE_MAX_TOTAL_BYTES = 20 * 1024 * 1024;
/**
 * The largest request a progress update may be: its files base64-encoded (4 characters per 3 bytes) plus 1 MB for
 * the narrative, deliverables and obstacles. The HTTP layer refuses larger bodies before reading them.
 */
export const UPDATE_REQUEST_MAX_BYTES = Math.ceil(EVIDENCE_MAX_TOTAL_BYTES / 3) * 4 + 1024 * 1024;

export const EVIDENCE_TYPES = ['pdf', 'docx', 'xlsx', 'jpeg', 'png'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

export const EVIDENCE_MIME: Record<EvidenceType, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

export const EVIDENCE_LABEL: Record<EvidenceType, string> = {
  pdf: 'PDF',
  docx: 'Word (DOCX)',
  xlsx: 'Excel (XLSX)',
  jpeg: 'ảnh JPEG',
  png: 'ảnh PNG',
};

/** File name extensions of each type; the first is the one added to names that have none. */
export const EVIDENCE_EXTENSIONS: Record<EvidenceType, readonly string[]> = {
  pdf: ['pdf'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  jpeg: ['jpg', 'jpeg'],
  png: ['png'],
};

/** Other names browsers and phones give the same types. */
const MIME_ALIASES: Record<string, EvidenceType> = {
  'image/jpg': 'jpeg',
  'image/pjpeg': 'jpeg',
  'application/x-pdf': 'pdf',
};

/** The evidence type a declared MIME type stands for, or null when it is not an accepted type. */
export function typeOfMime(mime: string): EvidenceType | null {
  const m = mime.trim().toLowerCase().split(';')[0]!.trim();
  const direct = EVIDENCE_TYPES.find((t) => EVIDENCE_MIME[t] === m);
  return direct ?? MIME_ALIASES[m] ?? null;
}

const startsWith = (buf: Uint8Array, sig: readonly number[]) =>
  buf.length >= sig.length && sig.every((b, i) => buf[i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4: DOCX and XLSX are ZIP containers

/** What the first bytes say: a PDF, PNG or JPEG; 'zip' for a ZIP container (DOCX or XLSX: see `zipKind`); or null. */
export function sniff(buf: Uint8Array): EvidenceType | 'zip' | null {
  if (startsWith(buf, PDF)) return 'pdf';
  if (startsWith(buf, PNG)) return 'png';
  if (startsWith(buf, JPEG)) return 'jpeg';
  if (startsWith(buf, ZIP)) return 'zip';
  return null;
}

/** An Office Open XML package by the parts it contains: word/document.xml → DOCX, xl/workbook.xml → XLSX. */
export function zipKind(entryNames: readonly string[]): 'docx' | 'xlsx' | null {
  const names = new Set(entryNames);
  if (!names.has('[Content_Types].xml')) return null;
  if (names.has('word/document.xml')) return 'docx';
  if (names.has('xl/workbook.xml')) return 'xlsx';
  return null;
}

function extensionOf(name: string): string | null {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  return m ? m[1]!.toLowerCase() : null;
}

const KNOWN_EXTENSIONS = new Set(Object.values(EVIDENCE_EXTENSIONS).flat());

/**
 * A name that is safe to store and to send in a Content-Disposition header: no folders, no control or reserved
 * characters, NFC, at most 150 characters, ending with the extension of its real type. Returns null when the name
 * carries the extension of another accepted type ("bao-cao.docx" holding a PDF): that is a mistake to report, not
 * to fix silently.
 */
export function sanitizeFilename(name: string, type: EvidenceType): string | null {
  let base = normalizeText(name.split(/[\\/]/).pop() ?? '')
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const ext = extensionOf(base);
  if (ext && KNOWN_EXTENSIONS.has(ext) && !EVIDENCE_EXTENSIONS[type].includes(ext)) return null;
  if (ext && EVIDENCE_EXTENSIONS[type].includes(ext)) base = base.slice(0, -(ext.length + 1)).replace(/[\s.]+$/g, '');
  const wanted = ext && EVIDENCE_EXTENSIONS[type].includes(ext) ? ext : EVIDENCE_EXTENSIONS[type][0]!;
  const stem = [...base].slice(0, 140).join('').trim() || 'minh-chung';
  return `${stem}.${wanted}`;
}

/** An ASCII-only form of a stored name for the plain `filename=` parameter (the UTF-8 one goes in `filename*=`). */
export function asciiFilename(name: string): string {
  return (
    fold(name)
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/_+/g, '_')
      .replace(/^_|_$/g, '') || 'minh-chung'
  );
}

/** Content-Disposition for a download: attachment, with both the ASCII and the UTF-8 name (RFC 6266). */
export function contentDisposition(name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFilename(name)}"; filename*=UTF-8''${encoded}`;
}

/** Why the files of one update are too many or too large together, or null. */
export function evidenceSetProblem(sizes: readonly number[]): string | null {
  if (sizes.length > EVIDENCE_MAX_FILES)
    return `Mỗi lần cập nhật đính kèm tối đa ${EVIDENCE_MAX_FILES} tệp minh chứng; hãy bỏ bớt ${sizes.length - EVIDENCE_MAX_FILES} tệp.`;
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total > EVIDENCE_MAX_TOTAL_BYTES) {
    return `Tổng dung lượng minh chứng ${formatSize(total)} vượt quá ${formatSize(EVIDENCE_MAX_TOTAL_BYTES)} cho một lần cập nhật; hãy gửi bớt tệp ở lần cập nhật sau.`;
  }
  return null;
}

/** "1,5 MB", "320 KB": sizes in messages. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
