// The quality report of a table, in one pass over its rows: each row updates the column counters (column.ts), the
// set of row digests (duplicates) and the schema checks; the report is computed from the counters at the end.
// Memory: the counters, capped samples and sets, and 16 hex digits per distinct row, whatever the table's length.
import { ColumnStats } from './column.ts';
import { encodingNotes, fieldNotes, personalNotes, scoreNote } from './notes.ts';
import { personalFindings } from './personal-data.ts';
import { readTable } from './read.ts';
import { digest, FieldCheck, matchColumns, PrimaryKeyCheck, SchemaErrors } from './schema.ts';
import { qualityScore } from './score.ts';
import type { EncodingProblem, FieldReport, QualityReport, TableSchema, TableSource } from './types.ts';
import { TYPE_ORDER, trimCell } from './values.ts';

/** Rows whose digests are kept for the duplicate count; beyond this (80 MB of digests) duplicates are not counted. */
export const DUPLICATE_TRACKING_ROWS = 2_000_000;
/** A column's inferred type is the most specific one at least this share of its non-empty cells have. */
export const TYPE_SHARE = 0.9;

export interface AnalyseOptions {
  schema?: TableSchema;
  /** The year ages are counted from (birth dates); the current year by default. */
  nowYear?: number;
}

interface Pass {
  rows: number;
  blankRows: number;
  duplicateRows: number;
  longRows: number;
}

function setUpSchema(
  source: TableSource,
  columns: ColumnStats[],
  schema: TableSchema | undefined,
  errors: SchemaErrors,
) {
  const notes: string[] = [];
  if (!schema) return { notes, missingDeclared: 0, primaryKey: null };
  const matched = matchColumns(source.header, schema);
  let missingDeclared = 0;
  for (const f of schema.fields) {
    const i = matched.get(f.name);
    if (i === undefined) {
      missingDeclared++;
      errors.add(f.name, 0, `thiếu cột "${f.name}" đã khai báo trong lược đồ.`);
    } else columns[i]!.check = new FieldCheck(f);
  }
  const extra = columns.filter((c) => !c.check).map((c) => `"${c.name}"`);
  if (extra.length) notes.push(`Các cột không có trong lược đồ khai báo: ${extra.join(', ')}.`);
  const keyNames = schema.primaryKey === undefined ? [] : [schema.primaryKey].flat();
  const keyColumns = keyNames.map((k) => matched.get(k));
  const primaryKey =
    keyNames.length && keyColumns.every((i) => i !== undefined)
      ? new PrimaryKeyCheck(keyColumns as number[], keyNames.join(' + '))
      : null;
  return { notes, missingDeclared, primaryKey };
}

async function scan(
  source: TableSource,
  columns: ColumnStats[],
  missingValues: Set<string>,
  errors: SchemaErrors,
  primaryKey: PrimaryKeyCheck | null,
): Promise<Pass> {
  const pass: Pass = { rows: 0, blankRows: 0, duplicateRows: 0, longRows: 0 };
  const seen = new Set<string>();
  const width = columns.length;
  for await (const raw of source.rows) {
    if (raw.every((c) => trimCell(c) === '')) {
      pass.blankRows++;
      continue;
    }
    const row = ++pass.rows;
    const cells: string[] = new Array(width);
    for (let i = 0; i < width; i++) {
      const cell = trimCell(raw[i] ?? '');
      cells[i] = cell;
      columns[i]!.add(cell, missingValues.has(cell), row, errors);
    }
    for (let i = width; i < raw.length; i++)
      if (raw[i]!.trim() !== '') {
        pass.longRows++;
        break;
      }
    primaryKey?.check(cells, row, errors);
    if (seen.size < DUPLICATE_TRACKING_ROWS) {
      const key = digest(cells);
      if (seen.has(key)) pass.duplicateRows++;
      else seen.add(key);
    }
  }
  return pass;
}

function fieldOf(c: ColumnStats): FieldReport {
  const declaredType = c.check?.field.type;
  let inferredType: FieldReport['inferredType'] = c.nonEmpty === 0 ? 'empty' : 'string';
  let invalid = 0;
  let invalidSamples: number[] = [];
  if (c.nonEmpty > 0) {
    const t = TYPE_ORDER.findIndex((_, i) => c.typeCounts[i]! >= TYPE_SHARE * c.nonEmpty);
    if (t >= 0) {
      inferredType = TYPE_ORDER[t]![0];
      invalid = c.nonEmpty - c.typeCounts[t]!;
      invalidSamples = c.typeMisses[t]!;
    }
  }
  if (c.check) {
    invalid = c.invalidDeclared;
    invalidSamples = c.invalidDeclaredRows;
  }
  return {
    name: c.name,
    inferredType,
    ...(declaredType ? { declaredType } : {}),
    missing: c.missing,
    distinct: c.distinct.size,
    ...(c.distinctCapped ? { distinctCapped: true } : {}),
    invalid,
    invalidSamples: [...invalidSamples],
  };
}

function encodingProblemsOf(columns: ColumnStats[], notUtf8: boolean): EncodingProblem[] {
  const out: EncodingProblem[] = notUtf8 ? [{ kind: 'notUtf8', column: null, count: 1 }] : [];
  for (const c of columns)
    for (const kind of ['mojibake', 'nfd', 'replacement'] as const)
      if (c.encoding[kind] > 0) out.push({ kind, column: c.name, count: c.encoding[kind] });
  return out;
}

function headerNotes(source: TableSource, pass: Pass): string[] {
  const out: string[] = [];
  if (source.duplicateHeaders.length)
    out.push(
      `Tên cột bị lặp: ${source.duplicateHeaders.map((h) => `"${h}"`).join(', ')} (các cột lặp lại được đặt thêm hậu tố _2, _3…).`,
    );
  for (const r of source.renamedHeaders) out.push(`Một cột không có tên ở dòng tiêu đề, được đặt tên "${r}".`);
  if (pass.blankRows) out.push(`Đã bỏ qua ${pass.blankRows.toLocaleString('vi-VN')} dòng trống.`);
  if (pass.longRows)
    out.push(
      `${pass.longRows.toLocaleString('vi-VN')} dòng có nhiều ô hơn dòng tiêu đề; các ô thừa không được kiểm tra.`,
    );
  return out;
}

/** The report of an opened table. */
export async function analyseTable(source: TableSource, opts: AnalyseOptions = {}): Promise<QualityReport> {
  const nowYear = opts.nowYear ?? new Date().getFullYear();
  const columns = source.header.map((h) => new ColumnStats(h, nowYear));
  const errors = new SchemaErrors();
  const schema = setUpSchema(source, columns, opts.schema, errors);
  const missingValues = new Set(opts.schema?.missingValues ?? ['']);
  missingValues.add('');
  const pass = await scan(source, columns, missingValues, errors, schema.primaryKey);
  const fields = columns.map(fieldOf);
  const personalData = columns.flatMap(personalFindings);
  const encodingProblems = encodingProblemsOf(columns, source.notUtf8);
  const sum = (f: (c: ColumnStats) => number) => columns.reduce((a, c) => a + f(c), 0);
  const parts = qualityScore({
    rows: pass.rows,
    columns: columns.length,
    missingCells: sum((c) => c.missing),
    nonEmptyCells: sum((c) => c.nonEmpty),
    invalidCells: fields.reduce((a, f) => a + f.invalid, 0),
    missingDeclaredColumns: schema.missingDeclared,
    duplicateRows: pass.duplicateRows,
    encodingProblemCells: sum((c) => c.encoding.mojibake + c.encoding.nfd + c.encoding.replacement),
    notUtf8: source.notUtf8,
  });
  const notes = [
    `Bảng có ${pass.rows.toLocaleString('vi-VN')} dòng dữ liệu và ${columns.length} cột.`,
    ...headerNotes(source, pass),
    ...encodingNotes(source.notUtf8, source.encoding, encodingProblems),
    ...(pass.duplicateRows
      ? [`Có ${pass.duplicateRows.toLocaleString('vi-VN')} dòng trùng lặp hoàn toàn với một dòng trước đó.`]
      : []),
    ...fieldNotes(fields, pass.rows),
    ...schema.notes,
    ...(errors.total ? [`Có ${errors.total.toLocaleString('vi-VN')} lỗi so với lược đồ khai báo.`] : []),
    ...personalNotes(personalData),
    scoreNote(parts),
  ];
  return {
    format: source.format,
    encoding: source.encoding,
    rows: pass.rows,
    columns: columns.length,
    fields,
    duplicateRows: pass.duplicateRows,
    encodingProblems,
    schemaErrors: errors.list,
    schemaErrorCount: errors.total,
    personalData,
    score: parts.score,
    notes,
  };
}

/** The quality report of an uploaded file (CSV, XLSX or JSON). */
export async function qualityReport(
  filename: string,
  bytes: Uint8Array,
  opts: AnalyseOptions = {},
): Promise<QualityReport> {
  return analyseTable(await readTable(filename, bytes), opts);
}
