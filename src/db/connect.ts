// One Kysely code path for both backends: PostgreSQL through `pg`, and embedded PGlite through its
// node-postgres shim, so result types (int8 as string, etc.) are the same in tests and production.
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { DB } from './schema.ts';
import { lockDataDir } from './lock.ts';
import { resilientPool } from './faults.ts';
import { preparingPool } from './prepared.ts';

// Keep `date` columns as 'YYYY-MM-DD' strings: a JS Date at local midnight shifts across time zones.
pg.types.setTypeParser(1082, (v: string) => v);
// int8 (count(*), bigint ids) as number: our counts and ids stay far below 2^53.
pg.types.setTypeParser(20, (v: string) => Number(v));
// numeric as number (budgets in VND fit in a double exactly up to 9e15).
pg.types.setTypeParser(1700, (v: string) => Number(v));

export type Backend = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  backend: Backend;
  close(): Promise<void>;
  /** PGlite only: write the data directory as a gzip tarball (used for fast test templates and backups). */
  dump?(): Promise<Blob>;
}

export const PGLITE_SHARED_BUFFERS = '32MB';

export interface OpenOptions {
  databaseUrl?: string | null;
  /** Data directory for PGlite; undefined means in-memory (tests). */
  dataDir?: string;
  /** Load a PGlite data directory from a dump (tests clone a migrated template). */
  loadDataDir?: Blob;
  /** Take the single-owner lock on dataDir (default true when dataDir is set). */
  lock?: boolean;
  /**
   * PGlite's shared_buffers (PostgreSQL syntax: "32MB"). PostgreSQL's default of 128MB is memory the WebAssembly
   * instance touches and never gives back; a province's data (a few tens of MB) is served as fast from a smaller
   * buffer with the operating system's file cache behind it. Default PGLITE_SHARED_BUFFERS.
   */
  sharedBuffers?: string;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    // A server that does not answer (network partition) fails a connection in 5 s rather than holding the request.
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: resilientPool(pool) }) });
    return { db, backend: 'postgres', close: () => db.destroy() };
  }
  const release = opts.dataDir && opts.lock !== false ? await lockDataDir(opts.dataDir) : null;
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
    const lite = await PGlite.create(opts.dataDir ? `${opts.dataDir}/pglite` : undefined, {
      extensions: { unaccent, pg_trgm },
      loadDataDir: opts.loadDataDir,
      startParams: [
        ...PGlite.defaultStartParams,
        '-c',
        `shared_buffers=${opts.sharedBuffers ?? PGLITE_SHARED_BUFFERS}`,
      ],
    });
    // PGlite is single-connection: a pool of one serialises queries and keeps transactions intact.
    const pool = new pg.Pool({ ...(createPgConfig(lite) as unknown as pg.PoolConfig), max: 1 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
    return {
      db,
      backend: 'pglite',
      dump: () => lite.dumpDataDir('gzip') as Promise<Blob>,
      async close() {
        await db.destroy();
        await lite.close();
        await release?.();
      },
    };
  } catch (err) {
    await release?.();
    throw err;
  }
}
