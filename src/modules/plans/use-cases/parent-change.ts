// A commune's answer to a change in the province task it implements: take the new wording, or keep its own (with
// a reason).
import type { Updateable } from 'kysely';
import type { PlanTaskTable } from '../../../db/schema.ts';
import { conflict, invalid, notFound } from '../../../domain/errors.ts';
import type { FieldChange } from '../../../domain/plan/cascade.ts';
import { parseTimeframe } from '../../../domain/plan/timeframe.ts';
import { normalizeText } from '../../../domain/text.ts';
import { recordAudit } from '../../audit/index.ts';
import { authorize, requireActor, type Ctx } from '../../context.ts';
import { mustReadPlan } from '../access.ts';
import { refreshFindings } from '../findings.ts';
import * as store from '../store/index.ts';
import type { ParentChange } from './plan-detail.ts';

export async function resolveParentChange(
  ctx: Ctx,
  taskId: number,
  input: { decision: 'accept' | 'dismiss'; reason?: string },
) {
  requireActor(ctx);
  const task = await store.getTask(ctx.db, taskId);
  if (!task) throw notFound('nhiệm vụ');
  const { plan, unit } = await mustReadPlan(ctx, task.plan_id, 'nhiệm vụ');
  authorize(ctx, 'edit', { unitPath: unit.path });
  const change = task.parent_change as (ParentChange & { removed?: boolean }) | null;
  if (!change) throw conflict('plan.no_parent_change', 'Nhiệm vụ này không có thay đổi nào từ kế hoạch cấp trên.');
  const reason = normalizeText(input.reason ?? '');
  if (input.decision === 'dismiss' && reason.length < 5) {
    throw invalid('plan.reason_required', 'Hãy nêu lý do không áp dụng thay đổi.', [
      { path: 'reason', message: 'Lý do cần ít nhất 5 ký tự.' },
    ]);
  }
  if (input.decision === 'accept' && plan.status !== 'draft' && plan.status !== 'issued') {
    throw conflict('plan.not_editable', 'Kế hoạch đang trình hoặc chờ duyệt: hãy xử lý sau.');
  }
  const patch: Updateable<PlanTaskTable> = {
    parent_change: null,
    parent_snapshot: change.snapshot ? JSON.stringify(change.snapshot) : null,
    ...(input.decision === 'accept' && !change.removed ? acceptedWording(change.changes, plan.year) : {}),
  };
  return ctx.db.transaction().execute(async (tx) => {
    await store.updateTask(tx, taskId, patch);
    if (input.decision === 'accept') await refreshFindings(tx, plan);
    await recordAudit(tx, ctx, {
      action: `plan.parent_change.${input.decision}`,
      entityType: 'plan_task',
      entityId: taskId,
      unitId: unit.id,
      before: { changes: change.changes },
      after: { decision: input.decision, reason: reason || null },
    });
    return { id: taskId, decision: input.decision };
  });
}

/** The commune takes the parent's new wording for the fields that changed (units stay the commune's own). */
function acceptedWording(changes: FieldChange[], year: number | null): Updateable<PlanTaskTable> {
  const patch: Updateable<PlanTaskTable> = {};
  for (const c of changes) {
    if (c.field === 'title') patch.title = c.after as string;
    if (c.field === 'content') patch.content = c.after as string | null;
    if (c.field === 'timeframe') {
      patch.timeframe_text = c.after as string;
      const schedule = parseTimeframe(String(c.after), year ? { year } : {}).schedule;
      patch.schedule = schedule ? JSON.stringify(schedule) : null;
    }
    if (c.field === 'deliverables') patch.deliverables = JSON.stringify(c.after);
  }
  return patch;
}
