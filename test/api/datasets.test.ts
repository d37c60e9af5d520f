// The provincial AI database through its API: a Sở KH&CN officer files an open dataset whose CSV holds citizen ID
// numbers; the leader's publish is refused naming the column; masking it publishes; the public lists it, in DCAT
// too, and downloads are logged; a conditional dataset's file needs a grant; every change of a published entry
// lands in the outbox to the national database, a retraction as a tombstone.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openWorld, ok, type World } from '../support/factories.ts';
import { Client } from '../support/api.ts';

const CAST = {
  officer: ['skhcn.cv', '38.SKHCN', ['officer']],
  leader: ['skhcn.ld', '38.SKHCN', ['leader']],
  viewer: ['skhcn.xem', '38.SKHCN', ['viewer']],
  ward: ['nss.cv', '16516', ['officer']],
  wardLeader: ['nss.ld', '16516', ['leader']],
  otherWard: ['hacthanh.cv', '14797', ['officer']],
} as const satisfies Record<string, [string, string, Array<'officer' | 'leader' | 'viewer'>]>;

let w: World<typeof CAST>;
before(async () => {
  w = (await openWorld(CAST as never, ['16516', '14797', '38.SKHCN'])) as World<typeof CAST>;
});
after(() => w.close());

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

/** Household businesses of a ward: the owner's CCCD sits beside figures anyone may publish. */
function householdCsv(rows = 40): string {
  const out = ['ma_ho,ten_co_so,nganh_nghe,so_cccd_chu_ho,ma_xa,doanh_thu_nam'];
  const trades = ['Bán lẻ tạp hóa', 'Ăn uống', 'Sửa chữa xe máy', 'May mặc', 'Dịch vụ lưu trú'];
  for (let i = 1; i <= rows; i++) {
    const cccd = `038${i % 2}${String(60 + (i % 40)).padStart(2, '0')}${String(100000 + i * 7919).slice(-6)}`;
    out.push(
      `HKD-${String(i).padStart(4, '0')},Cơ sở số ${i},${trades[i % trades.length]},${cccd},16516,${120 + i * 3}000000`,
    );
  }
  return out.join('\n');
}

function dataset(unitId: number, over: Record<string, unknown> = {}) {
  return {
    unitId,
    title: 'Danh sách hộ kinh doanh phường Nam Sầm Sơn',
    description: 'Hộ kinh doanh cá thể đăng ký trên địa bàn, theo ngành nghề và doanh thu năm.',
    sector: 'doanh-nghiep-thuong-mai',
    keywords: ['hộ kinh doanh', 'doanh thu'],
    accessClass: 'open',
    licence: 'Giấy phép dữ liệu mở của tỉnh (ghi nguồn khi sử dụng)',
    updateFrequency: 'yearly',
    temporalStart: '2025-01-01',
    temporalEnd: '2025-12-31',
    spatialUnitIds: [w.unitIds['16516']],
    contactName: 'Phòng Chuyển đổi số, Sở KH&CN',
    contactEmail: 'cds.skhcn@thanhhoa.gov.vn',
    accessMethods: ['download', 'api'],
    ...over,
  };
}

const outbox = (uuid: string) =>
  w.d.db.selectFrom('sync_outbox').selectAll().where('uuid', '=', uuid).orderBy('id').execute();

describe('an open dataset with personal data', () => {
  let id: number;
  let uuid: string;
  let resourceId: number;

  test('the officer files it; the CSV read in the worker pool names the CCCD column', async () => {
    const sectors = await w.as.officer.get('/api/datasets/sectors');
    ok(sectors, 'sectors');
    assert.ok(sectors.body.some((s: { code: string }) => s.code === 'doanh-nghiep-thuong-mai'));
    const created = await w.as.officer.post('/api/datasets', dataset(w.unitIds['38.SKHCN'] as number));
    ok(created, 'create', 201);
    ({ id, uuid } = created.body);
    assert.match(uuid, /^[0-9a-f-]{36}$/);
    const up = await w.as.officer.post(`/api/datasets/${id}/resources`, {
      filename: 'ho-kinh-doanh.csv',
      contentBase64: b64(householdCsv()),
    });
    ok(up, 'upload', 201);
    resourceId = up.body.id;
    assert.equal(up.body.quality.rows, 40);
    assert.equal(up.body.quality.columns, 6);
    const cccd = up.body.quality.personalData.find((p: { kind: string }) => p.kind === 'cccd');
    assert.equal(cccd?.column, 'so_cccd_chu_ho');
    assert.equal(cccd?.count, 40);
    assert.ok(!up.body.quality.personalData.some((p: { column: string }) => p.column === 'ma_xa'));
    // The report names rows, never the numbers themselves.
    assert.ok(!JSON.stringify(up.body.quality).includes('0380'), 'no CCCD value in the report');
  });

  test("an officer cannot publish; the leader's publish is refused naming the column", async () => {
    assert.equal((await w.as.officer.post(`/api/datasets/${id}/publish`)).status, 403);
    const r = await w.as.leader.post(`/api/datasets/${id}/publish`);
    assert.equal(r.status, 422, JSON.stringify(r.body));
    assert.equal(r.body.error.code, 'dataset.personal_data');
    assert.match(r.body.error.message, /so_cccd_chu_ho/);
    assert.match(r.body.error.message, /căn cước công dân/);
    const detail = await w.as.officer.get(`/api/datasets/${id}`);
    assert.deepEqual(detail.body.blockers[0].columns, ['so_cccd_chu_ho']);
    assert.equal((await outbox(uuid)).length, 0, 'nothing sent while a draft');
  });

  test('masking the column makes a new version without personal data; then it publishes', async () => {
    const r = await w.as.officer.post(`/api/datasets/${id}/resources/${resourceId}/deidentify`, {
      steps: [{ column: 'so_cccd_chu_ho', action: 'mask' }],
      quasiIdentifiers: ['nganh_nghe', 'ma_xa'],
    });
    ok(r, 'deidentify', 201);
    assert.equal(r.body.version, 2);
    assert.equal(r.body.quality.personalData.length, 0, JSON.stringify(r.body.quality.personalData));
    assert.equal(r.body.kAnonymity.smallestGroup, 8);
    const file = await w.as.officer.get(`/api/datasets/${id}/resources/${resourceId}/download?version=2`);
    ok(file, 'own download');
    const text = Buffer.from(file.body).toString('utf8');
    assert.doesNotMatch(text, /\b0380\d{8}\b/);
    const pub = await w.as.leader.post(`/api/datasets/${id}/publish`);
    ok(pub, 'publish');
    const sent = await outbox(uuid);
    assert.equal(sent.length, 1);
    assert.equal(sent[0]?.op, 'put');
    const entry = sent[0]?.payload as { title: string; province: { code: string }; distributions: unknown[] };
    assert.equal(entry.province.code, '38');
    assert.equal(entry.distributions.length, 1);
    const detail = await w.as.officer.get(`/api/datasets/${id}`);
    assert.equal(detail.body.sync.status, 'pending');
  });

  test('the public lists it, in DCAT too; an anonymous download is logged', async () => {
    const anon = new Client(w.app);
    const list = await anon.get('/api/public/datasets?q=ho kinh doanh nam sam son');
    ok(list, 'public list');
    const item = list.body.items.find((d: { id: number }) => d.id === id);
    assert.ok(item, 'found without accents');
    assert.equal(item.uuid, uuid);
    assert.deepEqual(
      item.resources.map((r: { id: number }) => r.id),
      [resourceId],
    );
    assert.ok(!('internalNotes' in item));
    const dcat = await anon.get('/api/public/catalog.jsonld');
    ok(dcat, 'dcat');
    assert.equal(dcat.body['@type'], 'dcat:Catalog');
    const node = dcat.body['dcat:dataset'].find((d: Record<string, unknown>) => d['dct:identifier'] === uuid);
    assert.equal(node['@type'], 'dcat:Dataset');
    assert.equal(node['dcat:distribution'][0]['@type'], 'dcat:Distribution');
    assert.match(node['dcat:distribution'][0]['dcat:downloadURL']['@id'], /\/download$/);
    assert.match(node['dct:accessRights']['@id'], /access-right\/PUBLIC$/);
    const csv = await anon.get('/api/public/datasets.csv');
    assert.match(Buffer.from(csv.body).toString('utf8'), /Danh sách hộ kinh doanh phường Nam Sầm Sơn/);
    const dl = await anon.get(`/api/public/datasets/${id}/resources/${resourceId}/download`);
    ok(dl, 'anonymous download');
    assert.equal(dl.headers.get('x-content-type-options'), 'nosniff');
    assert.match(dl.headers.get('content-disposition') ?? '', /^attachment/);
    const log = await w.as.officer.get(`/api/datasets/${id}/access-log`);
    ok(log, 'access log');
    const anonymous = log.body.items.find((e: { user: unknown }) => e.user === null);
    assert.equal(anonymous?.ip, anon.ip);
    assert.equal(anonymous?.version, 2);
    assert.equal(
      (await w.as.ward.get(`/api/datasets/${id}/access-log`)).status,
      403,
      'a published entry is readable, its log is not',
    );
  });

  test('an edit by the leader is one more version of the same uuid; the officer may not edit it now', async () => {
    const body = dataset(w.unitIds['38.SKHCN'] as number, {
      title: 'Hộ kinh doanh cá thể phường Nam Sầm Sơn năm 2025',
    });
    assert.equal((await w.as.officer.put(`/api/datasets/${id}`, body)).status, 403);
    ok(await w.as.leader.put(`/api/datasets/${id}`, body), 'leader edit');
    const sent = await outbox(uuid);
    const live = sent.filter((s) => s.status !== 'superseded');
    assert.equal(live.length, 1, 'the older waiting version is superseded');
    assert.equal((live[0]!.payload as { title: string }).title, body.title);
  });

  test('retraction leaves the public catalogue and sends a tombstone', async () => {
    const r = await w.as.leader.post(`/api/datasets/${id}/retract`, {
      reason: 'Số liệu năm 2025 được thay bằng bộ mới.',
    });
    ok(r, 'retract');
    assert.equal((await new Client(w.app).get(`/api/public/datasets/${id}`)).status, 404);
    const last = (await outbox(uuid)).at(-1);
    assert.equal(last?.op, 'delete');
    assert.equal((last!.payload as { reason: string }).reason, 'Số liệu năm 2025 được thay bằng bộ mới.');
  });
});

describe('a conditional dataset: files only under a grant', () => {
  let id: number;
  let rid: number;
  test('published with its personal data; anonymous and other units get 403', async () => {
    const c = await w.as.officer.post(
      '/api/datasets',
      dataset(w.unitIds['38.SKHCN'] as number, {
        title: 'Hộ kinh doanh (có định danh chủ hộ)',
        accessClass: 'conditional',
      }),
    );
    ok(c, 'create', 201);
    id = c.body.id;
    const up = await w.as.officer.post(`/api/datasets/${id}/resources`, {
      filename: 'hkd.csv',
      contentBase64: b64(householdCsv(10)),
    });
    ok(up, 'upload', 201);
    rid = up.body.id;
    ok(await w.as.leader.post(`/api/datasets/${id}/publish`), 'publish');
    const path = `/api/public/datasets/${id}/resources/${rid}/download`;
    const anon = await new Client(w.app).get(path);
    assert.equal(anon.status, 403);
    assert.match(anon.body.error.message, /có điều kiện/);
    assert.equal((await w.as.ward.get(path)).status, 403);
  });

  test('the ward asks, the leader approves for 30 days, the ward downloads under its grant (logged)', async () => {
    const opened = await w.as.leader.put(
      `/api/datasets/${id}`,
      dataset(w.unitIds['38.SKHCN'] as number, { title: 'Hộ kinh doanh (có định danh chủ hộ)', accessClass: 'open' }),
    );
    assert.equal(opened.status, 422, 'a published conditional dataset with CCCD cannot be made open');
    assert.match(opened.body.error.message, /so_cccd_chu_ho/);
    const req = await w.as.ward.post(`/api/datasets/${id}/access-requests`, {
      purpose: 'Huấn luyện mô hình dự báo nhu cầu cấp phép kinh doanh.',
      intendedUse: 'Chỉ dùng nội bộ UBND phường, không chia sẻ cho bên thứ ba.',
      durationDays: 90,
    });
    ok(req, 'request', 201);
    const twice = await w.as.ward.post(`/api/datasets/${id}/access-requests`, {
      purpose: 'Huấn luyện mô hình dự báo nhu cầu cấp phép kinh doanh.',
      intendedUse: 'Chỉ dùng nội bộ UBND phường.',
      durationDays: 90,
    });
    assert.equal(twice.status, 409);
    assert.equal(
      (
        await w.as.wardLeader.post(`/api/datasets/${id}/access-requests/${req.body.id}/decision`, {
          decision: 'approve',
        })
      ).status,
      403,
    );
    assert.equal(
      (await w.as.officer.post(`/api/datasets/${id}/access-requests/${req.body.id}/decision`, { decision: 'approve' }))
        .status,
      403,
    );
    const approved = await w.as.leader.post(`/api/datasets/${id}/access-requests/${req.body.id}/decision`, {
      decision: 'approve',
      durationDays: 30,
    });
    ok(approved, 'approve');
    const days = (Date.parse(approved.body.expiresAt) - Date.now()) / 86_400_000;
    assert.ok(days > 29.9 && days <= 30, String(days));
    const path = `/api/public/datasets/${id}/resources/${rid}/download`;
    ok(await w.as.ward.get(path), 'download under grant');
    assert.equal((await w.as.otherWard.get(path)).status, 403, 'a grant is personal');
    const log = await w.as.leader.get(`/api/datasets/${id}/access-log`);
    assert.equal(log.body.items[0].grantId, req.body.id);
    assert.equal(log.body.items[0].user.name.length > 0, true);
    ok(
      await w.as.leader.post(`/api/datasets/${id}/access-requests/${req.body.id}/revoke`, {
        reason: 'Hết nhu cầu sử dụng.',
      }),
      'revoke',
    );
    assert.equal((await w.as.ward.get(path)).status, 403, 'revoked');
  });

  test('the access log cannot be changed, even by SQL', async () => {
    await assert.rejects(w.d.db.deleteFrom('dataset_access_log').where('dataset_id', '=', id).execute(), /append-only/);
  });
});

describe('rules and bad input', () => {
  test('a false positive is cleared with a reason (audited) and no longer blocks', async () => {
    const c = await w.as.officer.post(
      '/api/datasets',
      dataset(w.unitIds['38.SKHCN'] as number, { title: 'Danh bạ đường dây nóng các xã' }),
    );
    const id = c.body.id;
    const csv = [
      'ma_xa,ten_xa,duong_day_nong',
      '16516,Phường Nam Sầm Sơn,0912345678',
      '14797,Phường Hạc Thành,0987654321',
      '16519,Xã Quảng Ngọc,0978123456',
    ].join('\n');
    const up = await w.as.officer.post(`/api/datasets/${id}/resources`, {
      filename: 'duong-day-nong.csv',
      contentBase64: b64(csv),
    });
    ok(up, 'upload', 201);
    const phone = up.body.quality.personalData.find((p: { kind: string }) => p.kind === 'phone');
    assert.equal(phone?.column, 'duong_day_nong');
    assert.equal((await w.as.leader.post(`/api/datasets/${id}/publish`)).status, 422);
    const short = await w.as.officer.post(`/api/datasets/${id}/resources/${up.body.id}/findings/decision`, {
      column: 'duong_day_nong',
      kind: 'phone',
      reason: 'x',
    });
    assert.equal(short.status, 400);
    ok(
      await w.as.officer.post(`/api/datasets/${id}/resources/${up.body.id}/findings/decision`, {
        column: 'duong_day_nong',
        kind: 'phone',
        reason: 'Số đường dây nóng công khai của cơ quan, không phải số cá nhân.',
      }),
      'dismiss',
    );
    ok(await w.as.leader.post(`/api/datasets/${id}/publish`), 'publish');
    const audit = await w.d.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_type', '=', 'dataset')
      .where('entity_id', '=', String(id))
      .execute();
    assert.ok(audit.some((a) => a.action === 'dataset.finding_dismiss'));
  });

  test('drafts of another unit do not exist for a ward; a viewer cannot create', async () => {
    const c = await w.as.officer.post(
      '/api/datasets',
      dataset(w.unitIds['38.SKHCN'] as number, { title: 'Bản nháp riêng' }),
    );
    assert.equal((await w.as.ward.get(`/api/datasets/${c.body.id}`)).status, 404);
    assert.equal((await w.as.ward.post(`/api/datasets/${c.body.id}/publish`)).status, 404);
    assert.equal(
      (await w.as.viewer.post('/api/datasets', dataset(w.unitIds['38.SKHCN'] as number, { title: 'Xem thôi' }))).status,
      403,
    );
    const list = await w.as.ward.get('/api/datasets');
    assert.ok(!list.body.items.some((d: { id: number }) => d.id === c.body.id));
    const own = await w.as.ward.post(
      '/api/datasets',
      dataset(w.unitIds['16516'] as number, { title: 'Dữ liệu của phường' }),
    );
    ok(own, 'ward creates its own', 201);
    assert.equal((await w.as.otherWard.get(`/api/datasets/${own.body.id}`)).status, 404);
    ok(await w.as.officer.get(`/api/datasets/${own.body.id}`), 'the focal unit follows all');
    assert.equal(
      (
        await w.as.officer.put(
          `/api/datasets/${own.body.id}`,
          dataset(w.unitIds['16516'] as number, { title: 'Sửa hộ' }),
        )
      ).status,
      403,
    );
  });

  test('Vietnamese 4xx for bad input: unknown sector, reversed dates, same title, hostile and oversize files', async () => {
    const unit = w.unitIds['38.SKHCN'] as number;
    const sector = await w.as.officer.post(
      '/api/datasets',
      dataset(unit, { title: 'Lĩnh vực lạ', sector: 'khong-co' }),
    );
    assert.equal(sector.status, 422);
    assert.match(sector.body.error.message, /Lĩnh vực "khong-co"/);
    const dates = await w.as.officer.post(
      '/api/datasets',
      dataset(unit, { title: 'Ngày ngược', temporalStart: '2026-01-01', temporalEnd: '2025-01-01' }),
    );
    assert.equal(dates.status, 400);
    assert.ok(dates.body.error.issues.some((i: { path: string }) => i.path === 'temporalEnd'));
    ok(await w.as.officer.post('/api/datasets', dataset(unit, { title: 'Trùng tên' })), 'first', 201);
    const same = await w.as.officer.post('/api/datasets', dataset(unit, { title: 'TRÙNG TÊN' }));
    assert.equal(same.status, 409);
    const target = (await w.as.officer.post('/api/datasets', dataset(unit, { title: 'Tệp xấu' }))).body.id;
    const notCsv = await w.as.officer.post(`/api/datasets/${target}/resources`, {
      filename: 'a.csv',
      contentBase64: b64(Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0])),
    });
    assert.ok(notCsv.status >= 400 && notCsv.status < 500, String(notCsv.status));
    assert.match(notCsv.body.error.message, /[ăâđêôơư]/);
    const empty = await w.as.officer.post(`/api/datasets/${target}/resources`, {
      filename: 'a.csv',
      contentBase64: '',
    });
    assert.equal(empty.status, 400);
    const tooBig = await w.as.officer.request(
      'POST',
      `/api/datasets/${target}/resources`,
      `{"filename":"a.csv","contentBase64":"${'A'.repeat(60 * 1024 * 1024)}"}`,
    );
    assert.equal(tooBig.status, 413);
    assert.equal((await w.as.leader.post(`/api/datasets/${target}/publish`)).status, 422, 'no file yet');
  });
});

describe('a published entry for other units', () => {
  test('any signed-in user reads it (no internal notes), asks for access, and sees the grant on its page', async () => {
    const unit = w.unitIds['38.SKHCN'] as number;
    const c = await w.as.officer.post(
      '/api/datasets',
      dataset(unit, { title: 'Dữ liệu thương mại thử', accessClass: 'commercial', internalNotes: 'GHI-CHÚ-NỘI-BỘ' }),
    );
    const id = c.body.id;
    const up = await w.as.officer.post(`/api/datasets/${id}/resources`, {
      filename: 'tm.csv',
      contentBase64: b64(householdCsv(5)),
    });
    assert.equal((await w.as.otherWard.get(`/api/datasets/${id}`)).status, 404, 'a draft does not exist for them');
    ok(await w.as.leader.post(`/api/datasets/${id}/publish`), 'publish');
    const seen = await w.as.otherWard.get(`/api/datasets/${id}`);
    ok(seen, 'published entry');
    assert.equal(seen.body.internalNotes, '');
    assert.deepEqual(
      [seen.body.can.requestAccess, seen.body.can.download, seen.body.can.edit, seen.body.can.readLog],
      [true, false, false, false],
    );
    const own = await w.as.otherWard.get(`/api/datasets/${id}/resources/${up.body.id}/download?version=1`);
    assert.equal(own.status, 403, 'old versions are the owner side only');
    assert.equal((await w.as.otherWard.put(`/api/datasets/${id}`, dataset(unit, { title: 'Sửa' }))).status, 403);
    const req = await w.as.otherWard.post(`/api/datasets/${id}/access-requests`, {
      purpose: 'Nghiên cứu thị trường dịch vụ lưu trú.',
      intendedUse: 'Tổng hợp số liệu cho báo cáo của phường.',
      durationDays: 10,
    });
    ok(req, 'request', 201);
    ok(
      await w.as.leader.post(`/api/datasets/${id}/access-requests/${req.body.id}/decision`, { decision: 'approve' }),
      'approve',
    );
    const after = await w.as.otherWard.get(`/api/datasets/${id}`);
    assert.equal(after.body.myAccess.status, 'approved');
    assert.deepEqual([after.body.can.requestAccess, after.body.can.download], [false, true]);
  });
});
