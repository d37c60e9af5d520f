import { sql, type Kysely } from 'kysely';

// Organisation accounts of the provincial AI database (Nghị định 142/2026 Đ35.4: access to conditionally open data by
// organisations as well as agencies): an outside organisation (an enterprise, a research institute, a school)
// registers with its tax code and a contact, receives an access key once, and may ask for access and download under
// a grant once the province has checked and approved the account. Only a hash of the key is kept.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE data_organisation (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    tax_code text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('enterprise','research','education','publicBody','other')),
    address text NOT NULL DEFAULT '',
    contact_name text NOT NULL,
    contact_email text NOT NULL,
    contact_phone text NOT NULL DEFAULT '',
    key_hash text NOT NULL UNIQUE,
    key_hint text NOT NULL,
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','active','refused','suspended')),
    decided_by integer REFERENCES app_user(id),
    decided_at timestamptz,
    decision_reason text,
    key_issued_at timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  // One live account per tax code: a second registration while the first waits or works is a 409.
  await sql`CREATE UNIQUE INDEX data_organisation_tax_code_live ON data_organisation (tax_code)
    WHERE status IN ('pending','active')`.execute(db);
  await sql`CREATE INDEX data_organisation_status_idx ON data_organisation (status, created_at DESC)`.execute(db);

  // A request comes from a signed-in user of a unit or from an organisation account, never both.
  await sql`ALTER TABLE dataset_access_request ALTER COLUMN requester_id DROP NOT NULL`.execute(db);
  await sql`ALTER TABLE dataset_access_request ALTER COLUMN requester_unit_id DROP NOT NULL`.execute(db);
  await sql`ALTER TABLE dataset_access_request ADD COLUMN organisation_id integer REFERENCES data_organisation(id)`.execute(
    db,
  );
  await sql`ALTER TABLE dataset_access_request ADD CONSTRAINT dataset_access_request_one_requester
    CHECK ((requester_id IS NOT NULL AND requester_unit_id IS NOT NULL AND organisation_id IS NULL)
        OR (requester_id IS NULL AND requester_unit_id IS NULL AND organisation_id IS NOT NULL))`.execute(db);
  await sql`CREATE UNIQUE INDEX dataset_access_request_org_pending_unique
    ON dataset_access_request (dataset_id, organisation_id) WHERE status = 'pending' AND organisation_id IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX dataset_access_request_org_idx ON dataset_access_request (organisation_id, status)
    WHERE organisation_id IS NOT NULL`.execute(db);
  await sql`ALTER TABLE dataset_access_log ADD COLUMN organisation_id integer REFERENCES data_organisation(id)`.execute(
    db,
  );
}
