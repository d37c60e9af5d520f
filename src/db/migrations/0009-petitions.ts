import { sql, type Kysely } from 'kysely';

// Petitions from the public (kiến nghị, đề xuất, phản ánh): the record, its history, its attachments and the
// yearly counter of tracking codes. The sender's identity sits in nullable columns so that retention can clear
// them and keep the anonymised record.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE petition_counter (year integer PRIMARY KEY, last integer NOT NULL)`.execute(db);

  await sql`CREATE TABLE petition (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL UNIQUE,
    kind text NOT NULL CHECK (kind IN ('recommendation','proposal','feedback')),
    status text NOT NULL DEFAULT 'received' CHECK (status IN
      ('received','classified','inProgress','waitingForSender','answered','referred','notInScope','withdrawn','merged')),
    subject text NOT NULL,
    content text NOT NULL,
    law_reference text,
    receiving_unit_id integer NOT NULL REFERENCES unit(id),
    handling_unit_id integer NOT NULL REFERENCES unit(id),
    sender_name text,
    sender_organisation text,
    sender_email text,
    sender_phone text,
    sender_address text,
    contact_key text,
    content_key text NOT NULL,
    consent_at timestamptz,
    received_on date NOT NULL,
    due_date date NOT NULL,
    extended boolean NOT NULL DEFAULT false,
    extension_reason text,
    clock_stopped_on date,
    topic text,
    concerns text,
    article text,
    answer text,
    answer_drafted_by integer REFERENCES app_user(id),
    answer_approved_by integer REFERENCES app_user(id),
    closed_on date,
    closing_reason text,
    published boolean NOT NULL DEFAULT false,
    merged_into_id integer REFERENCES petition(id),
    task_id integer REFERENCES plan_task(id) ON DELETE SET NULL,
    search_folded text NOT NULL DEFAULT '',
    reminded_tier text,
    anonymised_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX petition_handling_idx ON petition (handling_unit_id, status, due_date)`.execute(db);
  await sql`CREATE INDEX petition_receiving_idx ON petition (receiving_unit_id, status)`.execute(db);
  await sql`CREATE INDEX petition_duplicate_idx ON petition (contact_key, created_at)`.execute(db);
  await sql`CREATE INDEX petition_published_idx ON petition (published, closed_on) WHERE published`.execute(db);
  await sql`CREATE INDEX petition_received_idx ON petition (received_on)`.execute(db);

  // What happened to it: each transition with its note; `public` rows are listed on the follow-up page.
  await sql`CREATE TABLE petition_event (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    petition_id integer NOT NULL REFERENCES petition(id) ON DELETE CASCADE,
    kind text NOT NULL,
    status text NOT NULL,
    note text NOT NULL DEFAULT '',
    public boolean NOT NULL DEFAULT false,
    actor_user_id integer REFERENCES app_user(id),
    at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX petition_event_petition_idx ON petition_event (petition_id, id)`.execute(db);

  await sql`CREATE TABLE petition_attachment (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    petition_id integer NOT NULL REFERENCES petition(id) ON DELETE CASCADE,
    filename text NOT NULL,
    mime text NOT NULL,
    size integer NOT NULL,
    sha256 text NOT NULL,
    content bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX petition_attachment_petition_idx ON petition_attachment (petition_id)`.execute(db);
}
