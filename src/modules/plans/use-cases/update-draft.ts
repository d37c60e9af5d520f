// Saving an edited draft. Task identity (and the children's links to a task) is kept by task number.
import { conflict } from '../../../domain/errors.ts';
import type { TaskSnapshot } from '../../../domain/plan/cascade.ts';
import { checkDraftShape, checkEditable } from '../../../domain/plan/lifecycle.ts';
import type { PlanDraft } from '../../../domain/plan/model.ts';
import { recordAudit } from '../../audit/index.ts';
import { authorize, requireActor, type Ctx, type Tx } from '../../context.ts';
import { mustReadPlan } from '../access.ts';
import { computeFindings } from '../findings.ts';
import * as store from '../store/index.ts';
import { normaliseDraft } from './draft-input.ts';

export async function updatePlan(ctx: Ctx, id: number, edited: PlanDraft) {
  requireActor(ctx);
  const { plan, unit } = await mustReadPlan(ctx, id);
  authorize(ctx, 'edit', { unitPath: unit.path });
  checkEditable(plan.status);
  checkDraftShape(edited);
  const draft = await normaliseDraft(ctx, edited, unit.code);
  const checked = await computeFindings(ctx.db, plan, unit, draft);
  return ctx.db.transaction().execute(async (tx) => {
    const before = await store.loadDraft(tx, plan);
    await store.updatePlanRow(tx, id, { ...store.planValues(unit.id, draft), updated_at: new Date() });
    await saveTasks(tx, id, before.tasks, draft);
    await store.reindexPlan(tx, { ...plan, title: draft.document.title }, draft.tasks);
    await store.saveFindings(tx, id, checked);
    await recordAudit(tx, ctx, {
      action: 'plan.update',
      entityType: 'plan',
      entityId: id,
      unitId: unit.id,
      before: { title: plan.title, tasks: before.draft.tasks.map((t) => t.number) },
      after: { title: draft.document.title, tasks: draft.tasks.map((t) => t.number) },
    });
    return { id };
  });
}

/** Tasks kept by number are updated in place (keeping their parent link), new ones inserted, the others removed. */
async function saveTasks(tx: Tx, planId: number, stored: store.TaskRow[], draft: PlanDraft): Promise<void> {
  const existing = new Map(stored.map((t) => [t.number, t]));
  const keep = new Set(draft.tasks.map((t) => t.number));
  const removed = stored.filter((t) => !keep.has(t.number));
  if (removed.length) {
    // A task a commune implements stays: removing it would cut the commune's link.
    if (
      await store.anyTaskImplements(
        tx,
        removed.map((r) => r.id),
      )
    ) {
      throw conflict('plan.task_in_use', 'Không thể xóa nhiệm vụ đã được triển khai xuống kế hoạch cấp dưới.');
    }
    await store.deleteTasks(
      tx,
      removed.map((r) => r.id),
    );
  }
  for (const [i, t] of draft.tasks.entries()) {
    const old = existing.get(t.number);
    const link = {
      parentTaskId: old?.parent_task_id ?? null,
      parentSnapshot: (old?.parent_snapshot as TaskSnapshot | null) ?? null,
    };
    const values = store.taskValues(planId, t, i, link);
    if (old) await store.updateTask(tx, old.id, values);
    else await store.insertTasks(tx, [values]);
  }
}
