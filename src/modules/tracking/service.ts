// Use cases of execution: assignments created when a plan is issued, progress updates with deliverables, evidence
// and obstacles, the work list with computed statuses, obstacles answered by the focal unit.
import { conflict, invalid, notFound } from '../../domain/errors.ts';
import { can, scopeRoots } from '../../domain/permissions.ts';
import type { UnitRef } from '../../domain/plan/model.ts';
import { parseIsoDate } from '../../domain/calendar/lunar.ts';
import { AI_PLAN_YEARLY_SCHEDULE, periodFor } from '../../domain/reporting/period.ts';
import { formatDateVi, normalizeText } from '../../domain/text.ts';
import {
  assignmentsForTask, assignmentStatus, concernsYear, dueDateFor, progressInYear, progressOf, todayInVietnam,
} from '../../domain/tracking/assignment.ts';
import { obstacleRecipient } from '../../domain/tracking/obstacles.ts';
import {
  ASSIGNMENT_ROLE_LABEL, DELIVERABLE_KIND_LABEL, OBSTACLE_KIND_LABEL, OBSTACLE_STATUS_LABEL, TASK_STATUS_LABEL, TASK_STATUSES,
  type DeliverableKind, type ObstacleKind, type ObstacleStatus, type TaskStatus,
} from '../../domain/tracking/model.ts';
import { recordAudit } from '../audit/index.ts';
import { loadCalendar } from '../calendar/index.ts';
import { authorize, mustRead, requireActor, type Ctx, type Tx } from '../context.ts';
// Not through plans' entry: issuing a plan creates its assignments here, so plans' entry loads tracking's, and this
// import would close an import cycle (plans → tracking → plans). Goes with the issue-plan workflow (issue 14, item 3).
import { mustReadPlan } from '../plans/access.ts';
import { notify } from '../notifications/index.ts';
import { getUnit } from '../org/index.ts';
import { checkEvidence, type CheckedEvidence, type EvidenceInput } from './evidence.ts';
import { evidenceSetProblem } from '../../domain/tracking/evidence.ts';
import * as store from './store.ts';

/** "Kế hoạch số 129/KH-UBND", or the title for an unnumbered one. */
function planName(p: { number: string | null; symbol: string | null; title: string }): string {
  return p.number && p.symbol ? `Kế hoạch số ${p.number}/${p.symbol}` : `Kế hoạch "${p.title}"`;
}

/** The yearly reporting period today belongs to: from 15/12 on, the next year's. */
export function currentPeriodYear(today = todayInVietnam()): number {
  return periodFor(today, AI_PLAN_YEARLY_SCHEDULE).year;
}

// ---------------------------------------------------------------------------------------------------------------
// Assignments created when a plan is issued

/**
 * Creates one assignment per task and resolved unit of an issued plan (called by the plans service inside the
 * issuing transaction). For an amendment, the assignments of the amended plan move to the new plan's task with the
 * same number when the unit is still named there, with their updates, deliverables, evidence and obstacles; units
 * no longer named keep theirs on the amended plan (history); units newly named get new assignments. Units are told
 * by a notification.
 */
export async function createAssignmentsForPlan(tx: Tx, planId: number, amendsPlanId?: number | null): Promise<{ created: number; moved: number }> {
  const plan = await tx.selectFrom('plan').select(['id', 'unit_id', 'title', 'number', 'symbol']).where('id', '=', planId).executeTakeFirst();
  if (!plan) return { created: 0, moved: 0 };
  const tasks = await tx.selectFrom('plan_task').select(['id', 'number', 'title', 'lead', 'coordinators']).where('plan_id', '=', planId).orderBy('ordinal').execute();
  const wanted = tasks.flatMap((t) => assignmentsForTask({ lead: t.lead as UnitRef[], coordinators: t.coordinators as UnitRef[] })
    .map((p) => ({ taskId: t.id, taskNumber: t.number, ...p })));
  // Only units that exist in the register (a draft may carry a stale id).
  const unitIds = [...new Set(wanted.map((w) => w.unitId))];
  const known = new Set(unitIds.length ? (await tx.selectFrom('unit').select('id').where('id', 'in', unitIds).execute()).map((u) => u.id) : []);
  const pairs = wanted.filter((w) => known.has(w.unitId));
  const key = (taskId: number, unitId: number) => `${taskId}:${unitId}`;
  const byKey = new Map(pairs.map((p) => [key(p.taskId, p.unitId), p]));

  let moved = 0;
  if (amendsPlanId) {
    const newTaskByNumber = new Map(tasks.map((t) => [t.number, t.id]));
    const old = await tx.selectFrom('assignment as a').innerJoin('plan_task as t', 't.id', 'a.task_id')
      .select(['a.id', 'a.unit_id', 'a.role', 't.number']).where('a.plan_id', '=', amendsPlanId).execute();
    for (const a of old) {
      const newTaskId = newTaskByNumber.get(a.number);
      const pair = newTaskId === undefined ? undefined : byKey.get(key(newTaskId, a.unit_id));
      if (!pair || newTaskId === undefined) continue;
      const taken = await tx.selectFrom('assignment').select('id').where('task_id', '=', newTaskId).where('unit_id', '=', a.unit_id).executeTakeFirst();
      if (taken) continue;
      await tx.updateTable('assignment').set({ task_id: newTaskId, plan_id: planId, role: pair.role }).where('id', '=', a.id).execute();
      await tx.updateTable('obstacle').set({ task_id: newTaskId }).where('assignment_id', '=', a.id).execute();
      moved++;
    }
  }

  let created: Array<{ id: number; unit_id: number }> = [];
  if (pairs.length) {
    created = await tx.insertInto('assignment')
      .values(pairs.map((p) => ({ task_id: p.taskId, plan_id: planId, unit_id: p.unitId, role: p.role })))
      .onConflict((oc) => oc.columns(['task_id', 'unit_id']).doNothing())
      .returning(['id', 'unit_id']).execute();
  }
  const perUnit = new Map<number, number>();
  for (const c of created) perUnit.set(c.unit_id, (perUnit.get(c.unit_id) ?? 0) + 1);
  await notify(tx, [...perUnit].map(([unitId, n]) => ({
    unitId, kind: 'assignment.created',
    title: `${planName(plan)} giao ${n} nhiệm vụ cho đơn vị`,
    body: `Đơn vị được giao chủ trì hoặc phối hợp thực hiện ${n} nhiệm vụ của ${planName(plan)} (${plan.title}). Cập nhật tiến độ trong danh sách nhiệm vụ.`,
    link: `/assignments?planId=${plan.id}&unitId=${unitId}`,
  })));
  return { created: created.length, moved };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

/** An assignment is its unit's work record: readable in that unit's scope only (anything else is "not found"). */
async function mustAssignment(ctx: Ctx, id: number): Promise<store.AssignmentRow> {
  requireActor(ctx);
  return mustRead(ctx, 'nhiệm vụ được giao', await store.getAssignment(ctx.db, id), (a) => ({ unitPath: a.unit_path }));
}

function statusOf(a: store.AssignmentRow, updates: store.UpdateRow[], year: number, cal: Awaited<ReturnType<typeof loadCalendar>>, today: string) {
  const dueDate = dueDateFor(a.schedule, year, cal);
  const progress = progressInYear(updates, a.schedule, year);
  const status = assignmentStatus({ dueDate, completedOn: progress.completedOn, today });
  return { dueDate, progress, status };
}

/** The day an assignment began: its plan's issue date, or its creation when earlier (an amendment is issued later). */
function startedOn(a: store.AssignmentRow): string {
  const created = todayInVietnam(a.created_at);
  return a.plan_issued_date && a.plan_issued_date < created ? a.plan_issued_date : created;
}

export interface AssignmentListQuery {
  unitId?: number;
  planId?: number;
  status?: TaskStatus;
  year?: number;
  limit: number;
  offset: number;
}

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
  const rows = await store.listAssignments(ctx.db, { scopeRoots: q.unitId ? 'all' : scopeRoots(actor, 'read'), unitId: q.unitId, planId: q.planId });
  const updates = await store.updatesOf(ctx.db, rows.map((r) => r.id), 300);
  const byAssignment = new Map<number, store.UpdateRow[]>();
  for (const u of updates) {
    const list = byAssignment.get(u.assignmentId) ?? [];
    list.push(u);
    byAssignment.set(u.assignmentId, list);
  }
  const cal = await loadCalendar(ctx.db);
  const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  const items = [];
  for (const a of rows) {
    const ups = byAssignment.get(a.id) ?? [];
    const { dueDate, progress, status } = statusOf(a, ups, year, cal, today);
    if (!concernsYear({ dueDate, schedule: a.schedule, completedOn: progress.completedOn, year, since: startedOn(a) })) continue;
    counts[status]++;
    if (q.status && status !== q.status) continue;
    const last = ups[ups.length - 1];
    items.push({
      id: a.id, role: a.role, roleLabel: ASSIGNMENT_ROLE_LABEL[a.role],
      unit: { id: a.unit_id, name: a.unit_name, code: a.unit_code },
      task: { id: a.task_id, number: a.task_number, title: a.task_title, timeframe: a.timeframe_text },
      plan: { id: a.plan_id, title: a.plan_title, number: a.plan_number, symbol: a.plan_symbol, unitName: a.plan_unit_name },
      dueDate, status, statusLabel: TASK_STATUS_LABEL[status], percent: progress.percent, completedOn: progress.completedOn,
      lastUpdate: last ? { id: last.id, occurredOn: last.occurredOn, percent: last.percent, narrative: last.narrative, at: last.createdAt.toISOString() } : null,
    });
  }
  // Soonest due first (a stable sort keeps plan, task and unit order among equals).
  items.sort((x, y) => (x.dueDate ?? '9999').localeCompare(y.dueDate ?? '9999'));
  return { year, today, total: items.length, counts, items: items.slice(q.offset, q.offset + q.limit) };
}

function obstacleView(o: store.ObstacleRow, actor: Ctx['actor']) {
  return {
    id: o.id, kind: o.kind, kindLabel: OBSTACLE_KIND_LABEL[o.kind], content: o.content, status: o.status, statusLabel: OBSTACLE_STATUS_LABEL[o.status],
    raisedOn: o.raised_on, raisedBy: o.raised_by_name, createdAt: o.created_at.toISOString(),
    unit: { id: o.unit_id, name: o.unit_name }, toUnit: { id: o.to_unit_id, name: o.to_unit_name },
    assignmentId: o.assignment_id,
    task: o.task_id ? { id: o.task_id, number: o.task_number, title: o.task_title } : null,
    plan: o.plan_id ? { id: o.plan_id, title: o.plan_title, number: o.plan_number, symbol: o.plan_symbol } : null,
    answer: o.answer, answeredAt: o.answered_at?.toISOString() ?? null, answeredBy: o.answered_by_name,
    can: { answer: o.status !== 'closed' && can(actor, 'follow', { unitPath: o.to_unit_path }) },
  };
}

/** One assignment: its task and plan, every update with its deliverables and evidence (metadata), its obstacles. */
export async function getAssignmentDetail(ctx: Ctx, id: number, year?: number) {
  const a = await mustAssignment(ctx, id);
  const today = todayInVietnam();
  const y = year ?? currentPeriodYear(today);
  const [updates, deliverables, obstacles, cal] = [
    await store.updatesOf(ctx.db, [a.id]), await store.deliverablesOf(ctx.db, a.id), await store.obstaclesOfAssignment(ctx.db, a.id), await loadCalendar(ctx.db),
  ];
  const evidence = await store.evidenceOf(ctx.db, updates.map((u) => u.id));
  const { dueDate, progress, status } = statusOf(a, updates, y, cal, today);
  const names = (refs: UnitRef[]) => refs.map((r) => r.unitName ?? r.text);
  return {
    assignment: {
      id: a.id, role: a.role, roleLabel: ASSIGNMENT_ROLE_LABEL[a.role], unit: { id: a.unit_id, name: a.unit_name, code: a.unit_code },
      year: y, today, dueDate, status, statusLabel: TASK_STATUS_LABEL[status], percent: progress.percent, completedOn: progress.completedOn,
      current: { percent: a.percent, completedOn: a.completed_on }, lastUpdateAt: a.last_update_at?.toISOString() ?? null,
    },
    task: {
      id: a.task_id, number: a.task_number, title: a.task_title, content: a.task_content, timeframe: a.timeframe_text, schedule: a.schedule,
      lead: names(a.task_lead), coordinators: names(a.task_coordinators), deliverables: a.task_deliverables,
    },
    plan: {
      id: a.plan_id, title: a.plan_title, number: a.plan_number, symbol: a.plan_symbol, issuedDate: a.plan_issued_date, status: a.plan_status,
      unit: { id: a.plan_unit_id, name: a.plan_unit_name },
    },
    updates: updates.slice().reverse().map((u) => ({
      id: u.id, occurredOn: u.occurredOn, percent: u.percent, completed: u.completed, narrative: u.narrative,
      author: u.authorId ? { id: u.authorId, name: u.authorName } : null, createdAt: u.createdAt.toISOString(),
      deliverables: deliverables.filter((d) => d.update_id === u.id).map((d) => ({
        id: d.id, kind: d.kind, kindLabel: DELIVERABLE_KIND_LABEL[d.kind], title: d.title, occurredOn: d.occurred_on,
        participants: d.participants, documentNumber: d.document_number, link: d.link,
      })),
      evidence: evidence.filter((e) => e.update_id === u.id).map((e) => ({
        id: e.id, filename: e.filename, mime: e.mime, size: e.size, sha256: e.sha256, url: `/api/evidence/${e.id}`,
      })),
    })),
    obstacles: obstacles.map((o) => obstacleView(o, ctx.actor)),
    can: { update: a.plan_status === 'issued' && can(ctx.actor, 'edit', { unitPath: a.unit_path }) },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Progress updates

export interface DeliverableInput {
  kind: DeliverableKind;
  title: string;
  occurredOn: string;
  participants?: number | null;
  documentNumber?: string | null;
  link?: string | null;
}

export interface UpdateInput {
  percent: number;
  narrative: string;
  completed: boolean;
  occurredOn: string;
  deliverables: DeliverableInput[];
  evidence: EvidenceInput[];
  obstacles: Array<{ kind: ObstacleKind; content: string }>;
}

function checkDate(value: string, path: string, today: string, what: string): string {
  try {
    parseIsoDate(value);
  } catch {
    throw invalid('tracking.date_invalid', `${what} không hợp lệ.`, [{ path, message: 'Ngày phải theo dạng YYYY-MM-DD và có thật.' }]);
  }
  if (value > today) {
    throw invalid('tracking.date_in_future', `${what} (${formatDateVi(value)}) không được sau ngày hôm nay (${formatDateVi(today)}).`, [{ path, message: 'Chỉ ghi nhận việc đã diễn ra.' }]);
  }
  if (value < '2000-01-01') throw invalid('tracking.date_invalid', `${what} không hợp lệ.`, [{ path, message: 'Ngày quá xa trong quá khứ.' }]);
  return value;
}

/** Where the obstacles of an assignment go: the focal unit of the level that issued its plan (domain/tracking/obstacles.ts). */
async function recipientFor(ctx: Ctx | { db: Tx }, a: store.AssignmentRow): Promise<number> {
  const focal = await store.focalUnitsFor(ctx.db, a.plan_unit_path);
  return obstacleRecipient({ raisingUnitId: a.unit_id, issuerPath: a.plan_unit_path, focalOf: (id) => focal.get(id) ?? null });
}

/**
 * Records progress on an assignment in one transaction: the update, what it produced (deliverables), its evidence
 * files (checked by their bytes), the obstacles raised (to the focal unit, with a notification), the assignment's
 * current percent and completion, and the audit record.
 */
export async function addProgressUpdate(ctx: Ctx, assignmentId: number, input: UpdateInput) {
  const actor = requireActor(ctx);
  const a = await mustAssignment(ctx, assignmentId);
  authorize(ctx, 'edit', { unitPath: a.unit_path });
  if (a.plan_status !== 'issued') {
    throw conflict('assignment.plan_not_in_force', 'Kế hoạch của nhiệm vụ này không còn hiệu lực (đã được sửa đổi hoặc thay thế): hãy cập nhật tiến độ trên kế hoạch đang có hiệu lực.');
  }
  const today = todayInVietnam();
  const occurredOn = checkDate(input.occurredOn, 'occurredOn', today, 'Ngày cập nhật');
  const deliverables = input.deliverables.map((d, i) => {
    const title = normalizeText(d.title);
    if (!title) throw invalid('tracking.deliverable_title', `Sản phẩm thứ ${i + 1} chưa có tên.`, [{ path: `deliverables.${i}.title`, message: 'Nhập tên sản phẩm.' }]);
    return {
      kind: d.kind, title, occurredOn: checkDate(d.occurredOn, `deliverables.${i}.occurredOn`, today, `Ngày của sản phẩm "${title.slice(0, 80)}"`),
      participants: d.participants ?? null, documentNumber: d.documentNumber ? normalizeText(d.documentNumber) || null : null, link: d.link ?? null,
    };
  });
  const obstacles = input.obstacles.map((o, i) => {
    const content = normalizeText(o.content);
    if (content.length < 5) throw invalid('tracking.obstacle_content', 'Nội dung khó khăn, đề xuất cần ít nhất 5 ký tự.', [{ path: `obstacles.${i}.content`, message: 'Nêu rõ khó khăn hoặc đề xuất.' }]);
    return { kind: o.kind, content };
  });
  const files: CheckedEvidence[] = [];
  for (const [i, f] of input.evidence.entries()) files.push(await checkEvidence(f, i));
  const setProblem = evidenceSetProblem(files.map((f) => f.size));
  if (setProblem) throw invalid('evidence.total_too_large', setProblem, [{ path: 'evidence', message: setProblem }]);
  const narrative = input.narrative.normalize('NFC').trim();
  const percent = input.completed ? 100 : input.percent;
  const toUnitId = obstacles.length ? await recipientFor(ctx, a) : null;

  return ctx.db.transaction().execute(async (tx) => {
    const update = await tx.insertInto('progress_update').values({
      assignment_id: a.id, unit_id: a.unit_id, author_id: actor.userId, percent, narrative, completed: input.completed, occurred_on: occurredOn,
    }).returning('id').executeTakeFirstOrThrow();
    if (deliverables.length) {
      await tx.insertInto('deliverable_record').values(deliverables.map((d) => ({
        update_id: update.id, assignment_id: a.id, unit_id: a.unit_id, kind: d.kind, title: d.title, occurred_on: d.occurredOn,
        participants: d.participants, document_number: d.documentNumber, link: d.link,
      }))).execute();
    }
    const evidence = [];
    for (const f of files) {
      const row = await tx.insertInto('evidence_file').values({
        update_id: update.id, unit_id: a.unit_id, filename: f.filename, mime: f.mime, size: f.size, sha256: f.sha256, content: f.content, uploaded_by: actor.userId,
      }).returning('id').executeTakeFirstOrThrow();
      evidence.push({ id: row.id, filename: f.filename, mime: f.mime, size: f.size, sha256: f.sha256 });
    }
    const raised = [];
    for (const o of obstacles) {
      const row = await tx.insertInto('obstacle').values({
        unit_id: a.unit_id, to_unit_id: toUnitId!, assignment_id: a.id, task_id: a.task_id, kind: o.kind, content: o.content, raised_by: actor.userId, raised_on: today,
      }).returning('id').executeTakeFirstOrThrow();
      raised.push({ id: row.id, kind: o.kind, toUnitId: toUnitId! });
      await recordAudit(tx, ctx, { action: 'obstacle.raise', entityType: 'obstacle', entityId: row.id, unitId: a.unit_id, after: { kind: o.kind, toUnitId, assignmentId: a.id, content: o.content.slice(0, 500) } });
      await notify(tx, {
        unitId: toUnitId, kind: 'obstacle.raised',
        title: `${OBSTACLE_KIND_LABEL[o.kind]} của ${a.unit_name}`,
        body: `Nhiệm vụ ${a.task_number} (${planName({ number: a.plan_number, symbol: a.plan_symbol, title: a.plan_title })}): ${o.content.slice(0, 300)}`,
        link: `/obstacles?box=inbox#${row.id}`,
      });
    }
    // The assignment's current state, from all its updates (a back-dated update may come before later ones).
    const all = await tx.selectFrom('progress_update').select(['occurred_on', 'percent', 'completed']).where('assignment_id', '=', a.id).orderBy('occurred_on').orderBy('id').execute();
    const now = progressOf(all.map((u) => ({ occurredOn: u.occurred_on, percent: u.percent, completed: u.completed })));
    await tx.updateTable('assignment').set({ percent: now.percent, completed_on: now.completedOn, last_update_at: new Date() }).where('id', '=', a.id).execute();
    await recordAudit(tx, ctx, {
      action: 'assignment.update', entityType: 'assignment', entityId: a.id, unitId: a.unit_id,
      before: { percent: a.percent, completedOn: a.completed_on },
      after: {
        updateId: update.id, occurredOn, percent, completed: input.completed, deliverables: deliverables.length,
        evidence: evidence.map((e) => ({ id: e.id, filename: e.filename, size: e.size, sha256: e.sha256 })), obstacles: raised.map((o) => o.id),
      },
    });
    return { id: update.id, assignmentId: a.id, percent: now.percent, completedOn: now.completedOn, evidence, obstacles: raised };
  });
}

/** An evidence file, for whoever may read the assignment's unit. */
export async function evidenceForDownload(ctx: Ctx, id: number) {
  requireActor(ctx);
  return mustRead(ctx, 'tệp minh chứng', await store.getEvidence(ctx.db, id), (e) => ({ unitPath: e.unit_path }));
}

// ---------------------------------------------------------------------------------------------------------------
// Obstacles

export interface ObstacleListQuery {
  box: 'inbox' | 'outbox';
  status?: ObstacleStatus;
  limit: number;
  offset: number;
}

/**
 * inbox: obstacles sent to my unit, to a unit my unit is the focal unit for, or to the focal unit of my unit (a ward's
 * leaders see what reached their Phòng VH-XH); a system administrator sees them all.
 * outbox: obstacles raised by my unit or a unit below it.
 */
export async function listObstaclesFor(ctx: Ctx, q: ObstacleListQuery) {
  const actor = requireActor(ctx);
  const sysadmin = actor.roles.includes('sysadmin');
  let filter: store.ObstacleFilter;
  if (q.box === 'inbox') {
    const mine = [actor.unitId, ...actor.focalForIds];
    const focal = await store.focalUnitsFor(ctx.db, mine);
    filter = { toUnitIds: sysadmin ? 'all' : [...new Set([...mine, ...focal.values()])], status: q.status, limit: q.limit, offset: q.offset };
  } else {
    filter = { fromRoots: sysadmin ? 'all' : [actor.unitId], status: q.status, limit: q.limit, offset: q.offset };
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
  const o = mustRead(ctx, 'khó khăn, đề xuất', await store.getObstacle(ctx.db, id), (x) => [{ unitPath: x.unit_path }, { unitPath: x.to_unit_path }]);
  authorize(ctx, 'follow', { unitPath: o.to_unit_path });
  if (o.status === 'closed') throw conflict('obstacle.closed', 'Khó khăn, đề xuất này đã đóng.');
  const answer = answerText.normalize('NFC').trim();
  if (normalizeText(answer).length < 5) throw invalid('obstacle.answer_required', 'Nội dung trả lời cần ít nhất 5 ký tự.', [{ path: 'answer', message: 'Nhập nội dung trả lời.' }]);
  return ctx.db.transaction().execute(async (tx) => {
    await tx.updateTable('obstacle').set({ answer, status: 'answered', answered_by: actor.userId, answered_at: new Date() }).where('id', '=', id).execute();
    await notify(tx, {
      unitId: o.unit_id, kind: 'obstacle.answered',
      title: `${o.to_unit_name} đã trả lời ${OBSTACLE_KIND_LABEL[o.kind].toLowerCase()} của đơn vị`,
      body: `${o.task_number ? `Nhiệm vụ ${o.task_number}: ` : ''}${answer.slice(0, 300)}`,
      link: `/obstacles?box=outbox#${id}`,
    });
    await recordAudit(tx, ctx, { action: 'obstacle.answer', entityType: 'obstacle', entityId: id, unitId: o.to_unit_id, before: { status: o.status, answer: o.answer }, after: { status: 'answered', answer: answer.slice(0, 2000) } });
    return { id, status: 'answered' as const, answer };
  });
}
