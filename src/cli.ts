// thihanh: command-line interface. Same validation and permission rules as the API: it calls the same services.
// Commands come from the module list (src/modules/index.ts); a command's code, and with it the database driver and
// the services it needs, loads only when that command runs, so `thihanh --help` answers at once.
import { parseArgs } from 'node:util';
import { loadConfig } from './config.ts';
import { AppError } from './domain/errors.ts';
import { MODULES } from './modules/index.ts';
import type { CommandEntry } from './modules/module.ts';

const CORE: CommandEntry[] = [
  {
    name: 'serve',
    help: 'Chạy máy chủ web và API',
    usage: 'thihanh serve [--port N] [--host H]',
    load: async () => (await import('./cli-core.ts')).serve,
  },
  {
    name: 'prepare',
    help: 'Chuẩn bị cơ sở dữ liệu: cấu trúc, dữ liệu tham chiếu, quản trị viên từ biến môi trường, dữ liệu minh họa (chế độ demo)',
    usage: 'thihanh prepare [--json]   (serve tự chạy bước này trong một tiến trình riêng trước khi mở cơ sở dữ liệu)',
    load: async () => (await import('./cli-core.ts')).prepare,
  },
  {
    name: 'migrate',
    help: 'Cập nhật cấu trúc cơ sở dữ liệu',
    usage: 'thihanh migrate',
    load: async () => (await import('./cli-core.ts')).migrate,
  },
];

const commands = new Map<string, CommandEntry>(
  [...CORE, ...MODULES.flatMap((m) => m.commands ?? [])].map((c) => [c.name, c]),
);

function help(): string {
  const lines = [
    'Thi Hành — dòng lệnh',
    '',
    'Cách dùng: thihanh LỆNH [tùy chọn]   (thêm --help sau lệnh để xem chi tiết)',
    '',
  ];
  for (const [name, c] of commands) lines.push(`  ${name.padEnd(22)} ${c.help}`);
  lines.push(
    '',
    'Biến môi trường: DATABASE_URL (PostgreSQL), THIHANH_DATA_DIR (mặc định ./data), PORT, HOST, THIHANH_DEMO.',
  );
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const name = [argv.slice(0, 2).join(' '), argv[0] ?? ''].find((n) => commands.has(n));
  if (!name) {
    console.log(help());
    return argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' ? 0 : 2;
  }
  const entry = commands.get(name)!;
  const rest = argv.slice(name.split(' ').length);
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`${entry.help}\n\nCách dùng: ${entry.usage}`);
    return 0;
  }
  const [cmd, { installVietnameseErrors }] = await Promise.all([entry.load(), import('./http/validation.ts')]);
  installVietnameseErrors();
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: rest, options: cmd.options, allowPositionals: true, strict: true });
  } catch (err) {
    console.error(`Tùy chọn không hợp lệ: ${(err as Error).message}\nCách dùng: ${entry.usage}`);
    return 2;
  }
  try {
    return await cmd.run(parsed, loadConfig());
  } catch (err) {
    if (err instanceof AppError) {
      console.error(`Lỗi: ${err.message}`);
      return err.status === 2 ? 2 : 1;
    }
    throw err;
  }
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
  // Every command ends here; serve once a stop signal has stopped the server.
}
