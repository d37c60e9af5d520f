// The worker pool on its own: tasks answer what they would inline, a task over its time limit becomes a Vietnamese
// 422 and the pool goes on with a new worker, the register crosses once per version.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import { AppError } from '../../src/domain/errors.ts';
import { importPlan } from '../../src/documents/parse/index.ts';
import { lintPlan } from '../../src/domain/plan/lint.ts';
import { checkPlan, LINT_IN_WORKER_CHARS } from '../../src/workers/checks.ts';
import { shareEntries } from '../../src/workers/directory.ts';
import { asBuffer, closeWorkers, MAX_QUEUED_TASKS, runInWorker, workerCount } from '../../src/workers/pool.ts';
import { largePlanText } from '../fixtures/large-plan.ts';
import { referenceDirectory, referenceEntries } from '../fixtures/plans/reference-directory.ts';

const SEED = readFileSync(
  new URL('../fixtures/plans/ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt', import.meta.url),
);

after(() => closeWorkers());

describe('worker pool', () => {
  test('an import in the pool gives the draft and findings of an import inline', async () => {
    const entries = referenceEntries();
    const share = shareEntries(entries);
    assert.equal(shareEntries(entries), share, 'one shared copy per version of the register');
    const { draft, sourceText } = await runInWorker(
      'importPlan',
      { filename: 'kh.txt', content: new Uint8Array(SEED), directory: share },
      { subject: 'Tệp "kh.txt"' },
    );
    const inline = await importPlan({ filename: 'kh.txt', content: SEED }, referenceDirectory());
    const findings = [
      ...inline.findings,
      ...lintPlan(inline, {
        directory: referenceDirectory(),
        issuerCode: inline.document.issuer?.unitCode ?? undefined,
      }),
    ];
    assert.deepEqual(draft, { ...inline, findings });
    assert.equal(sourceText, SEED.toString('utf8'));
  });

  test('rendering in the pool gives a DOCX', async () => {
    const draft = await importPlan({ filename: 'kh.txt', content: SEED }, referenceDirectory());
    const bytes = asBuffer(
      await runInWorker(
        'renderPlanDocx',
        {
          draft,
          options: { issuerParentName: null, issuerName: 'ỦY BAN NHÂN DÂN TỈNH THANH HÓA', placeName: 'Thanh Hóa' },
        },
        { subject: 'Văn bản' },
      ),
    );
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
    assert.ok(bytes.length > 5_000);
  });

  test('a task over its time limit is a Vietnamese 422; the next task gets a new worker', async () => {
    const content = new Uint8Array(Buffer.from(largePlanText(300 * 1024)));
    const directory = shareEntries(referenceEntries());
    await assert.rejects(
      runInWorker(
        'importPlan',
        { filename: 'dai.txt', content, directory },
        { subject: 'Tệp "dai.txt"', timeLimitMs: 1 },
      ),
      (err: unknown) => {
        assert.ok(err instanceof AppError);
        assert.equal(err.status, 422);
        assert.equal(err.code, 'worker.timeout');
        assert.match(err.message, /^Tệp "dai\.txt" bị từ chối: không xử lý xong trong 1 giây cho phép/);
        return true;
      },
    );
    const { draft } = await runInWorker(
      'importPlan',
      { filename: 'dai.txt', content, directory },
      { subject: 'Tệp "dai.txt"' },
    );
    assert.ok(draft.tasks.length > 400);
    assert.ok(workerCount() >= 1);
  });

  test('checks run inline for ordinary drafts and in the pool for large ones, with the same findings', async () => {
    await closeWorkers();
    const directory = referenceDirectory();
    const small = await importPlan({ filename: 'kh.txt', content: SEED }, directory);
    assert.ok(JSON.stringify(small).length < LINT_IN_WORKER_CHARS);
    assert.deepEqual(
      await checkPlan(small, { directory, issuerCode: '38' }),
      lintPlan(small, { directory, issuerCode: '38' }),
    );
    assert.equal(workerCount(), 0, 'an ordinary draft is checked inline');
    const large = await importPlan({ filename: 'dai.txt', content: largePlanText(100 * 1024) }, directory);
    assert.ok(JSON.stringify(large).length > LINT_IN_WORKER_CHARS);
    assert.deepEqual(
      await checkPlan(large, { directory, issuerCode: '38' }),
      lintPlan(large, { directory, issuerCode: '38' }),
    );
    assert.equal(workerCount(), 1, 'a large draft is checked in a worker');
  });

  test('beyond the queue, tasks are turned away with a 503 while the queued ones complete', async () => {
    const draft = await importPlan({ filename: 'kh.txt', content: SEED }, referenceDirectory());
    const options = { issuerParentName: null, issuerName: 'ỦY BAN NHÂN DÂN TỈNH THANH HÓA', placeName: 'Thanh Hóa' };
    // Started together: the workers are still starting, so every task waits in the queue.
    const runs = Array.from({ length: MAX_QUEUED_TASKS + 20 }, () =>
      runInWorker('renderPlanDocx', { draft, options }, { subject: 'Văn bản' }).then(
        () => 'done',
        (e: unknown) => e,
      ),
    );
    const outcomes = await Promise.all(runs);
    const busy = outcomes.filter((o) => o instanceof AppError && o.status === 503 && o.code === 'worker.busy');
    const done = outcomes.filter((o) => o === 'done').length;
    // The tasks running (one per worker) are not counted in the queue: those and the queued ones complete, the rest are turned away.
    assert.ok(done >= MAX_QUEUED_TASKS && busy.length >= 1, `${done} done, ${busy.length} turned away`);
    assert.equal(done + busy.length, outcomes.length);
    assert.match((busy[0] as AppError).message, /^Hệ thống đang bận/);
  });
});
