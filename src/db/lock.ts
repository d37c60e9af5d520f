// PGlite has no inter-process lock, and two processes writing one data directory silently lose data
// (observed: the second writer's commits vanished). So one process owns a data directory, enforced here.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { AppError } from '../domain/errors.ts';

export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  mkdirSync(dataDir, { recursive: true });
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: join(dataDir, 'thihanh.lock'),
      realpath: false,
      // A crashed owner's lock goes stale after 15 s; a live owner refreshes it every 5 s.
      stale: 15_000,
      update: 5_000,
      onCompromised: (err) => {
        console.error(`Mất khóa thư mục dữ liệu ${dataDir}: ${err.message}. Dừng để tránh hỏng dữ liệu.`);
        process.exit(70);
      },
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new AppError('datadir.locked', 409,
        `Thư mục dữ liệu ${dataDir} đang được một tiến trình Thi Hành khác sử dụng (máy chủ đang chạy?). ` +
        'Hãy dừng tiến trình đó, hoặc dùng thư mục khác (THIHANH_DATA_DIR), hoặc dùng PostgreSQL (DATABASE_URL). Không có dữ liệu nào bị thay đổi.');
    }
    throw err;
  }
}
