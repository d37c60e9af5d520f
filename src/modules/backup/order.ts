// The order in which tables are restored: a table after every table it references, so foreign keys hold at each
// insert. Self-references are handled row-wise by the restore (store.insertRows); a cycle between two tables would
// need the same and is refused rather than restored half-way.
import type { TableInfo } from './store.ts';

export function restoreOrder(tables: readonly TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const placed = new Set<string>();
  const out: TableInfo[] = [];
  const remaining = [...tables].sort((a, b) => a.name.localeCompare(b.name));
  while (remaining.length) {
    const i = remaining.findIndex((t) => t.references.every((r) => placed.has(r) || !byName.has(r)));
    if (i < 0) throw new Error(`foreign keys form a cycle between tables: ${remaining.map((t) => t.name).join(', ')}`);
    const [t] = remaining.splice(i, 1);
    placed.add(t!.name);
    out.push(t!);
  }
  return out;
}
