import { sql, type Kysely } from 'kysely';

// Review findings are computed when a plan is written and stored with it, so reading a plan never re-runs the checks.
// NULL means "not computed yet": rows from before this migration get theirs once, at `prepare` (see
// src/modules/plans/findings.ts). `findings_register` names the state of the unit register they were checked against.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE plan ADD COLUMN IF NOT EXISTS findings jsonb`.execute(db);
  await sql`ALTER TABLE plan ADD COLUMN IF NOT EXISTS findings_register text`.execute(db);
  // An issued version keeps the findings it was issued with, beside its snapshot.
  await sql`ALTER TABLE plan_version ADD COLUMN IF NOT EXISTS findings jsonb`.execute(db);
}
