import type { Role } from '../../../domain/permissions.ts';
import type { Ctx } from '../../context.ts';
import { getUnitByCode } from '../../org/index.ts';
import * as store from '../store.ts';
import { insertUser } from './create-user.ts';

/** Demo accounts: only ever created in demo mode (embedded database by default). */
export const DEMO_ACCOUNTS = [
  { username: 'skhcn.chuyenvien', fullName: 'Lê Thị Minh Hà', unitCode: '38.SKHCN', roles: ['officer'] as Role[] },
  { username: 'skhcn.lanhdao', fullName: 'Trịnh Văn Hùng', unitCode: '38.SKHCN', roles: ['leader'] as Role[] },
  { username: 'tinh.lanhdao', fullName: 'Đầu Thanh Tùng', unitCode: '38', roles: ['leader'] as Role[] },
  {
    username: 'namsamson.chuyenvien',
    fullName: 'Nguyễn Thị Thu Trang',
    unitCode: '16516',
    roles: ['officer'] as Role[],
  },
  { username: 'namsamson.lanhdao', fullName: 'Phạm Xuân Trường', unitCode: '16516', roles: ['leader'] as Role[] },
  // Administrators, so the user, unit and audit pages can be tried in demo mode too.
  { username: 'thanhhoa.quantri', fullName: 'Hoàng Văn Nam', unitCode: '38', roles: ['unitAdmin'] as Role[] },
  { username: 'hethong.quantri', fullName: 'Lê Quang Vinh', unitCode: '38', roles: ['sysadmin'] as Role[] },
];
export const DEMO_PASSWORD = 'ThiHanh@2026';

export async function ensureDemoAccounts(ctx: Ctx): Promise<string[]> {
  const created: string[] = [];
  for (const d of DEMO_ACCOUNTS) {
    if (await store.findUserByUsername(ctx.db, d.username)) continue;
    const unit = await getUnitByCode(ctx.db, d.unitCode);
    if (!unit) continue;
    await ctx.db.transaction().execute((tx) =>
      insertUser(tx, ctx, {
        username: d.username,
        fullName: d.fullName,
        unitId: unit.id,
        roles: d.roles,
        password: DEMO_PASSWORD,
        isDemo: true,
      }),
    );
    created.push(d.username);
  }
  return created;
}
