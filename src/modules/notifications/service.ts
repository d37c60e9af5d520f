// Reading in-app notifications: mine are those addressed to me, to my unit, or to an office of my unit (written by
// notify() in store.ts). A ward's leaders and officers are usually attached to the ward
// itself while its plan assigns work to its offices (Phòng Văn hóa - Xã hội…), so they must see what reaches those
// offices too. A notification to a unit has one read mark, shared by everyone who sees it.
import { notFound } from '../../domain/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { requireActor, type Ctx } from '../context.ts';
import { getNotificationFor, listNotificationsTo, markRead } from './store.ts';

export async function listNotificationsFor(ctx: Ctx, q: { unread?: boolean; limit: number; offset: number }) {
  const actor = requireActor(ctx);
  const { unread, rows } = await listNotificationsTo(ctx.db, actor, q);
  return {
    unread,
    items: rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link,
      read: n.read_at !== null,
      readAt: n.read_at?.toISOString() ?? null,
      createdAt: n.created_at.toISOString(),
      to: n.user_id !== null ? ('user' as const) : ('unit' as const),
      // Named when it reached one of my unit's offices rather than my unit itself.
      toUnitName: n.unit_id !== null && n.unit_id !== actor.unitId ? n.unit_name : null,
    })),
  };
}

export async function markNotificationRead(ctx: Ctx, id: number) {
  const actor = requireActor(ctx);
  const n = await getNotificationFor(ctx.db, id, actor);
  // A notification is readable only by those it is addressed to: to anyone else it does not exist (the same 404 as
  // an unknown id, as `mustRead` answers for records readable by unit).
  if (!n || !n.mine) throw notFound('thông báo');
  if (n.read_at) return { id, read: true, readAt: n.read_at.toISOString() };
  return ctx.db.transaction().execute(async (tx) => {
    const readAt = await markRead(tx, id);
    await recordAudit(tx, ctx, {
      action: 'notification.read',
      entityType: 'notification',
      entityId: id,
      unitId: n.unit_id ?? actor.unitId,
    });
    return { id, read: true, readAt: (readAt ?? new Date()).toISOString() };
  });
}
