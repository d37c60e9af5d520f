// A petition's attachments, checked with the evidence rules of the domain (type from the bytes, safe names). The
// public declares no type: the bytes alone decide, and the file's name must agree with them.
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { invalid } from '../../domain/errors.ts';
import {
  EVIDENCE_LABEL,
  EVIDENCE_MIME,
  formatSize,
  sanitizeFilename,
  sniff,
  zipKind,
  type EvidenceType,
} from '../../domain/tracking/evidence.ts';
import { ATTACHMENT_MAX_BYTES } from '../../contracts/petitions.ts';

export interface CheckedAttachment {
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
}

const ACCEPTED = 'PDF, DOCX, XLSX, JPEG, PNG';

async function typeOf(content: Buffer): Promise<EvidenceType | null> {
  const first = sniff(content);
  if (first !== 'zip') return first;
  try {
    return zipKind(Object.keys((await JSZip.loadAsync(content, { checkCRC32: false })).files));
  } catch {
    return null;
  }
}

export async function checkAttachments(
  files: ReadonlyArray<{ filename: string; contentBase64: string }>,
): Promise<CheckedAttachment[]> {
  const out: CheckedAttachment[] = [];
  for (const [i, f] of files.entries()) {
    const shown = f.filename.slice(0, 120);
    const fail = (code: string, message: string, field = 'contentBase64') =>
      invalid(code, message, [{ path: `attachments.${i}.${field}`, message }]);
    const content = Buffer.from(f.contentBase64.replace(/\s+/g, ''), 'base64');
    if (!content.length) throw fail('petition.attachment_empty', `Tệp "${shown}" rỗng.`);
    if (content.length > ATTACHMENT_MAX_BYTES) {
      throw fail(
        'petition.attachment_too_large',
        `Tệp "${shown}" có dung lượng ${formatSize(content.length)}, vượt quá ${formatSize(ATTACHMENT_MAX_BYTES)} cho mỗi tệp.`,
      );
    }
    const type = await typeOf(content);
    if (!type) throw fail('petition.attachment_type', `Tệp "${shown}" không phải tệp được chấp nhận (${ACCEPTED}).`);
    const filename = sanitizeFilename(f.filename, type);
    if (!filename)
      throw fail(
        'petition.attachment_name',
        `Tên tệp "${shown}" không khớp với nội dung (${EVIDENCE_LABEL[type]}).`,
        'filename',
      );
    out.push({
      filename,
      mime: EVIDENCE_MIME[type],
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
    });
  }
  return out;
}
