// Moving a plan along its life: submit (its unit's staff), approve and return (its unit's leaders). Issuing is its
// own workflow (issue-plan.ts), reached through the same entry.
import { conflict } from '../../../domain/errors.ts';
import { checkSubmittable, checkTransition, returnReason, type Transition } from '../../../domain/plan/lifecycle.ts';
import type { PlanStatus } from '../../../domain/plan/model.ts';
import type { PlanTable } from '../../../db/schema.ts';
import type { Updateable } from 'kysely';
import { recordAudit } from '../../audit/index.ts';
import { authorize, requireActor, type Ctx } from '../../context.ts';
import { authorizeApprove, mustReadPlan } from '../access.ts';
import { computeFindings } from '../findings.ts';
import * as store from '../store/index.ts';
import { issuePlan } from './issue-plan.ts';

export type { Transition } from '../../../domain/plan/lifecycle.ts';

export interface TransitionInput {
  number?: string;
  date?: string;
  reason?: string;
  signerName?: string;
  signerKey?: number;
}

export async function transition(ctx: Ctx, id: number, action: Transition, input: TransitionInput) {
  if (action === 'issue') return issuePlan(ctx, id, input);
  const actor = requireActor(ctx);
  const { plan, unit } = await mustReadPlan(ctx, id);
  const from = plan.status;
  if (action === 'submit') authorize(ctx, 'edit', { unitPath: unit.path });
  else authorizeApprove(ctx, unit);
  checkTransition(action, from);
  const { draft } = await store.loadDraft(ctx.db, plan);
  const patch: Updateable<PlanTable> = { updated_at: new Date() };
  let to: PlanStatus;
  if (action === 'submit') {
    to = 'submitted';
    Object.assign(patch, { submitted_at: new Date(), return_reason: null });
  } else if (action === 'approve') {
    to = 'approved';
    Object.assign(patch, { approved_by: actor.userId, approved_at: new Date() });
  } else {
    to = 'draft';
    patch.return_reason = returnReason(input.reason);
  }
  // Stored findings follow the status (lint asks an issued plan for its number and date).
  const stored = await computeFindings(ctx.db, { ...plan, status: to }, unit, draft);
  if (action === 'submit') checkSubmittable(stored.findings);
  return ctx.db.transaction().execute(async (tx) => {
    // Guard against a concurrent transition: only move from the state we read.
    const moved = await store.movePlanStatus(tx, id, from, { ...patch, status: to });
    if (!moved) throw conflict('plan.changed', 'Kế hoạch vừa được người khác thay đổi. Hãy tải lại trang.');
    await store.saveFindings(tx, id, stored);
    await recordAudit(tx, ctx, {
      action: `plan.${action}`,
      entityType: 'plan',
      entityId: id,
      unitId: unit.id,
      before: { status: from },
      after: { status: to, ...(input.reason ? { reason: input.reason } : {}) },
    });
    return { id, status: to };
  });
}
