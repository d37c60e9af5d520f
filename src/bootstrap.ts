// Brings a database to a usable state: schema, reference data, and (in demo mode) demo accounts.
import type { Kysely } from 'kysely';
import type { DB } from './db/schema.ts';
import { migrateToLatest } from './db/migrate.ts';
import { systemActor } from './domain/permissions.ts';
import { countUnits, getUnitByCode, reloadReferenceData } from './modules/org/index.ts';
import { ensureDemoAccounts, findUserByUsername, insertUser } from './modules/users/index.ts';
import { seedDemoContent } from './demo.ts';
import { refreshStaleFindings } from './modules/plans/index.ts';

export interface PrepareResult {
  migrations: string[];
  referenceLoaded: boolean;
  demoAccounts: string[];
  demoContent: boolean;
  /** Plans whose stored review findings were (re)computed. */
  findingsRefreshed: number;
}

/**
 * The first system administrator can come from the environment (THIHANH_ADMIN_USERNAME, THIHANH_ADMIN_PASSWORD,
 * optionally THIHANH_ADMIN_NAME): created once, at the province, if that username does not exist yet. There is never
 * a built-in default password; the password must pass the same policy as any other.
 */
async function ensureEnvAdmin(db: Kysely<DB>, env: NodeJS.ProcessEnv): Promise<string | null> {
  const username = env.THIHANH_ADMIN_USERNAME?.trim();
  const password = env.THIHANH_ADMIN_PASSWORD;
  if (!username || !password) return null;
  if (await findUserByUsername(db, username)) return null;
  const unit = (await getUnitByCode(db, '38')) ?? (await getUnitByCode(db, 'TW'));
  if (!unit) return null;
  await db.transaction().execute((tx) =>
    insertUser(
      tx,
      { actor: systemActor('startup'), ip: 'env' },
      {
        username,
        fullName: env.THIHANH_ADMIN_NAME?.trim() || 'Quản trị hệ thống',
        unitId: unit.id,
        roles: ['sysadmin'],
        password,
      },
    ),
  );
  return username;
}

/** Where the demo's published entries say they can be reached (the links sent to a national node). */
function demoBaseUrl(env: NodeJS.ProcessEnv): string {
  return env.THIHANH_PUBLIC_URL?.trim() || `http://localhost:${env.PORT ?? 3000}`;
}

export async function prepareDatabase(
  db: Kysely<DB>,
  opts: { demo: boolean; demoContent?: boolean; env?: NodeJS.ProcessEnv },
): Promise<PrepareResult> {
  const migrations = await migrateToLatest(db);
  const ctx = { db, actor: systemActor('startup'), ip: null };
  let referenceLoaded = false;
  if ((await countUnits(db)) === 0) {
    await reloadReferenceData(ctx);
    referenceLoaded = true;
  }
  await ensureEnvAdmin(db, opts.env ?? {});
  const demoAccounts = opts.demo ? await ensureDemoAccounts(ctx) : [];
  const demoContent =
    opts.demo && opts.demoContent === true ? await seedDemoContent(db, demoBaseUrl(opts.env ?? {})) : false;
  // Plans saved before findings were stored, or open plans checked against an older register, are checked once
  // here rather than on their first read.
  const findingsRefreshed = await refreshStaleFindings(db);
  return { migrations, referenceLoaded, demoAccounts, demoContent, findingsRefreshed };
}
