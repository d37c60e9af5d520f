// Queries of unit reports: one report, the reports of a period, the lists a reader sees, and their writes.
import { sql, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB, UnitReportTable } from '../../../db/schema.ts';
import type { ReportStatus, UnitReportContent } from '../../../domain/reporting/model.ts';
import type { Tx } from '../../context.ts';

type Q = Kysely<DB> | Tx;

export type ReportRow = Selectable<UnitReportTable>;

export async function getReport(db: Q, id: number): Promise<ReportRow | undefined> {
  return db.selectFrom('unit_report').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Reports of a period without their content (status tables). */
export async function reportStates(db: Q, regimeId: number, periodKey: string) {
  return db
    .selectFrom('unit_report')
    .select([
      'id',
      'unit_id',
      'status',
      'due_date',
      'submitted_at',
      'late',
      'indicator_values',
      'reviewed_at',
      'return_reason',
      'updated_at',
    ])
    .where('regime_id', '=', regimeId)
    .where('period_key', '=', periodKey)
    .execute();
}

/** Reports of a period with their content (compiled report, reminder letter). */
export async function reportsWithContent(db: Q, regimeId: number, periodKey: string): Promise<ReportRow[]> {
  return db
    .selectFrom('unit_report')
    .selectAll()
    .where('regime_id', '=', regimeId)
    .where('period_key', '=', periodKey)
    .execute();
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
  let q = db
    .selectFrom('unit_report as r')
    .innerJoin('unit as u', 'u.id', 'r.unit_id')
    .innerJoin('unit as t', 't.id', 'r.to_unit_id')
    .innerJoin('reporting_regime as g', 'g.id', 'r.regime_id')
    .select([
      'r.id',
      'r.regime_id',
      'g.name as regime_name',
      'r.period_key',
      'r.unit_id',
      'u.name as unit_name',
      'r.to_unit_id',
      't.name as to_unit_name',
      'r.status',
      'r.due_date',
      'r.submitted_at',
      'r.late',
      'r.return_reason',
      'r.updated_at',
      'r.number',
      'r.symbol',
    ])
    .orderBy('r.updated_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(f.limit)
    .offset(f.offset);
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

/** The report a unit already has for a period, if any. */
export async function findReportId(db: Q, regimeId: number, periodKey: string, unitId: number) {
  const row = await db
    .selectFrom('unit_report')
    .select('id')
    .where('regime_id', '=', regimeId)
    .where('period_key', '=', periodKey)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return row?.id;
}

export interface NewReport {
  regimeId: number;
  periodKey: string;
  unitId: number;
  toUnitId: number;
  dueDate: string;
  content: UnitReportContent;
  indicatorValues: Record<string, number>;
  createdBy: number;
}

/** A new draft; undefined when the unit already has one for the period (a concurrent start). */
export async function insertReport(db: Q, r: NewReport): Promise<number | undefined> {
  const row = await db
    .insertInto('unit_report')
    .values({
      regime_id: r.regimeId,
      period_key: r.periodKey,
      unit_id: r.unitId,
      to_unit_id: r.toUnitId,
      due_date: r.dueDate,
      content: JSON.stringify(r.content),
      indicator_values: JSON.stringify(r.indicatorValues),
      created_by: r.createdBy,
    })
    .onConflict((oc) => oc.columns(['regime_id', 'period_key', 'unit_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** What people write in a report (and its prefilled facts); false when its status moved meanwhile. */
export async function updateReportContent(
  db: Q,
  id: number,
  fromStatus: ReportStatus,
  c: {
    content: UnitReportContent;
    indicatorValues: Record<string, number>;
  },
): Promise<boolean> {
  const moved = await db
    .updateTable('unit_report')
    .set({
      content: JSON.stringify(c.content),
      indicator_values: JSON.stringify(c.indicatorValues),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('status', '=', fromStatus)
    .returning('id')
    .executeTakeFirst();
  return !!moved;
}

/** The columns a move of a report sets: its status, and who did it when. */
export type ReportMove = Updateable<UnitReportTable>;

/** Moves a report from a status (approve, submit, accept, return); undefined when its status moved meanwhile. */
export async function moveReport(db: Q, id: number, fromStatus: ReportStatus, patch: ReportMove) {
  return db
    .updateTable('unit_report')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', fromStatus)
    .returning(['id', 'due_date', 'late', 'number', 'symbol'])
    .executeTakeFirst();
}

/**
 * Reports someone may have to act on, of units under `roots` or sent to them: drafts, approved but not sent,
 * returned, and sent but not yet accepted. With both units' paths, for the permission rule.
 */
export async function reportsInFlight(db: Q, roots: number[] | 'all') {
  let q = db
    .selectFrom('unit_report as r')
    .innerJoin('unit as u', 'u.id', 'r.unit_id')
    .innerJoin('unit as t', 't.id', 'r.to_unit_id')
    .innerJoin('reporting_regime as g', 'g.id', 'r.regime_id')
    .select([
      'r.id',
      'r.status',
      'r.due_date',
      'r.period_key',
      'g.name as regime_name',
      'r.unit_id',
      'u.name as unit_name',
      'u.path as unit_path',
      't.path as to_unit_path',
    ])
    .where('r.status', 'in', ['draft', 'approved', 'returned', 'submitted'])
    .orderBy('r.due_date')
    .limit(500);
  if (roots !== 'all') {
    if (!roots.length) return [];
    const r = sql.val(roots);
    q = q.where(sql<boolean>`(u.path && ${r}::integer[] OR t.path && ${r}::integer[])`);
  }
  return q.execute();
}

/** Whether a unit has a report of a regime's period, in any state. */
export async function hasReport(db: Q, regimeId: number, periodKey: string, unitId: number): Promise<boolean> {
  return (await findReportId(db, regimeId, periodKey, unitId)) !== undefined;
}

/** The full name on an account (the leader who approved a report signs its document). */
export async function userFullName(db: Q, userId: number): Promise<string | null> {
  const row = await db.selectFrom('app_user').select('full_name').where('id', '=', userId).executeTakeFirst();
  return row?.full_name ?? null;
}
