// Queries on plans. Plans are stored as rows (status, numbers, links) plus their JSON parts.
import { sql, type Kysely, type Updateable } from 'kysely';
import type { DB, PlanTable } from '../../../db/schema.ts';
import type { Finding, PlanDraft, Task } from '../../../domain/plan/model.ts';
import type { Tx } from '../../context.ts';
import { indexEntity } from '../../search/index.ts';
import { unitNameOrder } from '../../../db/vi-order.ts';
import { taskValues, type TaskLink } from './tasks.ts';

type Q = Kysely<DB> | Tx;

export const PLAN_COLUMNS = [
  'id',
  'unit_id',
  'parent_plan_id',
  'amends_plan_id',
  'status',
  'version',
  'doc_type',
  'number',
  'symbol',
  'issued_date',
  'year',
  'title',
  'header',
  'sections',
  'groups',
  'source_name',
  'unplaced',
  'published',
  'created_by',
  'created_at',
  'updated_at',
  'submitted_at',
  'approved_by',
  'approved_at',
  'issued_at',
  'return_reason',
  'findings',
  'findings_register',
] as const;

export interface PlanRow {
  id: number;
  unit_id: number;
  parent_plan_id: number | null;
  amends_plan_id: number | null;
  status: string;
  version: number;
  doc_type: string;
  number: string | null;
  symbol: string | null;
  issued_date: string | null;
  year: number | null;
  title: string;
  header: unknown;
  sections: unknown;
  groups: unknown;
  source_name: string | null;
  unplaced: unknown;
  published: boolean;
  created_by: number | null;
  created_at: Date;
  updated_at: Date;
  submitted_at: Date | null;
  approved_by: number | null;
  approved_at: Date | null;
  issued_at: Date | null;
  return_reason: string | null;
  /** Finding[] stored at the last write (null until computed); see findings.ts. */
  findings: unknown;
  findings_register: string | null;
}

export async function getPlan(db: Q, id: number): Promise<PlanRow | undefined> {
  return db.selectFrom('plan').select(PLAN_COLUMNS).where('id', '=', id).executeTakeFirst() as Promise<
    PlanRow | undefined
  >;
}

export function planValues(unitId: number, d: PlanDraft) {
  return {
    unit_id: unitId,
    doc_type: d.document.type || 'KH',
    number: d.document.number,
    symbol: d.document.symbol,
    issued_date: d.document.date,
    year: d.document.year ?? (d.document.date ? Number(d.document.date.slice(0, 4)) : null),
    title: d.document.title,
    header: JSON.stringify(d.document),
    sections: JSON.stringify(d.sections),
    groups: JSON.stringify(d.groups),
    unplaced: JSON.stringify(d.unplaced),
  };
}

export async function reindexPlan(
  tx: Tx,
  plan: {
    id: number;
    unit_id: number;
    published: boolean;
    title: string;
    number: string | null;
    symbol: string | null;
  },
  tasks: Task[],
): Promise<void> {
  await indexEntity(
    tx,
    'plan',
    plan.id,
    plan.unit_id,
    [
      { text: plan.title, weight: 1, label: 'title' },
      ...(plan.number && plan.symbol ? [{ text: `${plan.number}/${plan.symbol}`, weight: 1, label: 'number' }] : []),
      ...tasks.map((t) => ({ text: t.title, weight: 0.6, label: 'task' })),
    ],
    plan.published,
  );
}

export interface PlanListFilter {
  scopeRoots: number[] | 'all';
  unitId?: number;
  status?: string;
  year?: number;
  ids?: number[];
  parentPlanId?: number;
  /** Plans of these units come first (the reader's own unit and the units it is the focal unit for). */
  ownUnitIds?: number[];
  /** Order by the unit's name (Vietnamese alphabet) instead of the last change: the communes' plans of one plan. */
  byUnitName?: boolean;
  limit: number;
  offset: number;
}

/** One page of the plans matching the filter, and how many match in all. */
export async function listPlans(db: Q, f: PlanListFilter) {
  let q = db.selectFrom('plan as p').innerJoin('unit as u', 'u.id', 'p.unit_id');
  if (f.scopeRoots !== 'all') {
    const roots = f.scopeRoots;
    q = q.where((eb) =>
      roots.length
        ? eb.or([eb('p.published', '=', true), eb(sql<boolean>`u.path && ${sql.val(roots)}::integer[]`, '=', true)])
        : eb('p.published', '=', true),
    );
  }
  if (f.unitId) q = q.where(sql<boolean>`u.path @> ARRAY[${f.unitId}]::integer[]`);
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.year) q = q.where('p.year', '=', f.year);
  if (f.ids) q = f.ids.length ? q.where('p.id', 'in', f.ids) : q.where(sql<boolean>`false`);
  if (f.parentPlanId) q = q.where('p.parent_plan_id', '=', f.parentPlanId);
  const [rows, count] = await Promise.all([
    q
      .select([
        'p.id',
        'p.unit_id',
        'u.name as unit_name',
        'u.kind as unit_kind',
        'p.parent_plan_id',
        'p.status',
        'p.version',
        'p.number',
        'p.symbol',
        'p.issued_date',
        'p.year',
        'p.title',
        'p.published',
        'p.updated_at',
        (eb) =>
          eb
            .selectFrom('plan_task as t')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('t.plan_id', '=', 'p.id')
            .as('task_count'),
        (eb) =>
          eb
            .selectFrom('plan as c')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('c.parent_plan_id', '=', 'p.id')
            .as('child_count'),
      ])
      .$if((f.ownUnitIds?.length ?? 0) > 0, (qb) =>
        qb.orderBy(sql`p.unit_id = ANY(${sql.val(f.ownUnitIds)}::integer[])`, 'desc'),
      )
      .$if(f.byUnitName === true, (qb) => qb.orderBy(unitNameOrder('u')))
      .orderBy('p.updated_at', 'desc')
      .orderBy('p.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export interface NewPlan {
  parentPlanId?: number | null;
  amendsPlanId?: number | null;
  version?: number;
  createdBy: number | null;
  sourceName?: string | null;
  sourceText?: string | null;
  links?: Map<string, TaskLink>;
}

/** A new plan row with its tasks, indexed for search. Tasks keep their link to a parent task by number. */
export async function insertPlanWithTasks(tx: Tx, unitId: number, draft: PlanDraft, extra: NewPlan) {
  const row = await tx
    .insertInto('plan')
    .values({
      ...planValues(unitId, draft),
      parent_plan_id: extra.parentPlanId ?? null,
      amends_plan_id: extra.amendsPlanId ?? null,
      version: extra.version ?? 1,
      created_by: extra.createdBy,
      source_name: extra.sourceName ?? null,
      source_text: extra.sourceText ?? null,
    })
    .returning(['id', 'unit_id', 'published', 'title', 'number', 'symbol'])
    .executeTakeFirstOrThrow();
  if (draft.tasks.length) {
    const noLink: TaskLink = { parentTaskId: null, parentSnapshot: null };
    await tx
      .insertInto('plan_task')
      .values(draft.tasks.map((t, i) => taskValues(row.id, t, i, extra.links?.get(t.number) ?? noLink)))
      .execute();
  }
  await reindexPlan(tx, row, draft.tasks);
  return row;
}

/** Changes a plan's own columns (its text as edited, its status fields). */
export async function updatePlanRow(tx: Tx, id: number, patch: Updateable<PlanTable>): Promise<void> {
  await tx.updateTable('plan').set(patch).where('id', '=', id).execute();
}

/**
 * Moves a plan from the status it was read in, with the other columns of the change; undefined when another
 * request moved it first.
 */
export async function movePlanStatus(tx: Tx, id: number, from: string, patch: Updateable<PlanTable>) {
  return tx
    .updateTable('plan')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', from)
    .returning('id')
    .executeTakeFirst();
}

/** The unit's plan already implementing this parent plan (not an amendment, not retired), if any. */
export async function liveChildPlanOf(db: Q, parentId: number, unitId: number) {
  return db
    .selectFrom('plan')
    .select('id')
    .where('parent_plan_id', '=', parentId)
    .where('unit_id', '=', unitId)
    .where('amends_plan_id', 'is', null)
    .where('status', 'not in', ['amended', 'superseded'])
    .executeTakeFirst();
}

/** Units that already have a plan implementing this parent plan (not retired). */
export async function unitsWithChildPlan(db: Q, parentId: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('plan')
    .select('unit_id')
    .where('parent_plan_id', '=', parentId)
    .where('status', 'not in', ['amended', 'superseded'])
    .execute();
  return new Set(rows.map((r) => r.unit_id));
}

/** The plans implementing this one, with their units (the plan page lists those the reader may see). */
export async function childPlansWithUnits(db: Q, planId: number) {
  return db
    .selectFrom('plan as c')
    .innerJoin('unit as u', 'u.id', 'c.unit_id')
    .select(['c.id', 'c.status', 'u.id as unit_id', 'u.name as unit_name', 'u.path'])
    .where('c.parent_plan_id', '=', planId)
    .orderBy(unitNameOrder('u'))
    .execute();
}

/** The latest amendment drafted for this plan, whatever its status. */
export async function latestAmendmentOf(db: Q, planId: number) {
  return db
    .selectFrom('plan')
    .select(['id', 'status'])
    .where('amends_plan_id', '=', planId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** An amendment of this plan still being prepared (draft, submitted, approved). */
export async function pendingAmendmentOf(db: Q, planId: number) {
  return db
    .selectFrom('plan')
    .select('id')
    .where('amends_plan_id', '=', planId)
    .where('status', 'in', ['draft', 'submitted', 'approved'])
    .executeTakeFirst();
}

/** Another document of the unit issued under this number and symbol in this year (numbers restart each year). */
export async function issuedNumberHolder(
  db: Q,
  f: { unitId: number; number: string; symbol: string; year: number; exceptId: number },
) {
  return db
    .selectFrom('plan')
    .select('id')
    .where('unit_id', '=', f.unitId)
    .where('number', '=', f.number)
    .where('symbol', '=', f.symbol)
    .where('year', '=', f.year)
    .where('status', 'in', ['issued', 'amended', 'superseded'])
    .where('id', '!=', f.exceptId)
    .executeTakeFirst();
}

/** Child plans now implement the amendment that replaced their parent. */
export async function repointChildPlans(tx: Tx, fromParentId: number, toParentId: number): Promise<void> {
  await tx.updateTable('plan').set({ parent_plan_id: toParentId }).where('parent_plan_id', '=', fromParentId).execute();
}

// ---------------------------------------------------------------- versions

export async function listPlanVersions(db: Q, planId: number) {
  return db
    .selectFrom('plan_version')
    .select(['version', 'status', 'created_at', 'note'])
    .where('plan_id', '=', planId)
    .orderBy('version')
    .execute();
}

export async function insertPlanVersion(
  tx: Tx,
  v: {
    planId: number;
    version: number;
    status: string;
    draft: PlanDraft;
    findings: Finding[];
    createdBy: number | null;
    note: string;
  },
): Promise<void> {
  await tx
    .insertInto('plan_version')
    .values({
      plan_id: v.planId,
      version: v.version,
      status: v.status,
      snapshot: JSON.stringify(v.draft),
      findings: JSON.stringify(v.findings),
      created_by: v.createdBy,
      note: v.note,
    })
    .execute();
}

// ---------------------------------------------------------------- stored findings

export interface StoredFindings {
  findings: Finding[];
  /** Signature of the unit register they were checked against. */
  register: string;
}

export async function saveFindings(db: Q, planId: number, stored: StoredFindings): Promise<void> {
  await db
    .updateTable('plan')
    .set({ findings: JSON.stringify(stored.findings), findings_register: stored.register })
    .where('id', '=', planId)
    .execute();
}

export async function saveVersionFindings(db: Q, planId: number, version: number, findings: Finding[]): Promise<void> {
  await db
    .updateTable('plan_version')
    .set({ findings: JSON.stringify(findings) })
    .where('plan_id', '=', planId)
    .where('version', '=', version)
    .execute();
}

/** Plans whose findings were never computed, and open plans (not yet issued) checked against another register. */
export async function plansWithStaleFindings(db: Q, register: string): Promise<PlanRow[]> {
  return db
    .selectFrom('plan')
    .select(PLAN_COLUMNS)
    .where((eb) =>
      eb.or([
        eb('findings', 'is', null),
        eb.and([
          eb('status', 'in', ['draft', 'submitted', 'approved']),
          eb.or([eb('findings_register', 'is', null), eb('findings_register', '!=', register)]),
        ]),
      ]),
    )
    .orderBy('id')
    .execute() as Promise<PlanRow[]>;
}

/** Plans implementing this one (their findings compare with it). */
export async function childPlans(db: Q, parentId: number): Promise<PlanRow[]> {
  return db
    .selectFrom('plan')
    .select(PLAN_COLUMNS)
    .where('parent_plan_id', '=', parentId)
    .orderBy('id')
    .execute() as Promise<PlanRow[]>;
}

/**
 * Plans of units under `roots` that wait for someone: submitted or approved (for the leader), returned drafts, plans
 * with tasks told that their parent plan changed, and a province's issued plans with communes or wards still without a plan of
 * their own (how many, counted here rather than by loading 166 rows).
 */
export async function plansAwaitingAction(db: Q, roots: number[] | 'all') {
  let q = db
    .selectFrom('plan as p')
    .innerJoin('unit as u', 'u.id', 'p.unit_id')
    .select([
      'p.id',
      'p.status',
      'p.title',
      'p.number',
      'p.symbol',
      'p.return_reason',
      'p.unit_id',
      'u.name as unit_name',
      'u.path as unit_path',
      sql<boolean>`EXISTS (SELECT 1 FROM plan_task t WHERE t.plan_id = p.id AND t.parent_change IS NOT NULL)`.as(
        'parent_changed',
      ),
      sql<number>`CASE WHEN p.status = 'issued' AND u.kind = 'province' THEN (
        SELECT count(*)::int FROM unit c
        WHERE c.status = 'active' AND c.kind IN ('commune', 'ward') AND c.path @> ARRAY[p.unit_id]
          AND NOT EXISTS (SELECT 1 FROM plan k WHERE k.parent_plan_id = p.id AND k.unit_id = c.id)
      ) ELSE 0 END`.as('communes_without_plan'),
    ])
    .where((eb) =>
      eb.or([
        eb('p.status', 'in', ['submitted', 'approved']),
        eb.and([eb('p.status', '=', 'draft'), eb('p.return_reason', 'is not', null)]),
        eb.and([eb('p.status', '=', 'issued'), eb('u.kind', '=', 'province')]),
        sql<boolean>`EXISTS (SELECT 1 FROM plan_task t WHERE t.plan_id = p.id AND t.parent_change IS NOT NULL)`,
      ]),
    )
    .orderBy('p.updated_at', 'desc')
    .limit(500);
  if (roots !== 'all') {
    if (!roots.length) return [];
    q = q.where(sql<boolean>`u.path && ${sql.val(roots)}::integer[]`);
  }
  return q.execute();
}
