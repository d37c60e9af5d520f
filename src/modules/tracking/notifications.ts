// Reading in-app notifications: mine are those addressed to me or to my unit (written by notify() in
// src/modules/notifications/store.ts). A notification to a unit has one read mark, shared by its members.
import { forbidden, notFound } from '../../domain/errors.ts';
import { sql } from 'kysely';
import { recordAudit } from '../audit/store.ts';
import { requireActor, type Ctx } from '../context.ts';

export async function listNotificationsFor(ctx: Ctx, q: { unread?: boolean; limit: number; offset: number }) {
  const actor = requireActor(ctx);
  let base = ctx.db.selectFrom('notification as n')
    .where((eb) => eb.or([eb('n.user_id', '=', actor.userId), eb('n.unit_id', '=', actor.unitId)]));
  const unreadCount = await base.select((eb) => eb.fn.countAll<number>().as('n')).where('n.read_at', 'is', null).executeTakeFirstOrThrow();
  if (q.unread) base = base.where('n.read_at', 'is', null);
  const rows = await base.select(['n.id', 'n.kind', 'n.title', 'n.body', 'n.link', 'n.read_at', 'n.created_at', 'n.unit_id', 'n.user_id'])
    .orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').limit(q.limit).offset(q.offset).execute();
  return {
    unread: Number(unreadCount.n),
    items: rows.map((n) => ({
      id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, read: n.read_at !== null, readAt: n.read_at?.toISOString() ?? null,
      createdAt: n.created_at.toISOString(), to: n.user_id !== null ? 'user' as const : 'unit' as const,
    })),
  };
}

export async function markNotificationRead(ctx: Ctx, id: number) {
  const actor = requireActor(ctx);
  const n = await ctx.db.selectFrom('notification').select(['id', 'user_id', 'unit_id', 'read_at']).where('id', '=', id).executeTakeFirst();
  if (!n) throw notFound('thông báo');
  if (n.user_id !== actor.userId && n.unit_id !== actor.unitId) throw forbidden('Thông báo này không gửi cho bạn hoặc đơn vị của bạn.');
  if (n.read_at) return { id, read: true, readAt: n.read_at.toISOString() };
  return ctx.db.transaction().execute(async (tx) => {
    const row = await tx.updateTable('notification').set({ read_at: sql<Date>`now()` }).where('id', '=', id).where('read_at', 'is', null)
      .returning('read_at').executeTakeFirst();
    await recordAudit(tx, ctx, { action: 'notification.read', entityType: 'notification', entityId: id, unitId: n.unit_id ?? actor.unitId });
    return { id, read: true, readAt: (row?.read_at ?? new Date()).toISOString() };
  });
}
