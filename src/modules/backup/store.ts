// SQL of backups and restores. The tables are read from the catalogue, not listed by hand, so a table added by a
// later migration is backed up and restored without touching this module.
import { sql } from 'kysely';
import type { UntypedKysely, UntypedTransaction } from '../../db/untyped.ts';

// Raw SQL over whatever tables the catalogue names: the typed schema does not apply here.
type Q = UntypedKysely | UntypedTransaction;

/** Kysely's own bookkeeping: recreated by running the migrations the backup names, not copied. */
export const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock'] as const;

export interface TableInfo {
  name: string;
  /** Columns that take values (generated columns are computed again on insert), in table order. */
  columns: string[];
  primaryKey: string[];
  /** Tables this one references (itself excluded). */
  references: string[];
  /** Columns that reference this same table (a unit's parent, a plan's parent plan). */
  selfReferences: string[];
  /** Holds bytea (evidence files): read a few rows at a time. */
  bulky: boolean;
}

export async function listTables(db: Q): Promise<TableInfo[]> {
  const tables = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname NOT IN (${sql.join(MIGRATION_TABLES)})
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
    ORDER BY c.relname`.execute(db);
  const columns = await sql<{ table: string; name: string; generated: string; type: string }>`
    SELECT c.relname AS table, a.attname::text AS name, a.attgenerated::text AS generated, t.typname::text AS type
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_type t ON t.oid = a.atttypid
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
    ORDER BY c.relname, a.attnum`.execute(db);
  const keys = await sql<{ table: string; name: string }>`
    SELECT c.relname AS table, a.attname::text AS name
    FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
    WHERE i.indisprimary AND n.nspname = 'public'
    ORDER BY c.relname, k.ord`.execute(db);
  const fks = await sql<{ table: string; references: string; column: string }>`
    SELECT c.relname AS table, r.relname AS references, a.attname::text AS column
    FROM pg_constraint f JOIN pg_class c ON c.oid = f.conrelid JOIN pg_class r ON r.oid = f.confrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    CROSS JOIN LATERAL unnest(f.conkey) AS k(attnum)
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
    WHERE f.contype = 'f' AND n.nspname = 'public'`.execute(db);
  return tables.rows.map(({ name }) => {
    const own = columns.rows.filter((c) => c.table === name);
    const mine = fks.rows.filter((f) => f.table === name);
    return {
      name,
      columns: own.filter((c) => c.generated === '').map((c) => c.name),
      primaryKey: keys.rows.filter((k) => k.table === name).map((k) => k.name),
      references: [...new Set(mine.filter((f) => f.references !== name).map((f) => f.references))],
      selfReferences: [...new Set(mine.filter((f) => f.references === name).map((f) => f.column))],
      bulky: own.some((c) => c.type === 'bytea'),
    };
  });
}

export async function appliedMigrations(db: Q): Promise<string[]> {
  const exists = await sql<{ t: string | null }>`SELECT to_regclass('public.kysely_migration')::text AS t`.execute(db);
  if (!exists.rows[0]?.t) return [];
  const r = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  return r.rows.map((x) => x.name);
}

export interface SequenceState {
  name: string;
  lastValue: number | null;
}

export async function sequenceStates(db: Q): Promise<SequenceState[]> {
  const r = await sql<{ name: string; last_value: number | null }>`
    SELECT sequencename::text AS name, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`.execute(
    db,
  );
  return r.rows.map((x) => ({ name: x.name, lastValue: x.last_value === null ? null : Number(x.last_value) }));
}

export async function serverVersion(db: Q): Promise<string> {
  const r = await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(db);
  return r.rows[0]!.v;
}

// ---- reading in a snapshot -------------------------------------------------------------------------------------

/** Rows as PostgreSQL's own JSON (bytea as hex, instants in ISO 8601), so no value is converted in JavaScript. */
export async function openRowCursor(tx: UntypedTransaction, t: TableInfo): Promise<void> {
  const cols = sql.join(t.columns.map((c) => sql.id(c)));
  const order = t.primaryKey.length ? sql`ORDER BY ${sql.join(t.primaryKey.map((c) => sql.ref(`r.${c}`)))}` : sql``;
  await sql`DECLARE backup_rows NO SCROLL CURSOR FOR
    SELECT row_to_json(r)::text AS j FROM (SELECT ${cols} FROM ${sql.table(`public.${t.name}`)}) r ${order}`.execute(
    tx,
  );
}

export async function fetchRows(tx: UntypedTransaction, count: number): Promise<string[]> {
  const r = await sql<{ j: string }>`FETCH ${sql.raw(String(Math.max(1, Math.floor(count))))} FROM backup_rows`.execute(
    tx,
  );
  return r.rows.map((x) => x.j);
}

export async function closeRowCursor(tx: UntypedTransaction): Promise<void> {
  await sql`CLOSE backup_rows`.execute(tx);
}

// ---- writing a restore ------------------------------------------------------------------------------------------

/** Tables of the public schema that hold at least one row, with their counts (migration bookkeeping aside). */
export async function nonEmptyTables(db: Q): Promise<{ name: string; rows: number }[]> {
  const out: { name: string; rows: number }[] = [];
  for (const t of await listTables(db)) {
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(`public.${t.name}`)}`.execute(db);
    if (r.rows[0]!.n > 0) out.push({ name: t.name, rows: r.rows[0]!.n });
  }
  return out;
}

export async function countRows(db: Q, table: string): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(`public.${table}`)}`.execute(db);
  return r.rows[0]!.n;
}

export async function publicSchemaHasObjects(db: Q): Promise<boolean> {
  const r = await sql<{ n: number }>`
    SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public')
         + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public') AS n`.execute(
    db,
  );
  return Number(r.rows[0]!.n) > 0;
}

/**
 * Empties the database by dropping its schema: tables, functions, triggers and the extensions installed in it go,
 * and the migrations build them again. TRUNCATE would not do: a newer schema cannot be migrated down to an older
 * backup's, and the audit trail's triggers are part of what the migrations create.
 */
export async function resetPublicSchema(tx: UntypedTransaction): Promise<void> {
  await sql`DROP SCHEMA IF EXISTS public CASCADE`.execute(tx);
  await sql`CREATE SCHEMA public`.execute(tx);
  await sql`GRANT USAGE ON SCHEMA public TO PUBLIC`.execute(tx);
}

/**
 * Inserts a batch of rows given as PostgreSQL JSON; PostgreSQL converts every value back with its own input
 * functions. Identity columns keep their backed-up values (OVERRIDING SYSTEM VALUE); self-references are left NULL
 * here and set by `setSelfReferences` once the whole table is in, since a row may name one that comes later.
 */
export async function insertRows(tx: UntypedTransaction, t: TableInfo, jsonArray: string): Promise<void> {
  const table = sql.table(`public.${t.name}`);
  const cols = sql.join(t.columns.map((c) => sql.id(c)));
  const values = sql.join(t.columns.map((c) => (t.selfReferences.includes(c) ? sql`NULL` : sql.ref(`x.${c}`))));
  await sql`INSERT INTO ${table} (${cols}) OVERRIDING SYSTEM VALUE
    SELECT ${values} FROM json_populate_recordset(NULL::${table}, ${jsonArray}::json) x`.execute(tx);
  if (!t.selfReferences.length) return;
  const keep = sql.join([...t.primaryKey, ...t.selfReferences].map((c) => sql.ref(`x.${c}`)));
  const any = sql.join(
    t.selfReferences.map((c) => sql`${sql.ref(`x.${c}`)} IS NOT NULL`),
    sql` OR `,
  );
  await sql`INSERT INTO ${sql.table(pendingTable(t))} SELECT ${keep} FROM json_populate_recordset(NULL::${table}, ${jsonArray}::json) x WHERE ${any}`.execute(
    tx,
  );
}

const pendingTable = (t: TableInfo) => `restore_pending_${t.name}`;

export async function prepareSelfReferences(tx: UntypedTransaction, t: TableInfo): Promise<void> {
  if (!t.selfReferences.length) return;
  if (!t.primaryKey.length) throw new Error(`table ${t.name} references itself but has no primary key`);
  const keep = sql.join([...t.primaryKey, ...t.selfReferences].map((c) => sql.id(c)));
  await sql`CREATE TEMP TABLE ${sql.table(pendingTable(t))} ON COMMIT DROP AS
    SELECT ${keep} FROM ${sql.table(`public.${t.name}`)} WITH NO DATA`.execute(tx);
}

export async function setSelfReferences(tx: UntypedTransaction, t: TableInfo): Promise<void> {
  if (!t.selfReferences.length) return;
  const sets = sql.join(t.selfReferences.map((c) => sql`${sql.id(c)} = ${sql.ref(`p.${c}`)}`));
  const match = sql.join(
    t.primaryKey.map((c) => sql`${sql.ref(`t.${c}`)} = ${sql.ref(`p.${c}`)}`),
    sql` AND `,
  );
  await sql`UPDATE ${sql.table(`public.${t.name}`)} AS t SET ${sets} FROM ${sql.table(pendingTable(t))} p WHERE ${match}`.execute(
    tx,
  );
}

export async function restoreSequence(tx: UntypedTransaction, s: SequenceState): Promise<void> {
  if (s.lastValue === null) return;
  await sql`SELECT setval(format('public.%I', ${s.name}::text)::regclass, ${s.lastValue}::bigint, true)`.execute(tx);
}

/** The path of the root of the organisation tree: what system-wide acts are checked against. */
export async function rootUnitPath(db: Q): Promise<{ id: number; path: number[] } | null> {
  const r = await sql<{
    id: number;
    path: number[];
  }>`SELECT id, path FROM unit WHERE parent_id IS NULL ORDER BY id LIMIT 1`.execute(db);
  return r.rows[0] ?? null;
}
