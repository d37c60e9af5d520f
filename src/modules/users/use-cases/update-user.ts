// Changing an account: name, contact, unit, roles, locked or not.
import { forbidden, invalid } from '../../../domain/errors.ts';
import { can } from '../../../domain/permissions.ts';
import { normalizeText } from '../../../domain/text.ts';
import { recordAudit } from '../../audit/index.ts';
import { deleteSessionsOfUser } from '../../auth/index.ts';
import { authorize, requireActor, type Ctx } from '../../context.ts';
import { getUnit } from '../../org/index.ts';
import * as store from '../store.ts';
import { mustUser } from './account-view.ts';
import { checkRoles } from './create-user.ts';
import { getUser } from './list-users.ts';

export interface UpdateUserInput {
  fullName?: string;
  email?: string | null;
  phone?: string | null;
  unitId?: number;
  roles?: string[];
  isActive?: boolean;
}

export async function updateUser(ctx: Ctx, id: number, input: UpdateUserInput) {
  const actor = requireActor(ctx);
  const current = await mustUser(ctx, id);
  authorize(ctx, 'manageUsers', { unitPath: current.unit_path });
  if (input.unitId !== undefined && input.unitId !== current.unit_id) {
    const target = await getUnit(ctx.db, input.unitId);
    if (!target)
      throw invalid('user.unit_not_found', 'Đơn vị không tồn tại.', [
        { path: 'unitId', message: 'Chọn một đơn vị có trong danh mục.' },
      ]);
    authorize(ctx, 'manageUsers', { unitPath: target.path });
  }
  const roles = input.roles ? checkRoles(ctx, input.roles) : undefined;
  if (id === actor.userId && (input.isActive === false || (roles && !roles.some((r) => actor.roles.includes(r))))) {
    throw forbidden('Bạn không thể tự khóa tài khoản hoặc tự bỏ vai trò quản trị của mình.');
  }
  if (current.roles.includes('sysadmin') && !can(actor, 'manageSystemAdmins', { unitPath: current.unit_path })) {
    throw forbidden('Chỉ quản trị hệ thống được sửa tài khoản quản trị hệ thống.');
  }
  const patch = {
    ...(input.fullName !== undefined ? { full_name: normalizeText(input.fullName) } : {}),
    ...(input.email !== undefined ? { email: input.email?.trim() || null } : {}),
    ...(input.phone !== undefined ? { phone: input.phone?.trim() || null } : {}),
    ...(input.unitId !== undefined ? { unit_id: input.unitId } : {}),
    ...(roles ? { roles } : {}),
    ...(input.isActive !== undefined ? { is_active: input.isActive } : {}),
  };
  await ctx.db.transaction().execute(async (tx) => {
    await store.updateAppUser(tx, id, patch);
    if (input.isActive === false) await deleteSessionsOfUser(tx, id);
    await recordAudit(tx, ctx, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      unitId: input.unitId ?? current.unit_id,
      before: {
        fullName: current.full_name,
        email: current.email,
        phone: current.phone,
        unitId: current.unit_id,
        roles: current.roles,
        isActive: current.is_active,
      },
      // Audit in the same vocabulary as `before` (API names), not column names.
      after: {
        ...(input.fullName !== undefined ? { fullName: patch.full_name } : {}),
        ...(input.email !== undefined ? { email: patch.email } : {}),
        ...(input.phone !== undefined ? { phone: patch.phone } : {}),
        ...(input.unitId !== undefined ? { unitId: input.unitId } : {}),
        ...(roles ? { roles } : {}),
        ...(input.isActive !== undefined ? { isActive: input.isActive } : {}),
      },
    });
  });
  return getUser(ctx, id);
}
