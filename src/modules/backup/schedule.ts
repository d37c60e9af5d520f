// Daily backups written by the running server (THIHANH_BACKUP_DIR), at a quiet hour in Vietnam's time
// (THIHANH_BACKUP_HOUR, default 2), keeping the newest THIHANH_BACKUP_KEEP files (default 14).
import { readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeBackupFile, totalRows } from './file.ts';
import { recordBackup } from './service.ts';
import type { Manifest } from './format.ts';
import type { UntypedKysely } from '../../db/untyped.ts';

export interface BackupSchedule {
  dir: string;
  keep: number;
  /** Hour of the day in Asia/Ho_Chi_Minh. */
  hour: number;
}

const VN_OFFSET_MS = 7 * 3_600_000; // Vietnam keeps UTC+7 all year
const FILE = /^thihanh-\d{8}-\d{6}\.tar\.gz$/;

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (Number.isInteger(n) && n >= min && n <= max) return n;
  console.error(`${name}="${raw}" không hợp lệ (cần số nguyên từ ${min} đến ${max}): dùng ${fallback}.`);
  return fallback;
}

export function backupScheduleFromEnv(env: NodeJS.ProcessEnv = process.env): BackupSchedule | null {
  const dir = env.THIHANH_BACKUP_DIR?.trim();
  if (!dir) return null;
  return {
    dir: resolve(dir),
    keep: intFrom(env, 'THIHANH_BACKUP_KEEP', 14, 1, 10_000),
    hour: intFrom(env, 'THIHANH_BACKUP_HOUR', 2, 0, 23),
  };
}

/** thihanh-YYYYMMDD-HHMMSS.tar.gz in Vietnam's time: names sort as their dates. */
export function backupFileName(at: Date): string {
  const v = new Date(at.getTime() + VN_OFFSET_MS).toISOString();
  return `thihanh-${v.slice(0, 10).replaceAll('-', '')}-${v.slice(11, 19).replaceAll(':', '')}.tar.gz`;
}

/** The next time after `now` when it is `hour`:00 in Vietnam. */
export function nextRunAt(now: Date, hour: number): Date {
  const local = new Date(now.getTime() + VN_OFFSET_MS);
  const at = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), hour) - VN_OFFSET_MS;
  return new Date(at > now.getTime() ? at : at + 86_400_000);
}

/** Deletes the oldest backups of `dir` beyond `keep` (only files named as this scheduler names them). */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const files = (await readdir(dir))
    .filter((f) => FILE.test(f))
    .sort()
    .reverse();
  const old = files.slice(keep);
  for (const f of old) await rm(join(dir, f), { force: true });
  return old;
}

export async function runScheduledBackup(
  db: UntypedKysely,
  backend: string,
  s: BackupSchedule,
  now = new Date(),
): Promise<{ path: string; manifest: Manifest; bytes: number; pruned: string[] }> {
  const path = join(s.dir, backupFileName(now));
  await recordBackup(db, { actor: null, ip: 'scheduler' }, path);
  const written = await writeBackupFile(db, backend, path);
  return { ...written, pruned: await pruneBackups(s.dir, s.keep) };
}

export function startDailyBackups(db: UntypedKysely, backend: string, s: BackupSchedule): { stop(): void } {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const plan = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      const started = Date.now();
      runScheduledBackup(db, backend, s)
        .then((r) =>
          console.log(
            `Đã sao lưu tự động: ${r.path} (${r.bytes} byte, ${totalRows(r.manifest)} dòng, ${Date.now() - started} ms)${r.pruned.length ? `; đã xóa ${r.pruned.length} bản cũ` : ''}.`,
          ),
        )
        .catch((err: Error) => console.error(`Sao lưu tự động thất bại (${s.dir}): ${err.message}`))
        .finally(plan);
    }, nextRunAt(new Date(), s.hour).getTime() - Date.now());
    timer.unref();
  };
  plan();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
