import { announceServer } from './local-token.ts';
import { backupScheduleFromEnv, startDailyBackups } from './schedule.ts';
import type { UntypedKysely } from '../../db/untyped.ts';

export function startBackupServices(o: {
  db: UntypedKysely;
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
