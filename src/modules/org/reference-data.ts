// Reads the reference data shipped in reference-data/ (copied from the project's research, with SOURCES.md).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { buildReferenceUnits, type ReferenceUnit } from '../../domain/org/reference.ts';

export const REFERENCE_DATA_DIR = fileURLToPath(new URL('../../../reference-data/', import.meta.url));

export function readCsv<T>(file: string): T[] {
  return parse(readFileSync(REFERENCE_DATA_DIR + file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as T[];
}

let cached: ReferenceUnit[] | undefined;

/** The reference organisation tree (166 communes/wards with their offices, agencies, national bodies). */
export function loadReferenceUnits(): ReferenceUnit[] {
  cached ??= buildReferenceUnits({
    communes: readCsv('thanh-hoa-communes.csv'),
    formerUnits: readCsv('thanh-hoa-communes-former-units.csv'),
    agencies: readCsv('thanh-hoa-agencies.csv'),
    communeOffices: readCsv('commune-offices.csv'),
  });
  return cached;
}
