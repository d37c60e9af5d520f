// Starts the HTTP server on an opened, prepared database.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/connect.ts';
import { lockDataDir, LOCK_OWNER_ENV } from './db/lock.ts';
import { prepareDatabase, type PrepareResult } from './bootstrap.ts';
import { AppError } from './domain/errors.ts';
import { createApp } from './http/app.ts';
import { purgeExpired } from './modules/auth/service.ts';
import { startReminderScheduler } from './modules/reporting/reminders.ts';
import { startBackupServices } from './modules/backup/server.ts';

export interface RunningServer {
  url: string;
  database: Database;
  prepared: PrepareResult;
  stop(): Promise<void>;
}

export interface StartOptions {
  /**
   * Where the database is prepared (migrations, reference data, demo accounts and content). 'child': in a
   * short-lived child process (`thihanh prepare --json`) before the server opens the database, as `thihanh serve`
   * does. The first start loads the 166 communes and, in demo mode, imports and cascades the seed plans: done in the
   * server's own process, that leaves hundreds of MB of heap and, on PGlite, WebAssembly memory that never shrinks
   * (measured: 679 MB idle after a first start in-process, 431 MB after a restart). 'inProcess': here, as tests do.
   */
  prepare?: 'child' | 'inProcess';
}

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));

/** Runs `thihanh prepare --json` in a child process working under this process's lock; returns what it did. */
async function prepareInChildProcess(config: Config): Promise<PrepareResult> {
  // The child reads its configuration from the environment: give it this server's, whatever its origin.
  const env: NodeJS.ProcessEnv = {
    ...process.env, [LOCK_OWNER_ENV]: String(process.pid),
    DATABASE_URL: config.databaseUrl ?? '', THIHANH_DATA_DIR: config.dataDir, THIHANH_DEMO: config.demo ? '1' : '0', THIHANH_DEMO_CONTENT: config.demoContent ? '1' : '0',
  };
  const child = spawn(process.execPath, [...process.execArgv, CLI, 'prepare', '--json'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => { out += chunk; });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c) => resolve(c));
  });
  if (code !== 0) {
    // The child has printed its reason (a Vietnamese AppError message) on the shared stderr.
    throw new AppError('prepare.failed', 1, `Không chuẩn bị được cơ sở dữ liệu (tiến trình chuẩn bị kết thúc với mã ${code}).`);
  }
  const last = out.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(last) as PrepareResult;
  } catch {
    throw new AppError('prepare.failed', 1, `Tiến trình chuẩn bị cơ sở dữ liệu trả về kết quả không đọc được: ${last.slice(0, 200)}`);
  }
}

export async function startServer(config: Config, opts: StartOptions = {}): Promise<RunningServer> {
  const inChild = opts.prepare === 'child';
  // Prepared in a child: the lock is taken before the child starts and kept until the server stops, so no other
  // process can slip in between preparing and serving. Prepared here: opening the database takes the lock.
  const release = inChild && !config.databaseUrl ? await lockDataDir(config.dataDir) : null;
  /** What a failed start undoes: the lock, then (once open) the database with it. */
  let undo = async () => { await release?.(); };
  try {
    const preparedInChild = inChild ? await prepareInChildProcess(config) : null;
    const opened = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, lock: !inChild });
    const database: Database = release ? { ...opened, close: async () => { await opened.close(); await release(); } } : opened;
    undo = () => database.close();
    const prepared = preparedInChild ?? await prepareDatabase(database.db, { demo: config.demo, demoContent: config.demoContent, env: process.env });
    const app = createApp({ db: database.db, config, backend: database.backend });
    const server: ServerType = await new Promise((resolve) => {
      const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(s));
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const housekeeping = setInterval(() => void purgeExpired(database.db).catch(() => {}), 3_600_000);
    housekeeping.unref();
    startReminderScheduler(database.db, config);
    const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
    const backups = startBackupServices({ db: database.db, backend: database.backend, dataDir: config.dataDir, url });
    return {
      url,
      database,
      prepared,
      async stop() {
        clearInterval(housekeeping);
        backups.stop();
        await new Promise<void>((r) => server.close(() => r()));
        await database.close();
      },
    };
  } catch (err) {
    await undo();
    throw err;
  }
}
