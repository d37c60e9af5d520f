// Queries of the facts a unit report is prefilled from (assignments, updates, deliverables, obstacles inside a data
// window, the offices' reports) and of the overdue work a reminder letter cites.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { Schedule } from '../../../domain/plan/model.ts';
import type { ReportObstacle, UnitReportContent } from '../../../domain/reporting/model.ts';
import type { AssignmentFact, ChildReport, DeliverableFact, UpdateFact } from '../../../domain/reporting/prefill.ts';
import type { Tx } from '../../context.ts';

type Q = Kysely<DB> | Tx;

export interface FactsQuery {
  unitIds: number[];
  /** The regime's plan and the plans it amended; null for a regime without a plan (all the units' assignments). */
  lineage: number[] | null;
  window: { from: string; to: string };
}

export async function assignmentFacts(db: Q, f: FactsQuery): Promise<Array<AssignmentFact & { unitId: number }>> {
  if (!f.unitIds.length) return [];
  const lineage = f.lineage ?? [];
  const r = await sql<{
    id: number;
    unit_id: number;
    role: 'lead' | 'coordinator';
    in_regime: boolean;
    number: string;
    title: string;
    schedule: Schedule | null;
    p_number: string | null;
    p_title: string | null;
    pp_number: string | null;
  }>`SELECT a.id, a.unit_id, a.role,
        ${f.lineage ? sql`(a.plan_id = ANY(${sql.val(lineage)}::integer[]))` : sql`true`} AS in_regime,
        t.number, t.title, t.schedule, pt.number AS p_number, pt.title AS p_title, ppt.number AS pp_number
      FROM assignment a
      JOIN plan_task t ON t.id = a.task_id
      JOIN plan p ON p.id = a.plan_id
      LEFT JOIN plan_task pt ON pt.id = t.parent_task_id
      LEFT JOIN plan_task ppt ON ppt.id = pt.parent_task_id
      WHERE a.unit_id = ANY(${sql.val(f.unitIds)}::integer[])
        ${f.lineage ? sql`AND (a.plan_id = ANY(${sql.val(lineage)}::integer[]) OR p.parent_plan_id = ANY(${sql.val(lineage)}::integer[]))` : sql``}
      ORDER BY a.id`.execute(db);
  return r.rows.map((a) => ({
    assignmentId: a.id,
    unitId: a.unit_id,
    role: a.role,
    schedule: a.schedule,
    ...(a.in_regime || !a.p_number
      ? { taskNumber: a.number, taskTitle: a.title, parentTaskNumber: a.p_number }
      : { taskNumber: a.p_number, taskTitle: a.p_title ?? a.title, parentTaskNumber: a.pp_number }),
  }));
}

/** Every update of the assignments up to a day (statuses need the history), in the order they were made. */
export async function updateFacts(db: Q, assignmentIds: number[], upTo: string): Promise<UpdateFact[]> {
  if (!assignmentIds.length) return [];
  const rows = await db
    .selectFrom('progress_update')
    .select(['assignment_id', 'occurred_on', 'narrative', 'percent', 'completed'])
    .where(sql<boolean>`assignment_id = ANY(${sql.val(assignmentIds)}::integer[])`)
    .where('occurred_on', '<=', upTo)
    .orderBy('occurred_on')
    .orderBy('id')
    .execute();
  return rows.map((u) => ({
    assignmentId: u.assignment_id,
    occurredOn: u.occurred_on,
    narrative: u.narrative,
    percent: u.percent,
    completed: u.completed,
  }));
}

export async function deliverableFacts(
  db: Q,
  assignmentIds: number[],
  window: { from: string; to: string },
): Promise<DeliverableFact[]> {
  if (!assignmentIds.length) return [];
  const rows = await db
    .selectFrom('deliverable_record')
    .select(['assignment_id', 'kind', 'title', 'occurred_on', 'participants', 'document_number', 'link'])
    .where(sql<boolean>`assignment_id = ANY(${sql.val(assignmentIds)}::integer[])`)
    .where('occurred_on', '>=', window.from)
    .where('occurred_on', '<=', window.to)
    .orderBy('occurred_on')
    .orderBy('id')
    .execute();
  return rows.map((d) => ({
    assignmentId: d.assignment_id,
    kind: d.kind,
    title: d.title,
    occurredOn: d.occurred_on,
    participants: d.participants,
    documentNumber: d.document_number,
    link: d.link,
  }));
}

/** Obstacles the units raised inside the window: about these assignments, the plan's tasks, or nothing in particular. */
export async function obstacleFacts(
  db: Q,
  unitIds: number[],
  assignmentIds: number[],
  lineage: number[] | null,
  window: { from: string; to: string },
): Promise<ReportObstacle[]> {
  if (!unitIds.length) return [];
  const lin = sql.val(lineage ?? []);
  const rows = await db
    .selectFrom('obstacle as o')
    .select(['o.kind', 'o.content', 'o.raised_on', 'o.answer'])
    .where(sql<boolean>`o.unit_id = ANY(${sql.val(unitIds)}::integer[])`)
    .where('o.raised_on', '>=', window.from)
    .where('o.raised_on', '<=', window.to)
    .where(
      lineage
        ? sql<boolean>`(o.assignment_id = ANY(${sql.val(assignmentIds.length ? assignmentIds : [-1])}::integer[])
          OR o.task_id IN (SELECT t.id FROM plan_task t JOIN plan p ON p.id = t.plan_id WHERE p.id = ANY(${lin}::integer[]) OR p.parent_plan_id = ANY(${lin}::integer[]))
          OR (o.assignment_id IS NULL AND o.task_id IS NULL))`
        : sql<boolean>`true`,
    )
    .orderBy('o.raised_on')
    .orderBy('o.id')
    .execute();
  return rows.map((o) => ({ kind: o.kind, content: o.content, raisedOn: o.raised_on, answer: o.answer }));
}

/**
 * Reports a unit (or the office that compiles for it) received for the same period key under regimes of plans
 * implementing the regime's plan: a ward's offices reporting to its Phòng Văn hóa - Xã hội.
 */
export async function childReports(
  db: Q,
  toUnitIds: number[],
  periodKey: string,
  lineage: number[] | null,
): Promise<ChildReport[]> {
  if (!toUnitIds.length || !lineage) return [];
  const rows = await db
    .selectFrom('unit_report as r')
    .innerJoin('reporting_regime as g', 'g.id', 'r.regime_id')
    .innerJoin('plan as p', 'p.id', 'g.plan_id')
    .innerJoin('unit as u', 'u.id', 'r.unit_id')
    .select([
      'r.id',
      'r.unit_id',
      'u.name as unit_name',
      'r.status',
      'r.submitted_at',
      'r.content',
      'r.indicator_values',
    ])
    .where(sql<boolean>`r.to_unit_id = ANY(${sql.val(toUnitIds)}::integer[])`)
    .where('r.period_key', '=', periodKey)
    .where('r.status', 'in', ['submitted', 'accepted'])
    .where(sql<boolean>`p.parent_plan_id = ANY(${sql.val(lineage)}::integer[])`)
    .orderBy('u.name')
    .execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    unitName: r.unit_name,
    reportId: r.id,
    status: r.status,
    content: r.content as UnitReportContent,
    indicatorValues: (r.indicator_values ?? {}) as Record<string, number>,
    submittedOn: r.submitted_at ? new Date(r.submitted_at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10) : null,
  }));
}

/** Units whose follow-up a unit performs (its focal offices): a ward's Phòng Văn hóa - Xã hội compiles for it. */
export async function focalUnitsOf(db: Q, unitId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('unit')
    .select('id')
    .where('focal_for_id', '=', unitId)
    .where('status', '=', 'active')
    .execute();
  return rows.map((r) => r.id);
}

export interface OverdueCandidate {
  id: number;
  top_id: number;
  number: string;
  title: string;
  schedule: Schedule | null;
  p_number: string | null;
  p_title: string | null;
  in_regime: boolean;
}

/**
 * Assignments of a plan's lineage and of the plans implementing it, in the subtrees of some units (each with the one
 * of those units it falls under): the candidates for the overdue work a reminder letter cites.
 */
export async function assignmentsUnder(db: Q, unitIds: number[], lineage: number[]): Promise<OverdueCandidate[]> {
  const lin = sql.val(lineage);
  const rows = await sql<OverdueCandidate>`
    SELECT a.id, m.id AS top_id, t.number, t.title, t.schedule, pt.number AS p_number, pt.title AS p_title,
           (a.plan_id = ANY(${lin}::integer[])) AS in_regime
    FROM assignment a
    JOIN unit u ON u.id = a.unit_id
    JOIN unit m ON m.id = ANY(${sql.val(unitIds)}::integer[]) AND u.path @> ARRAY[m.id]
    JOIN plan_task t ON t.id = a.task_id
    JOIN plan p ON p.id = a.plan_id
    LEFT JOIN plan_task pt ON pt.id = t.parent_task_id
    WHERE a.plan_id = ANY(${lin}::integer[])
       OR (p.parent_plan_id = ANY(${lin}::integer[]) AND p.status NOT IN ('amended', 'superseded'))
    ORDER BY t.ordinal, a.id`.execute(db);
  return rows.rows;
}
