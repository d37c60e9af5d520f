import { sql, type Kysely } from 'kysely';

// The candidate entries of a search, read from the trigram GIN index. The planner misjudges that index on a table
// this small and would scan all 8,500 entries for a common syllable (87 ms for "quang vinh" instead of 1 ms), so the
// search used to run in a transaction of its own with `SET LOCAL enable_seqscan = off`: four round trips to the
// database (BEGIN with its transaction id, SET, the search, COMMIT) for one read. A function carries the setting
// itself (it applies while its body is planned and run), so a search is one statement again.
//
// The substring (LIKE '%q%') always; the typo part (word similarity, q <% folded: the query close to a run of words
// of the text) only when the substring found fewer than `lim` entries, behind a one-time filter: common syllables
// ("nam", "son") share trigrams with thousands of names and typo-only hits would rank below the substring ones.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE FUNCTION search_candidates(pattern text, q text, lim integer) RETURNS SETOF integer
    LANGUAGE sql STABLE ROWS 50
    SET enable_seqscan = off
    AS $$
      WITH s AS MATERIALIZED (SELECT id FROM search_entry WHERE folded LIKE pattern)
      SELECT id FROM s
      UNION
      SELECT id FROM search_entry WHERE (SELECT count(*) FROM (SELECT 1 FROM s LIMIT lim) x) < lim AND q <% folded
    $$`.execute(db);
}
