// Text hygiene on the real routes: a NUL is a 400 naming its field (PostgreSQL refuses 0x00, which was a 500),
// invisible text does not make a second name, and imported files lose their stray control characters instead.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { Client, makeUser, testApp, type App } from '../support/api.ts';
import { makeContent, type Content } from '../support/content.ts';

const PROVINCE = 'ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt';
const SEEDS = new URL('../fixtures/plans/', import.meta.url);
const NUL = '\u0000';

let d: TestDatabase;
let app: App;
let officer: Client; // phường Nam Sầm Sơn
let unitAdmin: Client; // phường Nam Sầm Sơn
let wardId: number;
let provincePlanId: number;
let content: Content;

before(async () => {
  d = await createTestDatabase();
  app = testApp(d.db, d.backend);
  // The province plan issued and cascaded, Nam Sầm Sơn's plan issued: assignments, a yearly regime, a report.
  content = await makeContent(app, d.db);
  ({ wardId, provincePlanId } = content);
  await makeUser(d.db, 'nss.cv', '16516', ['officer']);
  await makeUser(d.db, 'nss.qt', '16516', ['unitAdmin']);
  officer = await new Client(app).login('nss.cv');
  unitAdmin = await new Client(app).login('nss.qt');
});
after(() => d.close());

/** A 400 whose issue names the field and the NUL. */
function refusedNul(r: { status: number; body: any }, path: string) {
  assert.equal(r.status, 400, JSON.stringify(r.body));
  assert.equal(r.body.error.code, 'validation');
  const issue = r.body.error.issues.find((i: { path: string }) => i.path === path);
  assert.ok(issue, `an issue at ${path}: ${JSON.stringify(r.body.error.issues)}`);
  assert.match(
    issue.message,
    new RegExp(`^Trường "${path.replace(/\./g, '\\.')}" chứa ký tự điều khiển không hợp lệ \\(NUL, U\\+0000\\)`),
  );
  assert.match(r.body.error.message, /NUL/);
}

describe('a NUL is a 400 naming its field, never a 500', () => {
  test('search queries: units, plans, people', async () => {
    const anon = new Client(app);
    refusedNul(await anon.get('/api/units/search?q=%00'), 'q');
    refusedNul(await anon.get('/api/units/search?q=nam%20s%00am'), 'q');
    refusedNul(await anon.get('/api/plans?q=a%00'), 'q');
    refusedNul(await officer.get(`/api/units/${wardId}/users?q=%00`), 'q');
    // What is invisible is not searched for: the query finds the ward as if typed plainly.
    const found = await anon.get('/api/units/search?q=nam%E2%80%8B%20sam%20son&limit=1');
    assert.equal(found.status, 200);
    assert.equal(found.body[0].code, '16516');
  });

  test('a progress narrative and an obstacle; nothing is written', async () => {
    const assignment = { id: content.assignmentId };
    const url = `/api/assignments/${assignment.id}/updates`;
    const before = (await officer.get(`/api/assignments/${assignment.id}`)).body.updates.length;
    const base = { percent: 20, occurredOn: '2026-06-01' };
    refusedNul(await officer.post(url, { ...base, narrative: `Đã tổ chức${NUL} hội nghị` }), 'narrative');
    refusedNul(
      await officer.post(url, { ...base, obstacles: [{ kind: 'difficulty', content: `Thiếu kinh phí${NUL}` }] }),
      'obstacles.0.content',
    );
    refusedNul(
      await officer.post(url, {
        ...base,
        deliverables: [{ kind: 'conference', title: `Hội nghị${NUL}`, occurredOn: '2026-06-01' }],
      }),
      'deliverables.0.title',
    );
    assert.equal((await officer.get(`/api/assignments/${assignment.id}`)).body.updates.length, before);
    // Clean text is stored in its canonical form: NFC, line breaks as LF.
    const ok = await officer.post(url, { ...base, narrative: 'Đã phổ biến\r\nLuật Trí tuệ nhân tạo'.normalize('NFD') });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    const stored = await d.db
      .selectFrom('progress_update')
      .select('narrative')
      .where('assignment_id', '=', assignment.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(stored.narrative, 'Đã phổ biến\nLuật Trí tuệ nhân tạo');
  });

  // A report's number is given on approval from the unit's register, never typed: only its narrative is written here.
  test("a report's narrative", async () => {
    const url = `/api/reports/${content.reportId}`;
    refusedNul(await officer.put(url, { narrative: { results: `Kết quả${NUL}` } }), 'narrative.results');
    refusedNul(await officer.put(url, { indicatorValues: { [`x${NUL}`]: 1 } }), `indicatorValues.x${NUL}`);
    const ok = await officer.put(url, { narrative: { results: 'Kết quả\r\nDòng hai' } });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    const { report } = (await officer.get(url)).body;
    assert.equal(report.content.narrative.results, 'Kết quả\nDòng hai');
  });

  test('the plan document', async () => {
    const draft = (await officer.get(`/api/plans/${provincePlanId}/export.json`)).body;
    delete draft.findings;
    draft.findings = [];
    draft.tasks[0].title = `Tuyên truyền${NUL}`;
    refusedNul(await officer.post('/api/plans/lint', { draft }), 'draft.tasks.0.title');
    refusedNul(await officer.post('/api/plans', { unitId: wardId, draft }), 'draft.tasks.0.title');
  });
});

describe('invisible text does not make a name', () => {
  test('a unit "Tổ dân\\u200b phố Sầm" beside "Tổ dân phố Sầm" is the same name', async () => {
    const url = `/api/units/${wardId}/children`;
    const first = await unitAdmin.post(url, { kind: 'neighbourhood', name: 'Tổ dân phố Sầm' });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    for (const name of [
      'Tổ dân\u200b phố Sầm',
      'tổ dân  phố\u00AD sầm',
      '\uFEFFTổ dân phố Sầm\u2060',
      'Tổ dân phố Sầm'.normalize('NFD'),
    ]) {
      const again = await unitAdmin.post(url, { kind: 'neighbourhood', name });
      assert.equal(again.status, 409, `${JSON.stringify(name)} → ${again.status}`);
      assert.equal(again.body.error.code, 'unit.duplicate_name');
    }
    // Renaming another neighbourhood to the invisible variant is the same conflict.
    const second = await unitAdmin.post(url, { kind: 'neighbourhood', name: 'Tổ dân phố Vinh Sơn' });
    assert.equal(second.status, 201);
    const renamed = await unitAdmin.post(`/api/units/${second.body.id}/rename`, { name: 'Tổ dân phố\u200b Sầm' });
    assert.equal(renamed.status, 409, JSON.stringify(renamed.body));
    const rows = await d.db
      .selectFrom('unit')
      .select('name')
      .where('parent_id', '=', wardId)
      .where('name', 'like', 'Tổ dân phố%')
      .execute();
    assert.deepEqual(rows.map((r) => r.name).sort(), ['Tổ dân phố Sầm', 'Tổ dân phố Vinh Sơn']);
  });

  test('a name of zero-width characters only, of 150 combining marks, or without a letter is refused', async () => {
    const url = `/api/units/${wardId}/children`;
    const zw = await unitAdmin.post(url, { kind: 'neighbourhood', name: '\u200b\u200c\u200d\u2060\uFEFF' });
    assert.equal(zw.status, 400);
    assert.equal(zw.body.error.issues[0].path, 'name');
    // "ổ" carries two marks of its own.
    const marks = await unitAdmin.post(url, { kind: 'neighbourhood', name: `Tổ${'\u0301'.repeat(150)}` });
    assert.equal(marks.status, 400);
    assert.match(marks.body.error.issues[0].message, /^Trường "name" có 152 dấu chồng lên một chữ/);
    const onlyMarks = await unitAdmin.post(url, { kind: 'neighbourhood', name: '\u0301'.repeat(150) });
    assert.equal(onlyMarks.status, 400);
    const digits = await unitAdmin.post(url, { kind: 'neighbourhood', name: '12345' });
    assert.equal(digits.status, 400);
    assert.match(digits.body.error.issues[0].message, /ít nhất một chữ cái/);
  });

  test("a right-to-left override in a person's name is refused; zero-width characters are removed", async () => {
    const rlo = await unitAdmin.post('/api/users', {
      username: 'nguyen.van.b',
      fullName: 'Nguyễn Văn \u202EB',
      unitId: wardId,
      roles: ['viewer'],
    });
    assert.equal(rlo.status, 400);
    assert.equal(rlo.body.error.issues[0].path, 'fullName');
    assert.match(rlo.body.error.issues[0].message, /hướng chữ \(U\+202E\)/);
    const ok = await unitAdmin.post('/api/users', {
      username: 'nguyen.van.b',
      fullName: 'Nguyễn\u200b Văn B',
      unitId: wardId,
      roles: ['viewer'],
    });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    const patch = await unitAdmin.patch(`/api/users/${ok.body.id}`, { fullName: 'Nguyễn Văn \u2067B' });
    assert.equal(patch.status, 400);
    const user = await unitAdmin.get(`/api/users/${ok.body.id}`);
    assert.equal(user.body.fullName, 'Nguyễn Văn B');
  });
});

describe('imported files', () => {
  test('stray control characters are dropped, not refused, and the draft saves', async () => {
    const source = readFileSync(new URL(PROVINCE, SEEDS), 'utf8');
    const dirty = source
      .replace('KẾ HOẠCH', `KẾ${NUL} HOẠCH\u0007`)
      .replace(/\n/g, (m, i: number) => (i % 7 === 0 ? `${NUL}\u001b${m}` : m))
      .replace(/Luật/, 'Lu\u202Eật');
    const imp = await officer.post('/api/plans/import', {
      filename: 'ke-hoach.txt',
      contentBase64: Buffer.from(dirty).toString('base64'),
    });
    assert.equal(imp.status, 200, JSON.stringify(imp.body).slice(0, 300));
    const json = JSON.stringify(imp.body);
    assert.doesNotMatch(json, /\\u0000|\\u0007|\\u001b|\u202E/);
    assert.ok(imp.body.draft.tasks.length > 5, 'the plan is still read');
    const saved = await officer.post('/api/plans', {
      unitId: wardId,
      draft: imp.body.draft,
      sourceName: 'ke-hoach.txt',
      sourceText: imp.body.sourceText,
    });
    assert.equal(saved.status, 201, JSON.stringify(saved.body).slice(0, 300));
  });
});
