// Reading in-app notifications: mine are those addressed to me, to my unit, or to an office of my unit (written by
// notify() in store.ts). A ward's leaders and officers are usually attached to the ward
// itself while its plan assigns work to its offices (Phòng Văn hóa - Xã hội…), so they must see what reaches those
// offices too. A notification to a unit has one read mark, shared by everyone who sees it.
import { notFound } from '../../domain/errors.ts';
import { sql, type ExpressionBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../audit/index.ts';
import type { Actor } from '../../domain/permissions.ts';
import { requireActor, type Ctx } from '../context.ts';

/** The condition "addressed to this actor": to them, to their unit, or to an office directly under their unit. */
function addressedTo(actor: Actor) {
  return (eb: ExpressionBuilder<DB & { n: DB['notification'] }, 'n'>) => eb.or([
    eb('n.user_id', '=', actor.userId),
    eb('n.unit_id', '=', actor.unitId),
    eb('n.unit_id', 'in', eb.selectFrom('unit').select('unit.id').where('unit.parent_id', '=', actor.unitId).where('unit.kind', '=', 'office')),
  ]);
}

export async function listNotificationsFor(ctx: Ctx, q: { unread?: boolean; limit: number; offset: number }) {
  const actor = requireActor(ctx);
  let base = ctx.db.selectFrom('notification as n').leftJoin('unit as to_unit', 'to_unit.id', 'n.unit_id').where(addressedTo(actor));
  const unreadCount = await base.select((eb) => eb.fn.countAll<number>().as('n')).where('n.read_at', 'is', null).executeTakeFirstOrThrow();
  if (q.unread) base = base.where('n.read_at', 'is', null);
  const rows = await base.select(['n.id', 'n.kind', 'n.title', 'n.body', 'n.link', 'n.read_at', 'n.created_at', 'n.unit_id', 'n.user_id', 'to_unit.name as unit_name'])
    .orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').limit(q.limit).offset(q.offset).execute();
  return {
    unread: Number(unreadCount.n),
    items: rows.map((n) => ({
      id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, read: n.read_at !== null, readAt: n.read_at?.toISOString() ?? null,
      createdAt: n.created_at.toISOString(), to: n.user_id !== null ? 'user' as const : 'unit' as const,
      // Named when it reached one of my unit's offices rather than my unit itself.
      toUnitName: n.unit_id !== null && n.unit_id !== actor.unitId ? n.unit_name : null,
    })),
  };
}

export async function markNotificationRead(ctx: Ctx, id: number) {
  const actor = requireActor(ctx);
  // The row and whether it is addressed to the actor (NULL, like false, when no branch of the condition holds).
  const n = await ctx.db.selectFrom('notification as n').select(['n.unit_id', 'n.read_at', (eb) => addressedTo(actor)(eb).as('mine')])
    .where('n.id', '=', id).executeTakeFirst();
  // A notification is readable only by those it is addressed to: to anyone else it does not exist (the same 404 as
  // an unknown id, as `mustRead` answers for records readable by unit).
  if (!n || !n.mine) throw notFound('thông báo');
  if (n.read_at) return { id, read: true, readAt: n.read_at.toISOString() };
  return ctx.db.transaction().execute(async (tx) => {
    const row = await tx.updateTable('notification').set({ read_at: sql<Date>`now()` }).where('id', '=', id).where('read_at', 'is', null)
      .returning('read_at').executeTakeFirst();
    await recordAudit(tx, ctx, { action: 'notification.read', entityType: 'notification', entityId: id, unitId: n.unit_id ?? actor.unitId });
    return { id, read: true, readAt: (row?.read_at ?? new Date()).toISOString() };
  });
}
