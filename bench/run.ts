// npm run bench [-- NAME …] [--backend=pglite|postgres]: runs the benchmarks on PGlite and, when DATABASE_URL is
// set, on PostgreSQL (or only on the backend named).
// Prints one JSON object per line. Benchmarks report figures; they never fail a test run.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Bench, Backend } from './harness.ts';
import { bench as idleMemory } from './idle-memory.ts';
import { cascade166, lintSeed, parseSeed, renderPlan } from './plans.ts';
import { rateLimitCost } from './rate-limit.ts';
import { lintLarge, planRead200k } from './findings.ts';
import { closeTrackingFixtures, compiledReportProvince, dashboardNational, dashboardProvince } from './tracking.ts';
import { import300kb, renderPlanPool } from './workers.ts';
import { backupDemo } from './backup.ts';
import { httpRead } from './http-read.ts';
import { memoryUnderLoad } from './memory-under-load.ts';
import { petitionIntake } from './petition-intake.ts';
import { catalogPublic } from './catalog-public.ts';
import { resourceQuality } from './resource-quality.ts';
import { aiRegister } from './ai-register.ts';

const ALL: Bench[] = [
  idleMemory,
  parseSeed,
  lintSeed,
  lintLarge,
  renderPlan,
  renderPlanPool,
  import300kb,
  cascade166,
  planRead200k,
  dashboardProvince,
  dashboardNational,
  compiledReportProvince,
  rateLimitCost,
  backupDemo,
  httpRead,
  memoryUnderLoad,
  petitionIntake,
  catalogPublic,
  resourceQuality,
  aiRegister,
];

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
const only = process.argv.find((a) => a.startsWith('--backend='))?.slice('--backend='.length);
if (only !== undefined && only !== 'pglite' && only !== 'postgres') {
  console.error(`--backend phải là pglite hoặc postgres, không phải "${only}".`);
  process.exit(2);
}
if (only === 'postgres' && !databaseUrl) {
  console.error('--backend=postgres cần biến môi trường DATABASE_URL.');
  process.exit(2);
}
const backends: Backend[] = (databaseUrl ? (['pglite', 'postgres'] as Backend[]) : (['pglite'] as Backend[])).filter(
  (b) => !only || b === only,
);

if (backends.length > 1) {
  // One process per backend: a server hosts one database, and the PGlite fixture's heap and WASM memory in the same
  // process would otherwise add garbage-collection pauses and resident memory to the PostgreSQL figures.
  for (const backend of backends) {
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2), `--backend=${backend}`],
      { stdio: 'inherit' },
    );
    if (child.status !== 0) process.exitCode = child.status ?? 1;
  }
} else {
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
}
