import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await createPlanTables(db);
  await createVersionAndCascadeTables(db);
}

async function createPlanTables(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE plan (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id integer NOT NULL REFERENCES unit(id),
    parent_plan_id integer REFERENCES plan(id),
    amends_plan_id integer REFERENCES plan(id),
    status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted','approved','issued','amended','superseded')),
    version integer NOT NULL DEFAULT 1,
    doc_type text NOT NULL DEFAULT 'KH',
    number text,
    symbol text,
    issued_date date,
    year integer,
    title text NOT NULL,
    header jsonb NOT NULL,
    sections jsonb NOT NULL,
    groups jsonb NOT NULL DEFAULT '[]',
    source_name text,
    source_text text,
    unplaced jsonb NOT NULL DEFAULT '[]',
    published boolean NOT NULL DEFAULT false,
    created_by integer REFERENCES app_user(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    submitted_at timestamptz,
    approved_by integer REFERENCES app_user(id),
    approved_at timestamptz,
    issued_at timestamptz,
    return_reason text
  )`.execute(db);
  await sql`CREATE INDEX plan_unit_idx ON plan (unit_id)`.execute(db);
  await sql`CREATE INDEX plan_parent_idx ON plan (parent_plan_id)`.execute(db);
  await sql`CREATE UNIQUE INDEX plan_child_per_unit_idx ON plan (parent_plan_id, unit_id) WHERE parent_plan_id IS NOT NULL AND status NOT IN ('amended','superseded')`.execute(
    db,
  );

  await sql`CREATE TABLE plan_task (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id integer NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    ordinal integer NOT NULL,
    number text NOT NULL,
    group_number text,
    title text NOT NULL,
    content text,
    lead jsonb NOT NULL DEFAULT '[]',
    coordinators jsonb NOT NULL DEFAULT '[]',
    timeframe_text text NOT NULL DEFAULT '',
    schedule jsonb,
    deliverables jsonb NOT NULL DEFAULT '[]',
    notes text,
    lead_unit_id integer REFERENCES unit(id),
    parent_task_id integer REFERENCES plan_task(id),
    parent_snapshot jsonb,
    parent_change jsonb,
    UNIQUE (plan_id, number)
  )`.execute(db);
  await sql`CREATE INDEX plan_task_parent_idx ON plan_task (parent_task_id)`.execute(db);
  await sql`CREATE INDEX plan_task_lead_idx ON plan_task (lead_unit_id)`.execute(db);
}

async function createVersionAndCascadeTables(db: Kysely<unknown>): Promise<void> {
  // Every issued state of a plan, as its JSON form: the record of what was in force when.
  await sql`CREATE TABLE plan_version (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id integer NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    version integer NOT NULL,
    status text NOT NULL,
    snapshot jsonb NOT NULL,
    created_by integer REFERENCES app_user(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    note text,
    UNIQUE (plan_id, version)
  )`.execute(db);

  // The editable cascade mapping table of a province (rows in order).
  await sql`CREATE TABLE cascade_rule (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    province_unit_id integer NOT NULL REFERENCES unit(id),
    ordinal integer NOT NULL,
    rule jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX cascade_rule_province_idx ON cascade_rule (province_unit_id, ordinal)`.execute(db);
}
