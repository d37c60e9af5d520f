import { sql, type Kysely } from 'kysely';

// SQL that runs unchanged on PostgreSQL 15 and PGlite (PostgreSQL 18).
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTextSearchFunctions(db);
  await createUnitTables(db);
  await createSearchIndex(db);
  await createUserTables(db);
  await createAuditLog(db);
}

async function createTextSearchFunctions(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  // unaccent() is only STABLE; an IMMUTABLE wrapper is needed for expression indexes and generated columns.
  await sql`CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`.execute(db);
}

async function createUnitTables(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE unit (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    parent_id integer REFERENCES unit(id),
    path integer[] NOT NULL,
    kind text NOT NULL CHECK (kind IN ('central','national','province','agency','commune','ward','office','neighbourhood')),
    code text NOT NULL UNIQUE,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    short_name text NOT NULL,
    status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','retired','merged')),
    merged_into_id integer REFERENCES unit(id),
    focal_for_id integer REFERENCES unit(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX unit_parent_idx ON unit (parent_id)`.execute(db);
  await sql`CREATE INDEX unit_path_idx ON unit USING gin (path)`.execute(db);

  await sql`CREATE TABLE unit_alias (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id integer NOT NULL REFERENCES unit(id),
    name text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('former','abbreviation','other')),
    note text,
    created_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX unit_alias_unit_idx ON unit_alias (unit_id)`.execute(db);
}

async function createSearchIndex(db: Kysely<unknown>): Promise<void> {
  // One search index for every module (units now; plans, petitions, datasets later).
  await sql`CREATE TABLE search_entry (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entity_type text NOT NULL,
    entity_id integer NOT NULL,
    unit_id integer,
    text text NOT NULL,
    folded text NOT NULL,
    lowered text NOT NULL,
    weight real NOT NULL DEFAULT 1,
    published boolean NOT NULL DEFAULT false
  )`.execute(db);
  await sql`CREATE INDEX search_entry_entity_idx ON search_entry (entity_type, entity_id)`.execute(db);
  await sql`CREATE INDEX search_entry_folded_trgm_idx ON search_entry USING gin (folded gin_trgm_ops)`.execute(db);
}

async function createUserTables(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE app_user (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username text NOT NULL,
    full_name text NOT NULL,
    email text,
    phone text,
    unit_id integer NOT NULL REFERENCES unit(id),
    roles text[] NOT NULL,
    password_hash text NOT NULL,
    is_active boolean NOT NULL DEFAULT true,
    is_demo boolean NOT NULL DEFAULT false,
    must_change_password boolean NOT NULL DEFAULT false,
    password_changed_at timestamptz NOT NULL DEFAULT now(),
    last_login_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX app_user_username_idx ON app_user (lower(username))`.execute(db);
  await sql`CREATE INDEX app_user_unit_idx ON app_user (unit_id)`.execute(db);

  await sql`CREATE TABLE session (
    id text PRIMARY KEY,
    user_id integer NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
    csrf_token text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    ip text,
    user_agent text
  )`.execute(db);
  await sql`CREATE INDEX session_user_idx ON session (user_id)`.execute(db);

  await sql`CREATE TABLE login_attempt (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username text NOT NULL,
    ip text NOT NULL,
    success boolean NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX login_attempt_username_idx ON login_attempt (lower(username), at)`.execute(db);
  await sql`CREATE INDEX login_attempt_ip_idx ON login_attempt (ip, at)`.execute(db);
}

async function createAuditLog(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    actor_user_id integer,
    actor_username text,
    actor_unit_id integer,
    action text NOT NULL,
    entity_type text NOT NULL,
    entity_id text,
    unit_id integer,
    before jsonb,
    after jsonb,
    ip text
  )`.execute(db);
  await sql`CREATE INDEX audit_log_at_idx ON audit_log (at DESC)`.execute(db);
  await sql`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id)`.execute(db);
  await sql`CREATE INDEX audit_log_unit_idx ON audit_log (unit_id)`.execute(db);
  // The trail is append-only: the database itself refuses updates and deletes.
  await sql`CREATE FUNCTION audit_log_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`.execute(db);
  await sql`CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_immutable()`.execute(db);
}
