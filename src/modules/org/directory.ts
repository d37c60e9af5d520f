// The register as a UnitDirectory (for reading unit names in documents), cached until the tree changes.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { UnitDirectory } from '../../domain/org/resolve.ts';
import type { UnitEntry, UnitKind } from '../../domain/org/unit.ts';
import type { Tx } from '../context.ts';

let cachedEntries: { signature: string; entries: UnitEntry[] } | undefined;
let cached: { entries: UnitEntry[]; directory: UnitDirectory } | undefined;

/**
 * The register's entries, reloaded when the tree changes. Plain data: the worker pool takes these and builds its own
 * directory, so an import never pays for the main thread's indexes.
 */
export async function unitEntries(db: Kysely<DB> | Tx): Promise<UnitEntry[]> {
  const sig = await sql<{ s: string }>`SELECT (SELECT count(*) FROM unit)::text || ':' || coalesce((SELECT max(updated_at) FROM unit)::text, '') || ':' || (SELECT count(*) FROM unit_alias)::text AS s`.execute(db);
  const signature = sig.rows[0]!.s;
  if (cachedEntries?.signature === signature) return cachedEntries.entries;
  const [units, aliases] = await Promise.all([
    db.selectFrom('unit').select(['id', 'parent_id', 'kind', 'code', 'name', 'short_name']).where('status', '=', 'active').execute(),
    db.selectFrom('unit_alias').select(['unit_id', 'name']).execute(),
  ]);
  const byUnit = new Map<number, string[]>();
  for (const a of aliases) byUnit.set(a.unit_id, [...(byUnit.get(a.unit_id) ?? []), a.name]);
  const entries: UnitEntry[] = units.map((u) => ({
    id: u.id, parentId: u.parent_id, kind: u.kind as UnitKind, code: u.code, name: u.name, shortName: u.short_name, aliases: byUnit.get(u.id) ?? [],
  }));
  cachedEntries = { signature, entries };
  return entries;
}

export async function unitDirectory(db: Kysely<DB> | Tx): Promise<UnitDirectory> {
  const entries = await unitEntries(db);
  if (cached?.entries !== entries) cached = { entries, directory: new UnitDirectory(entries) };
  return cached.directory;
}
