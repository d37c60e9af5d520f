// The AI systems' tables (products, their uses by units, impact assessments, incidents), part of ./schema.ts.
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from './schema-columns.ts';

type Level = 'high' | 'medium' | 'low';
type UseStatusColumn = 'planned' | 'piloting' | 'inUse' | 'retired';

export interface AiProductTable {
  id: Generated<number>;
  name: string;
  provider: string;
  provider_contact: Generated<string>;
  version: Generated<string>;
  function: string;
  model_type: Generated<string>;
  training_data: Generated<string>;
  provider_level: Level | null;
  ai_system_id: string | null;
  /** Texts a new use of the product starts from (vendor template): purpose, inputData, outputUse… */
  template: Json<unknown>;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface AiUseTable {
  id: Generated<number>;
  uuid: Generated<string>;
  product_id: number;
  unit_id: number;
  purpose: string;
  scope: Generated<string>;
  users_served: Generated<string>;
  input_data: Generated<string>;
  personal_data: Generated<boolean>;
  sensitive_data: Generated<boolean>;
  output_use: Generated<string>;
  automation: ColumnType<
    'assistive' | 'partial' | 'full',
    'assistive' | 'partial' | 'full' | undefined,
    'assistive' | 'partial' | 'full'
  >;
  human_oversight: Generated<string>;
  start_date: string | null;
  status: ColumnType<UseStatusColumn, UseStatusColumn | undefined, UseStatusColumn>;
  contract: Generated<string>;
  internal_notes: Generated<string>;
  public_summary: Generated<string>;
  level: Level | null;
  assessment_required: boolean | null;
  /** { answers, reasons } of the last classification. */
  classification: Json<unknown> | null;
  questionnaire_version: string | null;
  classified_at: Date | null;
  assessment_due: Generated<boolean>;
  override_reason: string | null;
  retire_reason: string | null;
  published_at: Date | null;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface AiImpactAssessmentTable {
  id: Generated<number>;
  use_id: number;
  version: number;
  status: ColumnType<
    'draft' | 'approved' | 'published',
    'draft' | 'approved' | 'published' | undefined,
    'draft' | 'approved' | 'published'
  >;
  /** Mẫu AI02 field key → text (src/domain/ai-systems/impact-assessment.ts). */
  content: Json<unknown>;
  created_by: number | null;
  approved_by: number | null;
  approver_name: string | null;
  approved_at: Date | null;
  published_at: Date | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface AiIncidentTable {
  id: Generated<number>;
  use_id: number;
  unit_id: number;
  occurred_at: Date;
  detected_at: Date;
  severity: 'serious' | 'other';
  description: string;
  affected: Generated<string>;
  consequences: ColumnType<string[], string[] | undefined, string[]>;
  status: ColumnType<'open' | 'closed', 'open' | 'closed' | undefined, 'open' | 'closed'>;
  closed_at: Date | null;
  /** [{ kind, dueAt }] */
  deadlines: Json<unknown>;
  reported_by: number | null;
  created_at: CreatedAt;
}
