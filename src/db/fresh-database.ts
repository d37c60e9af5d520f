// Creating and dropping whole PostgreSQL databases on a server: for isolated test files, browser tests and
// benchmarks (each gets a database of its own and drops it afterwards).
import { randomBytes } from 'node:crypto';
import pg from 'pg';

async function admin(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export interface FreshDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A new database on the server of `serverUrl` (optionally a copy of `template`); names are random. */
export async function createFreshDatabase(
  serverUrl: string,
  prefix: string,
  template?: string,
): Promise<FreshDatabase> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(serverUrl, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return { name, url: u.toString(), drop: () => admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
