// The people an AI-systems act reaches: the staff mailed about an incident, the units that follow a unit, the
// leader whose name is printed under a signature. Read from the register and the accounts (read only).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { Tx } from '../../context.ts';

type Q = Kysely<DB> | Tx;

/** Leaders and officers of units, with an e-mail address (the incident mail goes to them). */
export async function staffEmails(db: Q, unitIds: number[]): Promise<string[]> {
  if (!unitIds.length) return [];
  const rows = await db
    .selectFrom('app_user')
    .select('email')
    .where('unit_id', 'in', unitIds)
    .where('is_active', '=', true)
    .where(sql<boolean>`roles && ARRAY['leader','officer']::text[]`)
    .where('email', 'is not', null)
    .execute();
  return rows.map((r) => r.email!).filter(Boolean);
}

/** Units that follow a unit: those whose focal_for_id is on its path (Sở KH&CN for the province, Phòng VH-XH for a ward). */
export async function focalUnitsOver(db: Q, path: readonly number[]): Promise<Array<{ id: number; name: string }>> {
  if (!path.length) return [];
  return db
    .selectFrom('unit')
    .select(['id', 'name'])
    .where('focal_for_id', 'in', [...path])
    .where('status', '=', 'active')
    .execute();
}

/** The full name of an account (the approving leader's, printed under the signature). */
export async function userFullName(db: Q, userId: number): Promise<string | null> {
  const row = await db.selectFrom('app_user').select('full_name').where('id', '=', userId).executeTakeFirst();
  return row?.full_name ?? null;
}
