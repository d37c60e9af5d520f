// Where a hot route's time goes inside the server (issue 8): the product app serves the demo data, autocannon drives
// one route from a child process, and the V8 CPU profiler records the server's process for exactly that load. The
// summary sums self time per function and per file (node_modules grouped by package), the top items first; the raw
// profile is written for Chrome DevTools.
//
//   bash scripts/with-node.sh node bench/profile-http.ts [plan|search|assignments|plans|focal|public] [--out=DIR]
//   (DATABASE_URL set: PostgreSQL, a fresh database dropped afterwards; unset: PGlite in memory)
//
// With --cpu, no profiler: the CPU time one request costs the server process, the PostgreSQL backends serving it and
// the load generator, for the route and for its bare anchor (bench/http-read.ts). On a shared machine req/s moves
// with the neighbours' load; CPU per request much less, and the ratio of req/s the bench measures is, when the
// machine is saturated, about the ratio of these sums.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { prepareDatabase } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/connect.ts';
import { createFreshDatabase } from '../src/db/fresh-database.ts';
import { createApp } from '../src/http/app.ts';
import { anchorApp, rawQuery } from './http-read.ts';

const SECONDS = Number(process.env.THIHANH_BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.THIHANH_BENCH_CONNECTIONS ?? 10);
const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

/** A file's short name: the package under node_modules, else the path from the repository. */
function fileOf(url: string): string {
  if (!url) return '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const repo = url.indexOf('/src/');
  return repo >= 0 ? url.slice(repo + 1) : url.replace(/^file:\/\//, '');
}

/** Self time per function and per file, in ms, and the share of the profile's whole time. */
export function summarise(profile: Profile, top = 25) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++)
    self.set(profile.samples[i]!, (self.get(profile.samples[i]!) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fns = new Map<string, number>();
  const files = new Map<string, number>();
  for (const [id, ms] of self) {
    const f = byId.get(id)!.callFrame;
    const file = fileOf(f.url);
    const fn = `${f.functionName || '(anonymous)'} ${file}${f.url ? `:${f.lineNumber + 1}` : ''}`;
    fns.set(fn, (fns.get(fn) ?? 0) + ms);
    files.set(file, (files.get(file) ?? 0) + ms);
  }
  const rank = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms: Math.round(ms), pct: Math.round((ms / total) * 1000) / 10 }));
  return { total_ms: Math.round(total), functions: rank(fns), files: rank(files) };
}

/** User + system CPU of a process in ms, from /proc (clock ticks of 10 ms). */
function procCpuMs(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return 0;
  }
}

/** The PostgreSQL backends serving a database (their process title names it). */
function backendsOf(database: string): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(` ${database} `);
      } catch {
        return false;
      }
    })
    .map(Number);
}

interface Drive {
  requests: number;
  non2xx: number;
  /** CPU of the load generator, ms. */
  loadCpuMs: number;
}

function drive(url: string, cookie: string | null): Promise<Drive> {
  const args = [AUTOCANNON, '-j', '-c', String(CONNECTIONS), '-d', String(SECONDS)];
  if (cookie) args.push('-H', `cookie=${cookie}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let loadCpuMs = 0;
    child.stdout.on('data', (d: Buffer) => {
      // Its report is written as it ends: the process's CPU is read while it still exists.
      loadCpuMs = procCpuMs(child.pid!);
      out += d.toString();
    });
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}`));
      const r = JSON.parse(out) as { requests: { total: number }; non2xx: number };
      resolve({ requests: r.requests.total, non2xx: r.non2xx, loadCpuMs });
    });
  });
}

async function main() {
  const which = process.argv.slice(2).find((a) => !a.startsWith('-')) ?? 'plan';
  const outDir = process.argv.find((a) => a.startsWith('--out='))?.slice(6) ?? '/tmp';
  const serverUrl = process.env.DATABASE_URL || null;
  const fresh = serverUrl ? await createFreshDatabase(serverUrl, 'thihanh_profile') : null;
  const database = await openDatabase({ databaseUrl: fresh?.url ?? null });
  const q = rawQuery(database, fresh?.url ?? null);
  try {
    await prepareDatabase(database.db, { demo: true, demoContent: true });
    const config = { ...loadConfig({}), demo: true, rateLimit: { publicPerMinute: 0, userPerMinute: 0 } };
    const app = createApp({ db: database.db, config, backend: database.backend });
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'skhcn.chuyenvien', password: 'ThiHanh@2026' }),
    });
    const cookie = /thihanh_session=[^;]*/.exec(login.headers.get('set-cookie') ?? '')![0];
    const plans = (await (await fetch(`${base}/api/plans?status=issued&limit=5`, { headers: { cookie } })).json()) as {
      items: Array<{ id: number; parentPlanId: number | null }>;
    };
    const plan = plans.items.find((p) => p.parentPlanId === null) ?? plans.items[0]!;
    const paths: Record<string, string> = {
      plan: `/api/plans/${plan.id}`,
      search: '/api/units/search?q=nam%20sam%20son',
      assignments: '/api/assignments?limit=50',
      plans: '/api/plans?limit=50',
      focal: `/api/dashboard/focal?planId=${plan.id}`,
      public: `/api/public/plans/${plan.id}/progress`,
    };
    const path = paths[which];
    if (!path) throw new Error(`unknown route ${which}: ${Object.keys(paths).join(', ')}`);
    const anonymous = which === 'public';
    if (process.argv.includes('--cpu')) {
      const anchorPaths: Record<string, string> = {
        plan: `/plan/${plan.id}`,
        search: `/unit/${((await q.query(`SELECT id FROM unit WHERE code = '16516'`, [])) as Array<{ id: number }>)[0]!.id}`,
        assignments: '/assignments',
        plans: '/plans',
      };
      const anchor = serve({ fetch: anchorApp(q).fetch, hostname: '127.0.0.1', port: 0 });
      await new Promise((r) => anchor.once('listening', r));
      const anchorBase = `http://127.0.0.1:${(anchor.address() as AddressInfo).port}`;
      const measure = async (url: string, withCookie: boolean) => {
        await drive(url, withCookie ? cookie : null);
        // Per backend alive at the end: its CPU then less its CPU at the start (0 for one connected meanwhile).
        const pgBefore = new Map((fresh ? backendsOf(fresh.name) : []).map((pid) => [pid, procCpuMs(pid)]));
        const before = process.cpuUsage();
        const load = await drive(url, withCookie ? cookie : null);
        const used = process.cpuUsage(before);
        const pgMs = (fresh ? backendsOf(fresh.name) : []).reduce(
          (a, pid) => a + procCpuMs(pid) - (pgBefore.get(pid) ?? 0),
          0,
        );
        const per = (ms: number) => Math.round((ms / load.requests) * 1000) / 1000;
        return {
          req_per_s: Math.round(load.requests / SECONDS),
          non2xx: load.non2xx,
          server_cpu_ms: per((used.user + used.system) / 1000),
          db_cpu_ms: per(pgMs),
          load_cpu_ms: per(load.loadCpuMs),
        };
      };
      const theirs = await measure(`${base}${path}`, !anonymous);
      const bare = anchorPaths[which] ? await measure(`${anchorBase}${anchorPaths[which]}`, false) : null;
      const sum = (m: typeof theirs) => m.server_cpu_ms + m.db_cpu_ms + m.load_cpu_ms;
      console.log(
        JSON.stringify({
          route: path,
          backend: database.backend,
          product: theirs,
          anchor: bare,
          cpu_ratio: bare ? Math.round((sum(bare) / sum(theirs)) * 1000) / 1000 : null,
        }),
      );
      // Requests autocannon left in flight when it stopped finish before the database closes.
      await new Promise((r) => setTimeout(r, 1_000));
      await new Promise((r) => anchor.close(r));
      await new Promise((r) => server.close(r));
      return;
    }
    // Warm up (JIT, caches), then profile exactly the measured load.
    await drive(`${base}${path}`, anonymous ? null : cookie);
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    const load = await drive(`${base}${path}`, anonymous ? null : cookie);
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
    session.disconnect();
    const file = `${outDir}/thihanh-${which}-${database.backend}.cpuprofile`;
    writeFileSync(file, JSON.stringify(profile));
    const summary = summarise(profile);
    console.log(
      JSON.stringify(
        {
          route: path,
          backend: database.backend,
          req_per_s: Math.round(load.requests / SECONDS),
          non2xx: load.non2xx,
          cpu_ms_per_request: Math.round(((summary.total_ms - idleOf(summary)) / load.requests) * 100) / 100,
          profile: file,
          ...summary,
        },
        null,
        1,
      ),
    );
    await new Promise((r) => setTimeout(r, 1_000));
    await new Promise((r) => server.close(r));
  } finally {
    await q.end();
    await database.close();
    await fresh?.drop();
  }
}

/** Time the profiler counted as idle or in garbage collection's bookkeeping outside JavaScript. */
function idleOf(s: ReturnType<typeof summarise>): number {
  return s.functions.filter((f) => f.name.startsWith('(idle)')).reduce((a, f) => a + f.ms, 0);
}

await main();
