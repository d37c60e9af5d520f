// Nothing clipped, at 390 px and at 1366 px, on any page (issue 9, item 6), in Chromium, one server with the demo
// content. Every route of web/src/App.tsx is visited by the demo accounts that can see it (and anonymously for the
// public pages), first 390 px wide, then 1366 px wide, and the page fails on:
//   - a box that cuts its text: overflow hidden/clip (text-overflow: ellipsis included) with scrollWidth >
//     clientWidth + 1, or scrollHeight > clientHeight + 1 (a wrapped label cut at the bottom);
//   - text that sticks out of its button, badge, tab, chip or table cell;
//   - text beyond the screen's edge, or a page wider than the screen, unless it is inside a box that scrolls
//     sideways on purpose (a wide table in its scroll frame);
//   - a table frame that scrolls sideways without saying so ("Kéo ngang để xem thêm"), or says so when it does not.
// The failure names the account, the page, the width and the text. The data the pages show is the demo content
// plus, set up through the API: a progress update with a conference and a difficulty of phường Nam Sầm Sơn, its
// report of the current period, a published dataset with a file, and a second province plan left as a draft.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from '../../scripts/build-web.ts';
import { apiAs, DEMO_PASSWORD, startApp, type TestApp } from './support.ts';

const WIDTHS = [390, 1366] as const;
const HEIGHT = 900;

/** What the browser finds wrong with a page at one width (run in the page: the project has no DOM types). */
const FIND_CLIPPED = `(() => {
  const problems = [];
  const root = document.documentElement;
  const vw = root.clientWidth;
  const norm = (s) => (s || '').replace(/\\s+/g, ' ').trim();
  const textOf = (el) => norm(el.innerText || el.textContent || el.getAttribute('aria-label') || '').slice(0, 90);
  const scrollsX = (el) => {
    const s = getComputedStyle(el);
    return (s.overflowX === 'auto' || s.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1;
  };
  const scroller = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (scrollsX(p)) return p;
    return null;
  };
  // A box moved off the screen whole on purpose: the phone's navigation while closed, a form's trap for robots.
  const movedAway = (el) => {
    for (let p = el; p && p !== document.body; p = p.parentElement) {
      const r = p.getBoundingClientRect();
      if (r.right <= 0 || r.left >= vw) return true;
    }
    return false;
  };
  const seen = new Set();
  const add = (el, why, text) => {
    if (seen.has(el)) return;
    seen.add(el);
    problems.push({ why, text: text ?? textOf(el) });
  };
  if (root.scrollWidth > vw + 1) problems.push({ why: 'trang rộng ' + root.scrollWidth + ' px, màn hình ' + vw + ' px', text: '' });

  // 1. Boxes that cut their text.
  for (const el of document.body.querySelectorAll('*')) {
    if (!el.checkVisibility({ visibilityProperty: true })) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) continue; // visually hidden text (sr-only) is 1 px on purpose
    const s = getComputedStyle(el);
    const clipX = s.overflowX === 'hidden' || s.overflowX === 'clip';
    const clipY = s.overflowY === 'hidden' || s.overflowY === 'clip';
    if (!clipX && !clipY) continue;
    if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') continue;
    if (!textOf(el)) continue;
    if (clipX && el.scrollWidth > el.clientWidth + 1)
      add(el, 'chữ bị cắt (rộng ' + el.scrollWidth + ' px trong khung ' + el.clientWidth + ' px)');
    else if (clipY && el.scrollHeight > el.clientHeight + 1 && s.position !== 'fixed')
      add(el, 'chữ bị cắt (cao ' + el.scrollHeight + ' px trong khung ' + el.clientHeight + ' px)');
  }

  // 2. Text outside its button, badge, tab or cell; 3. text beyond the screen's edge.
  const BOX = 'button, [role="button"], [role="tab"], a.mantine-Button-root, .mantine-Badge-root, .mantine-Pill-root, '
    + '.mantine-SegmentedControl-label, .mantine-Chip-label, .mantine-NavLink-root, td, th';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent || !n.textContent.trim()) continue;
    const parent = n.parentElement;
    if (!parent || !parent.checkVisibility({ visibilityProperty: true })) continue;
    const pr = parent.getBoundingClientRect();
    if (pr.width < 2 || pr.height < 2) continue;
    range.selectNodeContents(n);
    const rects = [...range.getClientRects()].filter((x) => x.width > 0 && x.height > 0);
    if (!rects.length) continue;
    const box = parent.closest(BOX);
    if (box) {
      const b = box.getBoundingClientRect();
      const out = rects.some((x) => x.right > b.right + 1 || x.left < b.left - 1 || x.bottom > b.bottom + 2 || x.top < b.top - 2);
      if (out) add(box, 'chữ tràn ra ngoài ' + (box.tagName === 'TD' || box.tagName === 'TH' ? 'ô bảng' : 'nút, nhãn'));
    }
    if (rects.some((x) => x.right > vw + 1 || x.left < -1) && !scroller(parent) && !movedAway(parent))
      add(parent, 'chữ ra ngoài mép màn hình');
  }

  // 4. A table that scrolls sideways says so (ScrollTable's line above it); the line is not there when it fits.
  const hintOf = (frame) => {
    const wrap = frame.closest('.scroll-table-wrap');
    const hint = wrap && wrap.querySelector(':scope > .scroll-hint');
    return !!hint && hint.checkVisibility({ visibilityProperty: true }) && /Kéo ngang/.test(hint.textContent);
  };
  for (const frame of document.body.querySelectorAll('*')) {
    if (!frame.querySelector('table') || !frame.checkVisibility()) continue;
    if (!scrollsX(frame)) continue;
    if (!hintOf(frame))
      problems.push({ why: 'bảng rộng hơn khung mà không báo "Kéo ngang để xem thêm"', text: frame.getAttribute('aria-label') || textOf(frame).slice(0, 40) });
  }
  for (const frame of document.querySelectorAll('.scroll-table')) {
    if (frame.checkVisibility() && !scrollsX(frame) && hintOf(frame))
      problems.push({ why: 'báo "Kéo ngang" khi bảng vừa khung', text: frame.getAttribute('aria-label') || '' });
  }
  return problems;
})()`;

/** No request of the app under way and the page drawn: the main heading there and no spinner. */
const READY = `(() => {
  if (window.__inflight > 0) return false;
  if (!document.querySelector('h1')) return false;
  if ([...document.querySelectorAll('.mantine-Loader-root')].some((l) => l.checkVisibility())) return false;
  return true;
})()`;

/** Counts the page's fetches (the app's API calls) so READY can wait for them. */
const COUNT_FETCHES = `(() => {
  window.__inflight = 0;
  const f = window.fetch;
  window.fetch = (...args) => {
    window.__inflight++;
    return f(...args).finally(() => setTimeout(() => { window.__inflight--; }, 30));
  };
})()`;

interface Visit {
  path: string;
  /** A word of the page's content to wait for, beyond READY (data that loads in a second step). */
  waitFor?: string;
}

interface Found {
  where: string;
  why: string;
  text: string;
}

const times: Array<{ who: string; pages: number; ms: number }> = [];

/** Polls READY from here: waitForFunction with a string would be evaluated by the page, which its CSP refuses. */
async function until(page: Page, expression: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > end) throw new Error(`trang chưa sẵn sàng sau ${timeoutMs / 1000} giây`);
    await new Promise((r) => setTimeout(r, 40));
  }
}

async function ready(page: Page, visit: Visit): Promise<void> {
  await until(page, READY);
  if (visit.waitFor) await page.getByText(visit.waitFor).first().waitFor({ timeout: 15_000 });
  // Transitions (the navigation sliding in after a resize) finished, two frames drawn (scroll hints measured).
  await page.evaluate(`Promise.race([
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect && a.effect.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
    new Promise((r) => setTimeout(r, 2000)),
  ]).then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))`);
  await until(page, READY);
}

/**
 * Opens a page of the app: the first one by loading it, the next ones as a click on a link does (the router follows
 * the address bar), so the app is not downloaded and started again for every page.
 */
async function go(page: Page, base: string, path: string): Promise<void> {
  if (!page.url().startsWith(base)) {
    await page.goto(`${base}${path}`);
    return;
  }
  await page.evaluate(`(() => {
    history.pushState(null, '', ${JSON.stringify(path)});
    dispatchEvent(new PopStateEvent('popstate', { state: null }));
  })()`);
  await until(page, `location.pathname + location.search === ${JSON.stringify(path)}`);
}

/** Visits every page at both widths in one browser context (signed in as `who`, or anonymous). */
async function sweep(app: TestApp, who: string | null, visits: Visit[]): Promise<Found[]> {
  const started = Date.now();
  const context: BrowserContext = await app.browser.newContext({
    viewport: { width: WIDTHS[0], height: HEIGHT },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    reducedMotion: 'reduce',
  });
  const found: Found[] = [];
  try {
    await context.addInitScript(COUNT_FETCHES);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    if (who) {
      await page.goto(`${app.url}/dang-nhap`);
      await page.getByLabel('Tên đăng nhập').fill(who);
      await page.getByLabel(/^Mật khẩu/).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap'));
    }
    for (const visit of visits) {
      const t0 = Date.now();
      await page.setViewportSize({ width: WIDTHS[0], height: HEIGHT });
      await go(page, app.url, visit.path);
      for (const width of WIDTHS) {
        if (width !== WIDTHS[0]) await page.setViewportSize({ width, height: HEIGHT });
        try {
          await ready(page, visit);
        } catch (e) {
          found.push({
            where: `${visit.path} @ ${width} px`,
            why: 'trang không tải xong',
            text: String(e).slice(0, 200),
          });
          continue;
        }
        const t1 = Date.now();
        const problems = (await page.evaluate(FIND_CLIPPED)) as Array<{ why: string; text: string }>;
        if (process.env.LC_DEBUG) console.log(`#     find ${Date.now() - t1} ms`);
        for (const p of problems) found.push({ where: `${visit.path} @ ${width} px`, ...p });
        if (process.env.LC_DEBUG) console.log(`#   ${visit.path} @ ${width}: ${Date.now() - t0} ms`);
      }
    }
    for (const e of errors) found.push({ where: 'trang', why: 'lỗi JavaScript', text: e });
  } finally {
    await context.close();
  }
  times.push({ who: who ?? 'khách', pages: visits.length, ms: Date.now() - started });
  return found;
}

function verdict(who: string, found: Found[]): void {
  assert.equal(
    found.length,
    0,
    `${who}: ${found.length} chỗ chữ bị cắt hoặc tràn\n${found.map((f) => `  ${f.where}: ${f.why} — «${f.text}»`).join('\n')}`,
  );
}

describe('không chữ nào bị cắt ở 390 px và 1366 px, trên mọi trang', { timeout: 600_000 }, () => {
  let app: TestApp;
  const ids = {
    provincePlan: 0,
    wardPlan: 0,
    draftPlan: 0,
    provinceRegime: 0,
    wardRegime: 0,
    periodKey: '',
    wardReport: 0,
    skhcnAssignment: 0,
    wardAssignment: 0,
    petition: 0,
    wardPetition: 0,
    answeredCode: '',
    wardAiUse: 0,
    publicAiSystem: 0,
    dataset: 0,
    province: 0,
    ward: 0,
  };
  const started = Date.now();

  before(async () => {
    app = await startApp({ demoContent: true });
    if (process.env.LC_DEBUG) console.log(`# server ${Date.now() - started} ms`);
    const officer = await apiAs(app.url, 'skhcn.chuyenvien');
    const wardOfficer = await apiAs(app.url, 'namsamson.chuyenvien');
    type PlanItem = { id: number; unitId: number; unitName: string; status: string; parentPlanId: number | null };
    const plans = await officer.get<{ items: PlanItem[] }>('/plans?status=issued&limit=10');
    const province = plans.items.find((p) => p.parentPlanId === null)!;
    const ward = plans.items.find((p) => p.unitName === 'Phường Nam Sầm Sơn')!;
    ids.provincePlan = province.id;
    ids.wardPlan = ward.id;
    ids.province = province.unitId;
    ids.ward = ward.unitId;

    // A second province plan, left as a draft, for the edit page.
    const file = 'ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt';
    const content = await readFile(join(ROOT, 'test', 'fixtures', 'plans', file));
    const imported = await officer.post<{ draft: unknown; sourceText: string | null }>('/plans/import', {
      filename: file,
      contentBase64: content.toString('base64'),
    });
    ids.draftPlan = (
      await officer.post<{ id: number }>('/plans', {
        unitId: province.unitId,
        draft: imported.draft,
        sourceName: file,
        sourceText: imported.sourceText,
      })
    ).id;

    // Nam Sầm Sơn's work on task 1: a conference, a difficulty for the Sở; then its report of the current period.
    type Assignment = { id: number; task: { number: string }; plan: { id: number } };
    const wardWork = await wardOfficer.get<{ items: Assignment[] }>(`/assignments?planId=${ward.id}`);
    const task1 = wardWork.items.find((a) => a.task.number === '1')!;
    ids.wardAssignment = task1.id;
    await wardOfficer.post(`/assignments/${task1.id}/updates`, {
      percent: 40,
      occurredOn: '2026-06-15',
      narrative: 'Đã tổ chức hội nghị quán triệt Luật Trí tuệ nhân tạo cho cán bộ, công chức phường.',
      deliverables: [
        {
          kind: 'conference',
          title: 'Hội nghị quán triệt Luật Trí tuệ nhân tạo phường Nam Sầm Sơn',
          occurredOn: '2026-06-15',
          participants: 120,
        },
      ],
      obstacles: [
        {
          kind: 'difficulty',
          content: 'Thiếu tài liệu tuyên truyền Luật Trí tuệ nhân tạo bằng ngôn ngữ dễ hiểu cho người dân.',
        },
      ],
    });
    const skhcnWork = await officer.get<{ items: Assignment[] }>(`/assignments?planId=${province.id}`);
    ids.skhcnAssignment = skhcnWork.items[0]!.id;
    type Regime = { id: number; planId: number | null; kind: string };
    const regimes = await wardOfficer.get<Regime[]>('/regimes');
    ids.provinceRegime = regimes.find((r) => r.planId === province.id && r.kind === 'periodic')!.id;
    ids.wardRegime = regimes.find((r) => r.planId === ward.id && r.kind === 'periodic')!.id;
    const regime = await wardOfficer.get<{ periods: Array<{ key: string; current: boolean }> }>(
      `/regimes/${ids.provinceRegime}`,
    );
    ids.periodKey = regime.periods.find((p) => p.current)!.key;
    ids.wardReport = (
      await wardOfficer.post<{ id: number }>(`/regimes/${ids.provinceRegime}/periods/${ids.periodKey}/reports`, {})
    ).id;

    // Petitions and AI systems of the demo.
    type Petition = { id: number; code: string; status: string; handlingUnit: { id: number } };
    const petitions = await officer.get<{ items: Petition[] }>('/petitions');
    ids.petition = petitions.items.find((p) => p.status !== 'answered')!.id;
    ids.answeredCode = petitions.items.find((p) => p.status === 'answered')!.code;
    const wardPetitions = await wardOfficer.get<{ items: Petition[] }>('/petitions');
    ids.wardPetition = wardPetitions.items[0]!.id;
    const uses = await wardOfficer.get<{ items: Array<{ id: number; assessmentState: string }> }>('/ai-systems');
    ids.wardAiUse = uses.items.find(
      (u) => u.assessmentState !== 'notRequired' && u.assessmentState !== 'unclassified',
    )!.id;
    const published = (await (await fetch(`${app.url}/api/public/ai-systems`)).json()) as {
      items: Array<{ id: number }>;
    };
    ids.publicAiSystem = published.items[0]!.id;

    // A dataset of the Sở with a file, published by its leader.
    const sectors = await officer.get<Array<{ code: string }>>('/datasets/sectors');
    const ds = await officer.post<{ id: number }>('/datasets', {
      unitId: (await officer.get<{ user: { unitId: number } }>('/auth/me')).user.unitId,
      title: 'Danh mục điểm truy cập Internet công cộng tỉnh Thanh Hóa năm 2026',
      description: 'Địa điểm, đơn vị quản lý và số máy của các điểm truy cập Internet công cộng do xã, phường quản lý.',
      sector: sectors[0]!.code,
      keywords: ['internet', 'điểm truy cập', 'chuyển đổi số'],
      accessClass: 'open',
      licence: 'Giấy phép dữ liệu mở của tỉnh Thanh Hóa',
    });
    ids.dataset = ds.id;
    const csv = [
      'stt,ten_diem,xa_phuong,so_may,nam_dua_vao_su_dung',
      ...Array.from(
        { length: 30 },
        (_, i) => `${i + 1},Điểm ${i + 1},Phường Nam Sầm Sơn,${4 + (i % 7)},${2018 + (i % 8)}`,
      ),
    ].join('\n');
    await officer.post(`/datasets/${ds.id}/resources`, {
      filename: 'diem-truy-cap-internet.csv',
      contentBase64: Buffer.from(csv, 'utf8').toString('base64'),
    });
    await (await apiAs(app.url, 'skhcn.lanhdao')).post(`/datasets/${ds.id}/publish`);
    if (process.env.LC_DEBUG) console.log(`# set up ${Date.now() - started} ms`);
  });
  after(async () => {
    await app?.close();
    const pages = times.reduce((n, t) => n + t.pages, 0);
    console.log(
      `# layout-clip.test.ts: ${pages} trang × ${WIDTHS.length} khổ, ${Math.round((Date.now() - started) / 100) / 10} giây (${times
        .map((t) => `${t.who} ${Math.round(t.ms / 100) / 10} s`)
        .join(', ')})`,
    );
  });

  test('khách (không đăng nhập): trang công khai', async () => {
    const found = await sweep(app, null, [
      { path: '/dang-nhap' },
      { path: '/cong-khai', waitFor: 'kế hoạch đã ban hành' },
      { path: '/cong-khai/luat-tri-tue-nhan-tao' },
      { path: `/cong-khai/ke-hoach/${ids.provincePlan}` },
      { path: `/cong-khai/ke-hoach/${ids.wardPlan}` },
      { path: '/cong-khai/kien-nghi' },
      { path: '/cong-khai/kien-nghi/tra-cuu' },
      { path: `/cong-khai/kien-nghi/tra-cuu/${ids.answeredCode}` },
      { path: '/cong-khai/kien-nghi/tra-loi' },
      { path: '/cong-khai/he-thong-ai' },
      { path: `/cong-khai/he-thong-ai/${ids.publicAiSystem}` },
      { path: '/cong-khai/du-lieu' },
      { path: `/cong-khai/du-lieu/${ids.dataset}` },
    ]);
    verdict('khách', found);
  });

  test('skhcn.chuyenvien (đơn vị đầu mối của tỉnh): kế hoạch, triển khai, báo cáo, kiến nghị, dữ liệu', async () => {
    const found = await sweep(app, 'skhcn.chuyenvien', [
      { path: '/' },
      { path: '/ke-hoach' },
      { path: `/ke-hoach?capTren=${ids.provincePlan}` },
      { path: '/ke-hoach/nhap' },
      { path: `/ke-hoach/${ids.provincePlan}` },
      { path: `/ke-hoach/${ids.provincePlan}/trien-khai` },
      { path: `/ke-hoach/${ids.draftPlan}` },
      { path: `/ke-hoach/${ids.draftPlan}/sua` },
      { path: '/cong-viec' },
      { path: `/cong-viec/${ids.skhcnAssignment}` },
      { path: `/cong-viec/${ids.skhcnAssignment}/cap-nhat` },
      { path: '/kho-khan' },
      { path: '/bao-cao' },
      { path: `/che-do-bao-cao/${ids.provinceRegime}` },
      { path: `/che-do-bao-cao/${ids.provinceRegime}/ky/${ids.periodKey}` },
      { path: '/bang-dieu-khien' },
      { path: '/kien-nghi' },
      { path: `/kien-nghi/${ids.petition}` },
      { path: '/he-thong-ai' },
      { path: '/he-thong-ai/tinh-hinh' },
      { path: '/du-lieu' },
      { path: '/du-lieu/them' },
      { path: `/du-lieu/${ids.dataset}` },
      { path: `/du-lieu/${ids.dataset}/sua` },
      { path: '/thong-bao' },
      { path: '/don-vi' },
      { path: `/don-vi/${ids.province}` },
      { path: '/doi-mat-khau' },
      { path: '/khong-co-trang-nay' },
    ]);
    verdict('skhcn.chuyenvien', found);
  });

  test('namsamson.chuyenvien (phường): công việc, cập nhật tiến độ, báo cáo, hệ thống AI', async () => {
    const found = await sweep(app, 'namsamson.chuyenvien', [
      { path: '/' },
      { path: '/ke-hoach' },
      { path: `/ke-hoach/${ids.wardPlan}` },
      { path: `/ke-hoach/${ids.wardPlan}/so-sanh` },
      { path: '/cong-viec' },
      { path: `/cong-viec/${ids.wardAssignment}` },
      { path: `/cong-viec/${ids.wardAssignment}/cap-nhat` },
      { path: '/kho-khan?hop=di' },
      { path: '/bao-cao' },
      { path: `/bao-cao/${ids.wardReport}` },
      { path: `/che-do-bao-cao/${ids.provinceRegime}` },
      { path: `/che-do-bao-cao/${ids.wardRegime}` },
      { path: '/kien-nghi' },
      { path: `/kien-nghi/${ids.wardPetition}` },
      { path: '/he-thong-ai' },
      { path: '/he-thong-ai/dang-ky' },
      { path: `/he-thong-ai/${ids.wardAiUse}` },
      { path: `/he-thong-ai/${ids.wardAiUse}/danh-gia-tac-dong` },
      { path: '/du-lieu' },
      { path: '/thong-bao' },
      { path: `/don-vi/${ids.ward}` },
    ]);
    verdict('namsamson.chuyenvien', found);
  });

  test('lãnh đạo: trang chủ, duyệt kế hoạch, báo cáo, dữ liệu', async () => {
    const found = [
      ...(await sweep(app, 'namsamson.lanhdao', [
        { path: '/' },
        { path: `/bao-cao/${ids.wardReport}` },
        { path: `/ke-hoach/${ids.wardPlan}` },
      ])),
      ...(await sweep(app, 'skhcn.lanhdao', [{ path: '/' }, { path: `/du-lieu/${ids.dataset}` }])),
      ...(await sweep(app, 'tinh.lanhdao', [{ path: '/' }, { path: `/ke-hoach/${ids.provincePlan}` }])),
    ];
    verdict('lãnh đạo', found);
  });

  test('quản trị: tài khoản, nhật ký, đơn vị', async () => {
    const found = [
      ...(await sweep(app, 'thanhhoa.quantri', [
        { path: '/' },
        { path: '/tai-khoan' },
        { path: '/nhat-ky' },
        { path: '/don-vi' },
        { path: `/don-vi/${ids.ward}` },
      ])),
      ...(await sweep(app, 'hethong.quantri', [{ path: '/' }, { path: '/tai-khoan' }, { path: '/nhat-ky' }])),
    ];
    verdict('quản trị', found);
  });
});
