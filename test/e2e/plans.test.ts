// Kế hoạch, as people use it: the province plan 129/KH-UBND is drafted by the Sở KH&CN and issued by the province
// (set up through the API); a ward officer of Nam Sầm Sơn imports the ward's own plan file and sees what is wrong
// with it (the wrong law in the title, "Nam Sâm Sơn"); the Sở KH&CN officer opens the province plan, deploys it to
// one xã and two phường found by their names without accents, and downloads the plan as a DOCX.
// Accessible (axe: no serious or critical violation) and comfortable at phone width.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { login, screenshot, startApp, apiAs, assertAccessible, assertFitsPhone, type TestApp } from './support.ts';
import { ROOT } from '../../scripts/build-web.ts';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'plans');
const PROVINCE_FILE = join(FIXTURES, 'ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt');
const WARD_FILE = join(FIXTURES, 'ke-hoach-phuong-nam-sam-son-thi-hanh-luat-tri-tue-nhan-tao.md');
const PROVINCE_TITLE = 'Triển khai thi hành Luật Trí tuệ Nhân tạo trên địa bàn tỉnh Thanh Hóa';

describe('kế hoạch: nhập, rà soát, triển khai xuống xã, phường, tải DOCX', { timeout: 300_000 }, () => {
  let app: TestApp;
  let provincePlanId = 0;

  before(async () => {
    app = await startApp();
    // The province plan: drafted by the Sở KH&CN (the province's focal agency), approved and issued by the
    // province's leader as 129/KH-UBND of 04/05/2026.
    const officer = await apiAs(app.url, 'skhcn.chuyenvien');
    const content = await readFile(PROVINCE_FILE);
    const imported = await officer.post<{ draft: unknown; sourceText: string | null; suggestedUnitId: number | null }>(
      '/plans/import',
      {
        filename: 'ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt',
        contentBase64: content.toString('base64'),
      },
    );
    const province = (
      await officer.get<Array<{ id: number; code: string; kind: string }>>('/units/search?q=38&kind=province')
    ).find((u) => u.code === '38');
    assert.ok(province, 'có Tỉnh Thanh Hóa (mã 38)');
    assert.equal(imported.suggestedUnitId, province.id);
    const { id } = await officer.post<{ id: number }>('/plans', {
      unitId: province.id,
      draft: imported.draft,
      sourceName: 'ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt',
      sourceText: imported.sourceText,
    });
    await officer.post(`/plans/${id}/submit`);
    const leader = await apiAs(app.url, 'tinh.lanhdao');
    await leader.post(`/plans/${id}/approve`);
    await leader.post(`/plans/${id}/issue`, { number: '129', date: '2026-05-04' });
    const detail = await leader.get<{ plan: { status: string; number: string; symbol: string } }>(`/plans/${id}`);
    assert.equal(detail.plan.status, 'issued');
    assert.equal(`${detail.plan.number}/${detail.plan.symbol}`, '129/KH-UBND');
    provincePlanId = id;
  });
  after(async () => {
    await app?.close();
  });

  test('phường Nam Sầm Sơn nhập kế hoạch của mình từ tệp và thấy các lỗi, cảnh báo', async () => {
    const page = await app.newPage({ phone: true });
    await login(page, app.url, 'namsamson.chuyenvien');

    // "Kế hoạch" in the menu (behind the menu button on a phone).
    await page.getByRole('button', { name: 'Mở menu điều hướng' }).click();
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Kế hoạch' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kế hoạch' }).waitFor();
    assert.equal(await page.title(), 'Kế hoạch · Thi Hành');
    const list = page.getByRole('list', { name: 'Danh sách kế hoạch' });
    await list.getByRole('link', { name: PROVINCE_TITLE }).waitFor();
    await list.getByText('129/KH-UBND · 04/05/2026').waitFor();
    await assertAccessible(page, 'danh sách kế hoạch');
    await assertFitsPhone(page, 'danh sách kế hoạch');
    await screenshot(page, 'plans-list-phone');

    // Accent-insensitive search.
    await page.getByLabel('Tìm kế hoạch').fill('tri tue nhan tao');
    await page.waitForURL(/q=tri\+tue\+nhan\+tao/);
    await list.getByRole('link', { name: PROVINCE_TITLE }).waitFor();

    await page.getByRole('link', { name: 'Nhập kế hoạch từ tệp' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nhập kế hoạch từ tệp' }).waitFor();
    await assertAccessible(page, 'trang nhập, chưa chọn tệp');
    await page.getByLabel('Chọn tệp kế hoạch').setInputFiles(WARD_FILE);
    await page.getByRole('heading', { name: /^Đã đọc “ke-hoach-phuong-nam-sam-son/ }).waitFor();

    // The review: the wrong law in the title is an error, the misspelt ward name a warning, each with its fix.
    const review = page.getByRole('region', { name: 'Kết quả rà soát' });
    const errors = review.getByRole('region', { name: /^Lỗi cần sửa/ });
    await errors
      .getByText(/Luật Chuyển giao công nghệ/)
      .first()
      .waitFor();
    await errors
      .getByText(/Cách sửa:.*Triển khai thi hành Luật Trí tuệ nhân tạo/)
      .first()
      .waitFor();
    const warnings = review.getByRole('region', { name: /^Cảnh báo/ });
    await warnings
      .getByText(/“phường Nam Sâm Sơn”; tên đúng là “phường Nam Sầm Sơn”/)
      .first()
      .waitFor();
    await warnings
      .getByText(/Trung tâm cung ứng dịch vụ công phường/)
      .first()
      .waitFor();
    // Uncertain readings are marked in words, not by colour alone.
    await page.getByText('(chưa có trong danh mục)').first().waitFor();
    // The issuing unit comes from the document, the parent plan from "Thực hiện Kế hoạch số 129/KH-UBND…".
    assert.equal(await page.getByRole('combobox', { name: /^Đơn vị ban hành/ }).inputValue(), 'Phường Nam Sầm Sơn');
    assert.match(
      await page.getByRole('combobox', { name: 'Kế hoạch cấp trên' }).inputValue(),
      /^129\/KH-UBND ngày 04\/05\/2026/,
    );
    await assertAccessible(page, 'trang nhập, rà soát');
    await assertFitsPhone(page, 'trang nhập, rà soát');
    await screenshot(page, 'plans-import-review-phone');

    // A finding leads to its task; the source text is one tab away on a phone.
    await review.getByRole('button', { name: 'Đến nhiệm vụ 3.2' }).first().click();
    await page.locator('#nhap-nv-3-2').waitFor();
    await page.getByRole('tab', { name: 'Văn bản gốc' }).click();
    const source = page.getByRole('region', { name: /^Văn bản gốc/ });
    await source.getByText('Thực hiện Kế hoạch số 129/KH-UBND', { exact: false }).waitFor();
    await screenshot(page, 'plans-import-source-phone', { fullPage: false });
    await page.getByRole('tab', { name: 'Cấu trúc đã đọc' }).click();

    // Saved as a draft of the ward, implementing the province plan.
    await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await page.waitForURL(/\/ke-hoach\/\d+$/);
    await page
      .getByRole('heading', { level: 1, name: /Luật Chuyển giao công nghệ trên địa bàn phường Nam Sâm Sơn/ })
      .waitFor();
    const info = page.getByRole('region', { name: 'Thông tin văn bản' });
    await info.getByRole('link', { name: /^129\/KH-UBND ngày 04\/05\/2026/ }).waitFor();
    await page
      .getByRole('region', { name: 'Kết quả rà soát' })
      .getByText(/Luật Chuyển giao công nghệ/)
      .first()
      .waitFor();
    await page.getByRole('link', { name: 'Sửa dự thảo' }).waitFor();
    await page.getByRole('button', { name: 'Trình' }).waitFor();
    await assertAccessible(page, 'kế hoạch của phường');
    await assertFitsPhone(page, 'kế hoạch của phường');
    await screenshot(page, 'plans-ward-draft-phone');

    // Side by side with the province plan (stacked on a phone).
    await info.getByRole('link', { name: 'So sánh với kế hoạch cấp trên' }).click();
    await page.getByRole('heading', { level: 1, name: 'So sánh với kế hoạch cấp trên' }).waitFor();
    await page
      .getByRole('region', { name: /^Nhiệm vụ 1\./ })
      .getByText('Chủ trì')
      .first()
      .waitFor();
    await assertAccessible(page, 'so sánh');
    await assertFitsPhone(page, 'so sánh');
    await screenshot(page, 'plans-compare-phone');
  });

  test('Sở KH&CN triển khai kế hoạch của tỉnh xuống một xã, hai phường và tải văn bản DOCX', async () => {
    const page = await app.newPage({ phone: true });
    await login(page, app.url, 'skhcn.chuyenvien');
    await page.goto(`${app.url}/ke-hoach?trangThai=issued`);
    await page.getByRole('list', { name: 'Danh sách kế hoạch' }).getByRole('link', { name: PROVINCE_TITLE }).click();
    await page.waitForURL(`${app.url}/ke-hoach/${provincePlanId}`);
    await page.getByRole('heading', { level: 1, name: PROVINCE_TITLE }).waitFor();

    const info = page.getByRole('region', { name: 'Thông tin văn bản' });
    for (const text of ['129/KH-UBND', '04/05/2026', 'Tỉnh Thanh Hóa', 'Đã ban hành'])
      await info.getByText(text, { exact: true }).first().waitFor();
    // Each task carries its "06 rõ" marks.
    const tasks = page.getByRole('region', { name: 'Nhiệm vụ' });
    await tasks.getByRole('list', { name: '06 rõ' }).first().waitFor();
    assert.equal(await tasks.getByRole('list', { name: '06 rõ' }).count(), 6);
    // The ward's draft is among the plans made from this one.
    await page
      .getByRole('region', { name: 'Kế hoạch của xã, phường' })
      .getByRole('link', { name: /Phường Nam Sầm Sơn/ })
      .waitFor();
    await assertAccessible(page, 'kế hoạch của tỉnh');
    await assertFitsPhone(page, 'kế hoạch của tỉnh');
    await screenshot(page, 'plans-province-phone');

    // Step 1: one xã and two phường, found by their names typed without accents.
    await page.getByRole('link', { name: 'Triển khai xuống xã, phường' }).first().click();
    await page.getByRole('heading', { name: 'Bước 1. Chọn xã, phường' }).waitFor();
    const search = page.getByLabel('Tìm xã, phường');
    await search.fill('nam sam son');
    const namSamSon = page.getByRole('checkbox', { name: 'Phường Nam Sầm Sơn' });
    await namSamSon.waitFor();
    assert.ok(await namSamSon.isDisabled(), 'phường đã có kế hoạch không chọn lại được');
    await page.getByRole('link', { name: /Đã có kế hoạch \(Dự thảo\)/ }).waitFor();
    for (const [typed, name] of [
      ['muong lat', 'Xã Mường Lát'],
      ['hac thanh', 'Phường Hạc Thành'],
      ['bim son', 'Phường Bỉm Sơn'],
    ] as const) {
      await search.fill(typed);
      await page.getByRole('checkbox', { name }).check();
    }
    const chosen = page.getByRole('group', { name: 'Đã chọn' });
    for (const name of ['Xã Mường Lát', 'Phường Hạc Thành', 'Phường Bỉm Sơn']) await chosen.getByText(name).waitFor();
    await page.getByRole('radio', { name: /^Tất cả 166 xã, phường/ }).waitFor();
    await assertAccessible(page, 'triển khai: bước 1');
    await assertFitsPhone(page, 'triển khai: bước 1');
    await screenshot(page, 'plans-cascade-1-phone');

    // Step 2: the xã's plan as it will be made: its own offices lead, the review of it, the rule table.
    await page.getByRole('button', { name: 'Tiếp: xem trước' }).click();
    await page.getByRole('heading', { name: 'Bước 2. Xem trước kế hoạch sẽ tạo' }).waitFor();
    await page.getByText('Triển khai thi hành Luật Trí tuệ Nhân tạo trên địa bàn xã Mường Lát').waitFor();
    await page.getByText('Phòng Văn hóa - Xã hội xã', { exact: true }).first().waitFor();
    await page.getByRole('heading', { name: 'Kết quả rà soát bản sẽ tạo' }).waitFor();
    await page.getByRole('button', { name: /Bảng quy tắc chuyển đơn vị/ }).click();
    await page.getByText('Sở Khoa học và Công nghệ (38.SKHCN)').waitFor();
    await assertAccessible(page, 'triển khai: bước 2');
    await assertFitsPhone(page, 'triển khai: bước 2');
    await screenshot(page, 'plans-cascade-2-phone');

    // Step 3: created, with the time it took and a link to each.
    await page.getByRole('button', { name: 'Tiếp: tạo kế hoạch' }).click();
    await page.getByRole('button', { name: 'Tạo kế hoạch' }).click();
    await page.getByText('Đã tạo 3 kế hoạch').waitFor();
    await page.getByText(/Thời gian xử lý: [\d,]+ (mili giây|giây)/).waitFor();
    const created = page.getByRole('list', { name: 'Kế hoạch đã tạo' });
    for (const name of ['Xã Mường Lát', 'Phường Hạc Thành', 'Phường Bỉm Sơn'])
      await created.getByRole('link', { name: new RegExp(name) }).waitFor();
    await assertAccessible(page, 'triển khai: kết quả');
    await screenshot(page, 'plans-cascade-3-phone');

    // The commune plan made for Mường Lát opens, and says what it implements.
    await created.getByRole('link', { name: /Xã Mường Lát/ }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Triển khai thi hành Luật Trí tuệ Nhân tạo trên địa bàn xã Mường Lát' })
      .waitFor();
    // The Sở follows the commune's draft; the commune holds the pen: no edit control, and the edit page says so.
    for (const control of ['Sửa dự thảo', 'Trình']) {
      assert.equal(
        (await page.getByRole('link', { name: control, exact: true }).count()) +
          (await page.getByRole('button', { name: control, exact: true }).count()),
        0,
        `Sở không thấy "${control}" trên dự thảo của xã`,
      );
    }
    const communePlanUrl = page.url();
    await page.goto(`${communePlanUrl}/sua`);
    await page.getByText('Bạn không có quyền sửa dự thảo của đơn vị này.').waitFor();
    assert.equal(await page.getByRole('textbox').count(), 0, 'không có ô nhập nào');
    await page.goto(communePlanUrl);
    await page
      .getByRole('heading', { level: 1, name: 'Triển khai thi hành Luật Trí tuệ Nhân tạo trên địa bàn xã Mường Lát' })
      .waitFor();
    await page
      .getByRole('region', { name: 'Thông tin văn bản' })
      .getByRole('link', { name: /^129\/KH-UBND/ })
      .click();

    // Back on the province plan: four plans implement it now; download the plan as a DOCX.
    await page.getByRole('heading', { level: 1, name: PROVINCE_TITLE }).waitFor();
    await page.getByRole('region', { name: 'Kế hoạch của xã, phường' }).getByText('4 kế hoạch').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Văn bản (DOCX)' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /\.docx$/);
    const file = await readFile(await download.path());
    assert.equal(file.subarray(0, 2).toString('latin1'), 'PK', 'tệp DOCX là một tệp zip');
    const zip = await JSZip.loadAsync(file);
    const xml = await zip.file('word/document.xml')?.async('string');
    assert.ok(xml, 'có word/document.xml');
    const text = xml.replace(/<w:tab\/>/g, ' ').replace(/<[^>]+>/g, '');
    assert.ok(text.includes('KẾ HOẠCH'), 'văn bản có tên loại "KẾ HOẠCH"');
    assert.ok(text.includes('129/KH-UBND'), 'văn bản có số, ký hiệu 129/KH-UBND');
  });

  test('trên máy tính: danh sách là bảng, nhập tệp hiện hai cột', async () => {
    const page = await app.newPage();
    await login(page, app.url, 'skhcn.chuyenvien');
    await page.goto(`${app.url}/ke-hoach`);
    const table = page.getByRole('table');
    await table.getByRole('columnheader', { name: 'Trích yếu' }).waitFor();
    await table.getByRole('row', { name: /129\/KH-UBND/ }).waitFor();
    await screenshot(page, 'plans-list-desktop', { fullPage: false });

    await page.goto(`${app.url}/ke-hoach/${provincePlanId}`);
    await page.getByRole('heading', { level: 1, name: PROVINCE_TITLE }).waitFor();
    await page.getByRole('table').getByRole('columnheader', { name: 'Chủ trì' }).waitFor();
    await screenshot(page, 'plans-province-desktop');

    await page.goto(`${app.url}/ke-hoach/nhap`);
    await page.getByLabel('Chọn tệp kế hoạch').setInputFiles(PROVINCE_FILE);
    await page.getByRole('heading', { name: /^Đã đọc “/ }).waitFor();
    // Structure and source side by side (no tabs).
    await page.getByRole('region', { name: 'Văn bản gốc', exact: true }).waitFor();
    assert.equal(await page.getByRole('tab').count(), 0);
    await assertAccessible(page, 'trang nhập trên máy tính');
    await screenshot(page, 'plans-import-desktop', { fullPage: false });
  });

  test('không có lỗi JavaScript hay vi phạm CSP trên các trang', () => {
    assert.deepEqual(app.pageErrors, []);
  });
});
