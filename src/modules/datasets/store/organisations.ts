// SQL of organisation accounts: registration, lookup by the hash of the access key, the administrators' list and
// their decisions.
import { sql, type Kysely } from 'kysely';
import type { DataOrganisationStatus, DB } from '../../../db/schema.ts';
import type { Tx } from '../../context.ts';

type Q = Kysely<DB> | Tx;

export type OrganisationRow = Awaited<ReturnType<typeof organisationByKeyHash>> & object;

export async function insertOrganisation(
  tx: Tx,
  o: {
    name: string;
    taxCode: string;
    kind: DB['data_organisation']['kind'];
    address: string;
    contactName: string;
    contactEmail: string;
    contactPhone: string;
    keyHash: string;
    keyHint: string;
  },
): Promise<number> {
  const row = await tx
    .insertInto('data_organisation')
    .values({
      name: o.name,
      tax_code: o.taxCode,
      kind: o.kind,
      address: o.address,
      contact_name: o.contactName,
      contact_email: o.contactEmail,
      contact_phone: o.contactPhone,
      key_hash: o.keyHash,
      key_hint: o.keyHint,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function organisationByKeyHash(db: Q, keyHash: string) {
  return db.selectFrom('data_organisation').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
}

export async function organisationById(db: Q, id: number) {
  return db.selectFrom('data_organisation').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks the key as used, at most once a minute (a download does not write a row for nothing). */
export async function touchOrganisation(db: Q, id: number): Promise<void> {
  await db
    .updateTable('data_organisation')
    .set({ last_used_at: sql`now()` } as never)
    .where('id', '=', id)
    .where((e) => e.or([e('last_used_at', 'is', null), e('last_used_at', '<', sql<Date>`now() - interval '1 minute'`)]))
    .execute();
}

/** An account as the administrators see it: who decided, and how many requests it made. */
function adminRows(db: Q) {
  return db
    .selectFrom('data_organisation as o')
    .leftJoin('app_user as du', 'du.id', 'o.decided_by')
    .selectAll('o')
    .select('du.full_name as decided_by_name')
    .select((e) =>
      e
        .selectFrom('dataset_access_request as a')
        .whereRef('a.organisation_id', '=', 'o.id')
        .select((c) => c.fn.countAll<string>().as('n'))
        .as('requests'),
    );
}
export type OrganisationAdminRow = Awaited<ReturnType<typeof getOrganisationForAdmin>> & object;

export async function getOrganisationForAdmin(db: Q, id: number) {
  return adminRows(db).where('o.id', '=', id).executeTakeFirst();
}

export async function listOrganisations(
  db: Q,
  f: { status?: DataOrganisationStatus; q?: string; limit: number; offset: number },
) {
  let base = db.selectFrom('data_organisation as o');
  let rowsQuery = adminRows(db);
  if (f.status) {
    base = base.where('o.status', '=', f.status);
    rowsQuery = rowsQuery.where('o.status', '=', f.status);
  }
  if (f.q) {
    // A few hundred accounts at most: folded text compared row by row is enough.
    const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    const match = sql<boolean>`(f_unaccent(lower(o.name)) LIKE f_unaccent(${like}) OR o.tax_code LIKE ${like})`;
    base = base.where(match);
    rowsQuery = rowsQuery.where(match);
  }
  const total = await base.select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await rowsQuery
    .orderBy(sql`o.status = 'pending'`, 'desc')
    .orderBy('o.created_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { total: Number(total.n), rows };
}

export async function decideOrganisation(
  tx: Tx,
  id: number,
  d: { status: DataOrganisationStatus; userId: number; reason: string },
): Promise<void> {
  await tx
    .updateTable('data_organisation')
    .set({ status: d.status, decided_by: d.userId, decided_at: sql`now()`, decision_reason: d.reason || null } as never)
    .where('id', '=', id)
    .execute();
}

export async function replaceKey(tx: Tx, id: number, keyHash: string, keyHint: string): Promise<void> {
  await tx
    .updateTable('data_organisation')
    .set({
      key_hash: keyHash,
      key_hint: keyHint,
      key_issued_at: sql`now()`,
      recovery_hash: null,
      recovery_expires_at: null,
    } as never)
    .where('id', '=', id)
    .execute();
}

/** The account a lost key belongs to: its tax code and its contact's address (any case), not a refused one. */
export async function organisationForRecovery(db: Q, taxCode: string, contactEmail: string) {
  return db
    .selectFrom('data_organisation')
    .selectAll()
    .where('tax_code', '=', taxCode)
    .where(sql<boolean>`lower(contact_email) = lower(${contactEmail})`)
    .where('status', '<>', 'refused')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** Keeps a recovery code's hash until it expires; a newer code replaces an older one. */
export async function setRecovery(tx: Tx, id: number, hash: string, expiresAt: Date): Promise<void> {
  await tx
    .updateTable('data_organisation')
    .set({ recovery_hash: hash, recovery_expires_at: expiresAt })
    .where('id', '=', id)
    .execute();
}

/** The account a recovery code was mailed to, while the code is valid; locked for the key's replacement. */
export async function organisationByRecoveryHash(tx: Tx, hash: string) {
  return tx
    .selectFrom('data_organisation')
    .selectAll()
    .where('recovery_hash', '=', hash)
    .where('recovery_expires_at', '>', sql<Date>`now()`)
    .forUpdate()
    .executeTakeFirst();
}
