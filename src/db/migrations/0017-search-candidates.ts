import { sql, type Kysely } from 'kysely';

// The candidate entries of a search, read from the trigram GIN index. The planner misjudges that index on a table
// this small and would scan all 8,500 entries for a common syllable (87 ms for "quang vinh" instead of 9 ms), so the
// search used to run in a transaction of its own with `SET LOCAL enable_seqscan = off`: four round trips to the
// database (BEGIN with its transaction id, SET, the search, COMMIT) for one read. A function carries the setting
// itself (it applies while its body is planned and run), so a search is one statement again; PL/pgSQL keeps the
// plans of its statements for the connection, so they are not planned again on every keystroke (planning the typo
// part was most of a search's cost on PGlite).
//
// The substring (LIKE '%q%') always; the typo part (word similarity, q <% folded: the query close to a run of words
// of the text) only when the substring found fewer than `lim` entries: common syllables ("nam", "son") share trigrams
// with thousands of names, and typo-only hits would rank below the substring ones.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE FUNCTION search_candidates(pattern text, q text, lim integer) RETURNS SETOF integer
    LANGUAGE plpgsql STABLE ROWS 50
    SET enable_seqscan = off
    AS $$
    DECLARE
      found integer;
    BEGIN
      RETURN QUERY SELECT id FROM search_entry WHERE folded LIKE pattern;
      GET DIAGNOSTICS found = ROW_COUNT;
      IF found < lim THEN
        RETURN QUERY SELECT id FROM search_entry WHERE q <% folded AND folded NOT LIKE pattern;
      END IF;
    END
    $$`.execute(db);
}
