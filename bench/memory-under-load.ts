// Resident memory of `thihanh serve` under the load of the reads people wait on (issue 8: after the load it returns to
// within 50 MB of its idle figure on PostgreSQL; PGlite reported). The server runs in its own process, as an operator
// runs it, so the figures are the server's alone (not the bench's, the anchor's or autocannon's). Each of the
// http-read routes is driven by autocannon for THIHANH_BENCH_SECONDS × THIHANH_BENCH_ROUNDS; the server's RSS is read
// from /proc when idle, right after the load and while it settles.
//
//   npm run bench -- memory-under-load [--backend=pglite|postgres]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withFreshPostgresDatabase } from './databases.ts';
import { rssMb, spawnServer, type Bench } from './harness.ts';
import { drive } from './http-read.ts';

const ROUNDS = Math.max(1, Number(process.env.THIHANH_BENCH_ROUNDS ?? 3));
const SETTLE_S = [5, 15, 30];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The median of a few samples a little apart: RSS moves while the allocator and the collector work. */
async function sampleRss(pid: number): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < 5; i++) {
    xs.push(rssMb(pid));
    await sleep(200);
  }
  return xs.sort((a, b) => a - b)[2]!;
}

async function measure(env: NodeJS.ProcessEnv) {
  const server = await spawnServer({
    ...env,
    THIHANH_DEMO: '1',
    // The bench measures memory, not the limiter: every answer must be a 200.
    THIHANH_RATE_LIMIT_PUBLIC: '0',
    THIHANH_RATE_LIMIT_USER: '0',
  });
  try {
    const { url } = server;
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'skhcn.chuyenvien', password: 'ThiHanh@2026' }),
    });
    if (login.status !== 200) throw new Error(`login ${login.status}`);
    const cookie = /thihanh_session=[^;]*/.exec(login.headers.get('set-cookie') ?? '')![0];
    const plans = (await (await fetch(`${url}/api/plans?status=issued&limit=5`, { headers: { cookie } })).json()) as {
      items: Array<{ id: number; parentPlanId: number | null }>;
    };
    const plan = plans.items.find((p) => p.parentPlanId === null) ?? plans.items[0]!;
    const routes: Array<{ path: string; public?: boolean }> = [
      { path: `/api/plans/${plan.id}` },
      { path: '/api/units/search?q=nam%20sam%20son' },
      { path: '/api/assignments?limit=50' },
      { path: '/api/plans?limit=50' },
      { path: `/api/dashboard/focal?planId=${plan.id}` },
      { path: `/api/public/plans/${plan.id}/progress`, public: true },
    ];
    // Every route once, so that idle means "has served each of them" (modules loaded, statements prepared).
    for (const r of routes) {
      const res = await fetch(`${url}${r.path}`, { headers: r.public ? {} : { cookie } });
      if (res.status !== 200) throw new Error(`${r.path}: ${res.status}`);
      await res.arrayBuffer();
    }
    await sleep(3_000);
    const idle = await sampleRss(server.pid);
    let requests = 0;
    let non2xx = 0;
    let peak = idle;
    for (let round = 0; round < ROUNDS; round++) {
      for (const r of routes) {
        const load = await drive(`${url}${r.path}`, r.public ? {} : { cookie });
        requests += load.requests;
        non2xx += load.non2xx + load.errors;
        peak = Math.max(peak, rssMb(server.pid));
      }
    }
    const afterLoad = await sampleRss(server.pid);
    const settled: Record<string, number> = {};
    let waited = 0;
    for (const s of SETTLE_S) {
      await sleep((s - waited) * 1000);
      waited = s;
      settled[`after_${s}s`] = await sampleRss(server.pid);
    }
    const last = settled[`after_${SETTLE_S.at(-1)}s`]!;
    return {
      requests,
      non2xx,
      rss_mb: { idle, peak, after_load: afterLoad, ...settled },
      above_idle_mb: Math.round((last - idle) * 10) / 10,
      target_above_idle_mb: 50,
    };
  } finally {
    await server.stop();
  }
}

export const memoryUnderLoad: Bench = {
  name: 'memory-under-load',
  description: "`thihanh serve`'s resident memory: idle, under the http-read routes' load, and as it settles",
  backends: ['pglite', 'postgres'],
  async run(ctx) {
    if (ctx.backend === 'postgres')
      return withFreshPostgresDatabase(ctx.databaseUrl!, (u) => measure({ DATABASE_URL: u }));
    const dir = mkdtempSync(join(tmpdir(), 'thihanh-bench-'));
    try {
      return await measure({ DATABASE_URL: '', THIHANH_DATA_DIR: dir });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
