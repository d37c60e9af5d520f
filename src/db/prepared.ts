// Statements the server sends again and again (the session's lookup on every request, a plan's page, a search) are
// prepared once per connection and then only bound and executed: the database parses and plans them once, where an
// unnamed statement is parsed and planned on every request. Planning was most of a small read's cost on PostgreSQL
// (the session's three-table lookup: 0.57 ms planned each time, 0.11 ms prepared; issue 8).
//
// A statement is prepared from its second use, so one-off statements (an import's bulk insert, a report) leave
// nothing behind in the database's memory, and at most MAX_NAMED statements are named per process. Statements
// without parameters are sent as they are: they use the simple protocol, which may carry several statements at once
// (BEGIN with its txid, db/faults.ts), and a named statement may not.
//
// PostgreSQL re-plans a prepared statement by itself after a schema change. A connection pooler in transaction mode
// (PgBouncer before 1.21) does not keep prepared statements: give the server a session-mode pool or a direct
// connection, or turn them off with THIHANH_PREPARED_STATEMENTS=0.
import type pg from 'pg';
import type { PostgresPool, PostgresPoolClient } from 'kysely';

const MAX_NAMED = 200;
/** Statements counted but not yet named; the counts start again when full. */
const MAX_COUNTED = 5_000;
const MAX_TEXT = 20_000;
const MAX_PARAMS = 200;
const PREPARABLE = /^\s*(select|with|insert|update|delete)\b/i;

/** THIHANH_PREPARED_STATEMENTS=0 sends every statement unnamed (a pooler in transaction mode). */
const ENABLED = process.env.THIHANH_PREPARED_STATEMENTS !== '0';

/**
 * A function giving the name to prepare a statement's text under, or undefined to send it unnamed. Names are shared
 * by every connection of the process, so the server uses one namer ({@link statementName}); a test makes its own.
 */
export function statementNamer(maxNamed = MAX_NAMED): (text: string, paramCount: number) => string | undefined {
  const named = new Map<string, string>();
  const counted = new Map<string, number>();
  return (text, paramCount) => {
    const name = named.get(text);
    if (name !== undefined) return name;
    if (!paramCount || paramCount > MAX_PARAMS || text.length > MAX_TEXT || named.size >= maxNamed) return undefined;
    if (!PREPARABLE.test(text)) return undefined;
    const seen = counted.get(text) ?? 0;
    if (seen >= 1) {
      counted.delete(text);
      const fresh = `thx_${named.size + 1}`;
      named.set(text, fresh);
      return fresh;
    }
    if (counted.size >= MAX_COUNTED) counted.clear();
    counted.set(text, 1);
    return undefined;
  };
}

/** The process's namer, used by every pool. */
export const statementName = statementNamer();

/** A query of Kysely's as pg takes it: named when worth preparing (a cursor or a config passes through). */
export function preparedQuery(
  client: pg.ClientBase,
  text: unknown,
  values?: ReadonlyArray<unknown>,
): Promise<pg.QueryResult> {
  if (typeof text !== 'string') return client.query(text as pg.QueryConfig);
  const name = ENABLED && values?.length ? statementName(text, values.length) : undefined;
  return name
    ? client.query({ name, text, values: values as unknown[] })
    : client.query(text, values as unknown[] | undefined);
}

/** pg's pool as Kysely's PostgresDialect takes it, with statements prepared (the embedded database's pool). */
export function preparingPool(pool: pg.Pool): PostgresPool {
  return {
    options: pool.options,
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      return {
        query: ((text: unknown, values?: ReadonlyArray<unknown>) =>
          preparedQuery(client, text, values)) as unknown as PostgresPoolClient['query'],
        release: (destroy?: boolean) => client.release(destroy),
      };
    },
    end: () => pool.end(),
  };
}
