// thihanh: command-line interface. Same validation and permission rules as the API: it calls the same services.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig, type Config } from './config.ts';
import { openDatabase, type Database } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { prepareDatabase } from './bootstrap.ts';
import { startServer } from './server.ts';
import { AppError } from './domain/errors.ts';
import { ROLES, ROLE_LABEL } from './domain/permissions.ts';
import { reloadReferenceData, searchUnits } from './modules/org/service.ts';
import { getUnitByCode } from './modules/org/store.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, insertUser, setTemporaryPassword } from './modules/users/service.ts';
import { CreateUserSchema } from './modules/users/schema.ts';
import { installVietnameseErrors, issuesOf } from './http/validation.ts';
import { sql } from 'kysely';

interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(args: { values: Record<string, unknown>; positionals: string[] }, config: Config): Promise<number>;
}

const CLI_CTX = { actor: null, ip: 'cli' };
const DEMO_UNIT_LABEL: Record<string, string> = { '16516': 'phường Nam Sầm Sơn', '38.SKHCN': 'Sở Khoa học và Công nghệ', '38': 'UBND tỉnh Thanh Hóa' };

async function withDatabase<T>(config: Config, fn: (db: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

const commands: Record<string, Command> = {
  serve: {
    summary: 'Chạy máy chủ web và API',
    usage: 'thihanh serve [--port N] [--host H]',
    options: { port: { type: 'string' }, host: { type: 'string' } },
    async run({ values }, config) {
      if (values.port) config.port = Number(values.port);
      if (values.host) config.host = String(values.host);
      const server = await startServer(config);
      const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite nhúng tại ${config.dataDir}`;
      console.log(`Thi Hành đang chạy tại ${server.url}`);
      console.log(`Cơ sở dữ liệu: ${where}${server.prepared.referenceLoaded ? ' — đã nạp dữ liệu tham chiếu (166 xã, phường của tỉnh Thanh Hóa)' : ''}`);
      if (config.demo) {
        console.log('CHẾ ĐỘ DEMO: có sẵn các tài khoản minh họa (không dùng cho dữ liệu thật; tắt bằng THIHANH_DEMO=0):');
        for (const d of DEMO_ACCOUNTS) console.log(`  ${d.username.padEnd(22)} mật khẩu ${DEMO_PASSWORD}   (${d.roles.map((r) => ROLE_LABEL[r]).join(', ')}, ${DEMO_UNIT_LABEL[d.unitCode] ?? d.unitCode})`);
      } else {
        const { n } = await server.database.db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        if (Number(n) === 0) console.log('Chưa có tài khoản nào. Tạo quản trị hệ thống: thihanh user add --username admin --name "Họ tên" --unit 38 --role sysadmin');
      }
      const shutdown = async () => {
        console.log('Đang dừng máy chủ…');
        await server.stop();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      return new Promise<number>(() => {});
    },
  },
  migrate: {
    summary: 'Cập nhật cấu trúc cơ sở dữ liệu',
    usage: 'thihanh migrate',
    options: {},
    async run(_a, config) {
      const done = await withDatabase(config, (d) => migrateToLatest(d.db));
      console.log(done.length ? `Đã áp dụng: ${done.join(', ')}` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.');
      return 0;
    },
  },
  'reference reload': {
    summary: 'Nạp lại dữ liệu tham chiếu (đơn vị hành chính, sở, ngành, phòng cấp xã)',
    usage: 'thihanh reference reload',
    options: {},
    async run(_a, config) {
      const r = await withDatabase(config, async (d) => {
        await migrateToLatest(d.db);
        return reloadReferenceData({ db: d.db, ...CLI_CTX });
      });
      console.log(`Đã nạp: ${r.inserted} đơn vị mới, ${r.updated} đơn vị cập nhật, ${r.aliasesAdded} tên gọi khác.`);
      return 0;
    },
  },
  'user add': {
    summary: 'Tạo tài khoản (ví dụ quản trị hệ thống đầu tiên)',
    usage: 'thihanh user add --username TÊN --name "Họ tên" --unit MÃ_ĐƠN_VỊ --role VAI_TRÒ [--role …] [--email E] [--password MK]\n' +
      `  Vai trò: ${ROLES.map((r) => `${r} (${ROLE_LABEL[r]})`).join(', ')}\n  Không có --password: tạo mật khẩu tạm, người dùng phải đổi khi đăng nhập.`,
    options: { username: { type: 'string' }, name: { type: 'string' }, unit: { type: 'string' }, role: { type: 'string', multiple: true }, email: { type: 'string' }, password: { type: 'string' } },
    async run({ values }, config) {
      return withDatabase(config, async (d) => {
        await prepareDatabase(d.db, { demo: false });
        const unit = await getUnitByCode(d.db, String(values.unit ?? ''));
        if (!unit) throw new AppError('cli.unit', 2, `Không tìm thấy đơn vị có mã "${values.unit ?? ''}". Tìm mã bằng: thihanh units find "tên đơn vị"`);
        const parsed = CreateUserSchema.safeParse({
          username: values.username, fullName: values.name, email: values.email ?? null, unitId: unit.id,
          roles: values.role ?? [], password: values.password,
        });
        if (!parsed.success) throw new AppError('validation', 2, issuesOf(parsed.error).map((i) => `${i.path}: ${i.message}`).join('\n'));
        const r = await d.db.transaction().execute((tx) => insertUser(tx, CLI_CTX, parsed.data));
        console.log(`Đã tạo tài khoản ${r.username} thuộc ${unit.name}.`);
        if (r.temporaryPassword) console.log(`Mật khẩu tạm: ${r.temporaryPassword} (phải đổi khi đăng nhập lần đầu)`);
        return 0;
      });
    },
  },
  'user reset-password': {
    summary: 'Đặt lại mật khẩu của một tài khoản',
    usage: 'thihanh user reset-password --username TÊN [--password MK]',
    options: { username: { type: 'string' }, password: { type: 'string' } },
    async run({ values }, config) {
      return withDatabase(config, async (d) => {
        const u = await d.db.selectFrom('app_user').select(['id', 'unit_id', 'username'])
          .where(sql`lower(username)`, '=', String(values.username ?? '').toLowerCase()).executeTakeFirst();
        if (!u) throw new AppError('cli.user', 2, `Không có tài khoản "${values.username ?? ''}".`);
        const r = await d.db.transaction().execute((tx) => setTemporaryPassword(tx, CLI_CTX, u.id, u.unit_id, values.password as string | undefined));
        console.log(values.password ? `Đã đặt mật khẩu mới cho ${u.username}.` : `Mật khẩu tạm của ${u.username}: ${r.temporaryPassword} (phải đổi khi đăng nhập)`);
        return 0;
      });
    },
  },
  'units find': {
    summary: 'Tìm đơn vị theo tên (có dấu hoặc không dấu), tên cũ hoặc mã',
    usage: 'thihanh units find "nam sam son" [--limit N] [--json]',
    options: { json: { type: 'boolean' }, limit: { type: 'string' } },
    async run({ values, positionals }, config) {
      const q = positionals.join(' ').trim();
      if (!q) throw new AppError('cli.query', 2, 'Hãy nhập nội dung cần tìm, ví dụ: thihanh units find "nam sam son"');
      const limit = Math.min(100, Math.max(1, Number(values.limit ?? 10) || 10));
      const hits = await withDatabase(config, async (d) => {
        await prepareDatabase(d.db, { demo: false });
        return searchUnits({ db: d.db, ...CLI_CTX }, q, limit);
      });
      if (values.json) console.log(JSON.stringify(hits, null, 2));
      else if (!hits.length) console.log('Không tìm thấy đơn vị nào.');
      else for (const h of hits) console.log(`${h.code.padEnd(16)} ${h.name}${h.parentName ? ` — ${h.parentName}` : ''}${h.matched !== h.name && h.matched !== h.shortName ? ` (khớp: ${h.matched})` : ''}`);
      return 0;
    },
  },
};

function help(): string {
  const lines = ['Thi Hành — dòng lệnh', '', 'Cách dùng: thihanh LỆNH [tùy chọn]   (thêm --help sau lệnh để xem chi tiết)', ''];
  for (const [name, c] of Object.entries(commands)) lines.push(`  ${name.padEnd(22)} ${c.summary}`);
  lines.push('', 'Biến môi trường: DATABASE_URL (PostgreSQL), THIHANH_DATA_DIR (mặc định ./data), PORT, HOST, THIHANH_DEMO.');
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  installVietnameseErrors();
  const name = [argv.slice(0, 2).join(' '), argv[0] ?? ''].find((n) => n in commands);
  if (!name) {
    console.log(help());
    return argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' ? 0 : 2;
  }
  const cmd = commands[name]!;
  const rest = argv.slice(name.split(' ').length);
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`${cmd.summary}\n\nCách dùng: ${cmd.usage}`);
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: cmd.options, allowPositionals: true, strict: true });
  } catch (err) {
    console.error(`Tùy chọn không hợp lệ: ${(err as Error).message}\nCách dùng: ${cmd.usage}`);
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
  // serve never resolves; other commands end here.
}
