// Helpers for end-to-end tests: a real server on a fresh data directory, Chromium through playwright-core,
// signing in, axe-core checks and screenshots.
//
//   const ctx = await startApp();          // builds web/ if stale, starts the server (demo accounts)
//   const page = await ctx.newPage({ phone: true });
//   await login(page, ctx.url, 'namsamson.chuyenvien');
//   assert.deepEqual(await axe(page), []);
//   await screenshot(page, 'unit-nam-sam-son');
//   after(() => ctx.close());
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server.ts';
import { loadConfig } from '../../src/config.ts';
import { createFreshDatabase } from '../../src/db/fresh-database.ts';
import { ensureWebBuilt, ROOT } from '../../scripts/build-web.ts';
import { insertUser } from '../../src/modules/users/service.ts';
import { getUnitByCode } from '../../src/modules/org/store.ts';
import type { Role } from '../../src/domain/permissions.ts';

export const DEMO_PASSWORD = 'ThiHanh@2026';
export const RESULTS_DIR = join(ROOT, 'test-results');
export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 900 } as const;

export interface TestServer {
  url: string;
  server: RunningServer;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * A real server on a database of its own, port chosen by the system, demo accounts: the embedded PGlite in a
 * fresh temporary directory, or — when DATABASE_URL is set (CI's PostgreSQL run) — a fresh PostgreSQL
 * database created for this test file and dropped by stop().
 */
export async function startTestServer(opts: { demoContent?: boolean } = {}): Promise<TestServer> {
  await ensureWebBuilt({ quiet: true });
  const dataDir = await mkdtemp(join(tmpdir(), 'thihanh-e2e-'));
  let databaseUrl: string | null = null;
  let dropDatabase = async () => {};
  if (process.env.DATABASE_URL) {
    const fresh = await createFreshDatabase(process.env.DATABASE_URL, 'thihanh_e2e');
    databaseUrl = fresh.url;
    dropDatabase = fresh.drop;
  }
  const config = {
    ...loadConfig({}),
    databaseUrl,
    dataDir,
    host: '127.0.0.1',
    port: 0,
    demo: true,
    demoContent: opts.demoContent ?? false,
  };
  let server: RunningServer;
  try {
    server = await startServer(config);
  } catch (e) {
    await dropDatabase().catch(() => {});
    await rm(dataDir, { recursive: true, force: true });
    throw e;
  }
  return {
    url: server.url,
    server,
    dataDir,
    async stop() {
      try {
        await server.stop();
      } finally {
        await dropDatabase().catch(() => {});
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface TestApp {
  url: string;
  server: TestServer;
  browser: Browser;
  /** A page in its own browser context (own cookies); phone: 390 px wide, touch. */
  newPage(opts?: { phone?: boolean }): Promise<Page>;
  /** Problems the pages reported: uncaught errors, console errors (CSP violations included). */
  pageErrors: string[];
  close(): Promise<void>;
}

/** Server + browser; close() ends both (call it in after()). */
export async function startApp(opts: { demoContent?: boolean } = {}): Promise<TestApp> {
  const server = await startTestServer(opts);
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (e) {
    await server.stop();
    throw e;
  }
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  return {
    url: server.url,
    server,
    browser,
    pageErrors,
    async newPage(opts = {}) {
      const context = await browser.newContext({
        viewport: opts.phone ? PHONE : DESKTOP,
        isMobile: !!opts.phone,
        hasTouch: !!opts.phone,
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (err) => pageErrors.push(`pageerror: ${err.message}`));
      page.on('console', (msg) => {
        // Expected answers (wrong password → 401, no permission → 403) show as failed resources: not app errors.
        if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text()))
          pageErrors.push(`console: ${msg.text()}`);
      });
      return page;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close().catch(() => {});
      await server.stop();
    },
  };
}

/**
 * Adds an account directly in the database (there is no demo administrator), as `thihanh user add` does.
 * With a password the account is ready to use; without one it gets a temporary password to change.
 */
export async function createAccount(
  app: TestApp | TestServer,
  input: {
    username: string;
    fullName: string;
    unitCode: string;
    roles: Role[];
    password?: string;
  },
): Promise<{ id: number; temporaryPassword: string | null }> {
  const server = 'server' in app && 'browser' in app ? app.server : app;
  const db = server.server.database.db;
  const unit = await getUnitByCode(db, input.unitCode);
  if (!unit) throw new Error(`Không có đơn vị mã ${input.unitCode}`);
  return db.transaction().execute((tx) =>
    insertUser(
      tx,
      { actor: null, ip: 'e2e' },
      {
        username: input.username,
        fullName: input.fullName,
        unitId: unit.id,
        roles: input.roles,
        password: input.password,
      },
    ),
  );
}

/** Signs in through the login page and waits for the signed-in shell. */
export async function login(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel(/^Mật khẩu/).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap'));
  await page.getByRole('main').waitFor();
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

const routed = new WeakSet<Page>();

/** Waits (at most 2 s) for running CSS transitions and animations: modals, notifications, menus. */
export async function settle(page: Page): Promise<void> {
  // Browser-side code is given as a string: the project's TypeScript has no DOM types.
  await page.evaluate(`Promise.race([
    Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))),
    new Promise((r) => setTimeout(r, 2000)),
  ])`);
}

/** Runs axe-core on the page; returns the serious and critical violations (empty = pass). */
export async function axe(page: Page, opts: { include?: string } = {}): Promise<AxeViolation[]> {
  // Half-faded text (a modal or notification in transition) would fail the contrast rule.
  await settle(page);
  const hasAxe = await page.evaluate('typeof window.axe !== "undefined"');
  if (!hasAxe) {
    // The app's Content-Security-Policy (script-src 'self') refuses inline scripts, which is what
    // addScriptTag({ path }) inserts. So axe.min.js is served from the page's own origin by the browser
    // context (route) and added by URL: CSP stays enforced while testing.
    const path = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
    const url = `${new URL(page.url()).origin}/__e2e__/axe.min.js`;
    if (!routed.has(page)) {
      await page.route(url, (route) => route.fulfill({ path, contentType: 'text/javascript; charset=utf-8' }));
      routed.add(page);
    }
    await page.addScriptTag({ url });
  }
  const violations = await page.evaluate(async (include) => {
    const w = globalThis as unknown as {
      document: unknown;
      axe: {
        run: (
          ctx: unknown,
          opts: unknown,
        ) => Promise<{
          violations: Array<{
            id: string;
            impact: string | null;
            help: string;
            nodes: Array<{ target: unknown[]; failureSummary?: string }>;
          }>;
        }>;
      };
    };
    const result = await w.axe.run(include ? { include: [include] } : w.document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`.trim()),
    }));
  }, opts.include ?? null);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Readable summary of violations for assertion messages. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.join('\n  ')}`).join('\n');
}

/** Saves a PNG under test-results/ and returns its path. */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, name.endsWith('.png') ? name : `${name}.png`);
  await settle(page);
  await page.screenshot({ path, fullPage: opts.fullPage ?? true });
  return path;
}

/** A signed-in API client (session cookie + CSRF token), for setting up data as a given account. */
export async function apiAs(baseUrl: string, username: string) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  assert.equal(res.status, 200, `đăng nhập ${username}: ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    assert.ok(r.ok, `${method} ${path} → ${r.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    get: <T>(p: string) => call<T>('GET', p),
    post: <T>(p: string, b: unknown = {}) => call<T>('POST', p, b),
    put: <T>(p: string, b: unknown) => call<T>('PUT', p, b),
  };
}

export async function assertAccessible(page: Page, where: string): Promise<void> {
  const violations = await axe(page);
  assert.deepEqual(violations, [], `${where}:\n${formatViolations(violations)}`);
}

export async function assertFitsPhone(page: Page, where: string): Promise<void> {
  const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
  assert.ok(width <= PHONE.width, `${where}: trang rộng ${width}px > ${PHONE.width}px`);
}
