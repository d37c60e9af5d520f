// Organisation accounts of the provincial AI database (issue 12, item 4): an enterprise registers with its tax code
// and gets an access key once; until the province's unit administrator approves the account it can neither ask nor
// download; then it asks for a conditional dataset with its key, the Sở's leader approves (the organisation learns
// it by mail, from a real SMTP server in this process), and it downloads under the grant, in the access log by name.
// Another organisation's key reaches nothing of it; a replaced key stops at once; a suspended account downloads
// nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openWorld, ok, type World } from '../support/factories.ts';
import { Client } from '../support/api.ts';
import { mailText, startSmtp, type TestSmtp } from '../support/smtp.ts';

const CAST = {
  officer: ['skhcn.cv', '38.SKHCN', ['officer']],
  leader: ['skhcn.ld', '38.SKHCN', ['leader']],
  provinceAdmin: ['tinh.qt', '38', ['unitAdmin']],
  wardAdmin: ['nss.qt', '16516', ['unitAdmin']],
  wardLeader: ['nss.ld', '16516', ['leader']],
} as const satisfies Record<string, [string, string, Array<'officer' | 'leader' | 'unitAdmin'>]>;

let w: World<typeof CAST>;
let smtp: TestSmtp;
before(async () => {
  smtp = await startSmtp();
  w = (await openWorld(CAST as never, ['16516', '38.SKHCN', '38'], {
    app: { smtpUrl: smtp.url, mailFrom: 'Thi Hành <no-reply@thihanh.test>' },
  })) as World<typeof CAST>;
});
after(async () => {
  await w?.close();
  await smtp?.close();
});

const b64 = (s: string) => Buffer.from(s).toString('base64');
/** Decoded quoted-printable / base64 bodies are not needed: subjects and short bodies are checked loosely. */
const mailTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));
const waitFor = async (cond: () => boolean, what: string) => {
  for (let i = 0; i < 100 && !cond(); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(cond(), what);
};

/** An organisation's own client: its key in the Authorization header, nobody signed in. */
function keyed(key: string) {
  const c = new Client(w.app);
  const auth = { authorization: `Bearer ${key}` };
  return {
    get: (p: string) => c.request('GET', p, undefined, auth),
    post: (p: string, b: unknown = {}) => c.request('POST', p, b, auth),
  };
}

const ENTERPRISE = {
  name: 'Công ty Cổ phần Công nghệ Dữ liệu Hàm Rồng',
  taxCode: '2801234564',
  kind: 'enterprise',
  address: 'Phường Hạc Thành, tỉnh Thanh Hóa',
  contactName: 'Lê Thu Trang',
  contactEmail: 'trang.le@hamrong-data.vn',
  contactPhone: '0912 345 678',
};
const REQUEST = {
  purpose: 'Huấn luyện mô hình phân loại phản ánh theo lĩnh vực cho trợ lý ảo của phường.',
  intendedUse: 'Chỉ dùng trong dự án thí điểm; không tái chia sẻ; xóa dữ liệu khi hết hạn.',
  durationDays: 60,
};

describe('an organisation account', () => {
  let key = '';
  let orgId = 0;
  let datasetId = 0;
  let resourceId = 0;
  let openId = 0;
  const anonymous = () => new Client(w.app);

  test('registering: the tax code is checked, the key is shown once, a second account for the same code is refused', async () => {
    const bad = await anonymous().post('/api/public/organisations', { ...ENTERPRISE, taxCode: '2801234565' });
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(bad.body), /Mã số thuế.*chữ số cuối là số kiểm tra/);
    const noMail = await anonymous().post('/api/public/organisations', { ...ENTERPRISE, contactEmail: 'trang' });
    assert.equal(noMail.status, 400);
    assert.match(JSON.stringify(noMail.body), /contactEmail/);

    const r = await anonymous().post('/api/public/organisations', ENTERPRISE);
    ok(r, 'register', 201);
    assert.equal(r.body.status, 'pending');
    assert.match(r.body.accessKey, /^thk_[A-Za-z0-9_-]{32}$/);
    ({ accessKey: key, id: orgId } = r.body);
    const stored = await w.d.db
      .selectFrom('data_organisation')
      .selectAll()
      .where('id', '=', orgId)
      .executeTakeFirstOrThrow();
    assert.notEqual(stored.key_hash, key, 'only a hash is kept');
    assert.ok(!JSON.stringify(stored).includes(key));

    const again = await anonymous().post('/api/public/organisations', { ...ENTERPRISE, name: 'Tên khác' });
    assert.equal(again.status, 409);
    assert.match(again.body.error.message, /2801234564 đã có tài khoản tổ chức/);
  });

  test('a key is needed, and the right one', async () => {
    const none = await anonymous().get('/api/public/organisations/me');
    assert.equal(none.status, 401);
    assert.match(none.body.error.message, /Cần khóa truy cập của tổ chức/);
    const wrong = await keyed('thk_khongdungkhongdungkhongdungkhongd').get('/api/public/organisations/me');
    assert.equal(wrong.status, 401);
    const me = await keyed(key).get('/api/public/organisations/me');
    ok(me, 'me');
    assert.equal(me.body.status, 'pending');
    assert.equal(me.body.statusLabel, 'Chờ tỉnh xác minh');
    assert.deepEqual(me.body.requests, []);
  });

  test('the Sở files a conditional dataset; a pending account can neither ask nor download', async () => {
    const created = await w.as.officer.post('/api/datasets', {
      unitId: w.unitIds['38.SKHCN'],
      title: 'Phản ánh về thủ tục hành chính 2025 (khử định danh)',
      description: 'Phản ánh đã bỏ thông tin người gửi.',
      sector: 'hanh-chinh-cong',
      accessClass: 'conditional',
      contactEmail: 'cds.skhcn@thanhhoa.gov.vn',
    });
    ok(created, 'create', 201);
    datasetId = created.body.id;
    const up = await w.as.officer.post(`/api/datasets/${datasetId}/resources`, {
      filename: 'phan-anh.csv',
      contentBase64: b64('ma,linh_vuc,so_ngay\nPA-1,Đất đai,12\nPA-2,Hộ tịch,3\nPA-3,Môi trường,20'),
    });
    ok(up, 'upload', 201);
    resourceId = up.body.id;
    ok(await w.as.leader.post(`/api/datasets/${datasetId}/publish`), 'publish');

    const ask = await keyed(key).post(`/api/public/datasets/${datasetId}/access-requests`, REQUEST);
    assert.equal(ask.status, 403);
    assert.match(ask.body.error.message, /chờ tỉnh xác minh/);
    const dl = await keyed(key).get(`/api/public/datasets/${datasetId}/resources/${resourceId}/download`);
    assert.equal(dl.status, 403);
  });

  test('only the province’s unit administrator sees the accounts (an audited view) and decides', async () => {
    for (const who of ['wardAdmin', 'leader', 'officer'] as const)
      assert.equal((await w.as[who].get('/api/data-organisations')).status, 403, who);
    const list = await w.as.provinceAdmin.get('/api/data-organisations?status=pending');
    ok(list, 'list');
    const row = list.body.items.find((o: { id: number }) => o.id === orgId);
    assert.equal(row.contactEmail, ENTERPRISE.contactEmail);
    assert.equal(row.keyHint, key.slice(-4));
    const viewed = await w.d.db
      .selectFrom('audit_log')
      .select(['after'])
      .where('action', '=', 'data_organisation.contact_view')
      .execute();
    assert.ok(viewed.some((a) => JSON.stringify(a.after).includes(String(orgId))));
    const bySearch = await w.as.provinceAdmin.get('/api/data-organisations?q=ham rong');
    assert.deepEqual(
      bySearch.body.items.map((o: { id: number }) => o.id),
      [orgId],
      'found without accents',
    );

    const refuseWithoutReason = await w.as.provinceAdmin.post(`/api/data-organisations/${orgId}/decision`, {
      decision: 'refuse',
    });
    assert.equal(refuseWithoutReason.status, 400);
    const approved = await w.as.provinceAdmin.post(`/api/data-organisations/${orgId}/decision`, {
      decision: 'approve',
    });
    ok(approved, 'approve');
    assert.equal(approved.body.status, 'active');
    const twice = await w.as.provinceAdmin.post(`/api/data-organisations/${orgId}/decision`, { decision: 'approve' });
    assert.equal(twice.status, 409);
    await waitFor(() => mailTo(ENTERPRISE.contactEmail).length === 1, 'the organisation is told by mail');
  });

  test('with an active account: ask once, the leader sees who asks and approves, the organisation downloads under the grant', async () => {
    const ask = await keyed(key).post(`/api/public/datasets/${datasetId}/access-requests`, REQUEST);
    ok(ask, 'ask', 201);
    const again = await keyed(key).post(`/api/public/datasets/${datasetId}/access-requests`, REQUEST);
    assert.equal(again.status, 409);

    const requests = await w.as.leader.get(`/api/datasets/${datasetId}/access-requests`);
    ok(requests, 'requests');
    const req = requests.body.items.find((r: { id: number }) => r.id === ask.body.id);
    assert.equal(req.requester, null);
    assert.equal(req.organisationAccount.name, ENTERPRISE.name);
    assert.equal(req.organisationAccount.taxCode, ENTERPRISE.taxCode);
    assert.equal(req.organisationAccount.kindLabel, 'Doanh nghiệp');
    assert.equal(req.organisationAccount.contactEmail, ENTERPRISE.contactEmail);
    // A leader of another unit does not decide the Sở's requests.
    assert.equal((await w.as.wardLeader.get(`/api/datasets/${datasetId}/access-requests`)).status, 403);

    const decided = await w.as.leader.post(`/api/datasets/${datasetId}/access-requests/${ask.body.id}/decision`, {
      decision: 'approve',
      durationDays: 30,
      reason: 'Đúng mục đích thí điểm.',
    });
    ok(decided, 'approve');
    await waitFor(() => mailTo(ENTERPRISE.contactEmail).length === 2, 'the decision by mail');

    const me = await keyed(key).get('/api/public/organisations/me');
    assert.equal(me.body.requests[0].status, 'approved');
    assert.ok(me.body.requests[0].expiresAt > new Date(Date.now() + 29 * 86_400_000).toISOString());

    const dl = await keyed(key).get(`/api/public/datasets/${datasetId}/resources/${resourceId}/download`);
    assert.equal(dl.status, 200);
    assert.match(Buffer.from(dl.body as ArrayBuffer).toString('utf8'), /PA-2,Hộ tịch,3/);
    const log = await w.as.officer.get(`/api/datasets/${datasetId}/access-log`);
    const entry = log.body.items[0];
    assert.deepEqual(
      [entry.organisation?.name, entry.user, entry.channel, entry.grantId],
      [ENTERPRISE.name, null, 'api', ask.body.id],
    );
  });

  test('another organisation’s key reaches nothing of it; an open dataset needs no request', async () => {
    const other = await anonymous().post('/api/public/organisations', {
      ...ENTERPRISE,
      name: 'Viện Nghiên cứu Ngôn ngữ Miền Trung',
      taxCode: '0100123453',
      kind: 'research',
      contactEmail: 'vien@nnmt.edu.vn',
    });
    ok(other, 'register other', 201);
    ok(
      await w.as.provinceAdmin.post(`/api/data-organisations/${other.body.id}/decision`, { decision: 'approve' }),
      'ok',
    );
    const otherKey = other.body.accessKey as string;
    assert.equal(
      (await keyed(otherKey).get(`/api/public/datasets/${datasetId}/resources/${resourceId}/download`)).status,
      403,
    );
    assert.deepEqual((await keyed(otherKey).get('/api/public/organisations/me')).body.requests, []);

    const open = await w.as.officer.post('/api/datasets', {
      unitId: w.unitIds['38.SKHCN'],
      title: 'Danh mục điểm Wi-Fi công cộng',
      description: 'Dữ liệu mở.',
      sector: 'khoa-hoc-cong-nghe',
      accessClass: 'open',
    });
    openId = open.body.id;
    const draftAsk = await keyed(otherKey).post(`/api/public/datasets/${openId}/access-requests`, REQUEST);
    assert.equal(draftAsk.status, 404, 'a draft does not exist for outsiders');
    ok(
      await w.as.officer.post(`/api/datasets/${openId}/resources`, {
        filename: 'wifi.csv',
        contentBase64: b64('ma,ten_diem\nW1,Quảng trường Lam Sơn\nW2,Công viên Hội An'),
      }),
      'upload',
      201,
    );
    ok(await w.as.leader.post(`/api/datasets/${openId}/publish`), 'publish open');
    const openAsk = await keyed(otherKey).post(`/api/public/datasets/${openId}/access-requests`, REQUEST);
    assert.equal(openAsk.status, 409);
    assert.match(openAsk.body.error.message, /dữ liệu mở/);
  });

  test('a replaced key stops at once; a suspended account downloads nothing', async () => {
    const replaced = await keyed(key).post('/api/public/organisations/me/key');
    ok(replaced, 'replace');
    const newKey = replaced.body.accessKey as string;
    assert.notEqual(newKey, key);
    assert.equal((await keyed(key).get('/api/public/organisations/me')).status, 401);
    assert.equal((await keyed(newKey).get('/api/public/organisations/me')).status, 200);

    const suspend = await w.as.provinceAdmin.post(`/api/data-organisations/${orgId}/decision`, {
      decision: 'suspend',
      reason: 'Chia sẻ dữ liệu ra ngoài mục đích đã đăng ký.',
    });
    ok(suspend, 'suspend');
    const dl = await keyed(newKey).get(`/api/public/datasets/${datasetId}/resources/${resourceId}/download`);
    assert.equal(dl.status, 403);
    assert.match((dl.body as { error: { message: string } }).error.message, /tạm dừng: Chia sẻ dữ liệu/);
    const audit = await w.d.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'data_organisation')
      .where('entity_id', '=', String(orgId))
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action).filter((a) => a !== 'data_organisation.contact_view'),
      [
        'data_organisation.register',
        'data_organisation.approve',
        'data_organisation.key_replace',
        'data_organisation.suspend',
      ],
    );
    key = newKey;
  });

  test('a lost key: a code mailed to the contact gets a new one; the answer never tells whether the account exists', async () => {
    const ask = (body: unknown) => anonymous().post('/api/public/organisations/key-recovery', body);
    // Wrong e-mail, or a tax code with no account: the same answer, and no mail.
    const before = smtp.received.length;
    const wrong = await ask({ taxCode: ENTERPRISE.taxCode, contactEmail: 'someone.else@example.vn' });
    const unknown = await ask({ taxCode: '0100109106', contactEmail: ENTERPRISE.contactEmail });
    ok(wrong, 'wrong e-mail');
    ok(unknown, 'unknown tax code');
    assert.deepEqual(wrong.body, unknown.body);
    // Bad input is named field by field, in Vietnamese.
    const bad = await ask({ taxCode: '123', contactEmail: 'not-an-address' });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.error.issues.map((i: { path: string }) => i.path).sort(), ['contactEmail', 'taxCode']);

    // The account's own contact, written in another case: a code by mail.
    const asked = await ask({ taxCode: ENTERPRISE.taxCode, contactEmail: ENTERPRISE.contactEmail.toUpperCase() });
    ok(asked, 'recovery');
    assert.deepEqual(asked.body, wrong.body);
    await waitFor(() => smtp.received.length > before, 'the recovery mail');
    const mails = smtp.received.slice(before);
    assert.deepEqual(
      mails.map((m) => m.to),
      [[ENTERPRISE.contactEmail]],
    );
    const code = /Mã khôi phục[^:]*: ([A-Za-z0-9_-]{20,})/.exec(mailText(mails[0]!))?.[1];
    assert.ok(code, mailText(mails[0]!));

    const wrongCode = await anonymous().post('/api/public/organisations/key-recovery/confirm', { code: `${code}x` });
    assert.equal(wrongCode.status, 400);
    assert.equal(wrongCode.body.error.issues[0].path, 'code');
    const got = await anonymous().post('/api/public/organisations/key-recovery/confirm', { code });
    ok(got, 'confirm');
    const recovered = got.body.accessKey as string;
    assert.match(recovered, /^thk_/);
    assert.equal((await keyed(key).get('/api/public/organisations/me')).status, 401, 'the old key stops');
    const self = await keyed(recovered).get('/api/public/organisations/me');
    assert.equal(self.body.status, 'suspended', 'a new key does not lift a suspension');
    // Used once.
    assert.equal((await anonymous().post('/api/public/organisations/key-recovery/confirm', { code })).status, 400);
    const last = await w.d.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'data_organisation')
      .where('entity_id', '=', String(orgId))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(last.action, 'data_organisation.key_recover');
  });
});
