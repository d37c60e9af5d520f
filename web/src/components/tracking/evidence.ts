// Evidence files checked in the browser before sending, by the server's own rules (src/domain/tracking/evidence.ts,
// pure and shared): PDF, DOCX, XLSX, JPEG, PNG recognised by their first bytes, at most 10 MB each, 5 and 20 MB in
// all per update. The server checks again; this only saves a phone from uploading what would be refused.
import {
  EVIDENCE_EXTENSIONS,
  EVIDENCE_LABEL,
  EVIDENCE_MAX_BYTES,
  EVIDENCE_TYPES,
  formatSize,
  sniff,
  typeOfMime,
  type EvidenceType,
} from '../../../../src/domain/tracking/evidence.ts';

export {
  EVIDENCE_LABEL,
  EVIDENCE_MAX_BYTES,
  EVIDENCE_MAX_FILES,
  EVIDENCE_MAX_TOTAL_BYTES,
  EVIDENCE_MIME,
  evidenceSetProblem,
  type EvidenceType,
} from '../../../../src/domain/tracking/evidence.ts';
export const EVIDENCE_ACCEPT = '.pdf,.docx,.xlsx,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
export const EVIDENCE_ACCEPTED_TEXT = 'PDF, DOCX, XLSX, JPEG, PNG';

const BY_EXTENSION: Record<string, EvidenceType> = Object.fromEntries(
  EVIDENCE_TYPES.flatMap((t) => EVIDENCE_EXTENSIONS[t].map((ext) => [ext, t] as const)),
);

/** The type a file claims by its name (and, when the name has no known extension, its MIME type). */
export function claimedType(file: { name: string; type: string }): EvidenceType | null {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(file.name)?.[1]?.toLowerCase();
  if (ext && BY_EXTENSION[ext]) return BY_EXTENSION[ext];
  if (ext) return null;
  return typeOfMime(file.type);
}

/** "1,5 MB", "320 KB". */
export const formatBytes = formatSize;

/** Why a file cannot be sent, or null when it looks right. */
export async function checkFile(file: File): Promise<{ type: EvidenceType | null; problem: string | null }> {
  const type = claimedType(file);
  if (!type) return { type: null, problem: `Loại tệp không được chấp nhận. Chỉ nhận ${EVIDENCE_ACCEPTED_TEXT}.` };
  if (file.size === 0) return { type, problem: 'Tệp rỗng.' };
  if (file.size > EVIDENCE_MAX_BYTES) {
    return {
      type,
      problem: `Tệp có dung lượng ${formatBytes(file.size)}, vượt quá giới hạn ${formatBytes(EVIDENCE_MAX_BYTES)} cho mỗi tệp.`,
    };
  }
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  const actual = sniff(head);
  const ok = actual === type || (actual === 'zip' && (type === 'docx' || type === 'xlsx'));
  if (!ok)
    return { type, problem: `Nội dung tệp không phải ${EVIDENCE_LABEL[type]} thật (tên tệp và nội dung không khớp).` };
  return { type, problem: null };
}

export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read'));
    reader.readAsDataURL(file);
  });
}
