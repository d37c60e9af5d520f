// A unit's uses of AI products, read with the product's and the unit's names and the versions of their assessment.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { Tx } from '../../context.ts';

type Q = Kysely<DB> | Tx;

export function useQuery(db: Q) {
  return db
    .selectFrom('ai_use as u')
    .innerJoin('ai_product as p', 'p.id', 'u.product_id')
    .innerJoin('unit as n', 'n.id', 'u.unit_id')
    .selectAll('u')
    .select([
      'p.name as product_name',
      'p.provider as product_provider',
      'p.provider_contact as product_provider_contact',
      'p.version as product_version',
      'p.function as product_function',
      'p.model_type as product_model_type',
      'p.training_data as product_training_data',
      'p.provider_level as product_provider_level',
      'p.ai_system_id as product_ai_system_id',
      'n.name as unit_name',
      'n.path as unit_path',
      (eb) =>
        eb
          .selectFrom('ai_impact_assessment as a')
          .select((e) => e.fn.max('a.version').as('v'))
          .whereRef('a.use_id', '=', 'u.id')
          .where('a.status', 'in', ['approved', 'published'])
          .as('approved_version'),
      (eb) =>
        eb
          .selectFrom('ai_impact_assessment as a')
          .select((e) => e.fn.max('a.version').as('v'))
          .whereRef('a.use_id', '=', 'u.id')
          .where('a.status', '=', 'published')
          .as('published_version'),
    ]);
}

export type UseRow = NonNullable<Awaited<ReturnType<typeof getUse>>>;

export async function getUse(db: Q, id: number) {
  return useQuery(db).where('u.id', '=', id).executeTakeFirst();
}

export interface UseFilter {
  roots: number[] | 'all';
  unitId?: number;
  status?: string;
  level?: string;
  q?: string;
  limit: number;
  offset: number;
}

export async function listUses(db: Q, f: UseFilter): Promise<{ total: number; rows: UseRow[] }> {
  if (f.roots !== 'all' && f.roots.length === 0) return { total: 0, rows: [] };
  let q = useQuery(db);
  if (f.roots !== 'all') q = q.where(sql<boolean>`n.path && ${sql.val(f.roots)}::integer[]`);
  if (f.unitId) q = q.where(sql<boolean>`n.path @> ARRAY[${f.unitId}]::integer[]`);
  if (f.status) q = q.where('u.status', '=', f.status as never);
  if (f.level) q = q.where('u.level', '=', f.level as never);
  if (f.q) {
    const like = `%${f.q.toLowerCase()}%`;
    q = q.where(
      sql<boolean>`(f_unaccent(lower(p.name)) LIKE f_unaccent(${like}) OR f_unaccent(lower(u.purpose)) LIKE f_unaccent(${like}) OR f_unaccent(lower(n.name)) LIKE f_unaccent(${like}))`,
    );
  }
  const total = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q
    .orderBy('u.updated_at', 'desc')
    .orderBy('u.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { total: Number(total.n), rows };
}

export type UseValues = Omit<DB['ai_use'], 'id' | 'uuid' | 'created_at' | 'updated_at'>;

export async function insertUse(
  tx: Tx,
  v: Partial<{ [K in keyof DB['ai_use']]: unknown }> & { product_id: number; unit_id: number; purpose: string },
): Promise<number> {
  const row = await tx
    .insertInto('ai_use')
    .values(v as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUse(tx: Tx, id: number, patch: Record<string, unknown>): Promise<void> {
  await tx
    .updateTable('ai_use')
    .set({ ...patch, updated_at: sql<Date>`now()` } as never)
    .where('id', '=', id)
    .execute();
}

/** Serialises changes to one use (classification, assessment, status) across concurrent requests. */
export async function lockUse(tx: Tx, id: number): Promise<void> {
  await tx.selectFrom('ai_use').select('id').where('id', '=', id).forUpdate().execute();
}
