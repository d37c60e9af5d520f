// Shared vocabulary of the permission matrix: relations, roles, the expected-access predicates.
import type { Kysely } from 'kysely';
import type { DB } from '../../../src/db/schema.ts';
import type { Role } from '../../../src/domain/permissions.ts';
import type { App, Client } from '../../support/api.ts';

export type Relation = 'own' | 'child' | 'sibling' | 'parent';
export const RELATIONS: Relation[] = ['own', 'child', 'sibling', 'parent'];
export const ROLES: Role[] = ['sysadmin', 'unitAdmin', 'leader', 'officer', 'viewer'];
/** The actor's unit is phường Nam Sầm Sơn; its child an office; its sibling another ward; its parent the province. */
export const UNIT_CODE: Record<Relation, string> = { own: '16516', child: '16516.PVHXH', sibling: '14797', parent: '38' };

export type Req = { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; path: string; body?: unknown };

export interface RouteCase {
  request(rel: Relation): Req;
  /** Who may, among signed-in roles at the actor unit; anonymous is handled by `anonymous`. */
  allowed(role: Role, rel: Relation): boolean;
  anonymous: boolean;
}

/** What every module's case file receives: the app, a system administrator, units and users per relation. */
export interface MatrixEnv {
  app: App;
  db: Kysely<DB>;
  sys: Client;
  unitId: Record<Relation, number>;
  targetUserId: Record<Relation, number>;
}

let counter = 0;
export const unique = () => `${Date.now().toString(36)}${counter++}`;

const readers: Role[] = ['unitAdmin', 'leader', 'officer', 'viewer'];
export const everyone = () => true;
export const signedIn = () => true;
export const readInOwnSubtree = (role: Role, rel: Relation) => role === 'sysadmin' || (readers.includes(role) && (rel === 'own' || rel === 'child'));
export const adminInOwnSubtree = (role: Role, rel: Relation) => role === 'sysadmin' || (role === 'unitAdmin' && (rel === 'own' || rel === 'child'));
/** Renaming, merging and retiring apply strictly below the admin's own unit. */
export const adminBelowOwn = (role: Role, rel: Relation) => role === 'sysadmin' || (role === 'unitAdmin' && rel === 'child');
export const editInOwnSubtree = (role: Role, rel: Relation) => role === 'sysadmin' || ((role === 'officer' || role === 'leader') && (rel === 'own' || rel === 'child'));
export const approveInOwnSubtree = (role: Role, rel: Relation) => role === 'sysadmin' || (role === 'leader' && (rel === 'own' || rel === 'child'));
