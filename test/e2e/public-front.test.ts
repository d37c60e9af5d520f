// Demo mode shows everything (issue 9, items 4 and 7), in Chromium: an anonymous visitor at phone width finds the
// issued plans on /cong-khai, searches without accents, opens a plan's progress and the note on the law; the demo's
// unit administrator opens the accounts and the audit trail; the Sở's officer finds the five communes the demo left
// for the cascade wizard still to choose.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiAs, assertAccessible, assertFitsPhone, login, screenshot, startApp, type TestApp } from './support.ts';

describe('the public front door and the demo accounts', { timeout: 600_000 }, () => {
  let app: TestApp;
  before(async () => {
    app = await startApp({ demoContent: true });
  });
  after(async () => {
    await app?.close();
  });

  test('a visitor finds the issued plans, searches without accents, opens a plan and the note on the law', async () => {
    const page = await app.newPage({ phone: true });
    await page.goto(`${app.url}/cong-khai`);
    await page.getByRole('heading', { level: 1, name: 'Thi hành Luật Trí tuệ nhân tạo tại tỉnh Thanh Hóa' }).waitFor();
    const cards = page.getByTestId('public-plan');
    await cards.first().waitFor();
    assert.equal(await cards.count(), 2, 'KH 129 of the province and the plan of phường Nam Sầm Sơn');
    await page.getByText('2 kế hoạch đã ban hành').waitFor();
    await assertAccessible(page, '/cong-khai');
    await assertFitsPhone(page, '/cong-khai');
    await screenshot(page, 'public-front-phone');

    await page.getByRole('searchbox', { name: 'Tìm kế hoạch' }).fill('nam sam son');
    await page.getByText('1 kế hoạch đã ban hành').waitFor();
    assert.match(await cards.first().innerText(), /UBND phường Nam Sầm Sơn · Số 45\/KH-UBND · ngày 20\/05\/2026/);
    await page.getByRole('searchbox', { name: 'Tìm kế hoạch' }).fill('');
    await page.getByText('2 kế hoạch đã ban hành').waitFor();
    const province = cards.filter({ hasText: 'UBND tỉnh Thanh Hóa' });
    assert.match(await province.innerText(), /Số 129\/KH-UBND · ngày 04\/05\/2026/);
    assert.match(await province.innerText(), /phần việc đã hoàn thành năm/);
    await province.getByRole('link').click();
    await page.waitForURL(/\/cong-khai\/ke-hoach\/\d+$/);
    await page
      .getByText(/đơn vị đã hoàn thành/)
      .first()
      .waitFor();

    await page.goto(`${app.url}/cong-khai`);
    for (const name of ['Gửi kiến nghị, phản ánh', 'Hệ thống AI của cơ quan nhà nước', 'Dữ liệu phục vụ AI'])
      await page.getByRole('main').getByRole('link', { name }).waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Về Luật Trí tuệ nhân tạo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Về Luật Trí tuệ nhân tạo' }).waitFor();
    await page.getByText(/Luật Trí tuệ nhân tạo số 134\/2025\/QH15 được Quốc hội khóa XV thông qua/).waitFor();
    assert.ok(!(await page.content()).includes('Trí tuệ Nhân tạo'), 'the law is named as the law names itself');
    await assertAccessible(page, '/cong-khai/luat-tri-tue-nhan-tao');
    await assertFitsPhone(page, '/cong-khai/luat-tri-tue-nhan-tao');
  });

  test('the demo unit administrator opens the accounts and the audit trail', async () => {
    const page = await app.newPage();
    await login(page, app.url, 'thanhhoa.quantri');
    await page.goto(`${app.url}/tai-khoan`);
    await page.getByText('Đầu Thanh Tùng').first().waitFor();
    await page.goto(`${app.url}/nhat-ky`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.deepEqual(app.pageErrors, []);
  });

  test('the Sở’s officer can still cascade the province plan to the five communes left', async () => {
    const page = await app.newPage();
    await login(page, app.url, 'skhcn.chuyenvien');
    const plans = (await page.evaluate(async () => (await fetch('/api/plans?status=issued&limit=5')).json())) as {
      items: Array<{ id: number; unitName: string }>;
    };
    const provincePlan = plans.items.find((p) => p.unitName === 'Tỉnh Thanh Hóa') ?? plans.items[0]!;
    await page.goto(`${app.url}/ke-hoach/${provincePlan.id}/trien-khai`);
    await page.getByRole('radio', { name: 'Tất cả 166 xã, phường của tỉnh (5 đơn vị chưa có kế hoạch)' }).waitFor();
  });

  test('the demo’s data catalogue: three published datasets, an open file to download, a conditional one behind a grant, a draft the publishing rule stops', async () => {
    const api = async (path: string, init?: RequestInit) => fetch(`${app.url}${path}`, init);
    const list = (await (await api('/api/public/datasets')).json()) as {
      total: number;
      items: Array<{ id: number; title: string; accessClass: string; resources: Array<{ id: number }> }>;
    };
    assert.equal(list.total, 3, 'two of Sở KH&CN and one of phường Nam Sầm Sơn are published');
    assert.ok(list.items.every((d) => d.resources.length === 1));
    const faq = list.items.find((d) => d.title.startsWith('Bộ câu hỏi - đáp'));
    const petitions = list.items.find((d) => d.accessClass === 'conditional');
    assert.ok(faq && petitions);
    const file = await api(`/api/public/datasets/${faq.id}/resources/${faq.resources[0]?.id}/download`);
    assert.equal(file.status, 200);
    const csv = await file.text();
    assert.equal(csv.split('\n')[0], 'ma_cau_hoi,linh_vuc,cau_hoi,cau_tra_loi_tom_tat,thu_tuc_lien_quan,nhan_y_dinh');
    assert.equal(
      (await api(`/api/public/datasets/${petitions.id}/resources/${petitions.resources[0]?.id}/download`)).status,
      403,
    );
    const dcat = (await (await api('/api/public/catalog.jsonld')).json()) as { '@graph'?: unknown[] };
    assert.equal(JSON.stringify(dcat).match(/"dcat:Dataset"/g)?.length, 3);

    const ward = await apiAs(app.url, 'namsamson.lanhdao');
    const mine = await ward.get<{ items: Array<{ id: number; status: string }> }>('/datasets?limit=20');
    const draft = mine.items.find((d) => d.status === 'draft');
    assert.ok(draft, 'the ward keeps a draft whose file holds citizen ID numbers');
    await assert.rejects(ward.post(`/datasets/${draft.id}/publish`), /→ 422 .*so_cccd_chu_ho/s);

    const leader = await apiAs(app.url, 'skhcn.lanhdao');
    const requests = await leader.get<{ items: Array<{ status: string; requester: { unitName: string } }> }>(
      `/datasets/${petitions.id}/access-requests`,
    );
    assert.deepEqual(
      requests.items.map((r) => [r.status, r.requester.unitName]),
      [['pending', 'Phường Nam Sầm Sơn']],
    );
    const page = await app.newPage({ phone: true });
    await page.goto(`${app.url}/cong-khai/du-lieu`);
    await page.getByTestId('public-dataset').nth(2).waitFor();
    assert.deepEqual(app.pageErrors, []);
  });
});
