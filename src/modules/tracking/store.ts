// Queries on assignments, progress updates, deliverables and evidence files (obstacles: store/obstacles.ts), and the
// reads of an issued plan's tasks its assignments are made from (plans' entry loads tracking's: reading them through
// it would be a cycle).
// No permission logic here: that is the use cases' job.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { PlanStatus, Schedule, UnitRef } from '../../domain/plan/model.ts';
import type { UpdateFact } from '../../domain/tracking/assignment.ts';
import type { DeliverableKind } from '../../domain/tracking/model.ts';
import type { Tx } from '../context.ts';

export * from './store/obstacles.ts';

type Q = Kysely<DB> | Tx;

/** An assignment with its unit, task and plan: what every use case needs to decide and to show. */
export interface AssignmentRow {
  id: number;
  role: 'lead' | 'coordinator';
  percent: number;
  completed_on: string | null;
  last_update_at: Date | null;
  created_at: Date;
  unit_id: number;
  unit_name: string;
  unit_code: string;
  unit_kind: string;
  unit_path: number[];
  task_id: number;
  task_ordinal: number;
  task_number: string;
  task_title: string;
  task_content: string | null;
  task_lead: UnitRef[];
  task_coordinators: UnitRef[];
  timeframe_text: string;
  schedule: Schedule | null;
  task_deliverables: string[];
  plan_id: number;
  plan_title: string;
  plan_number: string | null;
  plan_symbol: string | null;
  plan_issued_date: string | null;
  plan_status: PlanStatus;
  plan_unit_id: number;
  plan_unit_name: string;
  plan_unit_path: number[];
}

function assignmentQuery(db: Q) {
  return db
    .selectFrom('assignment as a')
    .innerJoin('unit as u', 'u.id', 'a.unit_id')
    .innerJoin('plan_task as t', 't.id', 'a.task_id')
    .innerJoin('plan as p', 'p.id', 'a.plan_id')
    .innerJoin('unit as pu', 'pu.id', 'p.unit_id')
    .select([
      'a.id',
      'a.role',
      'a.percent',
      'a.completed_on',
      'a.last_update_at',
      'a.created_at',
      'u.id as unit_id',
      'u.name as unit_name',
      'u.code as unit_code',
      'u.kind as unit_kind',
      'u.path as unit_path',
      't.id as task_id',
      't.ordinal as task_ordinal',
      't.number as task_number',
      't.title as task_title',
      't.content as task_content',
      't.lead as task_lead',
      't.coordinators as task_coordinators',
      't.timeframe_text',
      't.schedule',
      't.deliverables as task_deliverables',
      'p.id as plan_id',
      'p.title as plan_title',
      'p.number as plan_number',
      'p.symbol as plan_symbol',
      'p.issued_date as plan_issued_date',
      'p.status as plan_status',
      'pu.id as plan_unit_id',
      'pu.name as plan_unit_name',
      'pu.path as plan_unit_path',
    ]);
}

export async function getAssignment(db: Q, id: number): Promise<AssignmentRow | undefined> {
  return assignmentQuery(db).where('a.id', '=', id).executeTakeFirst() as Promise<AssignmentRow | undefined>;
}

export interface AssignmentFilter {
  /** Units whose subtrees may be listed ('all' for a system administrator). */
  scopeRoots: number[] | 'all';
  /** Only this unit and the units below it. */
  unitId?: number;
  /** Only this plan (any status); otherwise only plans in force (issued). */
  planId?: number;
}

export async function listAssignments(db: Q, f: AssignmentFilter): Promise<AssignmentRow[]> {
  if (f.scopeRoots !== 'all' && f.scopeRoots.length === 0) return [];
  let q = assignmentQuery(db);
  if (f.scopeRoots !== 'all') q = q.where(sql<boolean>`u.path && ${sql.val(f.scopeRoots)}::integer[]`);
  if (f.unitId) q = q.where(sql<boolean>`u.path @> ARRAY[${f.unitId}]::integer[]`);
  q = f.planId ? q.where('a.plan_id', '=', f.planId) : q.where('p.status', '=', 'issued');
  return q.orderBy('p.id').orderBy('t.ordinal').orderBy('a.role', 'desc').orderBy('u.name').execute() as Promise<
    AssignmentRow[]
  >;
}

// ---------------------------------------------------------------------------------------------------------------
// Assignments of an issued plan: its tasks as issued, and the assignments an amendment carries over

/** The plan being issued, as its notifications name it. */
export async function getPlanHeading(db: Q, planId: number) {
  return db
    .selectFrom('plan')
    .select(['id', 'unit_id', 'title', 'number', 'symbol'])
    .where('id', '=', planId)
    .executeTakeFirst();
}

/** The tasks of a plan in their order, with the units they name (lead and coordinators). */
export async function listTasksToAssign(db: Q, planId: number) {
  return db
    .selectFrom('plan_task')
    .select(['id', 'number', 'title', 'lead', 'coordinators'])
    .where('plan_id', '=', planId)
    .orderBy('ordinal')
    .execute();
}

/** The assignments of a plan with their task's number (an amendment matches tasks by number). */
export async function listAssignmentsOfPlan(db: Q, planId: number) {
  return db
    .selectFrom('assignment as a')
    .innerJoin('plan_task as t', 't.id', 'a.task_id')
    .select(['a.id', 'a.unit_id', 'a.role', 't.number'])
    .where('a.plan_id', '=', planId)
    .execute();
}

export async function hasAssignment(db: Q, taskId: number, unitId: number): Promise<boolean> {
  const row = await db
    .selectFrom('assignment')
    .select('id')
    .where('task_id', '=', taskId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Moves an assignment to a task of the amending plan; its obstacles follow it to the new task. */
export async function moveAssignment(
  tx: Tx,
  id: number,
  to: { taskId: number; planId: number; role: 'lead' | 'coordinator' },
) {
  await tx
    .updateTable('assignment')
    .set({ task_id: to.taskId, plan_id: to.planId, role: to.role })
    .where('id', '=', id)
    .execute();
  await tx.updateTable('obstacle').set({ task_id: to.taskId }).where('assignment_id', '=', id).execute();
}

/** New assignments; a task and unit already assigned is skipped. Returns those created. */
export async function insertAssignments(
  tx: Tx,
  rows: ReadonlyArray<{ taskId: number; planId: number; unitId: number; role: 'lead' | 'coordinator' }>,
): Promise<Array<{ id: number; unit_id: number }>> {
  if (!rows.length) return [];
  return tx
    .insertInto('assignment')
    .values(rows.map((p) => ({ task_id: p.taskId, plan_id: p.planId, unit_id: p.unitId, role: p.role })))
    .onConflict((oc) => oc.columns(['task_id', 'unit_id']).doNothing())
    .returning(['id', 'unit_id'])
    .execute();
}

/** The assignment's current state, as computed from all its updates. */
export async function setAssignmentProgress(tx: Tx, id: number, now: { percent: number; completedOn: string | null }) {
  await tx
    .updateTable('assignment')
    .set({ percent: now.percent, completed_on: now.completedOn, last_update_at: new Date() })
    .where('id', '=', id)
    .execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Progress updates, deliverables, evidence

export interface UpdateRow extends UpdateFact {
  id: number;
  assignmentId: number;
  narrative: string;
  createdAt: Date;
  authorId: number | null;
  authorName: string | null;
}

/** Updates of the given assignments, oldest first (by the day they report, then the order they were made). */
export async function updatesOf(db: Q, assignmentIds: number[], narrativeChars = 100_000): Promise<UpdateRow[]> {
  if (!assignmentIds.length) return [];
  const out: UpdateRow[] = [];
  for (let i = 0; i < assignmentIds.length; i += 5000) {
    const rows = await db
      .selectFrom('progress_update as g')
      .leftJoin('app_user as w', 'w.id', 'g.author_id')
      .select([
        'g.id',
        'g.assignment_id',
        'g.percent',
        'g.completed',
        'g.occurred_on',
        'g.created_at',
        'g.author_id',
        'w.full_name as author_name',
        sql<string>`left(g.narrative, ${narrativeChars})`.as('narrative'),
      ])
      .where('g.assignment_id', 'in', assignmentIds.slice(i, i + 5000))
      .orderBy('g.occurred_on')
      .orderBy('g.id')
      .execute();
    for (const r of rows) {
      out.push({
        id: r.id,
        assignmentId: r.assignment_id,
        occurredOn: r.occurred_on,
        percent: r.percent,
        completed: r.completed,
        narrative: r.narrative,
        createdAt: r.created_at,
        authorId: r.author_id,
        authorName: r.author_name,
      });
    }
  }
  return out;
}

/** What the assignment's state is computed from: every update, in the order they report. */
export async function progressFactsOf(db: Q, assignmentId: number): Promise<UpdateFact[]> {
  const rows = await db
    .selectFrom('progress_update')
    .select(['occurred_on', 'percent', 'completed'])
    .where('assignment_id', '=', assignmentId)
    .orderBy('occurred_on')
    .orderBy('id')
    .execute();
  return rows.map((u) => ({ occurredOn: u.occurred_on, percent: u.percent, completed: u.completed }));
}

export async function insertProgressUpdate(
  tx: Tx,
  u: {
    assignmentId: number;
    unitId: number;
    authorId: number;
    percent: number;
    narrative: string;
    completed: boolean;
    occurredOn: string;
  },
): Promise<number> {
  const row = await tx
    .insertInto('progress_update')
    .values({
      assignment_id: u.assignmentId,
      unit_id: u.unitId,
      author_id: u.authorId,
      percent: u.percent,
      narrative: u.narrative,
      completed: u.completed,
      occurred_on: u.occurredOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface NewDeliverable {
  kind: DeliverableKind;
  title: string;
  occurredOn: string;
  participants: number | null;
  documentNumber: string | null;
  link: string | null;
  datasetId: number | null;
}

export async function insertDeliverables(
  tx: Tx,
  of: { updateId: number; assignmentId: number; unitId: number },
  rows: readonly NewDeliverable[],
): Promise<void> {
  if (!rows.length) return;
  await tx
    .insertInto('deliverable_record')
    .values(
      rows.map((d) => ({
        update_id: of.updateId,
        assignment_id: of.assignmentId,
        unit_id: of.unitId,
        kind: d.kind,
        title: d.title,
        occurred_on: d.occurredOn,
        participants: d.participants,
        document_number: d.documentNumber,
        link: d.link,
        dataset_id: d.datasetId,
      })),
    )
    .execute();
}

export async function insertEvidenceFile(
  tx: Tx,
  f: {
    updateId: number;
    unitId: number;
    filename: string;
    mime: string;
    size: number;
    sha256: string;
    content: Buffer;
    uploadedBy: number;
  },
): Promise<number> {
  const row = await tx
    .insertInto('evidence_file')
    .values({
      update_id: f.updateId,
      unit_id: f.unitId,
      filename: f.filename,
      mime: f.mime,
      size: f.size,
      sha256: f.sha256,
      content: f.content,
      uploaded_by: f.uploadedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deliverablesOf(db: Q, assignmentId: number) {
  return db
    .selectFrom('deliverable_record')
    .select([
      'id',
      'update_id',
      'kind',
      'title',
      'occurred_on',
      'participants',
      'document_number',
      'link',
      'dataset_id',
    ])
    .where('assignment_id', '=', assignmentId)
    .orderBy('occurred_on')
    .orderBy('id')
    .execute();
}

/** Evidence metadata (never the content) of the given updates. */
export async function evidenceOf(db: Q, updateIds: number[]) {
  if (!updateIds.length) return [];
  return db
    .selectFrom('evidence_file')
    .select(['id', 'update_id', 'filename', 'mime', 'size', 'sha256', 'created_at'])
    .where('update_id', 'in', updateIds)
    .orderBy('id')
    .execute();
}

export async function getEvidence(db: Q, id: number) {
  return db
    .selectFrom('evidence_file as e')
    .innerJoin('unit as u', 'u.id', 'e.unit_id')
    .select(['e.id', 'e.filename', 'e.mime', 'e.size', 'e.sha256', 'e.content', 'e.unit_id', 'u.path as unit_path'])
    .where('e.id', '=', id)
    .executeTakeFirst();
}

/** focal_for_id → the focal unit, for the given units (Sở KH&CN for the province, Phòng VH-XH for a ward). */
export async function focalUnitsFor(db: Q, unitIds: readonly number[]): Promise<Map<number, number>> {
  if (!unitIds.length) return new Map();
  const rows = await db
    .selectFrom('unit')
    .select(['id', 'focal_for_id'])
    .where('focal_for_id', 'in', [...unitIds])
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  const out = new Map<number, number>();
  for (const r of rows) if (r.focal_for_id !== null && !out.has(r.focal_for_id)) out.set(r.focal_for_id, r.id);
  return out;
}
