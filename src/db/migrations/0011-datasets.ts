import { sql, type Kysely } from 'kysely';

// The provincial AI database (CSDL phục vụ trí tuệ nhân tạo): datasets in a catalogue, their resources (file
// versions with a stored quality report), decisions on personal-data findings, access requests and grants, the
// append-only access log, and the outbox of changes to deliver to the national database.
export async function up(db: Kysely<unknown>): Promise<void> {
  await datasets(db);
  await resources(db);
  await access(db);
  await outbox(db);
  // A progress update's deliverable of kind 'dataset' names the dataset it delivered (task 4).
  await sql`ALTER TABLE deliverable_record ADD COLUMN dataset_id integer REFERENCES dataset(id)`.execute(db);
  await sql`CREATE INDEX deliverable_record_dataset_idx ON deliverable_record (dataset_id) WHERE dataset_id IS NOT NULL`.execute(
    db,
  );
}

async function datasets(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE dataset (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uuid uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    unit_id integer NOT NULL REFERENCES unit(id),
    title text NOT NULL,
    description text NOT NULL DEFAULT '',
    sector text NOT NULL,
    keywords text[] NOT NULL DEFAULT '{}',
    access_class text NOT NULL CHECK (access_class IN ('open','conditional','commercial')),
    licence text NOT NULL DEFAULT '',
    purpose_limits text NOT NULL DEFAULT '',
    update_frequency text NOT NULL DEFAULT 'irregular',
    temporal_start date,
    temporal_end date,
    spatial_unit_ids integer[] NOT NULL DEFAULT '{}',
    standards text NOT NULL DEFAULT '',
    legal_basis text NOT NULL DEFAULT '',
    contact_name text NOT NULL DEFAULT '',
    contact_email text NOT NULL DEFAULT '',
    contact_phone text NOT NULL DEFAULT '',
    access_methods text[] NOT NULL DEFAULT '{download}',
    labelling text NOT NULL DEFAULT 'none' CHECK (labelling IN ('none','partial','complete')),
    labelling_note text NOT NULL DEFAULT '',
    internal_notes text NOT NULL DEFAULT '',
    status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published','retracted')),
    version integer NOT NULL DEFAULT 1,
    search_label text NOT NULL DEFAULT '',
    published_at timestamptz,
    published_by integer REFERENCES app_user(id),
    retracted_at timestamptz,
    retract_reason text,
    created_by integer REFERENCES app_user(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (temporal_end IS NULL OR temporal_start IS NULL OR temporal_end >= temporal_start)
  )`.execute(db);
  await sql`CREATE INDEX dataset_unit_idx ON dataset (unit_id, status)`.execute(db);
  await sql`CREATE INDEX dataset_published_idx ON dataset (published_at DESC) WHERE status = 'published'`.execute(db);
  await sql`CREATE INDEX dataset_search_idx ON dataset USING gin (search_label gin_trgm_ops)`.execute(db);
  // One title per unit among the datasets not retracted: a second "Danh mục cơ sở lưu trú" of the same owner is a
  // double entry, not a new dataset.
  await sql`CREATE UNIQUE INDEX dataset_title_unique ON dataset (unit_id, lower(title)) WHERE status <> 'retracted'`.execute(
    db,
  );

  // Every saved state of the catalogue entry (version history): what changed, who, when.
  await sql`CREATE TABLE dataset_version (
    dataset_id integer NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
    version integer NOT NULL,
    snapshot jsonb NOT NULL,
    note text NOT NULL DEFAULT '',
    changed_by integer REFERENCES app_user(id),
    changed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dataset_id, version)
  )`.execute(db);
}

async function resources(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE dataset_resource (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dataset_id integer NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
    title text NOT NULL,
    current_version integer NOT NULL DEFAULT 1,
    removed_at timestamptz,
    created_by integer REFERENCES app_user(id),
    created_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX dataset_resource_dataset_idx ON dataset_resource (dataset_id)`.execute(db);

  // A file version: the bytes (kept in the database like evidence, outside any web root), the quality report read
  // from them in the worker pool when they were uploaded, the declared column schema, and how it was derived
  // (a de-identified version names the version it came from and the steps applied).
  await sql`CREATE TABLE dataset_resource_version (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    resource_id integer NOT NULL REFERENCES dataset_resource(id) ON DELETE CASCADE,
    version integer NOT NULL,
    filename text NOT NULL,
    format text NOT NULL CHECK (format IN ('csv','xlsx','json')),
    mime text NOT NULL,
    size integer NOT NULL,
    sha256 text NOT NULL,
    content bytea NOT NULL,
    quality jsonb NOT NULL,
    quality_score integer NOT NULL,
    personal_columns integer NOT NULL DEFAULT 0,
    table_schema jsonb,
    derived_from integer REFERENCES dataset_resource_version(id),
    deidentification jsonb,
    created_by integer REFERENCES app_user(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (resource_id, version)
  )`.execute(db);

  // A personal-data finding the owner judged a false positive, with the reason (audited). Kept per file version:
  // a new upload is read afresh.
  await sql`CREATE TABLE dataset_finding_decision (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version_id integer NOT NULL REFERENCES dataset_resource_version(id) ON DELETE CASCADE,
    column_name text NOT NULL,
    kind text NOT NULL,
    reason text NOT NULL,
    decided_by integer REFERENCES app_user(id),
    decided_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (version_id, column_name, kind)
  )`.execute(db);
}

async function access(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE dataset_access_request (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dataset_id integer NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
    requester_id integer NOT NULL REFERENCES app_user(id),
    requester_unit_id integer NOT NULL REFERENCES unit(id),
    organisation text NOT NULL DEFAULT '',
    purpose text NOT NULL,
    intended_use text NOT NULL,
    duration_days integer NOT NULL CHECK (duration_days BETWEEN 1 AND 1096),
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','refused','withdrawn')),
    decided_by integer REFERENCES app_user(id),
    decided_at timestamptz,
    decision_reason text,
    expires_at timestamptz,
    revoked_at timestamptz,
    revoked_by integer REFERENCES app_user(id),
    created_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX dataset_access_request_dataset_idx ON dataset_access_request (dataset_id, status)`.execute(db);
  await sql`CREATE INDEX dataset_access_request_requester_idx ON dataset_access_request (requester_id, status)`.execute(
    db,
  );
  // One request waiting per person and dataset: a second click is not a second request.
  await sql`CREATE UNIQUE INDEX dataset_access_request_pending_unique ON dataset_access_request (dataset_id, requester_id)
    WHERE status = 'pending'`.execute(db);

  // Who read which file version, when, from where, under which grant (Nghị định 142 Đ35.4: ghi nhận và theo dõi
  // hoạt động truy cập). Append-only like the audit trail.
  await sql`CREATE TABLE dataset_access_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dataset_id integer NOT NULL REFERENCES dataset(id),
    resource_id integer NOT NULL REFERENCES dataset_resource(id),
    version_id integer NOT NULL REFERENCES dataset_resource_version(id),
    version integer NOT NULL,
    user_id integer REFERENCES app_user(id),
    ip text,
    grant_id integer REFERENCES dataset_access_request(id),
    channel text NOT NULL CHECK (channel IN ('download','api')),
    at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX dataset_access_log_dataset_idx ON dataset_access_log (dataset_id, at DESC)`.execute(db);
  await sql`CREATE FUNCTION dataset_access_log_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'dataset_access_log is append-only'; END $$`.execute(db);
  await sql`CREATE TRIGGER dataset_access_log_no_change BEFORE UPDATE OR DELETE ON dataset_access_log
    FOR EACH ROW EXECUTE FUNCTION dataset_access_log_immutable()`.execute(db);
}

// Changes to deliver to the national database, written in the same transaction as the change itself (publish,
// update, retraction), so that none is lost when the national side is down and none is sent twice: one row per
// entity, uuid, version and operation. `entity` is 'dataset' (Cơ sở dữ liệu quốc gia về trí tuệ nhân tạo) or
// 'aiSystem' (Cơ sở dữ liệu quốc gia về hệ thống trí tuệ nhân tạo).
async function outbox(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE sync_outbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entity text NOT NULL CHECK (entity IN ('dataset','aiSystem')),
    entity_id integer NOT NULL,
    uuid uuid NOT NULL,
    version integer NOT NULL,
    op text NOT NULL CHECK (op IN ('put','delete')),
    payload jsonb NOT NULL,
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','accepted','rejected','superseded')),
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error text,
    remote_id text,
    created_at timestamptz NOT NULL DEFAULT now(),
    sent_at timestamptz,
    answered_at timestamptz,
    UNIQUE (entity, uuid, version, op)
  )`.execute(db);
  await sql`CREATE INDEX sync_outbox_due_idx ON sync_outbox (next_attempt_at, id) WHERE status = 'pending'`.execute(db);
  await sql`CREATE INDEX sync_outbox_entity_idx ON sync_outbox (entity, entity_id, id DESC)`.execute(db);
}
