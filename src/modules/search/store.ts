// One search index for every module: accent- and case-insensitive (folded text), typo-tolerant (trigrams).
import { sql, type Kysely } from 'kysely';
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
  opts: { limit: number; unitRoots?: number[] | 'all'; publishedOnly?: boolean },
): Promise<SearchHit[]> {
  const q = fold(query);
  if (!q) return [];
  const exact = `%${lower(normalizeText(query)).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  let visibility = sql<boolean>`true`;
  if (opts.publishedOnly) visibility = sql<boolean>`e.published`;
  else if (opts.unitRoots && opts.unitRoots !== 'all') {
    visibility = opts.unitRoots.length
      ? sql<boolean>`(e.published OR e.unit_id IN (SELECT id FROM unit WHERE path && ${sql.val(opts.unitRoots)}::integer[]))`
      : sql<boolean>`e.published`;
  }
  const candidates = (condition: ReturnType<typeof sql>) => sql<{
    entity_id: number;
    score: number;
    matched: string;
    label: string;
  }>`
    WITH c AS MATERIALIZED (${condition})
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
    ORDER BY entity_id, score DESC`;
  // One query per search. Candidates come from the trigram GIN index: the substring (LIKE '%q%') and, for typos,
  // word similarity (q <% folded: the query is close to a run of words of the text, pg_trgm's default 0.6). Whole-
  // string similarity (%) is left to the score: as a filter it let most of the index through (1,500 rechecks for
  // "nam sam son" among 8,500 entries, 70 ms) and found nothing word similarity does not. The planner misjudges the
  // index on a table this small, so it is told to prefer it. A query of one or two letters has no trigram: it is a
  // prefix of the text or of one of its words, read by a scan (a few thousand short rows).
  const short = [...q].length < 3;
  const prefix = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  // The typo part (word similarity) is the costly one: common syllables ("nam", "son") share trigrams with thousands
  // of names. It runs only when the substring found fewer entries than asked for; otherwise its plan node is skipped
  // by a one-time filter, still in the one query (typo-only hits would rank below the substring ones anyway).
  const rows = short
    ? (
        await candidates(
          sql`SELECT id FROM search_entry WHERE (folded LIKE ${`${prefix}%`} OR folded LIKE ${`% ${prefix}%`})`,
        ).execute(db)
      ).rows
    : await db.transaction().execute(async (tx) => {
        await sql`SET LOCAL enable_seqscan = off`.execute(tx);
        const substring = sql`SELECT id FROM search_entry WHERE folded LIKE ${like}`;
        return (
          await candidates(
            sql`${substring} UNION SELECT id FROM search_entry WHERE (SELECT count(*) FROM (${substring} LIMIT ${opts.limit}) s) < ${opts.limit} AND ${q} <% folded`,
          ).execute(tx)
        ).rows;
      });
  return rows
    .map((r) => ({ entityId: r.entity_id, score: Number(r.score), matched: r.matched, matchedLabel: r.label }))
    .sort((a, b) => b.score - a.score)
    .slice(0, opts.limit);
}
