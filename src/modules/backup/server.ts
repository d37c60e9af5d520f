// What a running server does for backups: tell the CLI where it listens (PGlite: the CLI cannot open the data
// directory the server owns, so it asks the server), and write the daily backups when THIHANH_BACKUP_DIR is set.
import type { Kysely } from 'kysely';
import { announceServer } from './local-token.ts';
import { backupScheduleFromEnv, startDailyBackups } from './schedule.ts';

export function startBackupServices(o: {
  db: Kysely<any>;
  backend: string;
  dataDir: string;
  url: string;
  env?: NodeJS.ProcessEnv;
}): { stop(): void } {
  const unannounce = o.backend === 'pglite' ? announceServer(o.dataDir, o.url) : () => {};
  const schedule = backupScheduleFromEnv(o.env ?? process.env);
  const daily = schedule ? startDailyBackups(o.db, o.backend, schedule) : null;
  return {
    stop() {
      daily?.stop();
      unannounce();
    },
  };
}
