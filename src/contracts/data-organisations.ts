// Organisation accounts of the provincial AI database: what an outside organisation sends to register, what it
// reads about itself with its access key, and what the province's administrators see and decide. Pure.
import { z } from '@hono/zod-openapi';
import { ORGANISATION_KIND_LABEL, ORGANISATION_STATUS_LABEL } from '../domain/datasets/model.ts';
import { isTaxCode } from '../domain/datasets/quality/personal-cells.ts';
import { AccessRequestStatusSchema } from './datasets.ts';
import { Instant, keysOf, Limit, LongText, Offset, SearchQuery, ShortText } from './common.ts';

export const OrganisationKindSchema = z.enum(keysOf(ORGANISATION_KIND_LABEL));
export const OrganisationStatusSchema = z.enum(keysOf(ORGANISATION_STATUS_LABEL));

const TaxCode = z
  .string()
  .trim()
  .transform((v) => v.replace(/\s/g, ''))
  .refine(
    (v) => isTaxCode(v),
    'Mã số thuế (mã số doanh nghiệp) gồm 10 chữ số, có thể thêm "-" và 3 chữ số của chi nhánh; chữ số cuối là số kiểm tra.',
  );
const Email = z
  .string()
  .trim()
  .max(200)
  .refine((v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'Thư điện tử không đúng dạng (ví dụ: ten@congty.vn).');

export const OrganisationRegistrationSchema = z
  .object({
    name: ShortText(300, 3),
    taxCode: TaxCode,
    kind: OrganisationKindSchema,
    address: ShortText(500).default(''),
    contactName: ShortText(200, 2),
    contactEmail: Email,
    contactPhone: z
      .string()
      .trim()
      .max(40)
      .refine((v) => v === '' || /^\+?[0-9 .()-]{6,20}$/.test(v), 'Số điện thoại chỉ gồm chữ số, dấu cách, dấu chấm.')
      .default(''),
  })
  .openapi('OrganisationRegistration');
export type OrganisationRegistration = z.infer<typeof OrganisationRegistrationSchema>;

/** The key is shown in this answer only: the province keeps a hash. */
export const OrganisationKeySchema = z
  .object({ id: z.number().int(), name: z.string(), status: OrganisationStatusSchema, accessKey: z.string() })
  .openapi('OrganisationAccessKey');

/** A lost key: the account's tax code and its contact's e-mail; a code goes to that address. */
export const OrganisationKeyRecoverySchema = z
  .object({ taxCode: TaxCode, contactEmail: Email })
  .strict()
  .openapi('OrganisationKeyRecovery');
export const OrganisationKeyRecoverySentSchema = z
  .object({ message: z.string() })
  .openapi('OrganisationKeyRecoverySent');
/** The code from the e-mail, for a new key. */
export const OrganisationKeyRecoveryCodeSchema = z
  .object({ code: z.string().trim().min(10, 'Nhập mã khôi phục trong thư điện tử.').max(200) })
  .strict()
  .openapi('OrganisationKeyRecoveryCode');

export const OrganisationAccessRequestInputSchema = z.object({
  purpose: LongText(2000, 10),
  intendedUse: LongText(4000, 10),
  durationDays: z.number().int().min(1).max(1096),
});

export const OrganisationSelfSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    taxCode: z.string(),
    kind: OrganisationKindSchema,
    status: OrganisationStatusSchema,
    statusLabel: z.string(),
    decisionReason: z.string().nullable(),
    keyHint: z.string(),
    requests: z.array(
      z.object({
        id: z.number().int(),
        datasetId: z.number().int(),
        datasetTitle: z.string(),
        status: AccessRequestStatusSchema,
        durationDays: z.number().int(),
        reason: z.string().nullable(),
        expiresAt: Instant.nullable(),
        revokedAt: Instant.nullable(),
        createdAt: Instant,
      }),
    ),
  })
  .openapi('OrganisationSelf');

export const OrganisationListQuerySchema = z.object({
  status: OrganisationStatusSchema.optional(),
  q: SearchQuery().optional(),
  limit: Limit(200, 50),
  offset: Offset,
});

export const OrganisationSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    taxCode: z.string(),
    kind: OrganisationKindSchema,
    address: z.string(),
    contactName: z.string(),
    contactEmail: z.string(),
    contactPhone: z.string(),
    status: OrganisationStatusSchema,
    decidedBy: z.string().nullable(),
    decidedAt: Instant.nullable(),
    decisionReason: z.string().nullable(),
    keyHint: z.string(),
    lastUsedAt: Instant.nullable(),
    requests: z.number().int(),
    createdAt: Instant,
  })
  .openapi('DataOrganisation');
export const OrganisationListSchema = z.object({ items: z.array(OrganisationSchema), total: z.number().int() });

export const OrganisationDecisionSchema = z
  .object({
    decision: z.enum(['approve', 'refuse', 'suspend', 'reinstate']),
    reason: ShortText(2000).default(''),
  })
  .refine((d) => d.decision === 'approve' || d.decision === 'reinstate' || d.reason.length >= 5, {
    message: 'Từ chối hoặc tạm dừng cần nêu lý do (ít nhất 5 ký tự).',
    path: ['reason'],
  });
