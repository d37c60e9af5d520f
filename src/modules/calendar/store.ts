// The working-day calendar in force: the legal defaults plus what administrators adjusted.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { DEFAULT_CALENDAR_CONFIG, type CalendarConfig } from '../../domain/calendar/holidays.ts';
import type { Tx } from '../context.ts';

export async function loadCalendar(db: Kysely<DB> | Tx): Promise<CalendarConfig> {
  const row = await db.selectFrom('calendar_config').select('config').where('id', '=', 1).executeTakeFirst();
  return row ? { ...DEFAULT_CALENDAR_CONFIG, ...(row.config as Partial<CalendarConfig>) } : DEFAULT_CALENDAR_CONFIG;
}
