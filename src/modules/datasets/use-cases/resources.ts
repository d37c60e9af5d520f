// A dataset's files: uploading one (read in the worker pool into a quality report stored with the version), a new
// version of it, removing it, clearing a personal-data finding as a false positive (with the reason, audited), and
// de-identifying it into a new version.
import { createHash } from 'node:crypto';
import { RESOURCE_MAX_BYTES } from '../../../contracts/datasets.ts';
import type { TableSchema } from '../../../contracts/dataset-quality.ts';
import { personalKindLabel } from '../../../domain/datasets/model.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../../domain/errors.ts';
import { can } from '../../../domain/permissions.ts';
import { formatSize } from '../../../domain/tracking/evidence.ts';
import { asBuffer, runInWorker } from '../../../workers/pool.ts';
import { recordAudit } from '../../audit/index.ts';
import { authorize, requireActor, type Ctx, type Tx } from '../../context.ts';
import * as datasets from '../store/datasets.ts';
import * as resources from '../store/resources.ts';
import { type DeliveryOptions, mustDataset } from './catalogue.ts';
import { afterChange, delivered } from './delivery.ts';
import { datasetTarget, qualityOf } from './views.ts';

const MIME = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
} as const;

export interface Upload {
  filename: string;
  contentBase64: string;
  title?: string;
  tableSchema?: TableSchema;
}

/** The owning unit's staff change a draft's files; a published dataset's files only its leader (a new version). */
async function mustChangeFiles(ctx: Ctx, id: number): Promise<datasets.DatasetRow> {
  const d = await mustDataset(ctx, id);
  authorize(ctx, 'edit', datasetTarget(d));
  if (d.status === 'retracted') throw conflict('dataset.retracted', 'Bộ dữ liệu đã thu hồi: không thay đổi tệp được.');
  if (d.status === 'published' && !can(ctx.actor, 'approve', datasetTarget(d)))
    throw forbidden('Bộ dữ liệu đã công bố: chỉ lãnh đạo đơn vị thay đổi tệp dữ liệu được.');
  return d;
}

function decode(u: Upload): Buffer {
  const content = Buffer.from(u.contentBase64.replace(/\s+/g, ''), 'base64');
  const shown = u.filename.slice(0, 120);
  if (!content.length)
    throw invalid('dataset.resource_empty', `Tệp "${shown}" rỗng.`, [{ path: 'contentBase64', message: 'Tệp rỗng.' }]);
  if (content.length > RESOURCE_MAX_BYTES)
    throw new AppError(
      'payload_too_large',
      413,
      `Tệp "${shown}" có dung lượng ${formatSize(content.length)}, vượt quá ${formatSize(RESOURCE_MAX_BYTES)} cho mỗi tệp dữ liệu. Hãy chia nhỏ tệp.`,
    );
  return content;
}

type Analysed = Awaited<ReturnType<typeof analyse>>;

async function analyse(u: Upload, content: Buffer) {
  const report = await runInWorker(
    'analyseDatasetResource',
    { filename: u.filename, content: new Uint8Array(content), schema: u.tableSchema },
    { subject: `Tệp dữ liệu "${u.filename.slice(0, 120)}"` },
  );
  return { report, content };
}

async function storeVersion(
  tx: Tx,
  ctx: Ctx,
  a: Analysed,
  v: {
    resourceId: number;
    filename: string;
    tableSchema: unknown;
    derivedFrom: number | null;
    deidentification: unknown;
  },
): Promise<number> {
  const actor = requireActor(ctx);
  const version = await resources.nextVersion(tx, v.resourceId);
  const format = a.report.format as keyof typeof MIME;
  await resources.insertVersion(tx, {
    resourceId: v.resourceId,
    version,
    filename: v.filename,
    format,
    mime: MIME[format],
    content: a.content,
    sha256: createHash('sha256').update(a.content).digest('hex'),
    quality: a.report,
    qualityScore: a.report.score,
    personalColumns: a.report.personalData.length,
    tableSchema: v.tableSchema ?? null,
    derivedFrom: v.derivedFrom,
    deidentification: v.deidentification ?? null,
    userId: actor.userId,
  });
  return version;
}

/** A published dataset's entry changes with its files: a new version, delivered to the national database. */
async function republish(tx: Tx, ctx: Ctx, d: datasets.DatasetRow, o: DeliveryOptions, note: string): Promise<void> {
  if (d.status !== 'published') return;
  const version = await datasets.bumpVersion(tx, d.id);
  const row = (await datasets.getDataset(tx, d.id)) as datasets.DatasetRow;
  await datasets.insertVersion(tx, {
    datasetId: d.id,
    version,
    snapshot: { resources: note },
    note,
    userId: requireActor(ctx).userId,
  });
  await afterChange(tx, ctx, row, o);
}

function auditQuality(a: Analysed) {
  return {
    rows: a.report.rows,
    columns: a.report.columns,
    score: a.report.score,
    personalData: a.report.personalData.map((p) => ({ column: p.column, kind: p.kind, count: p.count })),
  };
}

export async function addResource(ctx: Ctx, id: number, u: Upload, o: DeliveryOptions) {
  const d = await mustChangeFiles(ctx, id);
  const a = await analyse(u, decode(u));
  const title = u.title?.trim() || u.filename;
  return delivered(
    ctx.db.transaction().execute(async (tx) => {
      await datasets.lockDataset(tx, id);
      const resourceId = await resources.insertResource(tx, id, title, requireActor(ctx).userId);
      const version = await storeVersion(tx, ctx, a, {
        resourceId,
        filename: u.filename,
        tableSchema: u.tableSchema ?? null,
        derivedFrom: null,
        deidentification: null,
      });
      await recordAudit(tx, ctx, {
        action: 'dataset.resource_add',
        entityType: 'dataset',
        entityId: id,
        unitId: d.unit_id,
        after: { resourceId, filename: u.filename, version, quality: auditQuality(a) },
      });
      await republish(tx, ctx, d, o, `Thêm tệp "${title}"`);
      return { id: resourceId, version, quality: a.report };
    }),
  );
}

async function mustResource(ctx: Ctx | { db: Tx }, datasetId: number, resourceId: number) {
  const r = await resources.getResource(ctx.db, datasetId, resourceId);
  if (!r) throw notFound('tệp dữ liệu');
  return r;
}

export async function addResourceVersion(ctx: Ctx, id: number, resourceId: number, u: Upload, o: DeliveryOptions) {
  const d = await mustChangeFiles(ctx, id);
  const r = await mustResource(ctx, id, resourceId);
  const a = await analyse(u, decode(u));
  return delivered(
    ctx.db.transaction().execute(async (tx) => {
      await datasets.lockDataset(tx, id);
      const version = await storeVersion(tx, ctx, a, {
        resourceId,
        filename: u.filename,
        tableSchema: u.tableSchema ?? r.table_schema ?? null,
        derivedFrom: null,
        deidentification: null,
      });
      await recordAudit(tx, ctx, {
        action: 'dataset.resource_version',
        entityType: 'dataset',
        entityId: id,
        unitId: d.unit_id,
        after: { resourceId, filename: u.filename, version, quality: auditQuality(a) },
      });
      await republish(tx, ctx, d, o, `Phiên bản ${version} của tệp "${r.title}"`);
      return { id: resourceId, version, quality: a.report };
    }),
  );
}

export async function removeResource(ctx: Ctx, id: number, resourceId: number, o: DeliveryOptions) {
  const d = await mustChangeFiles(ctx, id);
  const r = await mustResource(ctx, id, resourceId);
  await delivered(
    ctx.db.transaction().execute(async (tx) => {
      await datasets.lockDataset(tx, id);
      await resources.removeResource(tx, resourceId);
      await recordAudit(tx, ctx, {
        action: 'dataset.resource_remove',
        entityType: 'dataset',
        entityId: id,
        unitId: d.unit_id,
        before: { resourceId, title: r.title, version: r.version },
      });
      await republish(tx, ctx, d, o, `Xóa tệp "${r.title}"`);
    }),
  );
  return { id: resourceId, removed: true };
}

/**
 * Clears a personal-data finding as a false positive, with the reason (audited). On a published dataset this makes
 * an open file public: the leader's act (mustChangeFiles), a new version of the entry, delivered like any change.
 */
export async function dismissFinding(
  ctx: Ctx,
  id: number,
  resourceId: number,
  b: { column: string; kind: string; reason: string },
  o: DeliveryOptions,
) {
  const actor = requireActor(ctx);
  const d = await mustChangeFiles(ctx, id);
  const r = await mustResource(ctx, id, resourceId);
  const finding = (qualityOf(r).personalData ?? []).find((f) => f.column === b.column && f.kind === b.kind);
  if (!finding)
    throw invalid(
      'dataset.finding_unknown',
      `Tệp "${r.title}" không có phát hiện "${personalKindLabel(b.kind)}" ở cột "${b.column}".`,
      [{ path: 'column', message: 'Không có phát hiện này ở phiên bản hiện tại của tệp.' }],
    );
  await delivered(
    ctx.db.transaction().execute(async (tx) => {
      await datasets.lockDataset(tx, id);
      const inserted = await resources.insertDecision(tx, {
        versionId: r.version_id,
        column: b.column,
        kind: b.kind,
        reason: b.reason,
        userId: actor.userId,
      });
      if (!inserted) return;
      await recordAudit(tx, ctx, {
        action: 'dataset.finding_dismiss',
        entityType: 'dataset',
        entityId: id,
        unitId: d.unit_id,
        after: { resourceId, version: r.version, column: b.column, kind: b.kind, reason: b.reason },
      });
      await republish(tx, ctx, d, o, `Xác nhận nhận nhầm dữ liệu cá nhân ở cột "${b.column}" của tệp "${r.title}"`);
    }),
  );
  return { resourceId, column: b.column, kind: b.kind, dismissed: true };
}

export async function deidentifyResource(
  ctx: Ctx,
  id: number,
  resourceId: number,
  b: { steps: Array<{ column: string; action: 'drop' | 'mask' | 'generaliseToYear' }>; quasiIdentifiers: string[] },
  o: DeliveryOptions,
) {
  const d = await mustChangeFiles(ctx, id);
  const r = await mustResource(ctx, id, resourceId);
  const source = await resources.versionContent(ctx.db, resourceId, r.version);
  if (!source) throw notFound('tệp dữ liệu');
  const out = await runInWorker(
    'deidentifyDatasetResource',
    {
      filename: source.filename,
      content: new Uint8Array(source.content),
      steps: b.steps,
      quasiIdentifiers: b.quasiIdentifiers,
    },
    { subject: `Tệp dữ liệu "${r.title}"` },
  );
  const content = asBuffer(out.content);
  const a = { report: out.report, content };
  return delivered(
    ctx.db.transaction().execute(async (tx) => {
      await datasets.lockDataset(tx, id);
      const version = await storeVersion(tx, ctx, a, {
        resourceId,
        filename: out.filename,
        tableSchema: r.table_schema ?? null,
        derivedFrom: r.version_id,
        deidentification: { fromVersion: r.version, steps: b.steps, kAnonymity: out.kAnonymity },
      });
      await recordAudit(tx, ctx, {
        action: 'dataset.resource_deidentify',
        entityType: 'dataset',
        entityId: id,
        unitId: d.unit_id,
        after: {
          resourceId,
          fromVersion: r.version,
          version,
          steps: b.steps,
          kAnonymity: out.kAnonymity,
          quality: auditQuality(a),
        },
      });
      await republish(tx, ctx, d, o, `Khử nhận dạng tệp "${r.title}" (phiên bản ${version})`);
      return { id: resourceId, version, quality: out.report, kAnonymity: out.kAnonymity };
    }),
  );
}
