import { sql, type Kysely } from 'kysely';

// The national node's side of the federated connection (THIHANH_NODE_ROLE=national): the provinces allowed to
// deliver (their tokens stored hashed), and what each delivered, keyed by the province's own uuid and kept with its
// origin. A retraction keeps the row with its tombstone: the entry leaves the catalogue, the fact that it was there
// and was withdrawn does not.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE national_province (
    code text PRIMARY KEY,
    name text NOT NULL,
    token_hash text,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  for (const table of ['national_dataset', 'national_ai_system']) {
    const t = sql.raw(table);
    // entry is null for a tombstone of a record never delivered (a retraction that overtook its publication).
    await sql`CREATE TABLE ${t} (
      uuid uuid PRIMARY KEY,
      province_code text NOT NULL REFERENCES national_province(code),
      version integer NOT NULL,
      entry jsonb,
      title text NOT NULL DEFAULT '',
      category text,
      access_class text,
      search_folded text NOT NULL DEFAULT '',
      modified timestamptz,
      retracted_at timestamptz,
      tombstone jsonb,
      received_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
    await sql`CREATE INDEX ${sql.raw(`${table}_catalogue_idx`)} ON ${t} (province_code, modified DESC)
      WHERE retracted_at IS NULL`.execute(db);
    await sql`CREATE INDEX ${sql.raw(`${table}_search_idx`)} ON ${t} USING gin (search_folded gin_trgm_ops)`.execute(
      db,
    );
  }
}
