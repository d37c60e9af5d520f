// Validation against a declared Table Schema (the Frictionless subset of src/contracts/dataset-quality.ts). Messages
// name the column, the row and the rule broken, never the value: a value may be personal data.
import { createHash } from 'node:crypto';
import type { TableField, TableSchema } from '../../../contracts/dataset-quality.ts';
import { fold } from '../../text.ts';
import { isBoolean, isOfType, parseDateTime, parseDay, parseNumber } from './values.ts';
import type { SchemaError } from './types.ts';

export const SCHEMA_ERROR_CAP = 100;

const TYPE_LABEL: Record<string, string> = {
  string: 'chuỗi',
  integer: 'số nguyên',
  number: 'số',
  boolean: 'giá trị đúng/sai',
  date: 'ngày (dd/mm/yyyy hoặc yyyy-mm-dd)',
  datetime: 'ngày giờ',
  year: 'năm',
};

/** Schema problems, keeping the first SCHEMA_ERROR_CAP and counting all. */
export class SchemaErrors {
  readonly list: SchemaError[] = [];
  total = 0;
  add(column: string, row: number, message: string): void {
    this.total++;
    if (this.list.length < SCHEMA_ERROR_CAP) this.list.push({ column, row, message });
  }
}

/** A 64-bit digest (16 hex digits) of some cells: enough to tell rows apart, far smaller than the rows. */
export function digest(cells: readonly string[]): string {
  return createHash('sha1').update(cells.join('\u0001')).digest('hex').slice(0, 16);
}

/** A value comparable with the field's minimum and maximum, by its type; null when it has none. */
function comparable(type: string, s: string | number): number | null {
  const v = String(s);
  if (type === 'integer' || type === 'number' || type === 'year') return parseNumber(v);
  if (type === 'date' || type === 'datetime') {
    const d = parseDay(v) ?? parseDateTime(v);
    return d ? d.y * 10_000 + d.m * 100 + d.d : null;
  }
  return null;
}

/** Checks one declared column, cell by cell. */
export class FieldCheck {
  readonly field: TableField;
  private readonly pattern: RegExp | null;
  private readonly min: number | null;
  private readonly max: number | null;
  private readonly allowed: Set<string> | null;
  private readonly seen: Map<string, number> | null;

  constructor(field: TableField) {
    this.field = field;
    const c = field.constraints ?? {};
    this.pattern = c.pattern ? new RegExp(`^(?:${c.pattern})$`, 'u') : null;
    this.min = c.minimum === undefined ? null : comparable(field.type, c.minimum);
    this.max = c.maximum === undefined ? null : comparable(field.type, c.maximum);
    this.allowed = c.enum ? new Set(c.enum.map((v) => String(v))) : null;
    this.seen = c.unique ? new Map() : null;
  }

  /** The rule a cell breaks, in Vietnamese, or null. `cell` is trimmed; `missing` says it counts as empty. */
  check(cell: string, missing: boolean, row: number): string | null {
    const c = this.field.constraints ?? {};
    if (missing) return c.required ? 'ô trống ở cột bắt buộc.' : null;
    const type = this.field.type;
    if (!isOfType(cell, type)) return `giá trị không phải ${TYPE_LABEL[type] ?? type}.`;
    if (this.allowed && !this.allowed.has(type === 'boolean' && isBoolean(cell) ? fold(cell) : cell))
      return 'giá trị không thuộc danh sách được phép (enum).';
    if (c.maxLength !== undefined && [...cell].length > c.maxLength)
      return `giá trị dài hơn ${c.maxLength} ký tự cho phép.`;
    if (this.pattern && !this.pattern.test(cell)) return 'giá trị không đúng mẫu (pattern) đã khai báo.';
    if (this.min !== null || this.max !== null) {
      const v = comparable(type, cell);
      if (v !== null && this.min !== null && v < this.min) return 'giá trị nhỏ hơn mức tối thiểu (minimum).';
      if (v !== null && this.max !== null && v > this.max) return 'giá trị lớn hơn mức tối đa (maximum).';
    }
    if (this.seen) {
      const key = cell.length > 32 ? digest([cell]) : cell;
      const first = this.seen.get(key);
      if (first !== undefined) return `giá trị trùng với dòng ${first} (cột phải là duy nhất).`;
      this.seen.set(key, row);
    }
    return null;
  }
}

/** Finds the table column of each declared field: by exact name, else ignoring case and accents. */
export function matchColumns(header: string[], schema: TableSchema): Map<string, number> {
  const byFold = new Map<string, number>();
  header.forEach((h, i) => {
    if (!byFold.has(fold(h))) byFold.set(fold(h), i);
  });
  const out = new Map<string, number>();
  for (const f of schema.fields) {
    const exact = header.indexOf(f.name);
    const i = exact >= 0 ? exact : byFold.get(fold(f.name));
    if (i !== undefined) out.set(f.name, i);
  }
  return out;
}

/** Duplicate primary keys, by the digest of the key's cells. */
export class PrimaryKeyCheck {
  private readonly seen = new Map<string, number>();
  readonly columns: number[];
  readonly label: string;
  constructor(columns: number[], label: string) {
    this.columns = columns;
    this.label = label;
  }
  check(row: string[], rowNo: number, errors: SchemaErrors): void {
    const cells = this.columns.map((i) => (row[i] ?? '').trim());
    if (cells.every((c) => c === '')) {
      errors.add(this.label, rowNo, 'khóa chính (primaryKey) để trống.');
      return;
    }
    const key = digest(cells);
    const first = this.seen.get(key);
    if (first !== undefined) errors.add(this.label, rowNo, `khóa chính (primaryKey) trùng với dòng ${first}.`);
    else this.seen.set(key, rowNo);
  }
}
