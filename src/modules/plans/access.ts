// Which plans a caller may reach: every plan named in a request (path, parent, a plan in a regime or a filter)
// goes through here, so a plan one may not read answers exactly like one that does not exist (context.mustRead).
import { can } from '../../domain/permissions.ts';
import { authorize, mustRead, type Ctx } from '../context.ts';
import { getUnit, type UnitRow } from '../org/index.ts';
import * as store from './store/index.ts';

/** Readable inside the issuing unit's scope, and by everyone once published. */
export function planTarget(plan: Pick<store.PlanRow, 'published'>, unit: Pick<UnitRow, 'path'>) {
  return { unitPath: unit.path, published: plan.published };
}

/** A plan the caller may read, with its unit; `what` and `field` name it in the 404 ("kế hoạch cấp trên", parentPlanId). */
export async function mustReadPlan(ctx: Ctx, id: number, what = 'kế hoạch', field?: string) {
  const plan = await store.getPlan(ctx.db, id);
  const unit = plan ? await getUnit(ctx.db, plan.unit_id) : undefined;
  return mustRead(ctx, what, plan && unit ? { plan, unit } : undefined, (r) => planTarget(r.plan, r.unit), field);
}

/** The parent plan as the caller sees it: one they may not read is no parent at all. */
export async function readableParent(ctx: Ctx, plan: store.PlanRow): Promise<store.PlanRow | undefined> {
  if (!plan.parent_plan_id) return undefined;
  const parent = await store.getPlan(ctx.db, plan.parent_plan_id);
  const unit = parent ? await getUnit(ctx.db, parent.unit_id) : undefined;
  return parent && unit && can(ctx.actor, 'read', planTarget(parent, unit)) ? parent : undefined;
}

/**
 * Approving and issuing are acts of the issuing unit's own leaders (a province plan is approved by the
 * province's leaders, not by the focal Sở), so `approve` is checked on the unit without focal widening.
 */
export function authorizeApprove(ctx: Ctx, unit: UnitRow): void {
  authorize(ctx, 'approve', { unitPath: unit.path });
}
