// Starts the HTTP server on an opened, prepared database, and stops it cleanly.
import { spawn } from 'node:child_process';
import type { Server as HttpServer } from 'node:http';
import { createServer as createProbe, type Server as NetServer } from 'node:net';
import { constants as osConstants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createAdaptorServer } from '@hono/node-server';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/connect.ts';
import { lockDataDir, LOCK_OWNER_ENV } from './db/lock.ts';
import { prepareDatabase, type PrepareResult } from './bootstrap.ts';
import { AppError } from './domain/errors.ts';
import { createApp } from './http/app.ts';
import { MODULES } from './modules/index.ts';
import type { StartBackground } from './modules/module.ts';
import { runShutdownHooks } from './shutdown.ts';

// The modules' background work (session housekeeping, reminders, daily backups), loaded with the server.
const BACKGROUND: StartBackground[] = (await Promise.all(MODULES.map((m) => m.background?.()))).filter(
  (b): b is StartBackground => b !== undefined,
);

export interface RunningServer {
  url: string;
  database: Database;
  prepared: PrepareResult;
  /**
   * Stops cleanly: no new connections; requests under way get STOP_GRACE_MS to finish (then their connections are
   * closed); the scheduler and housekeeping stop; the modules' shutdown hooks run (src/shutdown.ts); the database
   * closes (PGlite writes and closes its data directory) and the data-directory lock is removed. Calling it again
   * returns the same stop.
   */
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
  /**
   * A stop asked for while starting (SIGTERM during a first start's long preparation): the preparing child is
   * stopped, nothing is served, the lock is released, and startServer rejects with the code STOPPED_DURING_START.
   */
  signal?: AbortSignal;
}

/** How long requests under way may take to finish once a stop is asked for (service managers wait 10–90 s). */
export const STOP_GRACE_MS = 10_000;
export const STOPPED_DURING_START = 'server.stopped';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));

function throwIfStopped(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError(STOPPED_DURING_START, 1, 'Máy chủ đã dừng trong khi khởi động.');
}

/** Runs `thihanh prepare --json` in a child process working under this process's lock; returns what it did. */
async function prepareInChildProcess(config: Config, signal?: AbortSignal): Promise<PrepareResult> {
  // The child reads its configuration from the environment: give it this server's, whatever its origin.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    [LOCK_OWNER_ENV]: String(process.pid),
    DATABASE_URL: config.databaseUrl ?? '',
    THIHANH_DATA_DIR: config.dataDir,
    THIHANH_DEMO: config.demo ? '1' : '0',
    THIHANH_DEMO_CONTENT: config.demoContent ? '1' : '0',
  };
  throwIfStopped(signal);
  const child = spawn(process.execPath, [...process.execArgv, CLI, 'prepare', '--json'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // The lock is held by this process: the child must be gone before it is released.
  const stopChild = () => child.kill('SIGTERM');
  signal?.addEventListener('abort', stopChild, { once: true });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c) => resolve(c));
  }).finally(() => signal?.removeEventListener('abort', stopChild));
  throwIfStopped(signal);
  if (code !== 0) {
    // The child has printed its reason (a Vietnamese AppError message) on the shared stderr.
    throw new AppError(
      'prepare.failed',
      1,
      `Không chuẩn bị được cơ sở dữ liệu (tiến trình chuẩn bị kết thúc với mã ${code}).`,
    );
  }
  const last = out.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(last) as PrepareResult;
  } catch {
    throw new AppError(
      'prepare.failed',
      1,
      `Tiến trình chuẩn bị cơ sở dữ liệu trả về kết quả không đọc được: ${last.slice(0, 200)}`,
    );
  }
}

/** The address problems an operator can fix, in words: anything else stays a real error. */
function addressProblem(err: NodeJS.ErrnoException, config: Config): AppError | null {
  switch (err.code) {
    case 'EADDRINUSE':
      return new AppError(
        'server.port_in_use',
        1,
        `Cổng ${config.port} đang được dùng bởi một chương trình khác. Hãy dừng chương trình đó hoặc đặt biến môi trường PORT sang cổng khác.`,
      );
    case 'EACCES':
      return new AppError(
        'server.port_denied',
        1,
        `Không có quyền mở cổng ${config.port} (các cổng dưới 1024 cần quyền quản trị). Hãy đặt biến môi trường PORT sang cổng khác, ví dụ 3000.`,
      );
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new AppError(
        'server.host_unavailable',
        1,
        `Máy này không có địa chỉ ${config.host} để mở máy chủ. Hãy đặt biến môi trường HOST sang địa chỉ của máy, ví dụ 127.0.0.1 hoặc 0.0.0.0.`,
      );
    default:
      return null;
  }
}

function listen(server: NetServer, config: Config): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (err: NodeJS.ErrnoException) => reject(addressProblem(err, config) ?? err);
    server.once('error', failed);
    server.listen({ port: config.port, host: config.host }, () => {
      server.off('error', failed);
      resolve();
    });
  });
}

/**
 * Tries the address before anything is prepared, so that a port in use is told at once rather than after the
 * database has been prepared (a minute on a first start). The real listen handles the same errors: another program
 * may take the port in between.
 */
async function checkAddress(config: Config): Promise<void> {
  if (!config.port) return; // 0: any free port, never in use
  const probe = createProbe();
  await listen(probe, config);
  await new Promise<void>((r) => probe.close(() => r()));
}

/** Stops accepting, lets requests under way finish for up to graceMs, then closes what is left. */
async function closeHttp(server: HttpServer, graceMs: number): Promise<void> {
  const closed = new Promise<void>((r) => server.close(() => r()));
  // A keep-alive connection that falls idle after its last answer would otherwise hold close() until its timeout.
  const idle = setInterval(() => server.closeIdleConnections(), 200);
  const late = setTimeout(() => server.closeAllConnections(), graceMs);
  try {
    await closed;
  } finally {
    clearInterval(idle);
    clearTimeout(late);
  }
}

function serving(server: HttpServer, database: Database, prepared: PrepareResult, config: Config): RunningServer {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  const background = BACKGROUND.map((start) => start({ db: database.db, backend: database.backend, config, url }));
  let stopping: Promise<void> | null = null;
  const stop = async () => {
    const backgroundStopped = Promise.all(background.map((b) => b.stop()));
    await closeHttp(server, STOP_GRACE_MS);
    await backgroundStopped;
    const failed = await runShutdownHooks();
    if (failed.length) console.error(`Không đóng được: ${failed.join(', ')}.`);
    await database.close();
  };
  return {
    url,
    database,
    prepared,
    stop: () => (stopping ??= stop()),
  };
}

export async function startServer(config: Config, opts: StartOptions = {}): Promise<RunningServer> {
  const { signal } = opts;
  await checkAddress(config);
  const inChild = opts.prepare === 'child';
  // Prepared in a child: the lock is taken before the child starts and kept until the server stops, so no other
  // process can slip in between preparing and serving. Prepared here: opening the database takes the lock.
  const release = inChild && !config.databaseUrl ? await lockDataDir(config.dataDir) : null;
  /** What a failed start undoes: the lock, then (once open) the database with it. */
  let undo = async () => {
    await release?.();
  };
  try {
    const preparedInChild = inChild ? await prepareInChildProcess(config, signal) : null;
    const opened = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, lock: !inChild });
    const database: Database = release
      ? {
          ...opened,
          close: async () => {
            await opened.close();
            await release();
          },
        }
      : opened;
    undo = () => database.close();
    const prepared =
      preparedInChild ??
      (await prepareDatabase(database.db, { demo: config.demo, demoContent: config.demoContent, env: process.env }));
    throwIfStopped(signal);
    const app = createApp({ db: database.db, config, backend: database.backend });
    const server = createAdaptorServer({ fetch: app.fetch, hostname: config.host }) as HttpServer;
    await listen(server, config);
    return serving(server, database, prepared, config);
  } catch (err) {
    await undo();
    throw err;
  }
}

/** Ctrl-C under `npm start` reaches the server twice at once: from the terminal and forwarded by npm. */
const REPEAT_WINDOW_MS = 1_000;

/**
 * Turns the first SIGTERM or SIGINT into a clean stop (the returned signal aborts; the caller stops the server) and
 * a later one into an immediate exit, for an operator who will not wait. Logs on stderr.
 */
export function stopOnSignals(): AbortSignal {
  const stop = new AbortController();
  let firstAt = 0;
  const onSignal = (name: NodeJS.Signals) => {
    if (!stop.signal.aborted) {
      firstAt = Date.now();
      console.error('Đang dừng máy chủ…');
      stop.abort();
    } else if (Date.now() - firstAt > REPEAT_WINDOW_MS) {
      // The lock file is removed on exit (src/db/lock.ts); the database is left as after a crash, which it survives.
      console.error('Dừng ngay, không chờ các yêu cầu đang xử lý.');
      process.exit(128 + (osConstants.signals[name] ?? 15));
    }
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return stop.signal;
}

/**
 * After a clean stop the process ends by itself once nothing is left to wait for. Should a resource have been left
 * open (a module without a shutdown hook), it is named and the process exits anyway rather than hang until the
 * service manager kills it.
 */
export function exitIfLingering(afterMs = 5_000): void {
  const timer = setTimeout(() => {
    const open = process.getActiveResourcesInfo().filter((r) => r !== 'Timeout');
    console.error(`Còn tài nguyên chưa đóng sau khi dừng (${open.join(', ') || 'không rõ'}); thoát.`);
    process.exit(0);
  }, afterMs);
  timer.unref();
}
