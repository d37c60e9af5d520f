// Incidents: any officer of the operating unit records one; a serious incident gets its reporting deadlines on the
// working-day calendar (decree 142 Đ19) and reaches the unit's leaders and the focal units above it at once, in the
// app and by e-mail.
import type { IncidentInput } from '../../../contracts/ai-systems.ts';
import type { Config } from '../../../config.ts';
import { conflict, invalid } from '../../../domain/errors.ts';
import { DEADLINE_KIND_LABEL, incidentDeadlines, type IncidentDeadline } from '../../../domain/ai-systems/incidents.ts';
import { SEVERITY_LABEL } from '../../../domain/ai-systems/model.ts';
import { recordAudit } from '../../audit/index.ts';
import { loadCalendar } from '../../calendar/index.ts';
import { authorize, mustRead, requireActor, type Ctx } from '../../context.ts';
import { sendMail } from '../../mail/index.ts';
import { notify } from '../../notifications/index.ts';
import * as store from '../store/index.ts';
import { mustUse } from './read.ts';
import { deadlineViews, useTarget } from './views.ts';

function checkTimes(occurredAt: Date, detectedAt: Date): void {
  const soon = Date.now() + 5 * 60_000;
  if (occurredAt.getTime() > soon)
    throw invalid('ai_incident.future', 'Thời điểm xảy ra không được ở tương lai.', [
      { path: 'occurredAt', message: 'Thời điểm xảy ra không được ở tương lai.' },
    ]);
  if (detectedAt.getTime() > soon)
    throw invalid('ai_incident.future', 'Thời điểm phát hiện không được ở tương lai.', [
      { path: 'detectedAt', message: 'Thời điểm phát hiện không được ở tương lai.' },
    ]);
  if (detectedAt < occurredAt)
    throw invalid('ai_incident.order', 'Thời điểm phát hiện phải sau thời điểm xảy ra.', [
      { path: 'detectedAt', message: 'Phải sau thời điểm xảy ra.' },
    ]);
}

const formatInstant = (iso: string) =>
  new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false });

function noticeOf(u: store.UseRow, deadlines: IncidentDeadline[], id: number) {
  const title = `${SEVERITY_LABEL.serious}: ${u.product_name} tại ${u.unit_name}`;
  const body = deadlines.map((d) => `${DEADLINE_KIND_LABEL[d.kind]}: hạn ${formatInstant(d.dueAt)}`).join('\n');
  return { title, body, link: `/he-thong-ai/${u.id}#su-co-${id}` };
}

export async function reportAiIncident(
  ctx: Ctx,
  id: number,
  b: IncidentInput,
  mail?: Pick<Config, 'smtpUrl' | 'mailFrom'>,
) {
  const actor = requireActor(ctx);
  const u = await mustUse(ctx, id);
  authorize(ctx, 'edit', useTarget(u));
  const occurredAt = new Date(b.occurredAt);
  const detectedAt = new Date(b.detectedAt);
  checkTimes(occurredAt, detectedAt);
  const deadlines = incidentDeadlines(b.severity, detectedAt, await loadCalendar(ctx.db));
  const focal = b.severity === 'serious' ? await store.focalUnitsOver(ctx.db, u.unit_path) : [];
  const created = await ctx.db.transaction().execute(async (tx) => {
    const incidentId = await store.insertIncident(tx, {
      useId: id,
      unitId: u.unit_id,
      occurredAt,
      detectedAt,
      severity: b.severity,
      description: b.description,
      affected: b.affected,
      consequences: b.consequences,
      deadlines,
      userId: actor.userId,
    });
    if (b.severity === 'serious') {
      const n = noticeOf(u, deadlines, incidentId);
      await notify(
        tx,
        [u.unit_id, ...focal.map((f) => f.id)].map((unitId) => ({ unitId, kind: 'ai_incident.serious', ...n })),
      );
    }
    await recordAudit(tx, ctx, {
      action: 'ai_incident.report',
      entityType: 'ai_incident',
      entityId: incidentId,
      unitId: u.unit_id,
      after: { useId: id, severity: b.severity, deadlines },
    });
    return incidentId;
  });
  if (b.severity === 'serious' && mail)
    await mailIncident(ctx, u, [u.unit_id, ...focal.map((f) => f.id)], noticeOf(u, deadlines, created), mail);
  return { id: created, deadlines: deadlineViews(deadlines) };
}

/** The e-mail goes after the commit and never undoes it: an unreachable mail server is logged, the notice stays in the app. */
async function mailIncident(
  ctx: Ctx,
  u: store.UseRow,
  unitIds: number[],
  n: { title: string; body: string; link: string },
  config: Pick<Config, 'smtpUrl' | 'mailFrom'>,
) {
  try {
    const to = await store.staffEmails(ctx.db, unitIds);
    if (to.length)
      await sendMail(config, { to, subject: n.title, text: `${n.title}\n\n${n.body}\n\nXem chi tiết: ${n.link}` });
  } catch (err) {
    console.error(`thư báo sự cố hệ thống AI ${u.id} chưa gửi được:`, err instanceof Error ? err.message : err);
  }
}

/** The official report on remediation is done (Đ19.4): the incident leaves the open ones. */
export async function closeAiIncident(ctx: Ctx, id: number): Promise<{ id: number; status: 'closed' }> {
  const i = await mustIncident(ctx, id);
  authorize(ctx, 'edit', { unitPath: i.unit_path });
  if (i.status === 'closed') throw conflict('ai_incident.closed', 'Sự cố này đã đóng.');
  return ctx.db.transaction().execute(async (tx) => {
    await store.closeIncident(tx, id);
    await recordAudit(tx, ctx, {
      action: 'ai_incident.close',
      entityType: 'ai_incident',
      entityId: id,
      unitId: i.unit_id,
      before: { status: 'open' },
      after: { status: 'closed' },
    });
    return { id, status: 'closed' as const };
  });
}

/** An incident is its unit's record; the report DOCX reads it through here. */
export async function mustIncident(ctx: Ctx, id: number) {
  requireActor(ctx);
  return mustRead(ctx, 'sự cố', await store.getIncident(ctx.db, id), (i) => ({ unitPath: i.unit_path }));
}
