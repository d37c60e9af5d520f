// What the database-held request counter costs: the upsert alone, a signed-in request in process with the limits
// on and off, and a real server under autocannon (10 connections of one user: every upsert hits the same row).
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { openDatabase, type Database } from '../src/db/connect.ts';
import { createFreshDatabase } from '../src/db/fresh-database.ts';
import { prepareDatabase } from '../src/bootstrap.ts';
import { countHit } from '../src/modules/auth/store.ts';
import { Client, makeUser, testApp } from '../test/support/api.ts';
import { timeIt, type Bench, type BenchContext } from './harness.ts';

const autocannon = createRequire(import.meta.url)('autocannon') as (opts: object) => Promise<{
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}>;

async function open(ctx: BenchContext): Promise<Database> {
  if (ctx.backend === 'pglite') return openDatabase({});
  const fresh = await createFreshDatabase(ctx.databaseUrl!, 'thihanh_bench');
  const database = await openDatabase({ databaseUrl: fresh.url });
  return {
    ...database,
    close: async () => {
      await database.close();
      await fresh.drop();
    },
  };
}

/** A real server on a free port; answers req/s and latency of GET /api/auth/me for one signed-in user. */
async function load(database: Database, backend: string, userPerMinute: number) {
  const app = testApp(database.db, backend, { rateLimit: { publicPerMinute: 0, userPerMinute } });
  const user = await new Client(app).login('bench.user');
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise((r) => server.once('listening', r));
  try {
    const { port } = server.address() as AddressInfo;
    const r = await autocannon({
      url: `http://127.0.0.1:${port}/api/auth/me`,
      connections: 10,
      duration: 5,
      headers: { cookie: user.cookie! },
    });
    return {
      req_per_s: Math.round(r.requests.average),
      p50_ms: r.latency.p50,
      p99_ms: r.latency.p99,
      non2xx: r.non2xx,
      errors: r.errors,
    };
  } finally {
    await new Promise((r) => server.close(r));
    // autocannon drops its connections when the time is up; let the requests it left in flight finish.
    await new Promise((r) => setTimeout(r, 500));
  }
}

export const rateLimitCost: Bench = {
  name: 'rate-limit-cost',
  description: 'Request counter in the database: the upsert, a signed-in request with limits on and off, autocannon',
  backends: ['pglite', 'postgres'],
  async run(ctx) {
    const database = await open(ctx);
    try {
      await prepareDatabase(database.db, { demo: false });
      await makeUser(database.db, 'bench.user', '38.SKHCN', ['officer']);
      const upsert = await timeIt(2000, (i) => countHit(database.db, 'bench', `k${i % 100}`, 60), 50);
      const client = (userPerMinute: number) =>
        new Client(testApp(database.db, ctx.backend, { rateLimit: { publicPerMinute: 0, userPerMinute } })).login(
          'bench.user',
        );
      const [off, on] = [await client(0), await client(1_000_000_000)];
      // Alternating rounds, so that load from elsewhere on the machine falls on both alike.
      const rounds: { off: number[]; on: number[] } = { off: [], on: [] };
      for (let round = 0; round < 10; round++) {
        rounds.off.push((await timeIt(200, () => off.get('/api/auth/me'), 10)).p50_ms);
        rounds.on.push((await timeIt(200, () => on.get('/api/auth/me'), 10)).p50_ms);
      }
      const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      return {
        upsert,
        request_p50_ms_limits_off: median(rounds.off),
        request_p50_ms_limits_on: median(rounds.on),
        server_limits_off: await load(database, ctx.backend, 0),
        server_limits_on: await load(database, ctx.backend, 1_000_000_000),
      };
    } finally {
      await database.close();
    }
  },
};
