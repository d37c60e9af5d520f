// Standard administrative wording and the near-misses lint reports ("Ủy ban nhân phường", "đảm đúng tiến độ").
// Pure. The lists come from real plans and the usual wording of Kế hoạch / Báo cáo under Nghị định 30/2020.
import { editDistance, fold, normalizeText } from '../text.ts';
import { TokenAutomaton } from '../token-automaton.ts';
import { work } from '../work.ts';

export { ACTION_VERBS, ACTIVITY_VERBS, DOCUMENT_KINDS, startsWithAny, VAGUE_DELIVERABLES } from './task-words.ts';

/**
 * Old-style tone placement ("hoá", "uỷ", "khoẻ") to the style used in current administrative documents
 * ("hóa", "ủy", "khỏe"). Both are accepted spellings, so comparisons must not tell them apart.
 * Only open syllables move the mark: "hoàn" keeps it on the "a". The "u" of "qu" is a consonant ("quý" stays).
 */
export function normalizeToneMarks(s: string): string {
  return s
    .normalize('NFD')
    .replace(/(?<![qQ])([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?![\p{L}\p{M}])/gu, '$1$3$2')
    .normalize('NFC');
}

/**
 * Phrases of standard administrative usage. Words in parentheses are optional: "theo quy định (của) pháp luật"
 * accepts both forms. `fixed` phrases are names that lose their meaning when any word is dropped
 * ("Ủy ban nhân dân"); in the others only an inner word counts as missing, because a phrase cut at its edge
 * is often another correct phrase ("kịp thời phản ánh" before "đề xuất").
 */
interface PhraseDef {
  text: string;
  fixed?: boolean;
}

const PHRASE_DEFS: PhraseDef[] = [
  // Bodies and titles
  { text: 'Ủy ban nhân dân', fixed: true },
  { text: 'Hội đồng nhân dân', fixed: true },
  { text: 'Mặt trận Tổ quốc Việt Nam', fixed: true },
  { text: 'Cộng hòa xã hội chủ nghĩa Việt Nam', fixed: true },
  { text: 'Độc lập - Tự do - Hạnh phúc', fixed: true },
  { text: 'Thủ tướng Chính phủ', fixed: true },
  { text: 'Chủ tịch Ủy ban nhân dân' },
  { text: 'Phó Chủ tịch Ủy ban nhân dân' },
  { text: 'thủ trưởng các cơ quan, đơn vị' },
  { text: 'cơ quan chuyên môn' },
  { text: 'đơn vị đầu mối' },
  { text: 'cấp có thẩm quyền' },
  // Purpose and requirements
  { text: 'nâng cao nhận thức và trách nhiệm' },
  { text: 'tạo sự thống nhất trong nhận thức và hành động' },
  { text: 'đi vào cuộc sống' },
  { text: 'đáp ứng yêu cầu quản lý nhà nước' },
  { text: 'quản lý nhà nước' },
  { text: 'phù hợp với điều kiện thực tiễn' },
  { text: 'phù hợp với tình hình thực tế' },
  { text: 'bám sát nội dung, tiến độ, yêu cầu' },
  { text: 'đúng thẩm quyền, chức năng, nhiệm vụ' },
  { text: 'chức năng, nhiệm vụ, quyền hạn' },
  { text: 'xác định (rõ) nội dung công việc' },
  { text: 'đảm bảo tính khả thi' },
  { text: 'bảo đảm tính khả thi' },
  { text: 'tránh chồng chéo, hình thức' },
  { text: 'rõ người, rõ việc, rõ thẩm quyền, rõ trách nhiệm, rõ thời gian, rõ kết quả' },
  { text: 'thống nhất, đồng bộ' },
  // Legal work
  { text: 'văn bản quy phạm pháp luật', fixed: true },
  { text: 'văn bản quy định chi tiết' },
  { text: 'hướng dẫn thi hành' },
  { text: 'sửa đổi, bổ sung, thay thế, bãi bỏ' },
  { text: 'sửa đổi, bổ sung một số điều' },
  { text: 'phổ biến, giáo dục pháp luật' },
  { text: 'theo quy định (của) pháp luật' },
  { text: 'theo quy định hiện hành (của) pháp luật' },
  { text: 'theo (đúng) quy định' },
  // Execution and follow-up
  { text: 'tổ chức thực hiện' },
  { text: 'tổ chức triển khai thực hiện' },
  { text: 'chủ động tổ chức triển khai' },
  { text: 'triển khai thực hiện' },
  { text: 'đảm bảo (đúng) tiến độ' },
  { text: 'bảo đảm (đúng) tiến độ' },
  { text: 'đúng tiến độ, chất lượng, hiệu quả' },
  { text: 'hướng dẫn, đôn đốc, kiểm tra' },
  { text: 'theo dõi, đôn đốc, kiểm tra' },
  { text: 'tháo gỡ, giải quyết' },
  { text: 'khó khăn, vướng mắc' },
  { text: 'vướng mắc, khó khăn' },
  { text: 'kịp thời phản ánh về' },
  { text: 'phản ánh về' },
  { text: 'tổng hợp, báo cáo' },
  { text: 'xem xét, giải quyết' },
  { text: 'đột xuất khi có yêu cầu' },
  { text: 'định kỳ (hằng|hàng) năm' },
  { text: 'báo cáo kết quả thực hiện' },
  { text: 'nghiêm túc, hiệu quả' },
  { text: 'cơ quan, đơn vị (có) liên quan' },
  { text: 'cơ quan, tổ chức (có) liên quan' },
  { text: 'cơ quan, tổ chức, cá nhân' },
  // Budget
  { text: 'nguồn kinh phí hợp pháp khác' },
  { text: 'ngân sách nhà nước' },
  { text: 'khả năng cân đối ngân sách' },
  { text: 'tham mưu bố trí kinh phí' },
  // Subject matter of this project's plans
  { text: 'kinh tế - xã hội' },
  { text: 'kế hoạch phát triển kinh tế - xã hội' },
  { text: 'trí tuệ nhân tạo' },
  { text: 'chuyển đổi số' },
  { text: 'đổi mới sáng tạo' },
  { text: 'cơ sở dữ liệu' },
  { text: 'an toàn thông tin' },
  { text: 'tiêu chuẩn, quy chuẩn kỹ thuật' },
  { text: 'Trung tâm Dữ liệu quốc gia' },
];

/** Pairs of prepositions that never follow each other in correct text ("phản ánh về qua phòng …"). */
const CLASHING_PREPOSITIONS = new Set([
  'về qua',
  'qua về',
  'về tại',
  'tại về',
  'đến qua',
  'qua đến',
  'tới qua',
  'qua tới',
]);

/** Words legitimately written twice in a row. */
const REDUPLICATIONS = new Set(['từ', 'thường', 'nhiều', 'ít', 'xa', 'dần']);

interface Token {
  /** Lower case, tone placement normalised. */
  lower: string;
  folded: string;
  start: number;
  end: number;
  /** Punctuation (",", ";", "." …) between this word and the next. */
  punctAfter: boolean;
}

interface PhraseForm {
  tokens: string[];
  folded: string[];
  /** Punctuation after each word of the phrase ("khó khăn, vướng mắc": after "khăn"). */
  punct: boolean[];
  fixed: boolean;
  /** The form as a display string, for messages. */
  display: string;
}

/** Lower-case and folded forms by word as written: plans reuse a small vocabulary, and lint reads many plans. */
const wordForms = new Map<string, { lower: string; folded: string }>();
const WORD_FORMS_MAX = 50_000;

function formsOf(written: string): { lower: string; folded: string } {
  let f = wordForms.get(written);
  if (!f) {
    const lower = normalizeToneMarks(written).toLowerCase();
    f = { lower, folded: fold(lower) };
    if (wordForms.size >= WORD_FORMS_MAX) wordForms.clear();
    wordForms.set(written, f);
  }
  return f;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    work.steps++;
    const { lower, folded } = formsOf(m[0]);
    const prev = out[out.length - 1];
    if (prev) prev.punctAfter = /[,;.:!?()]/.test(text.slice(prev.end, m.index));
    out.push({ lower, folded, start: m.index, end: m.index + m[0].length, punctAfter: false });
  }
  return out;
}

/**
 * Near-misses must not cross punctuation the phrase does not have: "an toàn, tin cậy" is not "an toàn thông tin"
 * with a word missing. `phrasePunct[k]` tells whether the phrase has punctuation after its word k.
 */
function crossesPunctuation(tokens: Token[], at: number, length: number, phrasePunct: boolean[]): boolean {
  for (let k = 0; k < length - 1; k++) if (tokens[at + k]!.punctAfter && !phrasePunct[k]) return true;
  return false;
}

/** "đảm bảo (đúng) tiến độ" → both forms; "(hằng|hàng)" → each alternative. */
function expand(def: PhraseDef): PhraseForm[] {
  const parts = def.text.split(/\s+/);
  let forms: string[][] = [[]];
  for (const part of parts) {
    const optional = /^\((.+)\)$/.exec(part);
    if (!optional) {
      forms = forms.map((f) => [...f, part]);
      continue;
    }
    const alternatives = optional[1]!.split('|');
    const next: string[][] = [];
    for (const f of forms) {
      if (alternatives.length === 1) next.push(f); // a single word in parentheses may be left out
      for (const alt of alternatives) next.push([...f, alt]);
    }
    forms = next;
  }
  return forms.map((words) => {
    const display = words.join(' ');
    const toks = tokenize(display);
    const tokens = toks.map((t) => t.lower);
    return {
      tokens,
      folded: tokens.map(fold),
      punct: toks.map((t) => t.punctAfter),
      fixed: def.fixed ?? false,
      display,
    };
  });
}

const FORMS: PhraseForm[] = PHRASE_DEFS.flatMap(expand);
const STANDARD = new Set(FORMS.map((f) => f.tokens.join(' ')));
/** Every standard form at once: the words already written correctly are found in one pass. */
const EXACT = new TokenAutomaton(FORMS.map((f) => f.tokens));

/** Forms by their first and second word: a near-miss keeps at least one of them, so only these are tried. */
const BY_FIRST = new Map<string, PhraseForm[]>();
const BY_SECOND = new Map<string, PhraseForm[]>();
for (const f of FORMS) {
  for (const [map, word] of [
    [BY_FIRST, f.tokens[0]],
    [BY_SECOND, f.tokens[1]],
  ] as const) {
    if (word === undefined) continue;
    const list = map.get(word) ?? [];
    list.push(f);
    map.set(word, list);
  }
}

function candidatesAt(tokens: Token[], i: number): PhraseForm[] {
  const set = new Set<PhraseForm>();
  const here = tokens[i]!.lower;
  const next = tokens[i + 1]?.lower;
  work.steps++;
  for (const f of BY_FIRST.get(here) ?? []) set.add(f);
  for (const f of BY_SECOND.get(here) ?? []) set.add(f); // the first word is the one missing
  if (next !== undefined) for (const f of BY_SECOND.get(next) ?? []) set.add(f); // the first word is misspelled
  return [...set];
}

export type PhraseIssueKind = 'missingWord' | 'misspelled' | 'clashingWords' | 'repeatedWord';

export interface PhraseIssue {
  kind: PhraseIssueKind;
  /** The words as written in the text. */
  found: string;
  /** The standard form, in the text's capitalisation; null when the fix is to delete a word. */
  expected: string | null;
  /** Character offsets of `found` in the text given. */
  start: number;
  end: number;
}

function sliceText(text: string, tokens: Token[], from: number, to: number): string {
  return text.slice(tokens[from]!.start, tokens[to - 1]!.end);
}

/**
 * The standard form written as the phrase is ("kinh tế - xã hội", with its dash and commas), keeping the text's
 * capitals where the words are the same ("Ủy ban nhân" → "Ủy ban nhân dân").
 */
function restoreCase(written: string[], form: PhraseForm): string {
  const lower = written.map((w) => normalizeToneMarks(w).toLowerCase());
  let k = 0;
  return form.display.replace(/[\p{L}\p{N}]+/gu, (word) => {
    const i = k++;
    const std = normalizeToneMarks(word).toLowerCase();
    const at = lower.indexOf(std);
    if (at >= 0) return written[at]!;
    if (i === 0 && written[0] && /^\p{Lu}/u.test(written[0])) return std.charAt(0).toUpperCase() + std.slice(1);
    return std;
  });
}

function sameTokens(tokens: Token[], at: number, words: string[]): boolean {
  if (at + words.length > tokens.length) return false;
  for (let k = 0; k < words.length; k++) if (tokens[at + k]!.lower !== words[k]) return false;
  return true;
}

/** The text being checked and the issues found so far, shared by the checks run at each word. */
interface PhraseScan {
  text: string;
  tokens: Token[];
  /** Words inside a phrase already written in its standard form. */
  covered: boolean[];
  issues: PhraseIssue[];
  /** First and last word of each issue, by issue: issues overlap exactly when their word ranges do. */
  spans: Array<[number, number]>;
  /** Issue starts already reported: one issue per place. */
  seen: Set<number>;
}

/**
 * Finds standard phrases written with a word missing, a misspelled word (wrong accent or one-letter typo), two
 * clashing prepositions or a word written twice. General: any phrase of the list, anywhere in the text.
 */
export function findPhraseIssues(input: string): PhraseIssue[] {
  const text = normalizeText(input);
  const tokens = tokenize(text);
  const covered = new Array<boolean>(tokens.length).fill(false);
  EXACT.scan(
    tokens.map((t) => t.lower),
    (start, form) => {
      for (let k = 0; k < FORMS[form]!.tokens.length; k++) covered[start + k] = true;
    },
  );
  const scan: PhraseScan = { text, tokens, covered, issues: [], spans: [], seen: new Set<number>() };
  for (let i = 0; i < tokens.length; i++) {
    for (const f of candidatesAt(tokens, i)) {
      work.steps += f.tokens.length;
      findMisspelled(scan, i, f);
      findMissingWord(scan, i, f);
    }
    findClashingWords(scan, i);
  }
  return shortestOfOverlapping(scan);
}

function pushIssue(scan: PhraseScan, issue: PhraseIssue, first: number, last: number): void {
  if (scan.seen.has(issue.start)) return;
  scan.seen.add(issue.start);
  scan.issues.push(issue);
  scan.spans.push([first, last]);
}

function writtenWords(scan: PhraseScan, from: number, to: number): string[] {
  return scan.tokens.slice(from, to).map((t) => scan.text.slice(t.start, t.end));
}

/** Misspelled: same words without accents, or one word off by one letter; all other words exact. */
function findMisspelled(scan: PhraseScan, i: number, f: PhraseForm): void {
  const { text, tokens, covered } = scan;
  const n = f.tokens.length;
  if (i + n > tokens.length || covered.slice(i, i + n).every(Boolean)) return;
  if (crossesPunctuation(tokens, i, n, f.punct)) return;
  let off = 0;
  let ok = true;
  for (let k = 0; k < n && ok; k++) {
    const t = tokens[i + k]!;
    if (t.lower === f.tokens[k]) continue;
    off++;
    const accentOnly = t.folded === f.folded[k];
    // One-letter typos only on words long enough, or inside longer phrases that give context ("vướng mắt").
    const long = f.folded[k]!.length >= 4 || (n >= 3 && f.folded[k]!.length >= 3);
    // Lengths two apart are never one edit apart: a huge written word costs nothing here.
    const typo =
      long && Math.abs(t.folded.length - f.folded[k]!.length) <= 1 && editDistance(t.folded, f.folded[k]!) === 1;
    ok = accentOnly || typo;
  }
  const variant = tokens
    .slice(i, i + n)
    .map((t) => t.lower)
    .join(' ');
  if (ok && off === 1 && n >= 2 && !STANDARD.has(variant)) {
    const found = sliceText(text, tokens, i, i + n);
    const expected = restoreCase(writtenWords(scan, i, i + n), f);
    const start = tokens[i]!.start;
    pushIssue(scan, { kind: 'misspelled', found, expected, start, end: tokens[i + n - 1]!.end }, i, i + n - 1);
  }
}

/** Missing word: the phrase with one word left out, where what remains is not itself standard. */
function findMissingWord(scan: PhraseScan, i: number, f: PhraseForm): void {
  const { text, tokens, covered } = scan;
  const n = f.tokens.length;
  if (n < 3 || i + n - 1 > tokens.length) return;
  for (let skip = 0; skip < n; skip++) {
    const edge = skip === 0 || skip === n - 1;
    if (edge && !f.fixed) continue;
    const rest = f.tokens.filter((_, k) => k !== skip);
    if (!sameTokens(tokens, i, rest)) continue;
    // Punctuation of the phrase without the missing word; around the gap either side's punctuation counts.
    const restPunct = f.punct
      .filter((_, k) => k !== skip)
      .map((p, k) => p || (k === skip - 1 && f.punct[skip] === true));
    if (crossesPunctuation(tokens, i, n - 1, restPunct)) continue;
    if (covered.slice(i, i + n - 1).every(Boolean)) continue;
    if (STANDARD.has(rest.join(' '))) continue;
    // Cut at the end: the next word must not be the missing one (that would be the full phrase).
    if (skip === n - 1 && tokens[i + n - 1]?.lower === f.tokens[skip]) continue;
    const written = writtenWords(scan, i, i + n - 1);
    const found = sliceText(text, tokens, i, i + n - 1);
    const expected = restoreCase(written, f);
    const start = tokens[i]!.start;
    pushIssue(scan, { kind: 'missingWord', found, expected, start, end: tokens[i + n - 2]!.end }, i, i + n - 2);
  }
}

/**
 * A syllable written twice that ends one word and begins the next: "sơ kết | kết quả", "thực hiện | hiện nay",
 * "doanh nghiệp | nghiệp vụ". For each such syllable, the syllables that may come before it (the first word) and
 * after it (the second). Only pairs seen in administrative writing: anything else written twice is a slip.
 */
const JOINED_REPEATS: Record<string, [before: string, after: string]> = {
  kết: ['sơ tổng cam liên gắn đoàn ký', 'quả luận nối hợp thúc'],
  hiện: ['thực thể phát xuất', 'nay hành đại trạng có tại'],
  nghiệp: ['doanh nông công chuyên sự', 'vụ'],
  chính: ['tài hành', 'quyền sách trị phủ thức'],
  dân: ['nhân người công', 'tộc chủ cư số sinh vận'],
  tin: ['thông', 'học'],
  động: ['hoạt lao chủ tác vận', 'lực viên'],
  học: ['khoa đại tin', 'tập sinh viện'],
  lực: ['năng nguồn động nỗ', 'lượng'],
  quan: ['cơ liên khách', 'tâm trọng hệ điểm sát'],
  pháp: ['tư biện giải hợp phương', 'luật lý chế'],
  thể: ['cụ tập cá toàn', 'chế thao hiện dục'],
};
const JOINED = new Map(
  Object.entries(JOINED_REPEATS).map(([w, [before, after]]) => [
    formsOf(w).lower,
    {
      before: new Set(before.split(' ').map((x) => formsOf(x).lower)),
      after: new Set(after.split(' ').map((x) => formsOf(x).lower)),
    },
  ]),
);

/** "sơ kết kết quả": two words meeting, not a slip; "… công nghệ số số 71/2025/QH15": a name, then its number. */
function joinedRepeat(tokens: Token[], i: number): boolean {
  const word = tokens[i]!.lower;
  const prev = tokens[i - 1];
  const after = tokens[i + 2];
  if (word === 'số' && after && /^\p{N}/u.test(after.lower)) return true;
  const j = JOINED.get(word);
  return !!j && !!prev && !!after && !prev.punctAfter && j.before.has(prev.lower) && j.after.has(after.lower);
}

/** Two words where one belongs: "về qua", "của của". */
function findClashingWords(scan: PhraseScan, i: number): void {
  const { text, tokens } = scan;
  const next = tokens[i + 1];
  const cur = tokens[i]!;
  if (!next || !/^\s+$/.test(text.slice(cur.end, next.start))) return;
  const pair = `${cur.lower} ${next.lower}`;
  if (CLASHING_PREPOSITIONS.has(pair)) {
    const found = text.slice(cur.start, next.end);
    pushIssue(scan, { kind: 'clashingWords', found, expected: null, start: cur.start, end: next.end }, i, i + 1);
  } else if (
    cur.lower === next.lower &&
    !/^\p{N}+$/u.test(cur.lower) &&
    !REDUPLICATIONS.has(cur.lower) &&
    !joinedRepeat(tokens, i)
  ) {
    const found = text.slice(cur.start, next.end);
    const expected = text.slice(cur.start, cur.end);
    pushIssue(scan, { kind: 'repeatedWord', found, expected, start: cur.start, end: next.end }, i, i + 1);
  }
}

/**
 * Where phrases overlap ("kinh tế - xã hội" inside "kế hoạch phát triển kinh tế - xã hội"), report the shortest.
 * Issues start and end on word boundaries, so two overlap exactly when they share a word: marking the words of
 * the issues kept makes each test as long as the issue (a few words), not as long as the list of issues.
 */
function shortestOfOverlapping(scan: PhraseScan): PhraseIssue[] {
  const { issues, spans } = scan;
  const taken = new Uint8Array(scan.tokens.length);
  const kept: number[] = [];
  const byLength = issues
    .map((_, k) => k)
    .sort((a, b) => issues[a]!.end - issues[a]!.start - (issues[b]!.end - issues[b]!.start) || a - b);
  for (const k of byLength) {
    const [first, last] = spans[k]!;
    let free = true;
    for (let w = first; w <= last && free; w++) free = taken[w] === 0;
    work.steps += last - first + 1;
    if (!free) continue;
    for (let w = first; w <= last; w++) taken[w] = 1;
    kept.push(k);
  }
  return kept.map((k) => issues[k]!).sort((a, b) => a.start - b.start);
}
