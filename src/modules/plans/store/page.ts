// A plan's page in one statement: the plan, its unit, its tasks (with the numbers of the parent tasks they
// implement), the latest amendment, the parent plan with its unit's path, the child plans with their units and the
// versions. The page is the one everyone opens (issue 8): seven round trips to the database became one.
import type { Kysely } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { DB } from '../../../db/schema.ts';
import { precompiled } from '../../../db/precompiled.ts';
import { unitNameOrder } from '../../../db/vi-order.ts';
// The org store itself, not org's entry (see findings.ts: org's entry loads the plans module).
import { UNIT_COLUMNS, type UnitRow } from '../../org/store.ts';
import type { Tx } from '../../context.ts';
import { PLAN_COLUMNS, type PlanRow } from './plans.ts';
import type { TaskRow } from './tasks.ts';

type Q = Kysely<DB> | Tx;

export interface PlanPage {
  plan: PlanRow;
  unit: UnitRow;
  /** In their order in the plan. */
  tasks: Array<TaskRow & { parent_number: string | null }>;
  amendedBy: { id: number; status: string } | null;
  /** The parent plan (whether the reader may see it is the caller's to decide, from `unit_path` and `published`). */
  parent: {
    id: number;
    title: string;
    number: string | null;
    symbol: string | null;
    issued_date: string | null;
    published: boolean;
    unit_path: number[];
  } | null;
  /** Plans implementing this one, by their unit's name (Vietnamese order). */
  children: Array<{ id: number; status: string; unit_id: number; unit_name: string; path: number[] }>;
  versions: Array<{ version: number; status: string; created_at: Date; note: string | null }>;
}

export async function getPlanPage(db: Q, id: number): Promise<PlanPage | undefined> {
  const row = (await planPage(db, id)).rows[0];
  if (!row?.unit) return undefined;
  const { unit, tasks, amended_by, parent, children, versions, ...plan } = row;
  return {
    plan: plan as PlanRow,
    unit: unit as UnitRow,
    tasks: tasks as PlanPage['tasks'],
    amendedBy: amended_by,
    parent: parent as PlanPage['parent'],
    children,
    // Inside JSON a timestamp is text: the same instant as the Date a column gives.
    versions: versions.map((v) => ({ ...v, created_at: new Date(v.created_at as unknown as string) })),
  };
}

const planPage = precompiled((db: Kysely<DB>, id: number) =>
  db
    .selectFrom('plan as p')
    .select(PLAN_COLUMNS.map((c) => `p.${c}` as const))
    .select((eb) => [
      jsonObjectFrom(eb.selectFrom('unit').select(UNIT_COLUMNS).whereRef('unit.id', '=', 'p.unit_id')).as('unit'),
      jsonArrayFrom(
        eb
          .selectFrom('plan_task as t')
          .leftJoin('plan_task as pt', 'pt.id', 't.parent_task_id')
          .selectAll('t')
          .select('pt.number as parent_number')
          .whereRef('t.plan_id', '=', 'p.id')
          .orderBy('t.ordinal'),
      ).as('tasks'),
      jsonObjectFrom(
        eb
          .selectFrom('plan as a')
          .select(['a.id', 'a.status'])
          .whereRef('a.amends_plan_id', '=', 'p.id')
          .orderBy('a.id', 'desc')
          .limit(1),
      ).as('amended_by'),
      jsonObjectFrom(
        eb
          .selectFrom('plan as pp')
          .innerJoin('unit as pu', 'pu.id', 'pp.unit_id')
          .select([
            'pp.id',
            'pp.title',
            'pp.number',
            'pp.symbol',
            'pp.issued_date',
            'pp.published',
            'pu.path as unit_path',
          ])
          .whereRef('pp.id', '=', 'p.parent_plan_id'),
      ).as('parent'),
      jsonArrayFrom(
        eb
          .selectFrom('plan as c')
          .innerJoin('unit as cu', 'cu.id', 'c.unit_id')
          .select(['c.id', 'c.status', 'cu.id as unit_id', 'cu.name as unit_name', 'cu.path'])
          .whereRef('c.parent_plan_id', '=', 'p.id')
          .orderBy(unitNameOrder('cu')),
      ).as('children'),
      jsonArrayFrom(
        eb
          .selectFrom('plan_version as v')
          .select(['v.version', 'v.status', 'v.created_at', 'v.note'])
          .whereRef('v.plan_id', '=', 'p.id')
          .orderBy('v.version'),
      ).as('versions'),
    ])
    .where('p.id', '=', id),
);
