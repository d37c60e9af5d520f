// Issuing a plan: the one workflow that reaches beyond the plans module. The issuing unit's leaders give it a number
// and a day; in the same transaction the plan keeps its issued version, tracking creates the assignments of its
// tasks, reporting sets up its reporting regime, and an amendment retires the plan it amends and tells the child
// plans' tasks what changed in their parent task.
import type { Updateable } from 'kysely';
import type { PlanTable } from '../../../db/schema.ts';
import { AppError, conflict } from '../../../domain/errors.ts';
import { diffSnapshots, snapshotOf, type TaskSnapshot } from '../../../domain/plan/cascade.ts';
import {
  checkIssuable,
  checkTransition,
  issuedDraft,
  issueNumber,
  signedByUnit,
} from '../../../domain/plan/lifecycle.ts';
import { chosenBlock } from '../../../domain/org/document-settings.ts';
import type { Finding, PlanDraft } from '../../../domain/plan/model.ts';
import { recordAudit } from '../../audit/index.ts';
import { documentIdentityOf } from '../../org/index.ts';
import { requireActor, type Ctx, type Tx } from '../../context.ts';
import { ensureRegimeForPlan } from '../../reporting/index.ts';
import { createAssignmentsForPlan } from '../../tracking/index.ts';
import { authorizeApprove, mustReadPlan } from '../access.ts';
import { computeFindings, refreshChildFindings } from '../findings.ts';
import * as store from '../store/index.ts';
import type { ParentChange } from './plan-detail.ts';

export async function issuePlan(
  ctx: Ctx,
  id: number,
  input: { number?: string; date?: string; reason?: string; signerName?: string; signerKey?: number },
) {
  requireActor(ctx);
  const { plan, unit } = await mustReadPlan(ctx, id);
  authorizeApprove(ctx, unit);
  checkTransition('issue', plan.status);
  const loaded = await store.loadDraft(ctx.db, plan);
  const issued = issueNumber(input);
  const identity = await documentIdentityOf(ctx.db, unit);
  const symbol = loaded.draft.document.symbol ?? `KH-${identity.abbreviation}`;
  const taken = await store.issuedNumberHolder(ctx.db, {
    unitId: unit.id,
    number: issued.number,
    symbol,
    year: issued.year,
    exceptId: id,
  });
  // 409 like the unique index's answer to a request that races past this check (src/db/unique-constraints.ts).
  if (taken) {
    throw new AppError(
      'plan.number_taken',
      409,
      `Số ${issued.number}/${symbol} năm ${issued.year} đã được dùng cho một văn bản khác của đơn vị.`,
      [{ path: 'number', message: 'Số này đã được dùng trong năm: nhập số khác.' }],
    );
  }
  // A signer picked among the unit's (its default when none is picked nor typed); a name typed keeps the draft's lines.
  const fromSettings = input.signerKey !== undefined || (!input.signerName && identity.settings.signers.length > 0);
  const block = fromSettings ? chosenBlock(identity.settings, unit, 'named', input.signerKey, null) : null;
  const draft = signedByUnit(
    issuedDraft(loaded.draft, { ...issued, symbol }, block ? undefined : input.signerName),
    block,
    identity.settings.draftingDivision,
  );
  const stored = await computeFindings(ctx.db, { ...plan, status: 'issued' }, unit, draft);
  checkIssuable(stored.findings);
  const patch: Updateable<PlanTable> = {
    updated_at: new Date(),
    ...store.planValues(unit.id, draft),
    issued_at: new Date(),
    published: true,
  };
  return ctx.db.transaction().execute(async (tx) => {
    // Guard against a concurrent transition: only move from the state we read.
    const moved = await store.movePlanStatus(tx, id, plan.status, { ...patch, status: 'issued' });
    if (!moved) throw conflict('plan.changed', 'Kế hoạch vừa được người khác thay đổi. Hãy tải lại trang.');
    await store.saveFindings(tx, id, stored);
    const row = { ...plan, ...patch, status: 'issued' } as store.PlanRow;
    await keepIssuedVersion(tx, ctx, row, draft, stored.findings);
    await createAssignmentsForPlan(tx, plan.id, plan.amends_plan_id);
    await ensureRegimeForPlan(tx, plan.id);
    if (plan.amends_plan_id) await replaceAmendedPlan(tx, row, plan.amends_plan_id);
    await recordAudit(tx, ctx, {
      action: 'plan.issue',
      entityType: 'plan',
      entityId: id,
      unitId: unit.id,
      before: { status: plan.status },
      after: {
        status: 'issued',
        ...(input.reason ? { reason: input.reason } : {}),
        number: input.number,
        date: input.date,
        signer: draft.document.signer,
      },
    });
    return { id, status: 'issued' as const };
  });
}

/** The issued text as a version of the plan, and the plan searchable by everyone. */
async function keepIssuedVersion(
  tx: Tx,
  ctx: Ctx,
  plan: store.PlanRow,
  draft: PlanDraft,
  findings: Finding[],
): Promise<void> {
  await store.insertPlanVersion(tx, {
    planId: plan.id,
    version: plan.version,
    status: 'issued',
    draft,
    findings,
    createdBy: ctx.actor?.userId ?? null,
    note: plan.amends_plan_id ? 'Sửa đổi, bổ sung' : 'Ban hành',
  });
  await store.reindexPlan(tx, { ...plan, published: true }, draft.tasks);
}

/** The amended plan is retired; its child plans now implement the amendment and compare with it. */
async function replaceAmendedPlan(tx: Tx, plan: store.PlanRow, amendedId: number): Promise<void> {
  const old = await store.getPlan(tx, amendedId);
  if (!old) return;
  await store.updatePlanRow(tx, old.id, { status: 'amended', updated_at: new Date() });
  await store.repointChildPlans(tx, old.id, plan.id);
  await noticeChildTasks(tx, old.id, plan.id);
  await refreshChildFindings(tx, plan.id);
}

/** Each child task compares its parent's new state with what it last accepted, and is told what changed. */
async function noticeChildTasks(tx: Tx, oldPlanId: number, newPlanId: number): Promise<void> {
  const oldTasks = await store.getTasks(tx, oldPlanId);
  const newTasks = new Map((await store.getTasks(tx, newPlanId)).map((t) => [t.number, t]));
  const at = new Date().toISOString();
  for (const ot of oldTasks) {
    const nt = newTasks.get(ot.number);
    const children = await store.tasksImplementing(tx, ot.id);
    if (!children.length) continue;
    if (!nt) {
      // The parent task was removed: children keep their text and are told so.
      for (const c of children) {
        const removed = { at, parentTaskId: ot.id, removed: true, changes: [], snapshot: c.parent_snapshot };
        await store.updateTask(tx, c.id, { parent_change: JSON.stringify(removed) });
      }
      continue;
    }
    const snapshot = snapshotOf(store.taskFromRow(nt, null, null));
    for (const c of children) {
      const changes = c.parent_snapshot ? diffSnapshots(c.parent_snapshot as TaskSnapshot, snapshot) : [];
      await store.updateTask(tx, c.id, {
        parent_task_id: nt.id,
        parent_change: changes.length
          ? JSON.stringify({ at, parentTaskId: nt.id, changes, snapshot } satisfies ParentChange)
          : null,
      });
    }
  }
}
