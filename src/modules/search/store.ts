// One search index for every module: accent- and case-insensitive (folded text), typo-tolerant (trigrams).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { fold, normalizeText } from '../../domain/text.ts';
import type { Tx } from '../context.ts';

export interface SearchText {
  text: string;
  /** 1 = the record's primary name; lower weights rank aliases, codes and body text below it. */
  weight: number;
  /** What kind of text this is ("name", "code", "former", "alias", "task"…), shown as the reason of a match. */
  label?: string;
}

export async function indexEntity(
  tx: Tx | Kysely<DB>,
  entityType: string,
  entityId: number,
  unitId: number | null,
  texts: SearchText[],
  published: boolean,
): Promise<void> {
  await tx.deleteFrom('search_entry').where('entity_type', '=', entityType).where('entity_id', '=', entityId).execute();
  const rows = dedupe(texts).map((t) => ({
    entity_type: entityType,
    entity_id: entityId,
    unit_id: unitId,
    text: t.text,
    folded: fold(t.text),
    lowered: lower(t.text),
    weight: t.weight,
    label: t.label ?? 'name',
    published,
  }));
  if (rows.length) await tx.insertInto('search_entry').values(rows).execute();
}

/** Bulk form for loading many records at once (reference data). */
export async function indexEntities(
  tx: Tx | Kysely<DB>,
  entityType: string,
  items: Array<{ entityId: number; unitId: number | null; texts: SearchText[]; published: boolean }>,
): Promise<void> {
  const ids = items.map((i) => i.entityId);
  for (let i = 0; i < ids.length; i += 5000) {
    await tx
      .deleteFrom('search_entry')
      .where('entity_type', '=', entityType)
      .where('entity_id', 'in', ids.slice(i, i + 5000))
      .execute();
  }
  const rows = items.flatMap((it) =>
    dedupe(it.texts).map((t) => ({
      entity_type: entityType,
      entity_id: it.entityId,
      unit_id: it.unitId,
      text: t.text,
      folded: fold(t.text),
      lowered: lower(t.text),
      weight: t.weight,
      label: t.label ?? 'name',
      published: it.published,
    })),
  );
  for (let i = 0; i < rows.length; i += 1000)
    await tx
      .insertInto('search_entry')
      .values(rows.slice(i, i + 1000))
      .execute();
}

const lower = (s: string) => s.toLocaleLowerCase('vi');

function dedupe(texts: SearchText[]): SearchText[] {
  const best = new Map<string, SearchText>();
  for (const t of texts) {
    const text = normalizeText(t.text);
    if (!text) continue;
    const key = fold(text);
    const prev = best.get(key);
    if (!prev || prev.weight < t.weight) best.set(key, { text, weight: t.weight, label: t.label });
  }
  return [...best.values()];
}

export interface SearchHit {
  entityId: number;
  score: number;
  /** The text that matched best (e.g. a former name), for showing why a result came up. */
  matched: string;
  /** Its kind (SearchText.label). */
  matchedLabel: string;
}

/**
 * Ranks by the best matching entry of each entity: exact and prefix matches first, then substring,
 * then trigram similarity (typos). Visibility: published entries, or entries of units under `unitRoots`.
 */
export async function searchEntities(
  db: Kysely<DB>,
  entityType: string,
  query: string,
  opts: SearchOptions,
): Promise<SearchHit[]> {
  const hits = rankedHits(entityType, query, opts);
  if (!hits) return [];
  const { rows } = await hits.execute(db);
  return rows.map((r) => ({
    entityId: r.entity_id,
    score: Number(r.score),
    matched: r.matched,
    matchedLabel: r.label,
  }));
}

export interface SearchOptions {
  limit: number;
  unitRoots?: number[] | 'all';
  publishedOnly?: boolean;
}

export interface RankedHitRow {
  entity_id: number;
  score: number;
  matched: string;
  label: string;
}

/**
 * The search as one SQL statement, best first (score, then entity id), at most `limit` entities: what
 * `searchEntities` runs, and what a module's store joins its own rows to (a unit search answers with the units and
 * their parents' names in the same statement). Null for a query with nothing to search for.
 */
export function rankedHits(entityType: string, query: string, opts: SearchOptions): RawBuilder<RankedHitRow> | null {
  const q = fold(query);
  if (!q) return null;
  const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
  const exact = `%${escapeLike(lower(normalizeText(query)))}%`;
  const like = `%${escapeLike(q)}%`;
  let visibility = sql<boolean>`true`;
  if (opts.publishedOnly) visibility = sql<boolean>`e.published`;
  else if (opts.unitRoots && opts.unitRoots !== 'all') {
    visibility = opts.unitRoots.length
      ? sql<boolean>`(e.published OR e.unit_id IN (SELECT id FROM unit WHERE path && ${sql.val(opts.unitRoots)}::integer[]))`
      : sql<boolean>`e.published`;
  }
  // Candidates come from the trigram GIN index: the substring and, when it finds too few, the typo-tolerant word
  // similarity (the function search_candidates, migration 0017, which keeps the planner on the index). Whole-string
  // similarity (%) is left to the score: as a filter it let most of the index through (1,500 rechecks for
  // "nam sam son" among 8,500 entries, 70 ms) and found nothing word similarity does not. A query of one or two
  // letters has no trigram: it is a prefix of the text or of one of its words, read by a scan (a few thousand short
  // rows).
  const prefix = escapeLike(q);
  const candidates =
    [...q].length < 3
      ? sql`SELECT id FROM search_entry WHERE (folded LIKE ${`${prefix}%`} OR folded LIKE ${`% ${prefix}%`})`
      : sql`SELECT id FROM search_candidates(${like}, ${q}, ${sql.lit(Math.trunc(opts.limit))}) AS id`;
  return sql<RankedHitRow>`
    WITH c AS MATERIALIZED (${candidates})
    SELECT entity_id, score, matched, label FROM (
      SELECT DISTINCT ON (entity_id) entity_id, score, matched, label FROM (
        SELECT e.entity_id, e.text AS matched, e.label,
          e.weight * (
            CASE WHEN e.folded = ${q} THEN 3
                 WHEN e.folded LIKE ${q} || '%' OR e.folded LIKE '% ' || ${q} || '%' THEN 2
                 WHEN e.folded LIKE ${like} THEN 1.5
                 ELSE 0 END
            + greatest(similarity(e.folded, ${q}), word_similarity(${q}, e.folded))
            + CASE WHEN e.lowered LIKE ${exact} THEN 0.5 ELSE 0 END
          ) AS score
        FROM c JOIN search_entry e ON e.id = c.id
        WHERE e.entity_type = ${entityType} AND ${visibility}
      ) s
      ORDER BY entity_id, score DESC
    ) best
    ORDER BY score DESC, entity_id
    LIMIT ${sql.lit(Math.trunc(opts.limit))}`;
}
