// The AI products a unit's uses are of: what it is, who provides it, its version.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { Tx } from '../../context.ts';

type Q = Kysely<DB> | Tx;

const productColumns = [
  'p.id',
  'p.name',
  'p.provider',
  'p.provider_contact',
  'p.version',
  'p.function',
  'p.model_type',
  'p.training_data',
  'p.provider_level',
  'p.ai_system_id',
  'p.template',
] as const;

export async function listProducts(db: Q, opts: { q?: string; limit: number }) {
  let q = db.selectFrom('ai_product as p').select([
    ...productColumns,
    (eb) =>
      eb
        .selectFrom('ai_use as u')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('u.product_id', '=', 'p.id')
        .as('uses'),
  ]);
  if (opts.q) {
    const like = `%${opts.q.toLowerCase()}%`;
    q = q.where(
      sql<boolean>`(f_unaccent(lower(p.name)) LIKE f_unaccent(${like}) OR f_unaccent(lower(p.provider)) LIKE f_unaccent(${like}))`,
    );
  }
  return q.orderBy('p.name').orderBy('p.id').limit(opts.limit).execute();
}

export async function getProduct(db: Q, id: number) {
  return db.selectFrom('ai_product as p').select(productColumns).where('p.id', '=', id).executeTakeFirst();
}

export async function findProduct(db: Q, name: string, provider: string, version: string) {
  return db
    .selectFrom('ai_product')
    .select('id')
    .where(sql<boolean>`lower(name) = lower(${name}) AND lower(provider) = lower(${provider}) AND version = ${version}`)
    .executeTakeFirst();
}

export interface NewProduct {
  name: string;
  provider: string;
  providerContact: string;
  version: string;
  function: string;
  modelType: string;
  trainingData: string;
  providerLevel: 'high' | 'medium' | 'low' | null;
  aiSystemId: string | null;
  template: Record<string, unknown>;
}

export async function insertProduct(tx: Tx, p: NewProduct, userId: number): Promise<number> {
  const row = await tx
    .insertInto('ai_product')
    .values({
      name: p.name,
      provider: p.provider,
      provider_contact: p.providerContact,
      version: p.version,
      function: p.function,
      model_type: p.modelType,
      training_data: p.trainingData,
      provider_level: p.providerLevel,
      ai_system_id: p.aiSystemId,
      template: JSON.stringify(p.template),
      created_by: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
