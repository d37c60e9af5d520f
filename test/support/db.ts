// A fresh, prepared database per test file: schema + the real reference data (166 communes).
// PGlite: clone an in-memory template from its dump. PostgreSQL (DATABASE_URL set): CREATE DATABASE … TEMPLATE.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/connect.ts';
import { prepareDatabase } from '../../src/bootstrap.ts';

let pgliteTemplate: Promise<Blob> | undefined;
let postgresTemplate: Promise<string> | undefined;

export const backend = process.env.DATABASE_URL ? 'postgres' : 'pglite';

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function buildPostgresTemplate(): Promise<string> {
  const name = `thihanh_tpl_${process.pid}_${randomBytes(3).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const d = await openDatabase({ databaseUrl: withDatabaseName(process.env.DATABASE_URL!, name), poolSize: 2 });
  await prepareDatabase(d.db, { demo: true });
  await d.close();
  // All test files share one process (--test-isolation=none): drop the template when it is about to exit.
  process.once('beforeExit', () => void adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {}));
  return name;
}

export interface TestDatabase extends Database {
  name: string;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (process.env.DATABASE_URL) {
    postgresTemplate ??= buildPostgresTemplate();
    const template = await postgresTemplate;
    const name = `thihanh_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    const d = await openDatabase({ databaseUrl: withDatabaseName(process.env.DATABASE_URL, name), poolSize: 5 });
    return {
      ...d, name,
      async close() {
        await d.close();
        await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
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
