import { sql, type Kysely } from 'kysely';

// Each unit's document settings (who may sign and how, the drafting division of the filing line, the abbreviation of
// its symbols); the signer a leader chose, kept with the document; unit reports numbered per unit and year.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE unit_document_settings (
    unit_id integer PRIMARY KEY REFERENCES unit(id),
    -- [{ key, title, name, authority: TM | KT | Q | none, isDefault }]
    signers jsonb NOT NULL DEFAULT '[]',
    drafting_division text,
    symbol_suffix text,
    updated_by integer REFERENCES app_user(id),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);

  // The last number given in a unit's register of a year, per series ('BC' for its reports): taken with an upsert
  // that locks the row, so two approvals at the same moment get two numbers.
  await sql`CREATE TABLE document_counter (
    unit_id integer NOT NULL REFERENCES unit(id),
    year integer NOT NULL,
    series text NOT NULL,
    last integer NOT NULL,
    PRIMARY KEY (unit_id, year, series)
  )`.execute(db);

  await sql`ALTER TABLE unit_report
    ADD COLUMN number_year integer,
    ADD COLUMN number_seq integer,
    ADD COLUMN symbol text,
    ADD COLUMN signer jsonb`.execute(db);
  await sql`CREATE UNIQUE INDEX unit_report_number_idx ON unit_report (unit_id, number_year, number_seq)
    WHERE number_seq IS NOT NULL`.execute(db);

  // A compiled report or reminder letter of a period approved by a leader of the receiving unit, with its signer.
  await sql`CREATE TABLE period_document (
    regime_id integer NOT NULL REFERENCES reporting_regime(id),
    period_key text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('compiled','reminder')),
    signer jsonb NOT NULL,
    approved_by integer REFERENCES app_user(id),
    approved_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (regime_id, period_key, kind)
  )`.execute(db);
}
