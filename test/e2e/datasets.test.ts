// The provincial AI database as people use it (issue 12's "Done when"), in Chromium at phone width, one server for
// the file: the Sở KH&CN officer adds an open dataset and uploads a CSV with a column of citizen ID numbers (CCCD);
// the file's personal-data table names that column; the leader's "Công bố" is refused with the column named on
// screen; the officer masks the column (and checks k-anonymity on the year column); the leader publishes; an
// anonymous visitor finds it on /cong-khai/du-lieu (no sideways scrolling at 390 px) and downloads the masked file;
// the download is in the owner's access log. A conditional dataset: a ward officer asks for access, the leader
// approves it for 30 days, the officer downloads. Screenshots: test-results/datasets-*.png.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { apiAs, assertAccessible, assertFitsPhone, login, screenshot, startApp, type TestApp } from './support.ts';

const TITLE = 'Hộ kinh doanh cá thể phường Hạc Thành 2025';
/** 12 digits: Thanh Hóa's province code 038, century-and-sex digit 0, year of birth 85–94, then six digits. */
const cccd = (i: number) => `0380${85 + (i % 10)}${String(104729 + i * 7919).slice(-6)}`;
const CSV = [
  'stt,so_cccd,nganh_nghe,so_lao_dong,nam_dang_ky',
  ...Array.from(
    { length: 40 },
    (_, i) =>
      `${i + 1},${cccd(i)},${['Bán lẻ tạp hóa', 'Ăn uống', 'Sửa chữa xe máy', 'May mặc'][i % 4]},${1 + (i % 5)},${2019 + (i % 6)}`,
  ),
].join('\n');

async function check(page: Page, where: string, shot: string): Promise<void> {
  await assertAccessible(page, where);
  await assertFitsPhone(page, where);
  await screenshot(page, shot);
}

describe('CSDL phục vụ AI: dữ liệu cá nhân chặn công bố, che cột, công bố, tải công khai', { timeout: 600_000 }, () => {
  let app: TestApp;
  let officer: Page;
  let leader: Page;
  let datasetId = 0;
  let conditionalId = 0;

  before(async () => {
    app = await startApp();
    officer = await app.newPage({ phone: true });
    await login(officer, app.url, 'skhcn.chuyenvien');
  });
  after(() => app?.close());

  test('the officer adds an open dataset and uploads a CSV with a CCCD column; the column is named', async () => {
    await officer.goto(`${app.url}/du-lieu/them`);
    await officer.getByLabel(/^Tên bộ dữ liệu/).fill(TITLE);
    await officer.getByLabel(/^Mô tả/).fill('Danh sách hộ kinh doanh đăng ký trên địa bàn, ngành nghề, số lao động.');
    await officer.getByRole('combobox', { name: /^Lĩnh vực/ }).click();
    await officer.getByRole('option').first().click();
    await officer.getByRole('radio', { name: 'Dữ liệu mở', exact: true }).check({ force: true });
    await officer.getByRole('button', { name: 'Lưu bộ dữ liệu' }).click();
    await officer.waitForURL(/\/du-lieu\/\d+$/);
    datasetId = Number(new URL(officer.url()).pathname.split('/').pop());
    assert.ok(datasetId > 0);

    const resources = officer.locator('section[aria-labelledby="ds-resources"]');
    await resources.locator('input[type="file"]').setInputFiles({
      name: 'ho-kinh-doanh.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV, 'utf8'),
    });
    await resources.getByRole('button', { name: 'Tải lên' }).click();
    const findings = officer.getByTestId('personal-findings');
    await findings.waitFor();
    const row = findings.locator('tr').filter({ hasText: 'so_cccd' });
    assert.match(await row.innerText(), /căn cước công dân/i);
    assert.match(await row.innerText(), /40/);
    await check(officer, 'bộ dữ liệu (có dữ liệu cá nhân)', 'datasets-findings');
  });

  test("the leader's publish is refused with the column named", async () => {
    leader = await app.newPage({ phone: true });
    await login(leader, app.url, 'skhcn.lanhdao');
    await leader.goto(`${app.url}/du-lieu/${datasetId}`);
    await leader.getByRole('button', { name: 'Công bố', exact: true }).click();
    const refusal = leader.getByTestId('publish-error').getByRole('alert');
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /so_cccd/);
    await screenshot(leader, 'datasets-publish-refused');
  });

  test('the officer masks the column; the k-anonymity check gives the smallest group', async () => {
    await officer.reload();
    const panel = officer.getByTestId('deidentify');
    await panel.getByLabel(/Cột “so_cccd”/).selectOption('mask');
    await panel.getByRole('checkbox', { name: 'nam_dang_ky', exact: true }).check();
    await panel.getByRole('button', { name: 'Áp dụng khử định danh' }).click();
    const result = officer.getByTestId('deidentify-result');
    await result.waitFor();
    const text = await result.innerText();
    assert.match(text, /phiên bản 2/);
    assert.match(text, /Nhóm nhỏ nhất theo nam_dang_ky: \d+ dòng/);
    await officer
      .getByTestId('personal-findings')
      .or(officer.getByText('Không phát hiện dữ liệu cá nhân.'))
      .first()
      .waitFor();
    await officer.getByText('Còn dữ liệu cá nhân').waitFor({ state: 'detached' });
  });

  test('the leader publishes', async () => {
    await leader.reload();
    await leader.getByRole('button', { name: 'Công bố', exact: true }).click();
    await leader.getByText('Đã công bố', { exact: true }).first().waitFor();
    await check(leader, 'bộ dữ liệu đã công bố', 'datasets-published');
  });

  test('an anonymous visitor finds it at 390 px and downloads the masked file; the owner sees it logged', async () => {
    const visitor = await app.newPage({ phone: true });
    await visitor.goto(`${app.url}/cong-khai/du-lieu`);
    const card = visitor.getByTestId('public-dataset').filter({ hasText: TITLE });
    await card.waitFor();
    assert.match(await card.innerText(), /Sở Khoa học và Công nghệ/);
    assert.match(await card.innerText(), /Dữ liệu mở/);
    await check(visitor, 'danh mục dữ liệu công khai', 'datasets-public');
    const [download] = await Promise.all([
      visitor.waitForEvent('download'),
      card.getByRole('link', { name: /^Tải / }).first().click(),
    ]);
    const body = await readFile(await download.path());
    const text = body.toString('utf8');
    assert.match(text, /so_cccd/, 'the column stays, masked');
    assert.ok(!text.includes(cccd(0)), 'no citizen ID in the open file');
    assert.ok(text.includes('Sửa chữa xe máy'), 'the rest of the data is there');

    // Search without accents finds it; the detail page opens.
    await visitor.getByLabel('Tìm dữ liệu').fill('ho kinh doanh hac thanh');
    await card.waitFor();
    await card.getByRole('link', { name: TITLE }).click();
    await visitor.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await check(visitor, 'bộ dữ liệu công khai', 'datasets-public-detail');

    await officer.reload();
    const log = officer.getByTestId('access-log');
    await log.waitFor();
    assert.ok((await log.locator('tbody tr').count()) >= 1, 'the anonymous download is logged');
    assert.deepEqual(app.pageErrors, []);
  });

  test('a conditional dataset: a ward officer asks, the leader approves, the officer downloads', async () => {
    const owner = await apiAs(app.url, 'skhcn.chuyenvien');
    const boss = await apiAs(app.url, 'skhcn.lanhdao');
    const sectors = await owner.get<Array<{ code: string }>>('/datasets/sectors');
    const me = await owner.get<{ user: { unitId: number } }>('/auth/me');
    const { id } = await owner.post<{ id: number }>('/datasets', {
      unitId: me.user.unitId,
      title: 'Sản lượng lúa theo xã 2025',
      sector: sectors[0]!.code,
      accessClass: 'conditional',
    });
    const csv = 'xa,vu,san_luong_tan\nHạc Thành,Chiêm,1200\nNam Sầm Sơn,Mùa,800\n';
    const file = await owner.post(`/datasets/${id}/resources`, {
      filename: 'san-luong-lua.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
    });
    await boss.post(`/datasets/${id}/publish`);
    conditionalId = id;

    const ward = await app.newPage({ phone: true });
    await login(ward, app.url, 'namsamson.chuyenvien');
    await ward.goto(`${app.url}/du-lieu/${id}`);
    await ward.getByLabel(/^Mục đích sử dụng/).fill('Dự báo sản lượng lúa cho kế hoạch mùa vụ của phường.');
    await ward.getByLabel(/^Cách sử dụng dữ liệu/).fill('Huấn luyện mô hình dự báo, chỉ dùng trong phường.');
    await ward.getByLabel(/^Thời hạn/).fill('60');
    await ward.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await ward.getByTestId('my-access').getByText('Chờ xem xét').waitFor();
    await check(ward, 'đề nghị truy cập', 'datasets-access-request');
    // Before the grant the page offers no download, and the file's address answers 403.
    assert.equal(await ward.getByRole('link', { name: /^Tải “san-luong-lua/ }).count(), 0);
    const href = `/api/public/datasets/${id}/resources/${(file as { id: number }).id}/download`;
    assert.equal((await ward.request.get(`${app.url}${href}`)).status(), 403, 'no download before the grant');

    await leader.goto(`${app.url}/du-lieu/${id}`);
    const request = leader.getByTestId('access-request').filter({ hasText: 'Dự báo sản lượng lúa' });
    await request.getByRole('button', { name: 'Chấp thuận' }).click();
    await leader.getByLabel('Thời hạn (ngày)').fill('30');
    await leader.getByRole('dialog').getByRole('button', { name: 'Chấp thuận' }).click();
    await request.getByText('Đã chấp thuận').waitFor();

    await ward.reload();
    const link = ward.getByRole('link', { name: /^Tải “san-luong-lua/ }).first();
    const [got] = await Promise.all([ward.waitForEvent('download'), link.click()]);
    assert.match((await readFile(await got.path())).toString('utf8'), /Nam Sầm Sơn,Mùa,800/);
    assert.deepEqual(app.pageErrors, []);
  });

  test('an outside organisation registers, the province approves it, it asks with its key and downloads under the grant', async () => {
    const org = await app.newPage({ phone: true });
    await org.goto(`${app.url}/cong-khai/du-lieu/${conditionalId}`);
    await org.getByRole('link', { name: 'Tổ chức đề nghị truy cập' }).click();
    await org.getByRole('heading', { level: 1, name: 'Tài khoản tổ chức khai thác dữ liệu' }).waitFor();
    const form = org.getByRole('form', { name: 'Đăng ký tài khoản tổ chức' });
    await form.getByLabel(/^Tên tổ chức/).fill('Công ty TNHH Nông nghiệp Số Yên Định');
    await form.getByLabel(/^Mã số thuế/).fill('2801234565');
    await form.getByLabel(/^Người liên hệ/).fill('Trịnh Văn Hải');
    await form.getByLabel(/^Thư điện tử/).fill('hai.trinh@nongnghiepso.vn');
    await form.getByRole('button', { name: 'Đăng ký' }).click();
    await form
      .getByText(/chữ số cuối là số kiểm tra/)
      .first()
      .waitFor();
    assert.equal(await form.getByLabel(/^Tên tổ chức/).inputValue(), 'Công ty TNHH Nông nghiệp Số Yên Định', 'kept');
    await form.getByLabel(/^Mã số thuế/).fill('2801234564');
    await form.getByRole('button', { name: 'Đăng ký' }).click();
    const key = (await org.getByTestId('access-key').innerText()).trim();
    assert.match(key, /^thk_/);
    await org.getByTestId('organisation-account').getByText('Chờ tỉnh xác minh').waitFor();
    await check(org, 'tài khoản tổ chức', 'datasets-organisation');

    const admin = await app.newPage();
    await login(admin, app.url, 'thanhhoa.quantri');
    await admin.goto(`${app.url}/du-lieu/to-chuc`);
    await admin.getByRole('button', { name: 'Chấp thuận Công ty TNHH Nông nghiệp Số Yên Định' }).click();
    await admin.getByTestId('organisation-row').getByText('Đang hoạt động').waitFor();

    await org.reload();
    await org.getByLabel('Khóa truy cập', { exact: true }).waitFor();
    const account = org.getByTestId('organisation-account');
    await account.getByText('Đang hoạt động').waitFor();
    const ask = org.getByRole('form', { name: 'Đề nghị truy cập dữ liệu' });
    await ask.getByLabel(/^Mục đích sử dụng/).fill('Xây dựng mô hình dự báo năng suất lúa cho hợp tác xã.');
    await ask.getByLabel(/^Cách sử dụng dữ liệu/).fill('Chỉ dùng trong dự án, không chia sẻ lại, xóa khi hết hạn.');
    await ask.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await account.getByTestId('organisation-request').getByText('Chờ xem xét').waitFor();

    await leader.goto(`${app.url}/du-lieu/${conditionalId}`);
    const request = leader.getByTestId('access-request').filter({ hasText: 'Công ty TNHH Nông nghiệp Số Yên Định' });
    await request
      .getByTestId('organisation-contact')
      .getByText(/mã số thuế 2801234564/)
      .waitFor();
    await request.getByRole('button', { name: 'Chấp thuận' }).click();
    await leader.getByRole('dialog').getByRole('button', { name: 'Chấp thuận' }).click();
    await request.getByText('Đã chấp thuận').waitFor();

    await org.reload();
    const files = org.getByTestId('organisation-request').getByRole('button', { name: /^Tải “san-luong-lua/ });
    const [got] = await Promise.all([org.waitForEvent('download'), files.click()]);
    assert.match((await readFile(await got.path())).toString('utf8'), /Hạc Thành,Chiêm,1200/);
    const log = await (await apiAs(app.url, 'skhcn.chuyenvien')).get<{
      items: Array<{ organisation: { name: string } | null }>;
    }>(`/datasets/${conditionalId}/access-log`);
    assert.equal(log.items[0]?.organisation?.name, 'Công ty TNHH Nông nghiệp Số Yên Định');

    // A lost key: the form answers the same whether or not the account matches; a code that is not one is refused
    // where it was typed, and kept. (The code's own path, with a real mail server, is in the API test.)
    const recovery = org.getByRole('form', { name: 'Yêu cầu mã khôi phục khóa' });
    await recovery.getByLabel('Mã số thuế').fill('2801234564');
    await recovery.getByLabel('Thư điện tử liên hệ').fill('hai.trinh@nongnghiepso.vn');
    await recovery.getByRole('button', { name: 'Gửi mã khôi phục' }).click();
    // The browser tests' server has no mail server: it says so, to everyone alike.
    await org
      .getByTestId('recovery-sent')
      .getByText(/chưa được cấu hình gửi thư điện tử/)
      .waitFor();
    await org.goto(`${app.url}/cong-khai/du-lieu/to-chuc?khoi-phuc=ma-khong-dung-123456`);
    const code = org.getByRole('form', { name: 'Nhận khóa mới bằng mã khôi phục' });
    await code.getByRole('button', { name: 'Nhận khóa mới' }).click();
    await code.getByText(/Mã khôi phục không đúng, đã dùng hoặc đã hết hạn/).waitFor();
    assert.equal(await code.getByLabel('Mã khôi phục').inputValue(), 'ma-khong-dung-123456', 'kept');
    await check(org, 'khôi phục khóa', 'datasets-organisation-recovery');
    assert.deepEqual(app.pageErrors, []);
  });
});
