// An issued plan changes only through an amendment: a new draft that, once issued, replaces it (issue-plan.ts).
import { conflict } from '../../../domain/errors.ts';
import type { TaskSnapshot } from '../../../domain/plan/cascade.ts';
import { recordAudit } from '../../audit/index.ts';
import { authorize, requireActor, type Ctx } from '../../context.ts';
import { mustReadPlan } from '../access.ts';
import { computeFindings } from '../findings.ts';
import * as store from '../store/index.ts';

export async function amendPlan(ctx: Ctx, id: number) {
  const actor = requireActor(ctx);
  const { plan, unit } = await mustReadPlan(ctx, id);
  authorize(ctx, 'edit', { unitPath: unit.path });
  if (plan.status !== 'issued') throw conflict('plan.not_issued', 'Chỉ sửa đổi được kế hoạch đã ban hành.');
  const pending = await store.pendingAmendmentOf(ctx.db, id);
  if (pending)
    throw conflict('plan.amendment_exists', `Kế hoạch này đã có một dự thảo sửa đổi đang xử lý (mã ${pending.id}).`);
  const { draft, tasks } = await store.loadDraft(ctx.db, plan);
  // The amendment's tasks keep the links of the tasks they replace (a commune task implements a province task).
  const links = new Map(
    tasks.map((t) => [
      t.number,
      { parentTaskId: t.parent_task_id, parentSnapshot: t.parent_snapshot as TaskSnapshot | null },
    ]),
  );
  const amended = { ...draft, document: { ...draft.document, number: null, date: null } };
  const checked = await computeFindings(
    ctx.db,
    { parent_plan_id: plan.parent_plan_id, status: 'draft' },
    unit,
    amended,
  );
  return ctx.db.transaction().execute(async (tx) => {
    const row = await store.insertPlanWithTasks(tx, unit.id, amended, {
      parentPlanId: plan.parent_plan_id,
      amendsPlanId: plan.id,
      version: plan.version + 1,
      createdBy: actor.userId,
      links,
    });
    await store.saveFindings(tx, row.id, checked);
    await recordAudit(tx, ctx, {
      action: 'plan.amend',
      entityType: 'plan',
      entityId: row.id,
      unitId: unit.id,
      after: { amends: plan.id, version: plan.version + 1 },
    });
    return { id: row.id };
  });
}
