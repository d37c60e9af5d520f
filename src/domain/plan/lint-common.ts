// What every part of the review shares: the context, the list of findings, and where each text of a plan sits. Pure.
import type { UnitDirectory } from '../org/resolve.ts';
import type { Finding, FindingLocation, PlanDraft, Severity, Task } from './model.ts';

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
export interface Located {
  text: string;
  location: FindingLocation;
}

export class Findings {
  readonly list: Finding[] = [];
  private readonly seen = new Set<string>();

  add(code: string, severity: Severity, location: FindingLocation, message: string, fix: string | null = null): void {
    const key = `${code}|${location.section ?? ''}|${location.task ?? ''}|${location.field ?? ''}|${location.line ?? ''}|${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({ code, severity, location, message, fix });
  }
}

export function quote(s: string): string {
  return `“${s}”`;
}

export function contentSection(plan: PlanDraft): string | undefined {
  return plan.sections.find((s) => s.kind === 'content')?.number || undefined;
}

export function taskLocation(plan: PlanDraft, task: Task, field?: string): FindingLocation {
  const loc: FindingLocation = { task: task.number };
  const section = contentSection(plan);
  if (section) loc.section = section;
  if (task.line !== undefined) loc.line = task.line;
  if (field) loc.field = field;
  return loc;
}

/** Every text of the plan with its location: title, basis, sections, tasks. */
export function texts(plan: PlanDraft): Located[] {
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
