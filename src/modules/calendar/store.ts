// The working-day calendar in force: the legal defaults plus what administrators adjusted.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { DEFAULT_CALENDAR_CONFIG, type CalendarConfig } from '../../domain/calendar/holidays.ts';
import type { Tx } from '../context.ts';

export async function loadCalendar(db: Kysely<DB> | Tx): Promise<CalendarConfig> {
  const row = await db.selectFrom('calendar_config').select('config').where('id', '=', 1).executeTakeFirst();
  return row ? { ...DEFAULT_CALENDAR_CONFIG, ...(row.config as Partial<CalendarConfig>) } : DEFAULT_CALENDAR_CONFIG;
}

/** The administrators' adjustments as stored (empty when none were made). */
export async function getCalendarOverrides(db: Kysely<DB> | Tx): Promise<Partial<CalendarConfig> | undefined> {
  const row = await db.selectFrom('calendar_config').select('config').where('id', '=', 1).executeTakeFirst();
  return row?.config as Partial<CalendarConfig> | undefined;
}

export async function saveCalendarOverrides(tx: Tx, overrides: Partial<CalendarConfig>): Promise<void> {
  await tx
    .insertInto('calendar_config')
    .values({ id: 1, config: JSON.stringify(overrides), updated_at: new Date() })
    .onConflict((oc) => oc.column('id').doUpdateSet({ config: JSON.stringify(overrides), updated_at: new Date() }))
    .execute();
}
