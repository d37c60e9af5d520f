import { Migrator, type Migration } from 'kysely/migration';
import * as m0001 from './migrations/0001-foundation.ts';
import * as m0002 from './migrations/0002-plans.ts';
import * as m0003 from './migrations/0003-tracking.ts';
import * as m0004 from './migrations/0004-search-label.ts';
import * as m0005 from './migrations/0005-amendment-index.ts';
import * as m0006 from './migrations/0006-uniqueness.ts';
import * as m0007 from './migrations/0007-stored-findings.ts';
import * as m0008 from './migrations/0008-rate-limit.ts';
import * as m0009 from './migrations/0009-petitions.ts';
import * as m0010 from './migrations/0010-ai-systems.ts';
import * as m0011 from './migrations/0011-datasets.ts';
import * as m0012 from './migrations/0012-national.ts';
import * as m0013 from './migrations/0013-petition-links.ts';
import * as m0014 from './migrations/0014-gin-without-pending-list.ts';
import * as m0015 from './migrations/0015-data-organisations.ts';
import * as m0016 from './migrations/0016-unit-document-settings.ts';
import * as m0017 from './migrations/0017-search-candidates.ts';
import * as m0018 from './migrations/0018-unit-sort-key.ts';
import * as m0019 from './migrations/0019-petition-answer-signer.ts';
import * as m0020 from './migrations/0020-organisation-key-recovery.ts';
import type { UntypedKysely } from './untyped.ts';

const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-plans': m0002,
  '0003-tracking': m0003,
  '0004-search-label': m0004,
  '0005-amendment-index': m0005,
  '0006-uniqueness': m0006,
  '0007-stored-findings': m0007,
  '0008-rate-limit': m0008,
  '0009-petitions': m0009,
  '0010-ai-systems': m0010,
  '0011-datasets': m0011,
  '0012-national': m0012,
  '0013-petition-links': m0013,
  '0014-gin-without-pending-list': m0014,
  '0015-data-organisations': m0015,
  '0016-unit-document-settings': m0016,
  '0017-search-candidates': m0017,
  '0018-unit-sort-key': m0018,
  '0019-petition-answer-signer': m0019,
  '0020-organisation-key-recovery': m0020,
};

export async function migrateToLatest(db: UntypedKysely): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The schema versions this build knows, oldest first (what a backup's schema version is compared with). */
export const MIGRATION_NAMES: readonly string[] = Object.keys(migrations).sort();

/** Up to and including `name` (a restore first builds the schema its backup was taken with). */
export async function migrateTo(db: UntypedKysely, name: string): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
