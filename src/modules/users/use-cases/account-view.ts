// What every account use case shares: the answer's shape with its `can`, and the one way to load an account.
import type { User } from '../../../contracts/users.ts';
import { can } from '../../../domain/permissions.ts';
import { mustRead, requireActor, type Ctx } from '../../context.ts';
import * as store from '../store.ts';

export type UserView = User;

/** Accounts of system administrators are changed only by them: the rule `manageSystemAdmins`. */
function mayEdit(ctx: Ctx, r: Pick<store.UserRow, 'roles' | 'unit_path'>): boolean {
  const target = { unitPath: r.unit_path };
  return (
    can(ctx.actor, 'manageUsers', target) &&
    (!r.roles.includes('sysadmin') || can(ctx.actor, 'manageSystemAdmins', target))
  );
}

export function toView(ctx: Ctx, r: store.UserRow): UserView {
  const edit = mayEdit(ctx, r);
  return {
    id: r.id,
    username: r.username,
    fullName: r.full_name,
    email: r.email,
    phone: r.phone,
    unitId: r.unit_id,
    unitName: r.unit_name,
    roles: r.roles,
    isActive: r.is_active,
    isDemo: r.is_demo,
    mustChangePassword: r.must_change_password,
    lastLoginAt: r.last_login_at ? r.last_login_at.toISOString() : null,
    can: { edit, lock: edit && r.id !== ctx.actor?.userId },
  };
}

/** An account the caller may read: their own, or one of a unit in their scope (anything else is "not found"). */
export async function mustUser(ctx: Ctx, id: number) {
  const actor = requireActor(ctx);
  const r = await store.getUserRow(ctx.db, id);
  return r?.id === actor.userId ? r : mustRead(ctx, 'tài khoản', r, (u) => ({ unitPath: u.unit_path }));
}
