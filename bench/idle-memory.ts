// Resident memory of an idle server (after start-up and a few requests), PGlite vs PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile, rssMb, spawnServer, type Bench } from './harness.ts';
import { withFreshPostgresDatabase } from './databases.ts';

async function measure(env: NodeJS.ProcessEnv) {
  const server = await spawnServer(env);
  const url = server.url;
  try {
    // A little real use first: log in, search, read a unit.
    for (let i = 0; i < 20; i++) {
      await fetch(`${url}/api/units/search?q=nam%20sam%20son`);
      await fetch(`${url}/api/health`);
    }
    await new Promise((r) => setTimeout(r, 3000));
    const samples: number[] = [];
    for (let i = 0; i < 10; i++) {
      samples.push(rssMb(server.pid));
      await new Promise((r) => setTimeout(r, 300));
    }
    samples.sort((a, b) => a - b);
    return {
      n: samples.length,
      p50_ms: null,
      p95_ms: null,
      rss_mb: percentile(samples, 50),
      rss_max_mb: samples.at(-1),
    };
  } finally {
    await server.stop();
  }
}

export const bench: Bench = {
  name: 'idle-memory',
  description: 'RSS of an idle `thihanh serve` after start-up and a few requests',
  backends: ['pglite', 'postgres'],
  async run(ctx) {
    if (ctx.backend === 'postgres') {
      return withFreshPostgresDatabase(ctx.databaseUrl!, (url) => measure({ DATABASE_URL: url, THIHANH_DEMO: '1' }));
    }
    const dir = mkdtempSync(join(tmpdir(), 'thihanh-bench-'));
    try {
      return await measure({ DATABASE_URL: '', THIHANH_DATA_DIR: dir, THIHANH_DEMO: '1' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
