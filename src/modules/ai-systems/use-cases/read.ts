// Reading uses: the list of what the caller may read, and one use with its classification, assessment and incidents.
import type { AiUseDetail, AiUseListItem, UseListQuery } from '../../../contracts/ai-systems.ts';
import { can, scopeRoots } from '../../../domain/permissions.ts';
import { notFound } from '../../../domain/errors.ts';
import type { Reason } from '../../../domain/ai-systems/questionnaire.ts';
import { authorize, mustRead, requireActor, type Ctx } from '../../context.ts';
import { getUnit } from '../../org/index.ts';
import * as store from '../store/index.ts';
import { nationalIdsOf, syncStatesOf } from '../../sync/index.ts';
import { incidentView, listItem, useTarget } from './views.ts';

/** A use exists for those who may read its unit's records; for anyone else it does not. */
export async function mustUse(ctx: Ctx, id: number): Promise<store.UseRow> {
  requireActor(ctx);
  return mustRead(ctx, 'hệ thống AI', await store.getUse(ctx.db, id), useTarget);
}

export async function listAiUses(ctx: Ctx, q: UseListQuery): Promise<{ total: number; items: AiUseListItem[] }> {
  const actor = requireActor(ctx);
  if (q.unitId) {
    const unit = await getUnit(ctx.db, q.unitId);
    if (!unit) throw notFound('đơn vị');
    authorize(ctx, 'read', { unitPath: unit.path });
  }
  const { total, rows } = await store.listUses(ctx.db, { ...q, roots: scopeRoots(actor, 'read') });
  return { total, items: rows.map(listItem) };
}

type Stored = { answers: Record<string, boolean | string | string[]>; reasons: Reason[] };

export function detailOf(
  ctx: Ctx,
  u: store.UseRow,
  incidents: store.IncidentRow[],
  latest: store.AssessmentRow | undefined,
): Omit<AiUseDetail, 'nationalSync' | 'nationalAiId'> {
  const stored = u.classification as Stored | null;
  const target = useTarget(u);
  return {
    ...listItem(u),
    uuid: u.uuid,
    product: {
      id: u.product_id,
      name: u.product_name,
      provider: u.product_provider,
      providerContact: u.product_provider_contact,
      version: u.product_version,
      function: u.product_function,
      modelType: u.product_model_type,
      trainingData: u.product_training_data,
      providerLevel: u.product_provider_level,
      aiSystemId: u.product_ai_system_id,
    },
    unit: { id: u.unit_id, name: u.unit_name, path: u.unit_path },
    scope: u.scope,
    usersServed: u.users_served,
    inputData: u.input_data,
    personalData: u.personal_data,
    sensitiveData: u.sensitive_data,
    outputUse: u.output_use,
    automation: u.automation,
    humanOversight: u.human_oversight,
    startDate: u.start_date,
    contract: u.contract,
    internalNotes: u.internal_notes,
    publicSummary: u.public_summary,
    classification:
      stored && u.level && u.assessment_required !== null && u.classified_at
        ? {
            level: u.level,
            impactAssessmentRequired: u.assessment_required,
            reasons: stored.reasons,
            questionnaireVersion: u.questionnaire_version ?? '',
            answers: stored.answers,
            classifiedAt: u.classified_at.toISOString(),
          }
        : null,
    assessmentDue: u.assessment_due,
    overrideReason: u.override_reason,
    retireReason: u.retire_reason,
    publishedAt: u.published_at?.toISOString() ?? null,
    assessment: latest ? { version: latest.version, status: latest.status, approvedVersion: u.approved_version } : null,
    incidents: incidents.map(incidentView),
    can: {
      edit: u.status !== 'retired' && can(ctx.actor, 'edit', target),
      approve: u.status !== 'retired' && can(ctx.actor, 'approve', target),
      publish:
        u.status !== 'retired' &&
        u.published_at === null &&
        u.assessment_required === false &&
        can(ctx.actor, 'approve', target),
    },
  };
}

export async function getAiUse(ctx: Ctx, id: number): Promise<AiUseDetail> {
  const u = await mustUse(ctx, id);
  const [incidents, assessments, syncs, delivered] = await Promise.all([
    store.listIncidents(ctx.db, id),
    store.listAssessments(ctx.db, id),
    syncStatesOf(ctx.db, 'aiSystem', [id]),
    nationalIdsOf(ctx.db, 'aiSystem', [id]),
  ]);
  return {
    ...detailOf(ctx, u, incidents, assessments[0]),
    nationalSync: syncs.get(id) ?? null,
    nationalAiId: delivered.get(id) ?? u.product_ai_system_id,
  };
}
