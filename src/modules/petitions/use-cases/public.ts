// What anyone may read without an account: a petition's progress by its code, and the published answers. Neither
// ever carries the sender's name, contact, attachments or internal notes (the contracts are strict).
import { notFound } from '../../../domain/errors.ts';
import { parseTrackingCode } from '../../../domain/petitions/code.ts';
import {
  isOpen,
  PETITION_KIND_LABEL,
  PETITION_STATUS_LABEL,
  type PetitionStatus,
} from '../../../domain/petitions/model.ts';
import { fold } from '../../../domain/text.ts';
import type { PublicPetition, PublicPetitionList } from '../../../contracts/petitions.ts';
import type { Ctx } from '../../context.ts';
import * as store from '../store.ts';
import { topicLabel } from '../views.ts';

export async function followPetition(ctx: Ctx, typed: string): Promise<PublicPetition> {
  const code = parseTrackingCode(typed);
  const p = code ? await store.getPetitionByCode(ctx.db, code) : undefined;
  if (!p) throw notFound('kiến nghị có mã này');
  const [events, merged, task] = await Promise.all([
    store.listPetitionEvents(ctx.db, p.id),
    p.merged_into_id ? store.getPetition(ctx.db, p.merged_into_id) : undefined,
    p.task_id ? store.getLinkedTask(ctx.db, p.task_id) : undefined,
  ]);
  // A duplicate is answered by the answer of the petition it was merged into (one answer to many alike).
  const answered =
    merged?.status === 'answered' && merged.published ? merged : p.status === 'answered' && p.published ? p : undefined;
  return {
    code: p.code,
    kind: p.kind,
    kindLabel: PETITION_KIND_LABEL[p.kind],
    status: p.status,
    statusLabel: PETITION_STATUS_LABEL[p.status],
    open: isOpen(p.status),
    subject: p.subject,
    lawReference: p.law_reference,
    receivedOn: p.received_on,
    dueDate: p.due_date,
    extensionReason: p.extension_reason,
    handlingUnit: p.handling_name,
    answer: answered?.answer ?? null,
    answeredOn: answered?.closed_on ?? (p.status === 'answered' ? p.closed_on : null),
    mergedInto: merged?.code ?? null,
    // Only a task of a published plan: an unpublished plan is nobody's business outside its unit.
    task: task?.published
      ? { number: task.number, title: task.title, planTitle: task.plan_title, planId: task.plan_id }
      : null,
    history: events
      .filter((e) => e.public)
      .map((e) => ({
        at: e.at.toISOString(),
        status: e.status as PetitionStatus,
        statusLabel: PETITION_STATUS_LABEL[e.status as PetitionStatus],
        note: e.note,
      })),
  };
}

export async function listPublishedAnswers(
  ctx: Ctx,
  q: { q?: string; topic?: string; limit: number; offset: number },
): Promise<PublicPetitionList> {
  const r = await store.listPublishedPetitions(ctx.db, {
    folded: q.q ? fold(q.q) : undefined,
    topic: q.topic,
    limit: q.limit,
    offset: q.offset,
  });
  return {
    total: r.total,
    topics: r.topics
      .map((t) => ({ topic: t.topic ?? 'unclassified', label: topicLabel(t.topic), count: t.n }))
      .sort((a, b) => b.count - a.count),
    items: r.rows.map((p) => ({
      code: p.code,
      kind: p.kind,
      kindLabel: PETITION_KIND_LABEL[p.kind],
      subject: p.subject,
      topic: p.topic,
      topicLabel: topicLabel(p.topic),
      handlingUnit: p.handling_name,
      receivedOn: p.received_on,
      answeredOn: p.closed_on,
      answer: p.answer ?? '',
    })),
  };
}
