// The national node's tables (provinces and what they delivered), part of ./schema.ts.
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from './schema-columns.ts';

export interface NationalProvinceTable {
  code: string;
  name: string;
  /** sha256 (hex) of the province's bearer token; null when the token was withdrawn from the configuration. */
  token_hash: string | null;
  updated_at: Generated<Date>;
}

/** national_dataset and national_ai_system have this one shape. */
export interface NationalEntryTable {
  uuid: string;
  province_code: string;
  version: number;
  entry: Json<unknown> | null;
  title: Generated<string>;
  /** Dataset: the sector code; AI system: the risk level. */
  category: string | null;
  /** Dataset: open | conditional | commercial; AI system: null. */
  access_class: string | null;
  search_folded: Generated<string>;
  modified: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  retracted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  tombstone: Json<unknown> | null;
  received_at: CreatedAt;
  updated_at: Timestamp;
}
