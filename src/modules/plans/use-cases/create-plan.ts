// Saving a reviewed draft as a new plan (a draft of its unit), possibly implementing an issued parent plan.
import { conflict, invalid } from '../../../domain/errors.ts';
import { checkDraftShape } from '../../../domain/plan/lifecycle.ts';
import type { PlanDraft } from '../../../domain/plan/model.ts';
import { recordAudit } from '../../audit/index.ts';
import { authorize, requireActor, type Ctx } from '../../context.ts';
import { getUnit } from '../../org/index.ts';
import { mustReadPlan } from '../access.ts';
import { computeFindings } from '../findings.ts';
import * as store from '../store/index.ts';
import { normaliseDraft } from './draft-input.ts';

export interface NewPlanInput {
  unitId: number;
  draft: PlanDraft;
  parentPlanId?: number | null;
  sourceName?: string | null;
  sourceText?: string | null;
}

export async function createPlan(ctx: Ctx, input: NewPlanInput) {
  const actor = requireActor(ctx);
  const unit = await getUnit(ctx.db, input.unitId);
  if (!unit)
    throw invalid('plan.unit_not_found', 'Đơn vị ban hành không tồn tại.', [
      { path: 'unitId', message: 'Chọn đơn vị ban hành.' },
    ]);
  authorize(ctx, 'edit', { unitPath: unit.path });
  checkDraftShape(input.draft);
  if (input.parentPlanId) await checkParent(ctx, input.parentPlanId, unit);
  const draft = await normaliseDraft(ctx, input.draft, unit.code);
  const checked = await computeFindings(
    ctx.db,
    { parent_plan_id: input.parentPlanId ?? null, status: 'draft' },
    unit,
    draft,
  );
  return ctx.db.transaction().execute(async (tx) => {
    const row = await store.insertPlanWithTasks(
      tx,
      unit.id,
      { ...draft, findings: [] },
      {
        parentPlanId: input.parentPlanId,
        createdBy: actor.userId,
        sourceName: input.sourceName,
        sourceText: input.sourceText,
      },
    );
    await store.saveFindings(tx, row.id, checked);
    await recordAudit(tx, ctx, {
      action: 'plan.create',
      entityType: 'plan',
      entityId: row.id,
      unitId: unit.id,
      after: { title: row.title, tasks: draft.tasks.length, source: input.sourceName ?? null },
    });
    return { id: row.id };
  });
}

/** A plan implements an issued parent plan the caller may read, once per unit. */
async function checkParent(ctx: Ctx, parentPlanId: number, unit: { id: number; name: string }): Promise<void> {
  const { plan: parent } = await mustReadPlan(ctx, parentPlanId, 'kế hoạch cấp trên', 'parentPlanId');
  if (parent.status !== 'issued') {
    throw invalid(
      'plan.parent_not_issued',
      'Kế hoạch cấp trên chưa ban hành (hoặc đã được sửa đổi): chỉ triển khai kế hoạch đang có hiệu lực.',
      [{ path: 'parentPlanId', message: 'Chọn kế hoạch cấp trên đã ban hành.' }],
    );
  }
  const existing = await store.liveChildPlanOf(ctx.db, parent.id, unit.id);
  if (existing) {
    throw conflict(
      'plan.child_exists',
      `${unit.name} đã có kế hoạch triển khai kế hoạch cấp trên này (mã ${existing.id}): ` +
        'hãy sửa kế hoạch đó hoặc tạo văn bản sửa đổi.',
    );
  }
}
