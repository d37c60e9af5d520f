// The cheapest round trip to the database: the health route's proof that it answers.
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';

export async function ping(db: Kysely<DB>): Promise<void> {
  await sql`SELECT 1`.execute(db);
}
