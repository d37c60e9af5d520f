// Another province onboards: its unit administrator uploads a CSV of its communes (the columns of reference-data/);
// every row is checked, all or nothing, with an audit record; the same file again changes nothing; the new units are
// found by the search at once and read by the plan importer; Thanh Hóa's register and views do not change.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { openWorld, ok, type World } from '../support/factories.ts';

const NGHE_AN_CSV = readFileSync(new URL('../fixtures/units/nghe-an-communes.csv', import.meta.url));
const CORPUS_QUYNH_LUU = readFileSync(new URL('../fixtures/corpus/docs/35-xa-quynh-luu-pbgdpl.txt', import.meta.url));
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

const cast = {
  nghean: ['nghean.quantri', '40', ['unitAdmin']],
  thanhhoa: ['thanhhoa.qt', '38', ['unitAdmin']],
  sys: ['he.thong', '38', ['sysadmin']],
} as const satisfies Parameters<typeof openWorld>[0];

let w: World<typeof cast>;
let ngheAn: number;
before(async () => {
  w = await openWorld(cast, ['40', '38']);
  ngheAn = w.unitIds['40']!;
});
after(() => w.close());

const unitsUnder = async (code: string) =>
  Number(
    (
      await w.d.db
        .selectFrom('unit as u')
        .innerJoin('unit as p', 'p.id', 'u.parent_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('p.code', '=', code)
        .executeTakeFirstOrThrow()
    ).n,
  );
const allUnits = async () =>
  Number(
    (
      await w.d.db
        .selectFrom('unit')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const imports = async () =>
  await w.d.db
    .selectFrom('audit_log')
    .select(['action', 'actor_username', 'after'])
    .where('action', '=', 'unit.import')
    .execute();

describe('a province loads its communes from a CSV', () => {
  test('a file with bad rows is refused with every problem by line and column, in Vietnamese, and nothing is written', async () => {
    const before = await allUnits();
    const bad = [
      'code,name,type,former_units',
      '17179,Quỳnh Lưu,xã,',
      '1793,Nam Đàn,xã,',
      '17971,Kim Liên,thị trấn,',
      '17179,Quỳnh Văn,xã,',
    ].join('\n');
    const r = await w.as.nghean.post(`/api/units/${ngheAn}/import`, {
      filename: 'nghe-an.csv',
      contentBase64: b64(bad),
    });
    assert.equal(r.status, 422, JSON.stringify(r.body));
    assert.equal(r.body.error.code, 'unit.import_invalid');
    assert.match(r.body.error.message, /có 3 lỗi.*chưa nạp đơn vị nào/u);
    assert.deepEqual(
      r.body.error.issues.map((i: { path: string }) => i.path),
      ['csv.3.code', 'csv.4.type', 'csv.5.code'],
    );
    assert.equal(
      r.body.error.issues[0].message,
      'Dòng 3, cột “code”: mã đơn vị hành chính gồm 5 chữ số (Quyết định 19/2025/QĐ-TTg); đang ghi “1793”.',
    );
    assert.match(r.body.error.issues[2].message, /^Dòng 5, cột “code”: mã 17179 đã có ở dòng 2\.$/u);
    assert.equal(await allUnits(), before, 'all or nothing: Quỳnh Lưu of line 2 is not written either');
    assert.deepEqual(await imports(), []);
  });

  test("a code already another province's unit is refused, naming it, and nothing is written", async () => {
    const before = await allUnits();
    const csv = 'code,name,type\n17179,Quỳnh Lưu,xã\n16516,Nam Sầm Sơn,phường\n';
    const r = await w.as.sys.post(`/api/units/${ngheAn}/import`, { filename: 'nghe-an.csv', contentBase64: b64(csv) });
    assert.equal(r.status, 422);
    assert.equal(r.body.error.issues.length, 1);
    assert.match(
      r.body.error.issues[0].message,
      /^Dòng 3, cột “code”: mã 16516 đã là của Phường Nam Sầm Sơn ở đơn vị khác/u,
    );
    assert.equal(await allUnits(), before);
  });

  test("Thanh Hóa's unit administrator may not load units into Nghệ An; the import needs a province", async () => {
    const r = await w.as.thanhhoa.post(`/api/units/${ngheAn}/import`, {
      filename: 'nghe-an.csv',
      contentBase64: b64(NGHE_AN_CSV),
    });
    assert.equal(r.status, 403);
    const ward = (await w.as.sys.get('/api/units/search?q=16516&limit=1')).body[0];
    const notProvince = await w.as.sys.post(`/api/units/${ward.id}/import`, {
      filename: 'x.csv',
      contentBase64: b64(NGHE_AN_CSV),
    });
    assert.equal(notProvince.status, 422);
    assert.equal(notProvince.body.error.code, 'unit.import_not_province');
    const notCsv = await w.as.nghean.post(`/api/units/${ngheAn}/import`, {
      filename: 'x.xlsx',
      contentBase64: b64('a'),
    });
    assert.equal(notCsv.status, 400);
    // A file just past the 2 MB the import reads (2.8 MB as base64) is answered by the import itself, naming the
    // file's size, not by the 2 MB limit on JSON bodies.
    const large = await w.as.nghean.post(`/api/units/${ngheAn}/import`, {
      filename: 'nghe-an.csv',
      contentBase64: Buffer.alloc(2 * 1024 * 1024 + 1024, 'a').toString('base64'),
    });
    assert.match(JSON.stringify(large.body), /Tệp lớn hơn 2 MB/);
  });

  test("Nghệ An's unit administrator loads its communes: offices by type, audited, searchable at once", async () => {
    const thanhHoaBefore = await unitsUnder('38');
    const page = await w.as.nghean.get(`/api/units/${ngheAn}`);
    assert.equal(page.body.can.importUnits, true);
    const r = await w.as.nghean.post(`/api/units/${ngheAn}/import`, {
      filename: 'nghe-an-communes.csv',
      contentBase64: b64(NGHE_AN_CSV),
    });
    ok(r, 'import');
    assert.deepEqual(r.body, {
      format: 'communes',
      rows: 10,
      communes: 10,
      offices: 90,
      agencies: 0,
      unchanged: 0,
      aliasesAdded: r.body.aliasesAdded,
    });
    assert.equal(await unitsUnder('40'), 10);
    assert.equal(await unitsUnder('17179'), 9, 'the nine offices and bodies of a xã (Nghị định 150/2025)');

    const hit = (await w.as.nghean.get(`/api/units/search?q=${encodeURIComponent('quynh luu')}&limit=1`)).body[0];
    assert.deepEqual([hit.code, hit.name, hit.parentName], ['17179', 'Xã Quỳnh Lưu', 'Tỉnh Nghệ An']);
    const ward = (await w.as.nghean.get(`/api/units/search?q=${encodeURIComponent('Trường Vinh')}&limit=1&kind=ward`))
      .body[0];
    assert.equal(ward.code, '16690');
    const office = (
      await w.as.nghean.get(`/api/units/search?q=${encodeURIComponent('phong kinh te xa nam dan')}&limit=1`)
    ).body[0];
    assert.equal(office.code, '17935.PKT');

    const [audit] = await imports();
    assert.equal(audit?.actor_username, 'nghean.quantri');
    assert.equal((audit!.after as { communes: number }).communes, 10);
    // Thanh Hóa's own register is untouched: its 166 communes and wards, its agencies.
    assert.equal(await unitsUnder('38'), thanhHoaBefore);
    assert.equal(
      (await w.as.thanhhoa.get(`/api/units/search?q=${encodeURIComponent('nam sam son')}&limit=1`)).body[0].code,
      '16516',
    );
  });

  test('the same file again changes nothing', async () => {
    const before = await allUnits();
    const r = await w.as.nghean.post(`/api/units/${ngheAn}/import`, {
      filename: 'nghe-an-communes.csv',
      contentBase64: b64(NGHE_AN_CSV),
    });
    ok(r, 're-import');
    assert.deepEqual([r.body.communes, r.body.offices, r.body.unchanged, r.body.aliasesAdded], [0, 0, 10, 0]);
    assert.equal(await allUnits(), before);
  });

  test("the plan importer reads a Quỳnh Lưu plan as the new commune's, and its offices inside it", async () => {
    const r = await w.as.sys.post('/api/plans/import', {
      filename: '35-xa-quynh-luu-pbgdpl.txt',
      contentBase64: b64(CORPUS_QUYNH_LUU),
    });
    ok(r, 'plan import');
    assert.equal(r.body.draft.document.issuer.unitCode, '17179');
    assert.equal(r.body.suggestedUnitId, (await w.as.sys.get('/api/units/search?q=17179&limit=1')).body[0].id);
    const leads = r.body.draft.tasks.flatMap((t: { lead: Array<{ unitCode: string | null }> }) =>
      t.lead.map((u) => u.unitCode),
    );
    assert.ok(
      leads.some((c: string | null) => c?.startsWith('17179.')),
      `offices of the commune: ${leads}`,
    );
  });
});
