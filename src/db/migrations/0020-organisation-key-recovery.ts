import { sql, type Kysely } from 'kysely';

// A lost organisation key: a one-time recovery code is mailed to the account's contact; only its SHA-256 and its
// expiry are kept, and it is cleared when used or replaced by a newer one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE data_organisation
    ADD COLUMN recovery_hash text,
    ADD COLUMN recovery_expires_at timestamptz`.execute(db);
  await sql`CREATE INDEX data_organisation_recovery_idx ON data_organisation (recovery_hash)
    WHERE recovery_hash IS NOT NULL`.execute(db);
}
