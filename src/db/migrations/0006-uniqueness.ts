import { sql, type Kysely } from 'kysely';

// Rules the code used to check with a SELECT before writing, now held by the database: two requests at the same
// moment both passed the SELECT and both wrote (found: two leaders issued plan 129/KH-UBND twice). The answers to a
// violation are in src/db/unique-constraints.ts, by index name.
//
// The code could not prevent duplicates under concurrency, so a live database may already hold some. They are real
// records (an issued number is printed on a signed document; a draft is someone's work): the migration neither
// renumbers nor deletes them. It keeps the earliest row of each duplicate group under the rule and leaves the later
// ones, by id, outside the index's predicate, so it succeeds on any data and every new row is held by the rule.
interface UniqueRule {
  name: string;
  table: 'plan';
  /** The unique key, as SQL over the table's columns. */
  key: string;
  /** Which rows the rule holds. */
  where: string;
}

const RULES: UniqueRule[] = [
  {
    // One number per (issuing unit, symbol, year) among documents that were issued; a plan that was amended or
    // superseded keeps its number (amendment drafts start without one and get their own when issued).
    name: 'plan_issued_number_idx',
    table: 'plan',
    key: 'unit_id, symbol, number, year',
    where: `number IS NOT NULL AND status IN ('issued','amended','superseded')`,
  },
  {
    // One amendment draft of an issued plan at a time (amendPlan's check).
    name: 'plan_pending_amendment_idx',
    table: 'plan',
    key: 'amends_plan_id',
    where: `amends_plan_id IS NOT NULL AND status IN ('draft','submitted','approved')`,
  },
];

// Not a rule here: distinct names among sibling units (createChildUnit checks it). Merging a commune into another moves
// its offices and neighbourhoods, whose names repeat from commune to commune, under one parent; the product allows
// that. Two units created at once with one name still collide on their code (derived from the name, unique).

async function laterDuplicates(db: Kysely<unknown>, r: UniqueRule): Promise<number[]> {
  const rows = await sql<{ id: number }>`SELECT id FROM (
      SELECT id, row_number() OVER (PARTITION BY ${sql.raw(r.key)} ORDER BY id) AS n FROM ${sql.table(r.table)} WHERE ${sql.raw(r.where)}
    ) d WHERE n > 1 ORDER BY id`.execute(db);
  return rows.rows.map((x) => Number(x.id));
}

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const r of RULES) {
    const spared = await laterDuplicates(db, r);
    if (spared.length)
      console.warn(
        `[migrate 0006] ${r.table}: ${spared.length} bản ghi trùng có từ trước được giữ nguyên, ngoài ràng buộc ${r.name} (id: ${spared.join(', ')})`,
      );
    const except = spared.length ? ` AND id <> ALL ('{${spared.join(',')}}'::integer[])` : '';
    await sql`CREATE UNIQUE INDEX ${sql.id(r.name)} ON ${sql.table(r.table)} (${sql.raw(r.key)}) WHERE ${sql.raw(r.where + except)}`.execute(
      db,
    );
  }
}
