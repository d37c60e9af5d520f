// One pass of the reminders before due dates: at configurable offsets (default 7, 3 and 1 days before), the units
// that have not sent their report get an in-app notification and their officers and leaders an e-mail. Each
// (report, offset, channel) goes out once: the reminder_log row is written first (unique), then the message is sent;
// a failed e-mail removes its row so the next run tries again.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { CalendarConfig } from '../../../domain/calendar/holidays.ts';
import { toJulianDay } from '../../../domain/calendar/lunar.ts';
import { shortDateVi } from '../../../domain/reporting/compile.ts';
import { sentence } from '../../../domain/text.ts';
import { REPORT_STATUS_LABEL, type ReportStatus } from '../../../domain/reporting/model.ts';
import { nextPeriod, previousPeriod, type ReportingPeriod } from '../../../domain/reporting/period.ts';
import { isReceived } from '../../../domain/reporting/rollup.ts';
import { loadCalendar } from '../../calendar/index.ts';
import type { Mailer } from '../../mail/index.ts';
import { notify } from '../../notifications/index.ts';
import { nowFor, vnDate } from '../clock.ts';
import { currentPeriod, DEFAULT_REMINDER_DAYS, dueDateResolver } from '../regimes.ts';
import * as store from '../store/index.ts';
import type { ReportingRegime, SubmitterRow } from '../store/index.ts';

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

const daysBetween = (today: string, day: string) => toJulianDay(day) - toJulianDay(today);

/** The period of today, and its neighbours whose due dates may fall near today (due after the cut-off). */
function periodsNear(regime: ReportingRegime, today: string): ReportingPeriod[] {
  try {
    const p = currentPeriod(regime, today);
    return regime.kind === 'adHoc' ? [p] : [previousPeriod(p, regime.schedule), p, nextPeriod(p, regime.schedule)];
  } catch {
    return [];
  }
}

interface Pending {
  unit: SubmitterRow;
  report: Awaited<ReturnType<typeof store.reportStates>>[number] | null;
  due: string;
  stage: number;
}

/** The units of a period that have not sent their report and are at a reminder stage today. */
async function pendingOf(
  db: Kysely<DB>,
  regime: ReportingRegime,
  period: ReportingPeriod,
  cal: CalendarConfig,
  today: string,
  offsets: number[],
): Promise<Pending[]> {
  let dueOf: (kind: string) => string;
  try {
    dueOf = dueDateResolver(regime, period, cal);
  } catch {
    return [];
  }
  // Skip the period unless some tier is within the reminder horizon.
  const horizon = Math.max(...offsets);
  const tierDates =
    regime.kind === 'adHoc'
      ? [regime.adHocDue!]
      : ['agency', 'commune', 'ward', 'office', 'province', 'neighbourhood'].map(dueOf);
  if (
    !tierDates.some((d) => {
      const left = daysBetween(today, d);
      return left >= 0 && left <= horizon;
    })
  )
    return [];
  const lineage = regime.planId ? await store.planLineage(db, regime.planId) : [];
  const [submitters, reports] = await Promise.all([
    store.resolveSubmitters(db, regime.submitters, lineage),
    store.reportStates(db, regime.id, period.key),
  ]);
  const byUnit = new Map(reports.map((r) => [r.unit_id, r]));
  return submitters
    .map((u) => ({ unit: u, report: byUnit.get(u.id) ?? null }))
    .filter((x) => !isReceived(x.report?.status))
    .map((x) => ({ ...x, due: x.report?.due_date ?? dueOf(x.unit.kind) }))
    .map((x) => ({ ...x, stage: reminderStage(daysBetween(today, x.due), offsets) }))
    .filter((x): x is typeof x & { stage: number } => x.stage !== null);
}

/** The notification's title and body, and the e-mail's text, of one unit's reminder. */
function reminderText(regime: ReportingRegime, period: ReportingPeriod, p: Pending, today: string) {
  const daysLeft = daysBetween(today, p.due);
  const state = p.report ? REPORT_STATUS_LABEL[p.report.status as ReportStatus] : 'chưa lập báo cáo';
  const when = daysLeft === 0 ? 'hôm nay là hạn cuối' : `còn ${daysLeft} ngày`;
  const title = `Nhắc gửi báo cáo ${period.label.toLowerCase()}: ${when} (hạn cuối ${shortDateVi(p.due)})`;
  const returned = p.report?.status === 'returned' && p.report.return_reason ? p.report.return_reason : null;
  const body =
    `${sentence(regime.name)} Báo cáo của đơn vị hiện: ${state.toLowerCase()}.` +
    (returned ? ` Lý do trả lại: ${sentence(returned)}` : '');
  const mail = [
    `Kính gửi: ${p.unit.name},`,
    '',
    `${regime.name} – ${period.label} (số liệu từ ${shortDateVi(period.dataWindow.from)} đến ${shortDateVi(period.dataWindow.to)}).`,
    `Hạn cuối gửi báo cáo: ${shortDateVi(p.due)} (${when}).`,
    `Báo cáo của đơn vị hiện: ${state.toLowerCase()}.`,
    ...(returned ? [`Lý do trả lại: ${sentence(returned)}`] : []),
    '',
    'Đề nghị đơn vị đăng nhập Thi Hành để hoàn thiện, trình lãnh đạo duyệt và gửi báo cáo đúng hạn.',
    '',
    'Thư này được gửi tự động, vui lòng không trả lời.',
  ].join('\n');
  return { title, body, mail };
}

/** Reminds the pending units of one period: in the app, then by e-mail to their officers and leaders. */
async function remindPeriod(
  db: Kysely<DB>,
  regime: ReportingRegime,
  period: ReportingPeriod,
  pending: Pending[],
  today: string,
  mailer: Mailer | null | undefined,
  result: ReminderRunResult,
): Promise<void> {
  const users = mailer
    ? await store.reminderRecipients(
        db,
        pending.map((p) => p.unit.id),
      )
    : [];
  for (const p of pending) {
    const { title, body, mail } = reminderText(regime, period, p, today);
    const link = p.report ? `/bao-cao/${p.report.id}` : `/che-do-bao-cao/${regime.id}`;
    const key = { regimeId: regime.id, periodKey: period.key, unitId: p.unit.id, offset: p.stage };
    const appLog = await store.insertReminderLog(db, { ...key, channel: 'app', recipients: `unit:${p.unit.id}` });
    if (appLog) {
      await notify(db, { unitId: p.unit.id, kind: 'report.reminder', title, body, link });
      result.app++;
    }
    const to = [...new Set(users.filter((u) => u.unit_id === p.unit.id).map((u) => u.email!))];
    if (!mailer || !to.length) continue;
    const mailLog = await store.insertReminderLog(db, { ...key, channel: 'email', recipients: to.join(', ') });
    if (!mailLog) continue;
    try {
      await mailer.send({ to, subject: `[Thi Hành] ${title}`, text: mail });
      result.email++;
    } catch {
      await store.deleteReminderLog(db, mailLog);
      result.failed++;
    }
  }
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
    const offsets = (regime.schedule.reminderDays ?? opts.offsets ?? DEFAULT_REMINDER_DAYS).filter(
      (n) => Number.isInteger(n) && n >= 0,
    );
    if (!offsets.length) continue;
    for (const period of periodsNear(regime, today)) {
      const pending = await pendingOf(db, regime, period, cal, today, offsets);
      if (pending.length) await remindPeriod(db, regime, period, pending, today, opts.mailer, result);
    }
  }
  return result;
}
