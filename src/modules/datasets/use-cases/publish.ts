// Publishing and retracting a dataset (a leader's act of the owning unit). An open dataset is not published while
// one of its files holds personal data nobody has cleared; the refusal names the files and the columns.
import { describeBlockers } from '../../../domain/datasets/model.ts';
import { AppError, conflict, invalid } from '../../../domain/errors.ts';
import { recordAudit } from '../../audit/index.ts';
import { authorize, requireActor, type Ctx } from '../../context.ts';
import * as datasets from '../store/datasets.ts';
import * as resources from '../store/resources.ts';
import { type DeliveryOptions, mustDataset } from './catalogue.ts';
import { afterChange, afterRetraction, delivered } from './delivery.ts';
import { blockersOf, datasetTarget, snapshotOf } from './views.ts';

export async function publishDataset(
  ctx: Ctx,
  id: number,
  o: DeliveryOptions,
): Promise<{ id: number; status: 'published'; version: number }> {
  const actor = requireActor(ctx);
  const d0 = await mustDataset(ctx, id);
  authorize(ctx, 'approve', datasetTarget(d0));
  return delivered(
    ctx.db.transaction().execute(async (tx) => {
      await datasets.lockDataset(tx, id);
      const d = (await datasets.getDataset(tx, id)) as datasets.DatasetRow;
      if (d.status === 'retracted')
        throw conflict('dataset.retracted', 'Bộ dữ liệu đã thu hồi: hãy tạo bộ dữ liệu mới nếu cần công bố lại.');
      // Publishing again what is published changes nothing (a second click, a retry).
      if (d.status === 'published') return { id, status: 'published' as const, version: d.version };
      const current = await resources.currentResources(tx, [id]);
      if (!current.length)
        throw invalid(
          'dataset.no_resources',
          'Bộ dữ liệu chưa có tệp dữ liệu nào: hãy tải lên ít nhất một tệp trước khi công bố.',
        );
      const decisions = await resources.decisionsFor(
        tx,
        current.map((r) => r.version_id),
      );
      const blockers = blockersOf(d.access_class, current, decisions);
      if (blockers.length) {
        throw new AppError(
          'dataset.personal_data',
          422,
          `Chưa công bố được dữ liệu mở: còn dữ liệu cá nhân trong ${describeBlockers(blockers)}. Hãy bỏ hoặc che các cột này (khử nhận dạng), xóa tệp, hoặc xác nhận nhận nhầm kèm lý do.`,
          blockers.flatMap((b) =>
            b.columns.map((c) => ({
              path: `resources.${b.resourceId}.${c.column}`,
              message: `Cột "${c.column}" chứa dữ liệu cá nhân.`,
            })),
          ),
        );
      }
      await datasets.updateDataset(tx, id, {
        status: 'published',
        published_at: new Date(),
        published_by: actor.userId,
      });
      const version = await datasets.bumpVersion(tx, id);
      const row = (await datasets.getDataset(tx, id)) as datasets.DatasetRow;
      await datasets.insertVersion(tx, {
        datasetId: id,
        version,
        snapshot: snapshotOf(row),
        note: 'Công bố',
        userId: actor.userId,
      });
      await recordAudit(tx, ctx, {
        action: 'dataset.publish',
        entityType: 'dataset',
        entityId: id,
        unitId: d.unit_id,
        after: { status: 'published', version, accessClass: d.access_class },
      });
      await afterChange(tx, ctx, row, o);
      return { id, status: 'published' as const, version };
    }),
  );
}

export async function retractDataset(
  ctx: Ctx,
  id: number,
  reason: string,
): Promise<{ id: number; status: 'retracted' }> {
  const actor = requireActor(ctx);
  const d0 = await mustDataset(ctx, id);
  authorize(ctx, 'approve', datasetTarget(d0));
  return delivered(
    ctx.db.transaction().execute(async (tx) => {
      await datasets.lockDataset(tx, id);
      const d = (await datasets.getDataset(tx, id)) as datasets.DatasetRow;
      if (d.status === 'retracted') return { id, status: 'retracted' as const };
      if (d.status !== 'published')
        throw conflict('dataset.not_published', 'Bộ dữ liệu chưa công bố: không cần thu hồi (có thể sửa bản nháp).');
      await datasets.updateDataset(tx, id, { status: 'retracted', retracted_at: new Date(), retract_reason: reason });
      const version = await datasets.bumpVersion(tx, id);
      const row = (await datasets.getDataset(tx, id)) as datasets.DatasetRow;
      await datasets.insertVersion(tx, {
        datasetId: id,
        version,
        snapshot: snapshotOf(row),
        note: `Thu hồi: ${reason}`,
        userId: actor.userId,
      });
      await recordAudit(tx, ctx, {
        action: 'dataset.retract',
        entityType: 'dataset',
        entityId: id,
        unitId: d.unit_id,
        after: { status: 'retracted', reason, version },
      });
      await afterRetraction(tx, row, reason);
      return { id, status: 'retracted' as const };
    }),
  );
}
