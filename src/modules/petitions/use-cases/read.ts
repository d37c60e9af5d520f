// The handlers' queue and one petition as a handler sees it. The sender's identity goes only to the officers and
// leaders of the units that hold it, and every answer that shows it leaves an audit record.
import { can, scopeRoots } from '../../../domain/permissions.ts';
import { handlingTarget, identityTarget } from '../../../domain/petitions/access.ts';
import {
  allowedFrom,
  CLOSED_STATUSES,
  OPEN_STATUSES,
  PETITION_STATUS_LABEL,
  type PetitionAct,
} from '../../../domain/petitions/model.ts';
import { fold } from '../../../domain/text.ts';
import { todayInVietnam } from '../../../domain/tracking/assignment.ts';
import type { PetitionDetail, PetitionList, PETITION_CAN_KEYS } from '../../../contracts/petitions.ts';
import { aiUseLabel, aiUseRef } from '../../ai-systems/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { datasetLabel, datasetRef } from '../../datasets/index.ts';
import { loadCalendar } from '../../calendar/index.ts';
import { requireActor, type Ctx } from '../../context.ts';
import { petitionFor, unitsOf } from '../shared.ts';
import * as store from '../store.ts';
import { listItem } from '../views.ts';
import { tierBounds, tierDueDates, type DeadlineTier } from '../../../domain/petitions/deadline.ts';
import type { PetitionStatus } from '../../../domain/petitions/model.ts';

export interface PetitionListQuery {
  status?: PetitionStatus;
  open?: 'true' | 'false';
  tier?: DeadlineTier;
  q?: string;
  aiSystemId?: number;
  datasetId?: number;
  limit: number;
  offset: number;
}

/** Records that an identity was shown (one record per answer, naming the petitions). */
async function auditIdentityView(ctx: Ctx, ids: number[], unitId: number | null): Promise<void> {
  if (!ids.length) return;
  await ctx.db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'petition.sender_view',
      entityType: 'petition',
      entityId: ids.length === 1 ? ids[0]! : null,
      unitId,
      after: { petitionIds: ids },
    }),
  );
}

export async function listPetitionsFor(ctx: Ctx, q: PetitionListQuery): Promise<PetitionList> {
  const actor = requireActor(ctx);
  // A record named in the query is a reference: one the caller may not read does not exist for them.
  if (q.aiSystemId) await aiUseRef(ctx, q.aiSystemId, 'aiSystemId');
  if (q.datasetId) await datasetRef(ctx, q.datasetId, 'datasetId');
  const [cal, today] = [await loadCalendar(ctx.db), todayInVietnam()];
  const statuses =
    q.open === 'true' ? OPEN_STATUSES : q.open === 'false' || q.tier === 'closed' ? CLOSED_STATUSES : undefined;
  const due = q.tier ? (tierDueDates(q.tier, today, cal) ?? undefined) : undefined;
  const { total, rows } = await store.listPetitions(ctx.db, {
    scopeRoots: scopeRoots(actor, 'read'),
    status: q.status,
    statuses,
    due,
    folded: q.q ? fold(q.q) : undefined,
    aiUseId: q.aiSystemId,
    datasetId: q.datasetId,
    limit: q.limit,
    offset: q.offset,
  });
  const bounds = tierBounds(today, cal);
  const items = rows.map((p) => listItem(p, bounds, can(actor, 'readPersonalData', identityTarget(unitsOf(p)))));
  await auditIdentityView(
    ctx,
    items.filter((i) => i.sender).map((i) => i.id),
    actor.unitId,
  );
  return { total, items };
}

function canObject(ctx: Ctx, p: store.PetitionRow): Record<(typeof PETITION_CAN_KEYS)[number], boolean> {
  const target = handlingTarget(unitsOf(p));
  const edit = can(ctx.actor, 'edit', target);
  const approve = can(ctx.actor, 'approve', target);
  const may = (act: PetitionAct, allowed: boolean) => allowed && allowedFrom(act, p.status);
  return {
    classify: may('classify', edit),
    route: may('route', edit),
    requestInformation: may('requestInformation', edit),
    resume: may('resume', edit),
    merge: may('merge', edit),
    draftAnswer: may('draftAnswer', edit),
    approveAnswer: may('approveAnswer', approve) && p.answer !== null,
    close: may('close', approve),
    extend: may('extend', approve) && !p.extended,
    publish: approve && p.status === 'answered',
  };
}

export async function getPetitionDetail(ctx: Ctx, id: number): Promise<PetitionDetail> {
  const p = await petitionFor(ctx, id);
  const identity = can(ctx.actor, 'readPersonalData', identityTarget(unitsOf(p))) && p.sender_name !== null;
  const [cal, events, attachments, duplicates, merged, aiUse, dataset] = await Promise.all([
    loadCalendar(ctx.db),
    store.listPetitionEvents(ctx.db, id),
    identity ? store.listPetitionAttachments(ctx.db, id) : [],
    store.listMergedPetitions(ctx.db, id),
    p.merged_into_id ? store.getPetitionCode(ctx.db, p.merged_into_id) : undefined,
    p.ai_use_id ? aiUseLabel(ctx, p.ai_use_id) : null,
    p.dataset_id ? datasetLabel(ctx, p.dataset_id) : null,
  ]);
  if (identity) await auditIdentityView(ctx, [id], p.handling_unit_id);
  return {
    ...listItem(p, tierBounds(todayInVietnam(), cal), identity),
    content: p.content,
    lawReference: p.law_reference,
    concerns: p.concerns,
    article: p.article,
    answer: p.answer,
    answerApproved: p.answer_approved_by !== null,
    published: p.published,
    closedOn: p.closed_on,
    closingReason: p.closing_reason,
    extended: p.extended,
    extensionReason: p.extension_reason,
    clockStoppedOn: p.clock_stopped_on,
    mergedInto: merged ?? null,
    aiSystem: aiUse ? { id: aiUse.id, name: aiUse.name, unitName: aiUse.unitName } : null,
    dataset: dataset ? { id: dataset.id, title: dataset.title, unitName: dataset.unitName } : null,
    duplicates,
    senderContact: identity ? { email: p.sender_email, phone: p.sender_phone, address: p.sender_address } : null,
    attachments,
    history: events.map((e) => ({
      at: e.at.toISOString(),
      kind: e.kind,
      status: e.status as PetitionStatus,
      statusLabel: PETITION_STATUS_LABEL[e.status as PetitionStatus],
      // Internal notes are personal to the handling: the same holders only.
      note: e.public || identity ? e.note : '',
      public: e.public,
      actor: e.actor,
    })),
    can: canObject(ctx, p),
  };
}
