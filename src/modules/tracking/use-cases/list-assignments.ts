// The work list: assignments with their due date in the yearly period and the status computed from dates.
import { notFound } from '../../../domain/errors.ts';
import { scopeRoots } from '../../../domain/permissions.ts';
import { concernsYear, todayInVietnam } from '../../../domain/tracking/assignment.ts';
import {
  ASSIGNMENT_ROLE_LABEL,
  TASK_STATUS_LABEL,
  TASK_STATUSES,
  type TaskStatus,
} from '../../../domain/tracking/model.ts';
import { loadCalendar } from '../../calendar/index.ts';
import { authorize, requireActor, type Ctx } from '../../context.ts';
import { getUnit } from '../../org/index.ts';
// Not through plans' entry: issuing a plan creates its assignments here, so plans' entry loads tracking's, and this
// import would close an import cycle (plans → tracking → plans). Goes with the issue-plan workflow (issue 14, item 3).
import { mustReadPlan } from '../../plans/access.ts';
import type { AssignmentListQuery } from '../../../contracts/tracking.ts';
import * as store from '../store.ts';
import { currentPeriodYear, startedOn, statusOf } from './shared.ts';

export type { AssignmentListQuery };

/**
 * A unit's work list (with its subunits), or everything the actor may read: each assignment with its due date in
 * the yearly period, the status computed from dates, the percent and the last update. Plans in force only, unless
 * a plan is named.
 */
export async function listAssignmentsFor(ctx: Ctx, q: AssignmentListQuery) {
  const actor = requireActor(ctx);
  if (q.planId) await mustReadPlan(ctx, q.planId, 'kế hoạch', 'planId');
  if (q.unitId) {
    const unit = await getUnit(ctx.db, q.unitId);
    if (!unit) throw notFound('đơn vị');
    authorize(ctx, 'read', { unitPath: unit.path });
  }
  const today = todayInVietnam();
  const year = q.year ?? currentPeriodYear(today);
  const roots = q.unitId ? 'all' : scopeRoots(actor, 'read');
  const rows = await store.listAssignments(ctx.db, { scopeRoots: roots, unitId: q.unitId, planId: q.planId });
  const byAssignment = Map.groupBy(
    await store.updatesOf(
      ctx.db,
      rows.map((r) => r.id),
      300,
    ),
    (u) => u.assignmentId,
  );
  const cal = await loadCalendar(ctx.db);
  const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  const items = [];
  for (const a of rows) {
    const ups = byAssignment.get(a.id) ?? [];
    const { dueDate, progress, status } = statusOf(a, ups, year, cal, today);
    if (!concernsYear({ dueDate, schedule: a.schedule, completedOn: progress.completedOn, year, since: startedOn(a) }))
      continue;
    counts[status]++;
    if (q.status && status !== q.status) continue;
    items.push(listItem(a, ups, { dueDate, status, percent: progress.percent, completedOn: progress.completedOn }));
  }
  // Soonest due first (a stable sort keeps plan, task and unit order among equals).
  items.sort((x, y) => (x.dueDate ?? '9999').localeCompare(y.dueDate ?? '9999'));
  return { year, today, total: items.length, counts, items: items.slice(q.offset, q.offset + q.limit) };
}

interface ItemStatus {
  dueDate: string | null;
  status: TaskStatus;
  percent: number;
  completedOn: string | null;
}

function listItem(a: store.AssignmentRow, ups: readonly store.UpdateRow[], s: ItemStatus) {
  const last = ups[ups.length - 1];
  return {
    id: a.id,
    role: a.role,
    roleLabel: ASSIGNMENT_ROLE_LABEL[a.role],
    unit: { id: a.unit_id, name: a.unit_name, code: a.unit_code },
    task: { id: a.task_id, number: a.task_number, title: a.task_title, timeframe: a.timeframe_text },
    plan: {
      id: a.plan_id,
      title: a.plan_title,
      number: a.plan_number,
      symbol: a.plan_symbol,
      unitName: a.plan_unit_name,
    },
    dueDate: s.dueDate,
    status: s.status,
    statusLabel: TASK_STATUS_LABEL[s.status],
    percent: s.percent,
    completedOn: s.completedOn,
    lastUpdate: last
      ? {
          id: last.id,
          occurredOn: last.occurredOn,
          percent: last.percent,
          narrative: last.narrative,
          at: last.createdAt.toISOString(),
        }
      : null,
  };
}
