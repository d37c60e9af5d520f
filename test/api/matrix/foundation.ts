// Foundation routes: health, units, login and sessions, users, audit.
import { TEST_PASSWORD } from '../../support/api.ts';
import {
  adminBelowOwn,
  adminInOwnSubtree,
  everyone,
  hiddenOutsideBranch,
  readInOwnSubtree,
  unique,
  type MatrixEnv,
  type RouteCase,
} from './types.ts';

export async function foundationCases(env: MatrixEnv): Promise<Record<string, RouteCase>> {
  // An account of the own ward that the sibling-reference request of updateUser may move (only a system
  // administrator gets through) without disturbing the targets of the relations.
  const movable = await env.sys.post('/api/users', {
    username: `di.chuyen.${unique()}`,
    fullName: 'Người Chuyển',
    unitId: env.unitId.own,
    roles: ['viewer'],
  });
  return {
    health: {
      request: () => ({ method: 'GET', path: '/api/health' }),
      allowed: everyone,
      anonymous: true,
      references: 'none',
    },
    listRootUnits: {
      request: () => ({ method: 'GET', path: '/api/units' }),
      allowed: everyone,
      anonymous: true,
      references: 'none',
    },
    searchUnits: {
      request: () => ({ method: 'GET', path: '/api/units/search?q=nam%20sam%20son' }),
      allowed: everyone,
      anonymous: true,
      references: 'none',
    },
    // Units are public: naming another branch's unit is a 403 where the route acts on it, never a 404.
    getUnit: {
      request: (r) => ({ method: 'GET', path: `/api/units/${env.unitId[r]}` }),
      allowed: everyone,
      anonymous: true,
      references: 'sibling',
    },
    createChildUnit: {
      request: (r) => ({
        method: 'POST',
        path: `/api/units/${env.unitId[r]}/children`,
        body: { kind: 'neighbourhood', name: `Tổ dân phố ${unique()}` },
      }),
      allowed: adminInOwnSubtree,
      anonymous: false,
      references: 'sibling',
    },
    renameUnit: {
      request: (r) => ({
        method: 'POST',
        path: `/api/units/${env.unitId[r]}/rename`,
        body: { name: `Tên thử ${unique()}` },
      }),
      allowed: adminBelowOwn,
      anonymous: false,
      references: 'sibling',
    },
    mergeUnit: {
      // Merging a unit into itself passes the permission check and then fails validation: non-destructive.
      request: (r) => ({ method: 'POST', path: `/api/units/${env.unitId[r]}/merge`, body: { intoId: env.unitId[r] } }),
      allowed: adminBelowOwn,
      anonymous: false,
      // The ward's office into the sibling ward: the unit named is the sibling's, 403; a system administrator gets
      // 422 (an office does not merge into a ward).
      references: {
        request: { method: 'POST', path: `/api/units/${env.unitId.child}/merge`, body: { intoId: env.unitId.sibling } },
        allowed: (role) => role === 'sysadmin',
        hidden: () => false,
      },
    },
    importUnits: {
      // A unit admin of the unit (a province, to pass validation) or a system administrator. The file has a bad code,
      // so an allowed request ends in 422 and writes nothing; a ward or an office is refused as not a province.
      request: (r) => ({
        method: 'POST',
        path: `/api/units/${env.unitId[r]}/import`,
        body: { filename: 'don-vi.csv', contentBase64: Buffer.from('code,name,type\n123,Thử,xã\n').toString('base64') },
      }),
      allowed: adminInOwnSubtree,
      anonymous: false,
      references: 'sibling',
    },
    retireUnit: {
      // Every target still has children or active users, so an allowed request ends in 409, not a retirement.
      request: (r) => ({
        method: 'POST',
        path: `/api/units/${env.unitId[r]}/retire`,
        body: { reason: 'Kiểm thử phân quyền' },
      }),
      allowed: adminBelowOwn,
      anonymous: false,
      references: 'sibling',
    },
    // A unit's document settings: its unit admins and those above edit them; its leaders read them to pick a signer.
    getUnitDocumentSettings: {
      request: (r) => ({ method: 'GET', path: `/api/units/${env.unitId[r]}/document-settings` }),
      allowed: (role, rel) =>
        role === 'sysadmin' || ((role === 'unitAdmin' || role === 'leader') && (rel === 'own' || rel === 'child')),
      anonymous: false,
      references: 'sibling',
    },
    updateUnitDocumentSettings: {
      request: (r) => ({
        method: 'PUT',
        path: `/api/units/${env.unitId[r]}/document-settings`,
        body: { signers: [], draftingDivision: null, symbolSuffix: null },
      }),
      allowed: adminInOwnSubtree,
      anonymous: false,
      references: 'sibling',
    },
    login: {
      request: (r) => ({
        method: 'POST',
        path: '/api/auth/login',
        body: { username: `target.${r}`, password: TEST_PASSWORD },
      }),
      allowed: everyone,
      anonymous: true,
      references: 'none',
    },
    logout: {
      request: () => ({ method: 'POST', path: '/api/auth/logout' }),
      allowed: everyone,
      anonymous: true,
      references: 'none',
    },
    me: {
      request: () => ({ method: 'GET', path: '/api/auth/me' }),
      allowed: everyone,
      anonymous: false,
      references: 'none',
    },
    changePassword: {
      request: () => ({
        method: 'POST',
        path: '/api/auth/password',
        body: { currentPassword: 'sai-co-y', newPassword: 'KhongDoi#2026x' },
      }),
      allowed: everyone,
      anonymous: false,
      references: 'none',
    },
    listUnitUsers: {
      request: (r) => ({ method: 'GET', path: `/api/units/${env.unitId[r]}/users` }),
      allowed: readInOwnSubtree,
      anonymous: false,
      references: 'sibling',
    },
    // Accounts of units out of reach do not exist for the caller.
    getUser: {
      request: (r) => ({ method: 'GET', path: `/api/users/${env.targetUserId[r]}` }),
      allowed: readInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      references: 'sibling',
    },
    createUser: {
      request: (r) => ({
        method: 'POST',
        path: '/api/users',
        body: { username: `moi.${unique()}`, fullName: 'Người Mới', unitId: env.unitId[r], roles: ['viewer'] },
      }),
      allowed: adminInOwnSubtree,
      anonymous: false,
      references: 'sibling',
    },
    updateUser: {
      request: (r) => ({ method: 'PATCH', path: `/api/users/${env.targetUserId[r]}`, body: { phone: '0912 345 678' } }),
      allowed: adminInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      // An own account moved to the sibling ward: the unit named is out of a ward admin's reach (403).
      references: {
        request: { method: 'PATCH', path: `/api/users/${movable.body.id}`, body: { unitId: env.unitId.sibling } },
        allowed: (role) => role === 'sysadmin',
        hidden: () => false,
      },
    },
    resetUserPassword: {
      request: (r) => ({ method: 'POST', path: `/api/users/${env.targetUserId[r]}/reset-password` }),
      allowed: adminInOwnSubtree,
      hidden: hiddenOutsideBranch,
      anonymous: false,
      references: 'sibling',
    },
    listAudit: {
      request: (r) => ({ method: 'GET', path: `/api/audit?unitId=${env.unitId[r]}` }),
      allowed: adminInOwnSubtree,
      anonymous: false,
      references: 'sibling',
    },
  };
}
