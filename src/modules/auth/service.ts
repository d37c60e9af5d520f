// Login, sessions, logout, password change. Sessions live in the database (revocable, shared by all
// server processes); the cookie holds a random token whose sha256 is the session id.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError, invalid, unauthorized } from '../../domain/errors.ts';
import { can, canSomewhere, grantableRoles, ROLES, type Actor, type Role } from '../../domain/permissions.ts';
import type { SessionCan, SessionUser } from '../../contracts/auth.ts';
import { recordAudit } from '../audit/index.ts';
import { requireActor, type Ctx } from '../context.ts';
import { hashPassword, passwordProblems, verifyPassword } from './passwords.ts';
import {
  findUserByUsername,
  getUserWithUnit,
  setPasswordHash,
  touchLastLogin,
  type UserWithUnit,
} from '../users/index.ts';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOfUser,
  getSessionWithUser,
  insertSession,
  loginFailures,
  purgeThrottling,
  recordLoginAttempt,
  touchSession,
} from './store.ts';
import { loginWait, waitText, type LoginWait } from '../../domain/throttle.ts';

export const SESSION_COOKIE = 'thihanh_session';
/** Sessions also end after this long without activity. */
const IDLE_MINUTES = 120;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

// A fixed hash to verify against when the user does not exist, so timing does not reveal valid usernames.
let dummyHash: Promise<string> | undefined;

export type { SessionUser };

export interface SessionInfo {
  user: SessionUser;
  actor: Actor;
  csrfToken: string;
  expiresAt: Date;
}

const loadUser = getUserWithUnit;
type LoadedUser = UserWithUnit;

const rolesOf = (u: LoadedUser) => u.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r));

function sessionCan(actor: Actor): SessionCan {
  return {
    followWork: canSomewhere(actor, 'read'),
    draftPlans: canSomewhere(actor, 'edit'),
    editOwnUnit: can(actor, 'edit', { unitPath: actor.unitPath }),
    manageUsers: canSomewhere(actor, 'manageUsers'),
    readAudit: canSomewhere(actor, 'readAudit'),
    grantRoles: grantableRoles(actor),
  };
}

function toSessionUser(u: LoadedUser): SessionUser {
  return {
    id: u.id,
    username: u.username,
    fullName: u.full_name,
    email: u.email,
    unitId: u.unit_id,
    unitName: u.unit_name,
    unitCode: u.unit_code,
    unitKind: u.unit_kind,
    roles: rolesOf(u),
    mustChangePassword: u.must_change_password,
    isDemo: u.is_demo,
    can: sessionCan(toActor(u)),
  };
}

export function toActor(u: LoadedUser): Actor {
  return {
    userId: u.id,
    username: u.username,
    unitId: u.unit_id,
    unitPath: u.unit_path,
    roles: rolesOf(u),
    focalForIds: u.focal_for_id ? [u.focal_for_id] : [],
  };
}

/** Builds the acting identity for a user id (CLI commands acting as a named user, tests). */
export async function actorFor(db: Kysely<DB>, userId: number): Promise<Actor> {
  const u = await loadUser(db, userId);
  if (!u) throw unauthorized();
  return toActor(u);
}

/** A login refused before the password is checked; Retry-After says when this address may try again. */
export class LoginThrottled extends AppError {
  readonly retryAfter: number;
  constructor(wait: LoginWait) {
    super(
      'auth.throttled',
      429,
      wait.reason === 'pair'
        ? `Đăng nhập sai nhiều lần vào tài khoản này từ địa chỉ của bạn. Vui lòng thử lại sau ${waitText(wait.seconds)}.`
        : `Địa chỉ mạng của bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${waitText(wait.seconds)}.`,
    );
    this.retryAfter = wait.seconds;
  }
}

export async function login(
  ctx: Ctx,
  input: { username: string; password: string; userAgent: string | null },
  ttlHours: number,
) {
  const ip = ctx.ip ?? 'unknown';
  const username = input.username.trim();
  // Refused attempts are not recorded: an attacker who keeps knocking does not push the wait further.
  const wait = loginWait(await loginFailures(ctx.db, username, ip));
  if (wait) throw new LoginThrottled(wait);
  const row = await findUserByUsername(ctx.db, username);
  dummyHash ??= hashPassword('khong-phai-mat-khau-that');
  const ok = row
    ? await verifyPassword(row.password_hash, input.password)
    : (await verifyPassword(await dummyHash, input.password), false);
  if (!row || !ok || !row.is_active) {
    await recordLoginAttempt(ctx.db, { username, ip, success: false });
    if (row && ok && !row.is_active)
      throw new AppError('auth.inactive', 403, 'Tài khoản đã bị khóa. Vui lòng liên hệ quản trị đơn vị.');
    throw new AppError('auth.invalid', 401, 'Tên đăng nhập hoặc mật khẩu không đúng.');
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlHours * 3_600_000);
  const user = (await loadUser(ctx.db, row.id))!;
  await ctx.db.transaction().execute(async (tx) => {
    await recordLoginAttempt(tx, { username, ip, success: true });
    await insertSession(tx, {
      id: sha256(token),
      userId: row.id,
      csrfToken,
      expiresAt,
      ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await touchLastLogin(tx, row.id);
    await recordAudit(
      tx,
      { actor: toActor(user), ip },
      { action: 'auth.login', entityType: 'user', entityId: row.id, unitId: user.unit_id },
    );
  });
  return {
    token,
    session: { user: toSessionUser(user), actor: toActor(user), csrfToken, expiresAt } satisfies SessionInfo,
  };
}

/** Resolves a cookie token to a live session, sliding its idle timer. */
export async function sessionFromToken(db: Kysely<DB>, token: string | undefined): Promise<SessionInfo | null> {
  if (!token || token.length > 200) return null;
  const id = sha256(token);
  const s = await getSessionWithUser(db, id);
  if (!s) return null;
  const now = Date.now();
  if (s.expires_at.getTime() <= now || s.last_seen_at.getTime() + IDLE_MINUTES * 60_000 <= now) {
    await deleteSession(db, id);
    return null;
  }
  if (!s.is_active) return null;
  // Touch at most once a minute: a write per request would serialise PGlite for nothing.
  if (now - s.last_seen_at.getTime() > 60_000) await touchSession(db, id);
  return { user: toSessionUser(s), actor: toActor(s), csrfToken: s.csrf_token, expiresAt: s.expires_at };
}

export async function logout(ctx: Ctx, token: string | undefined): Promise<void> {
  if (!token) return;
  await ctx.db.transaction().execute(async (tx) => {
    const userId = await deleteSession(tx, sha256(token));
    if (userId !== undefined && ctx.actor)
      await recordAudit(tx, ctx, {
        action: 'auth.logout',
        entityType: 'user',
        entityId: userId,
        unitId: ctx.actor.unitId,
      });
  });
}

export async function changeOwnPassword(
  ctx: Ctx,
  input: { currentPassword: string; newPassword: string },
  keepToken: string | undefined,
): Promise<void> {
  const actor = requireActor(ctx);
  const row = (await loadUser(ctx.db, actor.userId))!;
  if (!(await verifyPassword(row.password_hash, input.currentPassword))) {
    throw invalid('auth.wrong_password', 'Mật khẩu hiện tại không đúng.', [
      { path: 'currentPassword', message: 'Mật khẩu hiện tại không đúng.' },
    ]);
  }
  const problems = passwordProblems(input.newPassword, row.username);
  if (input.newPassword === input.currentPassword) problems.push('Mật khẩu mới phải khác mật khẩu hiện tại.');
  if (problems.length)
    throw invalid(
      'auth.weak_password',
      problems[0]!,
      problems.map((m) => ({ path: 'newPassword', message: m })),
    );
  const hashValue = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (tx) => {
    await setPasswordHash(tx, actor.userId, hashValue, false);
    // Other sessions of this user end: a changed password should lock out whoever else had it.
    await deleteSessionsOfUser(tx, actor.userId, keepToken ? sha256(keepToken) : undefined);
    await recordAudit(tx, ctx, {
      action: 'user.password_change',
      entityType: 'user',
      entityId: actor.userId,
      unitId: actor.unitId,
    });
  });
}

export async function purgeExpired(db: Kysely<DB>): Promise<void> {
  await deleteExpiredSessions(db);
  await purgeThrottling(db);
}
