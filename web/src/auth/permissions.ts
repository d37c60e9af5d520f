// What the signed-in user may do, mirroring the server's one rule (role × unit subtree) so the UI can hide
// actions the user's roles cannot do. The server still decides: a 403 is always shown politely.
// On a record, controls follow the `can` flags the API sends with it, never a guess from here: the focal unit
// (Sở KH&CN) follows the communes (reads, returns with a reason, answers, reminds, compiles: `follow`) but
// edits only its own unit's records and those of the unit it serves (`edit`), so a commune's plan or report shows
// it no edit box.
import type { Role, SessionUser, Unit, UnitDetail } from '../api/types.ts';

export function hasRole(user: SessionUser | null | undefined, ...roles: Role[]): boolean {
  return !!user && roles.some((r) => user.roles.includes(r));
}

export function isSysadmin(user: SessionUser | null | undefined): boolean {
  return hasRole(user, 'sysadmin');
}

/** Ids from the root to the unit itself. */
export function unitPath(detail: Pick<UnitDetail, 'ancestors' | 'unit'>): number[] {
  return [...detail.ancestors.map((a) => a.id), detail.unit.id];
}

function inScope(user: SessionUser, path: readonly number[]): boolean {
  return path.includes(user.unitId);
}

/** May administer users somewhere (shows "Quản lý tài khoản"). */
export function canManageUsersAnywhere(user: SessionUser | null | undefined): boolean {
  return hasRole(user, 'sysadmin', 'unitAdmin');
}

/** May browse the audit trail (shows "Nhật ký"). */
export function canReadAudit(user: SessionUser | null | undefined): boolean {
  return hasRole(user, 'sysadmin', 'unitAdmin');
}

export function canManageUsersIn(user: SessionUser | null | undefined, path: readonly number[]): boolean {
  if (!user) return false;
  if (isSysadmin(user)) return true;
  return hasRole(user, 'unitAdmin') && inScope(user, path);
}

/** Add a unit under this one: unit admins of it or above. */
export function canAddChild(user: SessionUser | null | undefined, detail: UnitDetail): boolean {
  if (!user || detail.unit.status !== 'active' || detail.allowedChildKinds.length === 0) return false;
  return isSysadmin(user) || (hasRole(user, 'unitAdmin') && inScope(user, unitPath(detail)));
}

/** Rename, merge, retire: strictly below one's own unit (the level above renames one's own unit). */
export function canAdministerUnit(user: SessionUser | null | undefined, detail: UnitDetail): boolean {
  if (!user || detail.unit.status !== 'active') return false;
  if (isSysadmin(user)) return true;
  return hasRole(user, 'unitAdmin') && detail.unit.id !== user.unitId && inScope(user, unitPath(detail));
}

/** Roles this user may grant (a unit admin never grants sysadmin). */
export function grantableRoles(user: SessionUser | null | undefined): Role[] {
  const all: Role[] = ['sysadmin', 'unitAdmin', 'leader', 'officer', 'viewer'];
  return isSysadmin(user) ? all : all.filter((r) => r !== 'sysadmin');
}

export function isActiveUnit(unit: Pick<Unit, 'status'>): boolean {
  return unit.status === 'active';
}

/** May draft plans somewhere (shows "Nhập kế hoạch"): officers and leaders; the server checks the unit. */
export function canDraftPlans(user: SessionUser | null | undefined): boolean {
  return hasRole(user, 'sysadmin', 'leader', 'officer');
}

/** Follows plans' execution (work list, obstacles, reports, dashboard): every role that reads its unit's records. */
export function canFollowWork(user: SessionUser | null | undefined): boolean {
  return hasRole(user, 'sysadmin', 'leader', 'officer', 'viewer', 'unitAdmin');
}
