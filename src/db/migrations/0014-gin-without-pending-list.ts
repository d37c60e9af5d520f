import { sql, type Kysely } from 'kysely';

// GIN indexes (the trigram search indexes, the unit paths) without a pending list. With fastupdate on, new entries
// wait in an unsorted list that every search reads in full until a vacuum merges it; PGlite never vacuums, and the
// reference data loads thousands of entries at once: a unit search spent 5 ms of its 13 reading that list (0.05 ms
// after it was merged). Our indexes change rarely and are read on every keystroke, so entries go straight in.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DO $$
    DECLARE r record;
    BEGIN
      FOR r IN
        SELECT c.oid::regclass AS idx
        FROM pg_class c JOIN pg_am a ON a.oid = c.relam
        WHERE a.amname = 'gin' AND c.relkind = 'i' AND c.relnamespace = current_schema()::regnamespace
      LOOP
        EXECUTE format('ALTER INDEX %s SET (fastupdate = off)', r.idx);
        PERFORM gin_clean_pending_list(r.idx);
      END LOOP;
    END $$`.execute(db);
}
