// A fresh, prepared database per test file: schema + the real reference data (166 communes).
// PGlite: clone an in-memory template from its dump. PostgreSQL (DATABASE_URL set): CREATE DATABASE … TEMPLATE.
// A database can also be frozen once its records are built (test/support/factories.ts) and cloned per test, so that
// a test that writes starts from the same state whether it runs alone or after the others.
import { openDatabase, type Database } from '../../src/db/connect.ts';
import { createFreshDatabase } from '../../src/db/fresh-database.ts';
import { prepareDatabase } from '../../src/bootstrap.ts';

let pgliteTemplate: Promise<Blob> | undefined;
let postgresTemplate: Promise<string> | undefined;

export const backend = process.env.DATABASE_URL ? 'postgres' : 'pglite';

/** A closed copy of a database's records: a PGlite dump, or the name of a PostgreSQL template database. */
export type Frozen = { dump: Blob } | { template: string };

// All test files share one process (--test-isolation=none): frozen databases are dropped when it is about to exit.
function dropAtExit(drop: () => Promise<void>) {
  process.once('beforeExit', () => void drop().catch(() => {}));
}

async function buildPostgresTemplate(): Promise<string> {
  const tpl = await createFreshDatabase(process.env.DATABASE_URL!, 'thihanh_tpl');
  const d = await openDatabase({ databaseUrl: tpl.url, poolSize: 2 });
  await prepareDatabase(d.db, { demo: true });
  await d.close();
  dropAtExit(tpl.drop);
  return tpl.name;
}

export interface TestDatabase extends Database {
  name: string;
  /** Closes this database and keeps its records to clone from (it is no longer usable itself). */
  freeze(): Promise<Frozen>;
}

/** A new database: the prepared template, or a copy of a frozen one. */
export async function createTestDatabase(from?: Frozen): Promise<TestDatabase> {
  if (process.env.DATABASE_URL) {
    postgresTemplate ??= buildPostgresTemplate();
    const template = from && 'template' in from ? from.template : await postgresTemplate;
    const fresh = await createFreshDatabase(process.env.DATABASE_URL, 'thihanh_t', template);
    const d = await openDatabase({ databaseUrl: fresh.url, poolSize: 5 });
    return {
      ...d,
      name: fresh.name,
      async close() {
        await d.close();
        await fresh.drop();
      },
      async freeze() {
        await d.close();
        dropAtExit(fresh.drop);
        return { template: fresh.name };
      },
    };
  }
  pgliteTemplate ??= (async () => {
    const d = await openDatabase({});
    await prepareDatabase(d.db, { demo: true });
    const dump = await d.dump!();
    await d.close();
    return dump;
  })();
  const d = await openDatabase({ loadDataDir: from && 'dump' in from ? from.dump : await pgliteTemplate });
  return {
    ...d,
    name: 'pglite-memory',
    async freeze() {
      const dump = await d.dump!();
      await d.close();
      return { dump };
    },
  };
}
