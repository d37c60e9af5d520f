// What the datasets routes (the provincial AI database) take and answer: catalogue entries, resources with their
// quality reports, personal-data decisions and de-identification, access requests, the access log, and the public
// catalogue. Pure: no node: modules, no database, nothing from src/modules.
import { z } from '@hono/zod-openapi';
import {
  ACCESS_CLASS_LABEL,
  ACCESS_METHOD_LABEL,
  ACCESS_REQUEST_STATUS_LABEL,
  DATASET_STATUS_LABEL,
  LABELLING_LABEL,
  UPDATE_FREQUENCY_LABEL,
} from '../domain/datasets/model.ts';
import { TableSchemaSchema } from './dataset-quality.ts';
import { SyncStateSchema } from './sync.ts';
import {
  Base64,
  Code,
  FileName,
  Id,
  Instant,
  IsoDate,
  IsoDay,
  keysOf,
  Limit,
  LongText,
  Offset,
  QueryId,
  SearchQuery,
  ShortText,
} from './common.ts';

export const AccessClassSchema = z.enum(keysOf(ACCESS_CLASS_LABEL));
export const DatasetStatusSchema = z.enum(keysOf(DATASET_STATUS_LABEL));
export const UpdateFrequencySchema = z.enum(keysOf(UPDATE_FREQUENCY_LABEL));
export const AccessMethodSchema = z.enum(keysOf(ACCESS_METHOD_LABEL));
export const LabellingSchema = z.enum(keysOf(LABELLING_LABEL));
export const AccessRequestStatusSchema = z.enum(keysOf(ACCESS_REQUEST_STATUS_LABEL));

/** A resource file as sent: 40 MB of file at most (about 54 MB of base64), read in the worker pool. */
export const RESOURCE_MAX_BYTES = 40 * 1024 * 1024;
export const RESOURCE_BODY_MAX_BYTES = Math.ceil((RESOURCE_MAX_BYTES * 4) / 3) + 64 * 1024;

const Email = z
  .string()
  .trim()
  .max(200)
  .refine(
    (v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
    'Thư điện tử không đúng dạng (ví dụ: ten@so.gov.vn).',
  );
const Phone = z
  .string()
  .trim()
  .max(40)
  .refine((v) => v === '' || /^\+?[0-9 .()-]{6,20}$/.test(v), 'Số điện thoại chỉ gồm chữ số, dấu cách, dấu chấm.');

export const DatasetInputSchema = z
  .object({
    unitId: Id,
    title: ShortText(300, 3),
    description: LongText(10_000).default(''),
    sector: Code(40, 1),
    keywords: z.array(ShortText(100, 1)).max(30).default([]),
    accessClass: AccessClassSchema,
    licence: LongText(2000).default(''),
    purposeLimits: LongText(4000).default(''),
    updateFrequency: UpdateFrequencySchema.default('irregular'),
    temporalStart: IsoDate.nullable().default(null),
    temporalEnd: IsoDate.nullable().default(null),
    /** The communes (or other units) the data covers. */
    spatialUnitIds: z.array(Id).max(500).default([]),
    standards: LongText(4000).default(''),
    legalBasis: LongText(4000).default(''),
    contactName: ShortText(200).default(''),
    contactEmail: Email.default(''),
    contactPhone: Phone.default(''),
    accessMethods: z.array(AccessMethodSchema).min(1).max(3).default(['download']),
    labelling: LabellingSchema.default('none'),
    labellingNote: LongText(2000).default(''),
    /** Kept inside the owning unit: never in the public catalogue nor sent to the national database. */
    internalNotes: LongText(4000).default(''),
    /** What changed, for the version history. */
    changeNote: ShortText(500).default(''),
  })
  .refine((d) => !d.temporalStart || !d.temporalEnd || d.temporalEnd >= d.temporalStart, {
    message: 'Thời gian kết thúc phải sau thời gian bắt đầu.',
    path: ['temporalEnd'],
  })
  .openapi('DatasetInput');
export type DatasetInput = z.infer<typeof DatasetInputSchema>;

export const DatasetListQuerySchema = z.object({
  q: SearchQuery().optional(),
  unitId: QueryId.optional(),
  sector: Code(40).optional(),
  accessClass: AccessClassSchema.optional(),
  status: DatasetStatusSchema.optional(),
  limit: Limit(200, 50),
  offset: Offset,
});

export const SectorSchema = z.object({ code: z.string(), name: z.string() }).openapi('DatasetSector');

export const PersonalFindingSchema = z.object({
  column: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  count: z.number().int(),
  dismissed: z
    .object({ reason: z.string(), by: z.string().nullable(), at: Instant })
    .nullable()
    .openapi({ description: 'Đã xác định là nhận nhầm (kèm lý do).' }),
});

/** The quality report as stored (src/domain/datasets/quality); the fields every client relies on are named. */
export const QualityReportSchema = z
  .looseObject({
    format: z.string(),
    rows: z.number().int(),
    columns: z.number().int(),
    score: z.number().int(),
    personalData: z.array(z.object({ column: z.string(), kind: z.string(), count: z.number().int() }).loose()),
  })
  .openapi('QualityReport');

export const ResourceVersionSummarySchema = z.object({
  version: z.number().int(),
  filename: z.string(),
  size: z.number().int(),
  qualityScore: z.number().int(),
  derived: z.boolean(),
  createdAt: Instant,
});

export const ResourceSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    version: z.number().int(),
    filename: z.string(),
    format: z.enum(['csv', 'xlsx', 'json']),
    size: z.number().int(),
    createdAt: Instant,
    quality: QualityReportSchema,
    personalData: z.array(PersonalFindingSchema),
    unresolved: z.number().int(),
    tableSchema: z.unknown().nullable(),
    deidentification: z.unknown().nullable(),
    versions: z.array(ResourceVersionSummarySchema),
  })
  .openapi('DatasetResource');

const UnitRef = z.object({ id: z.number().int(), name: z.string(), code: z.string().nullable() });

export const DatasetSummarySchema = z
  .object({
    id: z.number().int(),
    uuid: z.string(),
    title: z.string(),
    sector: z.string(),
    sectorName: z.string(),
    accessClass: AccessClassSchema,
    status: DatasetStatusSchema,
    unit: UnitRef,
    version: z.number().int(),
    resources: z.number().int(),
    qualityScore: z.number().int().nullable(),
    unresolvedPersonalData: z.number().int(),
    publishedAt: Instant.nullable(),
    updatedAt: Instant,
    sync: SyncStateSchema.nullable(),
  })
  .openapi('DatasetSummary');

export const DatasetListSchema = z.object({ items: z.array(DatasetSummarySchema), total: z.number().int() });

export const DatasetDetailSchema = z
  .object({
    id: z.number().int(),
    uuid: z.string(),
    unit: UnitRef,
    title: z.string(),
    description: z.string(),
    sector: z.string(),
    sectorName: z.string(),
    keywords: z.array(z.string()),
    accessClass: AccessClassSchema,
    licence: z.string(),
    purposeLimits: z.string(),
    updateFrequency: UpdateFrequencySchema,
    temporalStart: IsoDay.nullable(),
    temporalEnd: IsoDay.nullable(),
    spatial: z.array(UnitRef),
    standards: z.string(),
    legalBasis: z.string(),
    contactName: z.string(),
    contactEmail: z.string(),
    contactPhone: z.string(),
    accessMethods: z.array(AccessMethodSchema),
    labelling: LabellingSchema,
    labellingNote: z.string(),
    internalNotes: z.string(),
    status: DatasetStatusSchema,
    version: z.number().int(),
    publishedAt: Instant.nullable(),
    publishedBy: z.string().nullable(),
    retractedAt: Instant.nullable(),
    retractReason: z.string().nullable(),
    createdAt: Instant,
    updatedAt: Instant,
    resources: z.array(ResourceSchema),
    history: z.array(z.object({ version: z.number().int(), note: z.string(), by: z.string().nullable(), at: Instant })),
    blockers: z.array(z.object({ resourceId: z.number().int(), title: z.string(), columns: z.array(z.string()) })),
    pendingRequests: z.number().int(),
    myAccess: z
      .object({ requestId: z.number().int(), status: AccessRequestStatusSchema, expiresAt: Instant.nullable() })
      .nullable(),
    sync: SyncStateSchema.nullable(),
    can: z.object({
      edit: z.boolean(),
      publish: z.boolean(),
      retract: z.boolean(),
      decideAccess: z.boolean(),
      readLog: z.boolean(),
      requestAccess: z.boolean(),
      download: z.boolean(),
    }),
  })
  .openapi('DatasetDetail');
export type DatasetDetail = z.infer<typeof DatasetDetailSchema>;

export const CreatedDatasetSchema = z.object({ id: z.number().int(), uuid: z.string() });

export const RetractSchema = z.object({ reason: ShortText(2000, 5) });

export const ResourceUploadSchema = z
  .object({
    filename: FileName(200),
    contentBase64: Base64(RESOURCE_BODY_MAX_BYTES),
    title: ShortText(300).optional(),
    /** A Frictionless Table Schema (fields with types and constraints) the file is validated against. */
    tableSchema: TableSchemaSchema.optional(),
  })
  .openapi('ResourceUpload');

export const ResourceCreatedSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  quality: QualityReportSchema,
});

export const FindingDecisionSchema = z.object({
  column: ShortText(200, 1),
  kind: ShortText(40, 1),
  reason: ShortText(2000, 10),
});

export const DeidentifyStepSchema = z.discriminatedUnion('action', [
  z.object({ column: ShortText(200, 1), action: z.literal('drop') }),
  z.object({ column: ShortText(200, 1), action: z.literal('mask') }),
  z.object({ column: ShortText(200, 1), action: z.literal('generaliseToYear') }),
]);
export const DeidentifySchema = z.object({
  steps: z.array(DeidentifyStepSchema).min(1).max(50),
  quasiIdentifiers: z.array(ShortText(200, 1)).max(10).default([]),
});

export const DeidentifiedSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  quality: QualityReportSchema,
  kAnonymity: z
    .object({ columns: z.array(z.string()), smallestGroup: z.number().int(), groups: z.number().int() })
    .loose()
    .nullable(),
});

export const AccessRequestInputSchema = z.object({
  purpose: LongText(2000, 10),
  intendedUse: LongText(4000, 10),
  durationDays: z.number().int().min(1).max(1096),
  organisation: ShortText(300).default(''),
});

export const AccessDecisionSchema = z
  .object({
    decision: z.enum(['approve', 'refuse']),
    reason: ShortText(2000).default(''),
    /** Approve for fewer days than asked. */
    durationDays: z.number().int().min(1).max(1096).optional(),
  })
  .refine((d) => d.decision === 'approve' || d.reason.length >= 5, {
    message: 'Từ chối cần nêu lý do (ít nhất 5 ký tự).',
    path: ['reason'],
  });

export const AccessRequestSchema = z
  .object({
    id: z.number().int(),
    datasetId: z.number().int(),
    datasetTitle: z.string(),
    /** A signed-in user of a unit… */
    requester: z.object({ id: z.number().int(), name: z.string(), unitName: z.string() }).nullable(),
    /** …or an organisation account, with its contact (personal data: seen by those deciding, audited). */
    organisationAccount: z
      .object({
        id: z.number().int(),
        name: z.string(),
        taxCode: z.string(),
        kindLabel: z.string(),
        status: z.string(),
        contactName: z.string(),
        contactEmail: z.string(),
        contactPhone: z.string(),
      })
      .nullable(),
    organisation: z.string(),
    purpose: z.string(),
    intendedUse: z.string(),
    durationDays: z.number().int(),
    status: AccessRequestStatusSchema,
    decidedBy: z.string().nullable(),
    decidedAt: Instant.nullable(),
    reason: z.string().nullable(),
    expiresAt: Instant.nullable(),
    revokedAt: Instant.nullable(),
    createdAt: Instant,
  })
  .openapi('DatasetAccessRequest');
export const AccessRequestListSchema = z.object({ items: z.array(AccessRequestSchema) });

export const AccessLogQuerySchema = z.object({ limit: Limit(500, 100), offset: Offset });
export const AccessLogSchema = z.object({
  items: z.array(
    z.object({
      at: Instant,
      resourceId: z.number().int(),
      resourceTitle: z.string(),
      version: z.number().int(),
      user: z.object({ id: z.number().int(), name: z.string(), unitName: z.string() }).nullable(),
      organisation: z.object({ id: z.number().int(), name: z.string() }).nullable(),
      ip: z.string().nullable(),
      grantId: z.number().int().nullable(),
      channel: z.enum(['download', 'api']),
    }),
  ),
  total: z.number().int(),
});

// ---------------------------------------------------------------- the public catalogue

export const PublicDatasetQuerySchema = z.object({
  q: SearchQuery().optional(),
  sector: Code(40).optional(),
  accessClass: AccessClassSchema.optional(),
  unitId: QueryId.optional(),
  /** A commune the data covers. */
  communeId: QueryId.optional(),
  limit: Limit(200, 50),
  offset: Offset,
});

export const PublicResourceSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    format: z.enum(['csv', 'xlsx', 'json']),
    size: z.number().int(),
    rows: z.number().int(),
    columns: z.number().int(),
    qualityScore: z.number().int(),
    version: z.number().int(),
    updatedAt: Instant,
    /** Open data: anyone downloads. Otherwise only holders of a grant (after an access request). */
    openDownload: z.boolean(),
    downloadUrl: z.string(),
  })
  .strict()
  .openapi('PublicDatasetResource');

export const PublicDatasetSchema = z
  .object({
    id: z.number().int(),
    uuid: z.string(),
    title: z.string(),
    description: z.string(),
    sector: z.string(),
    sectorName: z.string(),
    keywords: z.array(z.string()),
    accessClass: AccessClassSchema,
    licence: z.string(),
    purposeLimits: z.string(),
    updateFrequency: UpdateFrequencySchema,
    temporalStart: IsoDay.nullable(),
    temporalEnd: IsoDay.nullable(),
    spatial: z.array(z.object({ id: z.number().int(), name: z.string() }).strict()),
    standards: z.string(),
    legalBasis: z.string(),
    contact: z.object({ name: z.string(), email: z.string(), phone: z.string() }).strict(),
    accessMethods: z.array(AccessMethodSchema),
    labelling: LabellingSchema,
    publisher: z.object({ id: z.number().int(), name: z.string() }).strict(),
    version: z.number().int(),
    publishedAt: Instant,
    modifiedAt: Instant,
    resources: z.array(PublicResourceSchema),
  })
  .strict()
  .openapi('PublicDataset');
export type PublicDataset = z.infer<typeof PublicDatasetSchema>;

export const PublicDatasetListSchema = z.object({ items: z.array(PublicDatasetSchema), total: z.number().int() });
