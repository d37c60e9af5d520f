// Changing a use: its texts and status (a change of purpose, function, main data or scope makes an approved
// assessment due again, decree 142 Đ20.2; "in use" needs the approved assessment when one is required, Đ20.4, unless
// the leader overrides with a recorded reason), retiring it, publishing one that needs no assessment.
import type { UsePatch } from '../../../contracts/ai-systems.ts';
import { conflict, forbidden, invalid } from '../../../domain/errors.ts';
import { can } from '../../../domain/permissions.ts';
import {
  canMove,
  changedReassessmentFields,
  inUseBlocker,
  REASSESSMENT_FIELD_LABEL,
  USE_STATUS_LABEL,
  type ReassessmentField,
} from '../../../domain/ai-systems/model.ts';
import { recordAudit } from '../../audit/index.ts';
import { authorize, type Ctx } from '../../context.ts';
import { notify } from '../../notifications/index.ts';
import * as store from '../store/index.ts';
import { mustUse } from './read.ts';
import { afterDelivery, deliverAiUse } from './national.ts';
import { useTarget } from './views.ts';

const COLUMN: Record<Exclude<keyof UsePatch, 'overrideReason'>, string> = {
  purpose: 'purpose',
  scope: 'scope',
  usersServed: 'users_served',
  inputData: 'input_data',
  personalData: 'personal_data',
  sensitiveData: 'sensitive_data',
  outputUse: 'output_use',
  automation: 'automation',
  humanOversight: 'human_oversight',
  startDate: 'start_date',
  contract: 'contract',
  internalNotes: 'internal_notes',
  publicSummary: 'public_summary',
  status: 'status',
};

/** Refuses "in use" without what it needs; a leader's reason lets it through (and is returned to be recorded). */
function checkInUse(ctx: Ctx, u: store.UseRow, body: UsePatch, dueAfter: boolean): string | null {
  const blocker = inUseBlocker({
    level: u.level,
    impactAssessmentRequired: u.assessment_required,
    hasApprovedAssessment: u.approved_version !== null,
    assessmentDue: dueAfter,
  });
  if (!blocker) return null;
  if (body.overrideReason) {
    if (!can(ctx.actor, 'approve', useTarget(u)))
      throw forbidden('Chỉ lãnh đạo đơn vị được quyết định đưa vào sử dụng khi chưa đủ điều kiện.');
    return body.overrideReason;
  }
  throw blocker === 'unclassified'
    ? conflict('ai_use.unclassified', 'Cần phân loại rủi ro hệ thống trước khi đưa vào sử dụng.')
    : conflict(
        'ai_use.assessment_required',
        'Hệ thống bắt buộc có báo cáo đánh giá tác động (Mẫu AI02) được lãnh đạo đơn vị phê duyệt trước khi đưa vào sử dụng.',
      );
}

export async function updateAiUse(
  ctx: Ctx,
  id: number,
  body: UsePatch,
): Promise<{ id: number; assessmentDue: boolean; changed: ReassessmentField[] }> {
  const u = await mustUse(ctx, id);
  authorize(ctx, 'edit', useTarget(u));
  if (u.status === 'retired') throw conflict('ai_use.retired', 'Hệ thống đã ngừng sử dụng: không sửa được.');
  if (body.status && !canMove(u.status, body.status)) {
    throw invalid(
      'ai_use.status',
      `Không chuyển được từ "${USE_STATUS_LABEL[u.status]}" sang "${USE_STATUS_LABEL[body.status]}".`,
      [{ path: 'status', message: 'Trạng thái không hợp lệ.' }],
    );
  }
  const changed = changedReassessmentFields(
    { purpose: u.purpose, outputUse: u.output_use, inputData: u.input_data, scope: u.scope },
    body,
  );
  const dueAfter = u.assessment_due || (changed.length > 0 && u.approved_version !== null);
  const override = body.status === 'inUse' && u.status !== 'inUse' ? checkInUse(ctx, u, body, dueAfter) : null;
  const patch: Record<string, unknown> = Object.fromEntries(
    Object.entries(body)
      .filter(([k]) => k !== 'overrideReason')
      .map(([k, v]) => [COLUMN[k as keyof typeof COLUMN], v]),
  );
  if (dueAfter !== u.assessment_due) patch.assessment_due = dueAfter;
  if (override) patch.override_reason = override;
  return afterDelivery(
    ctx.db.transaction().execute(async (tx) => {
      await store.updateUse(tx, id, patch);
      if (dueAfter && !u.assessment_due) {
        await notify(tx, {
          unitId: u.unit_id,
          kind: 'ai_use.assessment_due',
          link: `/he-thong-ai/${id}`,
          title: `Cần đánh giá tác động lại: ${u.product_name}`,
          body: `Thay đổi ${changed.map((f) => REASSESSMENT_FIELD_LABEL[f]).join(', ')} của hệ thống: lập lại báo cáo đánh giá tác động (Mẫu AI02).`,
        });
      }
      await recordAudit(tx, ctx, {
        action: override ? 'ai_use.override' : 'ai_use.update',
        entityType: 'ai_use',
        entityId: id,
        unitId: u.unit_id,
        before: { status: u.status, assessmentDue: u.assessment_due },
        after: { ...patch, changed },
      });
      await deliverAiUse(tx, id);
      return { id, assessmentDue: dueAfter, changed };
    }),
  );
}

export async function retireAiUse(ctx: Ctx, id: number, reason: string): Promise<{ id: number; status: 'retired' }> {
  const u = await mustUse(ctx, id);
  authorize(ctx, 'edit', useTarget(u));
  if (u.status === 'retired') throw conflict('ai_use.retired', 'Hệ thống đã ngừng sử dụng.');
  return afterDelivery(
    ctx.db.transaction().execute(async (tx) => {
      await store.updateUse(tx, id, { status: 'retired', retire_reason: reason });
      await recordAudit(tx, ctx, {
        action: 'ai_use.retire',
        entityType: 'ai_use',
        entityId: id,
        unitId: u.unit_id,
        before: { status: u.status },
        after: { status: 'retired', reason },
      });
      await deliverAiUse(tx, id);
      return { id, status: 'retired' as const };
    }),
  );
}

/** A use that needs no assessment goes into the public register by its leader's act (one that needs one, with its AI02). */
export async function publishAiUse(ctx: Ctx, id: number): Promise<{ id: number; publishedAt: string }> {
  const u = await mustUse(ctx, id);
  authorize(ctx, 'approve', useTarget(u));
  if (u.status === 'retired') throw conflict('ai_use.retired', 'Hệ thống đã ngừng sử dụng.');
  if (u.assessment_required === null)
    throw conflict('ai_use.unclassified', 'Cần phân loại rủi ro hệ thống trước khi công khai.');
  if (u.assessment_required)
    throw conflict(
      'ai_use.publish_with_assessment',
      'Hệ thống bắt buộc đánh giá tác động: công khai cùng báo cáo Mẫu AI02 đã phê duyệt.',
    );
  return afterDelivery(
    ctx.db.transaction().execute(async (tx) => {
      await store.updateUse(tx, id, { published_at: new Date() });
      await recordAudit(tx, ctx, { action: 'ai_use.publish', entityType: 'ai_use', entityId: id, unitId: u.unit_id });
      await deliverAiUse(tx, id);
      return { id, publishedAt: new Date().toISOString() };
    }),
  );
}
