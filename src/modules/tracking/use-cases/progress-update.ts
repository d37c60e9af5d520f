// Progress on an assignment: the update, what it produced (deliverables), its evidence files and the obstacles raised.
import { conflict, invalid } from '../../../domain/errors.ts';
import { parseIsoDate } from '../../../domain/calendar/lunar.ts';
import { formatDateVi, normalizeText, shorten } from '../../../domain/text.ts';
import { progressOf, todayInVietnam } from '../../../domain/tracking/assignment.ts';
import { evidenceSetProblem } from '../../../domain/tracking/evidence.ts';
import { OBSTACLE_KIND_LABEL, type ObstacleKind } from '../../../domain/tracking/model.ts';
import type { ProgressUpdateBody } from '../../../contracts/tracking.ts';
import { obstacleRecipient } from '../../../domain/tracking/obstacles.ts';
import type { Actor } from '../../../domain/permissions.ts';
import { recordAudit } from '../../audit/index.ts';
import { mustDatasetRef } from '../../datasets/index.ts';
import { authorize, requireActor, type Ctx, type Tx } from '../../context.ts';
import { notify } from '../../notifications/index.ts';
import { checkEvidence, type CheckedEvidence } from '../evidence.ts';
import * as store from '../store.ts';
import { mustAssignment, planName } from './shared.ts';

/** The update as the route validated it (src/contracts/tracking.ts). */
export type UpdateInput = ProgressUpdateBody;

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
    throw conflict(
      'assignment.plan_not_in_force',
      'Kế hoạch của nhiệm vụ này không còn hiệu lực (đã được sửa đổi hoặc thay thế): hãy cập nhật tiến độ trên kế hoạch đang có hiệu lực.',
    );
  }
  const today = todayInVietnam();
  const { occurredOn, deliverables, obstacles } = checkUpdate(input, today);
  // A dataset named as a deliverable is a reference: one the caller may not read does not exist for them.
  for (const [i, d] of deliverables.entries())
    if (d.datasetId !== null) await mustDatasetRef(ctx, d.datasetId, `deliverables.${i}.datasetId`);
  const files: CheckedEvidence[] = [];
  for (const [i, f] of input.evidence.entries()) files.push(await checkEvidence(f, i));
  const setProblem = evidenceSetProblem(files.map((f) => f.size));
  if (setProblem) throw invalid('evidence.total_too_large', setProblem, [{ path: 'evidence', message: setProblem }]);
  const narrative = input.narrative.normalize('NFC').trim();
  const percent = input.completed ? 100 : input.percent;
  const toUnitId = obstacles.length ? await recipientFor(ctx.db, a) : null;

  return ctx.db.transaction().execute(async (tx) => {
    const updateId = await store.insertProgressUpdate(tx, {
      assignmentId: a.id,
      unitId: a.unit_id,
      authorId: actor.userId,
      percent,
      narrative,
      completed: input.completed,
      occurredOn,
    });
    await store.insertDeliverables(tx, { updateId, assignmentId: a.id, unitId: a.unit_id }, deliverables);
    const evidence = [];
    for (const f of files) {
      const id = await store.insertEvidenceFile(tx, { ...f, updateId, unitId: a.unit_id, uploadedBy: actor.userId });
      evidence.push({ id, filename: f.filename, mime: f.mime, size: f.size, sha256: f.sha256 });
    }
    const raised = toUnitId === null ? [] : await raiseObstacles(tx, ctx, actor, a, { toUnitId, obstacles, today });
    // The assignment's current state, from all its updates (a back-dated update may come before later ones).
    const now = progressOf(await store.progressFactsOf(tx, a.id));
    await store.setAssignmentProgress(tx, a.id, now);
    await recordAudit(tx, ctx, {
      action: 'assignment.update',
      entityType: 'assignment',
      entityId: a.id,
      unitId: a.unit_id,
      before: { percent: a.percent, completedOn: a.completed_on },
      after: {
        updateId,
        occurredOn,
        percent,
        completed: input.completed,
        deliverables: deliverables.length,
        evidence: evidence.map((e) => ({ id: e.id, filename: e.filename, size: e.size, sha256: e.sha256 })),
        obstacles: raised.map((o) => o.id),
      },
    });
    return {
      id: updateId,
      assignmentId: a.id,
      percent: now.percent,
      completedOn: now.completedOn,
      evidence,
      obstacles: raised,
    };
  });
}

/** A dataset is named only by a deliverable of kind "dataset" (whose record it is). */
function datasetOf(d: UpdateInput['deliverables'][number], i: number): number | null {
  if (d.datasetId == null) return null;
  if (d.kind !== 'dataset')
    throw invalid(
      'tracking.deliverable_dataset',
      `Sản phẩm thứ ${i + 1} không phải loại "Bộ dữ liệu" nên không gắn được bộ dữ liệu.`,
      [{ path: `deliverables.${i}.datasetId`, message: 'Chỉ sản phẩm loại "Bộ dữ liệu" mới gắn bộ dữ liệu.' }],
    );
  return d.datasetId;
}

/** The update's days (real, not in the future), deliverables' names and obstacles' content, normalised. */
function checkUpdate(input: UpdateInput, today: string) {
  const occurredOn = checkDate(input.occurredOn, 'occurredOn', today, 'Ngày cập nhật');
  const deliverables: store.NewDeliverable[] = input.deliverables.map((d, i) => {
    const title = normalizeText(d.title);
    if (!title)
      throw invalid('tracking.deliverable_title', `Sản phẩm thứ ${i + 1} chưa có tên.`, [
        { path: `deliverables.${i}.title`, message: 'Nhập tên sản phẩm.' },
      ]);
    return {
      kind: d.kind,
      title,
      occurredOn: checkDate(
        d.occurredOn,
        `deliverables.${i}.occurredOn`,
        today,
        `Ngày của sản phẩm "${title.slice(0, 80)}"`,
      ),
      participants: d.participants ?? null,
      documentNumber: d.documentNumber ? normalizeText(d.documentNumber) || null : null,
      link: d.link ?? null,
      datasetId: datasetOf(d, i),
    };
  });
  const obstacles = input.obstacles.map((o, i) => {
    const content = normalizeText(o.content);
    if (content.length < 5)
      throw invalid('tracking.obstacle_content', 'Nội dung khó khăn, đề xuất cần ít nhất 5 ký tự.', [
        { path: `obstacles.${i}.content`, message: 'Nêu rõ khó khăn hoặc đề xuất.' },
      ]);
    return { kind: o.kind, content };
  });
  return { occurredOn, deliverables, obstacles };
}

function checkDate(value: string, path: string, today: string, what: string): string {
  try {
    parseIsoDate(value);
  } catch {
    throw invalid('tracking.date_invalid', `${what} không hợp lệ.`, [
      { path, message: 'Ngày phải theo dạng YYYY-MM-DD và có thật.' },
    ]);
  }
  if (value > today) {
    throw invalid(
      'tracking.date_in_future',
      `${what} (${formatDateVi(value)}) không được sau ngày hôm nay (${formatDateVi(today)}).`,
      [{ path, message: 'Chỉ ghi nhận việc đã diễn ra.' }],
    );
  }
  if (value < '2000-01-01')
    throw invalid('tracking.date_invalid', `${what} không hợp lệ.`, [{ path, message: 'Ngày quá xa trong quá khứ.' }]);
  return value;
}

/** Where the obstacles of an assignment go: the focal unit of the level that issued its plan (domain/tracking/obstacles.ts). */
async function recipientFor(db: Ctx['db'], a: store.AssignmentRow): Promise<number> {
  const focal = await store.focalUnitsFor(db, a.plan_unit_path);
  return obstacleRecipient({
    raisingUnitId: a.unit_id,
    issuerPath: a.plan_unit_path,
    focalOf: (id) => focal.get(id) ?? null,
  });
}

/** Each obstacle goes to the focal unit with a notification and its own audit record. */
async function raiseObstacles(
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  a: store.AssignmentRow,
  r: { toUnitId: number; obstacles: ReadonlyArray<{ kind: ObstacleKind; content: string }>; today: string },
) {
  const { toUnitId } = r;
  const raised = [];
  for (const o of r.obstacles) {
    const id = await store.insertObstacle(tx, {
      unitId: a.unit_id,
      toUnitId,
      assignmentId: a.id,
      taskId: a.task_id,
      kind: o.kind,
      content: o.content,
      raisedBy: actor.userId,
      raisedOn: r.today,
    });
    raised.push({ id, kind: o.kind, toUnitId });
    await recordAudit(tx, ctx, {
      action: 'obstacle.raise',
      entityType: 'obstacle',
      entityId: id,
      unitId: a.unit_id,
      after: { kind: o.kind, toUnitId, assignmentId: a.id, content: o.content.slice(0, 500) },
    });
    await notify(tx, {
      unitId: toUnitId,
      kind: 'obstacle.raised',
      title: `${OBSTACLE_KIND_LABEL[o.kind]} của ${a.unit_name}`,
      body: `Nhiệm vụ ${a.task_number} (${planName({ number: a.plan_number, symbol: a.plan_symbol, title: a.plan_title })}): ${shorten(o.content, 300)}`,
      link: `/obstacles?box=inbox#${id}`,
    });
  }
  return raised;
}
