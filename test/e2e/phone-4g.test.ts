// A ward officer's phone on 4G: Chromium at 390 px with the network of a commune's mobile data (DevTools protocol:
// 1.6 Mbps down, 750 kbps up, 150 ms latency). What is asserted is what does not depend on the machine's speed: every
// hashed asset arrives brotli-compressed with a year's immutable cache, the app shell is revalidated, the first page
// carries at most 250 KB of compressed JavaScript, and a second visit fetches no asset again. The load times are
// printed (`# 4g …` lines) for the notes; speed targets live in bench/, not in test assertions.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page, Response } from 'playwright-core';
import { DEMO_PASSWORD, startApp, type TestApp } from './support.ts';

const FOUR_G = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 };
const JS_BUDGET_BYTES = 250 * 1024;

interface Load {
  ms: number;
  /** Compressed bytes of the JavaScript and CSS that came over the network. */
  jsBytes: number;
  cssBytes: number;
  assets: Response[];
}

/** Opens `path` on a throttled network and waits for `ready`; counts what came over the network meanwhile. */
async function loadOn4G(page: Page, url: string, ready: (page: Page) => Promise<unknown>): Promise<Load> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', FOUR_G);
  const assets: Response[] = [];
  const onResponse = (r: Response) => {
    if (new URL(r.url()).pathname.startsWith('/assets/')) assets.push(r);
  };
  page.on('response', onResponse);
  const started = Date.now();
  await page.goto(url);
  await ready(page);
  const ms = Date.now() - started;
  page.off('response', onResponse);
  let jsBytes = 0;
  let cssBytes = 0;
  for (const r of assets) {
    if (r.fromServiceWorker() || r.status() !== 200) continue;
    // -1: taken from the browser's cache, nothing travelled.
    const size = Math.max(0, (await r.request().sizes()).responseBodySize);
    if (r.url().endsWith('.js')) jsBytes += size;
    else if (r.url().endsWith('.css')) cssBytes += size;
  }
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await cdp.detach();
  return { ms, jsBytes, cssBytes, assets };
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

describe('điện thoại trên mạng 4G: tải nhanh, nén, lưu đệm', { timeout: 240_000 }, () => {
  let app: TestApp;
  let planId: number;
  before(async () => {
    app = await startApp({ demoContent: true });
    const login = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'tinh.lanhdao', password: DEMO_PASSWORD }),
    });
    const cookie = /thihanh_session=[^;]*/.exec(login.headers.get('set-cookie') ?? '')![0];
    const plans = (await (
      await fetch(`${app.url}/api/plans?status=issued&limit=5`, { headers: { cookie } })
    ).json()) as {
      items: Array<{ id: number }>;
    };
    assert.ok(plans.items.length > 0, 'the demo content has an issued plan');
    planId = plans.items[0]!.id;
  });
  after(async () => {
    await app?.close();
  });

  test('trang chủ, kế hoạch và trang công khai: tài sản nén brotli, lưu đệm một năm, JS trang đầu ≤ 250 KB', async () => {
    const page = await app.newPage({ phone: true });
    // Signed in before the clock starts: what is measured is opening the app, as an officer does each morning.
    const signedIn = await page.context().request.post(`${app.url}/api/auth/login`, {
      data: { username: 'namsamson.chuyenvien', password: DEMO_PASSWORD },
    });
    assert.equal(signedIn.status(), 200);

    const home = await loadOn4G(page, `${app.url}/`, (p) => p.getByRole('heading', { level: 1 }).waitFor());
    assert.ok(home.assets.length > 0);
    for (const r of home.assets) {
      const headers = await r.allHeaders();
      // Files under 1 KB gain nothing from compression and are sent as they are.
      if (Number(headers['content-length']) >= 1024 || headers['content-encoding']) {
        assert.equal(headers['content-encoding'], 'br', `${r.url()} is sent brotli-compressed`);
      }
      assert.equal(headers['cache-control'], 'public, max-age=31536000, immutable', r.url());
    }
    assert.ok(home.jsBytes <= JS_BUDGET_BYTES, `first page JavaScript ${kb(home.jsBytes)} ≤ ${kb(JS_BUDGET_BYTES)}`);
    // The home page starts from what waits for the person: the list the API gives, one link per item.
    const todo = (await (await page.context().request.get(`${app.url}/api/me/todo`)).json()) as {
      items: Array<{ link: string }>;
    };
    const section = page.locator('section[aria-labelledby="viec-can-lam"]');
    if (todo.items.length) await section.locator(`a[href="${todo.items[0]!.link}"]`).first().waitFor();
    else await section.getByText('Không có việc nào đang chờ bạn.').waitFor();
    assert.equal(await section.getByRole('link').count(), todo.items.length);
    const shell = await page.context().request.get(`${app.url}/`);
    assert.equal(shell.headers()['cache-control'], 'no-cache');

    const plan = await loadOn4G(page, `${app.url}/ke-hoach/${planId}`, (p) =>
      p.getByRole('heading', { level: 1 }).waitFor(),
    );
    // The home page's assets came from the browser's cache: only the plan page's own chunks travelled.
    const again = await loadOn4G(page, `${app.url}/`, (p) => p.getByRole('heading', { level: 1 }).waitFor());
    const refetched = [];
    for (const r of again.assets)
      if ((await r.request().sizes()).responseBodySize > 0 && !r.fromServiceWorker()) refetched.push(r.url());
    assert.deepEqual(refetched, [], 'a second visit takes every asset from the cache');

    const anonymous = await app.newPage({ phone: true });
    const publicPage = await loadOn4G(anonymous, `${app.url}/cong-khai/ke-hoach/${planId}`, (p) =>
      p.getByRole('heading', { level: 1 }).waitFor(),
    );
    for (const [name, l] of [
      ['trang chủ', home],
      ['kế hoạch', plan],
      ['trang chủ lần hai', again],
      ['trang công khai', publicPage],
    ] as const) {
      console.log(`# 4g ${name}: ${l.ms} ms, JS ${kb(l.jsBytes)}, CSS ${kb(l.cssBytes)} qua mạng`);
    }
    assert.deepEqual(app.pageErrors, []);
  });
});
