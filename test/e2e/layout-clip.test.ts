// Nothing clipped, at 390 px and at 1366 px, on any page (issue 9, item 6), in Chromium, one server with the demo
// content. Every route of web/src/App.tsx is visited by the demo accounts that can see it (and anonymously for the
// public pages), first 390 px wide, then 1366 px wide, and the page fails on:
//   - a box that cuts its text: overflow hidden/clip (text-overflow: ellipsis included) with scrollWidth >
//     clientWidth + 1, or scrollHeight > clientHeight + 1 (a wrapped label cut at the bottom);
//   - text that sticks out of its button, badge, tab, chip or table cell;
//   - text beyond the screen's edge, or a page wider than the screen, unless it is inside a box that scrolls
//     sideways on purpose (a wide table in its scroll frame);
//   - a table frame that scrolls sideways without saying so ("Kéo ngang để xem thêm"), or says so when it does not;
// and, once per page, on the text it shows: the law named other than "Luật Trí tuệ nhân tạo", "..", a date written
// YYYY-MM-DD, a decimal point instead of a comma, an English "dd/mm/yyyy" placeholder.
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
import { spellLawNamesIn } from '../../src/domain/plan/laws.ts';
import type { PlanDraft } from '../../src/domain/plan/model.ts';

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

/**
 * The text fixes of the same item, on what each page shows: the law named as it names itself, one full stop, dates
 * dd/mm/yyyy, Vietnamese decimal commas, Vietnamese placeholders.
 */
const FIND_TEXT = `(() => {
  const problems = [];
  const text = document.body.innerText;
  const around = (re) => {
    const m = re.exec(text);
    return m ? text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 20).replace(/\\s+/g, ' ') : '';
  };
  const rules = [
    [/Trí tuệ Nhân tạo/, 'tên luật là "Luật Trí tuệ nhân tạo"'],
    [/[^.]\\.\\.(?!\\.)/, 'hai dấu chấm liền nhau'],
    [/(?<![\\d-])\\d{4}-\\d{2}-\\d{2}(?![\\d-])/, 'ngày viết kiểu YYYY-MM-DD'],
    [/\\d+\\.\\d+ ?%|độ tin cậy \\d+[.,]\\d/, 'số thập phân không viết dấu phẩy'],
  ];
  for (const [re, why] of rules) if (re.test(text)) problems.push({ why, text: around(re) });
  for (const input of document.querySelectorAll('input[placeholder]'))
    if (/dd\\/mm|yyyy/i.test(input.placeholder)) problems.push({ why: 'chỗ nhập ngày gợi ý tiếng Anh', text: input.placeholder });
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

interface Found {
  who: string;
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

async function ready(page: Page): Promise<void> {
  await until(page, READY);
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

/** Visits every page at both widths in one browser context (signed in as `who`, or anonymous). */
async function sweep(app: TestApp, who: string | null, paths: string[]): Promise<Found[]> {
  const started = Date.now();
  const name = who ?? 'khách';
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
    page.on('pageerror', (e) => found.push({ who: name, where: page.url(), why: 'lỗi JavaScript', text: e.message }));
    if (who) {
      await page.goto(`${app.url}/dang-nhap`);
      await page.getByLabel('Tên đăng nhập').fill(who);
      await page.getByLabel(/^Mật khẩu/).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap'));
    }
    for (const path of paths) {
      await page.setViewportSize({ width: WIDTHS[0], height: HEIGHT });
      // Loaded afresh: a link followed inside the app would leave the previous page on screen while the next loads.
      await page.goto(`${app.url}${path}`);
      for (const width of WIDTHS) {
        const where = `${path} @ ${width} px`;
        if (width !== WIDTHS[0]) await page.setViewportSize({ width, height: HEIGHT });
        try {
          await ready(page);
        } catch (e) {
          found.push({ who: name, where, why: 'trang không tải xong', text: String(e).slice(0, 200) });
          continue;
        }
        const problems = (await page.evaluate(FIND_CLIPPED)) as Array<{ why: string; text: string }>;
        if (width === WIDTHS[0]) problems.push(...((await page.evaluate(FIND_TEXT)) as typeof problems));
        for (const p of problems) found.push({ who: name, where, ...p });
      }
    }
  } finally {
    await context.close();
  }
  times.push({ who: name, pages: paths.length, ms: Date.now() - started });
  return found;
}

type Ids = Record<
  | 'provincePlan'
  | 'wardPlan'
  | 'draftPlan'
  | 'provinceRegime'
  | 'wardRegime'
  | 'wardReport'
  | 'skhcnAssignment'
  | 'wardAssignment'
  | 'petition'
  | 'wardPetition'
  | 'wardAiUse'
  | 'publicAiSystem'
  | 'dataset'
  | 'province'
  | 'ward',
  number
> & { periodKey: string; answeredCode: string };

/**
 * Who visits what: every route of web/src/App.tsx, by the demo accounts that can see it (null: anonymous). The Sở's
 * officer sees the most; the pages are shared between two contexts so that no sweep is much longer than the others.
 */
function visitsOf(ids: Ids): Array<[string | null, string[]]> {
  return [
    [
      null,
      [
        '/dang-nhap',
        '/cong-khai',
        '/cong-khai/luat-tri-tue-nhan-tao',
        `/cong-khai/ke-hoach/${ids.provincePlan}`,
        `/cong-khai/ke-hoach/${ids.wardPlan}`,
        '/cong-khai/kien-nghi',
        '/cong-khai/kien-nghi/tra-cuu',
        `/cong-khai/kien-nghi/tra-cuu/${ids.answeredCode}`,
        '/cong-khai/kien-nghi/tra-loi',
        '/cong-khai/he-thong-ai',
        `/cong-khai/he-thong-ai/${ids.publicAiSystem}`,
        '/cong-khai/du-lieu',
        `/cong-khai/du-lieu/${ids.dataset}`,
        '/cong-khai/du-lieu/to-chuc',
      ],
    ],
    [
      'skhcn.chuyenvien',
      [
        '/',
        '/ke-hoach',
        `/ke-hoach?capTren=${ids.provincePlan}`,
        '/ke-hoach/nhap',
        `/ke-hoach/${ids.provincePlan}`,
        `/ke-hoach/${ids.provincePlan}/trien-khai`,
        `/ke-hoach/${ids.draftPlan}`,
        `/ke-hoach/${ids.draftPlan}/sua`,
        '/cong-viec',
        `/cong-viec/${ids.skhcnAssignment}`,
        `/cong-viec/${ids.skhcnAssignment}/cap-nhat`,
        '/kho-khan',
      ],
    ],
    [
      'skhcn.chuyenvien',
      [
        '/bao-cao',
        `/che-do-bao-cao/${ids.provinceRegime}`,
        `/che-do-bao-cao/${ids.provinceRegime}/ky/${ids.periodKey}`,
        '/bang-dieu-khien',
        '/kien-nghi',
        `/kien-nghi/${ids.petition}`,
        '/he-thong-ai',
        '/he-thong-ai/tinh-hinh',
        '/du-lieu',
        '/du-lieu/them',
        `/du-lieu/${ids.dataset}`,
        `/du-lieu/${ids.dataset}/sua`,
        '/thong-bao',
        '/don-vi',
        `/don-vi/${ids.province}`,
        '/doi-mat-khau',
        '/khong-co-trang-nay',
      ],
    ],
    [
      'namsamson.chuyenvien',
      [
        '/',
        '/ke-hoach',
        `/ke-hoach/${ids.wardPlan}`,
        `/ke-hoach/${ids.wardPlan}/so-sanh`,
        '/cong-viec',
        `/cong-viec/${ids.wardAssignment}`,
        `/cong-viec/${ids.wardAssignment}/cap-nhat`,
        '/kho-khan?hop=di',
        '/bao-cao',
        `/bao-cao/${ids.wardReport}`,
        `/che-do-bao-cao/${ids.provinceRegime}`,
        `/che-do-bao-cao/${ids.wardRegime}`,
        '/kien-nghi',
        `/kien-nghi/${ids.wardPetition}`,
        '/he-thong-ai',
        '/he-thong-ai/dang-ky',
        `/he-thong-ai/${ids.wardAiUse}`,
        `/he-thong-ai/${ids.wardAiUse}/danh-gia-tac-dong`,
        '/du-lieu',
        '/thong-bao',
        `/don-vi/${ids.ward}`,
      ],
    ],
    ['namsamson.lanhdao', ['/', `/bao-cao/${ids.wardReport}`, `/ke-hoach/${ids.wardPlan}`]],
    ['skhcn.lanhdao', ['/', `/du-lieu/${ids.dataset}`]],
    ['tinh.lanhdao', ['/', `/ke-hoach/${ids.provincePlan}`]],
    [
      'thanhhoa.quantri',
      [
        '/',
        '/tai-khoan',
        '/nhat-ky',
        '/don-vi',
        `/don-vi/${ids.ward}`,
        `/don-vi/${ids.province}/van-ban`,
        `/don-vi/${ids.ward}/van-ban`,
        '/du-lieu/to-chuc',
      ],
    ],
    ['hethong.quantri', ['/', '/tai-khoan', '/nhat-ky', '/du-lieu/to-chuc']],
  ];
}

/** One test per group of accounts; the accounts' sweeps run side by side, SWEEPS at a time, once data is set up. */
const GROUPS: Array<{ title: string; accounts: Array<string | null> }> = [
  { title: 'khách (không đăng nhập): trang công khai', accounts: [null] },
  {
    title: 'skhcn.chuyenvien (đơn vị đầu mối của tỉnh): kế hoạch, triển khai, báo cáo, kiến nghị, dữ liệu',
    accounts: ['skhcn.chuyenvien'],
  },
  {
    title: 'namsamson.chuyenvien (phường): công việc, cập nhật tiến độ, báo cáo, hệ thống AI',
    accounts: ['namsamson.chuyenvien'],
  },
  {
    title: 'lãnh đạo: trang chủ, duyệt kế hoạch, báo cáo, dữ liệu',
    accounts: ['namsamson.lanhdao', 'skhcn.lanhdao', 'tinh.lanhdao'],
  },
  {
    title: 'quản trị: tài khoản, nhật ký, đơn vị, thiết lập văn bản, tài khoản tổ chức',
    accounts: ['thanhhoa.quantri', 'hethong.quantri'],
  },
];
const SWEEPS = 3;

/** Runs the sweeps, at most `n` at a time, longest first; what each account's pages got wrong, once all are done. */
function sweepAll(
  app: TestApp,
  plan: Array<[string | null, string[]]>,
  n: number,
): Map<string | null, Promise<Found[]>> {
  const jobs = plan.map(([who, paths]) => ({ who, paths, done: Promise.withResolvers<Found[]>() }));
  const queue = [...jobs].sort((a, b) => b.paths.length - a.paths.length);
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const { who, paths, done } = job;
      done.resolve(
        await sweep(app, who, paths).catch((e: unknown): Found[] => [
          { who: who ?? 'khách', where: '(lượt xem)', why: 'lỗi khi duyệt các trang', text: String(e).slice(0, 300) },
        ]),
      );
    }
  };
  for (let i = 0; i < n; i++) void worker();
  const byAccount = new Map<string | null, Promise<Found[]>>();
  for (const who of new Set(jobs.map((j) => j.who)))
    byAccount.set(
      who,
      Promise.all(jobs.filter((j) => j.who === who).map((j) => j.done.promise)).then((all) => all.flat()),
    );
  return byAccount;
}

describe('không chữ nào bị cắt ở 390 px và 1366 px, trên mọi trang', { timeout: 600_000 }, () => {
  let app: TestApp;
  let swept = new Map<string | null, Promise<Found[]>>();
  const ids: Ids = {
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
    const imported = await officer.post<{ draft: PlanDraft; sourceText: string | null }>('/plans/import', {
      filename: file,
      contentBase64: content.toString('base64'),
    });
    ids.draftPlan = (
      await officer.post<{ id: number }>('/plans', {
        unitId: province.unitId,
        // As the demo does: the officer takes the checks' suggestion and names the law as it names itself.
        draft: spellLawNamesIn(imported.draft),
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
    swept = sweepAll(app, visitsOf(ids), SWEEPS);
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

  for (const group of GROUPS)
    test(group.title, async () => {
      const found = (await Promise.all(group.accounts.map((who) => swept.get(who)!))).flat();
      assert.equal(
        found.length,
        0,
        `${found.length} chỗ chữ bị cắt, tràn hoặc viết sai\n${found.map((f) => `  ${f.who}: ${f.where}: ${f.why} — «${f.text}»`).join('\n')}`,
      );
    });
});
