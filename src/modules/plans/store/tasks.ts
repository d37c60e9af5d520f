// Queries on a plan's tasks and the links from a commune's task to the province task it implements.
import type { Kysely, Updateable } from 'kysely';
import type { DB, PlanTaskTable } from '../../../db/schema.ts';
import type {
  DocumentHeader,
  PlanDraft,
  Schedule,
  Section,
  Task,
  TaskGroup,
  UnitRef,
  Unplaced,
} from '../../../domain/plan/model.ts';
import type { TaskSnapshot } from '../../../domain/plan/cascade.ts';
import type { Tx } from '../../context.ts';
import type { PlanRow } from './plans.ts';

type Q = Kysely<DB> | Tx;

export interface TaskRow {
  id: number;
  plan_id: number;
  ordinal: number;
  number: string;
  group_number: string | null;
  title: string;
  content: string | null;
  lead: unknown;
  coordinators: unknown;
  timeframe_text: string;
  schedule: unknown;
  deliverables: unknown;
  notes: string | null;
  lead_unit_id: number | null;
  parent_task_id: number | null;
  parent_snapshot: unknown;
  parent_change: unknown;
}

export async function getTask(db: Q, id: number): Promise<TaskRow | undefined> {
  return db.selectFrom('plan_task').selectAll().where('id', '=', id).executeTakeFirst() as Promise<TaskRow | undefined>;
}

export async function getTasks(db: Q, planId: number): Promise<TaskRow[]> {
  return db.selectFrom('plan_task').selectAll().where('plan_id', '=', planId).orderBy('ordinal').execute() as Promise<
    TaskRow[]
  >;
}

export function taskFromRow(r: TaskRow, parentPlanId: number | null, parentNumber: string | null): Task {
  return {
    number: r.number,
    title: r.title,
    content: r.content,
    lead: r.lead as UnitRef[],
    coordinators: r.coordinators as UnitRef[],
    timeframe: { text: r.timeframe_text, schedule: (r.schedule as Schedule | null) ?? null },
    deliverables: r.deliverables as string[],
    notes: r.notes,
    groupNumber: r.group_number,
    parentTask: parentNumber ? { planId: parentPlanId, number: parentNumber } : null,
  };
}

/** The plan's JSON form, from its rows (documents are always rendered from this, never from SQL rows). */
export async function loadDraft(db: Q, plan: PlanRow): Promise<{ draft: PlanDraft; tasks: TaskRow[] }> {
  const tasks = await getTasks(db, plan.id);
  const parentIds = tasks.map((t) => t.parent_task_id).filter((x): x is number => x !== null);
  const parentNumbers = new Map<number, string>();
  if (parentIds.length) {
    for (const p of await db.selectFrom('plan_task').select(['id', 'number']).where('id', 'in', parentIds).execute())
      parentNumbers.set(p.id, p.number);
  }
  const numbered = tasks.map((t) => ({
    ...t,
    parent_number: t.parent_task_id ? (parentNumbers.get(t.parent_task_id) ?? null) : null,
  }));
  return { draft: draftFromRows(plan, numbered), tasks };
}

/** The plan's JSON form from its row and its task rows in order, each with the number of the parent task it implements. */
export function draftFromRows(plan: PlanRow, tasks: Array<TaskRow & { parent_number: string | null }>): PlanDraft {
  return {
    document: plan.header as DocumentHeader,
    sections: plan.sections as Section[],
    groups: plan.groups as TaskGroup[],
    tasks: tasks.map((t) => taskFromRow(t, plan.parent_plan_id, t.parent_number)),
    findings: [],
    unplaced: plan.unplaced as Unplaced[],
  };
}

export interface TaskLink {
  parentTaskId: number | null;
  parentSnapshot: TaskSnapshot | null;
}

export function taskValues(planId: number, t: Task, i: number, link: TaskLink) {
  return {
    plan_id: planId,
    ordinal: i,
    number: t.number,
    group_number: t.groupNumber,
    title: t.title,
    content: t.content,
    lead: JSON.stringify(t.lead),
    coordinators: JSON.stringify(t.coordinators),
    timeframe_text: t.timeframe.text,
    schedule: t.timeframe.schedule ? JSON.stringify(t.timeframe.schedule) : null,
    deliverables: JSON.stringify(t.deliverables),
    notes: t.notes,
    lead_unit_id: t.lead.find((r) => r.unitId !== null)?.unitId ?? null,
    parent_task_id: link.parentTaskId,
    parent_snapshot: link.parentSnapshot ? JSON.stringify(link.parentSnapshot) : null,
  };
}

export type TaskValues = ReturnType<typeof taskValues>;

export async function insertTasks(tx: Tx, rows: TaskValues[]): Promise<void> {
  if (rows.length) await tx.insertInto('plan_task').values(rows).execute();
}

/** Changes one task's columns (its text as edited, or its link to the parent task). */
export async function updateTask(tx: Tx, id: number, patch: Updateable<PlanTaskTable>): Promise<void> {
  await tx.updateTable('plan_task').set(patch).where('id', '=', id).execute();
}

export async function deleteTasks(tx: Tx, ids: number[]): Promise<void> {
  await tx.deleteFrom('plan_task').where('id', 'in', ids).execute();
}

/** Whether a commune task implements one of these tasks (such a task may not be removed). */
export async function anyTaskImplements(db: Q, parentTaskIds: number[]): Promise<boolean> {
  return !!(await db
    .selectFrom('plan_task')
    .select('id')
    .where('parent_task_id', 'in', parentTaskIds)
    .executeTakeFirst());
}

/** The commune tasks implementing a province task, with the parent's state they last accepted. */
export async function tasksImplementing(
  db: Q,
  parentTaskId: number,
): Promise<Array<{ id: number; parent_snapshot: unknown }>> {
  return db
    .selectFrom('plan_task')
    .select(['id', 'parent_snapshot'])
    .where('parent_task_id', '=', parentTaskId)
    .execute();
}
