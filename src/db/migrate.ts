// Migrations are TypeScript modules listed here in order (no directory scanning: the list is the truth).
import type { Kysely } from 'kysely';
import { Migrator, type Migration } from 'kysely/migration';
import * as m0001 from './migrations/0001-foundation.ts';
import * as m0002 from './migrations/0002-plans.ts';
import * as m0003 from './migrations/0003-tracking.ts';
import * as m0004 from './migrations/0004-search-label.ts';
import * as m0005 from './migrations/0005-amendment-index.ts';
import * as m0008 from './migrations/0008-rate-limit.ts';

const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-plans': m0002,
  '0003-tracking': m0003,
  '0004-search-label': m0004,
  '0005-amendment-index': m0005,
  '0008-rate-limit': m0008,
};

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
