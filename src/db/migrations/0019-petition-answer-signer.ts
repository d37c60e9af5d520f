import { sql, type Kysely } from 'kysely';

// The signer a leader chose when approving a petition's answer (one of the handling unit's signers, or the register's
// rule with the leader's name), kept with the answer: its công văn prints the same after the unit's settings change.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE petition ADD COLUMN answer_signer jsonb`.execute(db);
}
