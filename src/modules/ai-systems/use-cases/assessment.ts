// The impact assessment (Mẫu AI02): drafted by an officer from the use record, approved by the unit's leader before
// use (decree 142 Đ20.4), published (Đ20.5); every approved version kept, a new draft started from the last one.
import type { ImpactAssessmentView } from '../../../contracts/ai-systems.ts';
import { conflict, invalid } from '../../../domain/errors.ts';
import { can } from '../../../domain/permissions.ts';
import {
  AI02_SECTIONS,
  missingAi02Fields,
  normaliseAi02,
  prefillAi02,
  type Ai02Content,
} from '../../../domain/ai-systems/impact-assessment.ts';
import { recordAudit } from '../../audit/index.ts';
import { authorize, requireActor, type Ctx } from '../../context.ts';
import { notify } from '../../notifications/index.ts';
import * as store from '../store/index.ts';
import { mustUse } from './read.ts';
import { publicLink, useTarget, versionView } from './views.ts';
import { afterDelivery, deliverAiUse } from './national.ts';

export function prefillOf(u: store.UseRow): Ai02Content {
  return prefillAi02({
    unitName: u.unit_name,
    productName: u.product_name,
    provider: u.product_provider,
    productFunction: u.product_function,
    purpose: u.purpose,
    scope: u.scope,
    usersServed: u.users_served,
    level: u.level,
    startDate: u.start_date,
    aiSystemId: u.product_ai_system_id,
    outputUse: u.output_use,
    inputData: u.input_data,
    personalData: u.personal_data,
    sensitiveData: u.sensitive_data,
    automation: u.automation,
    humanOversight: u.human_oversight,
    feedbackLink: publicLink(u.id),
  });
}

export async function getImpactAssessment(ctx: Ctx, id: number): Promise<ImpactAssessmentView> {
  const u = await mustUse(ctx, id);
  const versions = await store.listAssessments(ctx.db, id);
  const live = u.status !== 'retired';
  return {
    useId: id,
    sections: AI02_SECTIONS.map((s) => ({ ...s, fields: [...s.fields] })),
    current: versions[0] ? versionView(versions[0]) : null,
    prefill: prefillOf(u),
    versions: versions.map((v) => {
      const { content: _c, ...rest } = versionView(v);
      return rest;
    }),
    required: u.assessment_required,
    due: u.assessment_due,
    can: {
      edit: live && can(ctx.actor, 'edit', useTarget(u)),
      approve: live && can(ctx.actor, 'approve', useTarget(u)),
    },
  };
}

export async function saveImpactAssessment(ctx: Ctx, id: number, content: Record<string, string>) {
  const actor = requireActor(ctx);
  const u = await mustUse(ctx, id);
  authorize(ctx, 'edit', useTarget(u));
  if (u.status === 'retired') throw conflict('ai_use.retired', 'Hệ thống đã ngừng sử dụng.');
  const clean = normaliseAi02(content);
  return ctx.db.transaction().execute(async (tx) => {
    await store.lockUse(tx, id);
    const latest = (await store.listAssessments(tx, id))[0];
    let assessmentId: number;
    let version: number;
    if (latest?.status === 'draft') {
      await store.updateAssessment(tx, latest.id, { content: clean });
      [assessmentId, version] = [latest.id, latest.version];
    } else {
      version = (latest?.version ?? 0) + 1;
      assessmentId = await store.insertAssessment(tx, id, version, clean, actor.userId);
    }
    await recordAudit(tx, ctx, {
      action: 'ai_assessment.save',
      entityType: 'ai_impact_assessment',
      entityId: assessmentId,
      unitId: u.unit_id,
      after: { useId: id, version },
    });
    return { id: assessmentId, version, status: 'draft' as const };
  });
}

async function latestIn(ctx: Ctx, id: number, status: 'draft' | 'approved', message: string) {
  const u = await mustUse(ctx, id);
  authorize(ctx, 'approve', useTarget(u));
  const latest = (await store.listAssessments(ctx.db, id))[0];
  if (!latest || latest.status !== status) throw conflict('ai_assessment.state', message);
  return { u, latest };
}

export async function approveImpactAssessment(ctx: Ctx, id: number) {
  const actor = requireActor(ctx);
  const { u, latest } = await latestIn(ctx, id, 'draft', 'Không có dự thảo báo cáo đánh giá tác động để phê duyệt.');
  const missing = missingAi02Fields(latest.content as Ai02Content);
  if (missing.length)
    throw invalid(
      'ai_assessment.incomplete',
      `Báo cáo còn ${missing.length} mục chưa nhập: hoàn thiện trước khi phê duyệt.`,
      missing,
    );
  const approverName = (await store.userFullName(ctx.db, actor.userId)) ?? actor.username;
  return ctx.db.transaction().execute(async (tx) => {
    await store.updateAssessment(tx, latest.id, {
      status: 'approved',
      approved: true,
      approvedBy: actor.userId,
      approverName,
    });
    await store.updateUse(tx, id, { assessment_due: false });
    await notify(tx, {
      unitId: u.unit_id,
      kind: 'ai_assessment.approved',
      link: `/he-thong-ai/${id}/danh-gia-tac-dong`,
      title: `Đã phê duyệt báo cáo đánh giá tác động: ${u.product_name}`,
      body: `Phiên bản ${latest.version}, người phê duyệt: ${approverName}.`,
    });
    await recordAudit(tx, ctx, {
      action: 'ai_assessment.approve',
      entityType: 'ai_impact_assessment',
      entityId: latest.id,
      unitId: u.unit_id,
      after: { version: latest.version },
    });
    return { id: latest.id, version: latest.version, status: 'approved' as const };
  });
}

/** Publishing the approved report also puts the use in the public register. */
export async function publishImpactAssessment(ctx: Ctx, id: number) {
  const { u, latest } = await latestIn(ctx, id, 'approved', 'Chỉ công khai được báo cáo đã được phê duyệt.');
  return afterDelivery(
    ctx.db.transaction().execute(async (tx) => {
      await store.updateAssessment(tx, latest.id, { status: 'published', published: true });
      if (!u.published_at) await store.updateUse(tx, id, { published_at: new Date() });
      await recordAudit(tx, ctx, {
        action: 'ai_assessment.publish',
        entityType: 'ai_impact_assessment',
        entityId: latest.id,
        unitId: u.unit_id,
        after: { version: latest.version },
      });
      await deliverAiUse(tx, id);
      return { id: latest.id, version: latest.version, status: 'published' as const };
    }),
  );
}
