// Who signs a ward's documents, in Chromium at phone width: the province's unit admin sets phường Nam Sầm Sơn's signers
// and filing line on the ward's page (a wrong one is refused, nothing typed is lost); the ward's leader approves the
// ward's report picking the Phó Chủ tịch, sees its number, and downloads the Báo cáo signed "TM. ỦY BAN NHÂN DÂN /
// KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" and filed "Lưu: VT, VP.". Set up through the API: KH 129 issued, cascaded to the ward,
// the ward's plan issued, its report drafted.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { ROOT } from '../../scripts/build-web.ts';
import { apiAs, assertAccessible, assertFitsPhone, login, screenshot, startApp, type TestApp } from './support.ts';

const PROVINCE_FILE = join(
  ROOT,
  'test',
  'fixtures',
  'plans',
  'ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt',
);

async function check(page: Page, where: string, shot: string): Promise<void> {
  await assertAccessible(page, where);
  await assertFitsPhone(page, where);
  await screenshot(page, shot);
}

describe('người ký văn bản của phường', { timeout: 300_000 }, () => {
  let app: TestApp;
  let wardId = 0;
  let reportId = 0;
  let periodPath = '';

  before(async () => {
    app = await startApp();
    const officer = await apiAs(app.url, 'skhcn.chuyenvien');
    const imported = await officer.post<{ draft: unknown; sourceText: string | null }>('/plans/import', {
      filename: 'ke-hoach-tinh.txt',
      contentBase64: (await readFile(PROVINCE_FILE)).toString('base64'),
    });
    const unit = async (code: string) =>
      (await officer.get<Array<{ id: number; code: string }>>(`/units/search?q=${code}`)).find((u) => u.code === code)!;
    const province = await unit('38');
    wardId = (await unit('16516')).id;
    const { id } = await officer.post<{ id: number }>('/plans', { unitId: province.id, draft: imported.draft });
    await officer.post(`/plans/${id}/submit`);
    const provinceLeader = await apiAs(app.url, 'tinh.lanhdao');
    await provinceLeader.post(`/plans/${id}/approve`);
    await provinceLeader.post(`/plans/${id}/issue`, { number: '129', date: '2026-05-04' });
    const cascade = await officer.post<{ created: Array<{ unitId: number; planId: number }> }>(`/plans/${id}/cascade`, {
      unitIds: [wardId],
    });
    const wardPlan = cascade.created[0]!.planId;
    const wardOfficer = await apiAs(app.url, 'namsamson.chuyenvien');
    const wardLeader = await apiAs(app.url, 'namsamson.lanhdao');
    await wardOfficer.post(`/plans/${wardPlan}/submit`);
    await wardLeader.post(`/plans/${wardPlan}/approve`);
    await wardLeader.post(`/plans/${wardPlan}/issue`, { number: '45', date: '2026-05-20' });
    const regime = (await wardOfficer.get<Array<{ id: number; planId: number | null }>>('/regimes')).find(
      (r) => r.planId === id,
    )!;
    const detail = await wardOfficer.get<{ periods: Array<{ key: string; current: boolean }> }>(
      `/regimes/${regime.id}`,
    );
    const key = detail.periods.find((p) => p.current)!.key;
    reportId = (await wardOfficer.post<{ id: number }>(`/regimes/${regime.id}/periods/${key}/reports`, {})).id;
    periodPath = `/che-do-bao-cao/${regime.id}/ky/${key}`;
  });
  after(async () => {
    await app?.close();
  });

  test('quản trị tỉnh thiết lập người ký của phường; lỗi được chỉ ra, nội dung đã nhập được giữ', async () => {
    const page = await app.newPage({ phone: true });
    await login(page, app.url, 'thanhhoa.quantri');
    await page.goto(`${app.url}/don-vi/${wardId}`);
    await page.getByRole('link', { name: 'Thiết lập người ký, nơi lưu' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thiết lập văn bản' }).waitFor();

    const add = page.getByRole('button', { name: 'Thêm người ký' });
    await add.click();
    await page.getByLabel('Chức vụ (người ký 1)').fill('Chủ tịch');
    await page.getByLabel('Họ và tên (người ký 1)').fill('Phạm Xuân Trường');
    await page.getByRole('combobox', { name: 'Quyền hạn (người ký 1)' }).click();
    await page.getByRole('option', { name: 'TM. (thay mặt)' }).click();
    await add.click();
    // KT. with the head's own title: the server refuses it and says why, under the field.
    await page.getByLabel('Chức vụ (người ký 2)').fill('Chủ tịch');
    await page.getByLabel('Họ và tên (người ký 2)').fill('Lê Thị Thu');
    await page.getByLabel('Đơn vị soạn thảo (Lưu: VT, …)').fill('vp');
    await page.getByRole('button', { name: 'Lưu thiết lập' }).click();
    await page.getByText('Người ký thay (KT.) là cấp phó: chức vụ bắt đầu bằng "Phó", ví dụ "Phó Chủ tịch".').waitFor();
    assert.equal(await page.getByLabel('Họ và tên (người ký 2)').inputValue(), 'Lê Thị Thu');
    assert.equal(await page.getByLabel('Họ và tên (người ký 1)').inputValue(), 'Phạm Xuân Trường');
    assert.equal(await page.getByLabel('Đơn vị soạn thảo (Lưu: VT, …)').inputValue(), 'vp');
    await check(page, 'thiết lập văn bản (lỗi)', 'document-settings-error-phone');

    await page.getByLabel('Chức vụ (người ký 2)').fill('Phó Chủ tịch');
    await page.getByText('In trên văn bản: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH — Lê Thị Thu').waitFor();
    await page.getByRole('button', { name: 'Lưu thiết lập' }).click();
    await page.getByText('Đã lưu thiết lập văn bản của đơn vị.').waitFor();
    assert.equal(await page.getByLabel('Đơn vị soạn thảo (Lưu: VT, …)').inputValue(), 'VP', 'as stored');
    assert.equal(await page.getByLabel('Chức vụ (người ký 2)').inputValue(), 'PHÓ CHỦ TỊCH');
    await check(page, 'thiết lập văn bản', 'document-settings-phone');

    await page.goto(`${app.url}/don-vi/${wardId}`);
    const card = page.getByRole('region', { name: 'Văn bản của đơn vị' });
    await card.getByText('Lê Thị Thu').waitFor();
    await card.getByText('Lưu: VT, VP · Ký hiệu: UBND').waitFor();
  });

  test('lãnh đạo phường duyệt báo cáo, chọn Phó Chủ tịch ký; báo cáo có số và khối chữ ký', async () => {
    const page = await app.newPage({ phone: true });
    await login(page, app.url, 'namsamson.lanhdao');
    await page.goto(`${app.url}/bao-cao/${reportId}`);
    await page.getByRole('button', { name: 'Duyệt báo cáo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Duyệt báo cáo' });
    const signer = dialog.getByRole('combobox', { name: 'Người ký' });
    await signer.waitFor();
    assert.equal(await signer.inputValue(), 'Phạm Xuân Trường: CHỦ TỊCH', 'the default');
    await dialog.getByText('In trên văn bản: TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH').waitFor();
    await check(page, 'duyệt báo cáo, chọn người ký', 'document-settings-approve-phone');
    await signer.click();
    await page.getByRole('option', { name: 'Lê Thị Thu: PHÓ CHỦ TỊCH' }).click();
    await dialog.getByText('In trên văn bản: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH').waitFor();
    await dialog.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await page.getByText(/^Số: 01\/BC-UBND$/).waitFor();
    await page.getByText(/người ký: Lê Thị Thu/).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải báo cáo (DOCX)' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^bao-cao-so-01-bc-ubnd-/);
    const zip = await JSZip.loadAsync(await readFile(await download.path()));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ' ');
    assert.match(text, /TM\. ỦY BAN NHÂN DÂN\s+KT\. CHỦ TỊCH\s+PHÓ CHỦ TỊCH[\s\S]*Lê Thị Thu/);
    assert.match(text, /Lưu: VT, VP\./);
  });

  test('lãnh đạo Sở KH&CN duyệt báo cáo tổng hợp; Sở chưa có danh sách người ký nên ký theo chức vụ', async () => {
    const page = await app.newPage({ phone: true });
    await login(page, app.url, 'skhcn.lanhdao');
    await page.goto(`${app.url}${periodPath}`);
    await page.getByText('Báo cáo tổng hợp:').waitFor();
    await page.getByRole('button', { name: 'Duyệt, chọn người ký' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Duyệt báo cáo tổng hợp' });
    await dialog.getByText(/Người ký: “GIÁM ĐỐC” và tên lãnh đạo duyệt/).waitFor();
    await check(page, 'duyệt báo cáo tổng hợp', 'document-settings-compiled-phone');
    await dialog.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await page.getByText(/người ký Trịnh Văn Hùng \(GIÁM ĐỐC\), duyệt \d/).waitFor();
    await page.getByRole('button', { name: 'Đổi người ký' }).waitFor();
  });
});
