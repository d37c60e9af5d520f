// What the modules' command-line commands share: opening the database for one command and acting as a user.
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/connect.ts';
import { AppError } from './domain/errors.ts';
import { systemActor } from './domain/permissions.ts';
import { actorFor } from './modules/auth/index.ts';
import { findUserByUsername } from './modules/users/index.ts';

/** Commands run at the server act as its local operator, through the same rule as everyone (see `can()`). */
export const CLI_CTX = { actor: systemActor('localOperator'), ip: 'cli' };

export async function withDatabase<T>(config: Config, fn: (db: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

export async function actingAs(db: Database, username: unknown) {
  if (typeof username !== 'string' || !username)
    throw new AppError('cli.as', 2, 'Cần --as TÊN_ĐĂNG_NHẬP: lệnh này thực hiện với quyền của một người dùng.');
  const u = await findUserByUsername(db.db, username);
  if (!u) throw new AppError('cli.as', 2, `Không có tài khoản "${username}".`);
  return { db: db.db, actor: await actorFor(db.db, u.id), ip: 'cli' };
}
