// Queries on accounts (app_user). No permission logic here: that is the use cases' job.
import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { AppUserTable, DB } from '../../db/schema.ts';
import type { Tx } from '../context.ts';

type Q = Kysely<DB> | Tx;

/** The account of a username as people type it: usernames are unique regardless of case. */
export async function findUserByUsername(db: Q, username: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'username', 'unit_id', 'password_hash', 'is_active'])
    .where(sql`lower(username)`, '=', username.trim().toLowerCase())
    .executeTakeFirst();
}

/** An account with its unit, as sessions and actors are built from it. */
export async function getUserWithUnit(db: Q, userId: number) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('unit as n', 'n.id', 'u.unit_id')
    .select([
      'u.id',
      'u.username',
      'u.full_name',
      'u.email',
      'u.unit_id',
      'u.roles',
      'u.is_active',
      'u.must_change_password',
      'u.is_demo',
      'u.password_hash',
      'n.name as unit_name',
      'n.code as unit_code',
      'n.kind as unit_kind',
      'n.path as unit_path',
      'n.focal_for_id',
    ])
    .where('u.id', '=', userId)
    .executeTakeFirst();
}

export type UserWithUnit = NonNullable<Awaited<ReturnType<typeof getUserWithUnit>>>;

function userRows(db: Q) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('unit as n', 'n.id', 'u.unit_id')
    .select([
      'u.id',
      'u.username',
      'u.full_name',
      'u.email',
      'u.phone',
      'u.unit_id',
      'n.name as unit_name',
      'n.path as unit_path',
      'u.roles',
      'u.is_active',
      'u.is_demo',
      'u.must_change_password',
      'u.last_login_at',
    ]);
}

export type UserRow = Awaited<ReturnType<ReturnType<typeof userRows>['executeTakeFirstOrThrow']>>;

export async function getUserRow(db: Q, id: number): Promise<UserRow | undefined> {
  return userRows(db).where('u.id', '=', id).executeTakeFirst();
}

/** People of a unit (or of its subtree), by name; `q` matches names without accents, and usernames. */
export async function listUserRows(
  db: Q,
  f: { unitId: number; includeSubunits: boolean; q?: string },
): Promise<UserRow[]> {
  let q = userRows(db).orderBy('u.full_name');
  q = f.includeSubunits
    ? q.where(sql<boolean>`n.path @> ARRAY[${f.unitId}]::integer[]`)
    : q.where('u.unit_id', '=', f.unitId);
  if (f.q) {
    const like = `%${f.q.toLowerCase()}%`;
    q = q.where(
      sql<boolean>`(f_unaccent(lower(u.full_name)) LIKE f_unaccent(${like}) OR lower(u.username) LIKE ${like})`,
    );
  }
  return q.limit(500).execute();
}

export async function insertAppUser(tx: Tx, values: Insertable<AppUserTable>): Promise<number> {
  return (await tx.insertInto('app_user').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateAppUser(tx: Tx, id: number, patch: Updateable<AppUserTable>): Promise<void> {
  await tx
    .updateTable('app_user')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function setPasswordHash(tx: Tx, id: number, hash: string, mustChange: boolean): Promise<void> {
  await updateAppUser(tx, id, {
    password_hash: hash,
    must_change_password: mustChange,
    password_changed_at: new Date(),
  });
}

export async function touchLastLogin(tx: Tx, id: number): Promise<void> {
  await tx.updateTable('app_user').set({ last_login_at: new Date() }).where('id', '=', id).execute();
}

export async function countUsers(db: Q): Promise<number> {
  const { n } = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Active accounts of one unit (a unit is retired only once they are moved or locked). */
export async function countActiveUsersOfUnit(db: Q, unitId: number): Promise<number> {
  const { n } = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unit_id', '=', unitId)
    .where('is_active', '=', true)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Moves every account of a unit to another (a merge); returns the ids moved. */
export async function moveUsersToUnit(tx: Tx, fromUnitId: number, toUnitId: number): Promise<number[]> {
  const rows = await tx
    .updateTable('app_user')
    .set({ unit_id: toUnitId })
    .where('unit_id', '=', fromUnitId)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
