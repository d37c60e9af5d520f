// SQL of the catalogue entries: datasets, their version history, the lists (in scope, public) and the figures.
// Unit names and paths are joined from the register (read only).
import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { Tx } from '../../context.ts';

type Q = Kysely<DB> | Tx;

function datasetQuery(db: Q) {
  return db
    .selectFrom('dataset as d')
    .innerJoin('unit as n', 'n.id', 'd.unit_id')
    .leftJoin('app_user as pu', 'pu.id', 'd.published_by')
    .selectAll('d')
    .select([
      'n.name as unit_name',
      'n.code as unit_code',
      'n.path as unit_path',
      'pu.full_name as published_by_name',
      (eb) =>
        eb
          .selectFrom('dataset_resource as r')
          .select((e) => e.fn.countAll<string>().as('n'))
          .whereRef('r.dataset_id', '=', 'd.id')
          .where('r.removed_at', 'is', null)
          .as('resource_count'),
      (eb) =>
        eb
          .selectFrom('dataset_resource as r')
          .innerJoin('dataset_resource_version as v', (j) =>
            j.onRef('v.resource_id', '=', 'r.id').onRef('v.version', '=', 'r.current_version'),
          )
          .select((e) => e.fn.min('v.quality_score').as('q'))
          .whereRef('r.dataset_id', '=', 'd.id')
          .where('r.removed_at', 'is', null)
          .as('quality_score'),
    ]);
}

export type DatasetRow = NonNullable<Awaited<ReturnType<typeof getDataset>>>;

export async function getDataset(db: Q, id: number) {
  return datasetQuery(db).where('d.id', '=', id).executeTakeFirst();
}

/** Serialises changes to one dataset (edit, publish, resources) across concurrent requests. */
export async function lockDataset(tx: Tx, id: number): Promise<void> {
  await tx.selectFrom('dataset').select('id').where('id', '=', id).forUpdate().execute();
}

export interface DatasetFilter {
  roots: number[] | 'all';
  unitId?: number;
  sector?: string;
  accessClass?: string;
  status?: string;
  q?: string;
  limit: number;
  offset: number;
}

/**
 * `q` is matched, without accents, word by word against the stored search label (title, keywords, owner), each
 * word a LIKE the label's trigram index answers: "ho kinh doanh nam sam son" finds "Hộ kinh doanh … Nam Sầm Sơn".
 */
function searchCondition(q: string) {
  const words = q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8)
    .map((word) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return sql<boolean>`(${sql.join(
    words.map((like) => sql`d.search_label LIKE f_unaccent(${like})`),
    sql` AND `,
  )})`;
}

export async function listDatasets(db: Q, f: DatasetFilter): Promise<{ total: number; rows: DatasetRow[] }> {
  if (f.roots !== 'all' && f.roots.length === 0) return { total: 0, rows: [] };
  let q = datasetQuery(db);
  if (f.roots !== 'all') q = q.where(sql<boolean>`n.path && ${sql.val(f.roots)}::integer[]`);
  if (f.unitId) q = q.where(sql<boolean>`n.path @> ARRAY[${f.unitId}]::integer[]`);
  if (f.sector) q = q.where('d.sector', '=', f.sector);
  if (f.accessClass) q = q.where('d.access_class', '=', f.accessClass as never);
  if (f.status) q = q.where('d.status', '=', f.status as never);
  if (f.q) q = q.where(searchCondition(f.q));
  const total = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q
    .orderBy('d.updated_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { total: Number(total.n), rows };
}

export interface PublicFilter {
  q?: string;
  sector?: string;
  accessClass?: string;
  unitId?: number;
  communeId?: number;
  limit: number;
  offset: number;
}

export async function listPublished(db: Q, f: PublicFilter): Promise<{ total: number; rows: DatasetRow[] }> {
  let q = datasetQuery(db).where('d.status', '=', 'published');
  if (f.sector) q = q.where('d.sector', '=', f.sector);
  if (f.accessClass) q = q.where('d.access_class', '=', f.accessClass as never);
  if (f.unitId) q = q.where(sql<boolean>`n.path @> ARRAY[${f.unitId}]::integer[]`);
  if (f.communeId) q = q.where(sql<boolean>`d.spatial_unit_ids @> ARRAY[${f.communeId}]::integer[]`);
  if (f.q) q = q.where(searchCondition(f.q));
  const total = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q
    .orderBy('d.published_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { total: Number(total.n), rows };
}

/** Every published dataset, newest first, in pages (the DCAT and CSV exports stream through these). */
export async function publishedPage(db: Q, afterId: number | null, size: number): Promise<DatasetRow[]> {
  let q = datasetQuery(db).where('d.status', '=', 'published');
  if (afterId !== null) q = q.where('d.id', '<', afterId);
  return q.orderBy('d.id', 'desc').limit(size).execute();
}

export type DatasetValues = Omit<
  Required<Insertable<DB['dataset']>>,
  | 'id'
  | 'uuid'
  | 'status'
  | 'version'
  | 'published_at'
  | 'published_by'
  | 'retracted_at'
  | 'retract_reason'
  | 'created_at'
  | 'updated_at'
  | 'created_by'
>;

export async function insertDataset(
  tx: Tx,
  v: DatasetValues,
  userId: number | null,
): Promise<{ id: number; uuid: string }> {
  return tx
    .insertInto('dataset')
    .values({ ...v, search_label: sql`f_unaccent(lower(${v.search_label}))`, created_by: userId } as never)
    .returning(['id', 'uuid'])
    .executeTakeFirstOrThrow();
}

export async function updateDataset(tx: Tx, id: number, patch: Partial<Record<keyof DB['dataset'], unknown>>) {
  const set: Record<string, unknown> = { ...patch, updated_at: sql`now()` };
  if (typeof patch.search_label === 'string') set.search_label = sql`f_unaccent(lower(${patch.search_label}))`;
  await tx
    .updateTable('dataset')
    .set(set as never)
    .where('id', '=', id)
    .execute();
}

/** The next version number: every saved change of the entry is one. */
export async function bumpVersion(tx: Tx, id: number): Promise<number> {
  const row = await tx
    .updateTable('dataset')
    .set({ version: sql`version + 1`, updated_at: sql`now()` } as never)
    .where('id', '=', id)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

export async function insertVersion(
  tx: Tx,
  v: { datasetId: number; version: number; snapshot: unknown; note: string; userId: number | null },
): Promise<void> {
  await tx
    .insertInto('dataset_version')
    .values({
      dataset_id: v.datasetId,
      version: v.version,
      snapshot: JSON.stringify(v.snapshot),
      note: v.note,
      changed_by: v.userId,
    })
    .onConflict((oc) => oc.columns(['dataset_id', 'version']).doNothing())
    .execute();
}

export async function listVersions(db: Q, datasetId: number) {
  return db
    .selectFrom('dataset_version as v')
    .leftJoin('app_user as u', 'u.id', 'v.changed_by')
    .select(['v.version', 'v.note', 'v.changed_at', 'u.full_name'])
    .where('v.dataset_id', '=', datasetId)
    .orderBy('v.version', 'desc')
    .limit(100)
    .execute();
}

/** Another dataset of the same owner with this title, not retracted (the uniqueness rule, before the index says so). */
export async function titleTaken(db: Q, unitId: number, title: string, exceptId: number | null): Promise<boolean> {
  let q = db
    .selectFrom('dataset')
    .select('id')
    .where('unit_id', '=', unitId)
    .where(sql<boolean>`lower(title) = lower(${title})`)
    .where('status', '<>', 'retracted');
  if (exceptId !== null) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function unitsByIds(db: Q, ids: readonly number[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('unit')
    .select(['id', 'name', 'code', 'path'])
    .where('id', 'in', [...ids])
    .execute();
}
