// One plan as its page shows it: the document, its tasks, its parent and children, its versions, and what the
// reader may do with it.
import { can, type Actor } from '../../../domain/permissions.ts';
import type { FieldChange, TaskSnapshot } from '../../../domain/plan/cascade.ts';
import { issuerName } from '../../../domain/plan/issuer.ts';
import { PLAN_STATUS_LABEL, type PlanStatus } from '../../../domain/plan/model.ts';
import type { Ctx } from '../../context.ts';
import type { UnitRow } from '../../org/index.ts';
import { mustRead } from '../../context.ts';
import { planTarget } from '../access.ts';
import { storedFindings } from '../findings.ts';
import * as store from '../store/index.ts';

/** What changed in the parent task since the commune last accepted it (stored on the commune's task). */
export interface ParentChange {
  at: string;
  parentTaskId: number;
  changes: FieldChange[];
  snapshot: TaskSnapshot;
}

export async function getPlanDetail(ctx: Ctx, id: number) {
  // One statement reads the page (store/page.ts); what the reader may see of it is decided here, as for every plan.
  const page = await store.getPlanPage(ctx.db, id);
  const { plan, unit, tasks, amendedBy, versions, children, ...read } = mustRead(ctx, 'kế hoạch', page, (r) =>
    planTarget(r.plan, r.unit),
  );
  const draft = store.draftFromRows(plan, tasks);
  // The parent plan as the reader sees it: one they may not read is no parent at all (access.ts, readableParent).
  const parent =
    read.parent && can(ctx.actor, 'read', planTarget(read.parent, { path: read.parent.unit_path }))
      ? read.parent
      : undefined;
  const actor = ctx.actor;
  const visibleChildren = children.filter((c) => can(actor, 'read', { unitPath: c.path }));
  // Readers from outside the plan's unit (the public, other branches) read it only because it is published: they get
  // the document, not the unit's working notes (review findings, why it was returned, the uploaded file's name,
  // version notes, pending notices from the parent plan).
  const insider = can(actor, 'read', { unitPath: unit.path });
  return {
    plan: {
      id: plan.id,
      status: plan.status as PlanStatus,
      statusLabel: PLAN_STATUS_LABEL[plan.status as PlanStatus],
      version: plan.version,
      unitId: unit.id,
      unitName: unit.name,
      unitCode: unit.code,
      unitKind: unit.kind,
      issuerName: issuerName(unit),
      parentPlanId: plan.parent_plan_id,
      amendsPlanId: plan.amends_plan_id,
      amendedBy: amendedBy ? { id: amendedBy.id, status: amendedBy.status as PlanStatus } : null,
      published: plan.published,
      number: plan.number,
      symbol: plan.symbol,
      issuedDate: plan.issued_date,
      year: plan.year,
      title: plan.title,
      sourceName: insider ? plan.source_name : null,
      returnReason: insider ? plan.return_reason : null,
      updatedAt: plan.updated_at.toISOString(),
    },
    draft: { ...draft, findings: insider ? storedFindings(plan) : [] },
    taskIds: tasks.map((t) => ({
      id: t.id,
      number: t.number,
      parentChange: insider ? (t.parent_change as ParentChange | null) : null,
    })),
    parent: parent
      ? {
          id: parent.id,
          title: parent.title,
          number: parent.number,
          symbol: parent.symbol,
          issuedDate: parent.issued_date,
        }
      : null,
    children: {
      total: children.length,
      visible: visibleChildren.map((c) => ({
        id: c.id,
        status: c.status as PlanStatus,
        unitId: c.unit_id,
        unitName: c.unit_name,
      })),
    },
    versions: versions.map((v) => ({ ...v, note: insider ? v.note : null, created_at: v.created_at.toISOString() })),
    can: planActions(actor, plan.status, unit, insider),
  };
}

/** What the reader may do with the plan in its status (the page shows a button for each). */
function planActions(actor: Actor | null, status: string, unit: UnitRow, insider: boolean) {
  const target = { unitPath: unit.path };
  return {
    /** Sees the review findings and working notes (see `insider` above). */
    review: insider,
    edit: status === 'draft' && can(actor, 'edit', target),
    submit: status === 'draft' && can(actor, 'edit', target),
    approve: status === 'submitted' && can(actor, 'approve', target),
    return: (status === 'submitted' || status === 'approved') && can(actor, 'approve', target),
    issue: status === 'approved' && can(actor, 'approve', target),
    amend: status === 'issued' && can(actor, 'edit', target),
    cascade: status === 'issued' && unit.kind === 'province' && can(actor, 'edit', target),
  };
}
