// Backup files hold personal data and password hashes: written with mode 0600, and atomically (a temporary file
// in the same directory, renamed into place once complete), so a crash never leaves a half file under the real name.
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { AppError } from '../../domain/errors.ts';
import type { Manifest } from './format.ts';
import { writeBackup, type Progress } from './write.ts';
import type { UntypedKysely } from '../../db/untyped.ts';

/** 507 Insufficient Storage over HTTP (the server's disk, not the request, is at fault); exit code 1 on the CLI. */
const STORAGE_FAILED = 507;

export async function atomicWrite<T>(target: string, write: (out: Writable) => Promise<T>): Promise<T> {
  const path = resolve(target);
  const dir = dirname(path);
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new AppError('backup.out', STORAGE_FAILED, `Không tạo được thư mục ${dir}: ${(err as Error).message}`);
  }
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  // flush: the data is on disk before the rename makes it the backup.
  const out = createWriteStream(tmp, { mode: 0o600, flags: 'wx', flush: true });
  try {
    const result = await write(out);
    await rename(tmp, path);
    return result;
  } catch (err) {
    out.destroy();
    await rm(tmp, { force: true });
    if ((err as NodeJS.ErrnoException).code === 'EACCES' || (err as NodeJS.ErrnoException).code === 'ENOSPC') {
      throw new AppError(
        'backup.out',
        STORAGE_FAILED,
        `Không ghi được tệp sao lưu ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOSPC' ? 'hết dung lượng đĩa' : 'không có quyền ghi'}.`,
      );
    }
    throw err;
  }
}

export async function writeBackupFile(
  db: UntypedKysely,
  backend: string,
  target: string,
  progress?: Progress,
): Promise<{ manifest: Manifest; bytes: number; path: string }> {
  const manifest = await atomicWrite(target, (out) => writeBackup(db, backend, out, progress));
  const path = resolve(target);
  return { manifest, bytes: (await stat(path)).size, path };
}

export const totalRows = (m: Manifest) => m.tables.reduce((n, t) => n + t.rows, 0);
