// The reminders' scheduler: one pass (use-cases/reminders.ts) every hour in the background, never keeping the process
// alive, a failed pass logged and retried at the next.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Config } from '../../config.ts';
import { createMailer } from '../mail/index.ts';
import { logDatabaseFault } from '../../db/faults.ts';
import { DEFAULT_REMINDER_DAYS } from './regimes.ts';
import { runReminders, type ReminderRunResult } from './use-cases/reminders.ts';

export { reminderStage, runReminders, type ReminderRunOptions, type ReminderRunResult } from './use-cases/reminders.ts';

/** Offsets from THIHANH_REMINDER_DAYS ("7,3,1"), or the default. */
export function reminderOffsetsFromEnv(env: NodeJS.ProcessEnv = process.env): number[] {
  const list = (env.THIHANH_REMINDER_DAYS ?? '')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n >= 0 && n <= 60);
  return list.length ? list : DEFAULT_REMINDER_DAYS;
}

export interface ReminderScheduler {
  /** Runs one pass now (also what the interval does). */
  runNow(): Promise<ReminderRunResult>;
  /** Stops the timers; resolves once a pass under way has finished (its mail is not cut off mid-send). */
  stop(): Promise<void>;
}

/**
 * Runs the reminders every `intervalMs` (default one hour; first pass after `firstRunMs`, default one minute).
 * The timers are unref'd: they never keep the process alive. A failed pass (database away) is logged; the next retries.
 */
export function startReminderScheduler(
  db: Kysely<DB>,
  config: Pick<Config, 'smtpUrl' | 'mailFrom'>,
  opts: { intervalMs?: number; firstRunMs?: number; offsets?: number[] } = {},
): ReminderScheduler {
  const mailer = createMailer(config);
  const offsets = opts.offsets ?? reminderOffsetsFromEnv();
  let running: Promise<ReminderRunResult> | null = null;
  const runNow = () => {
    running ??= runReminders(db, { mailer, offsets }).finally(() => {
      running = null;
    });
    return running;
  };
  const tick = () =>
    void runNow().catch((err) => logDatabaseFault('lượt nhắc báo cáo thất bại, sẽ chạy lại ở lượt sau', err));
  const first = setTimeout(tick, opts.firstRunMs ?? 60_000);
  const every = setInterval(tick, opts.intervalMs ?? 3_600_000);
  first.unref();
  every.unref();
  return {
    runNow,
    async stop() {
      clearTimeout(first);
      clearInterval(every);
      await running?.catch(() => {});
      mailer?.close();
    },
  };
}
