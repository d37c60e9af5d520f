// Organisation accounts (Nghị định 142/2026 Đ35.4: conditionally open data for organisations as well as agencies).
// An outside organisation registers with its tax code and a contact and receives an access key, shown once; the
// province's unit administrators check the organisation and approve the account; from then on the key asks for
// access to a dataset (decided by the owning unit's leader like any request) and downloads under a grant. The key
// travels as `Authorization: Bearer thk_…`; only its SHA-256 is kept, so a lost key is replaced (with the old key,
// or with a code mailed to the contact: organisation-key-recovery.ts), never recovered.
import type {
  OrganisationAccessRequestInputSchema,
  OrganisationDecisionSchema,
  OrganisationListQuerySchema,
  OrganisationRegistration,
} from '../../../contracts/data-organisations.ts';
import type { z } from '@hono/zod-openapi';
import { ORGANISATION_STATUS_LABEL } from '../../../domain/datasets/model.ts';
import { AppError, conflict, notFound } from '../../../domain/errors.ts';
import { recordAudit } from '../../audit/index.ts';
import { authorize, requireActor, type Ctx } from '../../context.ts';
import { sendMail } from '../../mail/index.ts';
import { notify } from '../../notifications/index.ts';
import * as access from '../store/access.ts';
import { fileRequest } from './file-request.ts';
import { KEY_PREFIX, newAccessKey, provinceTarget, sha256 } from './organisation-keys.ts';
import * as datasets from '../store/datasets.ts';
import * as store from '../store/organisations.ts';

type MailConfig = Parameters<typeof sendMail>[0];
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export async function registerOrganisation(ctx: Ctx, b: OrganisationRegistration) {
  const province = await provinceTarget(ctx);
  const k = newAccessKey();
  const id = await ctx.db.transaction().execute(async (tx) => {
    let organisationId: number;
    try {
      organisationId = await store.insertOrganisation(tx, { ...b, keyHash: k.hash, keyHint: k.hint });
    } catch (err) {
      if ((err as { code?: string }).code === '23505')
        throw conflict(
          'organisation.exists',
          `Mã số thuế ${b.taxCode} đã có tài khoản tổ chức đang chờ xác minh hoặc đang hoạt động. Nếu mất khóa truy cập, hãy dùng khóa cũ để đổi khóa hoặc liên hệ Sở Khoa học và Công nghệ.`,
        );
      throw err;
    }
    await recordAudit(tx, ctx, {
      action: 'data_organisation.register',
      entityType: 'data_organisation',
      entityId: organisationId,
      unitId: province.unitId,
      after: { name: b.name, taxCode: b.taxCode, kind: b.kind },
    });
    await notify(tx, {
      unitId: province.unitId,
      kind: 'dataset.organisation_registered',
      title: `Tổ chức "${b.name}" đăng ký tài khoản khai thác dữ liệu`,
      body: `Mã số thuế ${b.taxCode}. Cần xác minh trước khi tổ chức được đề nghị truy cập dữ liệu.`,
      link: '/du-lieu/to-chuc',
    });
    return organisationId;
  });
  return { id, name: b.name, status: 'pending' as const, accessKey: k.key };
}

/** The organisation behind `Authorization: Bearer thk_…`, or 401. */
export async function organisationFromKey(ctx: Pick<Ctx, 'db'>, authorization: string | undefined) {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!m)
    throw new AppError(
      'organisation.key_required',
      401,
      'Cần khóa truy cập của tổ chức (tiêu đề Authorization: Bearer thk_…). Tổ chức chưa có khóa hãy đăng ký tại trang Dữ liệu phục vụ AI.',
    );
  const key = m[1] as string;
  const org = key.startsWith(KEY_PREFIX) ? await store.organisationByKeyHash(ctx.db, sha256(key)) : undefined;
  if (!org)
    throw new AppError('organisation.key_invalid', 401, 'Khóa truy cập không đúng hoặc đã được thay bằng khóa mới.');
  await store.touchOrganisation(ctx.db, org.id);
  return org;
}

function mustBeActive(org: store.OrganisationRow): void {
  if (org.status === 'active') return;
  const why =
    org.status === 'pending'
      ? 'Tài khoản tổ chức đang chờ tỉnh xác minh: chưa đề nghị truy cập hay tải dữ liệu được.'
      : org.status === 'refused'
        ? `Tài khoản tổ chức không được chấp thuận${org.decision_reason ? `: ${org.decision_reason}` : '.'}`
        : `Tài khoản tổ chức đã bị tạm dừng${org.decision_reason ? `: ${org.decision_reason}` : '.'}`;
  throw new AppError('organisation.not_active', 403, why);
}

export async function organisationSelf(ctx: Pick<Ctx, 'db'>, org: store.OrganisationRow) {
  const requests = await access.requestsOfOrganisation(ctx.db, org.id);
  return {
    id: org.id,
    name: org.name,
    taxCode: org.tax_code,
    kind: org.kind,
    status: org.status,
    statusLabel: ORGANISATION_STATUS_LABEL[org.status],
    decisionReason: org.decision_reason,
    keyHint: org.key_hint,
    requests: requests.map((r) => ({
      id: r.id,
      datasetId: r.dataset_id,
      datasetTitle: r.dataset_title,
      status: r.status,
      durationDays: r.duration_days,
      reason: r.decision_reason,
      expiresAt: iso(r.expires_at),
      revokedAt: iso(r.revoked_at),
      createdAt: iso(r.created_at) as string,
    })),
  };
}

/** A new key replaces the old one at once (a key that leaked, a person who left). */
export async function replaceOrganisationKey(ctx: Ctx, org: store.OrganisationRow) {
  const province = await provinceTarget(ctx);
  const k = newAccessKey();
  await ctx.db.transaction().execute(async (tx) => {
    await store.replaceKey(tx, org.id, k.hash, k.hint);
    await recordAudit(tx, ctx, {
      action: 'data_organisation.key_replace',
      entityType: 'data_organisation',
      entityId: org.id,
      unitId: province.unitId,
      after: { keyHint: k.hint },
    });
  });
  return { id: org.id, name: org.name, status: org.status, accessKey: k.key };
}

export async function requestAccessAsOrganisation(
  ctx: Ctx,
  org: store.OrganisationRow,
  id: number,
  b: z.infer<typeof OrganisationAccessRequestInputSchema>,
): Promise<{ id: number }> {
  mustBeActive(org);
  const d = await datasets.getDataset(ctx.db, id);
  if (!d || d.status !== 'published') throw notFound('bộ dữ liệu');
  if (d.access_class === 'open')
    throw conflict('dataset.open', 'Đây là dữ liệu mở: ai cũng tải được, không cần đề nghị truy cập.');
  if (await access.validGrant(ctx.db, id, { organisationId: org.id }))
    throw conflict(
      'dataset.access_granted',
      'Tổ chức đã được chấp thuận truy cập bộ dữ liệu này và quyền vẫn còn hạn.',
    );
  return fileRequest(
    ctx,
    d,
    { userId: null, unitId: null, organisationId: org.id, organisation: org.name, ...b },
    { who: 'Tổ chức', title: `Tổ chức "${org.name}" đề nghị truy cập bộ dữ liệu "${d.title}"` },
  );
}

/** The grant an organisation downloads under (403 when its account or its grant does not allow it). */
export async function organisationGrant(ctx: Pick<Ctx, 'db'>, org: store.OrganisationRow, datasetId: number) {
  mustBeActive(org);
  const grant = await access.validGrant(ctx.db, datasetId, { organisationId: org.id });
  if (!grant)
    throw new AppError(
      'dataset.grant_required',
      403,
      'Tổ chức chưa có quyền truy cập còn hạn cho bộ dữ liệu này: hãy gửi đề nghị truy cập và chờ đơn vị chủ quản chấp thuận.',
    );
  return grant;
}

function organisationView(r: store.OrganisationAdminRow) {
  return {
    id: r.id,
    name: r.name,
    taxCode: r.tax_code,
    kind: r.kind,
    address: r.address,
    contactName: r.contact_name,
    contactEmail: r.contact_email,
    contactPhone: r.contact_phone,
    status: r.status,
    decidedBy: r.decided_by_name,
    decidedAt: iso(r.decided_at),
    decisionReason: r.decision_reason,
    keyHint: r.key_hint,
    lastUsedAt: iso(r.last_used_at),
    requests: Number(r.requests ?? 0),
    createdAt: iso(r.created_at) as string,
  };
}

/** The province's administrators' list; the contacts are personal data, so each read that shows some is audited. */
export async function listOrganisations(ctx: Ctx, q: z.infer<typeof OrganisationListQuerySchema>) {
  const province = await provinceTarget(ctx);
  authorize(ctx, 'manageUsers', province);
  const { total, rows } = await store.listOrganisations(ctx.db, q);
  if (rows.length)
    await ctx.db.transaction().execute((tx) =>
      recordAudit(tx, ctx, {
        action: 'data_organisation.contact_view',
        entityType: 'data_organisation',
        entityId: rows.length === 1 ? (rows[0] as { id: number }).id : null,
        unitId: province.unitId,
        after: { organisationIds: rows.map((r) => r.id) },
      }),
    );
  return { total, items: rows.map(organisationView) };
}

/** Each decision: the states it applies to, the state it leads to, and its verb for the refusal message. */
const NEXT_STATUS = {
  approve: { from: ['pending', 'refused'], to: 'active', verb: 'chấp thuận' },
  refuse: { from: ['pending'], to: 'refused', verb: 'từ chối' },
  suspend: { from: ['active'], to: 'suspended', verb: 'tạm dừng' },
  reinstate: { from: ['suspended'], to: 'active', verb: 'cho hoạt động lại' },
} as const;

export async function decideOrganisation(
  ctx: Ctx,
  id: number,
  b: z.infer<typeof OrganisationDecisionSchema>,
  mail?: MailConfig,
) {
  const actor = requireActor(ctx);
  const province = await provinceTarget(ctx);
  authorize(ctx, 'manageUsers', province);
  const org = await store.organisationById(ctx.db, id);
  if (!org) throw notFound('tài khoản tổ chức');
  const step = NEXT_STATUS[b.decision];
  if (!(step.from as readonly string[]).includes(org.status))
    throw conflict(
      'organisation.state',
      `Tài khoản đang ở trạng thái "${ORGANISATION_STATUS_LABEL[org.status]}": không thể ${step.verb}.`,
    );
  await ctx.db.transaction().execute(async (tx) => {
    await store.decideOrganisation(tx, id, { status: step.to, userId: actor.userId, reason: b.reason });
    await recordAudit(tx, ctx, {
      action: `data_organisation.${b.decision}`,
      entityType: 'data_organisation',
      entityId: id,
      unitId: province.unitId,
      before: { status: org.status },
      after: { status: step.to, reason: b.reason },
    });
  });
  if (mail?.smtpUrl) {
    try {
      await sendMail(mail, {
        to: [org.contact_email],
        subject: `Tài khoản khai thác dữ liệu của ${org.name}: ${ORGANISATION_STATUS_LABEL[step.to].toLowerCase()}`,
        text:
          `Tài khoản tổ chức "${org.name}" (mã số thuế ${org.tax_code}) trên Cơ sở dữ liệu phục vụ trí tuệ nhân tạo ` +
          `của tỉnh: ${ORGANISATION_STATUS_LABEL[step.to].toLowerCase()}.${b.reason ? `\n\nLý do: ${b.reason}` : ''}`,
      });
    } catch (e) {
      // A mail failure never undoes the decision: the organisation also sees its status with its key.
      console.warn(`Không gửi được thư cho tổ chức ${org.id}: ${(e as Error).message}`);
    }
  }
  return organisationView((await store.getOrganisationForAdmin(ctx.db, id)) as store.OrganisationAdminRow);
}
