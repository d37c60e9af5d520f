// The reads people wait on, over real HTTP, beside a bare anchor in the same run (issue 8). The product's app
// (every middleware: session, rate-limit counter, permission rule, response building) and a bare Hono app that reads
// the same rows with plain SQL serve the same database, one after the other; autocannon drives each for a fixed time
// and concurrency from a child process, so the load generator does not share the server's event loop. One JSON line
// per route: req/s, p50, p99, non-2xx, and the ratio to its anchor. The server's resident memory under this load is
// measured by memory-under-load, on `thihanh serve` in its own process: here both apps share the bench's process.
//
// The machine may be shared: each route is measured in THIHANH_BENCH_ROUNDS rounds (default 3), each round the
// product then its anchor right after, and the figures are the medians of the rounds (the ratio: the median of the
// rounds' ratios, each taken from two measures seconds apart). `server_cpu_ms` is the CPU the bench's process (where
// both servers run) spent per request during the product's measure: less moved by the neighbours than req/s.
//
//   npm run bench -- http-read [--backend=pglite|postgres]
//   (THIHANH_BENCH_SECONDS, THIHANH_BENCH_CONNECTIONS, THIHANH_BENCH_ROUNDS)
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { sql } from 'kysely';
import pg from 'pg';
import { prepareDatabase } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase, type Database } from '../src/db/connect.ts';
import { createFreshDatabase } from '../src/db/fresh-database.ts';
import { createApp } from '../src/http/app.ts';
import type { Bench, BenchContext } from './harness.ts';

const SECONDS = Number(process.env.THIHANH_BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.THIHANH_BENCH_CONNECTIONS ?? 10);
const ROUNDS = Math.max(1, Number(process.env.THIHANH_BENCH_ROUNDS ?? 3));
const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

interface Load {
  req_per_s: number;
  requests: number;
  p50_ms: number;
  p99_ms: number;
  non2xx: number;
  errors: number;
  /** CPU of this process per request while it was driven, ms. */
  server_cpu_ms: number;
}

/** autocannon in a child process (its JSON report on stdout). */
export function drive(url: string, headers: Record<string, string> = {}): Promise<Load> {
  const cpu = process.cpuUsage();
  const args = [AUTOCANNON, '-j', '-c', String(CONNECTIONS), '-d', String(SECONDS)];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}`));
      const used = process.cpuUsage(cpu);
      const r = JSON.parse(out) as {
        requests: { average: number; total: number };
        latency: { p50: number; p99: number };
        non2xx: number;
        errors: number;
      };
      resolve({
        req_per_s: Math.round(r.requests.average),
        requests: r.requests.total,
        p50_ms: r.latency.p50,
        p99_ms: r.latency.p99,
        non2xx: r.non2xx,
        errors: r.errors,
        server_cpu_ms: Math.round(((used.user + used.system) / 1000 / Math.max(1, r.requests.total)) * 1000) / 1000,
      });
    });
  });
}

async function listen(
  fetch: (req: Request) => Response | Promise<Response>,
): Promise<{ url: string; server: ServerType }> {
  const server = serve({ fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise((r) => server.once('listening', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const close = (server: ServerType) => new Promise((r) => server.close(r));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;

/** The rounds of one route, folded: medians, errors summed. */
function fold(theirs: Load[], bare: Load[]) {
  return {
    req_per_s: median(theirs.map((l) => l.req_per_s)),
    p50_ms: median(theirs.map((l) => l.p50_ms)),
    p99_ms: median(theirs.map((l) => l.p99_ms)),
    non2xx: theirs.reduce((a, l) => a + l.non2xx, 0),
    errors: theirs.reduce((a, l) => a + l.errors, 0),
    server_cpu_ms: median(theirs.map((l) => l.server_cpu_ms)),
    anchor_req_per_s: bare.length ? median(bare.map((l) => l.req_per_s)) : null,
    anchor_server_cpu_ms: bare.length ? median(bare.map((l) => l.server_cpu_ms)) : null,
    ratio: bare.length ? median(theirs.map((l, i) => ratio(l.req_per_s, bare[i]!.req_per_s))) : null,
    rounds: theirs.map((l, i) => (bare[i] ? [l.req_per_s, bare[i].req_per_s] : [l.req_per_s])),
  };
}
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function open(ctx: BenchContext): Promise<{ database: Database; url: string | null; drop(): Promise<void> }> {
  if (ctx.backend === 'pglite') return { database: await openDatabase({}), url: null, drop: async () => {} };
  const fresh = await createFreshDatabase(ctx.databaseUrl!, 'thihanh_bench');
  return { database: await openDatabase({ databaseUrl: fresh.url }), url: fresh.url, drop: fresh.drop };
}

/** Plain SQL on the same database: pg's own pool on PostgreSQL, the same PGlite instance otherwise. */
export function rawQuery(
  database: Database,
  url: string | null,
): { query(text: string, values: unknown[]): Promise<unknown[]>; end(): Promise<void> } {
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // Dropping the bench's database ends these connections: not an error of the bench.
    pool.on('error', () => {});
    return { query: async (text, values) => (await pool.query(text, values)).rows, end: () => pool.end() };
  }
  return {
    query: async (text, values) => (await sql.raw(bind(text, values)).execute(database.db)).rows,
    end: async () => {},
  };
}

/** Inlines integer parameters ($1…) for the PGlite path, where the anchor goes through sql.raw. */
const bind = (text: string, values: unknown[]) =>
  text.replace(/\$(\d+)/g, (_, i) => String(Number(values[Number(i) - 1])));

/**
 * The bare anchor: the rows each route needs, read by id with plain SQL and returned as JSON. No session, no
 * permission rule, no answer building: the floor of what the database allows.
 */
export function anchorApp(q: ReturnType<typeof rawQuery>) {
  const app = new Hono();
  app.get('/plan/:id', async (c) => {
    const id = Number(c.req.param('id'));
    const [plan] = await q.query('SELECT * FROM plan WHERE id = $1', [id]);
    const tasks = await q.query('SELECT * FROM plan_task WHERE plan_id = $1 ORDER BY id', [id]);
    return c.json({ plan, tasks });
  });
  app.get('/unit/:id', async (c) =>
    c.json((await q.query('SELECT * FROM unit WHERE id = $1', [Number(c.req.param('id'))]))[0]),
  );
  app.get('/plans', async (c) =>
    c.json(
      await q.query(
        'SELECT id, unit_id, parent_plan_id, status, version, number, symbol, issued_date, title FROM plan ORDER BY id DESC LIMIT 50',
        [],
      ),
    ),
  );
  app.get('/assignments', async (c) => c.json(await q.query('SELECT * FROM assignment ORDER BY id LIMIT 50', [])));
  return app;
}

export const httpRead: Bench = {
  name: 'http-read',
  description: `Hot reads over HTTP (autocannon, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s) beside a bare Hono + SQL anchor`,
  backends: ['pglite', 'postgres'],
  async run(ctx) {
    delete process.env.THIHANH_CHECK_RESPONSES;
    const { database, url, drop } = await open(ctx);
    const q = rawQuery(database, url);
    try {
      await prepareDatabase(database.db, { demo: true, demoContent: true });
      const config = { ...loadConfig({}), demo: true, rateLimit: { publicPerMinute: 0, userPerMinute: 0 } };
      const product = await listen(createApp({ db: database.db, config, backend: ctx.backend }).fetch);
      const anchor = await listen(anchorApp(q).fetch);
      try {
        const login = await fetch(`${product.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'skhcn.chuyenvien', password: 'ThiHanh@2026' }),
        });
        if (login.status !== 200) throw new Error(`login ${login.status}`);
        const cookie = /thihanh_session=[^;]*/.exec(login.headers.get('set-cookie') ?? '')![0];
        const plans = (await (
          await fetch(`${product.url}/api/plans?status=issued&limit=5`, { headers: { cookie } })
        ).json()) as {
          items: Array<{ id: number; parentPlanId: number | null }>;
        };
        // The province's plan (the one everyone opens), not a ward's.
        const plan = plans.items.find((p) => p.parentPlanId === null) ?? plans.items[0]!;
        const [ward] = (await q.query(`SELECT id FROM unit WHERE code = '16516'`, [])) as Array<{ id: number }>;
        const routes: Array<{ route: string; path: string; anchor?: string; public?: boolean }> = [
          { route: 'GET /api/plans/{id}', path: `/api/plans/${plan.id}`, anchor: `/plan/${plan.id}` },
          {
            route: 'GET /api/units/search?q=nam sam son',
            path: '/api/units/search?q=nam%20sam%20son',
            anchor: `/unit/${ward!.id}`,
          },
          { route: 'GET /api/assignments?limit=50', path: '/api/assignments?limit=50', anchor: '/assignments' },
          { route: 'GET /api/plans?limit=50', path: '/api/plans?limit=50', anchor: '/plans' },
          { route: 'GET /api/dashboard/focal', path: `/api/dashboard/focal?planId=${plan.id}` },
          { route: 'GET /api/public/plans/{id}/progress', path: `/api/public/plans/${plan.id}/progress`, public: true },
        ];
        const results: Record<string, unknown> = {};
        for (const r of routes) {
          const probe = await fetch(`${product.url}${r.path}`, { headers: r.public ? {} : { cookie } });
          if (probe.status !== 200) throw new Error(`${r.route}: ${probe.status} ${await probe.text()}`);
          const theirs: Load[] = [];
          const bare: Load[] = [];
          for (let round = 0; round < ROUNDS; round++) {
            theirs.push(await drive(`${product.url}${r.path}`, r.public ? {} : { cookie }));
            await settle(300);
            if (r.anchor) {
              bare.push(await drive(`${anchor.url}${r.anchor}`));
              await settle(300);
            }
          }
          results[r.route] = fold(theirs, bare);
        }
        return {
          connections: CONNECTIONS,
          seconds: SECONDS,
          rounds: ROUNDS,
          routes: results,
        };
      } finally {
        await close(product.server);
        await close(anchor.server);
      }
    } finally {
      await q.end();
      await database.close();
      await drop();
    }
  },
};
