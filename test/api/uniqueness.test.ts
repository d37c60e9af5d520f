// Uniqueness is held by the database: two requests fired at the same moment (Promise.all) that each pass the
// service's own check must still give exactly one success and one 409 naming what was duplicated.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { TestDatabase } from '../support/db.ts';
import { openWorld } from '../support/factories.ts';
import { Client, makeUser, type Answer, type App } from '../support/api.ts';
import { UNIQUE_CONSTRAINTS } from '../../src/db/unique-constraints.ts';
import { up as migrate0006 } from '../../src/db/migrations/0006-uniqueness.ts';
import { setReportingClock } from '../../src/modules/reporting/clock.ts';

const SEEDS = new URL('../fixtures/plans/', import.meta.url);
const PROVINCE = 'ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt';
const WARD = 'ke-hoach-phuong-nam-sam-son-thi-hanh-luat-tri-tue-nhan-tao.md';

let d: TestDatabase;
let app: App;
let ward: Client;
let wardLeader: Client;
let wardAdmin: Client;
let wardId: number;

before(async () => {
  const w = await openWorld({
    ward: ['nss.cv', '16516', ['officer']],
    wardLeader: ['nss.ld', '16516', ['leader']],
    wardAdmin: ['nss.qt', '16516', ['unitAdmin']],
  });
  ({ d, app } = w);
  ({ ward, wardLeader, wardAdmin } = w.as);
  wardId = w.unitIds['16516']!;
});
after(() => d.close());

async function importDraft(c: Client, name: string) {
  const r = await c.post('/api/plans/import', {
    filename: name,
    contentBase64: readFileSync(new URL(name, SEEDS)).toString('base64'),
  });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.draft;
}

/** A ward plan taken to "approved", ready to be issued. */
async function approvedWardPlan(): Promise<number> {
  const draft = await importDraft(ward, WARD);
  // The seed's trích yếu names another law on purpose (a finding the checks must raise): give it the right one.
  draft.document.title = 'Kế hoạch triển khai thi hành Luật Trí tuệ nhân tạo trên địa bàn phường Nam Sầm Sơn';
  const created = await ward.post('/api/plans', { unitId: wardId, draft });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const id = created.body.id;
  const submitted = await ward.post(`/api/plans/${id}/submit`);
  assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
  assert.equal((await wardLeader.post(`/api/plans/${id}/approve`)).status, 200);
  return id;
}

/** Exactly one success (`ok`) and one 409 with `code`; returns the 409. */
function oneWins(answers: Answer[], ok: number, code: string): Answer {
  const statuses = answers.map((a) => a.status).sort();
  assert.deepEqual(statuses, [ok, 409].sort(), JSON.stringify(answers.map((a) => a.body)));
  const lost = answers.find((a) => a.status === 409)!;
  assert.equal(lost.body.error.code, code, JSON.stringify(lost.body));
  assert.match(lost.body.error.message, /đã/);
  return lost;
}

describe('concurrent requests against one rule', () => {
  test('two leaders issue two plans of one ward with the same number at once: one is issued, the other gets 409', async () => {
    const [a, b] = [await approvedWardPlan(), await approvedWardPlan()];
    const answers = await Promise.all(
      [a, b].map((id) => wardLeader.post(`/api/plans/${id}/issue`, { number: '77', date: '2026-06-01' })),
    );
    const lost = oneWins(answers, 200, 'plan.number_taken');
    assert.equal(lost.body.error.issues[0].path, 'number');
    const rows = await d.db
      .selectFrom('plan')
      .select(['id', 'status', 'number'])
      .where('id', 'in', [a, b])
      .orderBy('id')
      .execute();
    assert.deepEqual(
      rows.map((r) => r.status).sort(),
      ['approved', 'issued'],
      'the loser stays approved, to be issued with another number',
    );
    const loser = rows.find((r) => r.status === 'approved')!;
    assert.equal(
      (await wardLeader.post(`/api/plans/${loser.id}/issue`, { number: '77', date: '2026-07-01' })).status,
      409,
      'the same number stays taken in that year',
    );
    assert.equal(
      (await wardLeader.post(`/api/plans/${loser.id}/issue`, { number: '78', date: '2026-07-01' })).status,
      200,
    );
    const sameNumberNextYear = await approvedWardPlan();
    assert.equal(
      (await wardLeader.post(`/api/plans/${sameNumberNextYear}/issue`, { number: '77', date: '2027-01-05' })).status,
      200,
      'numbering restarts each year',
    );
  });

  test('two amendments of one issued plan at once: one draft, one 409', async () => {
    const id = await approvedWardPlan();
    assert.equal((await wardLeader.post(`/api/plans/${id}/issue`, { number: '90', date: '2026-06-02' })).status, 200);
    const answers = await Promise.all([ward.post(`/api/plans/${id}/amend`), ward.post(`/api/plans/${id}/amend`)]);
    oneWins(answers, 201, 'plan.amendment_exists');
    const drafts = await d.db.selectFrom('plan').select('id').where('amends_plan_id', '=', id).execute();
    assert.equal(drafts.length, 1);
  });

  test('two child plans of one ward under the same province plan at once, then two reports of the ward for one period: one each, and a 409', async () => {
    await makeUser(d.db, 'skhcn.cv', '38.SKHCN', ['officer']);
    await makeUser(d.db, 'tinh.ld', '38', ['leader']);
    const skhcn = await new Client(app).login('skhcn.cv');
    const leader = await new Client(app).login('tinh.ld');
    const provinceId = (await skhcn.get('/api/units/search?q=38&limit=1')).body[0].id;
    const parent = (await skhcn.post('/api/plans', { unitId: provinceId, draft: await importDraft(skhcn, PROVINCE) }))
      .body.id;
    assert.equal((await skhcn.post(`/api/plans/${parent}/submit`)).status, 200);
    assert.equal((await leader.post(`/api/plans/${parent}/approve`)).status, 200);
    assert.equal((await leader.post(`/api/plans/${parent}/issue`, { number: '129', date: '2026-05-04' })).status, 200);
    const draft = await importDraft(ward, WARD);
    const answers = await Promise.all(
      [1, 2].map(() => ward.post('/api/plans', { unitId: wardId, draft, parentPlanId: parent })),
    );
    oneWins(answers, 201, 'plan.child_exists');
    assert.equal(
      (
        await d.db
          .selectFrom('plan')
          .select('id')
          .where('parent_plan_id', '=', parent)
          .where('unit_id', '=', wardId)
          .execute()
      ).length,
      1,
    );

    // The province plan's yearly report: the ward starts its report for 2026 twice at once.
    setReportingClock(d.db, '2026-06-15T03:00:00Z');
    const regime = await d.db
      .selectFrom('reporting_regime')
      .select('id')
      .where('plan_id', '=', parent)
      .executeTakeFirstOrThrow();
    const reports = await Promise.all(
      [1, 2].map(() => ward.post(`/api/regimes/${regime.id}/periods/2026/reports`, {})),
    );
    oneWins(reports, 201, 'report.exists');
    assert.equal(
      (
        await d.db
          .selectFrom('unit_report')
          .select('id')
          .where('regime_id', '=', regime.id)
          .where('unit_id', '=', wardId)
          .execute()
      ).length,
      1,
    );
  });

  test('two tổ dân phố with the same name (any case) at once: one is created, one 409', async () => {
    const answers = await Promise.all(
      ['Tổ dân phố Thống Nhất', 'tổ dân phố thống nhất'].map((name) =>
        wardAdmin.post(`/api/units/${wardId}/children`, { kind: 'neighbourhood', name }),
      ),
    );
    oneWins(answers, 201, 'unit.duplicate_name');
    const rows = await d.db
      .selectFrom('unit')
      .select('id')
      .where('parent_id', '=', wardId)
      .where(sql`lower(name)`, '=', 'tổ dân phố thống nhất')
      .execute();
    assert.equal(rows.length, 1);
  });

  test('two accounts with the same username (any case) at once: one is created, one 409', async () => {
    const answers = await Promise.all(
      ['nss.moi', 'NSS.Moi'].map((username) =>
        wardAdmin.post('/api/users', { username, fullName: 'Lê Văn Mới', unitId: wardId, roles: ['officer'] }),
      ),
    );
    oneWins(answers, 201, 'user.username_taken');
    assert.equal(
      (await d.db.selectFrom('app_user').select('id').where(sql`lower(username)`, '=', 'nss.moi').execute()).length,
      1,
    );
  });
});

describe('the rules themselves', () => {
  test('every unique constraint of the schema has its own Vietnamese answer', async () => {
    const { rows } = await sql<{
      name: string;
    }>`SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE i.indisunique AND NOT i.indisprimary AND n.nspname = 'public' AND t.relname NOT LIKE 'kysely_%'`.execute(
      d.db,
    );
    assert.ok(rows.length >= 11, `found ${rows.length}`);
    const missing = rows.map((r) => r.name).filter((n) => !UNIQUE_CONSTRAINTS[n]);
    assert.deepEqual(missing, [], 'add these to src/db/unique-constraints.ts');
  });

  test('the migration succeeds on data that already holds duplicates: it keeps them and holds every new row', async () => {
    const id = await approvedWardPlan();
    await sql`DROP INDEX plan_issued_number_idx`.execute(d.db);
    await sql`DROP INDEX plan_pending_amendment_idx`.execute(d.db);
    // What the race left behind before 0006: the same number issued twice.
    const dup = await d.db
      .insertInto('plan')
      .values({
        unit_id: wardId,
        status: 'issued',
        number: '500',
        symbol: 'KH-UBND',
        year: 2026,
        title: 'Trùng số 1',
        header: '{}',
        sections: '[]',
        groups: '[]',
        unplaced: '[]',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const dup2 = await d.db
      .insertInto('plan')
      .values({
        unit_id: wardId,
        status: 'issued',
        number: '500',
        symbol: 'KH-UBND',
        year: 2026,
        title: 'Trùng số 2',
        header: '{}',
        sections: '[]',
        groups: '[]',
        unplaced: '[]',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await migrate0006(d.db as never);
    const kept = await d.db.selectFrom('plan').select('id').where('number', '=', '500').execute();
    assert.deepEqual(kept.map((r) => r.id).sort(), [dup.id, dup2.id].sort(), 'nothing deleted or renumbered');
    const again = await wardLeader.post(`/api/plans/${id}/issue`, { number: '500', date: '2026-08-01' });
    assert.equal(again.status, 409, JSON.stringify(again.body));
    await assert.rejects(
      d.db
        .insertInto('plan')
        .values({
          unit_id: wardId,
          status: 'issued',
          number: '500',
          symbol: 'KH-UBND',
          year: 2026,
          title: 'Trùng số 3',
          header: '{}',
          sections: '[]',
          groups: '[]',
          unplaced: '[]',
        })
        .execute(),
      (err: any) => err.code === '23505' && err.constraint === 'plan_issued_number_idx',
    );
  });
});
