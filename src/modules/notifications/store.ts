// In-app notifications: to a unit (everyone there sees it) or to one user. Written inside the caller's transaction.
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Tx } from '../context.ts';

/** Whom a notification may reach: a person, and the unit they belong to. */
export interface Recipient {
  userId: number;
  unitId: number;
}

export interface NewNotification {
  unitId?: number | null;
  userId?: number | null;
  kind: string;
  title: string;
  body?: string;
  link?: string | null;
}

export async function notify(tx: Tx | Kysely<DB>, items: NewNotification | NewNotification[]): Promise<void> {
  const list = Array.isArray(items) ? items : [items];
  if (!list.length) return;
  await tx
    .insertInto('notification')
    .values(
      list.map((n) => ({
        unit_id: n.unitId ?? null,
        user_id: n.userId ?? null,
        kind: n.kind,
        title: n.title,
        body: n.body ?? '',
        link: n.link ?? null,
      })),
    )
    .execute();
}

/** The condition "addressed to this person": to them, to their unit, or to an office directly under their unit. */
function addressedTo(to: Recipient) {
  return (eb: ExpressionBuilder<DB & { n: DB['notification'] }, 'n'>) =>
    eb.or([
      eb('n.user_id', '=', to.userId),
      eb('n.unit_id', '=', to.unitId),
      eb(
        'n.unit_id',
        'in',
        eb
          .selectFrom('unit')
          .select('unit.id')
          .where('unit.parent_id', '=', to.unitId)
          .where('unit.kind', '=', 'office'),
      ),
    ]);
}

/** The unread count and one page of what is addressed to a person, newest first. */
export async function listNotificationsTo(
  db: Kysely<DB>,
  to: Recipient,
  q: { unread?: boolean; limit: number; offset: number },
) {
  let base = db
    .selectFrom('notification as n')
    .leftJoin('unit as to_unit', 'to_unit.id', 'n.unit_id')
    .where(addressedTo(to));
  const unread = await base
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('n.read_at', 'is', null)
    .executeTakeFirstOrThrow();
  if (q.unread) base = base.where('n.read_at', 'is', null);
  const rows = await base
    .select([
      'n.id',
      'n.kind',
      'n.title',
      'n.body',
      'n.link',
      'n.read_at',
      'n.created_at',
      'n.unit_id',
      'n.user_id',
      'to_unit.name as unit_name',
    ])
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { unread: Number(unread.n), rows };
}

/** A notification and whether it is addressed to the person (NULL, like false, when no branch of the condition holds). */
export async function getNotificationFor(db: Kysely<DB>, id: number, to: Recipient) {
  return db
    .selectFrom('notification as n')
    .select(['n.unit_id', 'n.read_at', (eb) => addressedTo(to)(eb).as('mine')])
    .where('n.id', '=', id)
    .executeTakeFirst();
}

/** Marks a notification read once; returns when (undefined if it already was). */
export async function markRead(tx: Tx, id: number): Promise<Date | undefined> {
  const row = await tx
    .updateTable('notification')
    .set({ read_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('read_at', 'is', null)
    .returning('read_at')
    .executeTakeFirst();
  return row?.read_at ?? undefined;
}
