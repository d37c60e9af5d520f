// What people may send as text, decided in one place for every input (names, short and long texts, search queries,
// codes) and for the text read from imported files. Pure and zod-free: src/contracts/common.ts and the plan
// document's schema apply it through `refineText`.

/**
 * - `name`: a unit's or a person's name; one line, invisible characters removed, must contain a letter.
 * - `line`: any other one-line text (a number, a reason, a file name, a code).
 * - `long`: text with paragraphs (narratives, plan content); tabs and line breaks are kept.
 * - `query`: what is typed in a search box.
 */
export type TextRule = 'name' | 'line' | 'long' | 'query';

/** Messages name their field through this placeholder; src/http/validation.ts puts the field's path in. */
export const FIELD = '{field}';

/**
 * Vietnamese needs at most two combining marks on a letter in NFD ("ệ" = e + circumflex + dot below); one more is
 * tolerated for input methods that add a stray one. Past that it is stacked "zalgo" text that breaks layouts.
 */
export const MAX_MARKS_PER_LETTER = 3;

// Embeddings, overrides and isolates reorder what is displayed ("Trojan source"): refused in names and short texts.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/gu;
// Default-ignorable code points render as nothing: zero-width space/joiners, soft hyphen, word joiner, BOM, LRM/RLM,
// variation selectors, Hangul fillers (which count as letters). Removed from one-line texts, so that "Tổ dân\u200b
// phố" and "Tổ dân phố" are one name.
const INVISIBLE = /(?![\u202A-\u202E\u2066-\u2069])\p{Default_Ignorable_Code_Point}/gu;
const CONTROL = /\p{Cc}/u;
const CONTROL_IN_LONG = /[^\P{Cc}\t\n]/u;
const LONE_SURROGATE = /\p{Cs}/u;
const MARK_RUN = new RegExp(`\\p{M}{${MAX_MARKS_PER_LETTER + 1},}`, 'u');
const MARK_RUNS = new RegExp(`(\\p{M}{${MAX_MARKS_PER_LETTER}})\\p{M}+`, 'gu');

const CONTROL_NAMES: Record<number, string> = { 0: 'NUL', 7: 'BEL', 8: 'BS', 27: 'ESC', 127: 'DEL', 133: 'NEL' };
const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

function cleanLine(s: string): string {
  return s.replace(INVISIBLE, '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The stored form of a text under its rule (idempotent). */
export function cleanText(s: string, rule: TextRule): string {
  if (rule === 'long') return s.replace(/\r\n?/g, '\n').replace(BIDI_CONTROLS, '').normalize('NFC');
  if (rule === 'query') return cleanLine(s.replace(BIDI_CONTROLS, ''));
  return cleanLine(s);
}

/** What is wrong with an already cleaned text, as a Vietnamese message naming FIELD; null when nothing is. */
export function textProblem(s: string, rule: TextRule): string | null {
  const surrogate = LONE_SURROGATE.exec(s);
  if (surrogate)
    return `Trường "${FIELD}" chứa ký tự không hợp lệ (nửa cặp mã UTF-16 ${codePoint(surrogate[0])}) ở ký tự thứ ${surrogate.index + 1}.`;
  const control = (rule === 'long' ? CONTROL_IN_LONG : CONTROL).exec(s);
  if (control) {
    const cp = control[0].codePointAt(0)!;
    const name = CONTROL_NAMES[cp] ? `${CONTROL_NAMES[cp]}, ${codePoint(control[0])}` : codePoint(control[0]);
    return `Trường "${FIELD}" chứa ký tự điều khiển không hợp lệ (${name}) ở ký tự thứ ${control.index + 1}. Hãy xóa ký tự này rồi gửi lại.`;
  }
  const bidi = rule === 'long' || rule === 'query' ? null : BIDI_CONTROL.exec(s);
  if (bidi) {
    return `Trường "${FIELD}" chứa ký tự điều khiển hướng chữ (${codePoint(bidi[0])}) ở ký tự thứ ${bidi.index + 1}: ký tự này đảo thứ tự hiển thị nên không được dùng ở đây.`;
  }
  const marks = MARK_RUN.exec(s.normalize('NFD'));
  if (marks) return `Trường "${FIELD}" có ${marks[0].length} dấu chồng lên một chữ (tối đa ${MAX_MARKS_PER_LETTER}).`;
  if (rule === 'name' && s !== '' && !/\p{L}/u.test(s)) return `Trường "${FIELD}" phải có ít nhất một chữ cái.`;
  return null;
}

/** What zod's superRefine hands over, narrowed to what is used here (the domain does not import zod). */
export interface IssueSink {
  addIssue(issue: { code: 'custom'; message: string; input: string; params: { textRule: TextRule } }): void;
}

/** A superRefine step: the value arrives cleaned (the schema's overwrite step ran first). */
export const refineText =
  (rule: TextRule) =>
  (value: string, ctx: IssueSink): void => {
    const problem = textProblem(value, rule);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value, params: { textRule: rule } });
  };

/** Two names are the same name when they are equal after cleaning, ignoring case. */
export function nameKey(s: string): string {
  return cleanText(s, 'name').toLocaleLowerCase('vi');
}

/**
 * Text read from an imported file. A file is not a form: a stray control character is dropped rather than the file
 * refused, but nothing that the database refuses (NUL) or that a later save would refuse gets through.
 */
export function scrubImportedText(s: string): string {
  return s
    .replace(/\p{Cs}/gu, '\uFFFD')
    .replace(/[\v\f]/g, ' ')
    .replace(/[^\P{Cc}\t\n\r]/gu, '')
    .replace(BIDI_CONTROLS, '')
    .normalize('NFD')
    .replace(MARK_RUNS, '$1')
    .normalize('NFC');
}
