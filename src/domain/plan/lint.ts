// Review of a plan ("rà soát"): the "06 rõ" of every task, unit names against the register, standard wording,
// the law the plan implements, consistency of terms, and — for a child plan — agreement with its parent. Pure.
import { canonicalName, cleanWritten, UnitDirectory, type ResolveContext, type UnitMatch } from '../org/resolve.ts';
import { fold, normalizeText } from '../text.ts';
import type { Finding, FindingLocation, PlanDraft, Severity, Task, UnitRef } from './model.ts';
import { ACTION_VERBS, ACTIVITY_VERBS, findPhraseIssues, normalizeToneMarks, startsWithAny, VAGUE_DELIVERABLES, type PhraseIssue } from './phrases.ts';
import { hasDeadline } from './timeframe.ts';
import { work } from '../work.ts';

export interface LintContext {
  directory: UnitDirectory;
  /** The parent plan this one implements (a province plan for a commune plan). */
  parent?: PlanDraft;
  /** Code of the issuing unit: task leads must be inside it ("16516" → "16516.PVHXH"). */
  issuerCode?: string;
  /** Plan status ("draft", "issued" …); an issued plan must carry its number and date. */
  status?: string;
}

/** A text of the plan with where it is, so every check reports the same way. */
interface Located {
  text: string;
  location: FindingLocation;
}

class Findings {
  readonly list: Finding[] = [];
  private readonly seen = new Set<string>();

  add(code: string, severity: Severity, location: FindingLocation, message: string, fix: string | null = null): void {
    const key = `${code}|${location.section ?? ''}|${location.task ?? ''}|${location.field ?? ''}|${location.line ?? ''}|${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({ code, severity, location, message, fix });
  }
}

function quote(s: string): string {
  return `“${s}”`;
}

function contentSection(plan: PlanDraft): string | undefined {
  return plan.sections.find((s) => s.kind === 'content')?.number || undefined;
}

function taskLocation(plan: PlanDraft, task: Task, field?: string): FindingLocation {
  const loc: FindingLocation = { task: task.number };
  const section = contentSection(plan);
  if (section) loc.section = section;
  if (task.line !== undefined) loc.line = task.line;
  if (field) loc.field = field;
  return loc;
}

/** Every text of the plan with its location: title, basis, sections, tasks. */
function texts(plan: PlanDraft): Located[] {
  const out: Located[] = [];
  const d = plan.document;
  if (d.title) out.push({ text: d.title, location: { field: 'title' } });
  for (const b of d.basis) out.push({ text: b.text, location: { field: 'basis' } });
  for (const s of plan.sections) {
    for (const b of s.blocks) {
      const loc: FindingLocation = { section: s.number || s.heading, field: 'text' };
      if (b.line !== undefined) loc.line = b.line;
      out.push({ text: b.text, location: loc });
    }
  }
  for (const t of plan.tasks) {
    out.push({ text: t.title, location: taskLocation(plan, t, 'title') });
    if (t.content) out.push({ text: t.content, location: taskLocation(plan, t, 'content') });
    for (const x of t.deliverables) out.push({ text: x, location: taskLocation(plan, t, 'deliverables') });
    if (t.notes) out.push({ text: t.notes, location: taskLocation(plan, t, 'notes') });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// 06 rõ: rõ người (lead), rõ việc (action), rõ thời gian (deadline), rõ kết quả (deliverable).

function checkTasks(plan: PlanDraft, out: Findings): void {
  const numbers = new Map<string, number>();
  for (const t of plan.tasks) numbers.set(t.number, (numbers.get(t.number) ?? 0) + 1);
  for (const [n, count] of numbers) {
    if (count > 1) out.add('task.number.duplicate', 'error', { task: n }, `Số thứ tự nhiệm vụ ${n} bị trùng (${count} nhiệm vụ).`, 'Đánh số lại các nhiệm vụ cho không trùng nhau.');
  }
  for (const t of plan.tasks) {
    const name = `Nhiệm vụ ${t.number}`;
    if (!t.title.trim()) {
      out.add('task.title.missing', 'error', taskLocation(plan, t, 'title'), `${name} chưa có tên (nội dung công việc).`, 'Ghi rõ việc phải làm, bắt đầu bằng động từ (ví dụ: "Tổ chức…", "Xây dựng…").');
    } else if (!startsWithAny(t.title, ACTION_VERBS)) {
      out.add('task.action.missing', 'warning', taskLocation(plan, t, 'title'), `${name}: tên nhiệm vụ ${quote(t.title)} chưa nêu rõ hành động phải làm (chưa "rõ việc").`, 'Mở đầu tên nhiệm vụ bằng động từ chỉ hành động: "Tổ chức…", "Xây dựng…", "Rà soát…", "Triển khai…".');
    }

    const leads = t.lead;
    if (leads.length === 0) {
      out.add('task.lead.missing', 'error', taskLocation(plan, t, 'lead'), `${name} chưa có cơ quan chủ trì (chưa "rõ người, rõ trách nhiệm").`, 'Ghi một cơ quan, đơn vị chủ trì cụ thể.');
    } else if (leads.every((l) => l.group)) {
      out.add('task.lead.group', 'warning', taskLocation(plan, t, 'lead'), `${name}: chủ trì là một nhóm chung (${leads.map((l) => quote(l.text)).join(', ')}), chưa rõ đơn vị chịu trách nhiệm chính.`, 'Giao một cơ quan, đơn vị cụ thể chủ trì; các đơn vị khác phối hợp.');
    } else if (leads.filter((l) => !l.group).length > 1) {
      out.add('task.lead.multiple', 'info', taskLocation(plan, t, 'lead'), `${name} có ${leads.length} cơ quan chủ trì; nên giao một cơ quan chủ trì để rõ trách nhiệm.`, null);
    }

    const tf = t.timeframe;
    if (!tf.text.trim()) {
      out.add('task.timeframe.missing', 'error', taskLocation(plan, t, 'timeframe'), `${name} chưa có thời gian thực hiện (chưa "rõ thời gian").`, 'Ghi thời hạn hoàn thành, ví dụ "Trước ngày 30/6/2026" hoặc "Hằng năm, trước ngày 15/12".');
    } else if (tf.schedule === null) {
      out.add('task.timeframe.unreadable', 'warning', taskLocation(plan, t, 'timeframe'), `${name}: thời gian ${quote(tf.text)} chưa xác định được mốc thời gian.`, 'Ghi thời hạn theo ngày, tháng, quý hoặc năm cụ thể.');
    } else if (!hasDeadline(tf.schedule)) {
      out.add('task.timeframe.noDeadline', 'info', taskLocation(plan, t, 'timeframe'), `${name}: thời gian ${quote(tf.text)} không có mốc hoàn thành; việc theo dõi dựa vào kỳ báo cáo định kỳ.`, 'Có thể ghi thêm mốc báo cáo, ví dụ "Thường xuyên; báo cáo trước ngày 15/12 hằng năm".');
    }

    if (t.deliverables.length === 0) {
      out.add('task.deliverable.missing', 'error', taskLocation(plan, t, 'deliverables'), `${name} chưa có sản phẩm (chưa "rõ kết quả").`, 'Ghi sản phẩm cụ thể: văn bản, báo cáo, hội nghị, cơ sở dữ liệu…');
    } else {
      const vague = t.deliverables.filter((x) => VAGUE_DELIVERABLES.some((v) => fold(x).replace(/[.;,]+$/, '') === fold(v)));
      if (vague.length === t.deliverables.length) {
        out.add('task.deliverable.vague', 'warning', taskLocation(plan, t, 'deliverables'), `${name}: sản phẩm ${t.deliverables.map(quote).join(', ')} chưa cụ thể.`, 'Nêu sản phẩm đo được: tên văn bản, báo cáo, số hội nghị, hệ thống…');
      }
      for (const x of t.deliverables) {
        const verb = startsWithAny(x, ACTIVITY_VERBS);
        if (verb) {
          out.add('task.deliverable.activity', 'warning', taskLocation(plan, t, 'deliverables'), `${name}: sản phẩm ${quote(x)} là một hoạt động (“${x.split(/\s+/).slice(0, verb.split(' ').length).join(' ')}…”), chưa phải sản phẩm đầu ra.`, `Ghi kết quả của hoạt động, ví dụ ${quote(x.slice(verb.length).trim().replace(/^\p{Ll}/u, (c) => c.toUpperCase()))} hoặc văn bản, báo cáo cụ thể.`);
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Unit names against the register.

function unitContext(plan: PlanDraft, ctx: LintContext): ResolveContext {
  const code = ctx.issuerCode ?? plan.document.issuer?.unitCode ?? undefined;
  return code ? { withinCode: code } : {};
}

/** A name read against the register, with its suggestions when unknown. */
interface UnitVerdict {
  m: UnitMatch;
  suggestions: string[];
}

/** Names repeat across tasks ("Phòng Văn hóa - Xã hội" in most of them): each distinct name is looked up once. */
type UnitMemo = Map<string, UnitVerdict>;

function unitVerdict(text: string, rctx: ResolveContext, directory: UnitDirectory, memo: UnitMemo): UnitVerdict {
  let v = memo.get(text);
  if (!v) {
    const m = directory.match(text, rctx);
    const unknown = m.how !== 'ambiguous' && m.entry === null;
    v = { m, suggestions: unknown ? directory.suggest(text, rctx, 2).map((s) => s.entry.name) : [] };
    memo.set(text, v);
  }
  return v;
}

function checkUnitRef(ref: UnitRef, loc: FindingLocation, plan: PlanDraft, ctx: LintContext, out: Findings, role: string, memo: UnitMemo): void {
  if (ref.group) return;
  const rctx = unitContext(plan, ctx);
  const { m, suggestions } = unitVerdict(ref.text, rctx, ctx.directory, memo);
  if (m.how === 'ambiguous') {
    out.add('unit.ambiguous', 'warning', loc, `${role} ${quote(ref.text)} là tên dùng chung của nhiều đơn vị; chưa xác định được đơn vị cụ thể.`, 'Ghi tên đầy đủ kèm tên đơn vị hành chính.');
    return;
  }
  if (m.entry === null) {
    out.add(
      'unit.unknown', 'warning', loc,
      `${role} ${quote(ref.text)} không có trong danh mục đơn vị.`,
      suggestions.length ? `Kiểm tra lại tên đơn vị; có thể là: ${suggestions.map(quote).join(' hoặc ')}.` : 'Kiểm tra lại tên đơn vị hoặc bổ sung đơn vị vào danh mục.',
    );
    return;
  }
  const official = m.matched ?? m.entry.name;
  if (m.how === 'case') {
    out.add('unit.capitalization', 'info', loc, `${role} ${quote(ref.text)} viết hoa chưa đúng tên chính thức ${quote(official)}.`, `Viết đúng: ${quote(official)}.`);
  } else if (m.how === 'accent' || m.how === 'typo') {
    out.add('unit.misspelled', 'warning', loc, `${role} ${quote(ref.text)} viết sai so với tên trong danh mục ${quote(official)}.`, `Sửa thành ${quote(official)}.`);
  }
}

function checkUnits(plan: PlanDraft, ctx: LintContext, out: Findings): void {
  const memo: UnitMemo = new Map();
  for (const t of plan.tasks) {
    for (const l of t.lead) checkUnitRef(l, taskLocation(plan, t, 'lead'), plan, ctx, out, `Nhiệm vụ ${t.number}: cơ quan chủ trì`, memo);
    for (const c of t.coordinators) checkUnitRef(c, taskLocation(plan, t, 'coordinators'), plan, ctx, out, `Nhiệm vụ ${t.number}: cơ quan phối hợp`, memo);
  }
  if (!ctx.issuerCode) return;
  // A child plan can only assign its own units.
  for (const t of plan.tasks) {
    for (const l of t.lead) {
      if (l.group || !l.unitCode) continue;
      if (!UnitDirectory.isWithin(l.unitCode, ctx.issuerCode)) {
        const issuer = ctx.directory.getByCode(ctx.issuerCode)?.name ?? ctx.issuerCode;
        out.add('task.lead.outsideIssuer', 'error', taskLocation(plan, t, 'lead'), `Nhiệm vụ ${t.number}: cơ quan chủ trì ${quote(l.text)} không thuộc ${issuer}, nên không thể giao trong kế hoạch này.`, `Giao cho một phòng, đơn vị thuộc ${issuer}; đơn vị ngoài chỉ có thể phối hợp.`);
      }
    }
  }
}

const PLACE_NAME = /(?<![\p{L}])(tỉnh|xã|phường|Tỉnh|Xã|Phường|đặc khu)\s+((?:\p{Lu}[\p{Ll}\p{M}]*)(?:\s+\p{Lu}[\p{Ll}\p{M}]*){0,4})/gu;

interface PlaceSlip {
  /** "phường Nam Sâm Sơn" as written. */
  written: string;
  /** "phường Nam Sầm Sơn" as in the register. */
  official: string;
}

type PlaceKind = 'province' | 'commune' | 'ward';

interface PlaceName {
  shortName: string;
  kind: PlaceKind;
  /** Accent-sensitive comparison form (tone placement and spacing do not count). */
  spelling: string;
}

/** Kinds of unit a written word names: "xã Đồng Tiến" is a commune, "phường Đông Tiến" a ward. */
const PLACE_KINDS: Record<string, PlaceKind[]> = {
  'tỉnh': ['province'],
  'xã': ['commune'],
  'phường': ['ward'],
  'đặc khu': ['commune', 'ward'],
};

const placeSpelling = (s: string) => normalizeToneMarks(normalizeText(s));

/** Province, commune and ward names by folded form, built once per register (lint reads every text against it). */
const placeIndexes = new WeakMap<UnitDirectory, Map<string, PlaceName[]>>();
function placeIndex(directory: UnitDirectory): Map<string, PlaceName[]> {
  let index = placeIndexes.get(directory);
  if (index) return index;
  index = new Map();
  for (const e of directory.entries) {
    if (e.kind !== 'province' && e.kind !== 'commune' && e.kind !== 'ward') continue;
    const key = fold(e.shortName);
    index.set(key, [...(index.get(key) ?? []), { shortName: e.shortName, kind: e.kind, spelling: placeSpelling(e.shortName) }]);
  }
  placeIndexes.set(directory, index);
  return index;
}

/**
 * Administrative unit names in running text ("phường Nam Sâm Sơn") that match no unit of the register but differ
 * from one only in accents. A name that exists as written is never a slip, even when another unit's name folds to
 * the same letters (15724 "xã Đồng Tiến" and 15853 "phường Đông Tiến" are both right).
 */
function placeSlips(text: string, directory: UnitDirectory): PlaceSlip[] {
  const index = placeIndex(directory);
  const out: PlaceSlip[] = [];
  for (const m of text.matchAll(PLACE_NAME)) {
    const kinds = PLACE_KINDS[m[1]!.toLocaleLowerCase('vi')] ?? [];
    const names = m[2]!.split(/\s+/);
    for (let n = names.length; n >= 1; n--) {
      const written = names.slice(0, n).join(' ');
      const all = index.get(fold(written));
      if (!all) continue;
      // Units of the kind written; a name of another kind only when no unit of this kind comes close.
      const sameKind = all.filter((p) => kinds.includes(p.kind));
      const candidates = sameKind.length ? sameKind : all;
      const spelling = placeSpelling(written);
      if (!candidates.some((p) => p.spelling === spelling)) {
        out.push({ written: `${m[1]} ${written}`, official: `${m[1]} ${candidates[0]!.shortName}` });
      }
      break;
    }
  }
  return out;
}

function correctPlaceNames(text: string, directory: UnitDirectory): string {
  let out = text;
  for (const slip of placeSlips(text, directory)) out = out.replace(slip.written, slip.official);
  return out;
}

function checkPlaceNames(plan: PlanDraft, ctx: LintContext, out: Findings): void {
  const all = texts(plan);
  const issuer = plan.document.issuer?.text;
  if (issuer) all.push({ text: issuer, location: { field: 'issuer' } });
  for (const { text, location } of all) {
    for (const slip of placeSlips(text, ctx.directory)) {
      out.add('text.placeName.misspelled', 'warning', location, `Tên đơn vị hành chính viết sai: ${quote(slip.written)}; tên đúng là ${quote(slip.official)}.`, `Sửa thành ${quote(slip.official)}.`);
    }
  }
}

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

const parentWordingCache = new WeakMap<PlanDraft, { sections: PlanDraft['sections']; tasks: PlanDraft['tasks']; wording: ParentWording }>();

/** Computed once per parent: a province plan is linted against each of its 166 children. */
function parentWording(parent: PlanDraft): ParentWording {
  const cached = parentWordingCache.get(parent);
  if (cached && cached.sections === parent.sections && cached.tasks === parent.tasks) return cached.wording;
  const wording: ParentWording = { phrases: new Set(), laws: new Set() };
  for (const { text } of texts(parent)) {
    for (const issue of findPhraseIssues(normalizeText(text))) wording.phrases.add(phraseKey(issue));
  }
  for (const s of parent.sections) for (const b of s.blocks) for (const m of lawMentions(b.text)) wording.laws.add(m.key);
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
          out.add('phrase.missingWord', 'warning', location, `Thiếu chữ trong cụm từ ${quote(issue.found)} (${where}); cụm từ chuẩn là ${quote(issue.expected ?? '')}.${from}`, `Sửa ${quote(issue.found)} thành ${quote(issue.expected ?? '')}.`);
          break;
        case 'misspelled':
          out.add('phrase.misspelled', 'warning', location, `Viết sai cụm từ ${quote(issue.found)} (${where}); cụm từ chuẩn là ${quote(issue.expected ?? '')}.${from}`, `Sửa thành ${quote(issue.expected ?? '')}.`);
          break;
        case 'clashingWords':
          out.add('phrase.clashingWords', 'warning', location, `Thừa từ: hai giới từ ${quote(issue.found)} đứng liền nhau (${where}).${from}`, `Bỏ một trong hai từ ${quote(issue.found)}.`);
          break;
        case 'repeatedWord':
          out.add('phrase.repeatedWord', 'warning', location, `Lặp từ ${quote(issue.found)} (${where}).${from}`, `Bỏ bớt một chữ ${quote(issue.expected ?? '')}.`);
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

const LAW_STOP = new Set(['trên', 'tại', 'ngày', 'về', 'đến', 'theo', 'để', 'trong', 'thì', 'đã', 'được', 'của', 'cho', 'với', 'từ', 'do', 'là', 'có', 'và', 'hoặc']);
/** Words that end a law name only before a number: "Luật Chuyển đổi số" but "Luật … số 134/2025/QH15", "năm 2025". */
const LAW_STOP_BEFORE_NUMBER = new Set(['số', 'năm']);

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
    const joined = words.join(' ').replace(/,$/u, '');
    const name = (amend ? `${m[1]} ${amend[0]}${joined}` : `${m[1]} ${joined}`).replace(/\s+/g, ' ').replace(/[,.;:]+$/u, '');
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
  const counts = new Map<string, { name: string; count: number; forms: Map<string, number> }>();
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
  const display = [...planLaw.forms.entries()].sort((a, b) => b[1] - a[1])[0]![0];

  for (const tl of titleLaws) {
    if (tl.key === planKey) continue;
    const fixed = correctPlaceNames(d.title.replace(tl.name, display), directory);
    out.add(
      'plan.title.lawMismatch', 'error', { field: 'title' },
      `Trích yếu nêu ${quote(tl.name)} nhưng căn cứ và nội dung kế hoạch triển khai ${quote(display)}.`,
      `Sửa trích yếu thành ${quote(fixed)}.`,
    );
  }

  // Other laws named in the body: copied text from another plan, or a law the plan does not implement.
  const legal = new Set(d.basis.filter((b) => b.kind === 'legalBasis').flatMap((b) => lawMentions(`${b.title ?? ''} ${b.text}`).map((m) => m.key)));
  const titleKeys = new Set(titleLaws.map((m) => m.key));
  const body: Located[] = [];
  for (const s of plan.sections) for (const b of s.blocks) body.push({ text: b.text, location: { section: s.number || s.heading, field: 'text', ...(b.line !== undefined ? { line: b.line } : {}) } });
  for (const t of plan.tasks) {
    body.push({ text: t.title, location: taskLocation(plan, t, 'title') });
    if (t.content) body.push({ text: t.content, location: taskLocation(plan, t, 'content') });
  }
  for (const { text, location } of body) {
    for (const m of lawMentions(text)) {
      if (m.key === planKey || legal.has(m.key) || titleKeys.has(m.key)) continue;
      const from = inherited?.laws.has(m.key) ? INHERITED : '';
      out.add('plan.law.otherInBody', 'warning', location, `Nội dung nhắc đến ${quote(m.name)}, khác với luật mà kế hoạch triển khai (${quote(display)}).${from}`, `Kiểm tra lại: thay bằng ${quote(display)} hoặc bỏ nếu không liên quan.`);
    }
  }

  // One law, several spellings: "Luật Trí tuệ Nhân tạo" and "Luật Trí tuệ nhân tạo".
  for (const [, c] of counts) {
    if (c.forms.size < 2) continue;
    const forms = [...c.forms.entries()];
    const preferred = [...forms].sort((a, b) => capitals(a[0]) - capitals(b[0]))[0]![0];
    out.add(
      'plan.law.inconsistentCase', 'info', { field: 'text' },
      `Tên luật được viết không thống nhất: ${forms.map(([f, n]) => `${quote(f)} (${n} lần)`).join(', ')}.`,
      `Viết thống nhất ${quote(preferred)} (theo Nghị định 30/2020/NĐ-CP, tên văn bản chỉ viết hoa chữ cái đầu và danh từ riêng).`,
    );
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
      const parts = [...used.entries()].map(([l, tasks]) => `${quote(l.charAt(0).toUpperCase() + l.slice(1))} (nhiệm vụ ${tasks.join(', ')})`);
      const major = [...used.entries()].sort((a, b) => b[1].length - a[1].length)[0]![0];
      out.add('plan.terms.inconsistent', 'info', { field }, `Cách gọi không thống nhất giữa các nhiệm vụ: ${parts.join(' và ')}.`, `Dùng một cách gọi cho cả kế hoạch, ví dụ ${quote(major.charAt(0).toUpperCase() + major.slice(1))}.`);
    }
  }
  // Pairs of accepted variants that one document should not mix.
  const pairs: Array<[string, string, string]> = [
    ['hằng năm', 'hàng năm', 'hằng năm'],
    ['bảo đảm', 'đảm bảo', 'bảo đảm'],
  ];
  const all = texts(plan).map((x) => x.text).concat(plan.tasks.map((t) => t.timeframe.text));
  const lower = all.map((t) => normalizeToneMarks(normalizeText(t)).toLowerCase());
  for (const [a, b, preferred] of pairs) {
    const re = (w: string) => new RegExp(`(?<![\\p{L}])${w}(?![\\p{L}])`, 'gu');
    const ca = lower.reduce((n, t) => n + (t.match(re(a))?.length ?? 0), 0);
    const cb = lower.reduce((n, t) => n + (t.match(re(b))?.length ?? 0), 0);
    if (ca > 0 && cb > 0) {
      out.add('plan.terms.inconsistent', 'info', { field: 'text' }, `Dùng lẫn ${quote(a)} (${ca} lần) và ${quote(b)} (${cb} lần) trong cùng kế hoạch.`, `Dùng thống nhất ${quote(preferred)}.`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Header, status, recipients.

function checkHeader(plan: PlanDraft, ctx: LintContext, out: Findings): void {
  const d = plan.document;
  if (!d.title.trim()) out.add('plan.title.missing', 'error', { field: 'title' }, 'Kế hoạch chưa có trích yếu.', 'Ghi trích yếu dưới tên loại văn bản, ví dụ "Triển khai thi hành Luật … trên địa bàn …".');
  if (!d.issuer) out.add('plan.issuer.missing', 'warning', { field: 'issuer' }, 'Chưa xác định được cơ quan ban hành kế hoạch.', 'Ghi tên cơ quan ban hành ở góc trái phần đầu văn bản.');
  if (!d.place) out.add('plan.place.missing', 'info', { field: 'place' }, 'Chưa có địa danh và ngày tháng ban hành.', 'Ghi địa danh, ngày tháng năm ở phần đầu văn bản (ví dụ "Thanh Hóa, ngày … tháng … năm 2026").');
  if (ctx.status === 'issued') {
    const missing = [d.number ? null : 'số', d.date ? null : 'ngày ban hành'].filter(Boolean);
    if (missing.length) {
      out.add('plan.issued.numberMissing', 'error', { field: d.number ? 'date' : 'number' }, `Kế hoạch đã ban hành nhưng chưa có ${missing.join(' và ')}.`, 'Cập nhật số, ký hiệu và ngày ban hành theo văn bản đã ký.');
    }
  }
  if (plan.tasks.length === 0) out.add('plan.tasks.missing', 'warning', {}, 'Kế hoạch chưa có nhiệm vụ nào được phân công.', 'Bổ sung các nhiệm vụ với cơ quan chủ trì, thời gian và sản phẩm.');
}

const REPORT_TO = /báo cáo\s+(?:về\s+)?((?:Chủ tịch\s+)?(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Sở|Bộ|Thủ tướng)[^.;()]*?)(?=\s+(?:theo quy định|xem xét|để|kết quả|tình hình)|[.;()]|$)/gu;

/** Units the plan reports to (named in its text) should receive it ("Nơi nhận"). */
function checkRecipients(plan: PlanDraft, ctx: LintContext, out: Findings): void {
  const d = plan.document;
  if (d.recipients.length === 0) return;
  const rctx = unitContext(plan, ctx);
  const issuerCode = ctx.issuerCode ?? d.issuer?.unitCode ?? null;
  // Recipients are compared as units, not as strings: "- Sở Khoa học và Công nghệ tỉnh (để b/c);" is the Sở
  // Khoa học và Công nghệ that the text asks to report to.
  const received = new Set<string>();
  const receivedNames: string[] = [];
  for (const r of d.recipients) {
    const name = cleanWritten(r);
    receivedNames.push(`${canonicalName(name)} `);
    const ref = ctx.directory.resolve(name, rctx);
    if (ref.unitCode) received.add(ref.unitCode);
    else for (const part of ctx.directory.resolveList(name, rctx)) if (part.unitCode) received.add(part.unitCode);
  }
  // A recipient line that starts with the unit's name ("Sở Khoa học và Công nghệ tỉnh Thanh Hóa (b/c)").
  const namedInRecipients = (ref: UnitRef) => [ref.unitName, cleanWritten(ref.text)].some((n) => {
    const c = n ? canonicalName(n) : '';
    return c.includes(' ') && receivedNames.some((r) => r.startsWith(`${c} `));
  });
  const reported = new Set<string>();
  for (const s of plan.sections) {
    if (s.kind !== 'organisation') continue;
    for (const b of s.blocks) {
      // One space between words: the lazy name before the look-ahead would otherwise retry every space of a run.
      for (const m of normalizeText(b.text).matchAll(REPORT_TO)) {
        for (const ref of ctx.directory.resolveList(m[1]!, rctx)) {
          if (!ref.unitCode || ref.group) continue;
          if (issuerCode && ref.unitCode === issuerCode) continue;
          if (received.has(ref.unitCode) || reported.has(ref.unitCode) || namedInRecipients(ref)) continue;
          reported.add(ref.unitCode);
          const loc: FindingLocation = { section: s.number, field: 'recipients', ...(b.line !== undefined ? { line: b.line } : {}) };
          out.add('plan.recipients.missingReportee', 'warning', loc, `Kế hoạch yêu cầu báo cáo ${quote(ref.text)} nhưng ${quote(ref.unitName ?? ref.text)} không có trong Nơi nhận.`, `Bổ sung vào Nơi nhận: "- ${ref.unitName ?? ref.text} (để b/c);".`);
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// A child plan against its parent.

const STOP_WORDS = new Set(['va', 'cua', 'cac', 've', 'trong', 'theo', 'duoc', 'cho', 'tai', 'voi', 'luat', 'nhung', 'thuc', 'hien']);

function words(s: string): Set<string> {
  return new Set(fold(s).replace(/[^a-z0-9 ]+/g, ' ').split(/\s+/).filter((w) => w.length > 1 && !STOP_WORDS.has(w)));
}

function similarity(a: string, b: string): number {
  return setSimilarity(words(a), words(b));
}

function setSimilarity(wa: Set<string>, wb: Set<string>): number {
  if (wa.size === 0 || wb.size === 0) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return (2 * shared) / (wa.size + wb.size);
}

/**
 * Whether a parent task is taken up by a child task: linked to it, worded alike, or under the same number and
 * worded somewhat alike. The child's titles are read once and indexed by word, so each parent task is compared only
 * with the child tasks that share a word with it (a title sharing none has similarity 0).
 */
function childCoverage(tasks: Task[]): (parentTask: Task) => boolean {
  const linked = new Set(tasks.map((t) => t.parentTask?.number).filter((n): n is string => n !== undefined));
  const sets = tasks.map((t) => words(t.title));
  const byWord = new Map<string, number[]>();
  const byNumber = new Map<string, number[]>();
  sets.forEach((set, i) => {
    for (const w of set) {
      const list = byWord.get(w);
      if (list) list.push(i);
      else byWord.set(w, [i]);
    }
    const same = byNumber.get(tasks[i]!.number);
    if (same) same.push(i);
    else byNumber.set(tasks[i]!.number, [i]);
  });
  return (pt) => {
    if (linked.has(pt.number)) return true;
    const pw = words(pt.title);
    const shared = new Map<number, number>();
    for (const w of pw) {
      for (const i of byWord.get(w) ?? []) {
        work.steps++;
        shared.set(i, (shared.get(i) ?? 0) + 1);
      }
    }
    for (const [i, n] of shared) if ((2 * n) / (pw.size + sets[i]!.size) >= 0.5) return true;
    return (byNumber.get(pt.number) ?? []).some((i) => setSimilarity(sets[i]!, pw) >= 0.3);
  };
}

function checkParent(plan: PlanDraft, ctx: LintContext, out: Findings): void {
  const parent = ctx.parent;
  if (!parent) return;
  const p = parent.document;
  const refs = plan.document.basis.filter((b) => b.kind === 'implements' && (b.number !== null || b.symbol !== null));
  const ident = `${p.number ?? '…'}/${p.symbol ?? '…'}`;
  if (refs.length === 0) {
    out.add('plan.basis.parentMissing', 'warning', { field: 'basis' }, `Kế hoạch không nêu căn cứ là kế hoạch cấp trên (số ${ident}).`, `Bổ sung câu mở đầu "Thực hiện Kế hoạch số ${ident}…".`);
    return;
  }
  const sameSymbol = (a: string | null, b: string | null) => a !== null && b !== null && fold(a) === fold(b);
  const ref = refs.find((r) => sameSymbol(r.symbol, p.symbol) && r.number === p.number)
    ?? refs.find((r) => sameSymbol(r.symbol, p.symbol))
    ?? refs.find((r) => r.documentType === p.type)
    ?? refs[0]!;
  if (p.number === null || p.date === null) {
    out.add('plan.basis.parentUnnumbered', 'info', { field: 'basis' }, 'Kế hoạch cấp trên chưa có số hoặc ngày ban hành; chưa đối chiếu được căn cứ.', null);
  }
  const wrong: string[] = [];
  if (p.number !== null && ref.number !== null && ref.number.replace(/^0+/, '') !== p.number.replace(/^0+/, '')) wrong.push(`số ${ref.number} (kế hoạch cấp trên: ${p.number})`);
  if (p.symbol !== null && ref.symbol !== null && !sameSymbol(ref.symbol, p.symbol)) wrong.push(`ký hiệu ${ref.symbol} (kế hoạch cấp trên: ${p.symbol})`);
  if (p.date !== null && ref.date !== null && ref.date !== p.date) wrong.push(`ngày ${formatDate(ref.date)} (kế hoạch cấp trên: ${formatDate(p.date)})`);
  if (ref.issuer && p.issuer?.unitCode) {
    const issuer = ctx.directory.resolve(ref.issuer);
    if (issuer.unitCode && issuer.unitCode !== p.issuer.unitCode) wrong.push(`cơ quan ban hành ${ref.issuer} (kế hoạch cấp trên: ${p.issuer.unitName ?? p.issuer.text})`);
  }
  if (wrong.length) {
    out.add('plan.basis.parentMismatch', 'warning', { field: 'basis' }, `Căn cứ ${quote(ref.text)} không khớp kế hoạch cấp trên: ${wrong.join('; ')}.`, `Sửa căn cứ theo đúng kế hoạch cấp trên: số ${ident}${p.date ? ` ngày ${formatDate(p.date)}` : ''}.`);
  }
  if (ref.title && p.title && similarity(ref.title, p.title) < 0.6) {
    out.add('plan.basis.parentTitle', 'info', { field: 'basis' }, `Trích yếu kế hoạch cấp trên được dẫn là ${quote(ref.title)}, khác với ${quote(p.title)}.`, null);
  }

  // Every parent task should be taken up by a child task.
  const covers = childCoverage(plan.tasks);
  for (const pt of parent.tasks) {
    if (!covers(pt)) {
      out.add('cascade.parentTask.uncovered', 'warning', { task: pt.number, field: 'tasks' }, `Nhiệm vụ ${pt.number} của kế hoạch cấp trên (${quote(pt.title)}) chưa có nhiệm vụ tương ứng trong kế hoạch này.`, 'Bổ sung nhiệm vụ triển khai tương ứng, hoặc ghi rõ lý do không thực hiện ở cấp này.');
    }
  }
}

function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
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
  checkTerms(plan, out);
  checkRecipients(plan, ctx, out);
  checkParent(plan, ctx, out);
  return out.list;
}
