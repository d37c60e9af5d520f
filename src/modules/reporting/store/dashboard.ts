// The dashboards' aggregate queries: the progress of every assignment of a plan and of the plans implementing it,
// the plan with what its dashboard needs in one round trip, and the national figures per province.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { Tx } from '../../context.ts';
import type { UnitRow } from '../../org/index.ts';
import { toRegime } from './regimes.ts';

type Q = Kysely<DB> | Tx;

/** Sums over the assignments of one task (over all units) or of one unit (over all tasks). */
export interface Agg {
  total: number;
  done_on_time: number;
  done_late: number;
  overdue: number;
  percent_sum: number;
  /** (task, unit) pairs in the group. */
  pairs: number;
  /** Pairs whose assignments are all done (a unit has done its part of a task). */
  pairs_done: number;
}
export type TaskAgg = Agg & { task_id: number };
export type TopAgg = Agg & { top_id: number };

export interface OverdueRow {
  id: number;
  unit_id: number;
  unit_name: string;
  task_id: number;
  due: string;
  last_percent: number | null;
}

/** A task of the plan with its due date in the year and whether its obligation renews each period. */
export interface TaskYear {
  task_id: number;
  due: string | null;
  repeating: boolean;
}

/**
 * Progress of every assignment of a plan and of the plans implementing it (the communes' own plans), as the
 * tracking module counts it for a year: for repeating work the updates inside the year's data window, for one-off
 * work every update up to the window's end; done when the last update is "completed" (the completion date is the
 * first of the last run of completed updates). A commune task is measured against the due date of the province
 * task it implements. Returned grouped by task and by the unit directly under the plan's unit (an agency, a
 * commune or ward, its offices counted with it), plus the first overdue assignments.
 */
export async function planProgress(
  db: Q,
  lineage: number[],
  scopeId: number,
  tasks: TaskYear[],
  window: { from: string; to: string },
  today: string,
  overdueLimit: number,
) {
  const lin = sql.val(lineage);
  const r = await sql<ProgressRow>`
    WITH d AS (SELECT * FROM jsonb_to_recordset(${JSON.stringify(tasks)}::jsonb) AS x(task_id integer, due date, repeating boolean)),
    -- The plan (and the plans it amended) and the plans implementing it: found first, so the assignments are read
    -- through their plan index instead of scanning every assignment of the country.
    ps AS (
      SELECT id, unit_id, true AS own FROM plan WHERE id = ANY(${lin}::integer[])
      UNION ALL
      SELECT id, unit_id, false FROM plan WHERE parent_plan_id = ANY(${lin}::integer[]) AND status NOT IN ('amended', 'superseded')
    ),
    -- LATERAL: one index lookup per plan (a few hundred) rather than a hash over every assignment of the country.
    -- The unit directly under the plan's unit ("top") is the implementing plan's own unit (a commune or ward) for
    -- child plans, and the assignee itself for the plan's own assignments (an agency, or an office of the unit).
    a AS (
      SELECT a.id, a.unit_id, CASE WHEN ps.own THEN a.task_id ELSE t.parent_task_id END AS task_id,
             CASE WHEN ps.own THEN NULL ELSE ps.unit_id END AS child_unit_id
      FROM ps
      CROSS JOIN LATERAL (SELECT id, unit_id, task_id FROM assignment WHERE plan_id = ps.id OFFSET 0) a
      JOIN plan_task t ON t.id = a.task_id
    ),
    w AS (
      SELECT a.id, a.unit_id, a.task_id, a.child_unit_id, d.due, CASE WHEN d.repeating THEN ${window.from}::date ELSE '0001-01-01'::date END AS lo
      FROM a JOIN d ON d.task_id = a.task_id
    ),
    u AS (
      SELECT u.assignment_id, u.occurred_on, u.percent, u.completed,
             row_number() OVER (PARTITION BY u.assignment_id ORDER BY u.occurred_on DESC, u.id DESC) AS rn,
             max(u.occurred_on) FILTER (WHERE NOT u.completed) OVER (PARTITION BY u.assignment_id) AS last_open
      FROM progress_update u JOIN w ON w.id = u.assignment_id
      WHERE u.occurred_on >= w.lo AND u.occurred_on <= ${window.to}::date
    ),
    pa AS (
      SELECT assignment_id,
             max(percent) FILTER (WHERE rn = 1) AS last_percent,
             bool_or(completed) FILTER (WHERE rn = 1) AS last_completed,
             min(occurred_on) FILTER (WHERE completed AND (last_open IS NULL OR occurred_on > last_open)) AS first_done
      FROM u GROUP BY assignment_id
    ),
    c AS (
      SELECT w.id, w.unit_id, w.task_id, w.due, pa.last_percent,
             CASE WHEN pa.last_completed THEN pa.first_done END AS done_on,
             coalesce(w.child_unit_id, (SELECT coalesce(un.path[array_position(un.path, ${scopeId}::integer) + 1], un.id) FROM unit un WHERE un.id = w.unit_id)) AS top_id
      FROM w LEFT JOIN pa ON pa.assignment_id = w.id
    ),
    g AS (
      SELECT task_id, top_id, count(*)::integer AS total,
             count(*) FILTER (WHERE done_on IS NOT NULL AND (due IS NULL OR done_on <= due))::integer AS done_on_time,
             count(*) FILTER (WHERE done_on IS NOT NULL AND due IS NOT NULL AND done_on > due)::integer AS done_late,
             count(*) FILTER (WHERE done_on IS NULL AND due IS NOT NULL AND due < ${today}::date)::integer AS overdue,
             coalesce(sum(CASE WHEN done_on IS NOT NULL THEN 100 ELSE coalesce(last_percent, 0) END), 0)::integer AS percent_sum,
             (CASE WHEN bool_and(done_on IS NOT NULL) THEN 1 ELSE 0 END)::integer AS pair_done
      FROM c GROUP BY task_id, top_id
    ),
    sums AS (
      SELECT task_id, top_id, sum(total)::integer AS total, sum(done_on_time)::integer AS done_on_time, sum(done_late)::integer AS done_late,
             sum(overdue)::integer AS overdue, sum(percent_sum)::integer AS percent_sum, count(*)::integer AS pairs, sum(pair_done)::integer AS pairs_done
      FROM g GROUP BY GROUPING SETS ((task_id), (top_id))
    ),
    o AS (
      SELECT c.id, c.unit_id, un.name AS unit_name, c.task_id, c.due::text AS due, c.last_percent
      FROM (SELECT * FROM c WHERE c.done_on IS NULL AND c.due < ${today}::date ORDER BY c.due, c.task_id, c.unit_id LIMIT ${overdueLimit}) c
      JOIN unit un ON un.id = c.unit_id
    )
    SELECT (SELECT json_agg(sums) FROM sums WHERE top_id IS NULL) AS by_task,
           (SELECT json_agg(sums) FROM sums WHERE task_id IS NULL) AS by_top,
           (SELECT json_agg(o) FROM o) AS overdue`.execute(db);
  return progressMaps(r.rows[0]);
}

type ProgressRow = { by_task: TaskAgg[] | null; by_top: TopAgg[] | null; overdue: OverdueRow[] | null };

/** The query's one row as lookups by task and by top unit (a group with no assignment is absent). */
function progressMaps(row: ProgressRow | undefined) {
  return {
    byTask: new Map((row?.by_task ?? []).map((a) => [a.task_id, a])),
    byTop: new Map((row?.by_top ?? []).map((a) => [a.top_id, a])),
    overdue: row?.overdue ?? [],
  };
}

export interface PlanTaskRow {
  id: number;
  number: string;
  title: string;
  schedule: unknown;
  timeframe_text: string;
}

/**
 * The plan, its unit, the plans it amended, its tasks, its regimes, the units directly under its unit and the
 * plans implementing it, in one round trip.
 */
export async function getPlanForDashboard(db: Q, planId: number) {
  const r = await sql<{
    id: number;
    unit_id: number;
    status: string;
    published: boolean;
    title: string;
    number: string | null;
    symbol: string | null;
    issued_date: string | null;
    parent_id: number | null;
    path: number[];
    kind: string;
    code: string;
    name: string;
    short_name: string;
    unit_status: UnitRow['status'];
    merged_into_id: number | null;
    focal_for_id: number | null;
    lineage: number[] | null;
    tasks: PlanTaskRow[] | null;
    regimes: Array<Parameters<typeof toRegime>[0]> | null;
    top_units: Array<{ id: number; name: string; code: string; kind: string }> | null;
    child_plans: Array<{ id: number; unit_id: number; status: string }> | null;
  }>`
    SELECT p.id, p.unit_id, p.status, p.published, p.title, p.number, p.symbol, p.issued_date,
           u.parent_id, u.path, u.kind, u.code, u.name, u.short_name, u.status AS unit_status, u.merged_into_id, u.focal_for_id, l.lineage,
           (SELECT json_agg(json_build_object('id', t.id, 'number', t.number, 'title', t.title, 'schedule', t.schedule, 'timeframe_text', t.timeframe_text) ORDER BY t.ordinal)
              FROM plan_task t WHERE t.plan_id = p.id) AS tasks,
           (SELECT json_agg(g ORDER BY g.id) FROM reporting_regime g WHERE g.plan_id = ANY(l.lineage)) AS regimes,
           (SELECT json_agg(json_build_object('id', c.id, 'name', c.name, 'code', c.code, 'kind', c.kind))
              FROM unit c WHERE c.parent_id = u.id AND c.status = 'active') AS top_units,
           (SELECT json_agg(json_build_object('id', cp.id, 'unit_id', cp.unit_id, 'status', cp.status))
              FROM plan cp WHERE cp.parent_plan_id = ANY(l.lineage) AND cp.status NOT IN ('amended', 'superseded')) AS child_plans
    FROM plan p
    JOIN unit u ON u.id = p.unit_id
    -- The plan and the plans it amended (their assignments count too).
    CROSS JOIN LATERAL (
      WITH RECURSIVE chain(id, amends, depth) AS (
        SELECT p.id, p.amends_plan_id, 0
        UNION ALL SELECT q.id, q.amends_plan_id, chain.depth + 1 FROM plan q JOIN chain ON q.id = chain.amends WHERE chain.depth < 20)
      SELECT array_agg(id ORDER BY depth) AS lineage FROM chain
    ) l
    WHERE p.id = ${planId}`.execute(db);
  const row = r.rows[0];
  if (!row) return null;
  const unit: UnitRow = {
    id: row.unit_id,
    parent_id: row.parent_id,
    path: row.path,
    kind: row.kind,
    code: row.code,
    name: row.name,
    short_name: row.short_name,
    status: row.unit_status,
    merged_into_id: row.merged_into_id,
    focal_for_id: row.focal_for_id,
  };
  return {
    plan: row,
    unit,
    lineage: row.lineage?.length ? [...new Set(row.lineage)] : [row.id],
    tasks: row.tasks ?? [],
    regimes: (row.regimes ?? []).map(toRegime),
    topUnits: row.top_units ?? [],
    childPlans: row.child_plans ?? [],
  };
}

export interface ProvinceFigures {
  id: number;
  name: string;
  communes: number;
  assignments: number;
  done: number;
  overdue: number;
  received: number;
  on_time: number;
}

/**
 * Per province under a root: communes, assignments of issued plans done in a data window (overdue once it has
 * passed) and reports received by its focal unit for the period. A handful of set-based aggregates, so it stays fast
 * at about 3,500 communes.
 */
export async function provinceFigures(
  db: Q,
  f: { rootId: number; periodKey: string; from: string; to: string; today: string },
): Promise<ProvinceFigures[]> {
  const { from, to, today } = f;
  const rows = await sql<ProvinceFigures>`
    WITH provinces AS (SELECT id, name FROM unit WHERE kind = 'province' AND status = 'active' AND path @> ARRAY[${f.rootId}]::integer[]),
    work AS (
      SELECT u.path[2] AS province_id, a.id,
        EXISTS (SELECT 1 FROM progress_update pu WHERE pu.assignment_id = a.id AND pu.completed AND pu.occurred_on BETWEEN ${from}::date AND ${to}::date) AS done
      FROM assignment a JOIN plan p ON p.id = a.plan_id AND p.status = 'issued' JOIN unit u ON u.id = a.unit_id
    ),
    reports AS (
      SELECT o.path[2] AS province_id, count(*) FILTER (WHERE r.status IN ('submitted', 'accepted')) AS received,
        count(*) FILTER (WHERE r.status IN ('submitted', 'accepted') AND r.late IS NOT TRUE) AS on_time
      FROM unit_report r JOIN reporting_regime g ON g.id = r.regime_id JOIN unit o ON o.id = g.owner_unit_id
      WHERE r.period_key = ${f.periodKey} GROUP BY 1
    )
    SELECT pv.id, pv.name,
      (SELECT count(*)::int FROM unit c WHERE c.parent_id = pv.id AND c.kind IN ('commune', 'ward') AND c.status = 'active') AS communes,
      coalesce(w.assignments, 0) AS assignments, coalesce(w.done, 0) AS done,
      CASE WHEN ${today}::date > ${to}::date THEN coalesce(w.assignments, 0) - coalesce(w.done, 0) ELSE 0 END AS overdue,
      coalesce(r.received, 0)::int AS received, coalesce(r.on_time, 0)::int AS on_time
    FROM provinces pv
    LEFT JOIN (SELECT province_id, count(*)::int AS assignments, count(*) FILTER (WHERE done)::int AS done FROM work GROUP BY 1) w ON w.province_id = pv.id
    LEFT JOIN reports r ON r.province_id = pv.id`.execute(db);
  return rows.rows;
}

/** The root of the whole tree (the central level): the national dashboard's default. */
export async function centralRootId(db: Q): Promise<number> {
  const row = await db
    .selectFrom('unit')
    .select('id')
    .where('parent_id', 'is', null)
    .where('kind', '=', 'central')
    .executeTakeFirstOrThrow();
  return row.id;
}
