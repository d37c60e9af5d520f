// What a public submission must be before it becomes a petition: one of the three kinds (complaints and
// denunciations go elsewhere), in Vietnamese, with a way to answer the sender; and when two are the same. Pure.
import { fold } from '../text.ts';
import { PETITION_KINDS, type PetitionKind } from './model.ts';

export const CONTENT_MIN_LENGTH = 30;
export const CONTENT_MAX_LENGTH = 10_000;

/** Why complaints and denunciations are not received here, and where they go (NĐ 20/2008 Đ1). */
export const OTHER_CHANNEL_MESSAGE =
  'Kênh này chỉ tiếp nhận kiến nghị, đề xuất, phản ánh về Luật Trí tuệ nhân tạo và việc thi hành ' +
  'Luật (loại "recommendation", "proposal" hoặc "feedback"). Khiếu nại được giải quyết theo Luật Khiếu nại, tố cáo theo ' +
  'Luật Tố cáo: hãy gửi đến cơ quan có thẩm quyền hoặc nơi tiếp công dân của cơ quan đó (Nghị định 20/2008/NĐ-CP, ' +
  'Điều 1). Sự cố của hệ thống trí tuệ nhân tạo được thông báo qua Cổng thông tin điện tử một cửa về trí tuệ nhân tạo ' +
  'của Bộ Khoa học và Công nghệ.';

export function isPetitionKind(kind: string): kind is PetitionKind {
  return (PETITION_KINDS as string[]).includes(kind);
}

// Letters only Vietnamese writes among the Latin scripts, and its most common short words (for text typed without
// accents, as on a phone without a Vietnamese keyboard).
const VIETNAMESE_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;
const COMMON_WORDS = new Set([
  'va',
  'cua',
  'cho',
  'trong',
  'khong',
  'nguoi',
  'duoc',
  'cac',
  'nhung',
  'luat',
  've',
  'de',
  'nghi',
  'la',
  'co',
  'voi',
]);

/** QĐ 48/2025 requires Vietnamese: a text with Vietnamese letters, or mostly made of common Vietnamese words. */
export function looksVietnamese(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const marked = text.match(new RegExp(VIETNAMESE_LETTERS.source, 'giu'))?.length ?? 0;
  if (marked >= 3 || (letters > 0 && marked / letters > 0.02)) return true;
  const words = fold(text)
    .split(/[^a-z]+/)
    .filter(Boolean);
  const common = words.filter((w) => COMMON_WORDS.has(w)).length;
  return words.length > 0 && common / words.length >= 0.15;
}

export interface ContactInput {
  email?: string | null;
  phone?: string | null;
  address?: string | null;
}

export function hasContact(c: ContactInput): boolean {
  return [c.email, c.phone, c.address].some((v) => (v ?? '').trim() !== '');
}

/** Digits of a phone number as dialled in Việt Nam: +84 912… and 0912… are one number. */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('84') && digits.length >= 11 ? `0${digits.slice(2)}` : digits;
}

/** Who sent it, as one comparable key: e-mail, else phone, else address (folded). */
export function contactKey(c: ContactInput): string {
  if (c.email?.trim()) return `e:${c.email.trim().toLowerCase()}`;
  if (c.phone?.trim()) return `p:${normalizePhone(c.phone)}`;
  return `a:${fold(c.address ?? '')}`;
}

/** What it says, as one comparable key: folded, punctuation and spacing ignored. */
export function contentKey(subject: string, content: string): string {
  return fold(`${subject} ${content}`)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A resend of the same content by the same contact within this many hours is merged into the first. */
export const DUPLICATE_WINDOW_HOURS = 24;
