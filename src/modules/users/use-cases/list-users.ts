// Reading accounts.
import { notFound } from '../../../domain/errors.ts';
import { authorize, type Ctx } from '../../context.ts';
import { getUnit } from '../../org/index.ts';
import * as store from '../store.ts';
import { mustUser, toView, type UserView } from './account-view.ts';

/** People of a unit (and below). Names and roles are internal: visible within one's scope, not to the public. */
export async function listUsers(ctx: Ctx, unitId: number, opts: { includeSubunits: boolean; q?: string }) {
  const unit = await getUnit(ctx.db, unitId);
  if (!unit) throw notFound('đơn vị');
  authorize(ctx, 'read', { unitPath: unit.path });
  return (await store.listUserRows(ctx.db, { unitId, ...opts })).map((r) => toView(ctx, r));
}

export async function getUser(ctx: Ctx, id: number): Promise<UserView> {
  return toView(ctx, await mustUser(ctx, id));
}
