// npm run bench [-- NAME …]: runs the benchmarks on PGlite and, when DATABASE_URL is set, on PostgreSQL.
// Prints one JSON object per line. Benchmarks report figures; they never fail a test run.
import type { Bench, Backend } from './harness.ts';
import { bench as idleMemory } from './idle-memory.ts';
import { cascade166, lintSeed, parseSeed, renderPlan } from './plans.ts';
import { closeTrackingFixtures, compiledReportProvince, dashboardNational, dashboardProvince } from './tracking.ts';

const ALL: Bench[] = [idleMemory, parseSeed, lintSeed, renderPlan, cascade166, dashboardProvince, dashboardNational, compiledReportProvince];

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
if (process.argv.includes('--list')) {
  for (const b of ALL) console.log(`${b.name.padEnd(28)} ${b.description}`);
  process.exit(0);
}
const unknown = wanted.filter((w) => !ALL.some((b) => b.name === w));
if (unknown.length) {
  console.error(`Không có benchmark: ${unknown.join(', ')}. Danh sách: npm run bench -- --list`);
  process.exit(2);
}
const selected = wanted.length ? ALL.filter((b) => wanted.includes(b.name)) : ALL;
const databaseUrl = process.env.DATABASE_URL || null;
const backends: Backend[] = databaseUrl ? ['pglite', 'postgres'] : ['pglite'];

for (const b of selected) {
  for (const backend of backends.filter((x) => b.backends.includes(x))) {
    try {
      const figures = await b.run({ backend, databaseUrl });
      console.log(JSON.stringify({ bench: b.name, backend, ...figures }));
    } catch (err) {
      console.log(JSON.stringify({ bench: b.name, backend, error: (err as Error).message }));
    }
  }
}
await closeTrackingFixtures();
