import { sql, type Kysely } from 'kysely';

// Execution and the yearly reporting cycle: assignments, progress with deliverables and evidence, obstacles,
// reporting regimes and unit reports that roll up, reminders and notifications, the working-day calendar.
export async function up(db: Kysely<unknown>): Promise<void> {
  await createExecutionTables(db);
  await createObstacleTable(db);
  await createReportingTables(db);
  await createNotificationTables(db);
  await createCalendarConfig(db);
}

async function createExecutionTables(db: Kysely<unknown>): Promise<void> {
  // One per task and unit (lead or coordinator), created when a plan is issued.
  await sql`CREATE TABLE assignment (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id integer NOT NULL REFERENCES plan_task(id) ON DELETE CASCADE,
    plan_id integer NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    unit_id integer NOT NULL REFERENCES unit(id),
    role text NOT NULL CHECK (role IN ('lead','coordinator')),
    percent integer NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
    completed_on date,
    last_update_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (task_id, unit_id)
  )`.execute(db);
  await sql`CREATE INDEX assignment_unit_idx ON assignment (unit_id)`.execute(db);
  await sql`CREATE INDEX assignment_plan_idx ON assignment (plan_id)`.execute(db);

  await sql`CREATE TABLE progress_update (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    assignment_id integer NOT NULL REFERENCES assignment(id) ON DELETE CASCADE,
    unit_id integer NOT NULL REFERENCES unit(id),
    author_id integer REFERENCES app_user(id),
    percent integer NOT NULL CHECK (percent BETWEEN 0 AND 100),
    narrative text NOT NULL DEFAULT '',
    completed boolean NOT NULL DEFAULT false,
    occurred_on date NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX progress_update_assignment_idx ON progress_update (assignment_id, occurred_on)`.execute(db);
  await sql`CREATE INDEX progress_update_unit_idx ON progress_update (unit_id, occurred_on)`.execute(db);

  // What the work produced, typed so reports can count it: a conference with its date and participants,
  // a document with its number, an article with its link, a training with participants…
  await sql`CREATE TABLE deliverable_record (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    update_id integer NOT NULL REFERENCES progress_update(id) ON DELETE CASCADE,
    assignment_id integer NOT NULL REFERENCES assignment(id) ON DELETE CASCADE,
    unit_id integer NOT NULL REFERENCES unit(id),
    kind text NOT NULL CHECK (kind IN ('conference','document','article','training','plan','report','dataset','other')),
    title text NOT NULL,
    occurred_on date NOT NULL,
    participants integer CHECK (participants IS NULL OR participants >= 0),
    document_number text,
    link text,
    created_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX deliverable_record_unit_idx ON deliverable_record (unit_id, occurred_on)`.execute(db);

  // Evidence files are kept in the database (one backup holds everything; both backends alike).
  await sql`CREATE TABLE evidence_file (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    update_id integer NOT NULL REFERENCES progress_update(id) ON DELETE CASCADE,
    unit_id integer NOT NULL REFERENCES unit(id),
    filename text NOT NULL,
    mime text NOT NULL,
    size integer NOT NULL,
    sha256 text NOT NULL,
    content bytea NOT NULL,
    uploaded_by integer REFERENCES app_user(id),
    created_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX evidence_file_update_idx ON evidence_file (update_id)`.execute(db);
}

async function createObstacleTable(db: Kysely<unknown>): Promise<void> {
  // Khó khăn, vướng mắc; đề xuất, kiến nghị of a unit, to the focal unit, which answers.
  await sql`CREATE TABLE obstacle (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id integer NOT NULL REFERENCES unit(id),
    to_unit_id integer NOT NULL REFERENCES unit(id),
    assignment_id integer REFERENCES assignment(id) ON DELETE SET NULL,
    task_id integer REFERENCES plan_task(id) ON DELETE SET NULL,
    kind text NOT NULL CHECK (kind IN ('difficulty','proposal')),
    content text NOT NULL,
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','answered','closed')),
    answer text,
    answered_by integer REFERENCES app_user(id),
    answered_at timestamptz,
    raised_by integer REFERENCES app_user(id),
    raised_on date NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX obstacle_to_idx ON obstacle (to_unit_id, status)`.execute(db);
  await sql`CREATE INDEX obstacle_unit_idx ON obstacle (unit_id)`.execute(db);
}

async function createReportingTables(db: Kysely<unknown>): Promise<void> {
  // Chế độ báo cáo (Nghị định 09/2019): owned by the receiving unit; submitters are described by a rule.
  await sql`CREATE TABLE reporting_regime (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL UNIQUE,
    owner_unit_id integer NOT NULL REFERENCES unit(id),
    plan_id integer REFERENCES plan(id),
    kind text NOT NULL DEFAULT 'periodic' CHECK (kind IN ('periodic','adHoc','thematic')),
    name text NOT NULL,
    content text NOT NULL,
    -- PeriodSchedule (src/domain/reporting/period.ts): frequency, cut-off, due rule, level offsets
    schedule jsonb NOT NULL,
    -- who submits: {"kinds": ["agency","commune","ward"]} under the owner's scope, or explicit unit ids
    submitters jsonb NOT NULL,
    recipients text NOT NULL,
    outline jsonb NOT NULL DEFAULT '[]',
    indicators jsonb NOT NULL DEFAULT '[]',
    ad_hoc_due date,
    active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);

  await sql`CREATE TABLE unit_report (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    regime_id integer NOT NULL REFERENCES reporting_regime(id),
    period_key text NOT NULL,
    unit_id integer NOT NULL REFERENCES unit(id),
    to_unit_id integer NOT NULL REFERENCES unit(id),
    status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','approved','submitted','accepted','returned')),
    due_date date NOT NULL,
    -- prefilled facts (updates, deliverables, obstacles in the window) and the narrative sections
    content jsonb NOT NULL,
    indicator_values jsonb NOT NULL DEFAULT '{}',
    number text,
    approved_by integer REFERENCES app_user(id),
    approved_at timestamptz,
    submitted_at timestamptz,
    late boolean,
    reviewed_by integer REFERENCES app_user(id),
    reviewed_at timestamptz,
    return_reason text,
    created_by integer REFERENCES app_user(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (regime_id, period_key, unit_id)
  )`.execute(db);
  await sql`CREATE INDEX unit_report_to_idx ON unit_report (to_unit_id, regime_id, period_key)`.execute(db);
}

async function createNotificationTables(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE notification (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id integer REFERENCES unit(id),
    user_id integer REFERENCES app_user(id),
    kind text NOT NULL,
    title text NOT NULL,
    body text NOT NULL DEFAULT '',
    link text,
    read_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX notification_unit_idx ON notification (unit_id, created_at DESC)`.execute(db);
  await sql`CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC)`.execute(db);

  // Reminders sent, so each (report, offset) is mailed once.
  await sql`CREATE TABLE reminder_log (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    regime_id integer NOT NULL REFERENCES reporting_regime(id),
    period_key text NOT NULL,
    unit_id integer NOT NULL REFERENCES unit(id),
    offset_days integer NOT NULL,
    channel text NOT NULL CHECK (channel IN ('email','app')),
    recipients text NOT NULL,
    sent_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (regime_id, period_key, unit_id, offset_days, channel)
  )`.execute(db);
}

async function createCalendarConfig(db: Kysely<unknown>): Promise<void> {
  // Administrators' adjustments of the working-day calendar (CalendarConfig of src/domain/calendar/holidays.ts).
  await sql`CREATE TABLE calendar_config (
    id integer PRIMARY KEY CHECK (id = 1),
    config jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
}
