import { AppError } from '../../domain/errors.ts';
import { prepareDatabase } from '../../bootstrap.ts';
import { issuesOf } from '../../http/validation.ts';
import { CLI_CTX, withDatabase } from '../../cli-support.ts';
import { getUnitByCode } from '../org/index.ts';
import type { CliCommand } from '../module.ts';
import { CreateUserSchema } from '../../contracts/users.ts';
import { createUser, resetPassword } from './service.ts';
import { findUserByUsername } from './store.ts';

export const userAdd: CliCommand = {
  options: {
    username: { type: 'string' },
    name: { type: 'string' },
    unit: { type: 'string' },
    role: { type: 'string', multiple: true },
    email: { type: 'string' },
    password: { type: 'string' },
  },
  async run({ values }, config) {
    return withDatabase(config, async (d) => {
      await prepareDatabase(d.db, { demo: false });
      const unit = await getUnitByCode(d.db, String(values.unit ?? ''));
      if (!unit)
        throw new AppError(
          'cli.unit',
          2,
          `Không tìm thấy đơn vị có mã "${values.unit ?? ''}". Tìm mã bằng: thihanh units find "tên đơn vị"`,
        );
      const parsed = CreateUserSchema.safeParse({
        username: values.username,
        fullName: values.name,
        email: values.email ?? null,
        unitId: unit.id,
        roles: values.role ?? [],
        password: values.password,
      });
      if (!parsed.success)
        throw new AppError(
          'validation',
          2,
          issuesOf(parsed.error)
            .map((i) => `${i.path}: ${i.message}`)
            .join('\n'),
        );
      const r = await createUser({ db: d.db, ...CLI_CTX }, parsed.data);
      console.log(`Đã tạo tài khoản ${r.username} thuộc ${unit.name}.`);
      if (r.temporaryPassword) console.log(`Mật khẩu tạm: ${r.temporaryPassword} (phải đổi khi đăng nhập lần đầu)`);
      return 0;
    });
  },
};

export const userResetPassword: CliCommand = {
  options: { username: { type: 'string' }, password: { type: 'string' } },
  async run({ values }, config) {
    return withDatabase(config, async (d) => {
      const u = await findUserByUsername(d.db, String(values.username ?? ''));
      if (!u) throw new AppError('cli.user', 2, `Không có tài khoản "${values.username ?? ''}".`);
      const r = await resetPassword({ db: d.db, ...CLI_CTX }, u.id, values.password as string | undefined);
      console.log(
        values.password
          ? `Đã đặt mật khẩu mới cho ${u.username}.`
          : `Mật khẩu tạm của ${u.username}: ${r.temporaryPassword} (phải đổi khi đăng nhập)`,
      );
      return 0;
    });
  },
};
