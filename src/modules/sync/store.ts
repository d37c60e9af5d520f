// SQL of the outbox to the national databases: changes enqueued in the transaction of the change itself, and the
// delivery state read back for the records' pages.
import type { Kysely } from 'kysely';
import type { DB, SyncEntity } from '../../db/schema.ts';
import type { SyncState } from '../../contracts/sync.ts';

export interface OutgoingChange {
  entity: SyncEntity;
  entityId: number;
  uuid: string;
  version: number;
  op: 'put' | 'delete';
  payload: unknown;
}

/**
 * Enqueues a change (inside the caller's transaction). Idempotent by entity, uuid, version and operation; an older
 * change still waiting for the same record is superseded (only the newest state is worth delivering, and the
 * national node keeps the highest version anyway).
 */
export async function enqueueChange(tx: Kysely<DB>, change: OutgoingChange): Promise<void> {
  await tx
    .updateTable('sync_outbox')
    .set({ status: 'superseded' })
    .where('entity', '=', change.entity)
    .where('uuid', '=', change.uuid)
    .where('status', '=', 'pending')
    .where('version', '<', change.version)
    .execute();
  await tx
    .insertInto('sync_outbox')
    .values({
      entity: change.entity,
      entity_id: change.entityId,
      uuid: change.uuid,
      version: change.version,
      op: change.op,
      payload: JSON.stringify(change.payload),
      next_attempt_at: new Date(),
    })
    .onConflict((oc) => oc.columns(['entity', 'uuid', 'version', 'op']).doNothing())
    .execute();
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** The newest delivery state of each record named (records never enqueued are absent from the map). */
export async function syncStatesOf(
  db: Kysely<DB>,
  entity: SyncEntity,
  entityIds: readonly number[],
): Promise<Map<number, SyncState>> {
  if (!entityIds.length) return new Map();
  const rows = await db
    .selectFrom('sync_outbox')
    .select([
      'entity_id',
      'status',
      'op',
      'version',
      'attempts',
      'last_error',
      'next_attempt_at',
      'answered_at',
      'remote_id',
    ])
    .distinctOn('entity_id')
    .where('entity', '=', entity)
    .where('entity_id', 'in', [...entityIds])
    .where('status', '<>', 'superseded')
    .orderBy('entity_id')
    .orderBy('id', 'desc')
    .execute();
  return new Map(
    rows.map((r) => [
      r.entity_id,
      {
        status: r.status,
        op: r.op,
        version: r.version,
        attempts: r.attempts,
        lastError: r.last_error,
        nextAttemptAt: r.status === 'pending' ? iso(r.next_attempt_at) : null,
        answeredAt: iso(r.answered_at),
        remoteId: r.remote_id,
      },
    ]),
  );
}
