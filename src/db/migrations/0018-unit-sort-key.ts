import { sql, type Kysely } from 'kysely';
import { VI_SORT_KEY } from '../../domain/text.ts';

// A unit's short name's Vietnamese sort key (src/domain/text.ts `viSortKey`), stored when the name is written instead
// of computed by translate() on every read that lists units by name: the province plan's page sorts its 161 child
// plans' units on every request, and translate() over the 130-letter table cost 1.7 ms of the database's time per
// page on PostgreSQL (issue 8). Compared byte by byte (COLLATE "C"), as db/vi-order.ts orders. Should the key's table
// ever change, a later migration recreates the column with the new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE unit ADD COLUMN sort_key text COLLATE "C"
    GENERATED ALWAYS AS (translate(short_name, ${sql.lit(VI_SORT_KEY.from)}, ${sql.lit(VI_SORT_KEY.to)})) STORED`.execute(
    db,
  );
}
