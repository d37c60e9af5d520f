// PGlite has no inter-process lock, and two processes writing one data directory silently lose data
// (observed: the second writer's commits vanished). So one process owns a data directory, enforced here.
//
// The lock is a file created exclusively (O_EXCL) holding the owner's PID and host. A lock whose process is gone
// (crash, kill -9) is taken over. Timestamp-refresh locks were tried first and rejected: a server whose event loop
// is busy for longer than the refresh window (a large import on a loaded machine) lost its own lock and stopped.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../domain/errors.ts';

interface Owner {
  pid: number;
  host: string;
  since: string;
}

function readOwner(file: string): Owner | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Owner;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryCreate(file: string): boolean {
  try {
    const fd = openSync(file, 'wx');
    writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() } satisfies Owner));
    closeSync(fd);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

/**
 * The environment variable by which a server hands its lock to the short-lived child process that prepares the
 * database (src/server.ts): the child works under its parent's lock instead of taking its own, and only when the
 * lock file really names its parent.
 */
export const LOCK_OWNER_ENV = 'THIHANH_LOCK_OWNER_PID';

export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'thihanh.lock');
  const inherited = Number(process.env[LOCK_OWNER_ENV]);
  if (inherited && inherited === process.ppid && readOwner(file)?.pid === inherited) return async () => {};
  for (let attempt = 0; attempt < 2; attempt++) {
    if (tryCreate(file)) {
      let released = false;
      const release = async () => {
        if (released) return;
        released = true;
        const owner = readOwner(file);
        if (owner?.pid === process.pid) unlinkSync(file);
      };
      // A process that exits without closing (uncaught error) still frees the directory for the next start.
      process.once('exit', () => void release());
      return release;
    }
    const owner = readOwner(file);
    const sameHost = !owner || owner.host === hostname();
    if (owner && sameHost && !alive(owner.pid)) {
      // The previous owner is gone: take the directory over.
      try { unlinkSync(file); } catch { /* another starter removed it first */ }
      continue;
    }
    const who = owner ? ` (tiến trình ${owner.pid}${owner.host !== hostname() ? ` trên máy ${owner.host}` : ''}, từ ${owner.since})` : '';
    throw new AppError('datadir.locked', 409,
      `Thư mục dữ liệu ${dataDir} đang được một tiến trình Thi Hành khác sử dụng${who} (máy chủ đang chạy?). ` +
      'Hãy dừng tiến trình đó, hoặc dùng thư mục khác (THIHANH_DATA_DIR), hoặc dùng PostgreSQL (DATABASE_URL). Không có dữ liệu nào bị thay đổi.');
  }
  throw new AppError('datadir.locked', 409, `Không giành được khóa thư mục dữ liệu ${dataDir}. Hãy thử lại.`);
}
