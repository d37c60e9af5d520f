// Catalogue entries: creating and changing a dataset's description, the list of what the caller may read, and one
// dataset with its resources, history, access state and delivery to the national database.
import type { DatasetDetail, DatasetInput } from '../../../contracts/datasets.ts';
import { describeBlockers, grantIsValid } from '../../../domain/datasets/model.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../../domain/errors.ts';
import { can, scopeRoots } from '../../../domain/permissions.ts';
import { recordAudit } from '../../audit/index.ts';
import { authorize, mustRead, requireActor, type Ctx, type Tx } from '../../context.ts';
import { getUnit } from '../../org/index.ts';
import { syncStatesOf } from '../../sync/index.ts';
import { sectorByCode } from '../sectors.ts';
import * as access from '../store/access.ts';
import * as datasets from '../store/datasets.ts';
import * as resources from '../store/resources.ts';
import { afterChange, delivered } from './delivery.ts';
import { blockersOf, datasetTarget, dayOf, ownerTarget, resourceView, snapshotOf, summaryOf } from './views.ts';

/** A dataset exists for those who may read its unit's records; for anyone else it does not. */
export async function mustDataset(ctx: Ctx, id: number, db: Ctx['db'] | Tx = ctx.db): Promise<datasets.DatasetRow> {
  requireActor(ctx);
  return mustRead(ctx, 'bộ dữ liệu', await datasets.getDataset(db, id), datasetTarget);
}

/** A dataset named inside another record (a progress update's deliverable): 404 on that field when unreadable. */
export async function mustDatasetRef(ctx: Ctx, id: number, field: string): Promise<datasets.DatasetRow> {
  return mustRead(ctx, 'bộ dữ liệu', await datasets.getDataset(ctx.db, id), datasetTarget, field);
}

async function checkReferences(ctx: Ctx, b: DatasetInput): Promise<void> {
  if (!sectorByCode(b.sector))
    throw invalid('dataset.sector', `Lĩnh vực "${b.sector}" không có trong danh mục lĩnh vực dữ liệu.`, [
      { path: 'sector', message: 'Chọn lĩnh vực trong danh mục.' },
    ]);
  const ids = [...new Set(b.spatialUnitIds)];
  const found = await datasets.unitsByIds(ctx.db, ids);
  const missing = ids.filter((id) => !found.some((u) => u.id === id));
  if (missing.length)
    throw invalid('dataset.spatial', `Không tìm thấy đơn vị hành chính: ${missing.join(', ')}.`, [
      { path: 'spatialUnitIds', message: 'Chọn xã, phường trong danh mục.' },
    ]);
}

function valuesOf(b: DatasetInput, unitName: string): datasets.DatasetValues {
  return {
    unit_id: b.unitId,
    title: b.title,
    description: b.description,
    sector: b.sector,
    keywords: [...new Set(b.keywords)],
    access_class: b.accessClass,
    licence: b.licence,
    purpose_limits: b.purposeLimits,
    update_frequency: b.updateFrequency,
    temporal_start: b.temporalStart,
    temporal_end: b.temporalEnd,
    spatial_unit_ids: [...new Set(b.spatialUnitIds)],
    standards: b.standards,
    legal_basis: b.legalBasis,
    contact_name: b.contactName,
    contact_email: b.contactEmail,
    contact_phone: b.contactPhone,
    access_methods: [...new Set(b.accessMethods)],
    labelling: b.labelling,
    labelling_note: b.labellingNote,
    internal_notes: b.internalNotes,
    search_label: [b.title, ...b.keywords, unitName].join(' '),
  };
}

const titleTaken = () =>
  conflict(
    'dataset.title_taken',
    'Đơn vị đã có một bộ dữ liệu cùng tên (chưa thu hồi): hãy đặt tên khác hoặc sửa bộ đã có.',
  );

export async function createDataset(ctx: Ctx, b: DatasetInput): Promise<{ id: number; uuid: string }> {
  const actor = requireActor(ctx);
  const unit = await getUnit(ctx.db, b.unitId);
  if (!unit)
    throw new AppError('not_found', 404, 'Không tìm thấy đơn vị.', [
      { path: 'unitId', message: 'Không tìm thấy đơn vị.' },
    ]);
  authorize(ctx, 'edit', { unitPath: unit.path });
  await checkReferences(ctx, b);
  if (await datasets.titleTaken(ctx.db, b.unitId, b.title, null)) throw titleTaken();
  return ctx.db.transaction().execute(async (tx) => {
    const created = await datasets.insertDataset(tx, valuesOf(b, unit.name), actor.userId);
    const row = (await datasets.getDataset(tx, created.id)) as datasets.DatasetRow;
    await datasets.insertVersion(tx, {
      datasetId: created.id,
      version: 1,
      snapshot: snapshotOf(row),
      note: b.changeNote || 'Tạo bộ dữ liệu',
      userId: actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'dataset.create',
      entityType: 'dataset',
      entityId: created.id,
      unitId: b.unitId,
      after: { title: b.title, accessClass: b.accessClass, sector: b.sector },
    });
    return created;
  });
}

/** 422 naming the files and columns that still hold personal data, as a refused publish of open data does. */
async function mustBeOpenable(ctx: Ctx, id: number): Promise<void> {
  const current = await resources.currentResources(ctx.db, [id]);
  const decisions = await resources.decisionsFor(
    ctx.db,
    current.map((r) => r.version_id),
  );
  const blockers = blockersOf('open', current, decisions);
  if (blockers.length)
    throw new AppError(
      'dataset.personal_data',
      422,
      `Không chuyển được thành dữ liệu mở: còn dữ liệu cá nhân trong ${describeBlockers(blockers)}.`,
      blockers.flatMap((x) =>
        x.columns.map((c) => ({
          path: `resources.${x.resourceId}.${c.column}`,
          message: `Cột "${c.column}" chứa dữ liệu cá nhân.`,
        })),
      ),
    );
}

export interface DeliveryOptions {
  /** Where the public reaches this server (the national entry's links). */
  baseUrl: string;
}

export async function updateDataset(
  ctx: Ctx,
  id: number,
  b: DatasetInput,
  o: DeliveryOptions,
): Promise<{ id: number; version: number }> {
  const actor = requireActor(ctx);
  const d = await mustDataset(ctx, id);
  authorize(ctx, 'edit', datasetTarget(d));
  if (d.status === 'retracted') throw conflict('dataset.retracted', 'Bộ dữ liệu đã thu hồi: không sửa được.');
  if (d.status === 'published' && !can(ctx.actor, 'approve', datasetTarget(d)))
    throw forbidden(
      'Bộ dữ liệu đã công bố: chỉ lãnh đạo đơn vị sửa được (mỗi lần sửa là một phiên bản mới, gửi lên cơ sở dữ liệu quốc gia).',
    );
  if (b.unitId !== d.unit_id)
    throw invalid('dataset.owner', 'Không đổi được đơn vị chủ quản của bộ dữ liệu.', [
      { path: 'unitId', message: `Bộ dữ liệu thuộc ${d.unit_name}.` },
    ]);
  await checkReferences(ctx, b);
  if (await datasets.titleTaken(ctx.db, d.unit_id, b.title, d.id)) throw titleTaken();
  // A published entry made open must meet the publishing rule of open data (its files cleared of personal data).
  if (d.status === 'published' && b.accessClass === 'open' && d.access_class !== 'open')
    await mustBeOpenable(ctx, d.id);
  const version = await delivered(
    ctx.db.transaction().execute(async (tx) => {
      await datasets.lockDataset(tx, id);
      await datasets.updateDataset(tx, id, valuesOf(b, d.unit_name));
      const v = await datasets.bumpVersion(tx, id);
      const row = (await datasets.getDataset(tx, id)) as datasets.DatasetRow;
      await datasets.insertVersion(tx, {
        datasetId: id,
        version: v,
        snapshot: snapshotOf(row),
        note: b.changeNote || 'Sửa thông tin',
        userId: actor.userId,
      });
      await recordAudit(tx, ctx, {
        action: 'dataset.update',
        entityType: 'dataset',
        entityId: id,
        unitId: d.unit_id,
        before: snapshotOf(d),
        after: snapshotOf(row),
      });
      if (row.status === 'published') await afterChange(tx, ctx, row, o);
      return v;
    }),
  );
  return { id, version };
}

export async function listDatasets(ctx: Ctx, q: Omit<datasets.DatasetFilter, 'roots'>) {
  const actor = requireActor(ctx);
  if (q.unitId) {
    const unit = await getUnit(ctx.db, q.unitId);
    if (!unit) throw notFound('đơn vị');
    authorize(ctx, 'read', { unitPath: unit.path });
  }
  const { total, rows } = await datasets.listDatasets(ctx.db, { ...q, roots: scopeRoots(actor, 'read') });
  const ids = rows.map((r) => r.id);
  const [current, syncs] = await Promise.all([
    resources.currentResources(ctx.db, ids),
    syncStatesOf(ctx.db, 'dataset', ids),
  ]);
  const decisions = await resources.decisionsFor(
    ctx.db,
    current.map((r) => r.version_id),
  );
  return {
    total,
    items: rows.map((d) => {
      const mine = current.filter((r) => r.dataset_id === d.id);
      const blockers = blockersOf('open', mine, decisions);
      return {
        ...summaryOf(d),
        unresolvedPersonalData: blockers.reduce((n, b) => n + b.columns.length, 0),
        sync: syncs.get(d.id) ?? null,
      };
    }),
  };
}

function permissionsOn(ctx: Ctx, d: datasets.DatasetRow, granted: boolean): DatasetDetail['can'] {
  const t = datasetTarget(d);
  const edit = can(ctx.actor, 'edit', t);
  const approve = can(ctx.actor, 'approve', t);
  const holder = can(ctx.actor, 'readPersonalData', t);
  const owner = can(ctx.actor, 'read', ownerTarget(d));
  return {
    edit: d.status !== 'retracted' && (d.status === 'draft' ? edit : approve),
    publish: approve && d.status !== 'retracted',
    retract: approve && d.status === 'published',
    decideAccess: approve,
    readLog: edit || approve,
    requestAccess: !holder && !granted && d.status === 'published' && d.access_class !== 'open',
    download: holder || owner || granted || (d.status === 'published' && d.access_class === 'open'),
  };
}

export async function getDataset(ctx: Ctx, id: number): Promise<DatasetDetail> {
  const actor = requireActor(ctx);
  const d = await mustDataset(ctx, id);
  const current = await resources.currentResources(ctx.db, [d.id]);
  const [decisions, versions, history, places, pending, mine, syncs] = await Promise.all([
    resources.decisionsFor(
      ctx.db,
      current.map((r) => r.version_id),
    ),
    resources.versionsOf(
      ctx.db,
      current.map((r) => r.id),
    ),
    datasets.listVersions(ctx.db, d.id),
    datasets.unitsByIds(ctx.db, d.spatial_unit_ids),
    access.countPending(ctx.db, d.id),
    access.latestRequestOf(ctx.db, d.id, actor.userId),
    syncStatesOf(ctx.db, 'dataset', [d.id]),
  ]);
  const granted = !!mine && grantIsValid(mine, new Date());
  const perms = permissionsOn(ctx, d, granted);
  return {
    ...summaryOf(d),
    keywords: d.keywords,
    updateFrequency: d.update_frequency as DatasetDetail['updateFrequency'],
    accessMethods: d.access_methods as DatasetDetail['accessMethods'],
    temporalStart: dayOf(d.temporal_start),
    temporalEnd: dayOf(d.temporal_end),
    spatial: places.map((p) => ({ id: p.id, name: p.name, code: p.code })),
    description: d.description,
    licence: d.licence,
    purposeLimits: d.purpose_limits,
    standards: d.standards,
    legalBasis: d.legal_basis,
    contactName: d.contact_name,
    contactEmail: d.contact_email,
    contactPhone: d.contact_phone,
    labelling: d.labelling,
    labellingNote: d.labelling_note,
    internalNotes: perms.readLog ? d.internal_notes : '',
    publishedBy: d.published_by_name,
    retractedAt: d.retracted_at ? new Date(d.retracted_at).toISOString() : null,
    retractReason: d.retract_reason,
    createdAt: new Date(d.created_at).toISOString(),
    resources: current.map((r) => resourceView(r, decisions, versions)),
    history: history.map((h) => ({
      version: h.version,
      note: h.note,
      by: h.full_name,
      at: new Date(h.changed_at).toISOString(),
    })),
    blockers: blockersOf(d.access_class, current, decisions).map((b) => ({
      resourceId: b.resourceId,
      title: b.title,
      columns: b.columns.map((c) => c.column),
    })),
    pendingRequests: perms.decideAccess ? pending : 0,
    myAccess: mine
      ? {
          requestId: mine.id,
          status: mine.status,
          expiresAt: mine.expires_at ? new Date(mine.expires_at).toISOString() : null,
        }
      : null,
    sync: syncs.get(d.id) ?? null,
    can: perms,
  };
}
