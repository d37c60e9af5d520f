// Shared vocabulary of the permission matrix: relations, roles, the expected-access predicates.
import type { Kysely } from 'kysely';
import type { DB } from '../../../src/db/schema.ts';
import type { Role } from '../../../src/domain/permissions.ts';
import type { App, Client } from '../../support/api.ts';

export type Relation = 'own' | 'child' | 'sibling' | 'parent';
export const RELATIONS: Relation[] = ['own', 'child', 'sibling', 'parent'];
export const ROLES: Role[] = ['sysadmin', 'unitAdmin', 'leader', 'officer', 'viewer'];
/** The actor's unit is phường Nam Sầm Sơn; its child an office; its sibling another ward; its parent the province. */
export const UNIT_CODE: Record<Relation, string> = {
  own: '16516',
  child: '16516.PVHXH',
  sibling: '14797',
  parent: '38',
};

export type Req = { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; path: string; body?: unknown };
/** Who calls: a role at the actor unit, or nobody signed in. */
export type Who = Role | 'anonymous';

/**
 * The relation "referenced record belongs to a sibling": an actor of the own unit calls the route on its own unit
 * (or its own records) where the route names its subject, with records of the sibling ward wherever it names
 * another record (a parent plan, a plan, a regime, a unit…).
 */
export interface SiblingReference {
  request: Req;
  /** The same request naming an id that does not exist instead: a hidden record must answer exactly like it. */
  unknown?: Req;
  allowed(role: Role): boolean;
  hidden(who: Who): boolean;
}

export interface RouteCase {
  request(rel: Relation): Req;
  /** Who may, among signed-in roles at the actor unit; anonymous is handled by `anonymous`. */
  allowed(role: Role, rel: Relation): boolean;
  anonymous: boolean;
  /**
   * The request names a record this caller may not read: 404, as if it did not exist (takes precedence over
   * `allowed` and `anonymous`).
   */
  hidden?(who: Who, rel: Relation): boolean;
  /**
   * How the route is walked with another branch's ids: 'none' when it takes no id (path, query or body);
   * 'sibling' when the sibling relation above already names a sibling's record or unit in every id it takes;
   * otherwise its own request of the relation "referenced record belongs to a sibling".
   */
  references: 'none' | 'sibling' | SiblingReference;
}

/** What every module's case file receives: the app, a system administrator, units and users per relation. */
export interface MatrixEnv {
  app: App;
  db: Kysely<DB>;
  sys: Client;
  unitId: Record<Relation, number>;
  targetUserId: Record<Relation, number>;
  /** An unpublished draft plan of each relation's unit. */
  draftPlanId: Record<Relation, number>;
}

let counter = 0;
export const unique = () => `${Date.now().toString(36)}${counter++}`;

const readers: Role[] = ['unitAdmin', 'leader', 'officer', 'viewer'];
export const everyone = () => true;
export const signedIn = () => true;
export const readInOwnSubtree = (role: Role, rel: Relation) =>
  role === 'sysadmin' || (readers.includes(role) && (rel === 'own' || rel === 'child'));
export const adminInOwnSubtree = (role: Role, rel: Relation) =>
  role === 'sysadmin' || (role === 'unitAdmin' && (rel === 'own' || rel === 'child'));
/** Renaming, merging and retiring apply strictly below the admin's own unit. */
export const adminBelowOwn = (role: Role, rel: Relation) =>
  role === 'sysadmin' || (role === 'unitAdmin' && rel === 'child');
/** Following up (accept or return what was sent, answer what was raised) in the own subtree; the actor unit is focal for nothing. */
export const followInOwnSubtree = (role: Role, rel: Relation) =>
  role === 'sysadmin' || ((role === 'officer' || role === 'leader') && (rel === 'own' || rel === 'child'));
export const editInOwnSubtree = (role: Role, rel: Relation) =>
  role === 'sysadmin' || ((role === 'officer' || role === 'leader') && (rel === 'own' || rel === 'child'));
export const approveInOwnSubtree = (role: Role, rel: Relation) =>
  role === 'sysadmin' || (role === 'leader' && (rel === 'own' || rel === 'child'));

/** Unpublished records of the sibling ward and of the province are out of a ward's reach: 404 to signed-in callers. */
export const hiddenOutsideBranch = (who: Who, rel: Relation) =>
  who !== 'sysadmin' && who !== 'anonymous' && (rel === 'sibling' || rel === 'parent');
/** The same, on routes that also serve the public (published records): an unpublished one is 404 to anonymous callers too. */
export const hiddenUnlessOwnBranch = (who: Who, rel: Relation) => who === 'anonymous' || hiddenOutsideBranch(who, rel);
/** A sibling's record named by a signed-in caller other than a system administrator. */
export const hiddenToSignedIn = (who: Who) => who !== 'sysadmin' && who !== 'anonymous';
export const editors = (role: Role) => role === 'sysadmin' || role === 'officer' || role === 'leader';
/** Editors pass the check on their own unit, then meet the sibling's record: only a system administrator reads it. */
export const hiddenToEditors = (who: Who) => who === 'officer' || who === 'leader';
/** An id no record has. */
export const UNKNOWN_ID = 2_147_483_000;
