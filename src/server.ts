// Starts the HTTP server on an opened, prepared database.
import { serve, type ServerType } from '@hono/node-server';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/connect.ts';
import { prepareDatabase, type PrepareResult } from './bootstrap.ts';
import { createApp } from './http/app.ts';
import { purgeExpired } from './modules/auth/service.ts';
import { startReminderScheduler } from './modules/reporting/reminders.ts';

export interface RunningServer {
  url: string;
  database: Database;
  prepared: PrepareResult;
  stop(): Promise<void>;
}

export async function startServer(config: Config): Promise<RunningServer> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const prepared = await prepareDatabase(database.db, { demo: config.demo, demoContent: config.demoContent, env: process.env });
    const app = createApp({ db: database.db, config, backend: database.backend });
    const server: ServerType = await new Promise((resolve) => {
      const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(s));
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const housekeeping = setInterval(() => void purgeExpired(database.db).catch(() => {}), 3_600_000);
    housekeeping.unref();
    startReminderScheduler(database.db, config);
    return {
      url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`,
      database,
      prepared,
      async stop() {
        clearInterval(housekeeping);
        await new Promise<void>((r) => server.close(() => r()));
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
