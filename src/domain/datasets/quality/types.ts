// The quality report of one dataset resource and the table shapes the engine reads and writes. Pure types.
import type { TableSchema } from '../../../contracts/dataset-quality.ts';

export type { TableSchema };

export type ResourceFormat = 'csv' | 'xlsx' | 'json';

export type InferredType = 'integer' | 'number' | 'boolean' | 'date' | 'datetime' | 'year' | 'string' | 'empty';

export type PersonalDataKind =
  | 'cccd'
  | 'cmnd'
  | 'phone'
  | 'email'
  | 'taxCode'
  | 'bankAccount'
  | 'fullName'
  | 'birthDate'
  | 'address';

export type EncodingProblemKind = 'notUtf8' | 'mojibake' | 'nfd' | 'replacement';

export interface FieldReport {
  name: string;
  inferredType: InferredType;
  declaredType?: string;
  /** Empty cells (and cells equal to one of the schema's missingValues). */
  missing: number;
  /** Distinct non-empty values, counted up to DISTINCT_CAP; `distinctCapped` says the count stopped there. */
  distinct: number;
  distinctCapped?: boolean;
  /** Non-empty cells that are not of the declared type (or of the inferred one when none is declared). */
  invalid: number;
  /** Row numbers (1 = the first data row) of the first invalid cells. */
  invalidSamples: number[];
}

export interface EncodingProblem {
  kind: EncodingProblemKind;
  column: string | null;
  count: number;
}

export interface SchemaError {
  column: string;
  /** Row number (1 = the first data row); 0 for a problem with the column itself. */
  row: number;
  message: string;
}

export interface PersonalDataFinding {
  column: string;
  kind: PersonalDataKind;
  /** Cells of the column that match the kind. */
  count: number;
  /** Row numbers of the first matching cells; never the values. */
  rows: number[];
}

export interface QualityReport {
  format: ResourceFormat;
  encoding: string;
  rows: number;
  columns: number;
  fields: FieldReport[];
  duplicateRows: number;
  encodingProblems: EncodingProblem[];
  /** The first SCHEMA_ERROR_CAP problems; `schemaErrorCount` is the total. */
  schemaErrors: SchemaError[];
  schemaErrorCount: number;
  personalData: PersonalDataFinding[];
  /** 0–100, see score.ts. */
  score: number;
  /** Vietnamese sentences for the person uploading. */
  notes: string[];
}

/** A table opened for reading: its header and its rows as an async stream (never all in memory at once). */
export interface TableSource {
  format: ResourceFormat;
  encoding: string;
  /** The bytes were not valid UTF-8 and were decoded with the fallback. */
  notUtf8: boolean;
  header: string[];
  /** Header names that appeared more than once (as written, before renaming). */
  duplicateHeaders: string[];
  /** Header cells that were empty and got a `cot_N` name. */
  renamedHeaders: string[];
  rows: AsyncIterable<string[]>;
}

/** A whole table in memory, for de-identification (which rewrites every row). */
export interface Table {
  format: ResourceFormat;
  encoding: string;
  header: string[];
  rows: string[][];
}
