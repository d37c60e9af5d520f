// In-app notifications: to a unit (everyone there sees it) or to one user. Written inside the caller's transaction.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Tx } from '../context.ts';

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
  await tx.insertInto('notification').values(list.map((n) => ({
    unit_id: n.unitId ?? null, user_id: n.userId ?? null, kind: n.kind, title: n.title, body: n.body ?? '', link: n.link ?? null,
  }))).execute();
}
