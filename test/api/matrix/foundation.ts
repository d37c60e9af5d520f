// Foundation routes: health, units, login and sessions, users, audit.
import { TEST_PASSWORD } from '../../support/api.ts';
import { adminBelowOwn, adminInOwnSubtree, everyone, readInOwnSubtree, unique, type MatrixEnv, type RouteCase } from './types.ts';

export async function foundationCases(env: MatrixEnv): Promise<Record<string, RouteCase>> {
  return {

    health: { request: () => ({ method: 'GET', path: '/api/health' }), allowed: everyone, anonymous: true },
    listRootUnits: { request: () => ({ method: 'GET', path: '/api/units' }), allowed: everyone, anonymous: true },
    searchUnits: { request: () => ({ method: 'GET', path: '/api/units/search?q=nam%20sam%20son' }), allowed: everyone, anonymous: true },
    getUnit: { request: (r) => ({ method: 'GET', path: `/api/units/${env.unitId[r]}` }), allowed: everyone, anonymous: true },
    createChildUnit: {
      request: (r) => ({ method: 'POST', path: `/api/units/${env.unitId[r]}/children`, body: { kind: 'neighbourhood', name: `Tổ dân phố ${unique()}` } }),
      allowed: adminInOwnSubtree, anonymous: false,
    },
    renameUnit: {
      request: (r) => ({ method: 'POST', path: `/api/units/${env.unitId[r]}/rename`, body: { name: `Tên thử ${unique()}` } }),
      allowed: adminBelowOwn, anonymous: false,
    },
    mergeUnit: {
      // Merging a unit into itself passes the permission check and then fails validation: non-destructive.
      request: (r) => ({ method: 'POST', path: `/api/units/${env.unitId[r]}/merge`, body: { intoId: env.unitId[r] } }),
      allowed: adminBelowOwn, anonymous: false,
    },
    retireUnit: {
      // Every target still has children or active users, so an allowed request ends in 409, not a retirement.
      request: (r) => ({ method: 'POST', path: `/api/units/${env.unitId[r]}/retire`, body: { reason: 'Kiểm thử phân quyền' } }),
      allowed: adminBelowOwn, anonymous: false,
    },
    login: {
      request: (r) => ({ method: 'POST', path: '/api/auth/login', body: { username: `target.${r}`, password: TEST_PASSWORD } }),
      allowed: everyone, anonymous: true,
    },
    logout: { request: () => ({ method: 'POST', path: '/api/auth/logout' }), allowed: everyone, anonymous: true },
    me: { request: () => ({ method: 'GET', path: '/api/auth/me' }), allowed: everyone, anonymous: false },
    changePassword: {
      request: () => ({ method: 'POST', path: '/api/auth/password', body: { currentPassword: 'sai-co-y', newPassword: 'KhongDoi#2026x' } }),
      allowed: everyone, anonymous: false,
    },
    listUnitUsers: { request: (r) => ({ method: 'GET', path: `/api/units/${env.unitId[r]}/users` }), allowed: readInOwnSubtree, anonymous: false },
    getUser: { request: (r) => ({ method: 'GET', path: `/api/users/${env.targetUserId[r]}` }), allowed: readInOwnSubtree, anonymous: false },
    createUser: {
      request: (r) => ({ method: 'POST', path: '/api/users', body: { username: `moi.${unique()}`, fullName: 'Người Mới', unitId: env.unitId[r], roles: ['viewer'] } }),
      allowed: adminInOwnSubtree, anonymous: false,
    },
    updateUser: {
      request: (r) => ({ method: 'PATCH', path: `/api/users/${env.targetUserId[r]}`, body: { phone: '0912 345 678' } }),
      allowed: adminInOwnSubtree, anonymous: false,
    },
    resetUserPassword: {
      request: (r) => ({ method: 'POST', path: `/api/users/${env.targetUserId[r]}/reset-password` }),
      allowed: adminInOwnSubtree, anonymous: false,
    },
    listAudit: { request: (r) => ({ method: 'GET', path: `/api/audit?unitId=${env.unitId[r]}` }), allowed: adminInOwnSubtree, anonymous: false },

  };
}
