// The public register: published uses, filtered and paged, and the published assessment of one.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { Tx } from '../../context.ts';
import type { RiskLevel } from '../../../domain/ai-systems/model.ts';
import { assessmentColumns } from './assessments.ts';
import { useQuery } from './uses.ts';

type Q = Kysely<DB> | Tx;

export interface PublishedFilter {
  /** q: words matched without accents (name, provider, unit, summary); unitId: that unit and the units under it. */
  q?: string;
  unitId?: number;
  level?: RiskLevel | 'unclassified';
  limit?: number;
  offset?: number;
}

function publishedWhere<T extends ReturnType<typeof useQuery>>(qb: T, f: PublishedFilter): T {
  let q = qb.where('u.published_at', 'is not', null).where('u.status', '<>', 'retired') as T;
  if (f.unitId) q = q.where(sql<boolean>`n.path @> ARRAY[${f.unitId}]::int[]`) as T;
  if (f.level === 'unclassified') q = q.where('u.level', 'is', null) as T;
  else if (f.level) q = q.where('u.level', '=', f.level) as T;
  // Hundreds of uses at most: folded text compared row by row is enough.
  for (const word of (f.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
    const like = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(
      sql<boolean>`f_unaccent(lower(p.name || ' ' || p.provider || ' ' || n.name || ' ' || u.public_summary)) LIKE f_unaccent(${like})`,
    ) as T;
  }
  return q;
}

/** Published uses, by unit then name; the filter's page of them and how many match. */
export async function listPublishedUses(db: Q, f: PublishedFilter = {}) {
  const matching = publishedWhere(useQuery(db), f);
  const rows = await matching
    .orderBy('n.name')
    .orderBy('p.name')
    .orderBy('u.id')
    .$if(f.limit !== undefined, (q) => q.limit(f.limit as number).offset(f.offset ?? 0))
    .execute();
  if (f.limit === undefined) return { total: rows.length, rows };
  const total = await publishedWhere(useQuery(db), f)
    .clearSelect()
    .select((e) => e.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return { total: Number(total.n), rows };
}

export const getPublishedUse = (db: Q, id: number) =>
  publishedWhere(useQuery(db), {}).where('u.id', '=', id).executeTakeFirst();

/** The published version of a published use's assessment (for the public DOCX). */
export async function getPublishedAssessment(db: Q, useId: number) {
  return db
    .selectFrom('ai_impact_assessment')
    .select(assessmentColumns)
    .where('use_id', '=', useId)
    .where('status', '=', 'published')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}
