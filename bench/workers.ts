// What the worker pool costs and buys: rendering the province plan through the pool against rendering it inline
// (the round trip of the draft and the document), and importing 300 KB of text in the pool while measuring the
// longest block of the main thread.
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { importPlan } from '../src/documents/parse/index.ts';
import { renderPlanDocx } from '../src/documents/render/plan-docx.ts';
import { referenceDirectory } from '../src/modules/org/reference-data.ts';
import { shareEntries } from '../src/workers/directory.ts';
import { closeWorkers, runInWorker } from '../src/workers/pool.ts';
import { largePlanText } from '../test/fixtures/large-plan.ts';
import { rssMb, timeIt, type Bench } from './harness.ts';

const PROVINCE = readFileSync(
  new URL('../test/fixtures/plans/ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt', import.meta.url),
);
const OPTIONS = { issuerParentName: null, issuerName: 'ỦY BAN NHÂN DÂN TỈNH THANH HÓA', placeName: 'Thanh Hóa' };
const round = (x: number) => Math.round(x * 10) / 10;

export const renderPlanPool: Bench = {
  name: 'render-plan-docx-pool',
  description: 'Render the province plan DOCX in the worker pool (compare render-plan-docx, inline)',
  backends: ['pglite'],
  async run() {
    const { directory } = referenceDirectory();
    const plan = await importPlan({ filename: 'p.txt', content: PROVINCE }, directory);
    try {
      const started = performance.now();
      await runInWorker('renderPlanDocx', { draft: plan, options: OPTIONS }, { subject: 'bench' });
      const coldMs = performance.now() - started;
      const pool = await timeIt(30, () =>
        runInWorker('renderPlanDocx', { draft: plan, options: OPTIONS }, { subject: 'bench' }),
      );
      const inline = await timeIt(30, () => renderPlanDocx(plan, OPTIONS));
      return {
        ...pool,
        inline_p50_ms: inline.p50_ms,
        inline_p95_ms: inline.p95_ms,
        first_call_ms: round(coldMs),
        rss_mb: rssMb(),
      };
    } finally {
      await closeWorkers();
    }
  },
};

export const import300kb: Bench = {
  name: 'import-300kb-pool',
  description: 'Import 300 KB of plan text in the pool; longest main-thread block meanwhile',
  backends: ['pglite'],
  async run() {
    const { entries } = referenceDirectory();
    const directory = shareEntries(entries);
    const text = Buffer.from(largePlanText(300 * 1024));
    const delay = monitorEventLoopDelay({ resolution: 5 });
    let tasks = 0;
    try {
      delay.enable();
      const t = await timeIt(
        5,
        async () => {
          tasks = (
            await runInWorker('importPlan', { filename: 'kh.txt', content: text, directory }, { subject: 'bench' })
          ).draft.tasks.length;
        },
        1,
      );
      delay.disable();
      return { ...t, tasks, main_thread_max_block_ms: round(delay.max / 1e6), rss_mb: rssMb() };
    } finally {
      await closeWorkers();
    }
  },
};
