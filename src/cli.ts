// thihanh: command-line interface. Same validation and permission rules as the API: it calls the same services.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig, type Config } from './config.ts';
import { openDatabase, type Database } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { prepareDatabase } from './bootstrap.ts';
import { exitIfLingering, startServer, stopOnSignals, STOPPED_DURING_START } from './server.ts';
import { AppError } from './domain/errors.ts';
import { ROLES, ROLE_LABEL } from './domain/permissions.ts';
import { reloadReferenceData, searchUnits } from './modules/org/service.ts';
import { getUnitByCode } from './modules/org/store.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, insertUser, setTemporaryPassword } from './modules/users/service.ts';
import { CreateUserSchema } from './modules/users/schema.ts';
import { installVietnameseErrors, issuesOf } from './http/validation.ts';
import { sql } from 'kysely';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { importPlan } from './documents/parse/index.ts';
import { lintPlan } from './domain/plan/lint.ts';
import type { Finding, PlanDraft } from './domain/plan/model.ts';
import { referenceDirectory } from './modules/org/reference-data.ts';
import { actorFor } from './modules/auth/service.ts';
import * as plans from './modules/plans/service.ts';
import { renderPlanDocx } from './documents/render/plan-docx.ts';
import { renderPlanTasksXlsx } from './documents/render/plan-xlsx.ts';
import { renderOptions } from './modules/plans/render-options.ts';
import { backupCommand, restoreCommand } from './modules/backup/commands.ts';

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

const SEVERITY_LABEL = { error: 'LỖI', warning: 'CẢNH BÁO', info: 'GHI CHÚ' } as const;

function printFindings(findings: Finding[]): void {
  if (!findings.length) {
    console.log('Không phát hiện lỗi nào.');
    return;
  }
  for (const f of findings) {
    const where = [f.location.section && `mục ${f.location.section}`, f.location.task && `nhiệm vụ ${f.location.task}`, f.location.line && `dòng ${f.location.line}`].filter(Boolean).join(', ');
    console.log(`${SEVERITY_LABEL[f.severity].padEnd(9)} ${where ? `[${where}] ` : ''}${f.message}`);
    if (f.fix) console.log(`          → ${f.fix}`);
  }
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  console.log(`\n${count('error')} lỗi, ${count('warning')} cảnh báo, ${count('info')} ghi chú.`);
}

/** A file is read against the reference register (no database needed, nothing locked). */
async function importFile(path: string): Promise<PlanDraft> {
  if (!existsSync(path)) throw new AppError('cli.file', 2, `Không tìm thấy tệp ${path}.`);
  const { directory } = referenceDirectory();
  const draft = await importPlan({ filename: basename(path), content: readFileSync(path) }, directory);
  const findings = [...draft.findings, ...lintPlan(draft, { directory, issuerCode: draft.document.issuer?.unitCode ?? undefined })];
  return { ...draft, findings };
}

async function actingAs(db: Database, username: unknown) {
  if (typeof username !== 'string' || !username) throw new AppError('cli.as', 2, 'Cần --as TÊN_ĐĂNG_NHẬP: lệnh này thực hiện với quyền của một người dùng.');
  const u = await db.db.selectFrom('app_user').select('id').where(sql`lower(username)`, '=', username.toLowerCase()).executeTakeFirst();
  if (!u) throw new AppError('cli.as', 2, `Không có tài khoản "${username}".`);
  return { db: db.db, actor: await actorFor(db.db, u.id), ip: 'cli' };
}

function planId(arg: string | undefined): number {
  const id = Number(arg);
  if (!Number.isInteger(id) || id <= 0) throw new AppError('cli.plan', 2, `"${arg ?? ''}" không phải mã kế hoạch (số nguyên dương).`);
  return id;
}

const commands: Record<string, Command> = {
  serve: {
    summary: 'Chạy máy chủ web và API',
    usage: 'thihanh serve [--port N] [--host H]',
    options: { port: { type: 'string' }, host: { type: 'string' } },
    async run({ values }, config) {
      if (values.port) config.port = Number(values.port);
      if (values.host) config.host = String(values.host);
      const stopAsked = stopOnSignals();
      let server;
      try {
        server = await startServer(config, { prepare: 'child', signal: stopAsked });
      } catch (err) {
        if (!(err instanceof AppError && err.code === STOPPED_DURING_START)) throw err;
        console.error('Đã dừng.');
        return 0;
      }
      const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite nhúng tại ${config.dataDir}`;
      console.log(`Thi Hành đang chạy tại ${server.url}`);
      console.log(`Cơ sở dữ liệu: ${where}${server.prepared.referenceLoaded ? ' — đã nạp dữ liệu tham chiếu (166 xã, phường của tỉnh Thanh Hóa)' : ''}`);
      if (server.prepared.demoContent) console.log('Đã nạp dữ liệu minh họa: Kế hoạch 129/KH-UBND của tỉnh đã ban hành và triển khai xuống 166 xã, phường; kế hoạch của phường Nam Sầm Sơn đã ban hành.');
      if (config.demo) {
        console.log('CHẾ ĐỘ DEMO: có sẵn các tài khoản minh họa (không dùng cho dữ liệu thật; tắt bằng THIHANH_DEMO=0):');
        for (const d of DEMO_ACCOUNTS) console.log(`  ${d.username.padEnd(22)} mật khẩu ${DEMO_PASSWORD}   (${d.roles.map((r) => ROLE_LABEL[r]).join(', ')}, ${DEMO_UNIT_LABEL[d.unitCode] ?? d.unitCode})`);
      } else {
        const { n } = await server.database.db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        if (Number(n) === 0) console.log('Chưa có tài khoản nào. Tạo quản trị hệ thống: thihanh user add --username admin --name "Họ tên" --unit 38 --role sysadmin');
      }
      // The listening server keeps the process alive until a stop signal; then it ends by itself, exit code 0.
      await new Promise((resolve) => (stopAsked.aborted ? resolve(null) : stopAsked.addEventListener('abort', resolve, { once: true })));
      await server.stop();
      console.error('Đã dừng.');
      exitIfLingering();
      return 0;
    },
  },
  prepare: {
    summary: 'Chuẩn bị cơ sở dữ liệu: cấu trúc, dữ liệu tham chiếu, quản trị viên từ biến môi trường, dữ liệu minh họa (chế độ demo)',
    usage: 'thihanh prepare [--json]   (serve tự chạy bước này trong một tiến trình riêng trước khi mở cơ sở dữ liệu)',
    options: { json: { type: 'boolean' } },
    async run({ values }, config) {
      const r = await withDatabase(config, (d) => prepareDatabase(d.db, { demo: config.demo, demoContent: config.demoContent, env: process.env }));
      if (values.json) {
        console.log(JSON.stringify(r));
        return 0;
      }
      console.log(r.migrations.length ? `Đã áp dụng: ${r.migrations.join(', ')}` : 'Cấu trúc cơ sở dữ liệu đã ở phiên bản mới nhất.');
      if (r.referenceLoaded) console.log('Đã nạp dữ liệu tham chiếu (166 xã, phường của tỉnh Thanh Hóa).');
      if (r.demoAccounts.length) console.log(`Tài khoản minh họa: ${r.demoAccounts.join(', ')}.`);
      if (r.demoContent) console.log('Đã nạp dữ liệu minh họa.');
      return 0;
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
  import: {
    summary: 'Đọc tệp kế hoạch (.txt, .md, .html, .docx) thành dữ liệu có cấu trúc, kèm kết quả rà soát',
    usage: 'thihanh import TỆP [--json]   (JSON theo schemas/plan.schema.json)',
    options: { json: { type: 'boolean' } },
    async run({ values, positionals }) {
      const draft = await importFile(positionals[0] ?? '');
      if (values.json) {
        console.log(JSON.stringify(draft, null, 2));
        return 0;
      }
      const d = draft.document;
      console.log(`${d.type} ${d.number ?? '(chưa số)'}/${d.symbol ?? ''} — ${d.title}`);
      console.log(`Ban hành: ${d.issuer?.unitName ?? d.issuer?.text ?? '(không rõ)'}; ${d.place ?? ''}${d.date ? `, ngày ${d.date}` : ''}`);
      for (const t of draft.tasks) console.log(`  ${t.number.padEnd(5)} ${t.title}\n        Chủ trì: ${t.lead.map((r) => r.text).join('; ') || '—'} | Thời gian: ${t.timeframe.text || '—'}`);
      if (draft.unplaced.length) console.log(`Không xếp được ${draft.unplaced.length} dòng: ${draft.unplaced.map((u) => `dòng ${u.line}`).join(', ')}`);
      printFindings(draft.findings);
      return 0;
    },
  },
  lint: {
    summary: 'Rà soát một tệp kế hoạch hoặc một kế hoạch trong hệ thống; mã thoát khác 0 khi có lỗi',
    usage: 'thihanh lint TỆP|MÃ_KẾ_HOẠCH [--json] [--as TÊN_ĐĂNG_NHẬP]',
    options: { json: { type: 'boolean' }, as: { type: 'string' } },
    async run({ values, positionals }, config) {
      const arg = positionals[0] ?? '';
      let findings: Finding[];
      if (existsSync(arg)) findings = (await importFile(arg)).findings;
      else {
        const id = planId(arg);
        findings = await withDatabase(config, async (d) => {
          await prepareDatabase(d.db, { demo: false });
          const ctx = values.as ? await actingAs(d, values.as) : { db: d.db, actor: null, ip: 'cli' };
          return (await plans.getPlanDetail(ctx, id)).draft.findings;
        });
      }
      if (values.json) console.log(JSON.stringify(findings, null, 2));
      else printFindings(findings);
      return findings.some((f) => f.severity === 'error') ? 1 : 0;
    },
  },
  cascade: {
    summary: 'Triển khai kế hoạch của tỉnh xuống xã, phường (tạo dự thảo cho từng đơn vị)',
    usage: 'thihanh cascade MÃ_KẾ_HOẠCH (--all | --unit MÃ_XÃ [--unit …]) --as TÊN_ĐĂNG_NHẬP',
    options: { all: { type: 'boolean' }, unit: { type: 'string', multiple: true }, as: { type: 'string' } },
    async run({ values, positionals }, config) {
      const id = planId(positionals[0]);
      return withDatabase(config, async (d) => {
        await prepareDatabase(d.db, { demo: false });
        const ctx = await actingAs(d, values.as);
        const codes = (values.unit as string[] | undefined) ?? [];
        const unitIds: number[] = [];
        for (const code of codes) {
          const u = await getUnitByCode(d.db, code);
          if (!u) throw new AppError('cli.unit', 2, `Không tìm thấy đơn vị có mã "${code}".`);
          unitIds.push(u.id);
        }
        if (!values.all && !unitIds.length) throw new AppError('cli.unit', 2, 'Chọn --all hoặc ít nhất một --unit MÃ_XÃ.');
        const r = await plans.cascade(ctx, id, values.all ? { all: true } : { unitIds });
        console.log(`Đã tạo ${r.created.length} dự thảo kế hoạch (${r.ms} ms); bỏ qua ${r.skipped.length} đơn vị đã có kế hoạch.`);
        return 0;
      });
    },
  },
  export: {
    summary: 'Xuất kế hoạch ra DOCX (thể thức Nghị định 30/2020), XLSX (bảng nhiệm vụ) hoặc JSON',
    usage: 'thihanh export MÃ_KẾ_HOẠCH --format docx|xlsx|json --out TỆP [--as TÊN_ĐĂNG_NHẬP]',
    options: { format: { type: 'string' }, out: { type: 'string' }, as: { type: 'string' } },
    async run({ values, positionals }, config) {
      const id = planId(positionals[0]);
      const format = String(values.format ?? 'docx');
      if (!['docx', 'xlsx', 'json'].includes(format)) throw new AppError('cli.format', 2, 'Định dạng phải là docx, xlsx hoặc json.');
      if (!values.out) throw new AppError('cli.out', 2, 'Cần --out TỆP.');
      return withDatabase(config, async (d) => {
        await prepareDatabase(d.db, { demo: false });
        const ctx = values.as ? await actingAs(d, values.as) : { db: d.db, actor: null, ip: 'cli' };
        const { plan, unit, draft, parentUnit } = await plans.planForExport(ctx, id);
        const opts = renderOptions(unit, parentUnit, plan.status !== 'issued');
        const body = format === 'docx' ? await renderPlanDocx(draft, opts) : format === 'xlsx' ? await renderPlanTasksXlsx(draft, opts) : Buffer.from(JSON.stringify({ ...draft, findings: [] }, null, 2));
        writeFileSync(String(values.out), body);
        console.log(`Đã ghi ${values.out} (${body.length} byte).`);
        return 0;
      });
    },
  },
  backup: {
    summary: 'Sao lưu toàn bộ dữ liệu (kể cả tệp minh chứng) ra một tệp .tar.gz, khi máy chủ đang chạy cũng được',
    usage: 'thihanh backup --out TỆP.tar.gz\n  PostgreSQL: kết nối trực tiếp (DATABASE_URL). PGlite: mở thư mục dữ liệu, hoặc nhờ máy chủ đang giữ thư mục đó tạo bản sao lưu.',
    options: { out: { type: 'string' } },
    run: ({ values }, config) => backupCommand(config, values.out as string | undefined),
  },
  restore: {
    summary: 'Phục hồi dữ liệu từ tệp sao lưu vào cơ sở dữ liệu trống (--force: thay dữ liệu đang có)',
    usage: 'thihanh restore TỆP.tar.gz [--force]\n  PGlite: máy chủ phải dừng (lệnh giữ thư mục dữ liệu trong khi phục hồi). Tệp từ phiên bản cũ hơn được cập nhật cấu trúc sau khi phục hồi.',
    options: { force: { type: 'boolean' } },
    run: ({ values, positionals }, config) => restoreCommand(config, positionals[0], values.force === true),
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
  // Every command ends here; serve once a stop signal has stopped the server.
}
