// Sorting by a Vietnamese name in SQL: the primary key of src/domain/text.ts `viSortKey` computed by translate() and
// compared byte by byte (COLLATE "C"), the one collation PostgreSQL and PGlite both have and order alike. The name
// itself, byte by byte, breaks ties (names that differ only in tones).
import { sql, type RawBuilder } from 'kysely';
import { VI_SORT_KEY } from '../domain/text.ts';

/** `ORDER BY` terms for a Vietnamese name column ("u.short_name"): Ngọc Sơn before Nguyệt Viên, Đ after D. */
export function viOrderBy(column: string): RawBuilder<unknown> {
  const ref = sql.ref(column);
  return sql`translate(${ref}, ${VI_SORT_KEY.from}, ${VI_SORT_KEY.to}) COLLATE "C", ${ref} COLLATE "C"`;
}
