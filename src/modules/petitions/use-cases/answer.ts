// The answer: an officer drafts it, a leader approves and sends it (and publishes it, by default), or closes the
// petition otherwise (referred, not in scope, withdrawn); a leader may extend the deadline once, with a reason.
import { conflict } from '../../../domain/errors.ts';
import { chosenBlock } from '../../../domain/org/document-settings.ts';
import { extendedDueDate } from '../../../domain/petitions/deadline.ts';
import { CLOSED_STATUS_LABEL, TOPIC_LABEL, type ClosingOutcome, type Topic } from '../../../domain/petitions/model.ts';
import { DEFAULT_PETITION_SETTINGS } from '../../../domain/petitions/settings.ts';
import { fold, shorten } from '../../../domain/text.ts';
import { todayInVietnam } from '../../../domain/tracking/assignment.ts';
import type { Config } from '../../../config.ts';
import { loadCalendar } from '../../calendar/index.ts';
import type { Ctx } from '../../context.ts';
import { notify } from '../../notifications/index.ts';
import { documentIdentityOf, getUnit } from '../../org/index.ts';
import { mailSender, mustAllow, petitionFor, writeTransition } from '../shared.ts';
import * as store from '../store.ts';

const searchText = (p: store.PetitionRow, answer: string | null) =>
  fold(`${p.subject} ${p.law_reference ?? ''} ${p.topic ? (TOPIC_LABEL[p.topic as Topic] ?? '') : ''} ${answer ?? ''}`);

export async function draftAnswer(ctx: Ctx, id: number, answer: string) {
  const p = await petitionFor(ctx, id, 'edit');
  mustAllow('draftAnswer', p);
  await ctx.db.transaction().execute(async (tx) => {
    await store.lockPetition(tx, id);
    await writeTransition(tx, ctx, p, {
      act: 'draftAnswer',
      status: 'inProgress',
      note: 'Dự thảo trả lời, trình lãnh đạo duyệt.',
      public: p.status !== 'inProgress',
      patch: { answer, answer_drafted_by: ctx.actor!.userId, answer_approved_by: null },
    });
    await notify(tx, {
      unitId: p.handling_unit_id,
      kind: 'petition.answer_drafted',
      title: `Dự thảo trả lời kiến nghị ${p.code} chờ duyệt`,
      body: shorten(p.subject, 200),
      link: `/kien-nghi/${id}`,
    });
  });
  return { id, status: 'inProgress' as const };
}

/**
 * One answer drafted for many similar petitions (a bulk answer): all or none. Each petition must be one the handler
 * may edit and in a state that takes a draft; the first that is not answers for all (404 on its place in the list,
 * or 409 naming its code). Each gets its own history line and audit record, and the leader approves each as usual.
 */
export async function draftAnswers(ctx: Ctx, ids: readonly number[], answer: string) {
  const rows: store.PetitionRow[] = [];
  for (const [i, id] of ids.entries()) {
    const p = await petitionFor(ctx, id, 'edit', `ids.${i}`);
    mustAllow('draftAnswer', p);
    rows.push(p);
  }
  await ctx.db.transaction().execute(async (tx) => {
    for (const p of rows) {
      await store.lockPetition(tx, p.id);
      await writeTransition(tx, ctx, p, {
        act: 'draftAnswer',
        status: 'inProgress',
        note: `Dự thảo trả lời chung cho ${rows.length} kiến nghị tương tự, trình lãnh đạo duyệt.`,
        public: p.status !== 'inProgress',
        patch: { answer, answer_drafted_by: ctx.actor!.userId, answer_approved_by: null },
      });
    }
    const units = [...new Set(rows.map((p) => p.handling_unit_id))];
    await notify(
      tx,
      units.map((unitId) => ({
        unitId,
        kind: 'petition.answer_drafted',
        title: `Dự thảo trả lời chung cho ${rows.filter((p) => p.handling_unit_id === unitId).length} kiến nghị chờ duyệt`,
        body: rows
          .filter((p) => p.handling_unit_id === unitId)
          .map((p) => p.code)
          .join(', '),
        link: '/kien-nghi',
      })),
    );
  });
  return { ids: rows.map((p) => p.id), status: 'inProgress' as const };
}

/**
 * The leader approves and sends the answer, under the signer picked among the handling unit's (`signerKey`, its
 * default one when absent; a unit without signers signs by the register's rule with the approving leader's name),
 * kept with the answer so that its công văn prints the same after the unit's settings change.
 */
export async function approveAnswer(
  ctx: Ctx,
  id: number,
  input: { publish: boolean; signerKey?: number },
  config?: Config,
) {
  const { publish } = input;
  const p = await petitionFor(ctx, id, 'approve');
  mustAllow('approveAnswer', p);
  if (!p.answer) throw conflict('petition.no_answer', `Kiến nghị ${p.code} chưa có dự thảo trả lời để duyệt.`);
  const unit = (await getUnit(ctx.db, p.handling_unit_id))!;
  const identity = await documentIdentityOf(ctx.db, unit);
  const signer = chosenBlock(identity.settings, unit, 'named', input.signerKey, null);
  const today = todayInVietnam();
  await ctx.db.transaction().execute(async (tx) => {
    await store.lockPetition(tx, id);
    await writeTransition(tx, ctx, p, {
      act: 'approveAnswer',
      status: 'answered',
      note: 'Đã duyệt và gửi trả lời.',
      public: true,
      patch: {
        answer_approved_by: ctx.actor!.userId,
        answer_signer: JSON.stringify(signer),
        closed_on: today,
        published: publish,
        search_folded: searchText(p, p.answer),
      },
    });
  });
  await mailSender(config, p, 'answered', `Nội dung trả lời:\n${p.answer}`);
  return { id, status: 'answered' as const, published: publish };
}

export async function closePetition(ctx: Ctx, id: number, outcome: ClosingOutcome, reason: string, config?: Config) {
  const p = await petitionFor(ctx, id, 'approve');
  mustAllow('close', p);
  const today = todayInVietnam();
  await ctx.db.transaction().execute(async (tx) => {
    await store.lockPetition(tx, id);
    await writeTransition(tx, ctx, p, {
      act: 'close',
      status: outcome,
      note: reason,
      public: true,
      patch: { closed_on: today, closing_reason: reason, clock_stopped_on: null },
    });
  });
  await mailSender(config, p, outcome, `${CLOSED_STATUS_LABEL[outcome]}: ${reason}`);
  return { id, status: outcome };
}

export async function extendDeadline(ctx: Ctx, id: number, reason: string, config?: Config) {
  const p = await petitionFor(ctx, id, 'approve');
  mustAllow('extend', p);
  if (p.extended) throw conflict('petition.already_extended', `Kiến nghị ${p.code} đã được gia hạn một lần.`);
  const due = extendedDueDate(p.due_date, config?.petitions ?? DEFAULT_PETITION_SETTINGS, await loadCalendar(ctx.db));
  await ctx.db.transaction().execute(async (tx) => {
    await store.lockPetition(tx, id);
    // The reason is shown to the sender: the extension is theirs to know.
    await writeTransition(tx, ctx, p, {
      act: 'extend',
      status: p.status,
      note: `Gia hạn trả lời đến ${due}: ${reason}`,
      public: true,
      patch: { due_date: due, extended: true, extension_reason: reason },
    });
  });
  await mailSender(config, p, p.status, `Thời hạn trả lời được gia hạn đến ${due}. Lý do: ${reason}`);
  return { id, status: p.status, dueDate: due };
}

export async function setPublished(ctx: Ctx, id: number, published: boolean) {
  const p = await petitionFor(ctx, id, 'approve');
  if (p.status !== 'answered')
    throw conflict('petition.not_answered', `Chỉ công khai được kiến nghị đã trả lời (${p.code}).`);
  await ctx.db.transaction().execute(async (tx) => {
    await store.lockPetition(tx, id);
    await writeTransition(tx, ctx, p, {
      act: 'publish',
      status: p.status,
      note: published ? 'Công khai trả lời.' : 'Thôi công khai trả lời.',
      patch: { published },
    });
  });
  return { id, published };
}
