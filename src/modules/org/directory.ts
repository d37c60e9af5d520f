// The register as a UnitDirectory (for reading unit names in documents), cached until the tree changes.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { UnitDirectory } from '../../domain/org/resolve.ts';
import type { UnitEntry, UnitKind } from '../../domain/org/unit.ts';
import type { Tx } from '../context.ts';
import { listActiveUnitNames, listAliasNames, registerSignature } from './store.ts';

let cachedEntries: { signature: string; entries: UnitEntry[] } | undefined;
let cached: { entries: UnitEntry[]; directory: UnitDirectory } | undefined;

/** The register's entries with the signature of the state they were read from, reloaded when the tree changes. */
async function registerEntries(db: Kysely<DB> | Tx): Promise<{ signature: string; entries: UnitEntry[] }> {
  const signature = await registerSignature(db);
  if (cachedEntries?.signature === signature) return cachedEntries;
  const [units, aliases] = await Promise.all([listActiveUnitNames(db), listAliasNames(db)]);
  const byUnit = new Map<number, string[]>();
  for (const a of aliases) byUnit.set(a.unit_id, [...(byUnit.get(a.unit_id) ?? []), a.name]);
  const entries: UnitEntry[] = units.map((u) => ({
    id: u.id,
    parentId: u.parent_id,
    kind: u.kind as UnitKind,
    code: u.code,
    name: u.name,
    shortName: u.short_name,
    aliases: byUnit.get(u.id) ?? [],
  }));
  cachedEntries = { signature, entries };
  return cachedEntries;
}

/**
 * The register's entries as plain data: the worker pool takes these and builds its own directory, so an import
 * never pays for the main thread's indexes.
 */
export async function unitEntries(db: Kysely<DB> | Tx): Promise<UnitEntry[]> {
  return (await registerEntries(db)).entries;
}

/** The directory with the signature of the register state it was built from (stored findings record it). */
export async function unitRegister(db: Kysely<DB> | Tx): Promise<{ directory: UnitDirectory; signature: string }> {
  const { signature, entries } = await registerEntries(db);
  if (cached?.entries !== entries) cached = { entries, directory: new UnitDirectory(entries) };
  return { directory: cached.directory, signature };
}

export async function unitDirectory(db: Kysely<DB> | Tx): Promise<UnitDirectory> {
  return (await unitRegister(db)).directory;
}
