// Tracking benchmarks on national-scale data (bench/national-data.ts), through the real HTTP application:
// the province focal dashboard (166 communes), the national dashboard (about 3,500 communes), the province's
// compiled report as DOCX.
import { sql } from 'kysely';
import { openDatabase, type Database } from '../src/db/connect.ts';
import { createFreshDatabase } from '../src/db/fresh-database.ts';
import { prepareDatabase } from '../src/bootstrap.ts';
import { ensureRegimeForPlan } from '../src/modules/reporting/index.ts';
import { Client, makeUser, testApp } from '../test/support/api.ts';
import { generateNational, NATIONAL } from './national-data.ts';
import { rssMb, timeIt, type Bench, type BenchContext } from './harness.ts';

interface Fixture {
  database: Database;
  /** PostgreSQL only: the fixture database, for profiling. */
  url: string | null;
  focal: Client;
  central: Client;
  provincePlanId: number;
  provinceRegimeId: number;
  counts: Record<string, number>;
  setupMs: number;
}

const fixtures = new Map<string, Promise<Fixture>>();

async function build(ctx: BenchContext): Promise<Fixture> {
  const started = performance.now();
  let database: Database;
  let url: string | null = null;
  if (ctx.backend === 'postgres') {
    const fresh = await createFreshDatabase(ctx.databaseUrl!, 'thihanh_bench');
    url = fresh.url;
    database = await openDatabase({ databaseUrl: fresh.url });
    const close = database.close;
    database = {
      ...database,
      close: async () => {
        await close();
        await fresh.drop();
      },
    };
  } else {
    database = await openDatabase({});
  }
  const db = database.db;
  await prepareDatabase(db, { demo: false });
  const counts = await generateNational(db);
  // A yearly regime for every province plan (as issuing creates), then three years of reports from the communes:
  // most accepted, some late, about one in five missing.
  const provincePlans = await db.selectFrom('plan').select('id').where('parent_plan_id', 'is', null).execute();
  await db.transaction().execute(async (tx) => {
    for (const p of provincePlans) await ensureRegimeForPlan(tx, p.id);
  });
  for (const year of NATIONAL.years) {
    await sql`INSERT INTO unit_report (regime_id, period_key, unit_id, to_unit_id, status, due_date, content, submitted_at, late)
      SELECT g.id, ${String(year)}, c.id, g.owner_unit_id,
        CASE WHEN (c.id + ${year}::int) % 10 = 0 THEN 'submitted' ELSE 'accepted' END, make_date(${year}::int, 12, 14),
        jsonb_build_object('window', jsonb_build_object('from', make_date(${year}::int - 1, 12, 15), 'to', make_date(${year}::int, 12, 14)),
          'tasks', '[]'::jsonb, 'obstacles', '[]'::jsonb,
          'narrative', jsonb_build_object('leadership', '', 'results', 'Đã hoàn thành các nhiệm vụ năm ' || ${year}::int, 'assessment', '', 'obstacles', '', 'proposals', '', 'nextSteps', '')),
        make_timestamptz(${year}::int, 12, 1 + ((c.id % 20))::int, 9, 0, 0, 'Asia/Ho_Chi_Minh'), (c.id % 20) >= 14
      FROM reporting_regime g JOIN plan p ON p.id = g.plan_id JOIN unit c ON c.parent_id = p.unit_id AND c.kind IN ('commune', 'ward')
      WHERE (c.id + ${year}::int) % 5 <> 0`.execute(db);
  }
  await sql`ANALYZE`.execute(db);
  const app = testApp(db, ctx.backend);
  await makeUser(db, 'bench.focal', '38.SKHCN', ['officer']);
  await makeUser(db, 'bench.central', 'TW', ['viewer']);
  const thanhHoa = await db
    .selectFrom('plan as p')
    .innerJoin('unit as u', 'u.id', 'p.unit_id')
    .select('p.id')
    .where('u.code', '=', '38')
    .where('p.parent_plan_id', 'is', null)
    .executeTakeFirstOrThrow();
  const regime = await db
    .selectFrom('reporting_regime')
    .select('id')
    .where('plan_id', '=', thanhHoa.id)
    .executeTakeFirstOrThrow();
  return {
    database,
    url,
    counts,
    provincePlanId: thanhHoa.id,
    provinceRegimeId: regime.id,
    focal: await new Client(app).login('bench.focal'),
    central: await new Client(app).login('bench.central'),
    setupMs: Math.round(performance.now() - started),
  };
}

export function fixture(ctx: BenchContext): Promise<Fixture> {
  let f = fixtures.get(ctx.backend);
  if (!f) {
    f = build(ctx);
    fixtures.set(ctx.backend, f);
  }
  return f;
}

/** Closes the fixtures (drops the PostgreSQL database) once all benchmarks ran. */
export async function closeTrackingFixtures(): Promise<void> {
  for (const f of fixtures.values()) await (await f).database.close();
  fixtures.clear();
}

async function ok(r: Promise<{ status: number; body: unknown }>) {
  const a = await r;
  if (a.status !== 200) throw new Error(`HTTP ${a.status}: ${JSON.stringify(a.body).slice(0, 200)}`);
  return a;
}

export const dashboardProvince: Bench = {
  name: 'dashboard-province',
  description: 'GET /api/dashboard/focal for Thanh Hóa (166 communes) on national data',
  backends: ['pglite', 'postgres'],
  async run(ctx) {
    const f = await fixture(ctx);
    const t = await timeIt(30, () => ok(f.focal.get(`/api/dashboard/focal?planId=${f.provincePlanId}&year=2026`)), 3);
    return {
      ...t,
      rss_mb: rssMb(),
      target_p95_ms: ctx.backend === 'postgres' ? 50 : null,
      setup_ms: f.setupMs,
      data: f.counts,
    };
  },
};

export const dashboardNational: Bench = {
  name: 'dashboard-national',
  description: 'GET /api/dashboard/national (34 provinces, ~3,500 communes)',
  backends: ['pglite', 'postgres'],
  async run(ctx) {
    const f = await fixture(ctx);
    const t = await timeIt(20, () => ok(f.central.get('/api/dashboard/national?year=2026')), 2);
    return { ...t, rss_mb: rssMb(), target_p95_ms: ctx.backend === 'postgres' ? 300 : null };
  },
};

export const compiledReportProvince: Bench = {
  name: 'compiled-report-province',
  description: "The province's compiled report for 2026 as DOCX (every agency and commune of the province submits)",
  backends: ['pglite', 'postgres'],
  async run(ctx) {
    const f = await fixture(ctx);
    let bytes = 0;
    const t = await timeIt(
      5,
      async () => {
        const r = await f.focal.request('GET', `/api/regimes/${f.provinceRegimeId}/periods/2026/compiled.docx`);
        if (r.status !== 200) throw new Error(`HTTP ${r.status}`);
        bytes = (r.body as ArrayBuffer).byteLength;
      },
      1,
    );
    return { ...t, rss_mb: rssMb(), bytes, target_ms: ctx.backend === 'postgres' ? 2000 : null };
  },
};
