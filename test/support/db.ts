// A fresh, prepared database per test file: schema + the real reference data (166 communes).
// PGlite: clone an in-memory template from its dump. PostgreSQL (DATABASE_URL set): CREATE DATABASE … TEMPLATE.
import { openDatabase, type Database } from '../../src/db/connect.ts';
import { createFreshDatabase } from '../../src/db/fresh-database.ts';
import { prepareDatabase } from '../../src/bootstrap.ts';

let pgliteTemplate: Promise<Blob> | undefined;
let postgresTemplate: Promise<string> | undefined;

export const backend = process.env.DATABASE_URL ? 'postgres' : 'pglite';

async function buildPostgresTemplate(): Promise<string> {
  const tpl = await createFreshDatabase(process.env.DATABASE_URL!, 'thihanh_tpl');
  const d = await openDatabase({ databaseUrl: tpl.url, poolSize: 2 });
  await prepareDatabase(d.db, { demo: true });
  await d.close();
  // All test files share one process (--test-isolation=none): drop the template when it is about to exit.
  process.once('beforeExit', () => void tpl.drop().catch(() => {}));
  return tpl.name;
}

export interface TestDatabase extends Database {
  name: string;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (process.env.DATABASE_URL) {
    postgresTemplate ??= buildPostgresTemplate();
    const fresh = await createFreshDatabase(process.env.DATABASE_URL, 'thihanh_t', await postgresTemplate);
    const d = await openDatabase({ databaseUrl: fresh.url, poolSize: 5 });
    return {
      ...d, name: fresh.name,
      async close() {
        await d.close();
        await fresh.drop();
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
  const d = await openDatabase({ loadDataDir: await pgliteTemplate });
  return { ...d, name: 'pglite-memory' };
}
