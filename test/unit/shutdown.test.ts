// What a stopping server releases besides its own parts (src/shutdown.ts): every registered hook runs once, a failing
// one is named without keeping the others from running, and the worker pool registers itself when it starts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { onShutdown, runShutdownHooks } from '../../src/shutdown.ts';
import { shareEntries } from '../../src/workers/directory.ts';
import { runInWorker, workerCount } from '../../src/workers/pool.ts';
import { referenceEntries } from '../fixtures/plans/reference-directory.ts';

test('every hook runs once; a failing hook is named and the others still run; registering a name again replaces it', async () => {
  const ran: string[] = [];
  onShutdown('test: replaced', () => {
    ran.push('old');
  });
  onShutdown('test: replaced', () => {
    ran.push('new');
  });
  onShutdown('test: failing', async () => {
    throw new Error('no');
  });
  const unregister = onShutdown('test: unregistered', () => {
    ran.push('unregistered');
  });
  unregister();
  onShutdown('test: slow', async () => {
    await new Promise((r) => setTimeout(r, 20));
    ran.push('slow');
  });
  const failed = await runShutdownHooks();
  assert.deepEqual(
    failed.filter((n) => n.startsWith('test: ')),
    ['test: failing'],
  );
  assert.deepEqual(ran.sort(), ['new', 'slow']);
  assert.deepEqual(await runShutdownHooks(), [], 'hooks run once');
  assert.deepEqual(ran.sort(), ['new', 'slow']);
});

test('the worker pool is ended by the shutdown hooks, and a later task starts a new one', async () => {
  const seed = readFileSync(
    new URL('../fixtures/plans/ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt', import.meta.url),
  );
  const task = () =>
    runInWorker(
      'importPlan',
      { filename: 'kh.txt', content: new Uint8Array(seed), directory: shareEntries(referenceEntries()) },
      { subject: 'Tệp "kh.txt"' },
    );
  await task();
  assert.ok(workerCount() >= 1);
  assert.deepEqual(await runShutdownHooks(), []);
  assert.equal(workerCount(), 0);
  await task();
  assert.ok(workerCount() >= 1, 'the pool comes back on the next task');
  await runShutdownHooks();
  assert.equal(workerCount(), 0);
});
