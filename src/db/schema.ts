// The database schema as TypeScript types (Kysely). Mirrors the migrations in ./migrations.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { AiImpactAssessmentTable, AiIncidentTable, AiProductTable, AiUseTable } from './schema-ai.ts';
import type { CreatedAt, Json, Timestamp } from './schema-columns.ts';

import type {
  DataOrganisationTable,
  DatasetAccessLogTable,
  DatasetAccessRequestTable,
  DatasetFindingDecisionTable,
  DatasetResourceTable,
  DatasetResourceVersionTable,
  DatasetTable,
  DatasetVersionTable,
  SyncOutboxTable,
} from './schema-datasets.ts';

import type { NationalEntryTable, NationalProvinceTable } from './schema-national.ts';
import type {
  DocumentCounterTable,
  PeriodDocumentTable,
  UnitDocumentSettingsTable,
  UnitReportTable,
} from './schema-documents.ts';

export type * from './schema-datasets.ts';
export type * from './schema-national.ts';
export type * from './schema-documents.ts';
export type { AiImpactAssessmentTable, AiIncidentTable, AiProductTable, AiUseTable } from './schema-ai.ts';

export interface UnitTable {
  id: Generated<number>;
  parent_id: number | null;
  /** ids from the root down to this unit, inclusive: subtree checks are `path @> ARRAY[id]`. */
  path: ColumnType<number[], number[], number[]>;
  kind: string;
  code: string;
  name: string;
  short_name: string;
  /** Vietnamese sort key of short_name, computed by the database (migration 0018); order with db/vi-order.ts. */
  sort_key: ColumnType<string, never, never>;
  status: ColumnType<
    'active' | 'retired' | 'merged',
    'active' | 'retired' | 'merged' | undefined,
    'active' | 'retired' | 'merged'
  >;
  merged_into_id: number | null;
  /** Unit whose follow-up this unit performs (Sở KH&CN for the province): widens its users' scope. */
  focal_for_id: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface UnitAliasTable {
  id: Generated<number>;
  unit_id: number;
  name: string;
  kind: string;
  note: string | null;
  created_at: CreatedAt;
}

export interface SearchEntryTable {
  id: Generated<number>;
  entity_type: string;
  entity_id: number;
  /** Owning unit, so searches can be limited to what the reader may see. */
  unit_id: number | null;
  /** NFC text as shown. */
  text: string;
  /** fold(text): lower case, no accents. */
  folded: string;
  /** text in lower case with its accents, so an accented query prefers the exact spelling. */
  lowered: string;
  /** 1 = primary name, lower = secondary (alias, code, body text). */
  weight: number;
  /** What kind of text this is: name, code, former, alias, title, task… */
  label: Generated<string>;
  published: Generated<boolean>;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  full_name: string;
  email: string | null;
  phone: string | null;
  unit_id: number;
  roles: ColumnType<string[], string[], string[]>;
  password_hash: string;
  is_active: Generated<boolean>;
  is_demo: Generated<boolean>;
  must_change_password: Generated<boolean>;
  password_changed_at: Timestamp;
  last_login_at: Date | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SessionTable {
  /** sha256 of the session token; the token itself lives only in the cookie. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  username: string;
  ip: string;
  success: boolean;
  at: CreatedAt;
}

/** Requests counted per (bucket, key) in a window that starts at the key's first request (UNLOGGED table). */
export interface RateCounterTable {
  bucket: string;
  key: string;
  window_start: Date;
  hits: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: CreatedAt;
  actor_user_id: number | null;
  actor_username: string | null;
  actor_unit_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  /** Unit the changed record belongs to: audit views filter by subtree. */
  unit_id: number | null;
  before: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
  after: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
  ip: string | null;
}

export interface PlanTable {
  id: Generated<number>;
  unit_id: number;
  parent_plan_id: number | null;
  amends_plan_id: number | null;
  status: ColumnType<string, string | undefined, string>;
  version: ColumnType<number, number | undefined, number>;
  doc_type: ColumnType<string, string | undefined, string>;
  number: string | null;
  symbol: string | null;
  issued_date: string | null;
  year: number | null;
  title: string;
  /** DocumentHeader (model.ts) */
  header: Json<unknown>;
  sections: Json<unknown>;
  groups: Json<unknown>;
  source_name: string | null;
  source_text: string | null;
  unplaced: Json<unknown>;
  published: Generated<boolean>;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  submitted_at: Date | null;
  approved_by: number | null;
  approved_at: Date | null;
  issued_at: Date | null;
  return_reason: string | null;
  /** Finding[] (model.ts) as computed at the last write; null until computed (migration 0007). */
  findings: ColumnType<unknown, string | null | undefined, string | null>;
  /** State of the unit register the findings were checked against (src/modules/org/directory.ts). */
  findings_register: string | null;
}

export interface PlanTaskTable {
  id: Generated<number>;
  plan_id: number;
  ordinal: number;
  number: string;
  group_number: string | null;
  title: string;
  content: string | null;
  lead: Json<unknown>;
  coordinators: Json<unknown>;
  timeframe_text: string;
  schedule: Json<unknown> | null;
  deliverables: Json<unknown>;
  notes: string | null;
  lead_unit_id: number | null;
  parent_task_id: number | null;
  parent_snapshot: Json<unknown> | null;
  parent_change: Json<unknown> | null;
}

export interface PlanVersionTable {
  id: Generated<number>;
  plan_id: number;
  version: number;
  status: string;
  snapshot: Json<unknown>;
  created_by: number | null;
  created_at: CreatedAt;
  note: string | null;
  /** Finding[] the version was issued with. */
  findings: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface CascadeRuleTable {
  id: Generated<number>;
  province_unit_id: number;
  ordinal: number;
  rule: Json<unknown>;
  updated_at: Timestamp;
}

export interface AssignmentTable {
  id: Generated<number>;
  task_id: number;
  plan_id: number;
  unit_id: number;
  role: 'lead' | 'coordinator';
  percent: Generated<number>;
  completed_on: string | null;
  last_update_at: Date | null;
  created_at: CreatedAt;
}

export interface ProgressUpdateTable {
  id: Generated<number>;
  assignment_id: number;
  unit_id: number;
  author_id: number | null;
  percent: number;
  narrative: Generated<string>;
  completed: Generated<boolean>;
  occurred_on: string;
  created_at: CreatedAt;
}

export interface DeliverableRecordTable {
  id: Generated<number>;
  update_id: number;
  assignment_id: number;
  unit_id: number;
  kind: 'conference' | 'document' | 'article' | 'training' | 'plan' | 'report' | 'dataset' | 'other';
  title: string;
  occurred_on: string;
  participants: number | null;
  document_number: string | null;
  link: string | null;
  /** The dataset a deliverable of kind 'dataset' delivered (task 4: the provincial AI database). */
  dataset_id: Generated<number | null>;
  created_at: CreatedAt;
}

export interface EvidenceFileTable {
  id: Generated<number>;
  update_id: number;
  unit_id: number;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
  uploaded_by: number | null;
  created_at: CreatedAt;
}

export interface ObstacleTable {
  id: Generated<number>;
  unit_id: number;
  to_unit_id: number;
  assignment_id: number | null;
  task_id: number | null;
  kind: 'difficulty' | 'proposal';
  content: string;
  status: ColumnType<
    'open' | 'answered' | 'closed',
    'open' | 'answered' | 'closed' | undefined,
    'open' | 'answered' | 'closed'
  >;
  answer: string | null;
  answered_by: number | null;
  answered_at: Date | null;
  raised_by: number | null;
  raised_on: string;
  created_at: CreatedAt;
}

export interface ReportingRegimeTable {
  id: Generated<number>;
  code: string;
  owner_unit_id: number;
  plan_id: number | null;
  kind: ColumnType<
    'periodic' | 'adHoc' | 'thematic',
    'periodic' | 'adHoc' | 'thematic' | undefined,
    'periodic' | 'adHoc' | 'thematic'
  >;
  name: string;
  content: string;
  /** PeriodSchedule (src/domain/reporting/period.ts) */
  schedule: Json<unknown>;
  /** { kinds?: UnitKind[]; unitIds?: number[] } relative to the owner's scope */
  submitters: Json<unknown>;
  recipients: string;
  outline: Json<unknown>;
  /** [{ code, name, unit, aggregate: 'sum' | 'max' }] */
  indicators: Json<unknown>;
  ad_hoc_due: string | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface NotificationTable {
  id: Generated<number>;
  unit_id: number | null;
  user_id: number | null;
  kind: string;
  title: string;
  body: Generated<string>;
  link: string | null;
  read_at: Date | null;
  created_at: CreatedAt;
}

export interface ReminderLogTable {
  id: Generated<number>;
  regime_id: number;
  period_key: string;
  unit_id: number;
  offset_days: number;
  channel: 'email' | 'app';
  recipients: string;
  sent_at: CreatedAt;
}

export interface CalendarConfigTable {
  id: number;
  config: Json<unknown>;
  updated_at: Timestamp;
}

export interface PetitionCounterTable {
  year: number;
  last: number;
}

export interface PetitionTable {
  id: Generated<number>;
  code: string;
  kind: 'recommendation' | 'proposal' | 'feedback';
  status: ColumnType<PetitionStatusColumn, PetitionStatusColumn | undefined, PetitionStatusColumn>;
  subject: string;
  content: string;
  law_reference: string | null;
  receiving_unit_id: number;
  handling_unit_id: number;
  /** The sender's identity: null once retention has anonymised a closed petition. */
  sender_name: string | null;
  sender_organisation: string | null;
  sender_email: string | null;
  sender_phone: string | null;
  sender_address: string | null;
  contact_key: string | null;
  content_key: string;
  consent_at: Timestamp | null;
  received_on: string;
  due_date: string;
  extended: Generated<boolean>;
  extension_reason: string | null;
  /** Set while the sender is asked for more information: the clock stands still. */
  clock_stopped_on: string | null;
  topic: string | null;
  concerns: string | null;
  article: string | null;
  answer: string | null;
  answer_drafted_by: number | null;
  answer_approved_by: number | null;
  /** The signature block chosen when the answer was approved (domain/org/document-settings.ts: SignerBlock). */
  answer_signer: Json<unknown> | null;
  closed_on: string | null;
  closing_reason: string | null;
  published: Generated<boolean>;
  merged_into_id: number | null;
  task_id: number | null;
  /** The AI system (a unit's use) or the dataset the petition is about, when it is about one. */
  ai_use_id: Generated<number | null>;
  dataset_id: Generated<number | null>;
  /** fold(subject, topic, answer): what the public search matches. */
  search_folded: Generated<string>;
  /** The deadline tier handlers were last reminded of (one reminder per tier). */
  reminded_tier: string | null;
  anonymised_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}
type PetitionStatusColumn =
  | 'received'
  | 'classified'
  | 'inProgress'
  | 'waitingForSender'
  | 'answered'
  | 'referred'
  | 'notInScope'
  | 'withdrawn'
  | 'merged';

export interface PetitionEventTable {
  id: Generated<number>;
  petition_id: number;
  kind: string;
  status: string;
  note: Generated<string>;
  public: Generated<boolean>;
  actor_user_id: number | null;
  at: CreatedAt;
}

export interface PetitionAttachmentTable {
  id: Generated<number>;
  petition_id: number;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
  created_at: CreatedAt;
}

export interface DB {
  unit: UnitTable;
  unit_alias: UnitAliasTable;
  search_entry: SearchEntryTable;
  app_user: AppUserTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  rate_counter: RateCounterTable;
  audit_log: AuditLogTable;
  plan: PlanTable;
  plan_task: PlanTaskTable;
  plan_version: PlanVersionTable;
  cascade_rule: CascadeRuleTable;
  assignment: AssignmentTable;
  progress_update: ProgressUpdateTable;
  deliverable_record: DeliverableRecordTable;
  evidence_file: EvidenceFileTable;
  obstacle: ObstacleTable;
  reporting_regime: ReportingRegimeTable;
  unit_report: UnitReportTable;
  unit_document_settings: UnitDocumentSettingsTable;
  document_counter: DocumentCounterTable;
  period_document: PeriodDocumentTable;
  notification: NotificationTable;
  reminder_log: ReminderLogTable;
  calendar_config: CalendarConfigTable;
  petition_counter: PetitionCounterTable;
  petition: PetitionTable;
  petition_event: PetitionEventTable;
  petition_attachment: PetitionAttachmentTable;
  ai_product: AiProductTable;
  ai_use: AiUseTable;
  ai_impact_assessment: AiImpactAssessmentTable;
  ai_incident: AiIncidentTable;
  dataset: DatasetTable;
  dataset_version: DatasetVersionTable;
  dataset_resource: DatasetResourceTable;
  dataset_resource_version: DatasetResourceVersionTable;
  dataset_finding_decision: DatasetFindingDecisionTable;
  dataset_access_request: DatasetAccessRequestTable;
  dataset_access_log: DatasetAccessLogTable;
  data_organisation: DataOrganisationTable;
  sync_outbox: SyncOutboxTable;
  national_province: NationalProvinceTable;
  national_dataset: NationalEntryTable;
  national_ai_system: NationalEntryTable;
}
