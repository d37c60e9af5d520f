// The plans list: those the caller may read (published ones, and their units' own), filtered, searched, paged.
import { scopeRoots } from '../../../domain/permissions.ts';
import { PLAN_STATUS_LABEL, type PlanStatus } from '../../../domain/plan/model.ts';
import type { Ctx } from '../../context.ts';
import { searchEntities } from '../../search/index.ts';
import { mustReadPlan } from '../access.ts';
import * as store from '../store/index.ts';

export interface PlanListQuery {
  unitId?: number;
  status?: string;
  year?: number;
  q?: string;
  parentPlanId?: number;
  limit: number;
  offset: number;
}

export async function listPlansFor(ctx: Ctx, f: PlanListQuery) {
  if (f.parentPlanId) await mustReadPlan(ctx, f.parentPlanId, 'kế hoạch cấp trên', 'parentPlanId');
  const roots = ctx.actor ? scopeRoots(ctx.actor, 'read') : [];
  let ids: number[] | undefined;
  if (f.q) {
    const hits = await searchEntities(ctx.db, 'plan', f.q, { limit: 200, unitRoots: roots });
    ids = hits.map((h) => h.entityId);
  }
  const { rows, total } = await store.listPlans(ctx.db, {
    scopeRoots: roots,
    unitId: f.unitId,
    status: f.status,
    year: f.year,
    ids,
    parentPlanId: f.parentPlanId,
    // The reader's own plans first (the province's staff find the province plan above its 166 communes' plans).
    ownUnitIds: ctx.actor ? [ctx.actor.unitId, ...ctx.actor.focalForIds] : [],
    byUnitName: f.parentPlanId !== undefined,
    limit: f.limit,
    offset: f.offset,
  });
  // Search hits come in order of relevance, which the page keeps.
  const order = ids ? new Map(ids.map((id, i) => [id, i])) : null;
  if (order) rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      unitKind: r.unit_kind,
      parentPlanId: r.parent_plan_id,
      status: r.status as PlanStatus,
      statusLabel: PLAN_STATUS_LABEL[r.status as PlanStatus],
      version: r.version,
      number: r.number,
      symbol: r.symbol,
      issuedDate: r.issued_date,
      year: r.year,
      title: r.title,
      published: r.published,
      taskCount: Number(r.task_count ?? 0),
      childCount: Number(r.child_count ?? 0),
      updatedAt: r.updated_at.toISOString(),
    })),
  };
}
