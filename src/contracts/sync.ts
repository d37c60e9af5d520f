// What travels between a province and the national node (Cơ sở dữ liệu quốc gia về trí tuệ nhân tạo), and what the
// province shows of its deliveries. The national database has not published its connection standard (Nghị định
// 142/2026 Đ32.2.b leaves it to Bộ Công an), so this is our own documented federated API: a mapped subset of the
// catalogue entry in DCAT terms, keyed by the province's uuid and versioned.
import { z } from '@hono/zod-openapi';
import { Instant, IsoDay, Limit, Offset, SearchQuery } from './common.ts';

export const SyncStatusSchema = z.enum(['pending', 'sent', 'accepted', 'rejected', 'superseded']);

export const NationalDistributionSchema = z
  .object({
    id: z.number().int(),
    title: z.string().max(300),
    format: z.enum(['csv', 'xlsx', 'json']),
    byteSize: z.number().int().nonnegative(),
    rows: z.number().int().nonnegative().nullable(),
    qualityScore: z.number().int().min(0).max(100).nullable(),
    /** Where the file is described (dcat:accessURL); for conditional data, where access is requested. */
    accessURL: z.string().url().max(2000),
    /** Where the file is fetched (dcat:downloadURL), only for open data. */
    downloadURL: z.string().url().max(2000).nullable(),
  })
  .openapi('NationalDistribution');

/** The catalogue entry a province delivers: `PUT /api/national/v1/datasets/{uuid}`. */
export const NationalDatasetEntrySchema = z
  .object({
    uuid: z.uuid(),
    /** Grows with each change at the province: the national node keeps the highest it has seen. */
    version: z.number().int().positive(),
    province: z.object({ code: z.string().min(1).max(10), name: z.string().max(200) }),
    publisher: z.object({ code: z.string().max(40).nullable(), name: z.string().max(300) }),
    title: z.string().min(1).max(300),
    description: z.string().max(10_000),
    sector: z.object({ code: z.string().max(40), name: z.string().max(200) }),
    keywords: z.array(z.string().max(100)).max(30),
    accessClass: z.enum(['open', 'conditional', 'commercial']),
    licence: z.string().max(2000),
    purposeLimits: z.string().max(4000),
    updateFrequency: z.string().max(40),
    temporal: z.object({ start: IsoDay.nullable(), end: IsoDay.nullable() }),
    spatial: z.array(z.object({ code: z.string().max(40).nullable(), name: z.string().max(300) })).max(500),
    standards: z.string().max(4000),
    legalBasis: z.string().max(4000),
    contact: z.object({ name: z.string().max(200), email: z.string().max(200), phone: z.string().max(40) }),
    accessMethods: z.array(z.enum(['download', 'api', 'secureEnvironment'])).max(3),
    labelling: z.enum(['none', 'partial', 'complete']),
    landingPage: z.string().url().max(2000),
    distributions: z.array(NationalDistributionSchema).max(200),
    issued: Instant.nullable(),
    modified: Instant,
  })
  .openapi('NationalDatasetEntry');
export type NationalDatasetEntry = z.infer<typeof NationalDatasetEntrySchema>;

/** A retraction: the entry leaves the national catalogue and a tombstone stays. */
export const NationalTombstoneSchema = z
  .object({ uuid: z.uuid(), version: z.number().int().positive(), reason: z.string().max(2000) })
  .openapi('NationalTombstone');
export type NationalTombstone = z.infer<typeof NationalTombstoneSchema>;

/** The delivery state of one record, as shown on its page. */
export const SyncStateSchema = z
  .object({
    status: SyncStatusSchema,
    op: z.enum(['put', 'delete']),
    version: z.number().int(),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    nextAttemptAt: Instant.nullable(),
    answeredAt: Instant.nullable(),
    remoteId: z.string().nullable(),
  })
  .openapi('SyncState');
export type SyncState = z.infer<typeof SyncStateSchema>;

// ---------------------------------------------------------------- AI systems (the national AI-systems registry)

/**
 * A use of an AI system as a province delivers it: `PUT /api/national/v1/ai-systems/{uuid}`. A mapped subset of
 * the local use record (Mẫu AI02 stays at the province): who deploys what, for which purpose, at which risk level.
 */
export const NationalAiSystemEntrySchema = z
  .object({
    uuid: z.uuid(),
    version: z.number().int().positive(),
    province: z.object({ code: z.string().min(1).max(10), name: z.string().max(200) }),
    deployer: z.object({ code: z.string().max(40).nullable(), name: z.string().min(1).max(300) }),
    productName: z.string().min(1).max(300),
    provider: z.string().max(300),
    purpose: z.string().max(4000),
    riskLevel: z.enum(['high', 'medium', 'low']).nullable(),
    status: z.enum(['planned', 'piloting', 'inUse', 'retired']),
    /** The identifier the national portal assigned (mã định danh hệ thống AI), when it has one. */
    aiSystemId: z.string().max(100).nullable(),
    publicSummary: z.string().max(10_000),
    landingPage: z.string().url().max(2000).nullable(),
    modified: Instant,
  })
  .openapi('NationalAiSystemEntry');
export type NationalAiSystemEntry = z.infer<typeof NationalAiSystemEntrySchema>;

// ---------------------------------------------------------------- the national node's answers

/**
 * What the national node did with a delivery. `ignored`: the node already holds a higher version (it says which);
 * `unchanged`: the same version again (a re-send after a lost answer).
 */
export const NationalWriteAnswerSchema = z
  .object({
    status: z.enum(['created', 'updated', 'unchanged', 'ignored', 'retracted']),
    uuid: z.uuid(),
    version: z.number().int(),
    /**
     * The registry's identifier of an AI system (mã định danh hệ thống AI, decree 142 Đ4.1.a), which the province
     * stores back; null for datasets and retractions.
     */
    remoteId: z.string().nullable().optional(),
  })
  .strict()
  .openapi('NationalWriteAnswer');
export type NationalWriteAnswer = z.infer<typeof NationalWriteAnswerSchema>;

export const UuidParam = z.object({
  uuid: z.uuid('Mã định danh (uuid) không hợp lệ.').openapi({
    param: { name: 'uuid', in: 'path' },
    example: '3f1c2a4e-8a7b-4c1d-9e2f-0a1b2c3d4e5f',
  }),
});

const Flag = z.enum(['1', '0', 'true', 'false']).optional();
const catalogueQuery = {
  province: z
    .string()
    .regex(/^[0-9A-Za-z]{1,10}$/, 'Mã tỉnh không hợp lệ.')
    .optional(),
  q: SearchQuery(200).optional(),
  includeRetracted: Flag,
  limit: Limit(200, 50),
  offset: Offset,
};
export const NationalDatasetQuery = z.object({
  ...catalogueQuery,
  sector: z.string().max(40).optional(),
  accessClass: z.enum(['open', 'conditional', 'commercial']).optional(),
});
export type NationalDatasetQuery = z.infer<typeof NationalDatasetQuery>;
export const NationalAiSystemQuery = z.object({
  ...catalogueQuery,
  riskLevel: z.enum(['high', 'medium', 'low']).optional(),
});
export type NationalAiSystemQuery = z.infer<typeof NationalAiSystemQuery>;

const ProvinceRef = z.object({ code: z.string(), name: z.string() }).strict();
/** What the national catalogue shows of every entry, whatever its kind: where it comes from, when it was received. */
const origin = {
  uuid: z.string(),
  version: z.number().int(),
  province: ProvinceRef,
  receivedAt: Instant,
  updatedAt: Instant,
  retractedAt: Instant.nullable(),
};

export const NationalDatasetItemSchema = z
  .object({
    ...origin,
    title: z.string(),
    sector: z.object({ code: z.string(), name: z.string() }).strict().nullable(),
    accessClass: z.enum(['open', 'conditional', 'commercial']).nullable(),
    publisher: z.object({ code: z.string().nullable(), name: z.string() }).strict().nullable(),
    modified: Instant.nullable(),
  })
  .strict()
  .openapi('NationalDatasetItem');
export type NationalDatasetItem = z.infer<typeof NationalDatasetItemSchema>;

export const NationalAiSystemItemSchema = z
  .object({
    ...origin,
    title: z.string(),
    deployer: z.object({ code: z.string().nullable(), name: z.string() }).strict().nullable(),
    riskLevel: z.enum(['high', 'medium', 'low']).nullable(),
    status: z.string().nullable(),
    aiSystemId: z.string().nullable(),
    modified: Instant.nullable(),
  })
  .strict()
  .openapi('NationalAiSystemItem');
export type NationalAiSystemItem = z.infer<typeof NationalAiSystemItemSchema>;

const list = <T extends z.ZodType>(item: T) =>
  z
    .object({ total: z.number().int(), limit: z.number().int(), offset: z.number().int(), items: z.array(item) })
    .strict();
export const NationalDatasetListSchema = list(NationalDatasetItemSchema).openapi('NationalDatasetList');
export const NationalAiSystemListSchema = list(NationalAiSystemItemSchema).openapi('NationalAiSystemList');

/** One entry: the catalogue entry as delivered, or only its tombstone once retracted. */
const TombstoneView = z.object({ version: z.number().int(), reason: z.string() }).strict();
export const NationalDatasetDetailSchema = z
  .object({ ...origin, entry: NationalDatasetEntrySchema.nullable(), tombstone: TombstoneView.nullable() })
  .strict()
  .openapi('NationalDatasetDetail');
export const NationalAiSystemDetailSchema = z
  .object({ ...origin, entry: NationalAiSystemEntrySchema.nullable(), tombstone: TombstoneView.nullable() })
  .strict()
  .openapi('NationalAiSystemDetail');

// ---------------------------------------------------------------- the province's view of its deliveries

export const SyncOutboxItemSchema = z
  .object({
    id: z.number().int(),
    entity: z.enum(['dataset', 'aiSystem']),
    entityId: z.number().int(),
    uuid: z.string(),
    version: z.number().int(),
    op: z.enum(['put', 'delete']),
    status: SyncStatusSchema,
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    nextAttemptAt: Instant.nullable(),
    answeredAt: Instant.nullable(),
    createdAt: Instant,
  })
  .strict();

export const SyncReportSchema = z
  .object({
    role: z.enum(['province', 'national']),
    /** A national address is set (province) and the sender runs. */
    enabled: z.boolean(),
    /** The national node's host, never its token. */
    target: z.string().nullable(),
    counts: z.object({ pending: z.number().int(), accepted: z.number().int(), rejected: z.number().int() }).strict(),
    oldestPendingAt: Instant.nullable(),
    lastAcceptedAt: Instant.nullable(),
    items: z.array(SyncOutboxItemSchema),
  })
  .strict()
  .openapi('SyncReport');
export type SyncReport = z.infer<typeof SyncReportSchema>;
