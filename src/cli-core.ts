// The commands that belong to no module: run the server, prepare or migrate the database. Loaded only when one runs.
import { prepareDatabase } from './bootstrap.ts';
import { withDatabase } from './cli-support.ts';
import { migrateToLatest } from './db/migrate.ts';
import { AppError } from './domain/errors.ts';
import { ROLE_LABEL } from './domain/permissions.ts';
import type { CliCommand } from './modules/module.ts';
import { countUsers, DEMO_ACCOUNTS, DEMO_PASSWORD } from './modules/users/index.ts';
import { exitIfLingering, startServer, stopOnSignals, STOPPED_DURING_START } from './server.ts';

const DEMO_UNIT_LABEL: Record<string, string> = {
  '16516': 'phường Nam Sầm Sơn',
  '38.SKHCN': 'Sở Khoa học và Công nghệ',
  '38': 'UBND tỉnh Thanh Hóa',
};

export const serve: CliCommand = {
  options: { port: { type: 'string' }, host: { type: 'string' } },
  async run({ values }, config) {
    if (values.port) config.port = Number(values.port);
    if (values.host) config.host = String(values.host);
    const stopAsked = stopOnSignals();
    let server: Awaited<ReturnType<typeof startServer>>;
    try {
      server = await startServer(config, { prepare: 'child', signal: stopAsked });
    } catch (err) {
      if (!(err instanceof AppError && err.code === STOPPED_DURING_START)) throw err;
      console.error('Đã dừng.');
      return 0;
    }
    const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite nhúng tại ${config.dataDir}`;
    console.log(`Thi Hành đang chạy tại ${server.url}`);
    console.log(
      `Cơ sở dữ liệu: ${where}${server.prepared.referenceLoaded ? ' — đã nạp dữ liệu tham chiếu (166 xã, phường của tỉnh Thanh Hóa)' : ''}`,
    );
    if (server.prepared.demoContent)
      console.log(
        'Đã nạp dữ liệu minh họa: Kế hoạch 129/KH-UBND của tỉnh đã ban hành và triển khai xuống 161 xã, phường (5 xã, phường để thử chức năng triển khai); kế hoạch của phường Nam Sầm Sơn đã ban hành; một số kiến nghị của người dân, hệ thống AI đơn vị đang dùng và bộ dữ liệu của CSDL phục vụ AI để thử (trang công khai: /cong-khai).',
      );
    if (config.demo) {
      console.log('CHẾ ĐỘ DEMO: có sẵn các tài khoản minh họa (không dùng cho dữ liệu thật; tắt bằng THIHANH_DEMO=0):');
      for (const d of DEMO_ACCOUNTS)
        console.log(
          `  ${d.username.padEnd(22)} mật khẩu ${DEMO_PASSWORD}   (${d.roles.map((r) => ROLE_LABEL[r]).join(', ')}, ${DEMO_UNIT_LABEL[d.unitCode] ?? d.unitCode})`,
        );
    } else {
      if ((await countUsers(server.database.db)) === 0)
        console.log(
          'Chưa có tài khoản nào. Tạo quản trị hệ thống: thihanh user add --username admin --name "Họ tên" --unit 38 --role sysadmin',
        );
    }
    // The listening server keeps the process alive until a stop signal; then it ends by itself, exit code 0.
    await new Promise((resolve) =>
      stopAsked.aborted ? resolve(null) : stopAsked.addEventListener('abort', resolve, { once: true }),
    );
    await server.stop();
    console.error('Đã dừng.');
    exitIfLingering();
    return 0;
  },
};

export const prepare: CliCommand = {
  options: { json: { type: 'boolean' } },
  async run({ values }, config) {
    const r = await withDatabase(config, (d) =>
      prepareDatabase(d.db, { demo: config.demo, demoContent: config.demoContent, env: process.env }),
    );
    if (values.json) {
      console.log(JSON.stringify(r));
      return 0;
    }
    console.log(
      r.migrations.length
        ? `Đã áp dụng: ${r.migrations.join(', ')}`
        : 'Cấu trúc cơ sở dữ liệu đã ở phiên bản mới nhất.',
    );
    if (r.referenceLoaded) console.log('Đã nạp dữ liệu tham chiếu (166 xã, phường của tỉnh Thanh Hóa).');
    if (r.demoAccounts.length) console.log(`Tài khoản minh họa: ${r.demoAccounts.join(', ')}.`);
    if (r.demoContent) console.log('Đã nạp dữ liệu minh họa.');
    return 0;
  },
};

export const migrate: CliCommand = {
  options: {},
  async run(_a, config) {
    const done = await withDatabase(config, (d) => migrateToLatest(d.db));
    console.log(done.length ? `Đã áp dụng: ${done.join(', ')}` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.');
    return 0;
  },
};
