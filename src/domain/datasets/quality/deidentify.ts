// De-identification steps an owner can apply to a resource before publishing it (issue 12, item 3), and the
// k-anonymity check on chosen quasi-identifiers: how small the smallest group of rows sharing their values is.
import type { DeidentifyStep } from '../../../contracts/dataset-quality.ts';
import { invalid } from '../../errors.ts';
import { fold } from '../../text.ts';
import { maskCell, yearOf } from './mask.ts';
import { digest } from './schema.ts';
import type { Table } from './types.ts';

export type { DeidentifyStep };

/** Groups smaller than this are reported as re-identifiable (k = 5 is the common floor for published microdata). */
export const K_THRESHOLD = 5;

export interface KAnonymity {
  columns: string[];
  k: number;
  /** Size of the smallest group of rows sharing the quasi-identifiers' values (0 for a table without rows). */
  smallestGroup: number;
  groups: number;
  /** Rows in groups smaller than k. */
  rowsInSmallGroups: number;
}

/** Column positions by name (exact, else ignoring case and accents); refuses (422) naming every unknown column. */
export function columnIndexes(header: string[], names: string[], path: string): number[] {
  const unknown: string[] = [];
  const out = names.map((name) => {
    let i = header.indexOf(name);
    if (i < 0) i = header.findIndex((h) => fold(h) === fold(name));
    if (i < 0) unknown.push(name);
    return i;
  });
  if (unknown.length) {
    const list = unknown.map((u) => `"${u}"`).join(', ');
    throw invalid('dataset.unknown_columns', `Bảng không có cột ${list}.`, [
      { path, message: `Không có cột ${list}; các cột của bảng: ${header.map((h) => `"${h}"`).join(', ')}.` },
    ]);
  }
  return out;
}

/** Applies the steps in order; returns a new table (the input is not changed). */
export function deidentify(table: Table, steps: DeidentifyStep[]): Table {
  const indexes = columnIndexes(
    table.header,
    steps.map((s) => s.column),
    'steps',
  );
  const drop = new Set<number>();
  const rewrite = new Map<number, (s: string) => string>();
  steps.forEach((step, k) => {
    const i = indexes[k]!;
    if (step.action === 'drop') drop.add(i);
    else rewrite.set(i, step.action === 'mask' ? maskCell : yearOf);
  });
  const keep = table.header.map((_, i) => i).filter((i) => !drop.has(i));
  const rows = table.rows.map((r) =>
    keep.map((i) => {
      const f = rewrite.get(i);
      const cell = r[i] ?? '';
      return f ? f(cell) : cell;
    }),
  );
  return { ...table, header: keep.map((i) => table.header[i]!), rows };
}

/** Group sizes of the rows by the quasi-identifiers' values (trimmed; empty is a value like any other). */
export function kAnonymity(table: Table, quasiIdentifiers: string[], k = K_THRESHOLD): KAnonymity {
  const indexes = columnIndexes(table.header, quasiIdentifiers, 'quasiIdentifiers');
  const sizes = new Map<string, number>();
  for (const r of table.rows) {
    const key = digest(indexes.map((i) => (r[i] ?? '').trim()));
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  let smallest = Number.POSITIVE_INFINITY;
  let small = 0;
  for (const n of sizes.values()) {
    smallest = Math.min(smallest, n);
    if (n < k) small += n;
  }
  return {
    columns: indexes.map((i) => table.header[i]!),
    k,
    smallestGroup: sizes.size ? smallest : 0,
    groups: sizes.size,
    rowsInSmallGroups: small,
  };
}
