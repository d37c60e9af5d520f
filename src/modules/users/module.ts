import { ROLES, ROLE_LABEL } from '../../domain/permissions.ts';
import type { AppModule } from '../module.ts';

export const module: AppModule = {
  name: 'users',
  routes: async () => (await import('./routes.ts')).userRoutes,
  commands: [
    {
      name: 'user add',
      help: 'Tạo tài khoản (ví dụ quản trị hệ thống đầu tiên)',
      usage:
        'thihanh user add --username TÊN --name "Họ tên" --unit MÃ_ĐƠN_VỊ --role VAI_TRÒ [--role …] [--email E] [--password MK]\n' +
        `  Vai trò: ${ROLES.map((r) => `${r} (${ROLE_LABEL[r]})`).join(', ')}\n  Không có --password: tạo mật khẩu tạm, người dùng phải đổi khi đăng nhập.`,
      load: async () => (await import('./cli.ts')).userAdd,
    },
    {
      name: 'user reset-password',
      help: 'Đặt lại mật khẩu của một tài khoản',
      usage: 'thihanh user reset-password --username TÊN [--password MK]',
      load: async () => (await import('./cli.ts')).userResetPassword,
    },
  ],
};
