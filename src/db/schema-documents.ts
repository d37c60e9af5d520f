// The tables of official documents, part of ./schema.ts: a unit's report, each unit's document settings (signers,
// drafting division, symbol), the registers that number documents, the signer chosen for a period's documents.
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from './schema-columns.ts';

export interface UnitReportTable {
  id: Generated<number>;
  regime_id: number;
  period_key: string;
  unit_id: number;
  to_unit_id: number;
  status: ColumnType<
    'draft' | 'approved' | 'submitted' | 'accepted' | 'returned',
    'draft' | 'approved' | 'submitted' | 'accepted' | 'returned' | undefined,
    'draft' | 'approved' | 'submitted' | 'accepted' | 'returned'
  >;
  due_date: string;
  content: Json<unknown>;
  indicator_values: Json<unknown>;
  /** As printed before the symbol: "05", "12" (given on approval, or typed before numbering was automatic). */
  number: string | null;
  /** The unit's register: year and sequence of the number given on approval (unique per unit and year). */
  number_year: number | null;
  number_seq: number | null;
  /** "BC-UBND", kept with the number so that every export prints the same. */
  symbol: string | null;
  /** The signature block chosen on approval (domain/org/document-settings.ts: SignerBlock). */
  signer: Json<unknown> | null;
  approved_by: number | null;
  approved_at: Date | null;
  submitted_at: Date | null;
  late: boolean | null;
  reviewed_by: number | null;
  reviewed_at: Date | null;
  return_reason: string | null;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface UnitDocumentSettingsTable {
  unit_id: number;
  /** [{ key, title, name, authority, isDefault }] (domain/org/document-settings.ts: UnitSigner) */
  signers: Json<unknown>;
  drafting_division: string | null;
  symbol_suffix: string | null;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface DocumentCounterTable {
  unit_id: number;
  year: number;
  series: string;
  last: number;
}

export interface PeriodDocumentTable {
  regime_id: number;
  period_key: string;
  kind: 'compiled' | 'reminder';
  signer: Json<unknown>;
  approved_by: number | null;
  approved_at: Timestamp;
}
