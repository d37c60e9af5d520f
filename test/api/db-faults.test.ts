// A PostgreSQL restart seen from the server: its backends are terminated (what a restart or a failover does) while
// real HTTP traffic runs against a real server (startServer). Nothing but 2xx, 4xx and 503 may come back, the process
// lives on, and service returns by itself. PGlite has no connection to lose: these run on PostgreSQL only.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { backend, createTestDatabase, type TestDatabase } from '../support/db.ts';
import { makeUser, TEST_PASSWORD } from '../support/api.ts';
import { loadConfig } from '../../src/config.ts';
import { startServer, type RunningServer } from '../../src/server.ts';
import { DatabaseUnavailableError, transactionOutcome } from '../../src/db/faults.ts';
import { purgeExpired } from '../../src/modules/auth/service.ts';
import { startReminderScheduler } from '../../src/modules/reporting/reminders.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A signed-in HTTP client of the running server (cookie + CSRF token), with plain fetch. */
class Browser {
  cookie = '';
  csrf = '';
  readonly base: string;
  constructor(base: string) {
    this.base = base;
  }
  async login(username: string): Promise<this> {
    const r = await fetch(`${this.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: TEST_PASSWORD }),
    });
    assert.equal(r.status, 200, await r.clone().text());
    this.cookie = /thihanh_session=[^;]*/.exec(r.headers.get('set-cookie') ?? '')![0];
    this.csrf = ((await r.json()) as { csrfToken: string }).csrfToken;
    return this;
  }
  async send(method: string, path: string, body?: unknown): Promise<{ status: number; body: any; headers: Headers }> {
    const headers: Record<string, string> = { cookie: this.cookie, 'x-csrf-token': this.csrf };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const r = await fetch(`${this.base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: r.status, body: parsed, headers: r.headers };
  }
}

if (backend === 'postgres') {
  let d: TestDatabase;
  let server: RunningServer;
  let admin: pg.Client;
  let officer: Browser;
  let unitAdmin: Browser;
  let wardId: number;

  /** Ends every backend of the app's database, as a restart does; returns how many. */
  async function terminateAll(by: pg.Client = admin): Promise<number> {
    const r = await by.query(
      'SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [d.name],
    );
    return Number(r.rows[0].n);
  }

  const appUrl = () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${d.name}`;
    return url.toString();
  };

  /** Connections refused (after the app's were terminated): 503 + Retry-After, then 200 once allowed again. */
  async function refusedThenBack(): Promise<void> {
    await terminateAll();
    const health = await officer.send('GET', '/api/health');
    assert.equal(health.status, 503, JSON.stringify(health.body));
    assert.equal(health.headers.get('retry-after'), '5');
    assert.equal(health.body.error.code, 'database_unavailable');
    assert.match(health.body.error.message, /Hệ thống tạm thời không kết nối được cơ sở dữ liệu/);
    const write = await unitAdmin.send('POST', `/api/units/${wardId}/children`, {
      kind: 'neighbourhood',
      name: 'Tổ dân phố Lúc Mất Kết Nối',
    });
    assert.equal(write.status, 503);
    const plans = await officer.send('GET', '/api/plans?limit=5');
    assert.equal(plans.status, 503);
    // The background work fails its pass and lives on: the scheduler's own tick runs now and only logs.
    const scheduler = startReminderScheduler(
      server.database.db,
      { smtpUrl: null, mailFrom: 'x@y.vn' },
      { firstRunMs: 0 },
    );
    await assert.rejects(purgeExpired(server.database.db), DatabaseUnavailableError);
    await sleep(200);
    await assert.rejects(scheduler.runNow(), DatabaseUnavailableError);
    await scheduler.stop();
    await sleep(1_000);
    await admin.query(`ALTER DATABASE ${d.name} ALLOW_CONNECTIONS true`);
    const back = Date.now();
    let status = 0;
    while (status !== 200 && Date.now() - back < 15_000) {
      status = (await officer.send('GET', '/api/health')).status;
      if (status !== 200) await sleep(100);
    }
    console.log(`db-faults: service back ${Date.now() - back} ms after connections were allowed again`);
    assert.equal(status, 200);
  }

  before(async () => {
    d = await createTestDatabase();
    const ward = await makeUser(d.db, 'nss.cv', '16516', ['officer']);
    await makeUser(d.db, 'nss.qt', '16516', ['unitAdmin']);
    wardId = ward.unitId;
    // The load below is eight clients in a tight loop as one user: the per-user throttle is not under test here, and on a
    // fast machine it would answer 429 before the faults do.
    server = await startServer(
      { ...loadConfig({ DATABASE_URL: appUrl(), PORT: '0', THIHANH_DEMO: '0', THIHANH_RATE_LIMIT_USER: '0' }) },
      { prepare: 'inProcess' },
    );
    admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    officer = await new Browser(server.url).login('nss.cv');
    unitAdmin = await new Browser(server.url).login('nss.qt');
  });
  after(async () => {
    await admin.query(`ALTER DATABASE ${d.name} ALLOW_CONNECTIONS true`).catch(() => {});
    await server.stop();
    await admin.end();
    await d.close();
  });

  describe('PostgreSQL connection faults', () => {
    test('terminating every connection five times during traffic: only 2xx/4xx/503, and 200s again within seconds', async () => {
      const statuses = new Map<number, number>();
      const unavailable = new Map<string, number>();
      const oks: number[] = [];
      let running = true;
      let n = 0;
      const worker = async (w: number) => {
        while (running) {
          const i = n++;
          const r =
            i % 10 === 9
              ? await unitAdmin.send('POST', `/api/units/${wardId}/children`, {
                  kind: 'neighbourhood',
                  name: `Tổ dân phố Thử Tải ${w}-${i}`,
                })
              : await officer.send(
                  'GET',
                  [
                    `/api/plans?limit=5`,
                    `/api/units/search?q=nam+sam+son&limit=3`,
                    '/api/health',
                    '/api/notifications',
                    '/api/auth/me',
                  ][i % 5]!,
                );
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
          if (r.status === 503) {
            assert.equal(r.headers.get('retry-after'), '5');
            const kind = `${i % 10 === 9 ? 'POST' : 'GET'} ${r.body.error.code}`;
            unavailable.set(kind, (unavailable.get(kind) ?? 0) + 1);
          }
          if (r.status >= 200 && r.status < 300) oks.push(Date.now());
        }
      };
      const workers = Array.from({ length: 8 }, (_, w) => worker(w));
      const kills: Array<{ at: number; killed: number }> = [];
      await sleep(500);
      for (let k = 0; k < 5; k++) {
        kills.push({ at: Date.now(), killed: await terminateAll() });
        await sleep(1_500);
      }
      await sleep(1_000);
      running = false;
      await Promise.all(workers);
      const recovery = kills.map((k) => (oks.find((t) => t > k.at) ?? Infinity) - k.at);
      console.log(
        `db-faults: ${n} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}, 503s ${JSON.stringify(Object.fromEntries(unavailable))}, backends killed ${kills.map((k) => k.killed).join('/')}, first 2xx after each kill (ms) ${recovery.join('/')}`,
      );
      const bad = [...statuses.keys()].filter((s) => !(s >= 200 && s < 300) && !(s >= 400 && s < 500) && s !== 503);
      assert.deepEqual(bad, [], 'no status other than 2xx, 4xx and 503');
      assert.equal(statuses.get(429), undefined, 'the throttle is off in this test');
      assert.ok(
        kills.every((k) => k.killed > 0),
        'each round ended live connections of the app',
      );
      assert.ok(Math.max(...recovery) < 15_000, `recovered in ${Math.max(...recovery)} ms`);
      assert.equal((await officer.send('GET', '/api/health')).status, 200);
    });

    test('an idle pool whose backends were all terminated: the next read still answers 200', async () => {
      await officer.send('GET', '/api/plans?limit=5');
      assert.ok((await terminateAll()) > 0);
      const answers = await Promise.all(
        [1, 2, 3].map(() => officer.send('GET', '/api/units/search?q=nam+sam+son&limit=3')),
      );
      assert.deepEqual(
        answers.map((a) => a.status),
        [200, 200, 200],
      );
    });

    test('while the database refuses connections: 503 with Retry-After and a Vietnamese message, then recovery on its own', async () => {
      await admin.query(`ALTER DATABASE ${d.name} ALLOW_CONNECTIONS false`);
      try {
        await refusedThenBack();
      } finally {
        await admin.query(`ALTER DATABASE ${d.name} ALLOW_CONNECTIONS true`);
      }
    });

    test('a write whose COMMIT loses its connection is reported as not saved, and is not saved', async () => {
      // Fault injection: a deferred trigger makes COMMIT take 3 s, long enough to terminate the backend inside it.
      const inside = new pg.Client({ connectionString: appUrl() });
      inside.on('error', () => {}); // its own backend is spared by terminateAll, but not by the final DROP … FORCE
      await inside.connect();
      await inside.query(
        `CREATE FUNCTION dbf_sleep() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(3); RETURN NULL; END $$`,
      );
      await inside.query(
        `CREATE CONSTRAINT TRIGGER dbf_slow AFTER INSERT ON audit_log DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dbf_sleep()`,
      );
      try {
        const name = 'Tổ dân phố Ghi Dở';
        const pending = unitAdmin.send('POST', `/api/units/${wardId}/children`, { kind: 'neighbourhood', name });
        await sleep(1_000);
        assert.ok((await terminateAll(inside)) > 0);
        const r = await pending;
        assert.equal(r.status, 503, JSON.stringify(r.body));
        assert.equal(r.body.error.code, 'database_unavailable.not_saved', JSON.stringify(r.body));
        assert.match(r.body.error.message, /chưa được lưu/);
        const { rows } = await inside.query('SELECT id FROM unit WHERE name = $1', [name]);
        assert.equal(rows.length, 0);
      } finally {
        await inside.query('DROP TRIGGER dbf_slow ON audit_log');
        await inside.end();
      }
    });

    test('the outcome of a transaction is read back from its txid on another connection', async () => {
      const pool = new pg.Pool({ connectionString: appUrl(), max: 2 });
      try {
        const c = await pool.connect();
        await c.query('BEGIN');
        const committed = (await c.query('SELECT txid_current()::text AS t')).rows[0].t as string;
        await c.query('COMMIT');
        await c.query('BEGIN');
        const rolledBack = (await c.query('SELECT txid_current()::text AS t')).rows[0].t as string;
        await c.query('ROLLBACK');
        c.release();
        assert.equal(await transactionOutcome(pool, committed), 'committed');
        assert.equal(await transactionOutcome(pool, rolledBack), 'aborted');
      } finally {
        await pool.end();
      }
    });
  });
}
