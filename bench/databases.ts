// Fresh PostgreSQL databases for benchmarks, created and dropped around each run.
import { createFreshDatabase } from '../src/db/fresh-database.ts';

export async function withFreshPostgresDatabase<T>(serverUrl: string, fn: (url: string) => Promise<T>): Promise<T> {
  const fresh = await createFreshDatabase(serverUrl, 'thihanh_bench');
  try {
    return await fn(fresh.url);
  } finally {
    await fresh.drop();
  }
}
