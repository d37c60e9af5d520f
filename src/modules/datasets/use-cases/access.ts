// Access to a dataset's files (Nghị định 142/2026 Đ35.4): requests decided by the owning unit's leader (an approval
// is a grant with an expiry), downloads (open files by anyone; the others under a grant or by the owning unit), and
// the access log every download writes, append-only.
import { AppError, conflict, forbidden, invalid, notFound } from '../../../domain/errors.ts';
import { can } from '../../../domain/permissions.ts';
import { recordAudit } from '../../audit/index.ts';
import { authorize, requireActor, type Ctx } from '../../context.ts';
import { notify } from '../../notifications/index.ts';
import { sendMail } from '../../mail/index.ts';
import * as access from '../store/access.ts';
import * as datasets from '../store/datasets.ts';
import * as resources from '../store/resources.ts';
import { mustDataset } from './catalogue.ts';
import { fileRequest } from './file-request.ts';
import { datasetTarget, hasUnresolved, ownerTarget } from './views.ts';
import { organisationGrant } from './organisations.ts';
import type { OrganisationRow } from '../store/organisations.ts';
import { ORGANISATION_KIND_LABEL } from '../../../domain/datasets/model.ts';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export async function requestAccess(
  ctx: Ctx,
  id: number,
  b: { purpose: string; intendedUse: string; durationDays: number; organisation: string },
): Promise<{ id: number }> {
  const actor = requireActor(ctx);
  const d = await datasets.getDataset(ctx.db, id);
  // Any signed-in user may ask for a published dataset; a draft exists only for its readers.
  if (!d || (d.status !== 'published' && !can(ctx.actor, 'read', datasetTarget(d)))) throw notFound('bộ dữ liệu');
  if (d.status !== 'published')
    throw conflict('dataset.not_published', 'Bộ dữ liệu chưa công bố: chưa nhận đề nghị truy cập.');
  if (d.access_class === 'open')
    throw conflict('dataset.open', 'Đây là dữ liệu mở: ai cũng tải được, không cần đề nghị truy cập.');
  if (can(ctx.actor, 'readPersonalData', datasetTarget(d)))
    throw conflict('dataset.own', 'Bộ dữ liệu thuộc đơn vị của bạn: bạn đã có quyền truy cập.');
  if (await access.validGrant(ctx.db, id, { userId: actor.userId }))
    throw conflict('dataset.access_granted', 'Bạn đã được chấp thuận truy cập bộ dữ liệu này và quyền vẫn còn hạn.');
  return fileRequest(
    ctx,
    d,
    { userId: actor.userId, unitId: actor.unitId, ...b },
    {
      who: 'Bạn',
      title: `Đề nghị truy cập bộ dữ liệu "${d.title}"`,
    },
  );
}

function requestView(r: access.AccessRequestRow) {
  return {
    id: r.id,
    datasetId: r.dataset_id,
    datasetTitle: r.dataset_title,
    requester:
      r.requester_id === null
        ? null
        : { id: r.requester_id, name: r.requester_name ?? '', unitName: r.requester_unit_name ?? '' },
    organisationAccount:
      r.organisation_id === null || !r.org_kind
        ? null
        : {
            id: r.organisation_id,
            name: r.org_name ?? '',
            taxCode: r.org_tax_code ?? '',
            kindLabel: ORGANISATION_KIND_LABEL[r.org_kind],
            status: r.org_status ?? '',
            contactName: r.org_contact_name ?? '',
            contactEmail: r.org_contact_email ?? '',
            contactPhone: r.org_contact_phone ?? '',
          },
    organisation: r.organisation,
    purpose: r.purpose,
    intendedUse: r.intended_use,
    durationDays: r.duration_days,
    status: r.status,
    decidedBy: r.decided_by_name,
    decidedAt: iso(r.decided_at),
    reason: r.decision_reason,
    expiresAt: iso(r.expires_at),
    revokedAt: iso(r.revoked_at),
    createdAt: iso(r.created_at) as string,
  };
}

export async function listAccessRequests(ctx: Ctx, id: number) {
  const d = await mustDataset(ctx, id);
  authorize(ctx, 'approve', datasetTarget(d));
  const rows = await access.listRequests(ctx.db, id);
  // An organisation's contact person is personal data: who saw it is in the audit trail.
  const organisations = [...new Set(rows.flatMap((r) => (r.organisation_id === null ? [] : [r.organisation_id])))];
  if (organisations.length)
    await ctx.db.transaction().execute((tx) =>
      recordAudit(tx, ctx, {
        action: 'data_organisation.contact_view',
        entityType: 'dataset',
        entityId: id,
        unitId: d.unit_id,
        after: { organisationIds: organisations },
      }),
    );
  return { items: rows.map(requestView) };
}

export async function decideAccessRequest(
  ctx: Ctx,
  id: number,
  requestId: number,
  b: { decision: 'approve' | 'refuse'; reason: string; durationDays?: number },
  mail?: Parameters<typeof sendMail>[0],
) {
  const actor = requireActor(ctx);
  const d = await mustDataset(ctx, id);
  authorize(ctx, 'approve', datasetTarget(d));
  const r = await access.getRequest(ctx.db, id, requestId);
  if (!r) throw notFound('đề nghị truy cập');
  if (r.status !== 'pending') throw conflict('dataset.access_decided', 'Đề nghị này đã được xem xét.');
  if (b.durationDays && b.durationDays > r.duration_days)
    throw invalid('dataset.access_days', `Chỉ chấp thuận tối đa ${r.duration_days} ngày như đã đề nghị.`, [
      { path: 'durationDays', message: `Tối đa ${r.duration_days} ngày.` },
    ]);
  const approved = b.decision === 'approve';
  const days = approved ? (b.durationDays ?? r.duration_days) : null;
  await ctx.db.transaction().execute(async (tx) => {
    await access.decideRequest(tx, requestId, {
      status: approved ? 'approved' : 'refused',
      userId: actor.userId,
      reason: b.reason,
      days,
    });
    await recordAudit(tx, ctx, {
      action: approved ? 'dataset.access_approve' : 'dataset.access_refuse',
      entityType: 'dataset',
      entityId: id,
      unitId: d.unit_id,
      after: { requestId, requester: r.requester_id, days, reason: b.reason },
    });
    // An organisation has no inbox here: it reads the decision with its key (and by mail, below).
    if (r.requester_id !== null)
      await notify(tx, {
        userId: r.requester_id,
        kind: 'dataset.access_decision',
        title: approved
          ? `Đề nghị truy cập "${d.title}" đã được chấp thuận (${days} ngày)`
          : `Đề nghị truy cập "${d.title}" bị từ chối`,
        body: b.reason,
        link: `/du-lieu/${id}`,
      });
  });
  if (r.organisation_id !== null && r.org_contact_email && mail?.smtpUrl) {
    const what = approved ? `được chấp thuận trong ${days} ngày` : 'bị từ chối';
    try {
      await sendMail(mail, {
        to: [r.org_contact_email],
        subject: `Đề nghị truy cập "${d.title}" ${what}`,
        text: `Đề nghị truy cập bộ dữ liệu "${d.title}" của ${r.org_name} ${what}.${b.reason ? `\n\nÝ kiến: ${b.reason}` : ''}`,
      });
    } catch (e) {
      // The decision stands; the organisation also reads it with its key.
      console.warn(`Không gửi được thư cho tổ chức ${r.organisation_id}: ${(e as Error).message}`);
    }
  }
  const updated = await access.getRequest(ctx.db, id, requestId);
  return requestView(updated as access.AccessRequestRow);
}

export async function revokeAccess(ctx: Ctx, id: number, requestId: number, reason: string) {
  const actor = requireActor(ctx);
  const d = await mustDataset(ctx, id);
  authorize(ctx, 'approve', datasetTarget(d));
  const r = await access.getRequest(ctx.db, id, requestId);
  if (!r) throw notFound('đề nghị truy cập');
  if (r.status !== 'approved' || r.revoked_at)
    throw conflict('dataset.access_not_granted', 'Chỉ thu hồi được quyền truy cập đã chấp thuận và chưa bị thu hồi.');
  await ctx.db.transaction().execute(async (tx) => {
    await access.revokeGrant(tx, requestId, actor.userId, reason);
    await recordAudit(tx, ctx, {
      action: 'dataset.access_revoke',
      entityType: 'dataset',
      entityId: id,
      unitId: d.unit_id,
      after: { requestId, requester: r.requester_id, reason },
    });
  });
  return requestView((await access.getRequest(ctx.db, id, requestId)) as access.AccessRequestRow);
}

export async function accessLog(ctx: Ctx, id: number, q: { limit: number; offset: number }) {
  const d = await mustDataset(ctx, id);
  const t = datasetTarget(d);
  if (!can(ctx.actor, 'edit', t) && !can(ctx.actor, 'approve', t)) authorize(ctx, 'approve', t);
  const { total, rows } = await access.listAccessLog(ctx.db, id, q.limit, q.offset);
  return {
    total,
    items: rows.map((r) => ({
      at: iso(r.at) as string,
      resourceId: r.resource_id,
      resourceTitle: r.resource_title,
      version: r.version,
      user: r.user_id ? { id: r.user_id, name: r.full_name ?? '', unitName: r.unit_name ?? '' } : null,
      organisation: r.organisation_id ? { id: r.organisation_id, name: r.organisation_name ?? '' } : null,
      ip: r.ip,
      grantId: r.grant_id,
      channel: r.channel,
    })),
  };
}

export interface FileAnswer {
  filename: string;
  mime: string;
  content: Buffer;
}

/** The owning unit's download of any version of a file (one with personal data only for its holders). */
export async function downloadOwnVersion(
  ctx: Ctx,
  id: number,
  resourceId: number,
  version: number | undefined,
): Promise<FileAnswer> {
  const d = await mustDataset(ctx, id);
  // Any version, any class: the owning side only (others download the current file by its access class).
  authorize(ctx, 'read', ownerTarget(d));
  const r = await resources.getResource(ctx.db, id, resourceId);
  if (!r) throw notFound('tệp dữ liệu');
  const v = await resources.versionContent(ctx.db, resourceId, version ?? r.version);
  if (!v) throw notFound('phiên bản tệp');
  if (v.personal_columns > 0 && !can(ctx.actor, 'readPersonalData', datasetTarget(d)))
    throw forbidden('Tệp có dữ liệu cá nhân: chỉ cán bộ của đơn vị chủ quản được tải.');
  await access.logAccess(ctx.db, {
    datasetId: id,
    resourceId,
    versionId: v.id,
    version: v.version,
    userId: ctx.actor?.userId || null,
    ip: ctx.ip,
    grantId: null,
    channel: 'download',
  });
  return { filename: v.filename, mime: v.mime, content: v.content };
}

/**
 * The public download: the current version of a published dataset's file. Open data: anyone, unless the file
 * still holds personal data nobody has cleared (then it is not published). Conditional and commercial: the owning
 * unit, or a signed-in holder of a valid grant; anyone else gets 403.
 */
export async function downloadPublished(
  ctx: Ctx,
  id: number,
  resourceId: number,
  organisation?: OrganisationRow,
): Promise<FileAnswer> {
  const d = await datasets.getDataset(ctx.db, id);
  if (!d || d.status !== 'published') throw notFound('bộ dữ liệu');
  const r = await resources.getResource(ctx.db, id, resourceId);
  if (!r) throw notFound('tệp dữ liệu');
  const owner = can(ctx.actor, 'readPersonalData', datasetTarget(d));
  let grantId: number | null = null;
  if (d.access_class === 'open') {
    const decisions = await resources.decisionsFor(ctx.db, [r.version_id]);
    if (!owner && hasUnresolved(r, decisions)) throw notFound('tệp dữ liệu');
  } else if (organisation && !owner) {
    grantId = (await organisationGrant(ctx, organisation, id)).id;
  } else if (!owner) {
    const grant = ctx.actor ? await access.validGrant(ctx.db, id, { userId: ctx.actor.userId }) : undefined;
    if (!grant)
      throw new AppError(
        'dataset.grant_required',
        403,
        ctx.actor
          ? 'Bạn chưa có quyền truy cập còn hạn cho bộ dữ liệu này: hãy gửi đề nghị truy cập và chờ đơn vị chủ quản chấp thuận.'
          : 'Đây là dữ liệu mở có điều kiện: cần đăng nhập và được đơn vị chủ quản chấp thuận đề nghị truy cập.',
      );
    grantId = grant.id;
  }
  const v = await resources.versionContent(ctx.db, resourceId, r.version);
  if (!v) throw notFound('tệp dữ liệu');
  await access.logAccess(ctx.db, {
    datasetId: id,
    resourceId,
    versionId: v.id,
    version: v.version,
    userId: ctx.actor?.userId || null,
    organisationId: organisation?.id ?? null,
    ip: ctx.ip,
    grantId,
    channel: organisation ? 'api' : 'download',
  });
  return { filename: v.filename, mime: v.mime, content: v.content };
}
