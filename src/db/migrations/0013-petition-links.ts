import { sql, type Kysely } from 'kysely';

// A petition about a record of the other modules: an AI system a unit operates (feedback on a published use, Mẫu
// AI02 §V.3) or a dataset of the provincial AI database. The record may be deleted only with its link cleared.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE petition ADD COLUMN ai_use_id integer REFERENCES ai_use(id) ON DELETE SET NULL`.execute(db);
  await sql`ALTER TABLE petition ADD COLUMN dataset_id integer REFERENCES dataset(id) ON DELETE SET NULL`.execute(db);
  await sql`CREATE INDEX petition_ai_use_idx ON petition (ai_use_id) WHERE ai_use_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX petition_dataset_idx ON petition (dataset_id) WHERE dataset_id IS NOT NULL`.execute(db);
}
