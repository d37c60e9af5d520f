// One assignment as its page shows it: task, plan, every update with its deliverables and evidence, its obstacles.
import { can } from '../../../domain/permissions.ts';
import type { UnitRef } from '../../../domain/plan/model.ts';
import { todayInVietnam } from '../../../domain/tracking/assignment.ts';
import { ASSIGNMENT_ROLE_LABEL, DELIVERABLE_KIND_LABEL, TASK_STATUS_LABEL } from '../../../domain/tracking/model.ts';
import { loadCalendar } from '../../calendar/index.ts';
import type { Ctx } from '../../context.ts';
import * as store from '../store.ts';
import { obstacleView } from './obstacles.ts';
import { currentPeriodYear, mustAssignment, statusOf } from './shared.ts';

/** One assignment: its task and plan, every update with its deliverables and evidence (metadata), its obstacles. */
export async function getAssignmentDetail(ctx: Ctx, id: number, year?: number) {
  const a = await mustAssignment(ctx, id);
  const today = todayInVietnam();
  const y = year ?? currentPeriodYear(today);
  const [updates, deliverables, obstacles, cal] = [
    await store.updatesOf(ctx.db, [a.id]),
    await store.deliverablesOf(ctx.db, a.id),
    await store.obstaclesOfAssignment(ctx.db, a.id),
    await loadCalendar(ctx.db),
  ];
  const evidence = await store.evidenceOf(
    ctx.db,
    updates.map((u) => u.id),
  );
  const { dueDate, progress, status } = statusOf(a, updates, y, cal, today);
  const names = (refs: UnitRef[]) => refs.map((r) => r.unitName ?? r.text);
  return {
    assignment: {
      id: a.id,
      role: a.role,
      roleLabel: ASSIGNMENT_ROLE_LABEL[a.role],
      unit: { id: a.unit_id, name: a.unit_name, code: a.unit_code },
      year: y,
      today,
      dueDate,
      status,
      statusLabel: TASK_STATUS_LABEL[status],
      percent: progress.percent,
      completedOn: progress.completedOn,
      current: { percent: a.percent, completedOn: a.completed_on },
      lastUpdateAt: a.last_update_at?.toISOString() ?? null,
    },
    task: {
      id: a.task_id,
      number: a.task_number,
      title: a.task_title,
      content: a.task_content,
      timeframe: a.timeframe_text,
      schedule: a.schedule,
      lead: names(a.task_lead),
      coordinators: names(a.task_coordinators),
      deliverables: a.task_deliverables,
    },
    plan: {
      id: a.plan_id,
      title: a.plan_title,
      number: a.plan_number,
      symbol: a.plan_symbol,
      issuedDate: a.plan_issued_date,
      status: a.plan_status,
      unit: { id: a.plan_unit_id, name: a.plan_unit_name },
    },
    updates: updateViews(updates, deliverables, evidence),
    obstacles: obstacles.map((o) => obstacleView(o, ctx.actor)),
    can: { update: a.plan_status === 'issued' && can(ctx.actor, 'edit', { unitPath: a.unit_path }) },
  };
}

/** The assignment's updates, newest first, each with its deliverables and its evidence (metadata and link). */
function updateViews(
  updates: Awaited<ReturnType<typeof store.updatesOf>>,
  deliverables: Awaited<ReturnType<typeof store.deliverablesOf>>,
  evidence: Awaited<ReturnType<typeof store.evidenceOf>>,
) {
  return updates
    .slice()
    .reverse()
    .map((u) => ({
      id: u.id,
      occurredOn: u.occurredOn,
      percent: u.percent,
      completed: u.completed,
      narrative: u.narrative,
      author: u.authorId ? { id: u.authorId, name: u.authorName } : null,
      createdAt: u.createdAt.toISOString(),
      deliverables: deliverables
        .filter((d) => d.update_id === u.id)
        .map((d) => ({
          id: d.id,
          kind: d.kind,
          kindLabel: DELIVERABLE_KIND_LABEL[d.kind],
          title: d.title,
          occurredOn: d.occurred_on,
          participants: d.participants,
          documentNumber: d.document_number,
          link: d.link,
          datasetId: d.dataset_id,
        })),
      evidence: evidence
        .filter((e) => e.update_id === u.id)
        .map((e) => ({
          id: e.id,
          filename: e.filename,
          mime: e.mime,
          size: e.size,
          sha256: e.sha256,
          url: `/api/evidence/${e.id}`,
        })),
    }));
}
