import { sql, type Kysely } from 'kysely';

// What kind of text a search entry is ("name", "former", "code"…), so a result can say why it matched
// ("khớp tên cũ: Phường Quảng Vinh").
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE search_entry ADD COLUMN label text NOT NULL DEFAULT 'name'`.execute(db);
  // Entries written before this migration: unit aliases were weighted 0.8 (former names) and 0.9 (other names).
  await sql`UPDATE search_entry SET label = CASE WHEN weight = 0.8 THEN 'former' WHEN weight = 0.9 THEN 'alias' ELSE 'name' END WHERE entity_type = 'unit'`.execute(
    db,
  );
}
