// `thihanh backup` and `thihanh restore`. PostgreSQL: the CLI connects itself (any number of processes may). PGlite:
// the CLI opens the data directory when no server owns it; when a server does, it asks that server for the backup
// (admin route, one-time local token) since only one process may open the directory.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Config } from '../../config.ts';
import { openDatabase, type Database } from '../../db/connect.ts';
import { AppError } from '../../domain/errors.ts';
import { atomicWrite, totalRows, writeBackupFile } from './file.ts';
import type { Manifest } from './format.ts';
import { issueLocalToken, LOCAL_TOKEN_HEADER, readServerAnnouncement } from './local-token.ts';
import { verifyBackup } from './read.ts';
import { restoreBackup } from './restore.ts';
import { recordBackup } from './service.ts';
import type { Progress } from './write.ts';

const say = (line: string) => console.log(line);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1).replace('.', ',')} giây`;
const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${Math.ceil(bytes / 1024)} KB`;

const progress: Progress = (e) => say(`  [${e.index + 1}/${e.total}] ${e.table}: ${e.rows} dòng`);

function summary(m: Manifest): string {
  return `${m.tables.length} bảng, ${totalRows(m)} dòng; cấu trúc dữ liệu ${m.migrations.at(-1) ?? '(trống)'}; tạo lúc ${m.createdAt} từ ${m.backend === 'pglite' ? 'PGlite' : 'PostgreSQL'} (Thi Hành ${m.app.version})`;
}

async function backupDirect(
  database: Database,
  out: string,
): Promise<{ manifest: Manifest; bytes: number; path: string }> {
  await recordBackup(database.db, { actor: null, ip: 'cli' }, resolve(out));
  return writeBackupFile(database.db, database.backend, out, progress);
}

async function backupThroughServer(
  config: Config,
  out: string,
): Promise<{ manifest: Manifest; bytes: number; path: string }> {
  const server = readServerAnnouncement(config.dataDir);
  if (!server) {
    throw new AppError(
      'backup.no_server',
      1,
      `Thư mục dữ liệu ${config.dataDir} đang được một tiến trình khác sử dụng nhưng không thấy địa chỉ máy chủ Thi Hành (thihanh.server.json). ` +
        'Hãy dừng tiến trình đó rồi chạy lại lệnh sao lưu.',
    );
  }
  say(
    `Thư mục dữ liệu đang được máy chủ ${server.url} (tiến trình ${server.pid}) sử dụng: máy chủ sẽ tạo bản sao lưu.`,
  );
  const token = issueLocalToken(config.dataDir);
  try {
    let res: Response;
    try {
      res = await fetch(`${server.url}/api/admin/backup`, {
        method: 'POST',
        headers: { [LOCAL_TOKEN_HEADER]: token.header },
      });
    } catch {
      throw new AppError(
        'backup.server_unreachable',
        1,
        `Không kết nối được máy chủ Thi Hành tại ${server.url}. Máy chủ có đang chạy không?`,
      );
    }
    if (!res.ok || !res.body) {
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      throw new AppError(
        'backup.server_refused',
        1,
        `Máy chủ không tạo được bản sao lưu (${res.status}): ${body?.error?.message ?? res.statusText}`,
      );
    }
    const path = resolve(out);
    await atomicWrite(path, (file) => pipeline(Readable.fromWeb(res.body as never), file));
    // What arrived over HTTP is checked in full before it is called a backup.
    const manifest = await verifyBackup(path);
    return { manifest, bytes: (await stat(path)).size, path };
  } finally {
    token.revoke();
  }
}

/** Database and file-system failures in Vietnamese, without a stack trace; the operator's next step named. */
async function explained<T>(what: string, after: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(
      `${what}.failed`,
      1,
      `${what === 'backup' ? 'Không sao lưu được' : 'Không phục hồi được'}: ${(err as Error).message}. ${after}`,
    );
  }
}

export function backupCommand(config: Config, out: string | undefined): Promise<number> {
  return explained('backup', 'Tệp sao lưu chưa được tạo.', () => backup(config, out));
}

export function restoreCommand(config: Config, file: string | undefined, force: boolean): Promise<number> {
  // The restore is one transaction: whatever failed, it was rolled back.
  return explained('restore', 'Không có dữ liệu nào bị thay đổi.', () => restore(config, file, force));
}

async function backup(config: Config, out: string | undefined): Promise<number> {
  if (!out) throw new AppError('cli.out', 2, 'Cần --out TỆP: nơi ghi tệp sao lưu (.tar.gz).');
  const started = Date.now();
  say('Đang sao lưu…');
  let written: { manifest: Manifest; bytes: number; path: string };
  if (config.databaseUrl) {
    const database = await openDatabase({ databaseUrl: config.databaseUrl, poolSize: 2 });
    try {
      written = await backupDirect(database, out);
    } finally {
      await database.close();
    }
  } else {
    if (!existsSync(join(config.dataDir, 'pglite')))
      throw new AppError('backup.no_database', 1, `Không có cơ sở dữ liệu tại ${config.dataDir} (THIHANH_DATA_DIR).`);
    let database: Database | null = null;
    try {
      database = await openDatabase({ dataDir: config.dataDir });
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'datadir.locked')) throw err;
    }
    if (database) {
      try {
        written = await backupDirect(database, out);
      } finally {
        await database.close();
      }
    } else written = await backupThroughServer(config, out);
  }
  say(
    `Đã sao lưu vào ${written.path} (${size(written.bytes)}, ${seconds(Date.now() - started)}): ${summary(written.manifest)}.`,
  );
  say(
    'Tệp chứa dữ liệu cá nhân và mã băm mật khẩu: chỉ người dùng hiện tại đọc được (quyền 0600); hãy cất giữ an toàn.',
  );
  return 0;
}

async function restore(config: Config, file: string | undefined, force: boolean): Promise<number> {
  if (!file) throw new AppError('cli.file', 2, 'Cần đường dẫn tệp sao lưu: thihanh restore TỆP [--force]');
  if (!existsSync(file)) throw new AppError('cli.file', 2, `Không tìm thấy tệp ${file}.`);
  const started = Date.now();
  say(`Đang kiểm tra tệp ${resolve(file)}…`);
  const manifest = await verifyBackup(file);
  say(`Tệp hợp lệ: ${summary(manifest)}.`);
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite tại ${config.dataDir}`;
  // PGlite: opening takes the data-directory lock, so a running server makes this stop here with its message.
  const database = await openDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl, poolSize: 2 } : { dataDir: config.dataDir },
  );
  try {
    say(`Đang phục hồi vào ${where}…`);
    const r = await restoreBackup(database.db, file, { force, progress: (e) => say(`  ${e.table}: ${e.rows} dòng`) });
    if (r.migrated.length) say(`Đã cập nhật cấu trúc dữ liệu lên phiên bản hiện tại: ${r.migrated.join(', ')}.`);
    say(`Đã phục hồi ${r.rows} dòng vào ${where} (${seconds(Date.now() - started)}).`);
  } finally {
    await database.close();
  }
  return 0;
}
