// What a change of a published dataset sends to the national database: the catalogue entry as the public sees it,
// mapped to the federated API's subset, or a tombstone for a retraction. Enqueued in the change's own transaction
// (the outbox of the sync module), delivered by its sender.
import { enqueueChange, wakeSender } from '../../sync/index.ts';
import type { Ctx, Tx } from '../../context.ts';
import { provinceOfPath } from '../../org/index.ts';
import * as datasets from '../store/datasets.ts';
import * as resources from '../store/resources.ts';
import type { DeliveryOptions } from './catalogue.ts';
import { nationalEntryOf, publicView } from './views.ts';

/** Enqueues the current published state of the dataset (inside the caller's transaction). */
export async function afterChange(tx: Tx, _ctx: Ctx, d: datasets.DatasetRow, o: DeliveryOptions): Promise<void> {
  const current = await resources.currentResources(tx, [d.id]);
  const [decisions, places, province] = await Promise.all([
    resources.decisionsFor(
      tx,
      current.map((r) => r.version_id),
    ),
    datasets.unitsByIds(tx, d.spatial_unit_ids),
    provinceOfPath(tx, d.unit_path),
  ]);
  const view = publicView(d, current, decisions, places);
  const entry = nationalEntryOf(view, { baseUrl: o.baseUrl, province, publisherCode: d.unit_code, places });
  await enqueueChange(tx, {
    entity: 'dataset',
    entityId: d.id,
    uuid: d.uuid,
    version: d.version,
    op: 'put',
    payload: entry,
  });
}

export async function afterRetraction(tx: Tx, d: datasets.DatasetRow, reason: string): Promise<void> {
  await enqueueChange(tx, {
    entity: 'dataset',
    entityId: d.id,
    uuid: d.uuid,
    version: d.version,
    op: 'delete',
    payload: { uuid: d.uuid, version: d.version, reason },
  });
}

/** The answer of a committed write that may have enqueued a change: the sender is woken to deliver it now. */
export async function delivered<T>(write: Promise<T>): Promise<T> {
  const answer = await write;
  wakeSender();
  return answer;
}
