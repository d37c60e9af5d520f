// Evidence files checked in the browser before sending, as the server checks them (src/domain/tracking/evidence.ts):
// PDF, DOCX, XLSX, JPEG, PNG recognised by their first bytes, at most 10 MB each, 5 per update — and, because one
// update is one request of at most 15 MB of base64 JSON, at most 10 MB in all.

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_MAX_FILES = 5;
export const EVIDENCE_MAX_TOTAL = 10 * 1024 * 1024;
export const EVIDENCE_ACCEPT = '.pdf,.docx,.xlsx,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
export const EVIDENCE_ACCEPTED_TEXT = 'PDF, DOCX, XLSX, JPEG, PNG';

export type EvidenceType = 'pdf' | 'docx' | 'xlsx' | 'jpeg' | 'png';

export const EVIDENCE_MIME: Record<EvidenceType, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

export const EVIDENCE_LABEL: Record<EvidenceType, string> = { pdf: 'PDF', docx: 'Word (DOCX)', xlsx: 'Excel (XLSX)', jpeg: 'ảnh JPEG', png: 'ảnh PNG' };

const BY_EXTENSION: Record<string, EvidenceType> = { pdf: 'pdf', docx: 'docx', xlsx: 'xlsx', jpg: 'jpeg', jpeg: 'jpeg', png: 'png' };
const BY_MIME: Record<string, EvidenceType> = {
  ...Object.fromEntries(Object.entries(EVIDENCE_MIME).map(([t, m]) => [m, t as EvidenceType])),
  'image/jpg': 'jpeg', 'image/pjpeg': 'jpeg', 'application/x-pdf': 'pdf',
};

/** The type a file claims by its name (and, when the name has no known extension, its MIME type). */
export function claimedType(file: { name: string; type: string }): EvidenceType | null {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(file.name)?.[1]?.toLowerCase();
  if (ext && BY_EXTENSION[ext]) return BY_EXTENSION[ext];
  if (ext) return null;
  return BY_MIME[file.type.toLowerCase()] ?? null;
}

const startsWith = (b: Uint8Array, sig: readonly number[]) => b.length >= sig.length && sig.every((x, i) => b[i] === x);

/** What the first bytes say (DOCX and XLSX are both ZIP containers: 'zip'). */
export function sniff(b: Uint8Array): EvidenceType | 'zip' | null {
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  return null;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Why a file cannot be sent, or null when it looks right. */
export async function checkFile(file: File): Promise<{ type: EvidenceType | null; problem: string | null }> {
  const type = claimedType(file);
  if (!type) return { type: null, problem: `Loại tệp không được chấp nhận. Chỉ nhận ${EVIDENCE_ACCEPTED_TEXT}.` };
  if (file.size === 0) return { type, problem: 'Tệp rỗng.' };
  if (file.size > EVIDENCE_MAX_BYTES) {
    return { type, problem: `Tệp có dung lượng ${formatBytes(file.size)}, vượt quá giới hạn ${formatBytes(EVIDENCE_MAX_BYTES)} cho mỗi tệp.` };
  }
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  const actual = sniff(head);
  const ok = actual === type || (actual === 'zip' && (type === 'docx' || type === 'xlsx'));
  if (!ok) return { type, problem: `Nội dung tệp không phải ${EVIDENCE_LABEL[type]} thật (tên tệp và nội dung không khớp).` };
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
