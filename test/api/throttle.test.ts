// Throttling that protects without locking out: login failures per (account, address) and per address, the client
// address behind trusted proxies, Secure cookies behind HTTPS, request limits shared by every server process on the
// database, per-user limits, and the evidence download's own content security policy.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { backend, type TestDatabase } from '../support/db.ts';
import { openWorld } from '../support/factories.ts';
import { Client, testApp, TEST_PASSWORD, type App } from '../support/api.ts';
import { loadConfig } from '../../src/config.ts';
import { openDatabase, type Database } from '../../src/db/connect.ts';
import { purgeExpired } from '../../src/modules/auth/service.ts';

const VI = /[ạảãáàâấầẩẫậăắằẳẵặđéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵ]/i;

let d: TestDatabase;
let app: App;
before(async () => {
  ({ d, app } = await openWorld(
    {
      wardLeader: ['nss.ld', '16516', ['leader']],
      ward: ['nss.cv', '16516', ['officer']],
      otherWard: ['hacthanh.cv', '14797', ['officer']],
      skhcn: ['skhcn.cv', '38.SKHCN', ['officer']],
      leader: ['tinh.ld', '38', ['leader']],
    },
    [],
    { signIn: false },
  ));
});
after(() => d.close());

const login = (c: Client, username: string, password: string, headers: Record<string, string> = {}) =>
  c.request('POST', '/api/auth/login', { username, password }, headers);

/** Moves an address's login attempts back in time, as if that much time had passed. */
async function age(ip: string, interval: string) {
  await sql`UPDATE login_attempt SET at = at - ${interval}::interval WHERE ip = ${ip}`.execute(d.db);
}

describe('login throttling', () => {
  test('an attacker failing 50 times on the ward leader from A is slowed; the leader from B logs in at once', async () => {
    const attacker = new Client(app);
    const statuses: number[] = [];
    let last = await login(attacker, 'nss.ld', 'doan-mo-0');
    statuses.push(last.status);
    for (let i = 1; i < 50; i++) statuses.push((last = await login(attacker, 'nss.ld', `doan-mo-${i}`)).status);
    assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401]);
    assert.deepEqual(new Set(statuses.slice(5)), new Set([429]));
    assert.equal(last.body.error.code, 'auth.throttled');
    assert.match(last.body.error.message, VI);
    assert.match(last.body.error.message, /thử lại sau \d+ giây/);
    assert.ok(
      Number(last.headers.get('retry-after')) >= 1 && Number(last.headers.get('retry-after')) <= 15,
      last.headers.get('retry-after')!,
    );

    // The leader, from her own address, gets in at once while A keeps knocking.
    const [leader, knock] = await Promise.all([
      login(new Client(app), 'nss.ld', TEST_PASSWORD),
      login(attacker, 'nss.ld', 'doan-mo-50'),
    ]);
    assert.equal(leader.status, 200);
    assert.equal(knock.status, 429);
    // From A even the right password waits: A learns nothing about its guesses.
    assert.equal((await login(attacker, 'nss.ld', TEST_PASSWORD)).status, 429);
    // Refused tries were not counted: once the wait has passed, A may try again, and the next wait doubles.
    await age(attacker.ip, '16 seconds');
    assert.equal((await login(attacker, 'nss.ld', 'doan-mo-51')).status, 401);
    const longer = await login(attacker, 'nss.ld', 'doan-mo-52');
    assert.equal(longer.status, 429);
    assert.equal(longer.headers.get('retry-after'), '30');
    // A success from the pair clears its failures.
    await age(attacker.ip, '1 minute');
    assert.equal((await login(attacker, 'nss.ld', TEST_PASSWORD)).status, 200);
    assert.equal((await login(attacker, 'nss.ld', 'sai-lan-nua')).status, 401);
    assert.equal((await login(attacker, 'nss.ld', 'sai-lan-nua')).status, 401);
  });

  test('100 failures from one address across many accounts stop that address; another address is unaffected', async () => {
    const office = new Client(app);
    for (let batch = 0; batch < 10; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => login(office, `khach.${batch * 10 + i}`, 'doan-mo')),
      );
      assert.deepEqual(
        answers.map((a) => a.status),
        Array(10).fill(401),
      );
    }
    const stopped = await login(office, 'nss.cv', TEST_PASSWORD);
    assert.equal(stopped.status, 429);
    assert.match(
      stopped.body.error.message,
      /Địa chỉ mạng của bạn đã đăng nhập sai quá nhiều lần\. Vui lòng thử lại sau \d+ phút\./,
    );
    const retryAfter = Number(stopped.headers.get('retry-after'));
    assert.ok(retryAfter > 3500 && retryAfter <= 3600, String(retryAfter));
    assert.equal((await login(new Client(app), 'nss.cv', TEST_PASSWORD)).status, 200);
    // The hour passes for the oldest failure: the address may try again.
    await age(office.ip, '61 minutes');
    assert.equal((await login(office, 'nss.cv', TEST_PASSWORD)).status, 200);
  });
});

describe('the client behind proxies', () => {
  test('with THIHANH_TRUST_PROXY=1 the address the proxy appended counts, not what the client wrote', async () => {
    const proxied = testApp(d.db, d.backend, { trustProxy: loadConfig({ THIHANH_TRUST_PROXY: '1' }).trustProxy });
    const c = new Client(proxied, '203.0.113.7');
    for (let i = 0; i < 5; i++) {
      assert.equal(
        (await login(c, 'hacthanh.cv', 'doan-mo', { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.7` })).status,
        401,
      );
    }
    const ips = await d.db
      .selectFrom('login_attempt')
      .select('ip')
      .distinct()
      .where('username', '=', 'hacthanh.cv')
      .execute();
    assert.deepEqual(
      ips.map((r) => r.ip),
      ['203.0.113.7'],
    );
    const spoofed = await login(c, 'hacthanh.cv', TEST_PASSWORD, { 'x-forwarded-for': '198.51.100.99, 203.0.113.7' });
    assert.equal(spoofed.status, 429, 'a new spoofed entry does not make a new client');
    assert.equal((await login(c, 'hacthanh.cv', TEST_PASSWORD, { 'x-forwarded-for': '198.51.100.99' })).status, 200);
  });

  test('X-Forwarded-Proto: https from a trusted proxy makes the session cookie Secure; from a client it does not', async () => {
    const secure = (r: { headers: Headers }) => /;\s*Secure/i.test(r.headers.get('set-cookie') ?? '');
    const viaHttps = await login(new Client(app), 'nss.cv', TEST_PASSWORD, { 'x-forwarded-proto': 'https' });
    assert.equal(viaHttps.status, 200);
    assert.ok(secure(viaHttps), viaHttps.headers.get('set-cookie')!);
    const viaHttp = await login(new Client(app), 'nss.cv', TEST_PASSWORD, { 'x-forwarded-proto': 'http' });
    assert.equal(viaHttp.status, 200);
    assert.ok(!secure(viaHttp));
    // The client wrote "https", the proxy appended what it saw.
    assert.ok(!secure(await login(new Client(app), 'nss.cv', TEST_PASSWORD, { 'x-forwarded-proto': 'https, http' })));
    const direct = testApp(d.db, d.backend, { trustProxy: loadConfig({}).trustProxy });
    const untrusted = await login(new Client(direct), 'nss.cv', TEST_PASSWORD, { 'x-forwarded-proto': 'https' });
    assert.equal(untrusted.status, 200);
    assert.ok(!secure(untrusted));
  });
});

describe('request limits', () => {
  test('two server instances on the same database share the public limit', async () => {
    let second: Database | null = null;
    if (backend === 'postgres') {
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `/${d.name}`;
      second = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
    }
    try {
      const limits = { rateLimit: { publicPerMinute: 10, userPerMinute: 1200 } };
      const one = new Client(testApp(d.db, d.backend, limits), '192.0.2.10');
      const two = new Client(testApp(second?.db ?? d.db, d.backend, limits), '192.0.2.10');
      const search = (c: Client) => c.get('/api/units/search?q=sam%20son&limit=1');
      for (let i = 0; i < 6; i++) assert.equal((await search(one)).status, 200);
      for (let i = 0; i < 4; i++) assert.equal((await search(two)).status, 200);
      const refused = await search(two);
      assert.equal(refused.status, 429);
      assert.equal(refused.body.error.code, 'rate_limited');
      assert.match(refused.body.error.message, VI);
      const retryAfter = Number(refused.headers.get('retry-after'));
      assert.ok(retryAfter >= 1 && retryAfter <= 60, String(retryAfter));
      assert.equal((await search(one)).status, 429);
      assert.equal((await search(new Client(one.app, '192.0.2.11'))).status, 200);
    } finally {
      await second?.close();
    }
  });

  test('a signed-in user past the per-user limit gets 429; another user is unaffected; the window ends', async () => {
    const limited = testApp(d.db, d.backend, { rateLimit: { publicPerMinute: 300, userPerMinute: 5 } });
    const user = await new Client(limited).login('skhcn.cv');
    for (let i = 0; i < 5; i++) assert.equal((await user.get('/api/auth/me')).status, 200);
    const refused = await user.get('/api/auth/me');
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    assert.equal(refused.headers.get('ratelimit-limit'), '5');
    assert.equal(
      (await (await new Client(limited, user.ip).login('tinh.ld')).get('/api/auth/me')).status,
      200,
      'the limit is per user, not per address',
    );
    const userId = (
      await d.db.selectFrom('app_user').select('id').where('username', '=', 'skhcn.cv').executeTakeFirstOrThrow()
    ).id;
    await sql`UPDATE rate_counter SET window_start = window_start - interval '61 seconds' WHERE bucket = 'user' AND key = ${String(userId)}`.execute(
      d.db,
    );
    const again = await user.get('/api/auth/me');
    assert.equal(again.status, 200);
    assert.equal(again.headers.get('ratelimit-remaining'), '4');
  });

  test('counters of windows that ended long ago are purged', async () => {
    await new Client(app, '192.0.2.20').get('/api/units/search?q=sam%20son&limit=1');
    await new Client(app, '192.0.2.21').get('/api/units/search?q=sam%20son&limit=1');
    await sql`UPDATE rate_counter SET window_start = window_start - interval '2 hours' WHERE key = '192.0.2.20'`.execute(
      d.db,
    );
    await purgeExpired(d.db);
    const keys = await d.db
      .selectFrom('rate_counter')
      .select('key')
      .where('key', 'in', ['192.0.2.20', '192.0.2.21'])
      .execute();
    assert.deepEqual(
      keys.map((k) => k.key),
      ['192.0.2.21'],
    );
  });
});

describe('content security policy', () => {
  test('an evidence download carries its own policy; other answers the application-wide one', async () => {
    const PROVINCE = 'ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt';
    const officer = await new Client(app).login('skhcn.cv');
    const leader = await new Client(app).login('tinh.ld');
    const provinceId = (await d.db.selectFrom('unit').select('id').where('code', '=', '38').executeTakeFirstOrThrow())
      .id;
    const file = readFileSync(new URL(`../fixtures/plans/${PROVINCE}`, import.meta.url)).toString('base64');
    const imp = await officer.post('/api/plans/import', { filename: PROVINCE, contentBase64: file });
    const plan = await officer.post('/api/plans', { unitId: provinceId, draft: imp.body.draft, sourceName: PROVINCE });
    assert.equal(plan.status, 201, JSON.stringify(plan.body));
    assert.equal((await officer.post(`/api/plans/${plan.body.id}/submit`)).status, 200);
    assert.equal((await leader.post(`/api/plans/${plan.body.id}/approve`)).status, 200);
    assert.equal(
      (
        await leader.post(`/api/plans/${plan.body.id}/issue`, {
          number: '129',
          date: '2026-05-04',
          signerName: 'Nguyễn Hoài Anh',
        })
      ).status,
      200,
    );
    const assignment = (await officer.get(`/api/assignments?planId=${plan.body.id}&year=2026`)).body.items.find(
      (i: any) => i.unit.code === '38.SKHCN',
    );
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
    );
    const update = await officer.post(`/api/assignments/${assignment.id}/updates`, {
      percent: 10,
      narrative: 'Đã tổ chức họp triển khai.',
      occurredOn: '2026-06-01',
      evidence: [{ filename: 'bien-ban.pdf', mime: 'application/pdf', contentBase64: pdf.toString('base64') }],
    });
    assert.equal(update.status, 201, JSON.stringify(update.body));
    const download = await officer.get(`/api/evidence/${update.body.evidence[0].id}`);
    assert.equal(download.status, 200);
    assert.equal(download.headers.get('content-security-policy'), "default-src 'none'; sandbox");
    assert.deepEqual(Buffer.from(download.body as ArrayBuffer), pdf);
    const other = await officer.get('/api/auth/me');
    assert.match(other.headers.get('content-security-policy')!, /default-src 'self'/);
  });
});
