// Drives the real HTTP application in-process (app.request): cookies, CSRF token, JSON.
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import { createApp } from '../../src/http/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { hashPassword } from '../../src/modules/auth/passwords.ts';
import { getUnitByCode } from '../../src/modules/org/store.ts';
import type { Role } from '../../src/domain/permissions.ts';

// Answers are checked against their routes' declared response schemas (also set by scripts/test.sh for every run).
process.env.THIHANH_CHECK_RESPONSES ??= '1';

export type App = ReturnType<typeof createApp>;

/**
 * Each test client stands behind one trusted proxy that names it in X-Forwarded-For (app.request has no socket).
 * A test signs a user in once and fires thousands of requests a minute: the per-user limit is far above that here
 * (still counted on every request); test/api/throttle.test.ts sets small limits to test them.
 */
export function testApp(db: Kysely<DB>, backend = 'test', overrides: Partial<Config> = {}): App {
  const defaults = loadConfig({});
  const config: Config = {
    ...defaults,
    trustProxy: 1,
    demo: true,
    rateLimit: { ...defaults.rateLimit, userPerMinute: 1_000_000 },
    ...overrides,
  };
  return createApp({ db, config, backend });
}

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

let ipCounter = 1;

export class Client {
  readonly app: App;
  readonly ip: string;
  cookie: string | null = null;
  csrf: string | null = null;
  constructor(app: App, ip?: string) {
    this.app = app;
    this.ip = ip ?? `10.0.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`;
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = { 'x-forwarded-for': this.ip, ...extraHeaders };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await this.app.request(path, { method, headers, body: payload });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const m = setCookie.match(/thihanh_session=([^;]*)/);
      if (m) this.cookie = m[1] ? `thihanh_session=${m[1]}` : null;
    }
    const type = res.headers.get('content-type') ?? '';
    const parsed = type.includes('json') ? await res.json() : await res.arrayBuffer();
    if (res.status === 200 && path === '/api/auth/login') this.csrf = (parsed as { csrfToken: string }).csrfToken;
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body ?? {});
  }
  put<T = any>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body ?? {});
  }

  async login(username: string, password = TEST_PASSWORD): Promise<this> {
    const r = await this.post('/api/auth/login', { username, password });
    if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
    this.csrf = r.body.csrfToken;
    return this;
  }
}

export const TEST_PASSWORD = 'KiemThu@2026!';
let cachedHash: Promise<string> | undefined;

/** Creates a user directly (fixtures), at the unit with the given code. */
export async function makeUser(
  db: Kysely<DB>,
  username: string,
  unitCode: string,
  roles: Role[],
): Promise<{ id: number; unitId: number }> {
  const unit = await getUnitByCode(db, unitCode);
  if (!unit) throw new Error(`no unit ${unitCode}`);
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const row = await db
    .insertInto('app_user')
    .values({
      username,
      full_name: `Người thử ${username}`,
      unit_id: unit.id,
      roles,
      password_hash: await cachedHash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, unitId: unit.id };
}
