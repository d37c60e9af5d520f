// The public index of plans: issued, published plans with their issuer, found without accents, one page at a time.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { Tx } from '../../context.ts';

type Q = Kysely<DB> | Tx;

export interface PublicPlanRow {
  id: number;
  title: string;
  number: string | null;
  symbol: string | null;
  issued_date: string | null;
  unit_id: number;
  kind: string;
  name: string;
  short_name: string;
}

/** Word by word, each a LIKE on the folded title, number/symbol and issuer's name: "ke hoach 129 thanh hoa". */
function searchCondition(q: string) {
  const words = q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8)
    .map((word) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const label = sql`f_unaccent(lower(p.title || ' ' || coalesce(p.number, '') || '/' || coalesce(p.symbol, '') || ' ' || u.name))`;
  return sql.join(
    words.map((like) => sql`${label} LIKE f_unaccent(${like})`),
    sql` AND `,
  );
}

/** One page of the issued, published plans (newest first), how many match, and the issuers with such plans. */
export async function listPublicPlans(db: Q, f: { q?: string; unitId?: number; limit: number; offset: number }) {
  const conds = [sql`p.status = 'issued'`, sql`p.published`];
  if (f.q) conds.push(searchCondition(f.q));
  if (f.unitId) conds.push(sql`p.unit_id = ${f.unitId}`);
  const where = sql.join(conds, sql` AND `);
  const [rows, count] = await Promise.all([
    sql<PublicPlanRow>`
      SELECT p.id, p.title, p.number, p.symbol, p.issued_date::text AS issued_date, u.id AS unit_id, u.kind, u.name, u.short_name
      FROM plan p JOIN unit u ON u.id = p.unit_id
      WHERE ${where}
      ORDER BY p.issued_date DESC NULLS LAST, p.id DESC
      LIMIT ${f.limit} OFFSET ${f.offset}`.execute(db),
    sql<{
      n: number;
    }>`SELECT count(*)::integer AS n FROM plan p JOIN unit u ON u.id = p.unit_id WHERE ${where}`.execute(db),
  ]);
  return { rows: rows.rows, total: count.rows[0]?.n ?? 0 };
}

/** The units that have issued and published at least one plan, with how many. */
export async function publicIssuers(db: Q) {
  const r = await sql<{ unit_id: number; kind: string; name: string; short_name: string; plans: number }>`
    SELECT u.id AS unit_id, u.kind, u.name, u.short_name, count(*)::integer AS plans
    FROM plan p JOIN unit u ON u.id = p.unit_id
    WHERE p.status = 'issued' AND p.published
    GROUP BY u.id, u.kind, u.name, u.short_name`.execute(db);
  return r.rows;
}
