// SQL of the outbox to the national databases: changes enqueued in the transaction of the change itself, and the
// delivery state read back for the records' pages.
import { sql, type Kysely } from 'kysely';
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

// ---------------------------------------------------------------- the sender's side

export interface DueRow {
  id: string;
  entity: SyncEntity;
  uuid: string;
  version: number;
  op: 'put' | 'delete';
  payload: unknown;
  attempts: number;
}

/**
 * Rows due for delivery, oldest first, and only the first open one of each record: a change is never delivered
 * before an earlier change of the same record. A row left 'sent' by a sender that died mid-request is due again
 * (only one sender runs at a time, so nobody else is waiting for its answer).
 */
export async function dueRows(db: Kysely<DB>, limit: number): Promise<DueRow[]> {
  const rows = await db
    .selectFrom('sync_outbox as o')
    .select(['o.id', 'o.entity', 'o.uuid', 'o.version', 'o.op', 'o.payload', 'o.attempts'])
    .where('o.status', 'in', ['pending', 'sent'])
    .where('o.next_attempt_at', '<=', new Date())
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('sync_outbox as e')
            .select('e.id')
            .whereRef('e.entity', '=', 'o.entity')
            .whereRef('e.uuid', '=', 'o.uuid')
            .whereRef('e.id', '<', 'o.id')
            .where('e.status', 'in', ['pending', 'sent']),
        ),
      ),
    )
    .orderBy('o.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, id: String(r.id) }));
}

export async function markSent(db: Kysely<DB>, id: string): Promise<void> {
  await db.updateTable('sync_outbox').set({ status: 'sent', sent_at: new Date() }).where('id', '=', id).execute();
}

export type RowResult =
  | { status: 'accepted'; remoteId: string | null }
  | { status: 'rejected'; error: string }
  | { status: 'pending'; error: string | null; nextAttemptAt: Date; counted: boolean };

/**
 * Stores what became of a delivery. A row going back to waiting while a newer change of the same record was
 * enqueued meanwhile is superseded instead: only the newest state is worth delivering.
 */
export async function recordResult(db: Kysely<DB>, id: string, r: RowResult): Promise<void> {
  const now = new Date();
  const attempts = sql<number>`attempts + 1`;
  if (r.status === 'accepted') {
    await db
      .updateTable('sync_outbox')
      .set({ status: 'accepted', attempts, answered_at: now, remote_id: r.remoteId, last_error: null })
      .where('id', '=', id)
      .execute();
    return;
  }
  if (r.status === 'rejected') {
    await db
      .updateTable('sync_outbox')
      .set({ status: 'rejected', attempts, answered_at: now, last_error: r.error })
      .where('id', '=', id)
      .execute();
    return;
  }
  await db
    .updateTable('sync_outbox as o')
    .set({
      status: sql`CASE WHEN EXISTS (SELECT 1 FROM sync_outbox n WHERE n.entity = o.entity AND n.uuid = o.uuid
        AND n.version > o.version AND n.status <> 'superseded') THEN 'superseded' ELSE 'pending' END`,
      attempts: r.counted ? sql<number>`o.attempts + 1` : sql<number>`o.attempts`,
      next_attempt_at: r.nextAttemptAt,
      ...(r.error === null ? {} : { last_error: r.error }),
    })
    .where('o.id', '=', id)
    .execute();
}

/**
 * Runs `work` as the only sender across the server processes on this PostgreSQL database (a session advisory lock
 * on one connection, released when the work ends or the connection drops); null when another process holds it.
 */
export async function asOnlySender<T>(db: Kysely<DB>, work: (conn: Kysely<DB>) => Promise<T>): Promise<T | null> {
  return db.connection().execute(async (conn) => {
    const got = await sql<{ ok: boolean }>`SELECT pg_try_advisory_lock(${SENDER_LOCK}) AS ok`.execute(conn);
    if (!got.rows[0]?.ok) return null;
    try {
      return await work(conn);
    } finally {
      await sql`SELECT pg_advisory_unlock(${SENDER_LOCK})`.execute(conn);
    }
  });
}
/** The advisory lock key of the sender ("THSYNC" in ASCII, a bigint no other lock of ours uses). */
const SENDER_LOCK = sql.lit(0x544853594e43);

// ---------------------------------------------------------------- the province's view

/** The path of the province's unit (the unit of that code, else the root of the tree). */
export async function provinceUnitPath(db: Kysely<DB>, code: string): Promise<number[]> {
  const r = await db
    .selectFrom('unit')
    .select('path')
    .where((eb) => eb.or([eb('code', '=', code), eb('parent_id', 'is', null)]))
    .orderBy(sql`code = ${code}`, 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return (r?.path as number[] | undefined) ?? [];
}

export async function outboxSummary(db: Kysely<DB>) {
  const counts = await db
    .selectFrom('sync_outbox')
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('status', 'in', ['pending', 'sent', 'accepted', 'rejected'])
    .groupBy('status')
    .execute();
  const times = await db
    .selectFrom('sync_outbox')
    .select([
      sql<Date | null>`min(created_at) FILTER (WHERE status IN ('pending','sent'))`.as('oldest_pending'),
      sql<Date | null>`max(answered_at) FILTER (WHERE status = 'accepted')`.as('last_accepted'),
    ])
    .executeTakeFirstOrThrow();
  const items = await db
    .selectFrom('sync_outbox')
    .select([
      'id',
      'entity',
      'entity_id',
      'uuid',
      'version',
      'op',
      'status',
      'attempts',
      'last_error',
      'next_attempt_at',
      'answered_at',
      'created_at',
    ])
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
  const n = (s: string) => Number(counts.find((c) => c.status === s)?.n ?? 0);
  return {
    counts: { pending: n('pending') + n('sent'), accepted: n('accepted'), rejected: n('rejected') },
    oldestPendingAt: times.oldest_pending,
    lastAcceptedAt: times.last_accepted,
    items,
  };
}

export async function outboxRow(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('sync_outbox')
    .select(['id', 'status', 'entity', 'uuid', 'version'])
    .where('id', '=', String(id))
    .executeTakeFirst();
}

/** Puts a rejected row back in the queue, due now, its attempts counted afresh; false if it is no longer rejected. */
export async function requeue(db: Kysely<DB>, id: number): Promise<boolean> {
  const r = await db
    .updateTable('sync_outbox')
    .set({ status: 'pending', attempts: 0, next_attempt_at: new Date(), answered_at: null })
    .where('id', '=', String(id))
    .where('status', '=', 'rejected')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The version a record's next change is delivered as, for records without a version of their own (AI systems). */
export async function nextSyncVersion(tx: Kysely<DB>, entity: SyncEntity, uuid: string): Promise<number> {
  const row = await tx
    .selectFrom('sync_outbox')
    .select((e) => e.fn.max('version').as('v'))
    .where('entity', '=', entity)
    .where('uuid', '=', uuid)
    .executeTakeFirst();
  return Number(row?.v ?? 0) + 1;
}

/** The identifier the national side gave each record (the last one an accepted delivery carried back). */
export async function nationalIdsOf(
  db: Kysely<DB>,
  entity: SyncEntity,
  entityIds: readonly number[],
): Promise<Map<number, string>> {
  if (!entityIds.length) return new Map();
  const rows = await db
    .selectFrom('sync_outbox')
    .select(['entity_id', 'remote_id'])
    .distinctOn('entity_id')
    .where('entity', '=', entity)
    .where('entity_id', 'in', [...entityIds])
    .where('status', '=', 'accepted')
    .where('remote_id', 'is not', null)
    .orderBy('entity_id')
    .orderBy('id', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.entity_id, r.remote_id as string]));
}
