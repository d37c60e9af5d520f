// Resetting an account's password: every session of the account ends.
import { forbidden } from '../../../domain/errors.ts';
import { can } from '../../../domain/permissions.ts';
import { recordAudit } from '../../audit/index.ts';
import { deleteSessionsOfUser, hashPassword, temporaryPassword } from '../../auth/index.ts';
import { authorize, type Ctx, type Tx } from '../../context.ts';
import * as store from '../store.ts';
import { mustUser } from './account-view.ts';

/** A temporary password (to change at next sign-in), or the one the local operator chose (`thihanh user reset-password`). */
export async function resetPassword(ctx: Ctx, id: number, password?: string) {
  const current = await mustUser(ctx, id);
  authorize(ctx, 'manageUsers', { unitPath: current.unit_path });
  if (current.roles.includes('sysadmin') && !can(ctx.actor, 'manageSystemAdmins', { unitPath: current.unit_path })) {
    throw forbidden('Chỉ quản trị hệ thống được đặt lại mật khẩu quản trị hệ thống.');
  }
  return ctx.db.transaction().execute((tx) => setTemporaryPassword(tx, ctx, id, current.unit_id, password));
}

export async function setTemporaryPassword(
  tx: Tx,
  ctx: Pick<Ctx, 'actor' | 'ip'>,
  id: number,
  unitId: number,
  password?: string,
) {
  const pw = password ?? temporaryPassword();
  await store.setPasswordHash(tx, id, await hashPassword(pw), password === undefined);
  await deleteSessionsOfUser(tx, id);
  await recordAudit(tx, ctx, { action: 'user.password_reset', entityType: 'user', entityId: id, unitId });
  return { temporaryPassword: pw };
}
