// Plan benchmarks: parsing and checking the seeds (pure), cascading to all 166 communes (database), rendering DOCX.
import { readFileSync } from 'node:fs';
import { openDatabase, type Database } from '../src/db/connect.ts';
import { prepareDatabase } from '../src/bootstrap.ts';
import { importPlan } from '../src/documents/parse/index.ts';
import { lintPlan } from '../src/domain/plan/lint.ts';
import { renderPlanDocx } from '../src/documents/render/plan-docx.ts';
import { referenceDirectory } from '../src/modules/org/reference-data.ts';
import { getUnitByCode } from '../src/modules/org/store.ts';
import * as plans from '../src/modules/plans/service.ts';
import { hashPassword } from '../src/modules/auth/passwords.ts';
import { actorFor } from '../src/modules/auth/service.ts';
import { rssMb, timeIt, type Bench, type BenchContext } from './harness.ts';
import { withFreshPostgresDatabase } from './databases.ts';

const SEED_DIR = new URL('../test/fixtures/plans/', import.meta.url);
const PROVINCE = readFileSync(new URL('ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt', SEED_DIR));
const WARD = readFileSync(new URL('ke-hoach-phuong-nam-sam-son-thi-hanh-luat-tri-tue-nhan-tao.md', SEED_DIR));

export const parseSeed: Bench = {
  name: 'parse-seed',
  description: 'Import both seed plans (text → structured plan)',
  backends: ['pglite'],
  async run() {
    const { directory } = referenceDirectory();
    const t = await timeIt(50, async (i) =>
      importPlan(i % 2 ? { filename: 'w.md', content: WARD } : { filename: 'p.txt', content: PROVINCE }, directory),
    );
    return { ...t, rss_mb: rssMb() };
  },
};

export const lintSeed: Bench = {
  name: 'lint-seed',
  description: 'Check the ward seed against the province seed (06 rõ, names, phrases, parent)',
  backends: ['pglite'],
  async run() {
    const { directory } = referenceDirectory();
    const parent = await importPlan({ filename: 'p.txt', content: PROVINCE }, directory);
    const ward = await importPlan({ filename: 'w.md', content: WARD }, directory);
    const t = await timeIt(50, () => lintPlan(ward, { directory, parent, issuerCode: '16516' }));
    return { ...t, rss_mb: rssMb(), findings: lintPlan(ward, { directory, parent, issuerCode: '16516' }).length };
  },
};

export const renderPlan: Bench = {
  name: 'render-plan-docx',
  description: 'Render the province plan as a Nghị định 30/2020 DOCX',
  backends: ['pglite'],
  async run() {
    const { directory } = referenceDirectory();
    const plan = await importPlan({ filename: 'p.txt', content: PROVINCE }, directory);
    let bytes = 0;
    const t = await timeIt(30, async () => {
      bytes = (
        await renderPlanDocx(plan, {
          issuerParentName: null,
          issuerName: 'ỦY BAN NHÂN DÂN TỈNH THANH HÓA',
          placeName: 'Thanh Hóa',
        })
      ).length;
    });
    return { ...t, rss_mb: rssMb(), bytes };
  },
};

/** An issued province plan in a fresh database, ready to cascade. */
async function issuedProvincePlan(database: Database) {
  await prepareDatabase(database.db, { demo: false });
  const skhcn = (await getUnitByCode(database.db, '38.SKHCN'))!;
  const province = (await getUnitByCode(database.db, '38'))!;
  const hash = await hashPassword('Bench#2026-mat-khau');
  const officer = await database.db
    .insertInto('app_user')
    .values({
      username: 'bench.officer',
      full_name: 'Bench',
      unit_id: skhcn.id,
      roles: ['officer'],
      password_hash: hash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const leader = await database.db
    .insertInto('app_user')
    .values({
      username: 'bench.leader',
      full_name: 'Bench',
      unit_id: province.id,
      roles: ['leader'],
      password_hash: hash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ctxOf = async (id: number) => ({ db: database.db, actor: await actorFor(database.db, id), ip: 'bench' });
  const officerCtx = await ctxOf(officer.id);
  const leaderCtx = await ctxOf(leader.id);
  const { draft } = await plans.importForReview(officerCtx, { filename: 'p.txt', content: PROVINCE });
  const { id } = await plans.createPlan(officerCtx, { unitId: province.id, draft });
  await plans.transition(officerCtx, id, 'submit', {});
  await plans.transition(leaderCtx, id, 'approve', {});
  await plans.transition(leaderCtx, id, 'issue', { number: '129', date: '2026-05-04' });
  return { id, officerCtx };
}

export const cascade166: Bench = {
  name: 'cascade-166',
  description: 'Cascade the issued province plan to all 166 communes/wards in one action',
  backends: ['pglite', 'postgres'],
  async run(ctx: BenchContext) {
    // Fresh database per run: audit rows reference the bench users, so a run cannot reuse the previous one's.
    const one = async (database: Database) => {
      const { id, officerCtx } = await issuedProvincePlan(database);
      const t = performance.now();
      const r = await plans.cascade(officerCtx, id, { all: true });
      return { ms: performance.now() - t, created: r.created.length };
    };
    const results: Array<{ ms: number; created: number }> = [];
    for (let i = 0; i < 3; i++) {
      if (ctx.backend === 'postgres') {
        results.push(
          await withFreshPostgresDatabase(ctx.databaseUrl!, async (url) => {
            const database = await openDatabase({ databaseUrl: url });
            try {
              return await one(database);
            } finally {
              await database.close();
            }
          }),
        );
      } else {
        const database = await openDatabase({});
        try {
          results.push(await one(database));
        } finally {
          await database.close();
        }
      }
    }
    const ms = results.map((r) => r.ms).sort((a, b) => a - b);
    return {
      n: ms.length,
      p50_ms: Math.round(ms[1]!),
      p95_ms: Math.round(ms[2]!),
      max_ms: Math.round(ms[2]!),
      rss_mb: rssMb(),
      plans_created: results[0]!.created,
      target_ms: ctx.backend === 'postgres' ? 3000 : 5000,
    };
  },
};
