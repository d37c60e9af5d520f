// Review of a plan ("rà soát"): the "06 rõ" of every task, unit names against the register, standard wording,
// the law the plan implements, consistency of terms, and — for a child plan — agreement with its parent. Pure.
import type { UnitDirectory } from '../org/resolve.ts';
import { fold, normalizeText } from '../text.ts';
import type { Finding, PlanDraft } from './model.ts';
import { findPhraseIssues, normalizeToneMarks, type PhraseIssue } from './phrases.ts';
import { work } from '../work.ts';
import { Findings, quote, taskLocation, texts, type LintContext, type Located } from './lint-common.ts';
import { checkPlaceNames, checkRecipients, checkUnits, correctPlaceNames } from './lint-names.ts';
import { checkParent } from './lint-parent.ts';
import { checkDeadlines, checkPeriod } from './lint-deadlines.ts';
import { checkLawNumbers, registeredLaw } from './laws.ts';
import { checkOffices } from './lint-offices.ts';
import { checkTasks } from './lint-tasks.ts';

export type { LintContext } from './lint-common.ts';

// ---------------------------------------------------------------------------------------------------------------
// Standard wording.

/**
 * How far a snippet looks for a space to cut at. Plain text has one every few letters; a text without spaces gets a
 * snippet cut at this distance, rather than every one of its findings quoting (and searching) the whole text.
 */
const SNIPPET_REACH = 60;

function snippet(text: string, issue: PhraseIssue): string {
  const back = Math.max(0, issue.start - 12);
  const low = Math.max(0, back - SNIPPET_REACH);
  const before = text.slice(low, back + 1).lastIndexOf(' ');
  const from = before >= 0 ? low + before : low;
  const ahead = Math.min(text.length, issue.end + 12);
  const high = Math.min(text.length, ahead + SNIPPET_REACH);
  const after = text.slice(ahead, high).indexOf(' ');
  const to = after >= 0 ? ahead + after : high < text.length ? high : -1;
  work.steps += back - low + high - ahead;
  return `${from > 0 ? '…' : ''}${text.slice(from, to < 0 ? text.length : to).trim()}${to > 0 ? '…' : ''}`;
}

/** What a child plan inherits from its parent's wording: lint says so, the fix belongs in the parent too. */
interface ParentWording {
  /** `${kind}|${found}` (lower case) of the parent's phrase issues. */
  phrases: Set<string>;
  /** Folded names of the laws the parent's body mentions. */
  laws: Set<string>;
}

const INHERITED = ' Lỗi này có từ kế hoạch cấp trên.';

const parentWordingCache = new WeakMap<
  PlanDraft,
  { sections: PlanDraft['sections']; tasks: PlanDraft['tasks']; wording: ParentWording }
>();

/** Computed once per parent: a province plan is linted against each of its 166 children. */
function parentWording(parent: PlanDraft): ParentWording {
  const cached = parentWordingCache.get(parent);
  if (cached && cached.sections === parent.sections && cached.tasks === parent.tasks) return cached.wording;
  const wording: ParentWording = { phrases: new Set(), laws: new Set() };
  for (const { text } of texts(parent)) {
    for (const issue of findPhraseIssues(normalizeText(text))) wording.phrases.add(phraseKey(issue));
  }
  for (const s of parent.sections)
    for (const b of s.blocks) for (const m of lawMentions(b.text)) wording.laws.add(m.key);
  for (const t of parent.tasks) for (const m of lawMentions(`${t.title}. ${t.content ?? ''}`)) wording.laws.add(m.key);
  parentWordingCache.set(parent, { sections: parent.sections, tasks: parent.tasks, wording });
  return wording;
}

function phraseKey(issue: PhraseIssue): string {
  return `${issue.kind}|${issue.found.toLocaleLowerCase('vi')}`;
}

function checkPhrases(plan: PlanDraft, out: Findings, inherited: ParentWording | null): void {
  for (const { text, location } of texts(plan)) {
    const t = normalizeText(text);
    for (const issue of findPhraseIssues(t)) {
      const where = quote(snippet(t, issue));
      const from = inherited?.phrases.has(phraseKey(issue)) ? INHERITED : '';
      switch (issue.kind) {
        case 'missingWord':
          out.add(
            'phrase.missingWord',
            'warning',
            location,
            `Thiếu chữ trong cụm từ ${quote(issue.found)} (${where}); cụm từ chuẩn là ${quote(issue.expected ?? '')}.${from}`,
            `Sửa ${quote(issue.found)} thành ${quote(issue.expected ?? '')}.`,
          );
          break;
        case 'misspelled':
          out.add(
            'phrase.misspelled',
            'warning',
            location,
            `Viết sai cụm từ ${quote(issue.found)} (${where}); cụm từ chuẩn là ${quote(issue.expected ?? '')}.${from}`,
            `Sửa thành ${quote(issue.expected ?? '')}.`,
          );
          break;
        case 'clashingWords':
          out.add(
            'phrase.clashingWords',
            'warning',
            location,
            `Thừa từ: hai giới từ ${quote(issue.found)} đứng liền nhau (${where}).${from}`,
            `Bỏ một trong hai từ ${quote(issue.found)}.`,
          );
          break;
        case 'repeatedWord':
          out.add(
            'phrase.repeatedWord',
            'warning',
            location,
            `Lặp từ ${quote(issue.found)} (${where}).${from}`,
            `Bỏ bớt một chữ ${quote(issue.expected ?? '')}.`,
          );
          break;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The law the plan implements.

interface LawMention {
  /** As written: "Luật Trí tuệ Nhân tạo". */
  name: string;
  key: string;
}

const LAW_STOP = new Set([
  'trên',
  'tại',
  'ngày',
  'về',
  'đến',
  'theo',
  'để',
  'trong',
  'thì',
  'đã',
  'được',
  'của',
  'cho',
  'với',
  'từ',
  'do',
  'là',
  'có',
  'và',
  'hoặc',
]);
/** Words that end a law name only before a number: "Luật Chuyển đổi số" but "Luật … số 134/2025/QH15", "năm 2025". */
const LAW_STOP_BEFORE_NUMBER = new Set(['số', 'năm']);

/**
 * How many of the words after "Luật" name the law: all of them, unless they are not a law of the register but their
 * beginning is (the longest such beginning, at least two words).
 */
function registeredLength(head: string, words: string[]): number {
  const name = (n: number) => `${head} ${words.slice(0, n).join(' ')}`.replace(/[,.;:]+$/u, '');
  if (registeredLaw(name(words.length))) return words.length;
  for (let n = words.length - 1; n >= 2; n--) if (registeredLaw(name(n))) return n;
  return words.length;
}

/** Names of laws in a text: "Luật Trí tuệ Nhân tạo", "Luật sửa đổi, bổ sung một số điều của Luật Chuyển giao công nghệ". */
export function lawMentions(text: string): LawMention[] {
  const out: LawMention[] = [];
  const t = normalizeText(text);
  const re = /(?<![\p{L}])(Bộ luật|Luật)\s+/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t))) {
    const start = m.index;
    const after = t.slice(m.index + m[0].length);
    const amend = /^sửa đổi, bổ sung (?:một số điều )?của (?:các )?(Bộ luật|Luật)\s+/u.exec(after);
    let rest = amend ? after.slice(amend[0].length) : after;
    if (!amend && !/^\p{Lu}/u.test(rest)) continue; // "của Luật", "thi hành Luật." — the law named before
    const words: string[] = [];
    for (;;) {
      const w = /^(\S+?)([,.;:()]?)(\s+|$)/u.exec(rest);
      if (!w) break;
      const word = w[1]!;
      const following = /^\S+\s+(\S+)/u.exec(rest)?.[1] ?? '';
      if (words.length > 0 && LAW_STOP_BEFORE_NUMBER.has(word.toLowerCase()) && /^\d/.test(following)) break;
      if (words.length > 0 && LAW_STOP.has(word.toLowerCase())) {
        // "và" goes on when a capitalised word follows ("Luật Khoa học, Công nghệ và Đổi mới sáng tạo").
        const next = /^\S+\s+(\S+)/u.exec(rest)?.[1] ?? '';
        if (!(word === 'và' && /^\p{Lu}/u.test(next))) break;
      }
      if (/^\d/.test(word)) break;
      words.push(w[2] === ',' ? `${word},` : word);
      rest = rest.slice(w[0].length);
      if (w[2] && w[2] !== ',') break;
      if (w[2] === ',' && !/^\p{Lu}/u.test(rest)) break;
      if (words.length >= 10) break;
    }
    if (words.length === 0) continue;
    // "thi hành Luật Trí tuệ nhân tạo kịp thời, hiệu quả": a law of the register followed by other words is that law.
    if (!amend) words.splice(registeredLength(m[1]!, words));
    const joined = words.join(' ').replace(/,$/u, '');
    const name = (amend ? `${m[1]} ${amend[0]}${joined}` : `${m[1]} ${joined}`)
      .replace(/\s+/g, ' ')
      .replace(/[,.;:]+$/u, '');
    out.push({ name, key: fold(name) });
    re.lastIndex = start + m[0].length + (amend ? amend[0].length : 0) + joined.length;
  }
  return out;
}

function capitals(s: string): number {
  return (s.match(/\p{Lu}/gu) ?? []).length;
}

function checkLaws(plan: PlanDraft, directory: UnitDirectory, out: Findings, inherited: ParentWording | null): void {
  const d = plan.document;
  const counts: LawCounts = new Map();
  const count = (m: LawMention, weight: number) => {
    const c = counts.get(m.key) ?? { name: m.name, count: 0, forms: new Map<string, number>() };
    c.count += weight;
    c.forms.set(m.name, (c.forms.get(m.name) ?? 0) + 1);
    counts.set(m.key, c);
  };
  // What the plan implements: its "Thực hiện" basis and its tasks weigh most; the title is checked against them.
  for (const b of d.basis) if (b.kind !== 'legalBasis') for (const m of lawMentions(`${b.title ?? ''}`)) count(m, 2);
  for (const t of plan.tasks) for (const m of lawMentions(`${t.title}. ${t.content ?? ''}`)) count(m, 1);
  for (const s of plan.sections) for (const b of s.blocks) for (const m of lawMentions(b.text)) count(m, 1);
  const titleLaws = lawMentions(d.title);
  for (const m of titleLaws) count(m, 0);
  const ranked = [...counts.entries()].filter(([, c]) => c.count > 0).sort((a, b) => b[1].count - a[1].count);
  const top = ranked[0];
  if (!top) return;
  const [planKey, planLaw] = top;
  // A law of the register is named as it names itself ("Luật Trí tuệ nhân tạo"), whatever the plan's spelling.
  const display = registeredLaw(planLaw.name)?.name ?? [...planLaw.forms.entries()].sort((a, b) => b[1] - a[1])[0]![0];

  for (const tl of titleLaws) {
    if (tl.key === planKey) continue;
    const fixed = correctPlaceNames(d.title.replace(tl.name, display), directory);
    out.add(
      'plan.title.lawMismatch',
      'error',
      { field: 'title' },
      `Trích yếu nêu ${quote(tl.name)} nhưng căn cứ và nội dung kế hoạch triển khai ${quote(display)}.`,
      `Sửa trích yếu thành ${quote(fixed)}.`,
    );
  }

  // Other laws named in the body: copied text from another plan, or a law the plan does not implement.
  const legal = new Set(
    d.basis
      .filter((b) => b.kind === 'legalBasis')
      .flatMap((b) => lawMentions(`${b.title ?? ''} ${b.text}`).map((m) => m.key)),
  );
  const titleKeys = new Set(titleLaws.map((m) => m.key));
  const body: Located[] = [];
  for (const s of plan.sections)
    for (const b of s.blocks)
      body.push({
        text: b.text,
        location: { section: s.number || s.heading, field: 'text', ...(b.line !== undefined ? { line: b.line } : {}) },
      });
  for (const t of plan.tasks) {
    body.push({ text: t.title, location: taskLocation(plan, t, 'title') });
    if (t.content) body.push({ text: t.content, location: taskLocation(plan, t, 'content') });
  }
  const known = [planKey, ...legal, ...titleKeys];
  for (const { text, location } of body) {
    for (const m of lawMentions(text)) {
      if (known.includes(m.key)) continue;
      // "thi hành Luật Trí tuệ nhân tạo kịp thời, hiệu quả": the plan's law and the words after it, unless the longer
      // name is itself a law of the register.
      if (known.some((k) => m.key.startsWith(`${k} `)) && !registeredLaw(m.name)) continue;
      const from = inherited?.laws.has(m.key) ? INHERITED : '';
      out.add(
        'plan.law.otherInBody',
        'warning',
        location,
        `Nội dung nhắc đến ${quote(m.name)}, khác với luật mà kế hoạch triển khai (${quote(display)}).${from}`,
        `Kiểm tra lại: thay bằng ${quote(display)} hoặc bỏ nếu không liên quan.`,
      );
    }
  }

  checkLawSpelling(counts, out);
}

type LawCounts = Map<string, { name: string; count: number; forms: Map<string, number> }>;

function checkLawSpelling(counts: LawCounts, out: Findings): void {
  // One law, several spellings: "Luật Trí tuệ Nhân tạo" and "Luật Trí tuệ nhân tạo"; or one spelling that is not the
  // law's own ("Luật Trí tuệ Nhân tạo" throughout).
  for (const [, c] of counts) {
    const forms = [...c.forms.entries()];
    const registered = registeredLaw(c.name)?.name;
    const rule = 'theo Nghị định 30/2020/NĐ-CP, tên văn bản chỉ viết hoa chữ cái đầu và danh từ riêng';
    if (forms.length >= 2) {
      const preferred = registered ?? [...forms].sort((a, b) => capitals(a[0]) - capitals(b[0]))[0]![0];
      out.add(
        'plan.law.inconsistentCase',
        'info',
        { field: 'text' },
        `Tên luật được viết không thống nhất: ${forms.map(([f, n]) => `${quote(f)} (${n} lần)`).join(', ')}.`,
        `Viết thống nhất ${quote(preferred)} (${rule}).`,
      );
    } else if (registered && forms[0]![0] !== registered) {
      out.add(
        'plan.law.nameCase',
        'info',
        { field: 'text' },
        `Tên luật được viết là ${quote(forms[0]![0])} (${forms[0]![1]} lần); tên của luật là ${quote(registered)}.`,
        `Viết ${quote(registered)} (${rule}).`,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Consistency of terms.

function checkTerms(plan: PlanDraft, out: Findings): void {
  for (const field of ['lead', 'coordinators'] as const) {
    const used = new Map<string, string[]>();
    for (const t of plan.tasks) {
      const label = t.labels?.[field];
      if (!label) continue;
      const key = normalizeToneMarks(label).toLowerCase();
      const tasks = used.get(key);
      if (tasks) tasks.push(t.number);
      else used.set(key, [t.number]);
    }
    if (used.size > 1) {
      const parts = [...used.entries()].map(
        ([l, tasks]) => `${quote(l.charAt(0).toUpperCase() + l.slice(1))} (nhiệm vụ ${tasks.join(', ')})`,
      );
      const major = [...used.entries()].sort((a, b) => b[1].length - a[1].length)[0]![0];
      out.add(
        'plan.terms.inconsistent',
        'info',
        { field },
        `Cách gọi không thống nhất giữa các nhiệm vụ: ${parts.join(' và ')}.`,
        `Dùng một cách gọi cho cả kế hoạch, ví dụ ${quote(major.charAt(0).toUpperCase() + major.slice(1))}.`,
      );
    }
  }
  // Pairs of accepted variants that one document should not mix. "bảo đảm" and "đảm bảo" are both standard and are
  // mixed in issued plans of every level: not worth a note.
  const pairs: Array<[string, string, string]> = [['hằng năm', 'hàng năm', 'hằng năm']];
  const all = texts(plan)
    .map((x) => x.text)
    .concat(plan.tasks.map((t) => t.timeframe.text));
  const lower = all.map((t) => normalizeToneMarks(normalizeText(t)).toLowerCase());
  for (const [a, b, preferred] of pairs) {
    const re = (w: string) => new RegExp(`(?<![\\p{L}])${w}(?![\\p{L}])`, 'gu');
    const ca = lower.reduce((n, t) => n + (t.match(re(a))?.length ?? 0), 0);
    const cb = lower.reduce((n, t) => n + (t.match(re(b))?.length ?? 0), 0);
    if (ca > 0 && cb > 0) {
      out.add(
        'plan.terms.inconsistent',
        'info',
        { field: 'text' },
        `Dùng lẫn ${quote(a)} (${ca} lần) và ${quote(b)} (${cb} lần) trong cùng kế hoạch.`,
        `Dùng thống nhất ${quote(preferred)}.`,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Header, status, recipients.

function checkHeader(plan: PlanDraft, ctx: LintContext, out: Findings): void {
  const d = plan.document;
  if (!d.title.trim())
    out.add(
      'plan.title.missing',
      'error',
      { field: 'title' },
      'Kế hoạch chưa có trích yếu.',
      'Ghi trích yếu dưới tên loại văn bản, ví dụ "Triển khai thi hành Luật … trên địa bàn …".',
    );
  if (!d.issuer)
    out.add(
      'plan.issuer.missing',
      'warning',
      { field: 'issuer' },
      'Chưa xác định được cơ quan ban hành kế hoạch.',
      'Ghi tên cơ quan ban hành ở góc trái phần đầu văn bản.',
    );
  if (!d.place)
    out.add(
      'plan.place.missing',
      'info',
      { field: 'place' },
      'Chưa có địa danh và ngày tháng ban hành.',
      'Ghi địa danh, ngày tháng năm ở phần đầu văn bản (ví dụ "Thanh Hóa, ngày … tháng … năm 2026").',
    );
  if (ctx.status === 'issued') {
    const missing = [d.number ? null : 'số', d.date ? null : 'ngày ban hành'].filter(Boolean);
    if (missing.length) {
      out.add(
        'plan.issued.numberMissing',
        'error',
        { field: d.number ? 'date' : 'number' },
        `Kế hoạch đã ban hành nhưng chưa có ${missing.join(' và ')}.`,
        'Cập nhật số, ký hiệu và ngày ban hành theo văn bản đã ký.',
      );
    }
  }
  if (plan.tasks.length === 0)
    out.add(
      'plan.tasks.missing',
      'warning',
      {},
      'Kế hoạch chưa có nhiệm vụ nào được phân công.',
      'Bổ sung các nhiệm vụ với cơ quan chủ trì, thời gian và sản phẩm.',
    );
}

/** Reviews a plan. Findings carry a stable code, a location and a Vietnamese message with a suggested fix. */
export function lintPlan(plan: PlanDraft, ctx: LintContext): Finding[] {
  const out = new Findings();
  checkHeader(plan, ctx, out);
  checkTasks(plan, out);
  checkUnits(plan, ctx, out);
  checkPlaceNames(plan, ctx, out);
  const inherited = ctx.parent ? parentWording(ctx.parent) : null;
  checkPhrases(plan, out, inherited);
  checkLaws(plan, ctx.directory, out, inherited);
  checkLawNumbers(plan, out);
  checkDeadlines(plan, out);
  checkPeriod(plan, out);
  checkOffices(plan, out);
  checkTerms(plan, out);
  checkRecipients(plan, ctx, out);
  checkParent(plan, ctx, out);
  return out.list;
}
