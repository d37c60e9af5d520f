// The obstacle inbox at province scale: filtered by the raising unit (with its offices), the plan (with the plans
// implementing it), the kind and words of the content without accents; a plan the reader may not read is a 404.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cascade,
  findAssignment,
  issuePlan,
  issueProvincePlan,
  ok,
  openWorld,
  recordProgress,
  type World,
} from '../support/factories.ts';

const CAST = {
  skhcn: ['skhcn.cv', '38.SKHCN', ['officer']],
  leader: ['tinh.ld', '38', ['leader']],
  admin: ['quantri', '38', ['sysadmin']],
  nss: ['nss.cv', '16516', ['officer']],
  nssLeader: ['nss.ld', '16516', ['leader']],
  hac: ['hacthanh.cv', '14797', ['officer']],
  hacLeader: ['hacthanh.ld', '14797', ['leader']],
} as const satisfies Parameters<typeof openWorld>[0];

let w: World<typeof CAST>;
let provincePlanId = 0;
let nssPlanId = 0;
let draftPlanId = 0;

async function raise(c: World<typeof CAST>['as']['nss'], planId: number, office: string, obstacle: object) {
  const a = await findAssignment(c, `planId=${planId}&year=2026`, '1', office);
  await recordProgress(c, a.id, { percent: 10, occurredOn: '2026-06-10', obstacles: [obstacle] });
}

before(async () => {
  w = await openWorld(CAST, ['38', '16516', '14797', '14812']);
  provincePlanId = await issueProvincePlan(w.unitIds['38']!, { officer: w.as.skhcn, leader: w.as.leader });
  const children = await cascade(w.as.skhcn, provincePlanId, [
    w.unitIds['16516']!,
    w.unitIds['14797']!,
    w.unitIds['14812']!,
  ]);
  nssPlanId = children.get(w.unitIds['16516']!)!;
  const hacPlanId = children.get(w.unitIds['14797']!)!;
  draftPlanId = children.get(w.unitIds['14812']!)!;
  await issuePlan(nssPlanId, { officer: w.as.nss, leader: w.as.nssLeader, number: '15', date: '2026-05-20' });
  await issuePlan(hacPlanId, { officer: w.as.hac, leader: w.as.hacLeader, number: '21', date: '2026-05-22' });
  await raise(w.as.nss, nssPlanId, '16516.PVHXH', {
    kind: 'proposal',
    content: 'Đề nghị Sở cung cấp tài liệu tuyên truyền thống nhất về Luật',
  });
  await raise(w.as.hac, hacPlanId, '14797.PVHXH', {
    kind: 'difficulty',
    content: 'Thiếu kinh phí tổ chức hội nghị phổ biến Luật',
  });
});
after(() => w.close());

const contents = async (query: string) => {
  const r = await w.as.admin.get(`/api/obstacles?box=inbox&${query}`);
  ok(r, query);
  assert.equal(r.body.total, r.body.items.length);
  return r.body.items.map((o: { content: string }) => o.content.slice(0, 20)).sort();
};

describe('GET /api/obstacles filters', () => {
  test('by unit (its offices included), plan (with its communes’ plans), kind and text without accents', async () => {
    const NSS = 'Đề nghị Sở cung cấp ';
    const HAC = 'Thiếu kinh phí tổ ch';
    assert.deepEqual(await contents(''), [NSS, HAC].sort());
    assert.deepEqual(await contents(`unitId=${w.unitIds['16516']}`), [NSS]);
    assert.deepEqual(await contents(`planId=${provincePlanId}`), [NSS, HAC].sort());
    assert.deepEqual(await contents(`planId=${nssPlanId}`), [NSS]);
    assert.deepEqual(await contents('kind=difficulty'), [HAC]);
    assert.deepEqual(await contents('q=tai%20lieu%20tuyen%20truyen'), [NSS]);
    assert.deepEqual(await contents(`q=${encodeURIComponent('KINH PHÍ')}&unitId=${w.unitIds['14797']}`), [HAC]);
    assert.deepEqual(await contents(`q=kinh%20phi&unitId=${w.unitIds['16516']}`), []);
    assert.deepEqual(await contents('q=100%25'), []);
  });

  test('a plan the reader may not read answers 404, as an unknown one; a wrong kind is a 400', async () => {
    const hidden = await w.as.nss.get(`/api/obstacles?box=inbox&planId=${draftPlanId}`);
    assert.equal(hidden.status, 404);
    assert.equal((await w.as.nss.get('/api/obstacles?box=inbox&planId=999999')).status, 404);
    assert.equal((await w.as.nss.get('/api/obstacles?box=inbox&kind=other')).status, 400);
  });
});
