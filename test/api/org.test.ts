import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TestDatabase } from '../support/db.ts';
import { openWorld } from '../support/factories.ts';
import { Client, type App } from '../support/api.ts';
import { readCsv } from '../../src/modules/org/reference-data.ts';
import { fold } from '../../src/domain/text.ts';

let d: TestDatabase;
let app: App;
before(async () => {
  ({ d, app } = await openWorld(
    { wardAdmin: ['nss.admin', '16516', ['unitAdmin']], provinceAdmin: ['tinh.admin', '38', ['unitAdmin']] },
    [],
    { signIn: false },
  ));
});
after(() => d.close());

describe('organisation register from the reference data', () => {
  test('holds the 166 communes and wards of Thanh Hóa with official codes and kinds', async () => {
    const rows = await d.db
      .selectFrom('unit')
      .select(['code', 'kind', 'name'])
      .where('kind', 'in', ['commune', 'ward'])
      .execute();
    assert.equal(rows.length, 166);
    assert.equal(rows.filter((r) => r.kind === 'ward').length, 19);
    assert.equal(rows.filter((r) => r.kind === 'commune').length, 147);
    const csv = readCsv<{ code: string; name: string; type: string }>('thanh-hoa-communes.csv');
    const byCode = new Map(rows.map((r) => [r.code, r]));
    for (const c of csv) {
      const u = byCode.get(c.code);
      assert.ok(u, `missing ${c.code} ${c.name}`);
      assert.equal(u.name, `${c.type === 'xã' ? 'Xã' : 'Phường'} ${c.name}`);
    }
  });

  test('gives a xã the Phòng Kinh tế and a phường the Phòng Kinh tế, Hạ tầng và Đô thị', async () => {
    const ward = await d.db
      .selectFrom('unit')
      .select(['name'])
      .where(
        'parent_id',
        '=',
        (await d.db.selectFrom('unit').select('id').where('code', '=', '16516').executeTakeFirstOrThrow()).id,
      )
      .execute();
    const names = ward.map((w) => w.name);
    assert.ok(names.includes('Phòng Kinh tế, Hạ tầng và Đô thị phường Nam Sầm Sơn'));
    assert.ok(names.includes('Phòng Văn hóa - Xã hội phường Nam Sầm Sơn'));
    assert.ok(names.includes('Công an phường Nam Sầm Sơn'));
    assert.ok(!names.some((n) => n.startsWith('Phòng Kinh tế phường')));
    const commune = await d.db
      .selectFrom('unit as o')
      .innerJoin('unit as c', 'c.id', 'o.parent_id')
      .select('o.name')
      .where('c.kind', '=', 'commune')
      .execute();
    assert.equal(commune.filter((o) => o.name.startsWith('Phòng Kinh tế xã')).length, 147);
  });

  test('has the national bodies the plans report to, and Sở KH&CN as the province focal unit', async () => {
    const names = (await d.db.selectFrom('unit').select('name').where('kind', '=', 'national').execute()).map(
      (r) => r.name,
    );
    for (const n of ['Bộ Công an', 'Bộ Khoa học và Công nghệ', 'Thủ tướng Chính phủ', 'Bộ Tư pháp', 'Chính phủ'])
      assert.ok(names.includes(n), n);
    assert.equal(names.filter((n) => n.startsWith('Bộ ')).length, 14, 'the 14 ministries');
    assert.equal(
      names.length,
      22,
      'the Government, the Prime Minister, 14 ministries, 3 ministry-level agencies, 3 press bodies',
    );
    const provinces = await d.db.selectFrom('unit').select(['code', 'name']).where('kind', '=', 'province').execute();
    assert.equal(provinces.length, 34, 'the 34 provinces and centrally-run cities');
    const skhcn = await d.db
      .selectFrom('unit as f')
      .innerJoin('unit as p', 'p.id', 'f.focal_for_id')
      .select(['f.code', 'p.code as for'])
      .where('f.code', '=', '38.SKHCN')
      .executeTakeFirstOrThrow();
    assert.equal(skhcn.for, '38');
  });
});

describe('search in Vietnamese', () => {
  const anon = () => new Client(app);

  test('finds every one of the 166 communes by its unaccented lower-case name, first', async () => {
    const csv = readCsv<{ code: string; name: string }>('thanh-hoa-communes.csv');
    // Without accents some names coincide (Đồng Tiến / Đông Tiến): then all of them come first.
    const byFolded = new Map<string, string[]>();
    for (const row of csv) byFolded.set(fold(row.name), [...(byFolded.get(fold(row.name)) ?? []), row.code]);
    assert.ok(
      [...byFolded.values()].some((codes) => codes.length > 1),
      'the data has accent-only homonyms',
    );
    const c = anon();
    for (const [q, codes] of byFolded) {
      const r = await c.get(
        `/api/units/search?q=${encodeURIComponent(q)}&limit=${codes.length}&kind=commune&kind=ward`,
      );
      assert.equal(r.status, 200);
      assert.deepEqual(
        r.body.map((h: any) => h.code).sort(),
        [...codes].sort(),
        `"${q}" should find ${codes} first, got ${JSON.stringify(r.body.map((h: any) => h.name))}`,
      );
    }
  });

  test('with accents, the exact name wins over its accent-only homonym', async () => {
    const c = anon();
    assert.equal(
      (await c.get(`/api/units/search?q=${encodeURIComponent('Đông Tiến')}&limit=1`)).body[0].name,
      'Phường Đông Tiến',
    );
    assert.equal(
      (await c.get(`/api/units/search?q=${encodeURIComponent('Đồng Tiến')}&limit=1`)).body[0].name,
      'Xã Đồng Tiến',
    );
  });

  test('finds a unit by its code, and tolerates a typo', async () => {
    const c = anon();
    assert.equal((await c.get('/api/units/search?q=16516&limit=1')).body[0].name, 'Phường Nam Sầm Sơn');
    assert.equal((await c.get('/api/units/search?q=38.SKHCN&limit=1')).body[0].name, 'Sở Khoa học và Công nghệ');
    assert.equal(
      (await c.get(`/api/units/search?q=${encodeURIComponent('nam sam sn')}&limit=1`)).body[0].code,
      '16516',
    );
    assert.equal(
      (await c.get(`/api/units/search?q=${encodeURIComponent('So khoa hoc cong nghe')}&limit=1`)).body[0].code,
      '38.SKHCN',
    );
  });

  test('finds the unit a former (merged) unit became, for every former unit merged whole', async () => {
    const formers = readCsv<{ new_code: string; old_name: string; old_type: string; change: string }>(
      'thanh-hoa-communes-former-units.csv',
    ).filter((f) => f.change === 'Nhập toàn bộ');
    assert.ok(formers.length > 500);
    let c = anon();
    let checked = 0;
    for (const f of formers) {
      // Anonymous callers are rate-limited per address (300 a minute): spread the load over addresses.
      if (checked % 250 === 249) c = anon();
      const q = fold(`${f.old_type} ${f.old_name}`);
      const r = await c.get(`/api/units/search?q=${encodeURIComponent(q)}&limit=10&kind=commune&kind=ward`);
      assert.ok(
        r.body.some((h: any) => h.code === f.new_code),
        `"${q}" should find ${f.new_code}`,
      );
      checked++;
    }
    assert.equal(checked, formers.length);
    const qv = await c.get('/api/units/search?q=quang%20vinh&limit=3');
    assert.equal(qv.body[0].code, '16516');
    assert.equal(qv.body[0].matched, 'Phường Quảng Vinh');
    assert.equal(qv.body[0].matchedKind, 'former');
  });

  test('rejects an empty query with a Vietnamese 400', async () => {
    const r = await anon().get('/api/units/search?q=');
    assert.equal(r.status, 400);
    assert.equal(r.body.error.code, 'validation');
    assert.match(r.body.error.issues[0].message, /không được để trống/);
  });
});

describe('unit administration keeps history', () => {
  test('a ward admin adds a tổ dân phố, renames it with the old name kept, and both are audited', async () => {
    const admin = await new Client(app).login('nss.admin');
    const ward = (await admin.get('/api/units/search?q=16516&limit=1')).body[0];
    const created = await admin.post(`/api/units/${ward.id}/children`, {
      kind: 'neighbourhood',
      name: 'Tổ dân phố Quảng Vinh 1',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.code.startsWith('16516.'), true);
    const renamed = await admin.post(`/api/units/${created.body.id}/rename`, { name: 'Tổ dân phố Vinh Sơn' });
    assert.equal(renamed.status, 200);
    const detail = await admin.get(`/api/units/${created.body.id}`);
    assert.equal(detail.body.unit.name, 'Tổ dân phố Vinh Sơn');
    assert.ok(detail.body.aliases.some((a: any) => a.kind === 'former' && a.name === 'Tổ dân phố Quảng Vinh 1'));
    // The old name still finds it.
    const found = await admin.get('/api/units/search?q=to%20dan%20pho%20quang%20vinh%201&limit=1');
    assert.equal(found.body[0].id, created.body.id);
    const audit = await d.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after', 'actor_username'])
      .where('entity_id', '=', String(created.body.id))
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['unit.create', 'unit.rename'],
    );
    assert.equal(audit[1]!.actor_username, 'nss.admin');
    assert.deepEqual(audit[1]!.before, { name: 'Tổ dân phố Quảng Vinh 1', shortName: 'Tổ dân phố Quảng Vinh 1' });
  });

  test('refuses a child kind that does not belong there, with the allowed kinds named', async () => {
    const admin = await new Client(app).login('nss.admin');
    const ward = (await admin.get('/api/units/search?q=16516&limit=1')).body[0];
    const r = await admin.post(`/api/units/${ward.id}/children`, { kind: 'agency', name: 'Sở gì đó' });
    assert.equal(r.status, 422);
    assert.match(r.body.error.issues[0].message, /Thôn, tổ dân phố/);
  });

  test('a province admin merges two communes: the old one is kept as merged, its offices move, its name becomes a former name', async () => {
    const admin = await new Client(app).login('tinh.admin');
    const [a] = (await admin.get('/api/units/search?q=15361&limit=1')).body; // Xã Tây Đô
    const [b] = (await admin.get('/api/units/search?q=16540&limit=1')).body; // Xã Quảng Ninh
    const r = await admin.post(`/api/units/${a.id}/merge`, { intoId: b.id });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.movedChildren, 9);
    const old = await admin.get(`/api/units/${a.id}`);
    assert.equal(old.body.unit.status, 'merged');
    assert.equal(old.body.mergedInto.id, b.id);
    const found = await admin.get('/api/units/search?q=tay%20do&limit=5&kind=commune');
    assert.equal(found.body.find((h: any) => h.status === 'active')?.id, b.id);
    const moved = await d.db
      .selectFrom('unit')
      .select(['path'])
      .where('code', '=', '15361.PVHXH')
      .executeTakeFirstOrThrow();
    assert.ok(moved.path.includes(b.id), 'moved office path recomputed under the new parent');
  });

  test('a ward admin cannot rename the ward itself, nor touch another ward', async () => {
    const admin = await new Client(app).login('nss.admin');
    const ward = (await admin.get('/api/units/search?q=16516&limit=1')).body[0];
    assert.equal((await admin.post(`/api/units/${ward.id}/rename`, { name: 'Phường Mới' })).status, 403);
    const other = (await admin.get('/api/units/search?q=14797&limit=1')).body[0];
    assert.equal(
      (await admin.post(`/api/units/${other.id}/children`, { kind: 'neighbourhood', name: 'Tổ 1' })).status,
      403,
    );
  });

  test('the audit trail cannot be changed, even by SQL', async () => {
    await assert.rejects(d.db.updateTable('audit_log').set({ action: 'x' }).execute(), /append-only/);
    await assert.rejects(d.db.deleteFrom('audit_log').execute(), /append-only/);
  });
});
