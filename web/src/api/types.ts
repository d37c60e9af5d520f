// Shapes of the API answers (see GET /api/openapi.json).

export type Role = 'sysadmin' | 'unitAdmin' | 'leader' | 'officer' | 'viewer';
export const ROLES: readonly Role[] = ['sysadmin', 'unitAdmin', 'leader', 'officer', 'viewer'];

export type UnitKind = 'central' | 'national' | 'province' | 'agency' | 'commune' | 'ward' | 'office' | 'neighbourhood';
export type UnitStatus = 'active' | 'merged' | 'retired';

export interface SessionUser {
  id: number;
  username: string;
  fullName: string;
  email: string | null;
  unitId: number;
  unitName: string;
  unitCode: string;
  unitKind: string;
  roles: string[];
  mustChangePassword: boolean;
  isDemo: boolean;
}

export interface Me {
  user: SessionUser;
  csrfToken: string;
  expiresAt: string;
}

export interface Unit {
  id: number;
  parentId: number | null;
  kind: UnitKind;
  kindLabel: string;
  code: string;
  name: string;
  shortName: string;
  status: UnitStatus | string;
  mergedIntoId: number | null;
}

export interface UnitWithCount extends Unit {
  childCount: number;
}

export interface UnitAlias {
  name: string;
  kind: 'former' | 'abbreviation' | 'other' | string;
  note: string | null;
}

export interface UnitDetail {
  unit: Unit;
  ancestors: Unit[];
  children: UnitWithCount[];
  aliases: UnitAlias[];
  mergedInto: Unit | null;
  allowedChildKinds: UnitKind[];
}

export interface UnitSearchHit extends Unit {
  parentName: string | null;
  /** The text that matched (a former name, an abbreviation, the code…). */
  matched: string;
  score: number;
}

export interface User {
  id: number;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  unitId: number;
  unitName: string;
  roles: string[];
  isActive: boolean;
  isDemo: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
}

export interface CreatedUser {
  id: number;
  username: string;
  temporaryPassword: string | null;
}

export interface AuditRow {
  id: number;
  at: string;
  actor_username: string | null;
  actor_unit_id?: number | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  unit_id?: number | null;
  unit_name: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string | null;
}
