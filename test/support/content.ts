// A little real content through the API, for tests that need records of every kind but not the whole demo cascade:
// the province plan (KH 129/KH-UBND) issued, cascaded to phường Nam Sầm Sơn and issued there, its yearly regime,
// a progress update with an obstacle, and a ward report.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import { Client, makeUser, type App } from './api.ts';

const PROVINCE = 'ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt';
const SEEDS = new URL('../fixtures/plans/', import.meta.url);

export interface Content {
  provinceId: number;
  wardId: number;
  provincePlanId: number;
  wardPlanId: number;
  /** A task of the ward's plan. */
  planTaskId: number;
  /** An assignment of a ward office (with a progress update and an obstacle). */
  assignmentId: number;
  obstacleId: number;
  regimeId: number;
  reportId: number;
  /** Officer of the ward's focal office (Phòng Văn hóa - Xã hội), who holds the assignment. */
  officer: Client;
}

function ok(r: { status: number; body: unknown }, what: string, status = 200) {
  assert.equal(r.status, status, `${what}: ${JSON.stringify(r.body).slice(0, 300)}`);
}

/** Creates the users it needs under the given prefix (usernames must be unique in the database). */
export async function makeContent(app: App, db: Kysely<DB>, prefix = 'content'): Promise<Content> {
  const users: Array<[string, string, 'officer' | 'leader']> = [
    ['skhcn', '38.SKHCN', 'officer'],
    ['tinh', '38', 'leader'],
    ['nss', '16516', 'officer'],
    ['nssld', '16516', 'leader'],
    ['vhxh', '16516.PVHXH', 'officer'],
  ];
  const c: Record<string, Client> = {};
  for (const [name, code, role] of users) {
    await makeUser(db, `${prefix}.${name}`, code, [role]);
    c[name] = await new Client(app).login(`${prefix}.${name}`);
  }
  const ids = Object.fromEntries(
    (await db.selectFrom('unit').select(['id', 'code']).where('code', 'in', ['38', '16516']).execute()).map((u) => [
      u.code,
      u.id,
    ]),
  );
  const provinceId = ids['38']!;
  const wardId = ids['16516']!;

  const imp = await c.skhcn!.post('/api/plans/import', {
    filename: PROVINCE,
    contentBase64: readFileSync(new URL(PROVINCE, SEEDS)).toString('base64'),
  });
  ok(imp, 'import');
  const created = await c.skhcn!.post('/api/plans', {
    unitId: provinceId,
    draft: imp.body.draft,
    sourceName: PROVINCE,
  });
  ok(created, 'create', 201);
  const provincePlanId = created.body.id as number;
  ok(await c.skhcn!.post(`/api/plans/${provincePlanId}/submit`), 'submit');
  ok(await c.tinh!.post(`/api/plans/${provincePlanId}/approve`), 'approve');
  ok(await c.tinh!.post(`/api/plans/${provincePlanId}/issue`, { number: '129', date: '2026-05-04' }), 'issue');
  const cascade = await c.skhcn!.post(`/api/plans/${provincePlanId}/cascade`, { unitIds: [wardId] });
  ok(cascade, 'cascade', 201);
  const wardPlanId = cascade.body.created[0].planId as number;
  ok(await c.nss!.post(`/api/plans/${wardPlanId}/submit`), 'ward submit');
  ok(await c.nssld!.post(`/api/plans/${wardPlanId}/approve`), 'ward approve');
  ok(await c.nssld!.post(`/api/plans/${wardPlanId}/issue`, { number: '05', date: '2026-05-20' }), 'ward issue');

  const list = await c.vhxh!.get(`/api/assignments?unitId=${wardId}&year=2026`);
  ok(list, 'assignments');
  const assignmentId = list.body.items[0].id as number;
  const update = await c.vhxh!.post(`/api/assignments/${assignmentId}/updates`, {
    percent: 10,
    narrative: 'Đã triển khai',
    occurredOn: '2026-06-01',
    obstacles: [{ kind: 'difficulty', content: 'Thiếu kinh phí tổ chức hội nghị' }],
  });
  ok(update, 'progress update', 201);
  const obstacle = await db.selectFrom('obstacle').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
  const planTask = await db
    .selectFrom('plan_task')
    .select('id')
    .where('plan_id', '=', wardPlanId)
    .orderBy('id')
    .executeTakeFirstOrThrow();

  const regimes = await c.nss!.get('/api/regimes');
  ok(regimes, 'regimes');
  const regime = (regimes.body as Array<{ id: number; planId: number | null }>).find(
    (r) => r.planId === provincePlanId,
  );
  assert.ok(regime, 'the issued province plan has its yearly regime');
  const report = await c.nss!.post(`/api/regimes/${regime.id}/periods/2026/reports`, {});
  ok(report, 'report', 201);
  return {
    provinceId,
    wardId,
    provincePlanId,
    wardPlanId,
    planTaskId: planTask.id,
    assignmentId,
    obstacleId: obstacle.id,
    regimeId: regime.id,
    reportId: report.body.id,
    officer: c.vhxh!,
  };
}
