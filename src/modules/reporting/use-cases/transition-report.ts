// Moving a unit report along its life: the reporting unit's leader approves it, the unit sends it, the receiving unit
// accepts it or returns it with a reason (and a new due date).
import { AppError, conflict, invalid } from '../../../domain/errors.ts';
import { emptyRequiredSections } from '../../../domain/reporting/letters.ts';
import type { UnitReportContent } from '../../../domain/reporting/model.ts';
import { addWorkingDays } from '../../../domain/calendar/working-days.ts';
import { addDays } from '../../../domain/calendar/lunar.ts';
import { shortDateVi } from '../../../domain/reporting/compile.ts';
import { transitionTarget, type ReportTransition } from '../../../domain/reporting/workflow.ts';
import { normalizeText, sentence } from '../../../domain/text.ts';
import { recordAudit } from '../../audit/index.ts';
import { loadCalendar } from '../../calendar/index.ts';
import { authorize, requireActor, type Ctx, type Tx } from '../../context.ts';
import { notify, type NewNotification } from '../../notifications/index.ts';
import type { UnitRow } from '../../org/index.ts';
import { mustReport } from '../access.ts';
import { nowFor, vnDate } from '../clock.ts';
import { periodOf, signerForApproval } from '../regimes.ts';
import * as store from '../store/index.ts';

export type { ReportTransition } from '../../../domain/reporting/workflow.ts';

interface Moved {
  id: number;
  unit: UnitRow;
  toUnit: UnitRow;
  regimeName: string;
  periodLabel: string;
  dueDate: string;
  reason: string | null;
}

/** Who hears of a move: the receiving unit of a report sent, the reporting unit of one returned or accepted. */
function noticeOf(
  action: ReportTransition,
  m: Moved,
  row: { due_date: string; late: boolean | null },
): NewNotification | null {
  const link = `/bao-cao/${m.id}`;
  const period = m.periodLabel.toLowerCase();
  if (action === 'submit') {
    return {
      unitId: m.toUnit.id,
      kind: 'report.submitted',
      link,
      title: `${m.unit.name} đã gửi báo cáo ${period}${row.late ? ' (quá hạn)' : ''}`,
      body: `${sentence(m.regimeName)} Hạn gửi: ${shortDateVi(m.dueDate)}.`,
    };
  }
  if (action === 'return') {
    return {
      unitId: m.unit.id,
      kind: 'report.returned',
      link,
      title: `Báo cáo ${period} bị trả lại`,
      body:
        `${m.toUnit.name} trả lại báo cáo: ${sentence(m.reason ?? '')} ` +
        `Đề nghị hoàn thiện và gửi lại trước ngày ${shortDateVi(addDays(row.due_date, 1))}.`,
    };
  }
  if (action === 'accept') {
    return {
      unitId: m.unit.id,
      kind: 'report.accepted',
      link,
      title: `${m.toUnit.name} đã tiếp nhận báo cáo ${period}`,
    };
  }
  return null;
}

/**
 * A report goes out under the leader's name: approving one with a required section left empty is confirmed first
 * (409 naming the sections; the same request with confirmEmpty approves it).
 */
function checkSectionsWritten(content: UnitReportContent): void {
  const empty = emptyRequiredSections(content?.narrative);
  if (!empty.length) return;
  throw new AppError(
    'report.empty_sections',
    409,
    `Báo cáo còn ${empty.length} mục chưa viết: ${empty.map((s) => s.title).join('; ')}. Xác nhận nếu vẫn duyệt báo cáo.`,
    empty.map((s) => ({ path: `content.narrative.${s.key}`, message: `Mục "${s.title}" chưa viết.` })),
  );
}

/** The next number of the unit's register of reports for the year of the approval: "05", with its symbol. */
async function numberFor(tx: Tx, unitId: number, today: string, symbol: string) {
  const year = Number(today.slice(0, 4));
  const seq = await store.nextDocumentNumber(tx, unitId, year, 'BC');
  return { number_year: year, number_seq: seq, number: String(seq).padStart(2, '0'), symbol };
}

/**
 * approve: a leader of the reporting unit (its own act, no focal widening); submit: an officer or leader of the
 * unit, after approval; accept / return: the receiving unit (a follow-up act, `follow` on it, so the focal Sở's
 * officers may do it; returning gives the unit back its pen, it never takes it).
 */
export async function transitionReport(
  ctx: Ctx,
  id: number,
  action: ReportTransition,
  input: { reason?: string; confirmEmpty?: boolean; signerKey?: number } = {},
) {
  const actor = requireActor(ctx);
  const { report, unit, toUnit } = await mustReport(ctx, id);
  if (action === 'approve') authorize(ctx, 'approve', { unitPath: unit.path });
  else if (action === 'submit') authorize(ctx, 'edit', { unitPath: unit.path });
  else authorize(ctx, 'follow', { unitPath: toUnit.path });
  const from = report.status;
  const to = transitionTarget(action, from);
  if (action === 'approve' && !input.confirmEmpty) checkSectionsWritten(report.content as UnitReportContent);
  const regime = (await store.getRegime(ctx.db, report.regime_id))!;
  const period = periodOf(regime, report.period_key);
  const now = nowFor(ctx.db);
  const today = vnDate(now);
  const patch: store.ReportMove = { status: to, updated_at: new Date() };
  let reason: string | null = null;
  const signing =
    action === 'approve' ? await signerForApproval(ctx.db, unit, 'named', input.signerKey, actor.userId) : null;
  if (signing)
    Object.assign(patch, { approved_by: actor.userId, approved_at: now, signer: JSON.stringify(signing.block) });
  if (action === 'submit') Object.assign(patch, { submitted_at: now, late: today > report.due_date });
  if (action === 'accept') Object.assign(patch, { reviewed_by: actor.userId, reviewed_at: now, return_reason: null });
  if (action === 'return') {
    reason = normalizeText(input.reason ?? '');
    if (reason.length < 5)
      throw invalid('report.reason_required', 'Hãy nêu lý do trả lại báo cáo.', [
        { path: 'reason', message: 'Lý do cần ít nhất 5 ký tự.' },
      ]);
    // The unit gets at least 5 working days to send it again.
    const resend = addWorkingDays(today, 5, await loadCalendar(ctx.db));
    Object.assign(patch, {
      reviewed_by: actor.userId,
      reviewed_at: now,
      return_reason: reason,
      due_date: resend > report.due_date ? resend : report.due_date,
    });
  }
  return ctx.db.transaction().execute(async (tx) => {
    // The number is taken in the approving transaction: a refused move gives it back.
    if (signing && report.number_seq === null)
      Object.assign(patch, await numberFor(tx, report.unit_id, today, `BC-${signing.identity.abbreviation}`));
    const moved = await store.moveReport(tx, id, from, patch);
    if (!moved) throw conflict('report.changed', 'Báo cáo vừa được người khác thay đổi. Hãy tải lại trang.');
    const m = {
      id,
      unit,
      toUnit,
      regimeName: regime.name,
      periodLabel: period.label,
      dueDate: report.due_date,
      reason,
    };
    const notice = noticeOf(action, m, moved);
    if (notice) await notify(tx, notice);
    await recordAudit(tx, ctx, {
      action: `report.${action}`,
      entityType: 'unit_report',
      entityId: id,
      unitId: unit.id,
      before: { status: from, dueDate: report.due_date },
      after: {
        status: to,
        ...(reason ? { reason, dueDate: moved.due_date } : {}),
        ...(action === 'submit' ? { late: moved.late } : {}),
        ...(signing ? { number: moved.number, symbol: moved.symbol, signer: signing.block } : {}),
      },
    });
    return { id, status: to, late: moved.late, dueDate: moved.due_date, number: moved.number, symbol: moved.symbol };
  });
}
