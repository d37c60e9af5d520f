// PGlite has no inter-process lock, and two processes writing one data directory silently lose data
// (observed: the second writer's commits vanished). So one process owns a data directory, enforced here.
//
// The lock is a file created exclusively (O_EXCL) holding the owner's PID, host and process identity (boot id and
// start time). A lock whose process is gone (crash, kill -9) is taken over. Timestamp-refresh locks were tried first
// and rejected: a server whose event loop is busy for longer than the refresh window (a large import on a loaded
// machine) lost its own lock and stopped.
//
// A PID alone does not name a process: in a container the server is PID 1 at every start, so a lock left by a killed
// server named a live process (the restarted server itself) and every restart refused. The kernel's boot id and the
// process's start time (in clock ticks since boot) tell a recycled PID from the process that wrote the lock.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../domain/errors.ts';

interface Owner {
  pid: number;
  host: string;
  since: string;
  /** `<boot id>/<start time in ticks>`; absent in locks written before it existed, null where /proc is missing. */
  identity?: string | null;
}

function readOwner(file: string): Owner | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Owner;
  } catch {
    return null;
  }
}

let bootId: string | null | undefined;

/**
 * Who a PID is right now: the boot id with the process's start time (field 22 of /proc/<pid>/stat), or null when
 * /proc cannot tell (another operating system) or the process is gone.
 */
export function processIdentity(pid: number): string | null {
  try {
    bootId ??= readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (the command name, in parentheses) may itself hold spaces and parentheses: count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // A zombie (state Z: exited, not yet reaped by its parent) no longer runs.
    if (fields[0] === 'Z') return null;
    const start = fields[22 - 3];
    return bootId && start ? `${bootId}/${start}` : null;
  } catch {
    bootId ??= null;
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

/** Lock files this process holds: how it knows that a lock naming its own PID was not written by itself. */
const held = new Set<string>();

/** Whether the process that wrote this lock may still be running (on this host). */
function ownerRunning(owner: Owner, file: string): boolean {
  if (owner.pid === process.pid) {
    // Our own PID: the lock is ours only if this process wrote it; otherwise a previous process with the same PID
    // (a restarted container's server) left it.
    return held.has(file) && (owner.identity ?? null) === processIdentity(process.pid);
  }
  // A lock without identity (older format): the living PID is taken to be the owner, as before.
  if (!owner.identity) return alive(owner.pid);
  return stillRuns(owner.pid, owner.identity);
}

/** Whether the process known by this identity runs; where /proc is missing, whether its PID does. */
function stillRuns(pid: number, identity: string | null): boolean {
  if (procReadable()) return identity !== null && processIdentity(pid) === identity;
  return alive(pid);
}

function procReadable(): boolean {
  return processIdentity(process.pid) !== null;
}

function tryCreate(file: string): boolean {
  try {
    const fd = openSync(file, 'wx');
    const owner: Owner = {
      pid: process.pid,
      host: hostname(),
      since: new Date().toISOString(),
      identity: processIdentity(process.pid),
    };
    writeSync(fd, JSON.stringify(owner));
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

function ownRelease(file: string): () => Promise<void> {
  held.add(file);
  const identity = processIdentity(process.pid);
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    held.delete(file);
    const owner = readOwner(file);
    if (owner?.pid === process.pid && (owner.identity ?? null) === identity) unlinkSync(file);
  };
  // A process that exits without closing (uncaught error, a second stop signal) still frees the directory.
  process.once('exit', () => void release());
  return release;
}

/**
 * A child working under its parent's lock stops when the parent is gone (killed with -9 while the child prepared
 * the database): the lock then names a dead process, and a new server would take the directory over while the
 * orphan still writes to it.
 */
function workWhileParentLives(parent: number): void {
  // process.ppid is read once at start-up: ask the system whether that very process still runs.
  const identity = processIdentity(parent);
  const watch = setInterval(() => {
    if (stillRuns(parent, identity)) return;
    console.error('Tiến trình máy chủ đã dừng: dừng theo, không ghi thêm vào thư mục dữ liệu.');
    process.exit(1);
  }, 500);
  watch.unref();
}

export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'thihanh.lock');
  const inherited = Number(process.env[LOCK_OWNER_ENV]);
  if (inherited) {
    // Sent by a server to work under its lock: never take a lock of one's own, even when that server is gone.
    if (
      inherited !== process.ppid ||
      readOwner(file)?.pid !== inherited ||
      !stillRuns(inherited, processIdentity(inherited))
    ) {
      throw new AppError(
        'datadir.parent_gone',
        1,
        'Tiến trình máy chủ đã dừng: dừng theo, không ghi thêm vào thư mục dữ liệu.',
      );
    }
    workWhileParentLives(inherited);
    return async () => {};
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    if (tryCreate(file)) return ownRelease(file);
    const owner = readOwner(file);
    const sameHost = !owner || owner.host === hostname();
    if (owner && sameHost && !ownerRunning(owner, file)) {
      // The previous owner is gone: take the directory over.
      try {
        unlinkSync(file);
      } catch {
        /* another starter removed it first */
      }
      continue;
    }
    const who = owner
      ? ` (tiến trình ${owner.pid}${owner.host !== hostname() ? ` trên máy ${owner.host}` : ''}, từ ${owner.since})`
      : '';
    throw new AppError(
      'datadir.locked',
      409,
      `Thư mục dữ liệu ${dataDir} đang được một tiến trình Thi Hành khác sử dụng${who} (máy chủ đang chạy?). ` +
        'Hãy dừng tiến trình đó, hoặc dùng thư mục khác (THIHANH_DATA_DIR), hoặc dùng PostgreSQL (DATABASE_URL). Không có dữ liệu nào bị thay đổi.',
    );
  }
  throw new AppError('datadir.locked', 409, `Không giành được khóa thư mục dữ liệu ${dataDir}. Hãy thử lại.`);
}
