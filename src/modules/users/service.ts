// User administration: accounts belong to a unit and hold roles there.
import { conflict, forbidden, invalid, notFound } from '../../domain/errors.ts';
import { can, grantableRoles, ROLE_LABEL, type Role } from '../../domain/permissions.ts';
import { normalizeText } from '../../domain/text.ts';
import { recordAudit } from '../audit/index.ts';
import { authorize, mustRead, requireActor, type Ctx, type Tx } from '../context.ts';
import { deleteSessionsOfUser, hashPassword, passwordProblems, temporaryPassword } from '../auth/index.ts';
import { getUnit, getUnitByCode } from '../org/index.ts';
import * as store from './store.ts';
import type { User } from '../../contracts/users.ts';

export type UserView = User;

/** Accounts of system administrators are changed only by them: the rule `manageSystemAdmins`. */
function mayEdit(ctx: Ctx, r: Pick<store.UserRow, 'roles' | 'unit_path'>): boolean {
  const target = { unitPath: r.unit_path };
  return can(ctx.actor, 'manageUsers', target) && (!r.roles.includes('sysadmin') || can(ctx.actor, 'manageSystemAdmins', target));
}

function toView(ctx: Ctx, r: store.UserRow): UserView {
  const edit = mayEdit(ctx, r);
  return {
    id: r.id, username: r.username, fullName: r.full_name, email: r.email, phone: r.phone, unitId: r.unit_id, unitName: r.unit_name,
    roles: r.roles, isActive: r.is_active, isDemo: r.is_demo, mustChangePassword: r.must_change_password,
    lastLoginAt: r.last_login_at ? r.last_login_at.toISOString() : null,
    can: { edit, lock: edit && r.id !== ctx.actor?.userId },
  };
}

/** People of a unit (and below). Names and roles are internal: visible within one's scope, not to the public. */
export async function listUsers(ctx: Ctx, unitId: number, opts: { includeSubunits: boolean; q?: string }) {
  const unit = await getUnit(ctx.db, unitId);
  if (!unit) throw notFound('đơn vị');
  authorize(ctx, 'read', { unitPath: unit.path });
  return (await store.listUserRows(ctx.db, { unitId, ...opts })).map((r) => toView(ctx, r));
}

/** An account the caller may read: their own, or one of a unit in their scope (anything else is "not found"). */
async function mustUser(ctx: Ctx, id: number) {
  const actor = requireActor(ctx);
  const r = await store.getUserRow(ctx.db, id);
  return r?.id === actor.userId ? r : mustRead(ctx, 'tài khoản', r, (u) => ({ unitPath: u.unit_path }));
}

export async function getUser(ctx: Ctx, id: number): Promise<UserView> {
  return toView(ctx, await mustUser(ctx, id));
}

function checkRoles(ctx: Ctx, roles: string[]): Role[] {
  const actor = requireActor(ctx);
  const allowed = grantableRoles(actor);
  const bad = roles.filter((r) => !(allowed as string[]).includes(r));
  if (bad.length) throw forbidden(`Bạn không được cấp vai trò: ${bad.map((r) => ROLE_LABEL[r as Role] ?? r).join(', ')}.`);
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
  if (!unit) throw invalid('user.unit_not_found', 'Đơn vị không tồn tại.', [{ path: 'unitId', message: 'Chọn một đơn vị có trong danh mục.' }]);
  authorize(ctx, 'manageUsers', { unitPath: unit.path });
  if (unit.status !== 'active') throw conflict('unit.inactive', 'Không thể tạo tài khoản cho đơn vị đã giải thể hoặc sáp nhập.');
  const roles = checkRoles(ctx, input.roles);
  return ctx.db.transaction().execute((tx) => insertUser(tx, ctx, { ...input, roles }));
}

/** Shared by the API, the CLI (`thihanh user add`) and demo seeding. */
export async function insertUser(tx: Tx, ctx: Pick<Ctx, 'actor' | 'ip'>, input: CreateUserInput & { roles: Role[]; isDemo?: boolean }) {
  const username = input.username.trim();
  if (await store.findUserByUsername(tx, username)) throw conflict('user.username_taken', `Tên đăng nhập "${username}" đã được sử dụng.`);
  let password = input.password;
  let mustChange = false;
  if (!password) {
    password = temporaryPassword();
    mustChange = true;
  } else {
    const problems = passwordProblems(password, username);
    if (problems.length) throw invalid('auth.weak_password', problems[0]!, problems.map((m) => ({ path: 'password', message: m })));
  }
  const id = await store.insertAppUser(tx, {
    username, full_name: normalizeText(input.fullName), email: input.email?.trim() || null, phone: input.phone?.trim() || null,
    unit_id: input.unitId, roles: input.roles, password_hash: await hashPassword(password), must_change_password: mustChange,
    is_demo: input.isDemo ?? false,
  });
  await recordAudit(tx, ctx, { action: 'user.create', entityType: 'user', entityId: id, unitId: input.unitId, after: { username, fullName: input.fullName, roles: input.roles, unitId: input.unitId } });
  return { id, username, temporaryPassword: mustChange ? password : null };
}

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
    if (!target) throw invalid('user.unit_not_found', 'Đơn vị không tồn tại.', [{ path: 'unitId', message: 'Chọn một đơn vị có trong danh mục.' }]);
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
      action: 'user.update', entityType: 'user', entityId: id, unitId: input.unitId ?? current.unit_id,
      before: { fullName: current.full_name, email: current.email, phone: current.phone, unitId: current.unit_id, roles: current.roles, isActive: current.is_active },
      // Audit in the same vocabulary as `before` (API names), not column names.
      after: {
        ...(input.fullName !== undefined ? { fullName: patch.full_name } : {}), ...(input.email !== undefined ? { email: patch.email } : {}),
        ...(input.phone !== undefined ? { phone: patch.phone } : {}), ...(input.unitId !== undefined ? { unitId: input.unitId } : {}),
        ...(roles ? { roles } : {}), ...(input.isActive !== undefined ? { isActive: input.isActive } : {}),
      },
    });
  });
  return getUser(ctx, id);
}

/** A temporary password (to change at next sign-in), or the one the local operator chose (`thihanh user reset-password`). */
export async function resetPassword(ctx: Ctx, id: number, password?: string) {
  const current = await mustUser(ctx, id);
  authorize(ctx, 'manageUsers', { unitPath: current.unit_path });
  if (current.roles.includes('sysadmin') && !can(ctx.actor, 'manageSystemAdmins', { unitPath: current.unit_path })) {
    throw forbidden('Chỉ quản trị hệ thống được đặt lại mật khẩu quản trị hệ thống.');
  }
  return ctx.db.transaction().execute((tx) => setTemporaryPassword(tx, ctx, id, current.unit_id, password));
}

export async function setTemporaryPassword(tx: Tx, ctx: Pick<Ctx, 'actor' | 'ip'>, id: number, unitId: number, password?: string) {
  const pw = password ?? temporaryPassword();
  await store.setPasswordHash(tx, id, await hashPassword(pw), password === undefined);
  await deleteSessionsOfUser(tx, id);
  await recordAudit(tx, ctx, { action: 'user.password_reset', entityType: 'user', entityId: id, unitId });
  return { temporaryPassword: pw };
}

/** Demo accounts: only ever created in demo mode (embedded database by default). */
export const DEMO_ACCOUNTS = [
  { username: 'skhcn.chuyenvien', fullName: 'Lê Thị Minh Hà', unitCode: '38.SKHCN', roles: ['officer'] as Role[] },
  { username: 'skhcn.lanhdao', fullName: 'Trịnh Văn Hùng', unitCode: '38.SKHCN', roles: ['leader'] as Role[] },
  { username: 'tinh.lanhdao', fullName: 'Đầu Thanh Tùng', unitCode: '38', roles: ['leader'] as Role[] },
  { username: 'namsamson.chuyenvien', fullName: 'Nguyễn Thị Thu Trang', unitCode: '16516', roles: ['officer'] as Role[] },
  { username: 'namsamson.lanhdao', fullName: 'Phạm Xuân Trường', unitCode: '16516', roles: ['leader'] as Role[] },
];
export const DEMO_PASSWORD = 'ThiHanh@2026';

export async function ensureDemoAccounts(ctx: Ctx): Promise<string[]> {
  const created: string[] = [];
  for (const d of DEMO_ACCOUNTS) {
    if (await store.findUserByUsername(ctx.db, d.username)) continue;
    const unit = await getUnitByCode(ctx.db, d.unitCode);
    if (!unit) continue;
    await ctx.db.transaction().execute((tx) => insertUser(tx, ctx, { username: d.username, fullName: d.fullName, unitId: unit.id, roles: d.roles, password: DEMO_PASSWORD, isDemo: true }));
    created.push(d.username);
  }
  return created;
}
