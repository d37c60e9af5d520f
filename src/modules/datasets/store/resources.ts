// SQL of a dataset's resources: the files (one row each) and their versions (the bytes, the stored quality report,
// how a version was derived), and the decisions on personal-data findings.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { Tx } from '../../context.ts';

type Q = Kysely<DB> | Tx;

const versionColumns = [
  'v.id as version_id',
  'v.version',
  'v.filename',
  'v.format',
  'v.mime',
  'v.size',
  'v.sha256',
  'v.quality',
  'v.quality_score',
  'v.personal_columns',
  'v.table_schema',
  'v.derived_from',
  'v.deidentification',
  'v.created_at as version_created_at',
] as const;

/** The resources of datasets with their current version (no bytes). */
export async function currentResources(db: Q, datasetIds: readonly number[]) {
  if (!datasetIds.length) return [];
  return db
    .selectFrom('dataset_resource as r')
    .innerJoin('dataset_resource_version as v', (j) =>
      j.onRef('v.resource_id', '=', 'r.id').onRef('v.version', '=', 'r.current_version'),
    )
    .select(['r.id', 'r.dataset_id', 'r.title', 'r.created_at', ...versionColumns])
    .where('r.dataset_id', 'in', [...datasetIds])
    .where('r.removed_at', 'is', null)
    .orderBy('r.id')
    .execute();
}
export type ResourceRow = Awaited<ReturnType<typeof currentResources>>[number];

export async function getResource(db: Q, datasetId: number, resourceId: number) {
  return db
    .selectFrom('dataset_resource as r')
    .innerJoin('dataset_resource_version as v', (j) =>
      j.onRef('v.resource_id', '=', 'r.id').onRef('v.version', '=', 'r.current_version'),
    )
    .select(['r.id', 'r.dataset_id', 'r.title', 'r.created_at', ...versionColumns])
    .where('r.dataset_id', '=', datasetId)
    .where('r.id', '=', resourceId)
    .where('r.removed_at', 'is', null)
    .executeTakeFirst();
}

/** One version of a resource with its bytes (a download, a de-identification). */
export async function versionContent(db: Q, resourceId: number, version: number) {
  return db
    .selectFrom('dataset_resource_version as v')
    .select(['v.id', 'v.version', 'v.filename', 'v.format', 'v.mime', 'v.size', 'v.content', 'v.personal_columns'])
    .where('v.resource_id', '=', resourceId)
    .where('v.version', '=', version)
    .executeTakeFirst();
}

export async function versionsOf(db: Q, resourceIds: readonly number[]) {
  if (!resourceIds.length) return [];
  return db
    .selectFrom('dataset_resource_version as v')
    .select(['v.resource_id', 'v.version', 'v.filename', 'v.size', 'v.quality_score', 'v.derived_from', 'v.created_at'])
    .where('v.resource_id', 'in', [...resourceIds])
    .orderBy('v.resource_id')
    .orderBy('v.version', 'desc')
    .execute();
}

export async function decisionsFor(db: Q, versionIds: readonly number[]) {
  if (!versionIds.length) return [];
  return db
    .selectFrom('dataset_finding_decision as f')
    .leftJoin('app_user as u', 'u.id', 'f.decided_by')
    .select(['f.version_id', 'f.column_name', 'f.kind', 'f.reason', 'f.decided_at', 'u.full_name'])
    .where('f.version_id', 'in', [...versionIds])
    .execute();
}
export type DecisionRow = Awaited<ReturnType<typeof decisionsFor>>[number];

export async function insertResource(tx: Tx, datasetId: number, title: string, userId: number): Promise<number> {
  const row = await tx
    .insertInto('dataset_resource')
    .values({ dataset_id: datasetId, title, created_by: userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface NewVersion {
  resourceId: number;
  version: number;
  filename: string;
  format: 'csv' | 'xlsx' | 'json';
  mime: string;
  content: Buffer;
  sha256: string;
  quality: unknown;
  qualityScore: number;
  personalColumns: number;
  tableSchema: unknown | null;
  derivedFrom: number | null;
  deidentification: unknown | null;
  userId: number;
}

export async function insertVersion(tx: Tx, v: NewVersion): Promise<number> {
  const row = await tx
    .insertInto('dataset_resource_version')
    .values({
      resource_id: v.resourceId,
      version: v.version,
      filename: v.filename,
      format: v.format,
      mime: v.mime,
      size: v.content.length,
      sha256: v.sha256,
      content: v.content,
      quality: JSON.stringify(v.quality),
      quality_score: v.qualityScore,
      personal_columns: v.personalColumns,
      table_schema: v.tableSchema === null ? null : JSON.stringify(v.tableSchema),
      derived_from: v.derivedFrom,
      deidentification: v.deidentification === null ? null : JSON.stringify(v.deidentification),
      created_by: v.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx.updateTable('dataset_resource').set({ current_version: v.version }).where('id', '=', v.resourceId).execute();
  return row.id;
}

export async function nextVersion(tx: Tx, resourceId: number): Promise<number> {
  const row = await tx
    .selectFrom('dataset_resource_version')
    .select((e) => e.fn.max('version').as('v'))
    .where('resource_id', '=', resourceId)
    .executeTakeFirst();
  return Number(row?.v ?? 0) + 1;
}

export async function removeResource(tx: Tx, resourceId: number): Promise<void> {
  await tx.updateTable('dataset_resource').set({ removed_at: sql`now()` }).where('id', '=', resourceId).execute();
}

export async function insertDecision(
  tx: Tx,
  d: { versionId: number; column: string; kind: string; reason: string; userId: number },
): Promise<boolean> {
  const row = await tx
    .insertInto('dataset_finding_decision')
    .values({ version_id: d.versionId, column_name: d.column, kind: d.kind, reason: d.reason, decided_by: d.userId })
    .onConflict((oc) => oc.columns(['version_id', 'column_name', 'kind']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
