import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase } from '../../src/db/connect.ts';
import { createFreshDatabase } from '../../src/db/fresh-database.ts';
import { prepareDatabase } from '../../src/bootstrap.ts';
import { verifyPassword } from '../../src/modules/auth/passwords.ts';
import { loadConfig } from '../../src/config.ts';
import { userAdd } from '../../src/modules/users/cli.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function fresh() {
  if (!process.env.DATABASE_URL) return { ...(await openDatabase({})), drop: async () => {} };
  const f = await createFreshDatabase(process.env.DATABASE_URL, 'thihanh_boot');
  return { ...(await openDatabase({ databaseUrl: f.url })), drop: f.drop };
}

test('a fresh database gets the schema and reference data; no account exists outside demo mode', async () => {
  const d = await fresh();
  try {
    const r = await prepareDatabase(d.db, { demo: false, env: {} });
    assert.ok(r.migrations.length >= 5);
    assert.equal(r.referenceLoaded, true);
    const users = await d.db.selectFrom('app_user').select('username').execute();
    assert.deepEqual(users, [], 'no built-in account, no default password');
    const again = await prepareDatabase(d.db, { demo: false, env: {} });
    assert.deepEqual(again.migrations, []);
    assert.equal(again.referenceLoaded, false);
  } finally {
    await d.close();
    await d.drop();
  }
});

test('the first administrator can come from the environment, once, with a password that passes the policy', async () => {
  const d = await fresh();
  try {
    await assert.rejects(
      prepareDatabase(d.db, { demo: false, env: { THIHANH_ADMIN_USERNAME: 'quantri', THIHANH_ADMIN_PASSWORD: '123' } }),
      /ít nhất 10 ký tự/,
    );
    await prepareDatabase(d.db, {
      demo: false,
      env: { THIHANH_ADMIN_USERNAME: 'quantri', THIHANH_ADMIN_PASSWORD: 'Admin#2026-ThanhHoa' },
    });
    const u = await d.db
      .selectFrom('app_user')
      .select(['roles', 'password_hash'])
      .where('username', '=', 'quantri')
      .executeTakeFirstOrThrow();
    assert.deepEqual(u.roles, ['sysadmin']);
    assert.equal(await verifyPassword(u.password_hash, 'Admin#2026-ThanhHoa'), true);
    // A later start with another password does not overwrite the account.
    await prepareDatabase(d.db, {
      demo: false,
      env: { THIHANH_ADMIN_USERNAME: 'quantri', THIHANH_ADMIN_PASSWORD: 'KhacHan#2026-khac' },
    });
    const again = await d.db
      .selectFrom('app_user')
      .select('password_hash')
      .where('username', '=', 'quantri')
      .executeTakeFirstOrThrow();
    assert.equal(await verifyPassword(again.password_hash, 'Admin#2026-ThanhHoa'), true);
  } finally {
    await d.close();
    await d.drop();
  }
});

test('thihanh user add acts as the local operator: allowed by the one rule, and the audit record names it', async () => {
  // The command opens the database itself: a directory for PGlite, a fresh database on PostgreSQL.
  const dataDir = mkdtempSync(join(tmpdir(), 'thihanh-user-add-'));
  const f = process.env.DATABASE_URL ? await createFreshDatabase(process.env.DATABASE_URL, 'thihanh_useradd') : null;
  const config = { ...loadConfig({}), databaseUrl: f?.url ?? null, dataDir, demo: false, demoContent: false };
  const log = console.log;
  console.log = () => {};
  try {
    const code = await userAdd.run(
      {
        values: {
          username: 'quantri',
          name: 'Lê Văn Quản',
          unit: '38',
          role: ['sysadmin'],
          password: 'Admin#2026-ThanhHoa',
        },
        positionals: [],
      },
      config,
    );
    assert.equal(code, 0);
  } finally {
    console.log = log;
  }
  const d = await openDatabase({ databaseUrl: f?.url ?? null, dataDir });
  try {
    const u = await d.db
      .selectFrom('app_user')
      .select(['id', 'roles'])
      .where('username', '=', 'quantri')
      .executeTakeFirstOrThrow();
    assert.deepEqual(u.roles, ['sysadmin']);
    const audit = await d.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'actor_username', 'ip'])
      .where('action', '=', 'user.create')
      .where('entity_id', '=', String(u.id))
      .executeTakeFirstOrThrow();
    assert.deepEqual(audit, { actor_user_id: null, actor_username: 'Quản trị tại máy chủ (dòng lệnh)', ip: 'cli' });
  } finally {
    await d.close();
    await f?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
