// SQL of the national node: the provinces allowed to deliver, and what they delivered (national_dataset and
// national_ai_system share one shape; `kind` picks the table).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

export type NationalKind = 'dataset' | 'aiSystem';
const TABLE = { dataset: 'national_dataset', aiSystem: 'national_ai_system' } as const;
// Both tables have the NationalEntryTable shape: queries are written once against the first.
const table = (kind: NationalKind) => TABLE[kind] as 'national_dataset';

/** The configured provinces and their token hashes; provinces no longer configured keep their rows, without a token. */
export async function syncProvinces(
  db: Kysely<DB>,
  provinces: ReadonlyArray<{ code: string; tokenHash: string }>,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    for (const p of provinces)
      await tx
        .insertInto('national_province')
        .values({ code: p.code, name: `Tỉnh mã ${p.code}`, token_hash: p.tokenHash })
        .onConflict((oc) => oc.column('code').doUpdateSet({ token_hash: p.tokenHash, updated_at: new Date() }))
        .execute();
    let revoke = tx.updateTable('national_province').set({ token_hash: null, updated_at: new Date() });
    if (provinces.length)
      revoke = revoke.where(
        'code',
        'not in',
        provinces.map((p) => p.code),
      );
    await revoke.where('token_hash', 'is not', null).execute();
  });
}

export async function provinceTokenHashes(
  db: Kysely<DB>,
): Promise<Array<{ code: string; name: string; hash: string }>> {
  const rows = await db
    .selectFrom('national_province')
    .select(['code', 'name', 'token_hash'])
    .where('token_hash', 'is not', null)
    .execute();
  return rows.map((r) => ({ code: r.code, name: r.name, hash: r.token_hash as string }));
}

/** The name a province gives itself in its deliveries. */
export async function renameProvince(db: Kysely<DB>, code: string, name: string): Promise<void> {
  await db
    .updateTable('national_province')
    .set({ name, updated_at: new Date() })
    .where('code', '=', code)
    .where('name', '<>', name)
    .execute();
}

/** The columns a delivery sets (derived from the entry or the tombstone by the use case). */
export interface EntryColumns {
  version: number;
  entry: unknown | null;
  title: string;
  category: string | null;
  access_class: string | null;
  search_folded: string;
  modified: string | null;
  retracted: boolean;
  tombstone: unknown | null;
}

function values(c: EntryColumns) {
  return {
    version: c.version,
    entry: c.entry === null ? null : JSON.stringify(c.entry),
    title: c.title,
    category: c.category,
    access_class: c.access_class,
    search_folded: c.search_folded,
    modified: c.modified,
    retracted_at: c.retracted ? new Date() : null,
    tombstone: c.tombstone === null ? null : JSON.stringify(c.tombstone),
    updated_at: new Date(),
  };
}

/** Inserts a record the node does not hold; false when it holds one (by uuid, whichever province). */
export async function insertIfAbsent(
  db: Kysely<DB>,
  kind: NationalKind,
  uuid: string,
  provinceCode: string,
  c: EntryColumns,
): Promise<boolean> {
  const r = await db
    .insertInto(table(kind))
    .values({ uuid, province_code: provinceCode, ...values(c) })
    .onConflict((oc) => oc.column('uuid').doNothing())
    .returning('uuid')
    .executeTakeFirst();
  return r !== undefined;
}

/** The held record, locked until the transaction ends (two deliveries of one record apply one after the other). */
export async function lockHeld(db: Kysely<DB>, kind: NationalKind, uuid: string) {
  return db
    .selectFrom(table(kind))
    .select(['province_code', 'version', 'retracted_at', 'entry'])
    .where('uuid', '=', uuid)
    .forUpdate()
    .executeTakeFirst();
}

/** Applies a delivery; a put keeps the tombstone column cleared, a retraction keeps the last entry (never served). */
export async function applyDelivery(db: Kysely<DB>, kind: NationalKind, uuid: string, c: EntryColumns): Promise<void> {
  const v = values(c);
  const set = c.retracted
    ? { version: v.version, retracted_at: v.retracted_at, tombstone: v.tombstone, updated_at: v.updated_at }
    : v;
  await db.updateTable(table(kind)).set(set).where('uuid', '=', uuid).execute();
}

export interface CatalogueFilter {
  province?: string;
  folded?: string;
  category?: string;
  accessClass?: string;
  includeRetracted: boolean;
  limit: number;
  offset: number;
}

const catalogueColumns = [
  'e.uuid',
  'e.version',
  'e.entry',
  'e.title',
  'e.retracted_at',
  'e.tombstone',
  'e.received_at',
  'e.updated_at',
  'e.modified',
  'p.code as province_code',
  'p.name as province_name',
] as const;

export async function listCatalogue(db: Kysely<DB>, kind: NationalKind, f: CatalogueFilter) {
  let q = db.selectFrom(`${table(kind)} as e`).innerJoin('national_province as p', 'p.code', 'e.province_code');
  if (!f.includeRetracted) q = q.where('e.retracted_at', 'is', null);
  if (f.province) q = q.where('e.province_code', '=', f.province);
  if (f.category) q = q.where('e.category', '=', f.category);
  if (f.accessClass) q = q.where('e.access_class', '=', f.accessClass);
  if (f.folded) q = q.where(sql<boolean>`e.search_folded LIKE ${`%${f.folded.replace(/[\\%_]/g, '\\$&')}%`}`);
  const total = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select(catalogueColumns)
    .orderBy('e.modified', (ob) => ob.desc().nullsLast())
    .orderBy('e.uuid')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { total: Number(total.n), rows };
}

export async function getCatalogueEntry(db: Kysely<DB>, kind: NationalKind, uuid: string) {
  return db
    .selectFrom(`${table(kind)} as e`)
    .innerJoin('national_province as p', 'p.code', 'e.province_code')
    .select(catalogueColumns)
    .where('e.uuid', '=', uuid)
    .executeTakeFirst();
}

export type CatalogueRow = NonNullable<Awaited<ReturnType<typeof getCatalogueEntry>>>;
