// System administration: the whole-database backup (every unit's data and password hashes).
import type { MatrixEnv, RouteCase } from './types.ts';

export async function backupCases(_env: MatrixEnv): Promise<Record<string, RouteCase>> {
  return {
    createBackup: {
      request: () => ({ method: 'POST', path: '/api/admin/backup' }),
      allowed: (role) => role === 'sysadmin',
      anonymous: false,
      references: 'none',
    },
  };
}
