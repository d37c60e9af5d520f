// Sorting units by their Vietnamese name in SQL: the primary key of src/domain/text.ts `viSortKey`, stored with the
// unit (unit.sort_key, migration 0018, computed by translate() when the short name is written) and compared byte by
// byte (COLLATE "C"), the one collation PostgreSQL and PGlite both have and order alike. The name itself, byte by
// byte, breaks ties (names that differ only in tones).
import { sql, type RawBuilder } from 'kysely';

/** `ORDER BY` terms for units by short name ("u" for the unit table's alias): Ngọc Sơn before Nguyệt Viên, Đ after D. */
export function unitNameOrder(alias: string): RawBuilder<unknown> {
  return sql`${sql.ref(`${alias}.sort_key`)} COLLATE "C", ${sql.ref(`${alias}.short_name`)} COLLATE "C"`;
}
