// Matching forms of a written unit name: canonical (folded, abbreviations expanded), spelling, the name alone.
import { normalizeToneMarks } from '../../plan/phrases.ts';
import { fold, normalizeText } from '../../text.ts';

/**
 * Abbreviations that documents use interchangeably with the full words. Expanding both sides lets
 * "UBND tỉnh" and "Ủy ban nhân dân tỉnh" meet without listing every spelling in the register.
 */
const TOKEN_EXPANSIONS: Record<string, string> = {
  ubnd: 'uy ban nhan dan',
  hdnd: 'hoi dong nhan dan',
  mttq: 'mat tran to quoc',
  ub: 'uy ban',
};

/** Canonical matching form: folded, punctuation-free, abbreviations expanded, tone placement irrelevant. */
export function canonicalName(s: string): string {
  const base = fold(s)
    .replace(/&/g, ' va ')
    .replace(/[.,;:()"“”'‘’[\]/\\–—-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return base
    .split(' ')
    .map((t) => TOKEN_EXPANSIONS[t] ?? t)
    .join(' ');
}

/** Written abbreviations and their full words, for comparing spellings ("UBND tỉnh" is "Ủy ban nhân dân tỉnh"). */
const WRITTEN_EXPANSIONS: Array<[RegExp, string]> = [
  [/(?<![\p{L}])UBND(?![\p{L}])/gu, 'Ủy ban nhân dân'],
  [/(?<![\p{L}])HĐND(?![\p{L}])/gu, 'Hội đồng nhân dân'],
  [/(?<![\p{L}])MTTQ(?![\p{L}])/gu, 'Mặt trận Tổ quốc'],
];

/** Accent-sensitive comparison form: tone placement ("Hoá"/"Hóa"), dashes, commas and abbreviations do not count. */
export function spellingForm(s: string): string {
  let out = normalizeToneMarks(normalizeText(s));
  for (const [re, full] of WRITTEN_EXPANSIONS) out = out.replace(re, full);
  return out
    .replace(/\s*[-–]\s*/g, ' - ')
    .replace(/[.,;:]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words that mark a generic group of units rather than one unit. */
export const GROUP_PATTERNS: RegExp[] = [
  /(^| )cac /, // "Các sở, ban, ngành", "UBND các xã, phường", "các tổ dân phố"
  /(^| )nhung /,
  /(^| )toan the /,
  /(co )?lien quan$/, // "… có liên quan"
  // "Sở, ban, ngành tỉnh"; not "Phòng Tổ chức, biên chế…", a division's name.
  /^(?!phong to chuc )(so|phong|co quan|don vi|ban|nganh|dia phuong)( (so|phong|co quan|don vi|ban|nganh|dia phuong|to chuc))+( |$)/,
  /^(cac )?(dia phuong|doanh nghiep|to chuc ca nhan|nguoi dan|nhan dan)$/,
];

/** Person titles written before a unit name: "Giám đốc Sở …", "Chủ tịch UBND phường". */
export const TITLE_PREFIX =
  /^(giam doc|pho giam doc|thu truong|chu tich|pho chu tich|truong|chanh van phong|bo truong)\s+/;

/** A recipient's note after its name: "(b/c)", "(để b/c)", "(P/h)", "(để t/h)". */
const RECIPIENT_NOTE = /\s*\((?:để\s+)?\p{L}{1,3}\/\p{L}{1,3}\)$/iu;

/**
 * The name alone, as lists and "Nơi nhận" write it: without a leading dash, a trailing "(để b/c);" note or
 * final punctuation ("- Sở Khoa học và Công nghệ tỉnh (để b/c);" → "Sở Khoa học và Công nghệ tỉnh").
 */
export function cleanWritten(text: string): string {
  return normalizeText(text)
    .replace(/^[-–+•]\s*/u, '')
    .replace(/[\s.;,:]+$/u, '')
    .replace(RECIPIENT_NOTE, '')
    .replace(/^(?:và|cùng|với)\s+/i, '')
    .replace(/[\s.;,:]+$/u, '')
    .trim();
}
