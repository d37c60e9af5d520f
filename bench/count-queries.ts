// How many SQL statements one request of each hot route sends (each is a round trip to the database), and the size
// of its answer: the count the bare anchor is compared at.
//   bash scripts/with-node.sh node bench/count-queries.ts   (PGlite in memory, or DATABASE_URL's server)
import { writeFileSync } from 'node:fs';
import pg from 'pg';
import { prepareDatabase } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/connect.ts';
import { createFreshDatabase } from '../src/db/fresh-database.ts';
import { createApp } from '../src/http/app.ts';

const dump = process.argv.find((a) => a.startsWith('--dump='))?.slice(7);
const stable = (body: string) =>
  JSON.stringify(JSON.parse(body), null, 1).replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<instant>');

// Counted where they leave for the database: BEGIN and COMMIT are round trips too.
const seen: string[] = [];
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  seen.push(String(typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string }).text).slice(0, 40));
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

const serverUrl = process.env.DATABASE_URL || null;
const fresh = serverUrl ? await createFreshDatabase(serverUrl, 'thihanh_count') : null;
const database = await openDatabase({ databaseUrl: fresh?.url ?? null });
try {
  await prepareDatabase(database.db, { demo: true, demoContent: true });
  const config = { ...loadConfig({}), demo: true, rateLimit: { publicPerMinute: 0, userPerMinute: 0 } };
  const app = createApp({ db: database.db, config, backend: database.backend });
  const login = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'skhcn.chuyenvien', password: 'ThiHanh@2026' }),
  });
  const cookie = /thihanh_session=[^;]*/.exec(login.headers.get('set-cookie') ?? '')![0];
  const plans = (await (await app.request('/api/plans?status=issued&limit=5', { headers: { cookie } })).json()) as {
    items: Array<{ id: number; parentPlanId: number | null }>;
  };
  const plan = plans.items.find((p) => p.parentPlanId === null)!;
  for (const [path, anonymous] of [
    [`/api/plans/${plan.id}`, false],
    ['/api/units/search?q=nam%20sam%20son', false],
    ['/api/assignments?limit=50', false],
    ['/api/plans?limit=50', false],
    [`/api/dashboard/focal?planId=${plan.id}`, false],
    [`/api/public/plans/${plan.id}/progress`, true],
  ] as const) {
    await app.request(path, { headers: anonymous ? {} : { cookie } });
    seen.length = 0;
    const res = await app.request(path, { headers: anonymous ? {} : { cookie } });
    const body = await res.text();
    console.log(JSON.stringify({ path, status: res.status, queries: seen.length, bytes: body.length }));
    // --dump=DIR: the answers, instants blanked, to compare two versions of the code on the same data.
    if (dump) writeFileSync(`${dump}/${path.replace(/[^a-z0-9]+/gi, '_')}.json`, stable(body));
  }
} finally {
  await database.close();
  await fresh?.drop();
}
