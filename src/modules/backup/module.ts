import type { AppModule } from '../module.ts';

export const module: AppModule = {
  name: 'backup',
  routes: async () => (await import('./routes.ts')).backupRoutes,
  background: async () => {
    const { startBackupServices } = await import('./server.ts');
    return ({ db, backend, config, url }) => startBackupServices({ db, backend, dataDir: config.dataDir, url });
  },
  commands: [
    {
      name: 'backup',
      help: 'Sao lưu toàn bộ dữ liệu (kể cả tệp minh chứng) ra một tệp .tar.gz, khi máy chủ đang chạy cũng được',
      usage:
        'thihanh backup --out TỆP.tar.gz\n  PostgreSQL: kết nối trực tiếp (DATABASE_URL). PGlite: mở thư mục dữ liệu, hoặc nhờ máy chủ đang giữ thư mục đó tạo bản sao lưu.',
      async load() {
        const { backupCommand } = await import('./commands.ts');
        return {
          options: { out: { type: 'string' } },
          run: ({ values }, config) => backupCommand(config, values.out as string | undefined),
        };
      },
    },
    {
      name: 'restore',
      help: 'Phục hồi dữ liệu từ tệp sao lưu vào cơ sở dữ liệu trống (--force: thay dữ liệu đang có)',
      usage:
        'thihanh restore TỆP.tar.gz [--force]\n  PGlite: máy chủ phải dừng (lệnh giữ thư mục dữ liệu trong khi phục hồi). Tệp từ phiên bản cũ hơn được cập nhật cấu trúc sau khi phục hồi.',
      async load() {
        const { restoreCommand } = await import('./commands.ts');
        return {
          options: { force: { type: 'boolean' } },
          run: ({ values, positionals }, config) => restoreCommand(config, positionals[0], values.force === true),
        };
      },
    },
  ],
};
