// Reminders before due dates: at configurable offsets (default 7, 3 and 1 days before), the units that have not
// sent their report get an in-app notification and their officers and leaders an e-mail. Each (report, offset,
// channel) goes out once: the reminder_log row is written first (unique), then the message is sent; a failed
// e-mail removes its row so the next run tries again.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Config } from '../../config.ts';
import { toJulianDay } from '../../domain/calendar/lunar.ts';
import { shortDateVi } from '../../domain/reporting/compile.ts';
import { REPORT_STATUS_LABEL, type ReportStatus } from '../../domain/reporting/model.ts';
import { nextPeriod, previousPeriod, type ReportingPeriod } from '../../domain/reporting/period.ts';
import { isReceived } from '../../domain/reporting/rollup.ts';
import { loadCalendar } from '../calendar/index.ts';
import { createMailer, type Mailer } from '../mail/index.ts';
import { notify } from '../notifications/index.ts';
import { logDatabaseFault } from '../../db/faults.ts';
import { nowFor, vnDate } from './clock.ts';
import { currentPeriod, DEFAULT_REMINDER_DAYS, dueDateResolver } from './regimes.ts';
import * as store from './store/index.ts';

export interface ReminderRunOptions {
  /** Offsets used when a regime does not set its own. */
  offsets?: number[];
  mailer?: Mailer | null;
  now?: Date;
}

export interface ReminderRunResult {
  app: number;
  email: number;
  failed: number;
}

/** The reminder stage of a day: the smallest offset not below the days left (one message per stage). */
export function reminderStage(daysLeft: number, offsets: readonly number[]): number | null {
  if (daysLeft < 0) return null;
  const stages = offsets.filter((d) => d >= daysLeft).sort((a, b) => a - b);
  return stages[0] ?? null;
}

/** One pass over the active regimes. Safe to run often and from several processes. */
export async function runReminders(db: Kysely<DB>, opts: ReminderRunOptions = {}): Promise<ReminderRunResult> {
  const today = vnDate(opts.now ?? nowFor(db));
  const result: ReminderRunResult = { app: 0, email: 0, failed: 0 };
  const regimes = await store.listActiveRegimeIds(db);
  if (!regimes.length) return result;
  const cal = await loadCalendar(db);
  for (const id of regimes) {
    const regime = (await store.getRegime(db, id))!;
    const offsets = (regime.schedule.reminderDays ?? opts.offsets ?? DEFAULT_REMINDER_DAYS).filter((n) => Number.isInteger(n) && n >= 0);
    if (!offsets.length) continue;
    const horizon = Math.max(...offsets);
    // The period of today, and its neighbours whose due dates may fall near today (due after the cut-off).
    let periods: ReportingPeriod[];
    try {
      const p = currentPeriod(regime, today);
      periods = regime.kind === 'adHoc' ? [p] : [previousPeriod(p, regime.schedule), p, nextPeriod(p, regime.schedule)];
    } catch {
      continue;
    }
    for (const period of periods) {
      let dueOf: (kind: string) => string;
      try {
        dueOf = dueDateResolver(regime, period, cal);
      } catch {
        continue;
      }
      const stageOf = (due: string) => reminderStage(toJulianDay(due) - toJulianDay(today), offsets);
      // Skip the period unless some tier is within the reminder horizon.
      const tierDates = regime.kind === 'adHoc' ? [regime.adHocDue!] : ['agency', 'commune', 'ward', 'office', 'province', 'neighbourhood'].map(dueOf);
      if (!tierDates.some((d) => { const left = toJulianDay(d) - toJulianDay(today); return left >= 0 && left <= horizon; })) continue;
      const lineage = regime.planId ? await store.planLineage(db, regime.planId) : [];
      const [submitters, reports] = await Promise.all([
        store.resolveSubmitters(db, regime.submitters, lineage),
        store.reportStates(db, regime.id, period.key),
      ]);
      const byUnit = new Map(reports.map((r) => [r.unit_id, r]));
      const pending = submitters.map((u) => ({ unit: u, report: byUnit.get(u.id) ?? null }))
        .filter((x) => !isReceived(x.report?.status))
        .map((x) => ({ ...x, due: x.report?.due_date ?? dueOf(x.unit.kind) }))
        .map((x) => ({ ...x, stage: stageOf(x.due) }))
        .filter((x): x is typeof x & { stage: number } => x.stage !== null);
      if (!pending.length) continue;
      const users = opts.mailer
        ? await store.reminderRecipients(db, pending.map((p) => p.unit.id))
        : [];
      for (const p of pending) {
        const daysLeft = toJulianDay(p.due) - toJulianDay(today);
        const state = p.report ? REPORT_STATUS_LABEL[p.report.status as ReportStatus] : 'chưa lập báo cáo';
        const when = daysLeft === 0 ? 'hôm nay là hạn cuối' : `còn ${daysLeft} ngày`;
        const title = `Nhắc gửi báo cáo ${period.label.toLowerCase()}: ${when} (hạn cuối ${shortDateVi(p.due)})`;
        const body = `${regime.name}. Báo cáo của đơn vị hiện: ${state.toLowerCase()}.${p.report?.status === 'returned' && p.report.return_reason ? ` Lý do trả lại: ${p.report.return_reason}.` : ''}`;
        const link = p.report ? `/bao-cao/${p.report.id}` : `/che-do-bao-cao/${regime.id}`;
        const key = { regimeId: regime.id, periodKey: period.key, unitId: p.unit.id, offset: p.stage };
        const appLog = await store.insertReminderLog(db, { ...key, channel: 'app', recipients: `unit:${p.unit.id}` });
        if (appLog) {
          await notify(db, { unitId: p.unit.id, kind: 'report.reminder', title, body, link });
          result.app++;
        }
        const to = [...new Set(users.filter((u) => u.unit_id === p.unit.id).map((u) => u.email!))];
        if (!opts.mailer || !to.length) continue;
        const mailLog = await store.insertReminderLog(db, { ...key, channel: 'email', recipients: to.join(', ') });
        if (!mailLog) continue;
        try {
          await opts.mailer.send({
            to,
            subject: `[Thi Hành] ${title}`,
            text: [
              `Kính gửi: ${p.unit.name},`,
              '',
              `${regime.name} – ${period.label} (số liệu từ ${shortDateVi(period.dataWindow.from)} đến ${shortDateVi(period.dataWindow.to)}).`,
              `Hạn cuối gửi báo cáo: ${shortDateVi(p.due)} (${when}).`,
              `Báo cáo của đơn vị hiện: ${state.toLowerCase()}.`,
              ...(p.report?.status === 'returned' && p.report.return_reason ? [`Lý do trả lại: ${p.report.return_reason}`] : []),
              '',
              'Đề nghị đơn vị đăng nhập Thi Hành để hoàn thiện, trình lãnh đạo duyệt và gửi báo cáo đúng hạn.',
              '',
              'Thư này được gửi tự động, vui lòng không trả lời.',
            ].join('\n'),
          });
          result.email++;
        } catch {
          await store.deleteReminderLog(db, mailLog);
          result.failed++;
        }
      }
    }
  }
  return result;
}

/** Offsets from THIHANH_REMINDER_DAYS ("7,3,1"), or the default. */
export function reminderOffsetsFromEnv(env: NodeJS.ProcessEnv = process.env): number[] {
  const list = (env.THIHANH_REMINDER_DAYS ?? '').split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n >= 0 && n <= 60);
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
    running ??= runReminders(db, { mailer, offsets }).finally(() => { running = null; });
    return running;
  };
  const tick = () => void runNow().catch((err) => logDatabaseFault('lượt nhắc báo cáo thất bại, sẽ chạy lại ở lượt sau', err));
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
