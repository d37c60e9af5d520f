// The public index of issued plans (GET /api/public/plans) on the real province plan: anonymous, paginated, found
// without accents, filtered by issuer; each plan's overall progress, its public progress page and the compiled
// report count a task's units done with one function, so they agree ("0/2" on one and "0/1" on the other was the bug).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from '../support/api.ts';
import {
  cascade,
  findAssignment,
  issuePlan,
  issueProvincePlan,
  ok,
  openWorld,
  recordProgress,
  regimeOfPlan,
  unitReport,
  type World,
} from '../support/factories.ts';
import { setReportingClock } from '../../src/modules/reporting/clock.ts';

const CAST = {
  skhcn: ['skhcn.cv', '38.SKHCN', ['officer']],
  leader: ['tinh.ld', '38', ['leader']],
  ward: ['nss.cv', '16516', ['officer']],
  wardLeader: ['nss.ld', '16516', ['leader']],
  economic: ['nss.ktht', '16516.PKTHTĐT', ['officer']],
} as const satisfies Parameters<typeof openWorld>[0];

let w: World<typeof CAST>;
let provincePlanId = 0;
let wardPlanId = 0;
let draftPlanId = 0;
let regimeId = 0;

before(async () => {
  w = await openWorld(CAST, ['38', '16516', '14797']);
  setReportingClock(w.d.db, '2026-05-04T09:00:00+07:00');
  provincePlanId = await issueProvincePlan(w.unitIds['38']!, { officer: w.as.skhcn, leader: w.as.leader });
  regimeId = await regimeOfPlan(w.as.skhcn, provincePlanId);
  const children = await cascade(w.as.skhcn, provincePlanId, [w.unitIds['16516']!, w.unitIds['14797']!]);
  wardPlanId = children.get(w.unitIds['16516']!)!;
  draftPlanId = children.get(w.unitIds['14797']!)!;
  setReportingClock(w.d.db, '2026-05-20T09:00:00+07:00');
  await issuePlan(wardPlanId, { officer: w.as.ward, leader: w.as.wardLeader, number: '15', date: '2026-05-20' });
  setReportingClock(w.d.db, '2026-11-21T09:00:00+07:00');
  const a = await findAssignment(w.as.ward, `planId=${wardPlanId}&year=2026`, '3.1', '16516.PKTHTĐT');
  await recordProgress(w.as.economic, a.id, {
    percent: 100,
    completed: true,
    occurredOn: '2026-11-18',
    narrative: 'Lồng ghép nội dung trí tuệ nhân tạo vào kế hoạch phát triển kinh tế - xã hội của phường',
  });
  await unitReport(regimeId, 'accepted', { officer: w.as.ward, leader: w.as.wardLeader, receiver: w.as.skhcn });
});
after(() => w.close());

const anon = () => new Client(w.app);
const ids = (r: { body: { items: Array<{ id: number }> } }) => r.body.items.map((i) => i.id);

describe('GET /api/public/plans', () => {
  test('lists the issued plans to anyone, newest first, with issuer, number and date; never a draft', async () => {
    const r = await anon().get('/api/public/plans');
    ok(r, 'public plans');
    assert.equal(r.body.total, 2);
    assert.deepEqual(ids(r), [wardPlanId, provincePlanId]);
    assert.ok(!ids(r).includes(draftPlanId), 'Hạc Thành’s cascaded draft is not public');
    const [ward, province] = r.body.items;
    assert.deepEqual(
      [province.issuer.name, province.number, province.symbol, province.issuedDate],
      ['UBND tỉnh Thanh Hóa', '129', 'KH-UBND', '2026-05-04'],
    );
    assert.deepEqual([ward.issuer.name, ward.number, ward.issuedDate], ['UBND phường Nam Sầm Sơn', '15', '2026-05-20']);
    assert.deepEqual(
      r.body.issuers.map((i: { name: string; plans: number }) => [i.name, i.plans]),
      [
        ['UBND phường Nam Sầm Sơn', 1],
        ['UBND tỉnh Thanh Hóa', 1],
      ],
    );
    const text = JSON.stringify(r.body);
    for (const secret of ['nss.cv', 'skhcn.cv', 'Lồng ghép', 'Nguyễn Hoài Anh'])
      assert.ok(!text.includes(secret), secret);
  });

  test('is found without accents, word by word, and filtered by issuer', async () => {
    const c = anon();
    assert.deepEqual(ids(await c.get('/api/public/plans?q=nam%20sam%20son')), [wardPlanId]);
    assert.deepEqual(ids(await c.get(`/api/public/plans?q=${encodeURIComponent('NAM SẦM SƠN')}`)), [wardPlanId]);
    assert.deepEqual(ids(await c.get('/api/public/plans?q=129%20thanh%20hoa')), [provincePlanId]);
    assert.deepEqual(ids(await c.get('/api/public/plans?q=tri%20tue%20nhan%20tao')), [wardPlanId, provincePlanId]);
    assert.deepEqual(ids(await c.get('/api/public/plans?q=dong%20son')), []);
    assert.deepEqual(ids(await c.get('/api/public/plans?q=100%25')), [], 'a % is a character, not a wildcard');
    assert.deepEqual(ids(await c.get(`/api/public/plans?unitId=${w.unitIds['38']}`)), [provincePlanId]);
    assert.deepEqual(ids(await c.get(`/api/public/plans?unitId=${w.unitIds['14797']}`)), []);
  });

  test('pages with limit and offset; refuses a page too large or an unknown parameter', async () => {
    const c = anon();
    const p2 = await c.get('/api/public/plans?limit=1&offset=1');
    ok(p2, 'page 2');
    assert.equal(p2.body.total, 2);
    assert.deepEqual(ids(p2), [provincePlanId]);
    assert.equal((await c.get('/api/public/plans?limit=51')).status, 400);
    assert.equal((await c.get('/api/public/plans?status=draft')).status, 400);
  });

  test('each plan’s progress is the sum of its public progress page; the compiled report counts the same', async () => {
    const list = await anon().get('/api/public/plans?year=2026');
    ok(list, 'list 2026');
    const pages = new Map<number, any>();
    for (const item of list.body.items) {
      const page = await anon().get(`/api/public/plans/${item.id}/progress?year=2026`);
      ok(page, 'progress page');
      pages.set(item.id, page.body);
      const sum = (k: 'units' | 'unitsDone') => page.body.tasks.reduce((n: number, t: any) => n + t[k], 0);
      assert.equal(item.progress.year, 2026);
      assert.deepEqual(
        [item.progress.tasks, item.progress.units, item.progress.unitsDone],
        [page.body.tasks.length, sum('units'), sum('unitsDone')],
      );
    }
    const ward = list.body.items.find((i: any) => i.id === wardPlanId);
    assert.ok(ward.progress.unitsDone >= 1, 'the economic office completed task 3.1');
    assert.ok(ward.progress.share > 0 && ward.progress.share < 100);

    const compiled = await w.as.skhcn.get(`/api/regimes/${regimeId}/periods/2026/compiled`);
    ok(compiled, 'compiled report');
    const page = pages.get(provincePlanId);
    assert.equal(compiled.body.tasks.length, page.tasks.length);
    for (const t of page.tasks) {
      const c = compiled.body.tasks.find((x: any) => x.number === t.number);
      assert.deepEqual([c.unitsDone, c.unitsTotal], [t.unitsDone, t.units], `task ${t.number}`);
    }
    // Task 1 is the Sở's and every commune/ward implementing the plan (here the ward and Hạc Thành's draft).
    assert.ok(page.tasks[0].units >= 2, `task 1 units: ${page.tasks[0].units}`);
  });
});
