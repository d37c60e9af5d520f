// Handling a petition before its answer: classify it, route it to the competent unit, ask the sender for more
// information (the clock stops) and go on when it comes (the clock restarts), merge a duplicate into another.
import { invalid } from '../../../domain/errors.ts';
import { dueDateAfterPause } from '../../../domain/petitions/deadline.ts';
import { petitionReaders } from '../../../domain/petitions/access.ts';
import { statusAfter, TOPIC_LABEL, type Concern, type Topic } from '../../../domain/petitions/model.ts';
import { can } from '../../../domain/permissions.ts';
import { fold, formatDateVi, sentence, shorten } from '../../../domain/text.ts';
import { todayInVietnam } from '../../../domain/tracking/assignment.ts';
import type { Config } from '../../../config.ts';
import { loadCalendar } from '../../calendar/index.ts';
import { mustRead, type Ctx } from '../../context.ts';
import { notify } from '../../notifications/index.ts';
import { getUnit } from '../../org/index.ts';
import { mustReadPlan } from '../../plans/index.ts';
import { mailSender, mustAllow, petitionFor, unitsOf, writeTransition } from '../shared.ts';
import * as store from '../store.ts';
import { aiUseRef } from '../../ai-systems/index.ts';
import { datasetRef } from '../../datasets/index.ts';

export async function classifyPetition(
  ctx: Ctx,
  id: number,
  b: { topic: Topic; concerns: Concern; article?: string; lawReference?: string },
) {
  const p = await petitionFor(ctx, id, 'edit');
  mustAllow('classify', p);
  const status = statusAfter('classify', p.status);
  const lawReference = b.lawReference || p.law_reference;
  await ctx.db.transaction().execute(async (tx) => {
    await store.lockPetition(tx, id);
    await writeTransition(tx, ctx, p, {
      act: 'classify',
      status,
      note: `Phân loại: ${TOPIC_LABEL[b.topic]}.`,
      public: p.status === 'received',
      patch: {
        topic: b.topic,
        concerns: b.concerns,
        article: b.article || null,
        law_reference: lawReference,
        search_folded: fold(`${p.subject} ${lawReference ?? ''} ${TOPIC_LABEL[b.topic]} ${p.answer ?? ''}`),
      },
    });
  });
  return { id, status };
}

/** Routes to a unit in the actor's reach (the focal unit reaches the province; a ward, its offices). */
export async function routePetition(ctx: Ctx, id: number, b: { unitId: number; note?: string }) {
  const p = await petitionFor(ctx, id, 'edit');
  const unit = mustRead(ctx, 'đơn vị', await getUnit(ctx.db, b.unitId), (u) => ({ unitPath: u.path }), 'unitId');
  if (!can(ctx.actor, 'follow', { unitPath: unit.path })) {
    const message = 'Chỉ chuyển được cho đơn vị thuộc phạm vi theo dõi của đơn vị mình.';
    throw invalid('petition.route_out_of_scope', message, [{ path: 'unitId', message }]);
  }
  mustAllow('route', p);
  const status = statusAfter('route', p.status);
  await ctx.db.transaction().execute(async (tx) => {
    await store.lockPetition(tx, id);
    await writeTransition(tx, ctx, p, {
      act: 'route',
      status,
      note: `Chuyển ${unit.name} xử lý.${b.note ? ` ${b.note}` : ''}`,
      public: true,
      patch: { handling_unit_id: unit.id },
    });
    await notify(tx, {
      unitId: unit.id,
      kind: 'petition.routed',
      title: `Kiến nghị ${p.code} được chuyển đến đơn vị`,
      body: `${shorten(p.subject, 200)} (hạn trả lời ${formatDateVi(p.due_date)}).`,
      link: `/kien-nghi/${id}`,
    });
  });
  return { id, status, handlingUnitId: unit.id };
}

export async function requestInformation(ctx: Ctx, id: number, message: string, config?: Config) {
  const p = await petitionFor(ctx, id, 'edit');
  mustAllow('requestInformation', p);
  const today = todayInVietnam();
  await ctx.db.transaction().execute(async (tx) => {
    await store.lockPetition(tx, id);
    await writeTransition(tx, ctx, p, {
      act: 'requestInformation',
      status: 'waitingForSender',
      note: message,
      patch: { clock_stopped_on: today },
    });
  });
  await mailSender(
    config,
    p,
    'waitingForSender',
    `Đề nghị ông/bà bổ sung thông tin:\n${message}\n\nThời hạn xử lý tạm dừng đến khi nhận được thông tin bổ sung.`,
  );
  return { id, status: 'waitingForSender' as const };
}

export async function resumePetition(ctx: Ctx, id: number, note?: string) {
  const p = await petitionFor(ctx, id, 'edit');
  mustAllow('resume', p);
  const today = todayInVietnam();
  const due = dueDateAfterPause(p.due_date, p.clock_stopped_on ?? today, today, await loadCalendar(ctx.db));
  await ctx.db.transaction().execute(async (tx) => {
    await store.lockPetition(tx, id);
    await writeTransition(tx, ctx, p, {
      act: 'resume',
      status: 'inProgress',
      note: note ?? `Đã nhận thông tin bổ sung; hạn trả lời mới ${due}.`,
      patch: { clock_stopped_on: null, due_date: due },
    });
  });
  return { id, status: 'inProgress' as const, dueDate: due };
}

/** A duplicate is closed into another petition the same handlers may read; its sender follows that one's answer. */
export async function mergePetition(ctx: Ctx, id: number, intoId: number) {
  const p = await petitionFor(ctx, id, 'edit');
  const into = mustRead(
    ctx,
    'kiến nghị',
    await store.getPetition(ctx.db, intoId),
    (x) => petitionReaders(unitsOf(x)),
    'intoId',
  );
  mustAllow('merge', p);
  if (into.id === p.id || into.merged_into_id !== null) {
    const message = 'Chỉ gộp được vào một kiến nghị khác chưa bị gộp.';
    throw invalid('petition.merge_target', message, [{ path: 'intoId', message }]);
  }
  const today = todayInVietnam();
  await ctx.db.transaction().execute(async (tx) => {
    await store.lockPetition(tx, id);
    await writeTransition(tx, ctx, p, {
      act: 'merge',
      status: 'merged',
      note: `Gộp với kiến nghị ${into.code} có cùng nội dung.`,
      public: true,
      patch: { merged_into_id: into.id, closed_on: today, clock_stopped_on: null },
    });
  });
  return { id, status: 'merged' as const, mergedInto: into.code };
}

/** Links a petition to the plan task that takes it up (a proposal accepted as an action), or unlinks it. */
export async function linkPetitionTask(ctx: Ctx, id: number, taskId: number | null) {
  const p = await petitionFor(ctx, id, 'edit');
  const task = taskId === null ? undefined : await store.getLinkedTask(ctx.db, taskId);
  // Unknown here; then a task of a plan one may not read answers exactly like it (the plan's own rule).
  if (taskId !== null) mustRead(ctx, 'nhiệm vụ', task, () => ({ unitPath: [], published: true }), 'taskId');
  if (task) await mustReadPlan(ctx, task.plan_id, 'nhiệm vụ', 'taskId');
  await ctx.db.transaction().execute(async (tx) => {
    await store.lockPetition(tx, id);
    await writeTransition(tx, ctx, p, {
      act: 'linkTask',
      status: p.status,
      public: task !== undefined && task.published,
      note: task
        ? sentence(`Được đưa vào nhiệm vụ ${task.number} của ${task.plan_title}`)
        : 'Bỏ liên kết với nhiệm vụ.',
      patch: { task_id: taskId },
    });
  });
  return { id, status: p.status, taskId };
}

/**
 * Says which AI system (a unit's use) or dataset the petition is about, or clears it (null); an absent key leaves
 * that link as it is. A record the handler may not read (and that is not published) answers like an unknown id.
 */
export async function linkPetitionRecords(
  ctx: Ctx,
  id: number,
  b: { aiSystemId?: number | null; datasetId?: number | null },
) {
  const p = await petitionFor(ctx, id, 'edit');
  const aiUse = b.aiSystemId ? await aiUseRef(ctx, b.aiSystemId, 'aiSystemId') : null;
  const dataset = b.datasetId ? await datasetRef(ctx, b.datasetId, 'datasetId') : null;
  const patch: { ai_use_id?: number | null; dataset_id?: number | null } = {};
  if (b.aiSystemId !== undefined) patch.ai_use_id = aiUse?.id ?? null;
  if (b.datasetId !== undefined) patch.dataset_id = dataset?.id ?? null;
  const notes = [
    b.aiSystemId === undefined
      ? null
      : aiUse
        ? `Về hệ thống AI "${aiUse.name}" (${aiUse.unitName}).`
        : 'Bỏ liên kết hệ thống AI.',
    b.datasetId === undefined
      ? null
      : dataset
        ? `Về bộ dữ liệu "${dataset.title}" (${dataset.unitName}).`
        : 'Bỏ liên kết bộ dữ liệu.',
  ].filter((n): n is string => n !== null);
  await ctx.db.transaction().execute(async (tx) => {
    await store.lockPetition(tx, id);
    await writeTransition(tx, ctx, p, { act: 'linkRecords', status: p.status, note: notes.join(' '), patch });
  });
  return {
    id,
    status: p.status,
    aiSystemId: patch.ai_use_id === undefined ? p.ai_use_id : patch.ai_use_id,
    datasetId: patch.dataset_id === undefined ? p.dataset_id : patch.dataset_id,
  };
}
