// The one permission rule: role × unit subtree. Every route asks `can()`; nothing else decides access.
//
// A user belongs to one unit and holds roles there. Their scope is the subtree of that unit, widened by the
// units it is the focal unit for (Sở Khoa học và Công nghệ follows the whole province) for reading and following
// up only. Inside the scope the role decides what they may do; outside it they see only what is published, like
// the public.

export const ROLES = ['sysadmin', 'unitAdmin', 'leader', 'officer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABEL: Record<Role, string> = {
  sysadmin: 'Quản trị hệ thống',
  unitAdmin: 'Quản trị đơn vị',
  leader: 'Lãnh đạo',
  officer: 'Chuyên viên',
  viewer: 'Người xem',
};

/**
 * What is being done:
 * - read: see an unpublished record of a unit
 * - follow: theo dõi, đôn đốc, kiểm tra — accept or return with a reason what was sent to a unit, answer what was
 *   raised to it, remind, compile; never a change to the content of the units followed
 * - edit: create or change one's own unit's drafts, progress, reports
 * - approve: approve, sign, issue, return (leader's acts)
 * - manageUnits: add units below one's own (and below the units under it)
 * - reshapeUnit: rename, merge, retire a unit: for the levels above it, never the unit's own admins
 * - manageUsers: create users, set roles, reset passwords
 * - manageSystemAdmins: grant the system administrator role, change or reset a system administrator's account
 * - readAudit: browse the audit trail
 * - administer: act on the whole system (backups, reloading the reference data), checked against the root unit
 * - readPersonalData: see who sent a record from the public (a petition's sender): only the units that hold it
 *   (`Target.holders`), never by the subtree or the focal widening
 */
export const ACTIONS = [
  'read',
  'follow',
  'edit',
  'approve',
  'manageUnits',
  'reshapeUnit',
  'manageUsers',
  'manageSystemAdmins',
  'readAudit',
  'administer',
  'readPersonalData',
] as const;
export type Action = (typeof ACTIONS)[number];

const ROLES_FOR: Record<Action, readonly Role[]> = {
  read: ['unitAdmin', 'leader', 'officer', 'viewer'],
  follow: ['leader', 'officer'],
  edit: ['leader', 'officer'],
  approve: ['leader'],
  manageUnits: ['unitAdmin'],
  reshapeUnit: ['unitAdmin'],
  manageUsers: ['unitAdmin'],
  // A unit admin who could make system administrators would be one.
  manageSystemAdmins: [],
  readAudit: ['unitAdmin'],
  // A backup holds every unit's data and every password hash: no unit role reaches that far, only the system administrator.
  administer: [],
  readPersonalData: ['leader', 'officer'],
};

/**
 * Actions that may use the focal-unit widening over the whole subtree it follows: reading and following up
 * (the seed plan gives Sở KH&CN "theo dõi, đôn đốc, kiểm tra"), not a commune's pen, not approving on behalf of
 * the People's Committee, nor administering.
 */
const FOCAL_ACTIONS: ReadonlySet<Action> = new Set(['read', 'follow']);

/**
 * The focal unit also staffs the unit it serves (Sở KH&CN drafts the province's plan and its cascade rules for
 * UBND tỉnh to approve): `edit` reaches that unit's own records, never those of the units below it.
 */
const SERVED_UNIT_ACTIONS: ReadonlySet<Action> = new Set(['edit']);

/**
 * Who acts at the server itself, without an account, and how the audit trail names them: the operator of the
 * command line (`thihanh user add` creates the first system administrator, so it cannot need one), and the
 * server preparing its database at start (reference data, the administrator from the environment, demo accounts).
 */
export const SYSTEM_ACTOR_LABEL = {
  localOperator: 'Quản trị tại máy chủ (dòng lệnh)',
  startup: 'Hệ thống (khởi tạo cơ sở dữ liệu)',
  // On a national node: a province delivering its catalogue with its token (the audit names the province).
  nationalProvince: 'Tỉnh, thành phố (kết nối cơ sở dữ liệu quốc gia)',
} as const;
export type SystemActorName = keyof typeof SYSTEM_ACTOR_LABEL;

export interface Actor {
  /** 0 for a system actor (no account). */
  userId: number;
  username: string;
  unitId: number;
  roles: readonly Role[];
  /** The path (root → self) of the actor's unit. */
  unitPath: readonly number[];
  /** Units the actor's unit is the focal unit for. */
  focalForIds: readonly number[];
  /** Set for a system actor: no account, no unit. */
  system?: SystemActorName;
}

/** A system actor: whoever runs the server's own commands holds its database and files, so `can()` refuses them nothing. */
export function systemActor(name: SystemActorName): Actor {
  return {
    userId: 0,
    username: SYSTEM_ACTOR_LABEL[name],
    unitId: 0,
    roles: [],
    unitPath: [],
    focalForIds: [],
    system: name,
  };
}

export interface Target {
  /** Path (root → owning unit) of the unit the record belongs to. */
  unitPath: readonly number[];
  /** Published records are readable by everyone. */
  published?: boolean;
  /**
   * A record addressed to every unit of a subtree (a reporting regime to the units of its scope) is also readable
   * by the people of those units.
   */
  audienceRootId?: number;
  /** Units whose people hold the record's personal data (a petition's receiving and handling units). */
  holders?: readonly number[];
}

function within(ancestorId: number, path: readonly number[]): boolean {
  return path.includes(ancestorId);
}

export function can(actor: Actor | null, action: Action, target: Target): boolean {
  if (action === 'read' && target.published) return true;
  if (!actor) return false;
  if (actor.system || actor.roles.includes('sysadmin')) return true;
  if (!ROLES_FOR[action].some((r) => actor.roles.includes(r))) return false;
  if (action === 'readPersonalData') return (target.holders ?? []).includes(actor.unitId);
  // A unit is renamed, merged or retired by the level above it: the actor's unit must be above the unit itself.
  const path = action === 'reshapeUnit' ? target.unitPath.slice(0, -1) : target.unitPath;
  if (within(actor.unitId, path)) return true;
  if (action === 'read' && target.audienceRootId !== undefined && within(target.audienceRootId, actor.unitPath))
    return true;
  const owner = target.unitPath.at(-1);
  if (SERVED_UNIT_ACTIONS.has(action) && owner !== undefined && actor.focalForIds.includes(owner)) return true;
  return FOCAL_ACTIONS.has(action) && actor.focalForIds.some((id) => within(id, target.unitPath));
}

/**
 * Unit ids whose subtrees the actor may act on for `action` (for filtering lists in SQL). The served unit's own
 * records (`edit` by the focal unit) are not a subtree and are not listed here.
 */
export function scopeRoots(actor: Actor, action: Action): number[] | 'all' {
  if (actor.system || actor.roles.includes('sysadmin')) return 'all';
  if (!ROLES_FOR[action].some((r) => actor.roles.includes(r))) return [];
  return FOCAL_ACTIONS.has(action) ? [actor.unitId, ...actor.focalForIds] : [actor.unitId];
}

/** Whether the actor may do `action` on some unit's records (what menus offer: "Quản lý tài khoản", "Nhật ký"…). */
export function canSomewhere(actor: Actor, action: Action): boolean {
  const roots = scopeRoots(actor, action);
  return roots === 'all' || roots.length > 0;
}

/** Roles the actor may grant: sysadmin only with `manageSystemAdmins`. */
export function grantableRoles(actor: Actor): Role[] {
  const system = can(actor, 'manageSystemAdmins', { unitPath: [] });
  return ROLES.filter((r) => r !== 'sysadmin' || system);
}
