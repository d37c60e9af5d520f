// Assignments created when a plan is issued (called by the plans module inside its issuing transaction).
import type { UnitRef } from '../../../domain/plan/model.ts';
import { assignmentsForTask } from '../../../domain/tracking/assignment.ts';
import type { Tx } from '../../context.ts';
import { notify } from '../../notifications/index.ts';
import { getUnitsByIds } from '../../org/index.ts';
import * as store from '../store.ts';
import { planName } from './shared.ts';

/**
 * Creates one assignment per task and resolved unit of an issued plan. For an amendment, the assignments of the
 * amended plan move to the new plan's task with the same number when the unit is still named there, with their
 * updates, deliverables, evidence and obstacles; units no longer named keep theirs on the amended plan (history);
 * units newly named get new assignments. Units are told by a notification.
 */
export async function createAssignmentsForPlan(
  tx: Tx,
  planId: number,
  amendsPlanId?: number | null,
): Promise<{ created: number; moved: number }> {
  const plan = await store.getPlanHeading(tx, planId);
  if (!plan) return { created: 0, moved: 0 };
  const tasks = await store.listTasksToAssign(tx, planId);
  const wanted = tasks.flatMap((t) =>
    assignmentsForTask({ lead: t.lead as UnitRef[], coordinators: t.coordinators as UnitRef[] }).map((p) => ({
      taskId: t.id,
      taskNumber: t.number,
      ...p,
    })),
  );
  // Only units that exist in the register (a draft may carry a stale id).
  const known = new Set((await getUnitsByIds(tx, [...new Set(wanted.map((w) => w.unitId))])).map((u) => u.id));
  const pairs = wanted.filter((w) => known.has(w.unitId));
  const moved = amendsPlanId ? await moveFromAmendedPlan(tx, planId, amendsPlanId, tasks, pairs) : 0;

  const created = await store.insertAssignments(
    tx,
    pairs.map((p) => ({ ...p, planId })),
  );
  const perUnit = new Map<number, number>();
  for (const c of created) perUnit.set(c.unit_id, (perUnit.get(c.unit_id) ?? 0) + 1);
  await notify(
    tx,
    [...perUnit].map(([unitId, n]) => ({
      unitId,
      kind: 'assignment.created',
      title: `${planName(plan)} giao ${n} nhiệm vụ cho đơn vị`,
      body: `Đơn vị được giao chủ trì hoặc phối hợp thực hiện ${n} nhiệm vụ của ${planName(plan)} (${plan.title}). Cập nhật tiến độ trong danh sách nhiệm vụ.`,
      link: `/assignments?planId=${plan.id}&unitId=${unitId}`,
    })),
  );
  return { created: created.length, moved };
}

type Pair = { taskId: number; unitId: number; role: 'lead' | 'coordinator' };

/** Moves the amended plan's assignments whose task number and unit the new plan still names; returns how many. */
async function moveFromAmendedPlan(
  tx: Tx,
  planId: number,
  amendsPlanId: number,
  tasks: ReadonlyArray<{ id: number; number: string }>,
  pairs: readonly Pair[],
): Promise<number> {
  const key = (taskId: number, unitId: number) => `${taskId}:${unitId}`;
  const byKey = new Map(pairs.map((p) => [key(p.taskId, p.unitId), p]));
  const newTaskByNumber = new Map(tasks.map((t) => [t.number, t.id]));
  let moved = 0;
  for (const a of await store.listAssignmentsOfPlan(tx, amendsPlanId)) {
    const newTaskId = newTaskByNumber.get(a.number);
    const pair = newTaskId === undefined ? undefined : byKey.get(key(newTaskId, a.unit_id));
    if (!pair || newTaskId === undefined) continue;
    if (await store.hasAssignment(tx, newTaskId, a.unit_id)) continue;
    await store.moveAssignment(tx, a.id, { taskId: newTaskId, planId, role: pair.role });
    moved++;
  }
  return moved;
}
