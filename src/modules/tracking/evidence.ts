// Checking uploaded evidence files: base64 decoding, size, type from the bytes (not from the declared type), name.
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import type { EvidenceInput } from '../../contracts/tracking.ts';
import { invalid } from '../../domain/errors.ts';
import {
  EVIDENCE_LABEL,
  EVIDENCE_MAX_BYTES,
  EVIDENCE_MIME,
  formatSize,
  sanitizeFilename,
  sniff,
  typeOfMime,
  zipKind,
  type EvidenceType,
} from '../../domain/tracking/evidence.ts';

export type { EvidenceInput };

export interface CheckedEvidence {
  filename: string;
  mime: string;
  type: EvidenceType;
  size: number;
  sha256: string;
  content: Buffer;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const ACCEPTED = 'PDF, DOCX, XLSX, JPEG, PNG';

async function detect(content: Buffer): Promise<EvidenceType | null> {
  const first = sniff(content);
  if (first !== 'zip') return first;
  try {
    const zip = await JSZip.loadAsync(content, { checkCRC32: false });
    return zipKind(Object.keys(zip.files));
  } catch {
    return null;
  }
}

/** Decodes and checks one file; throws a 422 naming the file and what is wrong with it. */
export async function checkEvidence(file: EvidenceInput, index: number): Promise<CheckedEvidence> {
  const path = `evidence.${index}`;
  const shown = file.filename.slice(0, 120);
  const fail = (code: string, message: string, field = 'contentBase64') =>
    invalid(code, message, [{ path: `${path}.${field}`, message }]);
  const b64 = file.contentBase64.replace(/\s+/g, '');
  if (!BASE64.test(b64) || b64.length % 4 === 1)
    throw fail('evidence.bad_encoding', `Tệp "${shown}": nội dung không phải base64 hợp lệ.`);
  // Decoded size from the encoded length, before decoding anything large.
  const size = Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);
  if (size === 0) throw fail('evidence.empty', `Tệp "${shown}" rỗng.`);
  if (size > EVIDENCE_MAX_BYTES) {
    throw fail(
      'evidence.too_large',
      `Tệp "${shown}" có dung lượng ${formatSize(size)}, vượt quá giới hạn ${formatSize(EVIDENCE_MAX_BYTES)} cho mỗi tệp minh chứng.`,
    );
  }
  const declared = typeOfMime(file.mime);
  if (!declared)
    throw fail(
      'evidence.type_not_allowed',
      `Tệp "${shown}": loại tệp "${file.mime.slice(0, 80)}" không được chấp nhận. Chỉ nhận ${ACCEPTED}.`,
      'mime',
    );
  const content = Buffer.from(b64, 'base64');
  const actual = await detect(content);
  if (!actual) {
    throw fail(
      'evidence.content_mismatch',
      `Tệp "${shown}" không phải tệp ${EVIDENCE_LABEL[declared]} thật (nội dung không đúng định dạng). Chỉ nhận ${ACCEPTED}.`,
    );
  }
  if (actual !== declared) {
    throw fail(
      'evidence.content_mismatch',
      `Tệp "${shown}" được khai là ${EVIDENCE_LABEL[declared]} nhưng nội dung là ${EVIDENCE_LABEL[actual]}.`,
    );
  }
  const filename = sanitizeFilename(file.filename, actual);
  if (!filename)
    throw fail(
      'evidence.name_mismatch',
      `Tên tệp "${shown}" có phần mở rộng không khớp với nội dung (${EVIDENCE_LABEL[actual]}).`,
      'filename',
    );
  return {
    filename,
    mime: EVIDENCE_MIME[actual],
    type: actual,
    size: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    content,
  };
}
