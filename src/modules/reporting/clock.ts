// "Now" for the reporting cycle. Deadlines, lateness and reminders depend on the date, so tests set a fixed clock
// per database (each test file has its own), without touching the process clock.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Clock = () => Date;
const clocks = new WeakMap<object, Clock>();

/** Sets (or with null, clears) the clock used for this database. */
export function setReportingClock(db: Kysely<DB>, clock: Clock | Date | string | null): void {
  if (clock === null) clocks.delete(db);
  else if (typeof clock === 'function') clocks.set(db, clock);
  else {
    const at = new Date(clock);
    clocks.set(db, () => new Date(at));
  }
}

export function nowFor(db: Kysely<DB>): Date {
  return clocks.get(db)?.() ?? new Date();
}

/** The calendar date in Việt Nam (UTC+7, no daylight saving) of an instant: deadlines are counted there. */
export function vnDate(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export function todayFor(db: Kysely<DB>): string {
  return vnDate(nowFor(db));
}
