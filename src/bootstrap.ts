// Brings a database to a usable state: schema, reference data, and (in demo mode) demo accounts.
import type { Kysely } from 'kysely';
import type { DB } from './db/schema.ts';
import { migrateToLatest } from './db/migrate.ts';
import { reloadReferenceData } from './modules/org/service.ts';
import { ensureDemoAccounts } from './modules/users/service.ts';
import { seedDemoContent } from './demo.ts';

export interface PrepareResult {
  migrations: string[];
  referenceLoaded: boolean;
  demoAccounts: string[];
  demoContent: boolean;
}

export async function prepareDatabase(db: Kysely<DB>, opts: { demo: boolean; demoContent?: boolean }): Promise<PrepareResult> {
  const migrations = await migrateToLatest(db);
  const ctx = { db, actor: null, ip: null };
  const { count } = await db.selectFrom('unit').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  let referenceLoaded = false;
  if (Number(count) === 0) {
    await reloadReferenceData(ctx);
    referenceLoaded = true;
  }
  const demoAccounts = opts.demo ? await ensureDemoAccounts(ctx) : [];
  const demoContent = opts.demo && opts.demoContent === true ? await seedDemoContent(db) : false;
  return { migrations, referenceLoaded, demoAccounts, demoContent };
}
