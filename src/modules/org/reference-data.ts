// Reads the reference data shipped in reference-data/ (copied from the project's research, with SOURCES.md).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import {
  buildReferenceUnits,
  officeChoices,
  type CommuneOfficeRow,
  type OfficeChoice,
  type ReferenceUnit,
} from '../../domain/org/reference.ts';
import { UnitDirectory } from '../../domain/org/resolve.ts';
import type { UnitEntry } from '../../domain/org/unit.ts';

export const REFERENCE_DATA_DIR = fileURLToPath(new URL('../../../reference-data/', import.meta.url));

export function readCsv<T>(file: string): T[] {
  return parse(readFileSync(REFERENCE_DATA_DIR + file, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as T[];
}

let cached: ReferenceUnit[] | undefined;

/** The reference organisation tree (the Government's bodies, 34 provinces, Thanh Hóa's agencies and 166 communes/wards). */
export function loadReferenceUnits(): ReferenceUnit[] {
  cached ??= buildReferenceUnits({
    nationalBodies: readCsv('national-bodies.csv'),
    provinces: readCsv('provinces.csv'),
    communes: readCsv('thanh-hoa-communes.csv'),
    formerUnits: readCsv('thanh-hoa-communes-former-units.csv'),
    agencies: readCsv('thanh-hoa-agencies.csv'),
    communeOffices: readCsv('commune-offices.csv'),
  });
  return cached;
}

let officesCache: Record<'xã' | 'phường', OfficeChoice[]> | undefined;

/** The offices of a xã and of a phường, by short code (the targets of the cascade rules). */
export function communeOfficeChoices(): Record<'xã' | 'phường', OfficeChoice[]> {
  officesCache ??= officeChoices(readCsv<CommuneOfficeRow>('commune-offices.csv'));
  return officesCache;
}

let directoryCache: { entries: UnitEntry[]; directory: UnitDirectory } | undefined;

/**
 * The reference register as a UnitDirectory without a database (CLI checks of files, benchmarks, tests).
 * Reference units have codes but no ids: they are numbered by position, as a fresh database would number them.
 */
export function referenceDirectory(): { entries: UnitEntry[]; directory: UnitDirectory } {
  if (directoryCache) return directoryCache;
  const units = loadReferenceUnits();
  const idByCode = new Map(units.map((u, i) => [u.code, i + 1]));
  const entries: UnitEntry[] = units.map((u, i) => ({
    id: i + 1,
    parentId: u.parentCode === null ? null : (idByCode.get(u.parentCode) ?? null),
    kind: u.kind,
    code: u.code,
    name: u.name,
    shortName: u.shortName,
    aliases: u.aliases.map((a) => a.name),
  }));
  directoryCache = { entries, directory: new UnitDirectory(entries) };
  return directoryCache;
}
