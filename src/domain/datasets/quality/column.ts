// Counters of one column, filled a cell at a time: what the report says about the column is computed from these at
// the end, so no column is ever held in memory. Samples and sets are capped.
import { cellEncodingProblem, repairMojibake } from './encoding.ts';
import { hintsOf, type Hints } from './personal-hints.ts';
import {
  digitsOf,
  isAddress,
  isCccd,
  isEmail,
  isFullName,
  isMobile,
  isMobileWithoutZero,
  isTaxCode,
} from './personal-cells.ts';
import type { FieldCheck, SchemaErrors } from './schema.ts';
import type { PersonalDataKind } from './types.ts';
import { parseDateTime, parseDay, T_DATE, T_DATETIME, TYPE_ORDER, typesOf } from './values.ts';

export const DISTINCT_CAP = 10_000;
export const SAMPLE_CAP = 10;
export const PERSONAL_ROWS_CAP = 5;

export interface KindCount {
  count: number;
  rows: number[];
}

export class ColumnStats {
  readonly name: string;
  readonly hints: Hints;
  nonEmpty = 0;
  missing = 0;
  readonly typeCounts = new Array<number>(TYPE_ORDER.length).fill(0);
  readonly typeMisses: number[][] = TYPE_ORDER.map(() => []);
  readonly distinct = new Set<string>();
  distinctCapped = false;
  readonly encoding = { mojibake: 0, nfd: 0, replacement: 0 };
  readonly personal = new Map<PersonalDataKind, KindCount>();
  /** Declared in the schema: cells are checked against it. */
  check: FieldCheck | null = null;
  invalidDeclared = 0;
  readonly invalidDeclaredRows: number[] = [];

  private readonly nowYear: number;

  constructor(name: string, nowYear: number) {
    this.name = name;
    this.nowYear = nowYear;
    this.hints = hintsOf(name);
  }

  add(cell: string, missing: boolean, row: number, errors: SchemaErrors): void {
    if (this.check) {
      const broken = this.check.check(cell, missing, row);
      if (broken) {
        errors.add(this.name, row, broken);
        if (!missing) {
          this.invalidDeclared++;
          if (this.invalidDeclaredRows.length < SAMPLE_CAP) this.invalidDeclaredRows.push(row);
        }
      }
    }
    if (missing) {
      this.missing++;
      return;
    }
    this.nonEmpty++;
    this.countDistinct(cell);
    const mask = typesOf(cell);
    for (let t = 0; t < TYPE_ORDER.length; t++) {
      if (mask & TYPE_ORDER[t]![1]) this.typeCounts[t]!++;
      else if (this.typeMisses[t]!.length < SAMPLE_CAP) this.typeMisses[t]!.push(row);
    }
    const problem = cellEncodingProblem(cell);
    if (problem) this.encoding[problem]++;
    const text = problem === 'mojibake' ? (repairMojibake(cell) ?? cell) : cell;
    this.detect(text, mask, row);
  }

  private countDistinct(cell: string): void {
    if (this.distinctCapped) return;
    this.distinct.add(cell.length > 64 ? cell.slice(0, 64) + cell.length : cell);
    if (this.distinct.size >= DISTINCT_CAP) this.distinctCapped = true;
  }

  private hit(kind: PersonalDataKind, row: number): void {
    let k = this.personal.get(kind);
    if (!k) {
      k = { count: 0, rows: [] };
      this.personal.set(kind, k);
    }
    k.count++;
    if (k.rows.length < PERSONAL_ROWS_CAP) k.rows.push(row);
  }

  /** Cell-level personal-data tests; the column-level decision is made once at the end (personal-data.ts). */
  private detect(cell: string, mask: number, row: number): void {
    const h = this.hints;
    const digits = digitsOf(cell);
    if (digits !== null || cell.startsWith('+')) {
      if (digits !== null && (isCccd(digits) || (h.cccd && digits.length === 11 && isCccd(`0${digits}`))))
        this.hit('cccd', row);
      if (h.cmnd && digits !== null && digits.length === 9) this.hit('cmnd', row);
      if (isMobile(cell) || (h.phone && digits !== null && isMobileWithoutZero(digits))) this.hit('phone', row);
      if (isTaxCode(cell)) this.hit('taxCode', row);
      if (h.bankAccount && digits !== null && digits.length >= 6 && digits.length <= 19) this.hit('bankAccount', row);
    } else if (cell.includes('@')) {
      if (isEmail(cell)) this.hit('email', row);
    } else if (isFullName(cell)) this.hit('fullName', row);
    // Numbers and dates are never addresses; the address test folds the text, the costliest step per cell.
    if (mask === 0 && digits === null && isAddress(cell)) this.hit('address', row);
    if (h.birthDate && mask & (T_DATE | T_DATETIME)) {
      const year = (parseDay(cell) ?? parseDateTime(cell))?.y;
      if (year !== undefined && this.nowYear - year >= 0 && this.nowYear - year <= 110) this.hit('birthDate', row);
    }
  }
}
