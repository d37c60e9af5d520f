// What travels between a province and the national node (Cơ sở dữ liệu quốc gia về trí tuệ nhân tạo), and what the
// province shows of its deliveries. The national database has not published its connection standard (Nghị định
// 142/2026 Đ32.2.b leaves it to Bộ Công an), so this is our own documented federated API: a mapped subset of the
// catalogue entry in DCAT terms, keyed by the province's uuid and versioned.
import { z } from '@hono/zod-openapi';
import { Instant, IsoDay } from './common.ts';

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
