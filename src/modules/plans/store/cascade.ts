// Queries of the cascade: the province's rule table and the batched writes that create the communes' drafts.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { CascadeRule } from '../../../domain/plan/cascade.ts';
import type { Tx } from '../../context.ts';
import type { TaskValues } from './tasks.ts';

type Q = Kysely<DB> | Tx;

/** The province's own rules in order; empty when it keeps the default table. */
export async function listCascadeRules(db: Q, provinceId: number): Promise<CascadeRule[]> {
  const rows = await db
    .selectFrom('cascade_rule')
    .select('rule')
    .where('province_unit_id', '=', provinceId)
    .orderBy('ordinal')
    .execute();
  return rows.map((r) => r.rule as CascadeRule);
}

export async function hasCustomCascadeRules(db: Q, provinceId: number): Promise<boolean> {
  return !!(await db
    .selectFrom('cascade_rule')
    .select('id')
    .where('province_unit_id', '=', provinceId)
    .executeTakeFirst());
}

/** Replaces the province's rule table with these rules, in this order. */
export async function replaceCascadeRules(tx: Tx, provinceId: number, rules: CascadeRule[]): Promise<void> {
  await tx.deleteFrom('cascade_rule').where('province_unit_id', '=', provinceId).execute();
  if (rules.length) {
    await tx
      .insertInto('cascade_rule')
      .values(rules.map((r, i) => ({ province_unit_id: provinceId, ordinal: i, rule: JSON.stringify(r) })))
      .execute();
  }
}

export interface CascadedPlanValues {
  unit_id: number;
  doc_type: string;
  number: string | null;
  symbol: string | null;
  issued_date: string | null;
  year: number | null;
  title: string;
  header: string;
  sections: string;
  groups: string;
  unplaced: string;
  parent_plan_id: number;
  created_by: number;
  source_name: string;
  findings: string;
  findings_register: string;
}

/** One INSERT for a batch of communes' plans; their ids in the order given. */
export async function insertCascadedPlans(tx: Tx, rows: CascadedPlanValues[]) {
  return tx.insertInto('plan').values(rows).returning(['id', 'unit_id']).execute();
}

/** All the tasks of a batch of plans, 1000 rows per INSERT (PostgreSQL's parameter limit). */
export async function insertTasksBatched(tx: Tx, rows: TaskValues[]): Promise<void> {
  for (let k = 0; k < rows.length; k += 1000)
    await tx
      .insertInto('plan_task')
      .values(rows.slice(k, k + 1000))
      .execute();
}
