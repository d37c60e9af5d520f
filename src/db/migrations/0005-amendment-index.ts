import { sql, type Kysely } from 'kysely';

// One child plan per commune and parent plan — but an amendment draft lives next to the plan it amends (same parent,
// same unit) until it is issued, so amendments are outside the uniqueness.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS plan_child_per_unit_idx`.execute(db);
  await sql`CREATE UNIQUE INDEX plan_child_per_unit_idx ON plan (parent_plan_id, unit_id)
    WHERE parent_plan_id IS NOT NULL AND amends_plan_id IS NULL AND status NOT IN ('amended','superseded')`.execute(db);
}
