// Obstacles (khó khăn, vướng mắc; đề xuất, kiến nghị) as the two sides see them, and the receiving unit's answer.
import { conflict, invalid } from '../../../domain/errors.ts';
import { can } from '../../../domain/permissions.ts';
import { normalizeText, shorten } from '../../../domain/text.ts';
import { OBSTACLE_KIND_LABEL, OBSTACLE_STATUS_LABEL } from '../../../domain/tracking/model.ts';
import type { ObstacleListQuery } from '../../../contracts/tracking.ts';
import { recordAudit } from '../../audit/index.ts';
import { authorize, mustRead, requireActor, type Ctx } from '../../context.ts';
import { notify } from '../../notifications/index.ts';
import * as store from '../store.ts';
import { getUnit } from '../../org/index.ts';
import { mustReadPlan } from '../../plans/access.ts';

export function obstacleView(o: store.ObstacleRow, actor: Ctx['actor']) {
  return {
    id: o.id,
    kind: o.kind,
    kindLabel: OBSTACLE_KIND_LABEL[o.kind],
    content: o.content,
    status: o.status,
    statusLabel: OBSTACLE_STATUS_LABEL[o.status],
    raisedOn: o.raised_on,
    raisedBy: o.raised_by_name,
    createdAt: o.created_at.toISOString(),
    unit: { id: o.unit_id, name: o.unit_name },
    toUnit: { id: o.to_unit_id, name: o.to_unit_name },
    assignmentId: o.assignment_id,
    task: o.task_id ? { id: o.task_id, number: o.task_number, title: o.task_title } : null,
    plan: o.plan_id ? { id: o.plan_id, title: o.plan_title, number: o.plan_number, symbol: o.plan_symbol } : null,
    answer: o.answer,
    answeredAt: o.answered_at?.toISOString() ?? null,
    answeredBy: o.answered_by_name,
    can: { answer: o.status !== 'closed' && can(actor, 'follow', { unitPath: o.to_unit_path }) },
  };
}

export type { ObstacleListQuery };

/**
 * inbox: obstacles sent to my unit, to a unit my unit is the focal unit for, or to the focal unit of my unit (a ward's
 * leaders see what reached their Phòng VH-XH); a system administrator sees them all.
 * outbox: obstacles raised by my unit or a unit below it.
 */
export async function listObstaclesFor(ctx: Ctx, q: ObstacleListQuery) {
  const actor = requireActor(ctx);
  const sysadmin = actor.roles.includes('sysadmin');
  // A plan or unit named in the filter that the reader may not read does not exist for them (404, like any id).
  if (q.planId) await mustReadPlan(ctx, q.planId, 'kế hoạch', 'planId');
  if (q.unitId) {
    const unit = await getUnit(ctx.db, q.unitId);
    mustRead(ctx, 'đơn vị', unit, (u) => ({ unitPath: u.path }), 'unitId');
  }
  const narrow = { status: q.status, unitId: q.unitId, planId: q.planId, kind: q.kind, q: q.q };
  let filter: store.ObstacleFilter;
  if (q.box === 'inbox') {
    const mine = [actor.unitId, ...actor.focalForIds];
    const focal = await store.focalUnitsFor(ctx.db, mine);
    filter = {
      toUnitIds: sysadmin ? 'all' : [...new Set([...mine, ...focal.values()])],
      ...narrow,
      limit: q.limit,
      offset: q.offset,
    };
  } else {
    filter = { fromRoots: sysadmin ? 'all' : [actor.unitId], ...narrow, limit: q.limit, offset: q.offset };
  }
  const { rows, total } = await store.listObstacles(ctx.db, filter);
  return { box: q.box, total, items: rows.map((o) => obstacleView(o, ctx.actor)) };
}

/**
 * The receiving unit answers (or amends its answer), a follow-up act (`follow`: the focal unit answers what reached
 * the units it follows); the raising unit is notified. Readable by the raising and the receiving side.
 */
export async function answerObstacle(ctx: Ctx, id: number, answerText: string) {
  const actor = requireActor(ctx);
  const o = mustRead(ctx, 'khó khăn, đề xuất', await store.getObstacle(ctx.db, id), (x) => [
    { unitPath: x.unit_path },
    { unitPath: x.to_unit_path },
  ]);
  authorize(ctx, 'follow', { unitPath: o.to_unit_path });
  if (o.status === 'closed') throw conflict('obstacle.closed', 'Khó khăn, đề xuất này đã đóng.');
  const answer = answerText.normalize('NFC').trim();
  if (normalizeText(answer).length < 5)
    throw invalid('obstacle.answer_required', 'Nội dung trả lời cần ít nhất 5 ký tự.', [
      { path: 'answer', message: 'Nhập nội dung trả lời.' },
    ]);
  return ctx.db.transaction().execute(async (tx) => {
    await store.setObstacleAnswer(tx, id, answer, actor.userId);
    await notify(tx, {
      unitId: o.unit_id,
      kind: 'obstacle.answered',
      title: `${o.to_unit_name} đã trả lời ${OBSTACLE_KIND_LABEL[o.kind].toLowerCase()} của đơn vị`,
      body: `${o.task_number ? `Nhiệm vụ ${o.task_number}: ` : ''}${shorten(answer, 300)}`,
      link: `/obstacles?box=outbox#${id}`,
    });
    await recordAudit(tx, ctx, {
      action: 'obstacle.answer',
      entityType: 'obstacle',
      entityId: id,
      unitId: o.to_unit_id,
      before: { status: o.status, answer: o.answer },
      after: { status: 'answered', answer: answer.slice(0, 2000) },
    });
    return { id, status: 'answered' as const, answer };
  });
}
