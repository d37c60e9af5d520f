// The provincial AI database's tables (datasets, resources and their versions, access requests and the access log)
// and the outbox to the national database, part of ./schema.ts.
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from './schema-columns.ts';

type DateColumn = ColumnType<string | null, string | null | undefined, string | null>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;
type IdArray = ColumnType<number[], number[] | undefined, number[]>;

export interface DatasetTable {
  id: Generated<number>;
  uuid: Generated<string>;
  unit_id: number;
  title: string;
  description: Generated<string>;
  sector: string;
  keywords: TextArray;
  access_class: 'open' | 'conditional' | 'commercial';
  licence: Generated<string>;
  purpose_limits: Generated<string>;
  update_frequency: Generated<string>;
  temporal_start: DateColumn;
  temporal_end: DateColumn;
  spatial_unit_ids: IdArray;
  standards: Generated<string>;
  legal_basis: Generated<string>;
  contact_name: Generated<string>;
  contact_email: Generated<string>;
  contact_phone: Generated<string>;
  access_methods: TextArray;
  labelling: Generated<'none' | 'partial' | 'complete'>;
  labelling_note: Generated<string>;
  internal_notes: Generated<string>;
  status: Generated<'draft' | 'published' | 'retracted'>;
  version: Generated<number>;
  search_label: Generated<string>;
  published_at: Timestamp | null;
  published_by: number | null;
  retracted_at: Timestamp | null;
  retract_reason: string | null;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface DatasetVersionTable {
  dataset_id: number;
  version: number;
  snapshot: Json<unknown>;
  note: Generated<string>;
  changed_by: number | null;
  changed_at: CreatedAt;
}

export interface DatasetResourceTable {
  id: Generated<number>;
  dataset_id: number;
  title: string;
  current_version: Generated<number>;
  removed_at: Timestamp | null;
  created_by: number | null;
  created_at: CreatedAt;
}

export interface DatasetResourceVersionTable {
  id: Generated<number>;
  resource_id: number;
  version: number;
  filename: string;
  format: 'csv' | 'xlsx' | 'json';
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
  quality: Json<unknown>;
  quality_score: number;
  personal_columns: Generated<number>;
  table_schema: Json<unknown> | null;
  derived_from: number | null;
  deidentification: Json<unknown> | null;
  created_by: number | null;
  created_at: CreatedAt;
}

export interface DatasetFindingDecisionTable {
  id: Generated<number>;
  version_id: number;
  column_name: string;
  kind: string;
  reason: string;
  decided_by: number | null;
  decided_at: CreatedAt;
}

export interface DatasetAccessRequestTable {
  id: Generated<number>;
  dataset_id: number;
  /** A signed-in user of a unit, or else… */
  requester_id: number | null;
  requester_unit_id: number | null;
  /** …an organisation account. */
  organisation_id: number | null;
  organisation: Generated<string>;
  purpose: string;
  intended_use: string;
  duration_days: number;
  status: Generated<'pending' | 'approved' | 'refused' | 'withdrawn'>;
  decided_by: number | null;
  decided_at: Timestamp | null;
  decision_reason: string | null;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
  revoked_by: number | null;
  created_at: CreatedAt;
}

export interface DatasetAccessLogTable {
  id: Generated<string>;
  dataset_id: number;
  resource_id: number;
  version_id: number;
  version: number;
  user_id: number | null;
  organisation_id: number | null;
  ip: string | null;
  grant_id: number | null;
  channel: 'download' | 'api';
  at: CreatedAt;
}

export type SyncEntity = 'dataset' | 'aiSystem';
export type SyncStatus = 'pending' | 'sent' | 'accepted' | 'rejected' | 'superseded';

export interface SyncOutboxTable {
  id: Generated<string>;
  entity: SyncEntity;
  entity_id: number;
  uuid: string;
  version: number;
  op: 'put' | 'delete';
  payload: Json<unknown>;
  status: Generated<SyncStatus>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  remote_id: string | null;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
  answered_at: Timestamp | null;
}

export type DataOrganisationKind = 'enterprise' | 'research' | 'education' | 'publicBody' | 'other';
export type DataOrganisationStatus = 'pending' | 'active' | 'refused' | 'suspended';

export interface DataOrganisationTable {
  id: Generated<number>;
  name: string;
  tax_code: string;
  kind: DataOrganisationKind;
  address: Generated<string>;
  contact_name: string;
  contact_email: string;
  contact_phone: Generated<string>;
  /** SHA-256 of the access key, hex; the key itself is shown once and never stored. */
  key_hash: string;
  /** The key's last four characters, to tell keys apart. */
  key_hint: string;
  status: Generated<DataOrganisationStatus>;
  decided_by: number | null;
  decided_at: Timestamp | null;
  decision_reason: string | null;
  key_issued_at: CreatedAt;
  last_used_at: Timestamp | null;
  /** SHA-256 of a recovery code mailed to the contact for a lost key, and when it stops working. */
  recovery_hash: string | null;
  recovery_expires_at: Timestamp | null;
  created_at: CreatedAt;
}
