// Review findings at scale: the checks on long texts (pure), and reading a saved draft with 200 KB of task content
// through the HTTP API (the findings are stored with the plan, so the read does not run the checks).
import { readFileSync } from 'node:fs';
import { openDatabase, type Database } from '../src/db/connect.ts';
import { prepareDatabase } from '../src/bootstrap.ts';
import { importPlan } from '../src/documents/parse/index.ts';
import { lintPlan } from '../src/domain/plan/lint.ts';
import type { PlanDraft } from '../src/domain/plan/model.ts';
import { createApp } from '../src/http/app.ts';
import { loadConfig } from '../src/config.ts';
import { referenceDirectory } from '../src/modules/org/reference-data.ts';
import { getUnitByCode } from '../src/modules/org/store.ts';
import { hashPassword } from '../src/modules/auth/passwords.ts';
import { rssMb, timeIt, type Bench, type BenchContext } from './harness.ts';
import { withFreshPostgresDatabase } from './databases.ts';

const SEED_DIR = new URL('../test/fixtures/plans/', import.meta.url);
const PROVINCE = readFileSync(new URL('ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt', SEED_DIR));
const WARD = readFileSync(new URL('ke-hoach-phuong-nam-sam-son-thi-hanh-luat-tri-tue-nhan-tao.md', SEED_DIR));

/** The ward seed's own wording repeated to `size` characters: ordinary text, with its real slips. */
function seedWording(ward: PlanDraft, size: number): string {
  const text = [
    ...ward.sections.flatMap((s) => s.blocks.map((b) => b.text)),
    ...ward.tasks.map((t) => `${t.title}. ${t.content ?? ''}`),
  ].join(' ');
  return `${text} `.repeat(Math.ceil(size / (text.length + 1))).slice(0, size);
}

/** Words that are near misses of standard phrases, densely: every few words is a finding candidate. */
function nearMisses(size: number): string {
  return 'của của Ủy ban nhân phường về qua khó khăn vướng mắt kinh tế xã '.repeat(Math.ceil(size / 64)).slice(0, size);
}

function withContent(draft: PlanDraft, content: string): PlanDraft {
  return { ...draft, tasks: draft.tasks.map((t, i) => (i === 0 ? { ...t, content } : t)) };
}

export const lintLarge: Bench = {
  name: 'lint-large',
  description: 'Check the ward seed with 300 KB and 1 MB of task content (its own wording, and dense near misses)',
  backends: ['pglite'],
  async run() {
    const { directory } = referenceDirectory();
    const parent = await importPlan({ filename: 'p.txt', content: PROVINCE }, directory);
    const ward = await importPlan({ filename: 'w.md', content: WARD }, directory);
    const ctx = { directory, parent, issuerCode: '16516' };
    const out: Record<string, unknown> = {};
    for (const [label, size] of [
      ['300k', 300 * 1024],
      ['1m', 1024 * 1024],
    ] as const) {
      const plain = withContent(ward, seedWording(ward, size));
      const dense = withContent(ward, nearMisses(size));
      out[`seed_${label}_ms`] = (await timeIt(3, () => lintPlan(plain, ctx), 1)).p50_ms;
      out[`nearmiss_${label}_ms`] = (await timeIt(3, () => lintPlan(dense, ctx), 1)).p50_ms;
    }
    return { n: 3, ...out, rss_mb: rssMb() };
  },
};

async function readLargeDraft(database: Database) {
  await prepareDatabase(database.db, { demo: false });
  const skhcn = (await getUnitByCode(database.db, '38.SKHCN'))!;
  const province = (await getUnitByCode(database.db, '38'))!;
  await database.db
    .insertInto('app_user')
    .values({
      username: 'bench.reader',
      full_name: 'Bench',
      unit_id: skhcn.id,
      roles: ['officer'],
      password_hash: await hashPassword('Bench#2026-mat-khau'),
    })
    .execute();
  const app = createApp({ db: database.db, config: { ...loadConfig({}), trustProxy: 1 }, backend: database.backend });
  const login = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.9.9.9' },
    body: JSON.stringify({ username: 'bench.reader', password: 'Bench#2026-mat-khau' }),
  });
  const cookie = /thihanh_session=[^;]*/.exec(login.headers.get('set-cookie') ?? '')![0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = {
    cookie,
    'x-csrf-token': csrfToken,
    'content-type': 'application/json',
    'x-forwarded-for': '10.9.9.9',
  };
  const { directory } = referenceDirectory();
  const draft = await importPlan({ filename: 'p.txt', content: PROVINCE }, directory);
  const ward = await importPlan({ filename: 'w.md', content: WARD }, directory);
  const big = withContent(draft, seedWording(ward, 100 * 1024) + nearMisses(100 * 1024));
  const t = performance.now();
  const saved = await app.request('/api/plans', {
    method: 'POST',
    headers,
    body: JSON.stringify({ unitId: province.id, draft: big }),
  });
  const saveMs = performance.now() - t;
  const { id } = (await saved.json()) as { id: number };
  const read = await timeIt(
    10,
    async () => {
      const r = await app.request(`/api/plans/${id}`, { headers });
      if (r.status !== 200) throw new Error(`GET /api/plans/${id}: ${r.status}`);
      await r.arrayBuffer();
    },
    1,
  );
  return { ...read, save_ms: Math.round(saveMs) };
}

export const planRead200k: Bench = {
  name: 'plan-read-200k',
  description: 'GET /api/plans/{id} of a saved draft with 200 KB of task content',
  backends: ['pglite', 'postgres'],
  async run(ctx: BenchContext) {
    const result =
      ctx.backend === 'postgres'
        ? await withFreshPostgresDatabase(ctx.databaseUrl!, async (url) => {
            const database = await openDatabase({ databaseUrl: url });
            try {
              return await readLargeDraft(database);
            } finally {
              await database.close();
            }
          })
        : await (async () => {
            const database = await openDatabase({});
            try {
              return await readLargeDraft(database);
            } finally {
              await database.close();
            }
          })();
    return { ...result, rss_mb: rssMb(), target_ms: 500 };
  },
};
