// Queries of the reporting cycle: regimes, who is expected to report, unit reports, and the facts a report is
// prefilled from (assignments, updates, deliverables, obstacles inside a data window).
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, UnitReportTable } from '../../db/schema.ts';
import type { UnitKind } from '../../domain/org/unit.ts';
import type { Schedule } from '../../domain/plan/model.ts';
import type { ReportingSchedule } from '../../domain/reporting/period.ts';
import type { IndicatorDef, ReportObstacle, ReportStatus, UnitReportContent } from '../../domain/reporting/model.ts';
import type { AssignmentFact, ChildReport, DeliverableFact, UpdateFact } from '../../domain/reporting/prefill.ts';
import { compareVi } from '../../domain/text.ts';
import type { Tx } from '../context.ts';
import type { UnitRow } from '../org/index.ts';

type Q = Kysely<DB> | Tx;

/** The timing of a regime: a ReportingSchedule, plus when reminders go out and, for ad hoc requests, the window. */
export interface ReportingRegimeSchedule extends ReportingSchedule {
  /** Days before the due date on which units that have not sent are reminded (default 7, 3, 1). */
  reminderDays?: number[];
  /** Ad hoc requests: the data window asked for. */
  window?: { from: string; to: string };
}

/**
 * Who reports under a regime, within the scope unit's subtree (the province for Sở KH&CN, the ward for its
 * Phòng Văn hóa - Xã hội): units of some kinds, units named, and units of some kinds that have assignments in the
 * regime's plan. The receiving unit itself never reports to itself.
 */
export interface SubmitterRule {
  scopeUnitId: number;
  kinds?: UnitKind[];
  unitIds?: number[];
  planAssigneeKinds?: UnitKind[];
  excludeUnitIds?: number[];
}

export interface ReportingRegime {
  id: number;
  code: string;
  ownerUnitId: number;
  planId: number | null;
  kind: 'periodic' | 'adHoc' | 'thematic';
  name: string;
  content: string;
  schedule: ReportingRegimeSchedule;
  submitters: SubmitterRule;
  /** Kính gửi of the compiled report: "Ủy ban nhân dân tỉnh", "Bộ Khoa học và Công nghệ". */
  recipients: string[];
  outline: string[];
  indicators: IndicatorDef[];
  adHocDue: string | null;
  active: boolean;
  createdAt: Date;
}

const REGIME_COLUMNS = ['id', 'code', 'owner_unit_id', 'plan_id', 'kind', 'name', 'content', 'schedule', 'submitters', 'recipients', 'outline',
  'indicators', 'ad_hoc_due', 'active', 'created_at'] as const;

export const splitRecipients = (s: string) => s.split(';').map((x) => x.trim()).filter(Boolean);

/** A regime from its row, or from the row as JSON (json_agg in an aggregate query). */
export function toRegime(r: Record<(typeof REGIME_COLUMNS)[number], unknown>): ReportingRegime {
  return {
    id: r.id as number, code: r.code as string, ownerUnitId: r.owner_unit_id as number, planId: r.plan_id as number | null,
    kind: r.kind as ReportingRegime['kind'], name: r.name as string, content: r.content as string, schedule: r.schedule as ReportingRegimeSchedule,
    submitters: r.submitters as SubmitterRule, recipients: splitRecipients(r.recipients as string), outline: (r.outline as string[]) ?? [],
    indicators: (r.indicators as IndicatorDef[]) ?? [], adHocDue: r.ad_hoc_due as string | null, active: r.active as boolean,
    createdAt: r.created_at instanceof Date ? r.created_at : new Date(r.created_at as string),
  };
}

export async function getRegime(db: Q, id: number): Promise<ReportingRegime | undefined> {
  const r = await db.selectFrom('reporting_regime').select(REGIME_COLUMNS).where('id', '=', id).executeTakeFirst();
  return r ? toRegime(r) : undefined;
}

/** Regimes visible from some units: owned inside their subtrees, or whose scope contains one of them. */
export async function listRegimes(db: Q, f: { roots: number[] | 'all'; actorPath: number[]; planId?: number; kind?: string; limit: number; offset: number }) {
  let q = db.selectFrom('reporting_regime as r').innerJoin('unit as o', 'o.id', 'r.owner_unit_id')
    .select(REGIME_COLUMNS.map((c) => `r.${c}` as const)).select(['o.name as owner_name'])
    .where('r.active', '=', true).orderBy('r.id', 'desc').limit(f.limit).offset(f.offset);
  if (f.roots !== 'all') {
    const roots = f.roots;
    const path = f.actorPath.length ? f.actorPath : [-1];
    q = q.where((eb) => eb.or([
      ...(roots.length ? [eb(sql<boolean>`o.path && ${sql.val(roots)}::integer[]`, '=', true)] : []),
      eb(sql<boolean>`(r.submitters->>'scopeUnitId')::integer = ANY(${sql.val(path)}::integer[])`, '=', true),
    ]));
  }
  if (f.planId) q = q.where('r.plan_id', '=', f.planId);
  if (f.kind) q = q.where('r.kind', '=', f.kind as ReportingRegime['kind']);
  const rows = await q.execute();
  return rows.map((r) => ({ ...toRegime(r), ownerName: r.owner_name }));
}

/** A plan and the plans it amended, newest first: assignments of any of them count for the plan's regime. */
export async function planLineage(db: Q, planId: number): Promise<number[]> {
  const r = await sql<{ id: number }>`WITH RECURSIVE l(id, amends, depth) AS (
      SELECT id, amends_plan_id, 0 FROM plan WHERE id = ${planId}
      UNION ALL SELECT p.id, p.amends_plan_id, l.depth + 1 FROM plan p JOIN l ON p.id = l.amends WHERE l.depth < 20)
    SELECT id FROM l ORDER BY depth`.execute(db);
  const ids = [...new Set(r.rows.map((x) => x.id))];
  return ids.length ? ids : [planId];
}

export type SubmitterRow = Pick<UnitRow, 'id' | 'parent_id' | 'path' | 'kind' | 'code' | 'name' | 'short_name'>;

const KIND_ORDER: Record<string, number> = { agency: 0, ward: 1, commune: 2, office: 3 };

/** The units expected to report under a regime, in a stable order (agencies, wards, communes, offices; by name). */
export async function resolveSubmitters(db: Q, rule: SubmitterRule, lineage: number[]): Promise<SubmitterRow[]> {
  const kinds = rule.kinds ?? [];
  const ids = (rule.unitIds ?? []).filter((n) => Number.isInteger(n));
  const assigneeKinds = lineage.length ? rule.planAssigneeKinds ?? [] : [];
  const exclude = rule.excludeUnitIds ?? [];
  if (!kinds.length && !ids.length && !assigneeKinds.length) return [];
  const rows = await db.selectFrom('unit as u')
    .select(['u.id', 'u.parent_id', 'u.path', 'u.kind', 'u.code', 'u.name', 'u.short_name'])
    .where('u.status', '=', 'active')
    .where(sql<boolean>`u.path @> ARRAY[${rule.scopeUnitId}]::integer[]`)
    .where(sql<boolean>`NOT (u.id = ANY(${sql.val(exclude)}::integer[]))`)
    .where((eb) => eb.or([
      eb(sql<boolean>`u.kind = ANY(${sql.val(kinds)}::text[])`, '=', true),
      eb(sql<boolean>`u.id = ANY(${sql.val(ids)}::integer[])`, '=', true),
      eb(sql<boolean>`(u.kind = ANY(${sql.val(assigneeKinds)}::text[]) AND EXISTS (SELECT 1 FROM assignment a WHERE a.unit_id = u.id AND a.plan_id = ANY(${sql.val(lineage)}::integer[])))`, '=', true),
    ]))
    .execute();
  return rows.sort((a, b) => (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) || compareVi(a.name, b.name));
}

export type ReportRow = Selectable<UnitReportTable>;

export async function getReport(db: Q, id: number): Promise<ReportRow | undefined> {
  return db.selectFrom('unit_report').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Reports of a period without their content (status tables). */
export async function reportStates(db: Q, regimeId: number, periodKey: string) {
  return db.selectFrom('unit_report')
    .select(['id', 'unit_id', 'status', 'due_date', 'submitted_at', 'late', 'indicator_values', 'reviewed_at', 'return_reason', 'updated_at'])
    .where('regime_id', '=', regimeId).where('period_key', '=', periodKey).execute();
}

/** Reports of a period with their content (compiled report, reminder letter). */
export async function reportsWithContent(db: Q, regimeId: number, periodKey: string): Promise<ReportRow[]> {
  return db.selectFrom('unit_report').selectAll().where('regime_id', '=', regimeId).where('period_key', '=', periodKey).execute();
}

export interface ReportListFilter {
  roots: number[] | 'all';
  regimeId?: number;
  periodKey?: string;
  unitId?: number;
  status?: ReportStatus;
  limit: number;
  offset: number;
}

/** Reports a reader may see: those of units in their scope and those sent to units in their scope. */
export async function listReports(db: Q, f: ReportListFilter) {
  let q = db.selectFrom('unit_report as r')
    .innerJoin('unit as u', 'u.id', 'r.unit_id')
    .innerJoin('unit as t', 't.id', 'r.to_unit_id')
    .innerJoin('reporting_regime as g', 'g.id', 'r.regime_id')
    .select(['r.id', 'r.regime_id', 'g.name as regime_name', 'r.period_key', 'r.unit_id', 'u.name as unit_name', 'r.to_unit_id', 't.name as to_unit_name',
      'r.status', 'r.due_date', 'r.submitted_at', 'r.late', 'r.return_reason', 'r.updated_at'])
    .orderBy('r.updated_at', 'desc').orderBy('r.id', 'desc').limit(f.limit).offset(f.offset);
  if (f.roots !== 'all') {
    if (!f.roots.length) return [];
    const roots = sql.val(f.roots);
    q = q.where(sql<boolean>`(u.path && ${roots}::integer[] OR t.path && ${roots}::integer[])`);
  }
  if (f.regimeId) q = q.where('r.regime_id', '=', f.regimeId);
  if (f.periodKey) q = q.where('r.period_key', '=', f.periodKey);
  if (f.unitId) q = q.where('r.unit_id', '=', f.unitId);
  if (f.status) q = q.where('r.status', '=', f.status);
  return q.execute();
}

// ---------------------------------------------------------------- facts for the prefill

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
    id: number; unit_id: number; role: 'lead' | 'coordinator'; in_regime: boolean;
    number: string; title: string; schedule: Schedule | null; p_number: string | null; p_title: string | null; pp_number: string | null;
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
    assignmentId: a.id, unitId: a.unit_id, role: a.role, schedule: a.schedule,
    ...(a.in_regime || !a.p_number
      ? { taskNumber: a.number, taskTitle: a.title, parentTaskNumber: a.p_number }
      : { taskNumber: a.p_number, taskTitle: a.p_title ?? a.title, parentTaskNumber: a.pp_number }),
  }));
}

/** Every update of the assignments up to a day (statuses need the history), in the order they were made. */
export async function updateFacts(db: Q, assignmentIds: number[], upTo: string): Promise<UpdateFact[]> {
  if (!assignmentIds.length) return [];
  const rows = await db.selectFrom('progress_update').select(['assignment_id', 'occurred_on', 'narrative', 'percent', 'completed'])
    .where(sql<boolean>`assignment_id = ANY(${sql.val(assignmentIds)}::integer[])`)
    .where('occurred_on', '<=', upTo).orderBy('occurred_on').orderBy('id').execute();
  return rows.map((u) => ({ assignmentId: u.assignment_id, occurredOn: u.occurred_on, narrative: u.narrative, percent: u.percent, completed: u.completed }));
}

export async function deliverableFacts(db: Q, assignmentIds: number[], window: { from: string; to: string }): Promise<DeliverableFact[]> {
  if (!assignmentIds.length) return [];
  const rows = await db.selectFrom('deliverable_record').select(['assignment_id', 'kind', 'title', 'occurred_on', 'participants', 'document_number', 'link'])
    .where(sql<boolean>`assignment_id = ANY(${sql.val(assignmentIds)}::integer[])`)
    .where('occurred_on', '>=', window.from).where('occurred_on', '<=', window.to).orderBy('occurred_on').orderBy('id').execute();
  return rows.map((d) => ({
    assignmentId: d.assignment_id, kind: d.kind, title: d.title, occurredOn: d.occurred_on, participants: d.participants, documentNumber: d.document_number, link: d.link,
  }));
}

/** Obstacles the units raised inside the window: about these assignments, the plan's tasks, or nothing in particular. */
export async function obstacleFacts(db: Q, unitIds: number[], assignmentIds: number[], lineage: number[] | null, window: { from: string; to: string }): Promise<ReportObstacle[]> {
  if (!unitIds.length) return [];
  const lin = sql.val(lineage ?? []);
  const rows = await db.selectFrom('obstacle as o').select(['o.kind', 'o.content', 'o.raised_on', 'o.answer'])
    .where(sql<boolean>`o.unit_id = ANY(${sql.val(unitIds)}::integer[])`)
    .where('o.raised_on', '>=', window.from).where('o.raised_on', '<=', window.to)
    .where(lineage
      ? sql<boolean>`(o.assignment_id = ANY(${sql.val(assignmentIds.length ? assignmentIds : [-1])}::integer[])
          OR o.task_id IN (SELECT t.id FROM plan_task t JOIN plan p ON p.id = t.plan_id WHERE p.id = ANY(${lin}::integer[]) OR p.parent_plan_id = ANY(${lin}::integer[]))
          OR (o.assignment_id IS NULL AND o.task_id IS NULL))`
      : sql<boolean>`true`)
    .orderBy('o.raised_on').orderBy('o.id').execute();
  return rows.map((o) => ({ kind: o.kind, content: o.content, raisedOn: o.raised_on, answer: o.answer }));
}

/**
 * Reports a unit (or the office that compiles for it) received for the same period key under regimes of plans
 * implementing the regime's plan: a ward's offices reporting to its Phòng Văn hóa - Xã hội.
 */
export async function childReports(db: Q, toUnitIds: number[], periodKey: string, lineage: number[] | null): Promise<ChildReport[]> {
  if (!toUnitIds.length || !lineage) return [];
  const rows = await db.selectFrom('unit_report as r')
    .innerJoin('reporting_regime as g', 'g.id', 'r.regime_id')
    .innerJoin('plan as p', 'p.id', 'g.plan_id')
    .innerJoin('unit as u', 'u.id', 'r.unit_id')
    .select(['r.id', 'r.unit_id', 'u.name as unit_name', 'r.status', 'r.submitted_at', 'r.content', 'r.indicator_values'])
    .where(sql<boolean>`r.to_unit_id = ANY(${sql.val(toUnitIds)}::integer[])`)
    .where('r.period_key', '=', periodKey)
    .where('r.status', 'in', ['submitted', 'accepted'])
    .where(sql<boolean>`p.parent_plan_id = ANY(${sql.val(lineage)}::integer[])`)
    .orderBy('u.name').execute();
  return rows.map((r) => ({
    unitId: r.unit_id, unitName: r.unit_name, reportId: r.id, status: r.status, content: r.content as UnitReportContent,
    indicatorValues: (r.indicator_values ?? {}) as Record<string, number>,
    submittedOn: r.submitted_at ? new Date(r.submitted_at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10) : null,
  }));
}

/** Units whose follow-up a unit performs (its focal offices): a ward's Phòng Văn hóa - Xã hội compiles for it. */
export async function focalUnitsOf(db: Q, unitId: number): Promise<number[]> {
  const rows = await db.selectFrom('unit').select('id').where('focal_for_id', '=', unitId).where('status', '=', 'active').execute();
  return rows.map((r) => r.id);
}
