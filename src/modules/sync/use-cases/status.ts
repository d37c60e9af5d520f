// What the province sees of its deliveries to the national node, and the re-queue of a rejected one.
import type { Config } from '../../../config.ts';
import type { SyncReport } from '../../../contracts/sync.ts';
import { conflict, notFound } from '../../../domain/errors.ts';
import { recordAudit } from '../../audit/index.ts';
import { authorize, type Ctx } from '../../context.ts';
import { PROVINCE_CODE } from '../../../domain/org/reference.ts';
import * as store from '../store.ts';
import { wakeSender } from '../sender.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * Who reads it: whoever may read the province's own records (`read` on the province's unit: its staff, the focal
 * unit that follows the province, a system administrator). A commune's staff do not: the outbox carries every
 * unit's changes. Only the national node's host is shown, never its token.
 */
export async function syncReport(ctx: Ctx, config: Config): Promise<SyncReport> {
  authorize(ctx, 'read', { unitPath: await store.provinceUnitPath(ctx.db, PROVINCE_CODE) });
  const { role, url, token } = config.national;
  const s = await store.outboxSummary(ctx.db);
  return {
    role,
    enabled: role === 'province' && url !== null && token !== null,
    target: url ? new URL(url).host : null,
    counts: s.counts,
    oldestPendingAt: iso(s.oldestPendingAt),
    lastAcceptedAt: iso(s.lastAcceptedAt),
    items: s.items.map((r) => ({
      id: Number(r.id),
      entity: r.entity,
      entityId: r.entity_id,
      uuid: r.uuid,
      version: r.version,
      op: r.op,
      status: r.status,
      attempts: r.attempts,
      lastError: r.last_error,
      nextAttemptAt: r.status === 'pending' || r.status === 'sent' ? iso(r.next_attempt_at) : null,
      answeredAt: iso(r.answered_at),
      createdAt: iso(r.created_at) as string,
    })),
  };
}

/** A system administrator sends a rejected change again (after the national side or the record was put right). */
export async function retryDelivery(ctx: Ctx, id: number): Promise<{ id: number; status: 'pending' }> {
  authorize(ctx, 'administer', { unitPath: await store.provinceUnitPath(ctx.db, PROVINCE_CODE) });
  const row = await store.outboxRow(ctx.db, id);
  if (!row) throw notFound('thay đổi cần gửi');
  const notRejected = conflict(
    'sync.not_rejected',
    'Chỉ gửi lại được thay đổi đã bị cơ sở dữ liệu quốc gia từ chối; thay đổi này đang chờ gửi hoặc đã được nhận.',
  );
  if (row.status !== 'rejected') throw notRejected;
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await store.requeue(tx, id))) throw notRejected;
    await recordAudit(tx, ctx, {
      action: 'sync_outbox.retry',
      entityType: 'sync_outbox',
      entityId: id,
      unitId: null,
      after: { entity: row.entity, uuid: row.uuid, version: row.version },
    });
  });
  wakeSender();
  return { id, status: 'pending' };
}
