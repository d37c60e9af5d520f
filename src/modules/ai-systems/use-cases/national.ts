// What the register delivers to the national registry of AI systems (Cơ sở dữ liệu quốc gia về hệ thống trí tuệ
// nhân tạo, Bộ KH&CN): each published use, as a mapped subset with its stable uuid, again at each later change
// (status, classification, texts), through the sync module's outbox in the change's own transaction. Nothing of a
// use that is not published leaves the province. A retired use is delivered with its status "retired" (the
// registry keeps its history); the registry's AI-ID, once assigned, comes back with the product.
import type { NationalAiSystemEntry } from '../../../contracts/sync.ts';
import type { Tx } from '../../context.ts';
import { getUnitsByIds, provinceOfPath } from '../../org/index.ts';
import { enqueueChange, nextSyncVersion, wakeSender } from '../../sync/index.ts';
import * as store from '../store/index.ts';

export function aiSystemEntryOf(
  u: store.UseRow,
  o: { version: number; province: { code: string; name: string }; deployerCode: string | null },
): NationalAiSystemEntry {
  return {
    uuid: u.uuid,
    version: o.version,
    province: o.province,
    deployer: { code: o.deployerCode, name: u.unit_name },
    productName: u.product_name,
    provider: u.product_provider,
    purpose: u.purpose,
    riskLevel: u.level,
    status: u.status,
    aiSystemId: u.product_ai_system_id,
    publicSummary: u.public_summary || u.product_function,
    landingPage: null,
    modified: new Date().toISOString(),
  };
}

/** Enqueues the use's current state when it is published (inside the caller's transaction). */
export async function deliverAiUse(tx: Tx, id: number): Promise<void> {
  const u = await store.getUse(tx, id);
  if (!u?.published_at) return;
  const [province, units] = await Promise.all([provinceOfPath(tx, u.unit_path), getUnitsByIds(tx, [u.unit_id])]);
  const version = await nextSyncVersion(tx, 'aiSystem', u.uuid);
  await enqueueChange(tx, {
    entity: 'aiSystem',
    entityId: u.id,
    uuid: u.uuid,
    version,
    op: 'put',
    payload: aiSystemEntryOf(u, { version, province, deployerCode: units[0]?.code ?? null }),
  });
}

/** The answer of a committed write that may have enqueued a delivery: the sender is woken to send it now. */
export async function afterDelivery<T>(write: Promise<T>): Promise<T> {
  const answer = await write;
  wakeSender();
  return answer;
}
