import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TestDatabase } from '../support/db.ts';
import { openWorld } from '../support/factories.ts';
import { Client, makeUser, TEST_PASSWORD, type App } from '../support/api.ts';

let d: TestDatabase;
let app: App;
before(async () => {
  ({ d, app } = await openWorld(
    {
      canBo: ['can.bo', '16516', ['officer']],
      biKhoa: ['bi.khoa', '16516', ['officer']],
      doiMatKhau: ['doi.mat.khau', '16516', ['officer']],
    },
    [],
    { signIn: false },
  ));
});
after(() => d.close());

describe('login and sessions', () => {
  test('password login sets an HttpOnly SameSite=Strict cookie and /me answers with a CSRF token', async () => {
    const c = new Client(app);
    const r = await c.post('/api/auth/login', { username: 'Can.Bo', password: TEST_PASSWORD });
    assert.equal(r.status, 200);
    const cookie = r.headers.get('set-cookie')!;
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    assert.equal(r.body.user.unitName, 'Phường Nam Sầm Sơn');
    c.csrf = r.body.csrfToken;
    const me = await c.get('/api/auth/me');
    assert.equal(me.status, 200);
    assert.equal(me.body.user.username, 'can.bo');
    const row = await d.db
      .selectFrom('app_user')
      .select('password_hash')
      .where('username', '=', 'can.bo')
      .executeTakeFirstOrThrow();
    assert.match(row.password_hash, /^\$argon2id\$/);
  });

  test('a wrong password is a 401 with a Vietnamese message that does not say which part was wrong', async () => {
    const r = await new Client(app).post('/api/auth/login', { username: 'can.bo', password: 'sai-mat-khau' });
    assert.equal(r.status, 401);
    assert.equal(r.body.error.message, 'Tên đăng nhập hoặc mật khẩu không đúng.');
    const unknown = await new Client(app).post('/api/auth/login', { username: 'khong.ton.tai', password: 'x' });
    assert.equal(unknown.body.error.message, r.body.error.message);
  });

  test('five failures slow the address that made them, not the account', async () => {
    const attacker = new Client(app);
    for (let i = 0; i < 5; i++)
      assert.equal((await attacker.post('/api/auth/login', { username: 'bi.khoa', password: `sai${i}` })).status, 401);
    const r = await attacker.post('/api/auth/login', { username: 'bi.khoa', password: TEST_PASSWORD });
    assert.equal(r.status, 429);
    assert.match(r.body.error.message, /thử lại sau 15 giây/);
    assert.equal(r.headers.get('retry-after'), '15');
    assert.equal(
      (await new Client(app).post('/api/auth/login', { username: 'bi.khoa', password: TEST_PASSWORD })).status,
      200,
    );
  });

  test('state-changing requests without the CSRF token are refused; with it they pass', async () => {
    const c = await new Client(app).login('can.bo');
    const token = c.csrf;
    c.csrf = null;
    const r = await c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'MatKhauMoi#2026' });
    assert.equal(r.status, 403);
    assert.equal(r.body.error.code, 'csrf');
    c.csrf = token;
    const other = await c.request('POST', '/api/auth/logout', {}, { origin: 'https://evil.example' });
    assert.equal(other.status, 403);
  });

  test('password change checks the current password and the policy, then ends other sessions', async () => {
    const a = await new Client(app).login('doi.mat.khau');
    const b = await new Client(app).login('doi.mat.khau');
    const wrong = await a.post('/api/auth/password', { currentPassword: 'sai', newPassword: 'MatKhauMoi#2026' });
    assert.equal(wrong.status, 422);
    assert.equal(wrong.body.error.issues[0].path, 'currentPassword');
    const weak = await a.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'abc' });
    assert.equal(weak.status, 422);
    assert.match(weak.body.error.message, /ít nhất 10 ký tự/);
    const ok = await a.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'MatKhauMoi#2026' });
    assert.equal(ok.status, 200);
    assert.equal((await a.get('/api/auth/me')).status, 200, 'the session that changed it stays');
    assert.equal((await b.get('/api/auth/me')).status, 401, 'other sessions end');
    await new Client(app).login('doi.mat.khau', 'MatKhauMoi#2026');
  });

  test('logout ends the session; an expired session is refused', async () => {
    const c = await new Client(app).login('can.bo');
    assert.equal((await c.post('/api/auth/logout')).status, 200);
    assert.equal((await c.get('/api/auth/me')).status, 401);
    const e = await new Client(app).login('can.bo');
    await d.db
      .updateTable('session')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    assert.equal((await e.get('/api/auth/me')).status, 401);
  });

  test('a locked account cannot log in and its sessions end', async () => {
    const admin = await makeUser(d.db, 'qt.phuong', '16516', ['unitAdmin']);
    assert.ok(admin.id);
    const victim = await makeUser(d.db, 'se.bi.khoa', '16516.PVHXH', ['officer']);
    const v = await new Client(app).login('se.bi.khoa');
    const a = await new Client(app).login('qt.phuong');
    assert.equal((await a.patch(`/api/users/${victim.id}`, { isActive: false })).status, 200);
    assert.equal((await v.get('/api/auth/me')).status, 401);
    const r = await new Client(app).post('/api/auth/login', { username: 'se.bi.khoa', password: TEST_PASSWORD });
    assert.equal(r.status, 403);
    assert.match(r.body.error.message, /bị khóa/);
  });
});

describe('user administration', () => {
  test('a unit admin creates an officer with a temporary password that must be changed, and it is audited', async () => {
    await makeUser(d.db, 'qt.nss', '16516', ['unitAdmin']);
    const a = await new Client(app).login('qt.nss');
    const unit = (await a.get('/api/units/search?q=16516.PVHXH&limit=1')).body[0];
    const r = await a.post('/api/users', {
      username: 'vhxh.moi',
      fullName: 'Lê Văn Mới',
      unitId: unit.id,
      roles: ['officer'],
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.ok(r.body.temporaryPassword);
    const c = new Client(app);
    const login = await c.post('/api/auth/login', { username: 'vhxh.moi', password: r.body.temporaryPassword });
    assert.equal(login.body.user.mustChangePassword, true);
    const audit = await d.db
      .selectFrom('audit_log')
      .select(['action', 'actor_username', 'after'])
      .where('entity_type', '=', 'user')
      .where('entity_id', '=', String(r.body.id))
      .execute();
    assert.equal(audit[0]!.action, 'user.create');
    assert.equal(audit[0]!.actor_username, 'qt.nss');
    const list = await a.get(`/api/units/${unit.id}/users`);
    assert.ok(list.body.some((u: any) => u.username === 'vhxh.moi'));
  });

  test('a unit admin cannot grant the system administrator role, nor duplicate a username', async () => {
    const a = await new Client(app).login('qt.nss');
    const unit = (await a.get('/api/units/search?q=16516&limit=1')).body[0];
    const r = await a.post('/api/users', {
      username: 'tham.vong',
      fullName: 'Tham Vọng',
      unitId: unit.id,
      roles: ['sysadmin'],
    });
    assert.equal(r.status, 403);
    const dup = await a.post('/api/users', {
      username: 'VHXH.MOI',
      fullName: 'Trùng Tên',
      unitId: unit.id,
      roles: ['viewer'],
    });
    assert.equal(dup.status, 409);
    assert.match(dup.body.error.message, /đã được sử dụng/);
  });

  test("the audit view lists changes in the admin's subtree only", async () => {
    const a = await new Client(app).login('qt.nss');
    const r = await a.get('/api/audit?entityType=user&limit=50');
    assert.equal(r.status, 200);
    assert.ok(r.body.length > 0);
    const ward = await d.db.selectFrom('unit').select(['id']).where('code', '=', '16516').executeTakeFirstOrThrow();
    const unitIds = new Set(r.body.map((x: any) => x.unit_id));
    for (const id of unitIds) {
      const u = await d.db
        .selectFrom('unit')
        .select('path')
        .where('id', '=', id as number)
        .executeTakeFirstOrThrow();
      assert.ok(u.path.includes(ward.id), 'every row belongs to the ward subtree');
    }
    const officer = await new Client(app).login('can.bo');
    assert.equal((await officer.get('/api/audit')).status, 403);
  });
});
