// The reads people wait on cost as few round trips to the database as the bare anchor of `npm run bench -- http-read`
// allows (issue 8): a plan's page and a unit search are the session's lookup and one statement, on the province plan
// cascaded to all 166 communes and wards. Those statements are compiled once and prepared per connection: read again
// and again, in turns, each plan still answers with its own rows. A unit's sort key is stored by the database when its
// name is written: a renamed commune moves to its new place on the plan page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { cascade, issueProvincePlan, ok, openWorld, type World } from '../support/factories.ts';
import type { Client } from '../support/api.ts';

const CAST = {
  skhcn: ['skhcn.cv', '38.SKHCN', ['officer']],
  leader: ['tinh.ld', '38', ['leader']],
  admin: ['tinh.qt', '38', ['unitAdmin']],
  ward: ['nss.cv', '16516', ['officer']],
} as const satisfies Parameters<typeof openWorld>[0];

let w: World<typeof CAST>;
let provincePlan = 0;
let wardPlan = 0;

before(async () => {
  // The anchor has no rate limit: lifted here as in the bench, so the count is of the route's own statements.
  w = await openWorld(CAST, ['38', '16516', '16540'], {
    app: { rateLimit: { publicPerMinute: 0, userPerMinute: 0 } },
  });
  provincePlan = await issueProvincePlan(w.unitIds['38']!, { officer: w.as.skhcn, leader: w.as.leader });
  wardPlan = (await cascade(w.as.skhcn, provincePlan, 'all')).get(w.unitIds['16516']!)!;
});
after(() => w.close());

/**
 * The answer to one GET and the statements it sent to the database (BEGIN and COMMIT count: each is a round trip).
 * Only statements sent on behalf of this request count (its async context): in the whole suite other files' servers
 * share the process and their background work (senders, clean-ups) also calls the driver.
 */
const request = new AsyncLocalStorage<string[]>();
async function counted(c: Client, path: string) {
  const sent: string[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    if (request.getStore() === sent)
      sent.push(String(typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string }).text).slice(0, 60));
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  // The session's last-seen time is written at most once a minute: a read just before leaves none to write now.
  await c.get('/api/auth/me');
  try {
    const r = await request.run(sent, () => c.get(path));
    return { r, sent };
  } finally {
    pg.Client.prototype.query = query;
  }
}

describe('a plan’s page', () => {
  test('the province plan with its 166 communes’ plans: the session and one statement', async () => {
    const { r, sent } = await counted(w.as.skhcn, `/api/plans/${provincePlan}`);
    ok(r, 'province plan');
    assert.equal(sent.length, 2, sent.join(' | '));
    assert.equal(r.body.plan.id, provincePlan);
    assert.equal(r.body.children.total, 166);
    assert.equal(r.body.children.visible.length, 166);
    assert.equal(r.body.taskIds.length, 6);
    assert.equal(r.body.parent, null);
    assert.deepEqual(
      r.body.versions.map((v: { version: number; status: string }) => [v.version, v.status]),
      [[1, 'issued']],
    );
  });

  test('a ward’s plan: its parent, its tasks numbered as the province’s, in one statement', async () => {
    const { r, sent } = await counted(w.as.ward, `/api/plans/${wardPlan}`);
    ok(r, 'ward plan');
    assert.equal(sent.length, 2, sent.join(' | '));
    assert.equal(r.body.plan.unitId, w.unitIds['16516']);
    assert.equal(r.body.parent.id, provincePlan);
    assert.equal(r.body.parent.number, '129');
    assert.equal(r.body.children.total, 0);
    const province = (await w.as.skhcn.get(`/api/plans/${provincePlan}`)).body;
    assert.deepEqual(
      r.body.draft.tasks.map((t: { parentTask: { planId: number; number: string } | null }) => t.parentTask),
      province.draft.tasks.map((t: { number: string }) => ({ planId: provincePlan, number: t.number })),
    );
  });

  test('read in turns past the point where the database plans a prepared statement once for all: each its own', async () => {
    for (let i = 0; i < 8; i++) {
      const [a, b] = await Promise.all([
        w.as.skhcn.get(`/api/plans/${provincePlan}`),
        w.as.ward.get(`/api/plans/${wardPlan}`),
      ]);
      assert.equal(a.body.plan.id, provincePlan);
      assert.equal(a.body.children.total, 166);
      assert.equal(b.body.plan.id, wardPlan);
      assert.equal(b.body.parent.id, provincePlan);
    }
  });

  test('a plan one may not read is not found, as one that does not exist', async () => {
    const sibling = (await w.as.skhcn.get(`/api/plans?parentPlanId=${provincePlan}&limit=1`)).body.items.find(
      (p: { unitId: number }) => p.unitId !== w.unitIds['16516'],
    );
    const hidden = await w.as.ward.get(`/api/plans/${sibling.id}`);
    const missing = await w.as.ward.get('/api/plans/2147483647');
    assert.equal(hidden.status, 404);
    assert.deepEqual(hidden.body, missing.body);
  });

  test('a commune renamed moves to its new place among the communes’ plans (its sort key is stored with it)', async () => {
    const previous = (await w.as.skhcn.get(`/api/plans/${provincePlan}`)).body.children.visible;
    assert.notEqual(previous[0].unitId, w.unitIds['16540']);
    ok(
      await w.as.admin.post(`/api/units/${w.unitIds['16540']}/rename`, { name: 'Xã A Lưới', shortName: 'A Lưới' }),
      'rename',
    );
    const renamed = (await w.as.skhcn.get(`/api/plans/${provincePlan}`)).body.children.visible;
    assert.equal(renamed[0].unitId, w.unitIds['16540']);
    assert.equal(renamed[0].unitName, 'Xã A Lưới');
    assert.equal(renamed.length, 166);
  });
});

describe('a unit search', () => {
  test('the session and one statement: hits, their units and their parents’ names', async () => {
    const { r, sent } = await counted(w.as.skhcn, '/api/units/search?q=nam%20sam%20son');
    ok(r, 'search');
    assert.equal(sent.length, 2, sent.join(' | '));
    assert.equal(r.body[0].code, '16516');
    assert.equal(r.body[0].name, 'Phường Nam Sầm Sơn');
    const province = (await w.as.skhcn.get(`/api/units/${w.unitIds['38']}`)).body.unit;
    assert.equal(r.body[0].parentName, province.name);
    const scores = r.body.map((h: { score: number }) => h.score);
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => b - a),
    );
  });

  test('a former name through the typo-tolerant part, and a kind filter, also in one statement', async () => {
    const former = await counted(w.as.skhcn, '/api/units/search?q=quang%20vinh&limit=3');
    ok(former.r, 'former name');
    assert.equal(former.sent.length, 2, former.sent.join(' | '));
    assert.equal(former.r.body[0].code, '16516');
    assert.equal(former.r.body[0].matchedKind, 'former');
    const typo = await counted(w.as.skhcn, '/api/units/search?q=nam%20sam%20sn&limit=1');
    assert.equal(typo.sent.length, 2, typo.sent.join(' | '));
    assert.equal(typo.r.body[0].code, '16516');
    const wards = await counted(w.as.skhcn, '/api/units/search?q=son&limit=5&kind=ward');
    assert.equal(wards.sent.length, 2, wards.sent.join(' | '));
    assert.ok(wards.r.body.length > 0);
    assert.ok(wards.r.body.every((u: { kind: string }) => u.kind === 'ward'));
  });
});
