// Queries on plans and their tasks. Plans are stored as rows (status, numbers, links) plus their JSON parts.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { DocumentHeader, Finding, PlanDraft, Schedule, Section, Task, TaskGroup, UnitRef, Unplaced } from '../../domain/plan/model.ts';
import type { TaskSnapshot } from '../../domain/plan/cascade.ts';
import type { Tx } from '../context.ts';
import { indexEntity } from '../search/index.ts';

type Q = Kysely<DB> | Tx;

export const PLAN_COLUMNS = ['id', 'unit_id', 'parent_plan_id', 'amends_plan_id', 'status', 'version', 'doc_type', 'number', 'symbol', 'issued_date',
  'year', 'title', 'header', 'sections', 'groups', 'source_name', 'unplaced', 'published', 'created_by', 'created_at', 'updated_at',
  'submitted_at', 'approved_by', 'approved_at', 'issued_at', 'return_reason', 'findings', 'findings_register'] as const;

export interface PlanRow {
  id: number; unit_id: number; parent_plan_id: number | null; amends_plan_id: number | null; status: string; version: number; doc_type: string;
  number: string | null; symbol: string | null; issued_date: string | null; year: number | null; title: string; header: unknown; sections: unknown;
  groups: unknown; source_name: string | null; unplaced: unknown; published: boolean; created_by: number | null; created_at: Date; updated_at: Date;
  submitted_at: Date | null; approved_by: number | null; approved_at: Date | null; issued_at: Date | null; return_reason: string | null;
  /** Finding[] stored at the last write (null until computed); see findings.ts. */
  findings: unknown; findings_register: string | null;
}

export interface TaskRow {
  id: number; plan_id: number; ordinal: number; number: string; group_number: string | null; title: string; content: string | null;
  lead: unknown; coordinators: unknown; timeframe_text: string; schedule: unknown; deliverables: unknown; notes: string | null;
  lead_unit_id: number | null; parent_task_id: number | null; parent_snapshot: unknown; parent_change: unknown;
}

export async function getPlan(db: Q, id: number): Promise<PlanRow | undefined> {
  return db.selectFrom('plan').select(PLAN_COLUMNS).where('id', '=', id).executeTakeFirst() as Promise<PlanRow | undefined>;
}

export async function getTask(db: Q, id: number): Promise<TaskRow | undefined> {
  return db.selectFrom('plan_task').selectAll().where('id', '=', id).executeTakeFirst() as Promise<TaskRow | undefined>;
}

export async function getTasks(db: Q, planId: number): Promise<TaskRow[]> {
  return db.selectFrom('plan_task').selectAll().where('plan_id', '=', planId).orderBy('ordinal').execute() as Promise<TaskRow[]>;
}

export function taskFromRow(r: TaskRow, parentPlanId: number | null, parentNumber: string | null): Task {
  return {
    number: r.number, title: r.title, content: r.content, lead: r.lead as UnitRef[], coordinators: r.coordinators as UnitRef[],
    timeframe: { text: r.timeframe_text, schedule: (r.schedule as Schedule | null) ?? null }, deliverables: r.deliverables as string[],
    notes: r.notes, groupNumber: r.group_number, parentTask: parentNumber ? { planId: parentPlanId, number: parentNumber } : null,
  };
}

/** The plan's JSON form, from its rows (documents are always rendered from this, never from SQL rows). */
export async function loadDraft(db: Q, plan: PlanRow): Promise<{ draft: PlanDraft; tasks: TaskRow[] }> {
  const tasks = await getTasks(db, plan.id);
  const parentIds = tasks.map((t) => t.parent_task_id).filter((x): x is number => x !== null);
  const parentNumbers = new Map<number, string>();
  if (parentIds.length) {
    for (const p of await db.selectFrom('plan_task').select(['id', 'number']).where('id', 'in', parentIds).execute()) parentNumbers.set(p.id, p.number);
  }
  const draft: PlanDraft = {
    document: plan.header as DocumentHeader,
    sections: plan.sections as Section[],
    groups: plan.groups as TaskGroup[],
    tasks: tasks.map((t) => taskFromRow(t, plan.parent_plan_id, t.parent_task_id ? parentNumbers.get(t.parent_task_id) ?? null : null)),
    findings: [],
    unplaced: plan.unplaced as Unplaced[],
  };
  return { draft, tasks };
}

export interface TaskLink {
  parentTaskId: number | null;
  parentSnapshot: TaskSnapshot | null;
}

export function taskValues(planId: number, t: Task, i: number, link: TaskLink) {
  return {
    plan_id: planId, ordinal: i, number: t.number, group_number: t.groupNumber, title: t.title, content: t.content,
    lead: JSON.stringify(t.lead), coordinators: JSON.stringify(t.coordinators), timeframe_text: t.timeframe.text,
    schedule: t.timeframe.schedule ? JSON.stringify(t.timeframe.schedule) : null, deliverables: JSON.stringify(t.deliverables), notes: t.notes,
    lead_unit_id: t.lead.find((r) => r.unitId !== null)?.unitId ?? null,
    parent_task_id: link.parentTaskId, parent_snapshot: link.parentSnapshot ? JSON.stringify(link.parentSnapshot) : null,
  };
}

export function planValues(unitId: number, d: PlanDraft) {
  return {
    unit_id: unitId, doc_type: d.document.type || 'KH', number: d.document.number, symbol: d.document.symbol, issued_date: d.document.date,
    year: d.document.year ?? (d.document.date ? Number(d.document.date.slice(0, 4)) : null), title: d.document.title,
    header: JSON.stringify(d.document), sections: JSON.stringify(d.sections), groups: JSON.stringify(d.groups), unplaced: JSON.stringify(d.unplaced),
  };
}

export async function reindexPlan(tx: Tx, plan: { id: number; unit_id: number; published: boolean; title: string; number: string | null; symbol: string | null }, tasks: Task[]): Promise<void> {
  await indexEntity(tx, 'plan', plan.id, plan.unit_id, [
    { text: plan.title, weight: 1, label: 'title' },
    ...(plan.number && plan.symbol ? [{ text: `${plan.number}/${plan.symbol}`, weight: 1, label: 'number' }] : []),
    ...tasks.map((t) => ({ text: t.title, weight: 0.6, label: 'task' })),
  ], plan.published);
}

export interface PlanListFilter {
  scopeRoots: number[] | 'all';
  unitId?: number;
  status?: string;
  year?: number;
  ids?: number[];
  parentPlanId?: number;
  limit: number;
  offset: number;
}

/** One page of the plans matching the filter, and how many match in all. */
export async function listPlans(db: Q, f: PlanListFilter) {
  let q = db.selectFrom('plan as p').innerJoin('unit as u', 'u.id', 'p.unit_id');
  if (f.scopeRoots !== 'all') {
    const roots = f.scopeRoots;
    q = q.where((eb) => roots.length
      ? eb.or([eb('p.published', '=', true), eb(sql<boolean>`u.path && ${sql.val(roots)}::integer[]`, '=', true)])
      : eb('p.published', '=', true));
  }
  if (f.unitId) q = q.where(sql<boolean>`u.path @> ARRAY[${f.unitId}]::integer[]`);
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.year) q = q.where('p.year', '=', f.year);
  if (f.ids) q = f.ids.length ? q.where('p.id', 'in', f.ids) : q.where(sql<boolean>`false`);
  if (f.parentPlanId) q = q.where('p.parent_plan_id', '=', f.parentPlanId);
  const [rows, count] = await Promise.all([
    q.select(['p.id', 'p.unit_id', 'u.name as unit_name', 'u.kind as unit_kind', 'p.parent_plan_id', 'p.status', 'p.version', 'p.number', 'p.symbol',
      'p.issued_date', 'p.year', 'p.title', 'p.published', 'p.updated_at',
      (eb) => eb.selectFrom('plan_task as t').select(eb.fn.countAll<number>().as('n')).whereRef('t.plan_id', '=', 'p.id').as('task_count'),
      (eb) => eb.selectFrom('plan as c').select(eb.fn.countAll<number>().as('n')).whereRef('c.parent_plan_id', '=', 'p.id').as('child_count')])
      .orderBy('p.updated_at', 'desc').orderBy('p.id', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

// ---------------------------------------------------------------- stored findings

export interface StoredFindings {
  findings: Finding[];
  /** Signature of the unit register they were checked against. */
  register: string;
}

export async function saveFindings(db: Q, planId: number, stored: StoredFindings): Promise<void> {
  await db.updateTable('plan').set({ findings: JSON.stringify(stored.findings), findings_register: stored.register }).where('id', '=', planId).execute();
}

export async function saveVersionFindings(db: Q, planId: number, version: number, findings: Finding[]): Promise<void> {
  await db.updateTable('plan_version').set({ findings: JSON.stringify(findings) }).where('plan_id', '=', planId).where('version', '=', version).execute();
}

/** Plans whose findings were never computed, and open plans (not yet issued) checked against another register. */
export async function plansWithStaleFindings(db: Q, register: string): Promise<PlanRow[]> {
  return db.selectFrom('plan').select(PLAN_COLUMNS)
    .where((eb) => eb.or([
      eb('findings', 'is', null),
      eb.and([eb('status', 'in', ['draft', 'submitted', 'approved']), eb.or([eb('findings_register', 'is', null), eb('findings_register', '!=', register)])]),
    ]))
    .orderBy('id').execute() as Promise<PlanRow[]>;
}

/** Plans implementing this one (their findings compare with it). */
export async function childPlans(db: Q, parentId: number): Promise<PlanRow[]> {
  return db.selectFrom('plan').select(PLAN_COLUMNS).where('parent_plan_id', '=', parentId).orderBy('id').execute() as Promise<PlanRow[]>;
}
