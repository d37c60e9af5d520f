// Queries of the reminders: the log that makes each (report, offset, channel) go out once, and whom to e-mail.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { Tx } from '../../context.ts';

type Q = Kysely<DB> | Tx;

export interface ReminderLogKey {
  regimeId: number;
  periodKey: string;
  unitId: number;
  offset: number;
  channel: 'email' | 'app';
}

/** Claims a reminder: its log row's id, or null when it has already gone out (the row is unique). */
export async function insertReminderLog(db: Q, v: ReminderLogKey & { recipients: string }): Promise<number | null> {
  const row = await db
    .insertInto('reminder_log')
    .values({
      regime_id: v.regimeId,
      period_key: v.periodKey,
      unit_id: v.unitId,
      offset_days: v.offset,
      channel: v.channel,
      recipients: v.recipients,
    })
    .onConflict((oc) => oc.columns(['regime_id', 'period_key', 'unit_id', 'offset_days', 'channel']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Releases a claimed reminder whose e-mail failed, so the next pass tries again. */
export async function deleteReminderLog(db: Q, id: number): Promise<void> {
  await db.deleteFrom('reminder_log').where('id', '=', id).execute();
}

/** The e-mail addresses of the active officers and leaders of some units. */
export async function reminderRecipients(db: Q, unitIds: number[]) {
  return db
    .selectFrom('app_user')
    .select(['unit_id', 'email'])
    .where('is_active', '=', true)
    .where('email', 'is not', null)
    .where(sql<boolean>`unit_id = ANY(${sql.val(unitIds)}::integer[])`)
    .where(sql<boolean>`roles && ARRAY['officer','leader']::text[]`)
    .execute();
}
