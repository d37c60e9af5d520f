// The names of downloaded documents (Content-Disposition): the kind of document, its number when it has one, and a
// short slug of its title, in lower-case ASCII so that every system and mail client keeps it intact:
//   ke-hoach-so-129-kh-ubnd-trien-khai-thi-hanh-luat-tri-tue-nhan-tao.docx
// The slug ends at a whole word ("…-uy-ban-nhan-dan-tinh", never "…-uy-ban-nhan-dan-tin") and does not say again
// what the kind already says ("cong-van-don-doc-gui-bao-cao…", not "cong-van-don-doc-don-doc-gui-bao-cao…"). Pure.
import { fold } from './text.ts';

/** The longest name before the extension: long enough for a title's gist, short enough for a file list. */
export const FILE_NAME_MAX = 80;

/** "Kế hoạch số 129/KH-UBND" → ["ke", "hoach", "so", "129", "kh", "ubnd"]. */
export function slugWords(text: string): string[] {
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Whole words joined by "-", at most `max` characters (cut between words, never inside one). */
export function slugOf(text: string, max = FILE_NAME_MAX): string {
  let out = '';
  for (const w of slugWords(text)) {
    const next = out ? `${out}-${w}` : w;
    if (next.length > max) break;
    out = next;
  }
  return out;
}

export interface DocumentFileName {
  /** The kind of document, as words: "Kế hoạch", "Báo cáo", "Công văn đôn đốc", "Mẫu AI02". */
  kind: string;
  /** "129" and "KH-UBND": named ("so-129-kh-ubnd") only when the document has a number. */
  number?: string | null;
  symbol?: string | null;
  /** Trích yếu or name; "V/v" before a công văn's subject is dropped. */
  title: string;
  /** "docx", "xlsx". */
  ext: string;
  max?: number;
}

/** How many words at the end of `head` the start of `tail` repeats ("don doc" | "don doc gui" → 2). */
function overlap(head: string[], tail: string[]): number {
  for (let k = Math.min(head.length, tail.length); k > 0; k--) {
    if (head.slice(-k).every((w, i) => w === tail[i])) return k;
  }
  return 0;
}

export function documentFileName(d: DocumentFileName): string {
  const max = d.max ?? FILE_NAME_MAX;
  const kind = slugWords(d.kind);
  // "Kế hoạch số 129/KH-UBND": the number read as the document names itself.
  const number = d.number?.trim() ? ['so', ...slugWords(`${d.number} ${d.symbol ?? ''}`)] : [];
  const title = slugWords(d.title.replace(/^\s*V\/v\.?\s*/iu, ''));
  const words = [...kind, ...number, ...title.slice(overlap(kind, title))];
  let fit = 0;
  for (let length = -1; fit < words.length && length + 1 + words[fit]!.length <= max; fit++)
    length += 1 + words[fit]!.length;
  // Cut short: rather before a linking word ("…-nhan-tao" and not "…-nhan-tao-tren-dia-ban-tinh"), so the name ends
  // on a phrase, as long as most of the room is used.
  if (fit < words.length) {
    for (let i = fit; i >= Math.ceil(fit * 0.6) && i > kind.length; i--) {
      if (LINKING.has(words[i]!)) {
        fit = i;
        break;
      }
    }
  }
  // A single word longer than the limit (a title without spaces) is the one case cut inside a word.
  const name = fit ? words.slice(0, fit).join('-') : (words[0] ?? 'tai-lieu').slice(0, max);
  return `${name}.${d.ext}`;
}

/** Words that open a phrase of a Vietnamese title: "của", "về", "trên", "tại", "ngày"… */
const LINKING = new Set(['cua', 've', 'tren', 'tai', 'cho', 'voi', 'va', 'theo', 'ngay', 'de', 'trong', 'thuoc']);
