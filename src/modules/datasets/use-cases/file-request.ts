// Filing an access request (a person's or an organisation's): the row, its audit record and the owning unit's notice.
import { conflict } from '../../../domain/errors.ts';
import { recordAudit } from '../../audit/index.ts';
import type { Ctx } from '../../context.ts';
import { notify } from '../../notifications/index.ts';
import * as access from '../store/access.ts';
import type * as datasets from '../store/datasets.ts';

/**
 * Files a request, in one transaction with its audit record and the owning unit's notice. A second request of the
 * same person or organisation while one waits is a 409 (the unique index decides, so two clicks cannot both pass).
 */
export async function fileRequest(
  ctx: Ctx,
  d: datasets.DatasetRow,
  r: Omit<Parameters<typeof access.insertRequest>[1], 'datasetId'>,
  o: { who: string; title: string },
): Promise<{ id: number }> {
  return ctx.db.transaction().execute(async (tx) => {
    let requestId: number;
    try {
      requestId = await access.insertRequest(tx, { datasetId: d.id, ...r });
    } catch (err) {
      if ((err as { code?: string }).code === '23505')
        throw conflict(
          'dataset.access_pending',
          `${o.who} đã có một đề nghị truy cập bộ dữ liệu này đang chờ xem xét.`,
        );
      throw err;
    }
    await recordAudit(tx, ctx, {
      action: 'dataset.access_request',
      entityType: 'dataset',
      entityId: d.id,
      unitId: d.unit_id,
      after: { requestId, organisationId: r.organisationId, purpose: r.purpose, durationDays: r.durationDays },
    });
    await notify(tx, {
      unitId: d.unit_id,
      kind: 'dataset.access_request',
      title: o.title,
      body: `Mục đích: ${r.purpose}`,
      link: `/du-lieu/${d.id}`,
    });
    return { id: requestId };
  });
}
