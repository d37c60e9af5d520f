// Creating an account: through the API by an administrator, `thihanh user add` by the local operator, and the
// accounts the server makes at start (the administrator from the environment, demo accounts) with `insertUser`.
import { conflict, forbidden, invalid } from '../../../domain/errors.ts';
import { grantableRoles, ROLE_LABEL, type Role } from '../../../domain/permissions.ts';
import { normalizeText } from '../../../domain/text.ts';
import { recordAudit } from '../../audit/index.ts';
import { hashPassword, passwordProblems, temporaryPassword } from '../../auth/index.ts';
import { authorize, requireActor, type Ctx, type Tx } from '../../context.ts';
import { getUnit } from '../../org/index.ts';
import * as store from '../store.ts';

/** The roles asked for, if the actor may grant every one of them. */
export function checkRoles(ctx: Ctx, roles: string[]): Role[] {
  const actor = requireActor(ctx);
  const allowed = grantableRoles(actor);
  const bad = roles.filter((r) => !(allowed as string[]).includes(r));
  if (bad.length)
    throw forbidden(`Bạn không được cấp vai trò: ${bad.map((r) => ROLE_LABEL[r as Role] ?? r).join(', ')}.`);
  return roles as Role[];
}

export interface CreateUserInput {
  username: string;
  fullName: string;
  email?: string | null;
  phone?: string | null;
  unitId: number;
  roles: string[];
  password?: string;
}

export async function createUser(ctx: Ctx, input: CreateUserInput) {
  const unit = await getUnit(ctx.db, input.unitId);
  if (!unit)
    throw invalid('user.unit_not_found', 'Đơn vị không tồn tại.', [
      { path: 'unitId', message: 'Chọn một đơn vị có trong danh mục.' },
    ]);
  authorize(ctx, 'manageUsers', { unitPath: unit.path });
  if (unit.status !== 'active')
    throw conflict('unit.inactive', 'Không thể tạo tài khoản cho đơn vị đã giải thể hoặc sáp nhập.');
  const roles = checkRoles(ctx, input.roles);
  return ctx.db.transaction().execute((tx) => insertUser(tx, ctx, { ...input, roles }));
}

/** Shared by the API, the CLI (`thihanh user add`) and demo seeding. */
export async function insertUser(
  tx: Tx,
  ctx: Pick<Ctx, 'actor' | 'ip'>,
  input: CreateUserInput & { roles: Role[]; isDemo?: boolean },
) {
  const username = input.username.trim();
  if (await store.findUserByUsername(tx, username))
    throw conflict('user.username_taken', `Tên đăng nhập "${username}" đã được sử dụng.`);
  let password = input.password;
  let mustChange = false;
  if (!password) {
    password = temporaryPassword();
    mustChange = true;
  } else {
    const problems = passwordProblems(password, username);
    if (problems.length)
      throw invalid(
        'auth.weak_password',
        problems[0]!,
        problems.map((m) => ({ path: 'password', message: m })),
      );
  }
  const id = await store.insertAppUser(tx, {
    username,
    full_name: normalizeText(input.fullName),
    email: input.email?.trim() || null,
    phone: input.phone?.trim() || null,
    unit_id: input.unitId,
    roles: input.roles,
    password_hash: await hashPassword(password),
    must_change_password: mustChange,
    is_demo: input.isDemo ?? false,
  });
  await recordAudit(tx, ctx, {
    action: 'user.create',
    entityType: 'user',
    entityId: id,
    unitId: input.unitId,
    after: { username, fullName: input.fullName, roles: input.roles, unitId: input.unitId },
  });
  return { id, username, temporaryPassword: mustChange ? password : null };
}
