import { sql, type Kysely } from 'kysely';

// The register of AI systems: products (created once) and each unit's use of one, its risk classification, its
// impact assessments (Mẫu AI02, versioned) and its incidents.
export async function up(db: Kysely<unknown>): Promise<void> {
  await productsAndUses(db);
  await assessmentsAndIncidents(db);
}

async function productsAndUses(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE ai_product (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    provider text NOT NULL,
    provider_contact text NOT NULL DEFAULT '',
    version text NOT NULL DEFAULT '',
    function text NOT NULL,
    model_type text NOT NULL DEFAULT '',
    training_data text NOT NULL DEFAULT '',
    provider_level text CHECK (provider_level IN ('high','medium','low')),
    ai_system_id text,
    template jsonb NOT NULL DEFAULT '{}',
    created_by integer REFERENCES app_user(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX ai_product_name_idx ON ai_product (lower(name), lower(provider), version)`.execute(db);

  await sql`CREATE TABLE ai_use (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uuid uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    product_id integer NOT NULL REFERENCES ai_product(id),
    unit_id integer NOT NULL REFERENCES unit(id),
    purpose text NOT NULL,
    scope text NOT NULL DEFAULT '',
    users_served text NOT NULL DEFAULT '',
    input_data text NOT NULL DEFAULT '',
    personal_data boolean NOT NULL DEFAULT false,
    sensitive_data boolean NOT NULL DEFAULT false,
    output_use text NOT NULL DEFAULT '',
    automation text NOT NULL DEFAULT 'assistive' CHECK (automation IN ('assistive','partial','full')),
    human_oversight text NOT NULL DEFAULT '',
    start_date date,
    status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','piloting','inUse','retired')),
    contract text NOT NULL DEFAULT '',
    internal_notes text NOT NULL DEFAULT '',
    public_summary text NOT NULL DEFAULT '',
    level text CHECK (level IN ('high','medium','low')),
    assessment_required boolean,
    classification jsonb,
    questionnaire_version text,
    classified_at timestamptz,
    assessment_due boolean NOT NULL DEFAULT false,
    override_reason text,
    retire_reason text,
    published_at timestamptz,
    created_by integer REFERENCES app_user(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX ai_use_unit_idx ON ai_use (unit_id)`.execute(db);
  await sql`CREATE INDEX ai_use_product_idx ON ai_use (product_id)`.execute(db);
  await sql`CREATE INDEX ai_use_published_idx ON ai_use (published_at) WHERE published_at IS NOT NULL`.execute(db);
}

async function assessmentsAndIncidents(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE ai_impact_assessment (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    use_id integer NOT NULL REFERENCES ai_use(id) ON DELETE CASCADE,
    version integer NOT NULL,
    status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','approved','published')),
    content jsonb NOT NULL,
    created_by integer REFERENCES app_user(id),
    approved_by integer REFERENCES app_user(id),
    approver_name text,
    approved_at timestamptz,
    published_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (use_id, version)
  )`.execute(db);

  await sql`CREATE TABLE ai_incident (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    use_id integer NOT NULL REFERENCES ai_use(id) ON DELETE CASCADE,
    unit_id integer NOT NULL REFERENCES unit(id),
    occurred_at timestamptz NOT NULL,
    detected_at timestamptz NOT NULL,
    severity text NOT NULL CHECK (severity IN ('serious','other')),
    description text NOT NULL,
    affected text NOT NULL DEFAULT '',
    consequences text[] NOT NULL DEFAULT '{}',
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
    closed_at timestamptz,
    deadlines jsonb NOT NULL DEFAULT '[]',
    reported_by integer REFERENCES app_user(id),
    created_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX ai_incident_use_idx ON ai_incident (use_id)`.execute(db);
  await sql`CREATE INDEX ai_incident_unit_idx ON ai_incident (unit_id, status)`.execute(db);
}
