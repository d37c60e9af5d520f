// Queries of a fixed shape that run on every request (the session's lookup, a plan's page) are built and compiled by
// Kysely once: building a query of twenty columns and six subqueries and compiling it to SQL cost the server more
// than the database spent answering it (0.4 ms a plan page, issue 8). Each call binds its arguments in the places of
// the placeholders the query was built with; everything else in the SQL and its parameters stays as compiled.
//
// Only for queries whose SQL does not depend on the arguments' values: no `in` list of an argument, no `$if` on one.
import type { CompiledQuery, Compilable, Kysely, QueryResult } from 'kysely';
import type { DB } from './schema.ts';

/** Stands for the argument at `index` while the query is built. */
class Placeholder {
  readonly index: number;
  constructor(index: number) {
    this.index = index;
  }
}

/**
 * `build` receives placeholders in the places of its arguments (typed as the arguments, which it must use only as
 * values of the query); the function returned runs the compiled query with the arguments given.
 */
export function precompiled<A extends unknown[], R>(
  build: (db: Kysely<DB>, ...args: A) => Compilable<R>,
): (db: Kysely<DB>, ...args: A) => Promise<QueryResult<R>> {
  let compiled: CompiledQuery<R> | undefined;
  return (db, ...args) => {
    compiled ??= build(db, ...(args.map((_, i) => new Placeholder(i)) as A)).compile();
    const parameters = compiled.parameters.map((p) => (p instanceof Placeholder ? args[p.index] : p));
    return db.executeQuery<R>({ ...compiled, parameters });
  };
}
