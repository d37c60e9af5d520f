// Review of a child plan against the plan it implements: the basis that names the parent, and every parent task
// taken up. Pure.
import { fold } from '../text.ts';
import type { PlanDraft, Task } from './model.ts';
import { work } from '../work.ts';
import { type Findings, quote, type LintContext } from './lint-common.ts';

const STOP_WORDS = new Set([
  'va',
  'cua',
  'cac',
  've',
  'trong',
  'theo',
  'duoc',
  'cho',
  'tai',
  'voi',
  'luat',
  'nhung',
  'thuc',
  'hien',
]);

function words(s: string): Set<string> {
  return new Set(
    fold(s)
      .replace(/[^a-z0-9 ]+/g, ' ')
      .split(/\s+/)
      .filter((w) => w.length > 1 && !STOP_WORDS.has(w)),
  );
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

export function checkParent(plan: PlanDraft, ctx: LintContext, out: Findings): void {
  const parent = ctx.parent;
  if (!parent) return;
  const p = parent.document;
  const refs = plan.document.basis.filter((b) => b.kind === 'implements' && (b.number !== null || b.symbol !== null));
  const ident = `${p.number ?? '…'}/${p.symbol ?? '…'}`;
  if (refs.length === 0) {
    out.add(
      'plan.basis.parentMissing',
      'warning',
      { field: 'basis' },
      `Kế hoạch không nêu căn cứ là kế hoạch cấp trên (số ${ident}).`,
      `Bổ sung câu mở đầu "Thực hiện Kế hoạch số ${ident}…".`,
    );
    return;
  }
  const sameSymbol = (a: string | null, b: string | null) => a !== null && b !== null && fold(a) === fold(b);
  const ref =
    refs.find((r) => sameSymbol(r.symbol, p.symbol) && r.number === p.number) ??
    refs.find((r) => sameSymbol(r.symbol, p.symbol)) ??
    refs.find((r) => r.documentType === p.type) ??
    refs[0]!;
  if (p.number === null || p.date === null) {
    out.add(
      'plan.basis.parentUnnumbered',
      'info',
      { field: 'basis' },
      'Kế hoạch cấp trên chưa có số hoặc ngày ban hành; chưa đối chiếu được căn cứ.',
      null,
    );
  }
  const wrong: string[] = [];
  if (p.number !== null && ref.number !== null && ref.number.replace(/^0+/, '') !== p.number.replace(/^0+/, ''))
    wrong.push(`số ${ref.number} (kế hoạch cấp trên: ${p.number})`);
  if (p.symbol !== null && ref.symbol !== null && !sameSymbol(ref.symbol, p.symbol))
    wrong.push(`ký hiệu ${ref.symbol} (kế hoạch cấp trên: ${p.symbol})`);
  if (p.date !== null && ref.date !== null && ref.date !== p.date)
    wrong.push(`ngày ${formatDate(ref.date)} (kế hoạch cấp trên: ${formatDate(p.date)})`);
  if (ref.issuer && p.issuer?.unitCode) {
    const issuer = ctx.directory.resolve(ref.issuer);
    if (issuer.unitCode && issuer.unitCode !== p.issuer.unitCode)
      wrong.push(`cơ quan ban hành ${ref.issuer} (kế hoạch cấp trên: ${p.issuer.unitName ?? p.issuer.text})`);
  }
  if (wrong.length) {
    out.add(
      'plan.basis.parentMismatch',
      'warning',
      { field: 'basis' },
      `Căn cứ ${quote(ref.text)} không khớp kế hoạch cấp trên: ${wrong.join('; ')}.`,
      `Sửa căn cứ theo đúng kế hoạch cấp trên: số ${ident}${p.date ? ` ngày ${formatDate(p.date)}` : ''}.`,
    );
  }
  if (ref.title && p.title && similarity(ref.title, p.title) < 0.6) {
    out.add(
      'plan.basis.parentTitle',
      'info',
      { field: 'basis' },
      `Trích yếu kế hoạch cấp trên được dẫn là ${quote(ref.title)}, khác với ${quote(p.title)}.`,
      null,
    );
  }

  // Every parent task should be taken up by a child task.
  const covers = childCoverage(plan.tasks);
  for (const pt of parent.tasks) {
    if (!covers(pt)) {
      out.add(
        'cascade.parentTask.uncovered',
        'warning',
        { task: pt.number, field: 'tasks' },
        `Nhiệm vụ ${pt.number} của kế hoạch cấp trên (${quote(pt.title)}) chưa có nhiệm vụ tương ứng trong kế hoạch này.`,
        'Bổ sung nhiệm vụ triển khai tương ứng, hoặc ghi rõ lý do không thực hiện ở cấp này.',
      );
    }
  }
}

export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
