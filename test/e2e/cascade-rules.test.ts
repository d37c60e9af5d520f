// The cascade rule table, as the Sở KH&CN officer keeps it: on the cascade page of the issued province plan
// (set up through the API), the rules are one line each until opened; a filter typed without accents finds them.
// The rule for the Sở Tài chính, found and opened that way, is changed to send its tasks to the xã's Phòng Văn hóa -
// Xã hội; the table, saved while filtered, is saved whole, survives a reload and is what the API answers. A rule with
// neither a unit nor a phrase is refused by the browser, next to that rule, with what was typed kept and nothing sent.
// On a phone: accessible (axe: no serious or critical violation) and no wider than the screen.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEFAULT_CASCADE_RULES, type CascadeRule } from '../../src/domain/plan/cascade.ts';
import { ROOT } from '../../scripts/build-web.ts';
import { apiAs, assertAccessible, assertFitsPhone, login, screenshot, startApp, type TestApp } from './support.ts';

const PROVINCE_FILE = join(
  ROOT,
  'test',
  'fixtures',
  'plans',
  'ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt',
);

describe('bảng quy tắc triển khai xuống xã, phường: sửa, lưu, báo lỗi từng quy tắc', { timeout: 300_000 }, () => {
  let app: TestApp;
  let planId = 0;
  let provinceId = 0;

  before(async () => {
    app = await startApp();
    // The province plan, drafted by the Sở KH&CN and issued by the province's leader: only an issued plan cascades.
    const officer = await apiAs(app.url, 'skhcn.chuyenvien');
    const content = await readFile(PROVINCE_FILE);
    const imported = await officer.post<{ draft: unknown; sourceText: string | null }>('/plans/import', {
      filename: 'ke-hoach-tinh.txt',
      contentBase64: content.toString('base64'),
    });
    const province = (await officer.get<Array<{ id: number; code: string }>>('/units/search?q=38&kind=province')).find(
      (u) => u.code === '38',
    );
    assert.ok(province, 'có Tỉnh Thanh Hóa (mã 38)');
    provinceId = province.id;
    const { id } = await officer.post<{ id: number }>('/plans', {
      unitId: provinceId,
      draft: imported.draft,
      sourceText: imported.sourceText,
    });
    await officer.post(`/plans/${id}/submit`);
    const leader = await apiAs(app.url, 'tinh.lanhdao');
    await leader.post(`/plans/${id}/approve`);
    await leader.post(`/plans/${id}/issue`, { number: '129', date: '2026-05-04' });
    planId = id;
  });
  after(async () => {
    await app?.close();
  });

  /** The rule table sits in step 2 of the cascade (the preview), in a section to open. */
  async function openRules(page: Page, how: 'go' | 'reload') {
    if (how === 'go') await page.goto(`${app.url}/ke-hoach/${planId}/trien-khai`);
    else await page.reload();
    await page.getByRole('heading', { name: 'Bước 1. Chọn xã, phường' }).waitFor();
    await page.getByLabel('Tìm xã, phường').fill('muong lat');
    await page.getByRole('checkbox', { name: 'Xã Mường Lát' }).check();
    await page.getByRole('button', { name: 'Tiếp: xem trước' }).click();
    await page.getByRole('heading', { name: 'Bước 2. Xem trước kế hoạch sẽ tạo' }).waitFor();
    // The preview above the table: once it is there, the table below stops moving (a click aimed at a button that
    // moves lands elsewhere).
    await page.getByRole('heading', { name: 'Kết quả rà soát bản sẽ tạo' }).waitFor();
    await page.getByRole('button', { name: /Bảng quy tắc chuyển đơn vị/ }).click();
  }

  /** The Sở Tài chính's rule in the read-only list (a list on a phone). */
  const stcItem = (page: Page) =>
    page
      .getByRole('list', { name: 'Quy tắc chuyển đơn vị' })
      .getByRole('listitem')
      .filter({ hasText: 'Sở Tài chính (38.STC)' });

  test('Sở KH&CN sửa quy tắc của Sở Tài chính, lưu, tải lại; quy tắc thiếu nguồn bị báo lỗi tại chỗ', async () => {
    const page = await app.newPage({ phone: true });
    await login(page, app.url, 'skhcn.chuyenvien');
    const officer = await apiAs(app.url, 'skhcn.chuyenvien');

    // The default table, read-only until "Sửa bảng quy tắc".
    await openRules(page, 'go');
    await page
      .getByText(/^Đang dùng bảng quy tắc mặc định của hệ thống\./)
      .first()
      .waitFor();
    await stcItem(page).getByText('→ Xã: Phòng Kinh tế xã', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Sửa bảng quy tắc' }).click();
    await page.getByRole('heading', { name: `Sửa bảng quy tắc (${DEFAULT_CASCADE_RULES.length} quy tắc)` }).waitFor();
    const form = page.getByRole('form', { name: /^Sửa bảng quy tắc/ });
    const rules = form.getByRole('group', { name: /^Quy tắc / });

    // Every rule closed, one line each: the Sở Tài chính (2nd rule) says where it sends work, no field is rendered.
    const stc = page.getByRole('group', { name: /^Quy tắc 2: .*\(38\.STC\)$/ });
    await stc
      .getByText('Xã: Phòng Kinh tế xã · Phường: Phòng Kinh tế, Hạ tầng và Đô thị phường', { exact: true })
      .waitFor();
    assert.equal(await rules.count(), DEFAULT_CASCADE_RULES.length);
    assert.equal(await form.getByRole('combobox').count(), 0, 'không quy tắc nào mở sẵn');
    assert.equal(await stc.getByRole('button', { name: 'Sửa quy tắc 2' }).getAttribute('aria-expanded'), 'false');
    await assertAccessible(page, 'bảng quy tắc thu gọn');
    await assertFitsPhone(page, 'bảng quy tắc thu gọn');
    await form.getByRole('searchbox', { name: 'Lọc quy tắc' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'cascade-rules-closed-phone', { fullPage: false });

    // Filtered, typed without accents: only the Công an tỉnh's rule (3rd), which cannot be moved while filtered.
    const filter = form.getByRole('searchbox', { name: 'Lọc quy tắc' });
    await filter.fill('cong an');
    await form.getByText(`Đang hiện 1/${DEFAULT_CASCADE_RULES.length} quy tắc.`, { exact: true }).waitFor();
    assert.equal(await rules.count(), 1);
    const cat = form.getByRole('group', { name: /^Quy tắc 3: .*\(38\.CAT\)$/ });
    await cat.waitFor();
    assert.equal(await cat.getByRole('button', { name: 'Đưa quy tắc 3 lên' }).isDisabled(), true);
    assert.equal(await cat.getByRole('button', { name: 'Đưa quy tắc 3 xuống' }).isDisabled(), true);

    // The Sở Tài chính, found the same way and opened: the xã's Phòng Văn hóa - Xã hội instead of its Phòng Kinh tế.
    await filter.fill('tai chinh');
    await stc.waitFor();
    assert.equal(await cat.count(), 0);
    await stc.getByRole('button', { name: 'Sửa quy tắc 2' }).click();
    assert.equal(await stc.getByRole('button', { name: 'Thu gọn quy tắc 2' }).getAttribute('aria-expanded'), 'true');
    const toXa = stc.getByRole('combobox', { name: 'Chuyển thành ở xã' });
    assert.equal(await toXa.inputValue(), 'Phòng Kinh tế xã (PKT)');
    assert.equal(
      await stc.getByRole('combobox', { name: 'Chuyển thành ở phường' }).inputValue(),
      'Phòng Kinh tế, Hạ tầng và Đô thị phường (PKTHTĐT)',
    );
    await toXa.click();
    await page.getByRole('option', { name: 'Phòng Văn hóa - Xã hội xã (PVHXH)' }).click();
    assert.equal(await toXa.inputValue(), 'Phòng Văn hóa - Xã hội xã (PVHXH)');
    await assertAccessible(page, 'sửa bảng quy tắc');
    await assertFitsPhone(page, 'sửa bảng quy tắc');
    await screenshot(page, 'cascade-rules-edit-phone', { fullPage: false });

    // Saved while filtered: the rules the filter hides are saved too (the API's table below is the whole one).
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu bảng quy tắc').waitFor();
    await page
      .getByText(/^Bảng quy tắc riêng của tỉnh\./)
      .first()
      .waitFor();
    await stcItem(page).getByText('→ Xã: Phòng Văn hóa - Xã hội xã', { exact: true }).waitFor();
    await stcItem(page).getByText('→ Phường: Phòng Kinh tế, Hạ tầng và Đô thị phường', { exact: true }).waitFor();

    // Stored as typed: the same table, only the xã office of the Sở Tài chính changed.
    const saved = await officer.get<{ rules: CascadeRule[]; isDefault: boolean }>(`/units/${provinceId}/cascade-rules`);
    assert.equal(saved.isDefault, false);
    const expected = DEFAULT_CASCADE_RULES.map((r) =>
      r.fromCode === '38.STC' ? { ...r, toOffice: { xã: 'PVHXH', phường: 'PKTHTĐT' } } : r,
    );
    assert.deepEqual(saved.rules, expected);

    // After a reload, the province's own table.
    await openRules(page, 'reload');
    await page
      .getByText(/^Bảng quy tắc riêng của tỉnh\./)
      .first()
      .waitFor();
    await stcItem(page).getByText('→ Xã: Phòng Văn hóa - Xã hội xã', { exact: true }).waitFor();

    // A new rule with a replacement text and a note but neither a unit nor a phrase: refused next to it.
    await page.getByRole('button', { name: 'Sửa bảng quy tắc' }).click();
    // By keyboard: the button sits below 46 rules whose fields are still being laid out, and a click aimed at a
    // button that moves can land elsewhere.
    await page.getByRole('button', { name: 'Thêm quy tắc' }).press('Enter');
    const n = DEFAULT_CASCADE_RULES.length + 1;
    const added = page.getByRole('group', { name: new RegExp(`^Quy tắc ${n}:`) });
    // A new rule opens with its fields.
    assert.equal(
      await added.getByRole('button', { name: `Thu gọn quy tắc ${n}` }).getAttribute('aria-expanded'),
      'true',
    );
    await added.getByLabel('Văn bản thay thế', { exact: true }).fill('các phòng chuyên môn thuộc UBND {loai}');
    await added.getByLabel('Ghi chú', { exact: true }).fill('Quy tắc thử, chưa có nguồn');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await added.getByText('Chọn đơn vị hoặc nhập cụm từ ở kế hoạch tỉnh.').waitFor();
    await page.getByText(`Chưa lưu: quy tắc ${n} chưa đủ; xem thông báo ở từng quy tắc.`).waitFor();
    const from = added.getByRole('combobox', { name: 'Đơn vị ở kế hoạch tỉnh' });
    assert.equal(await from.getAttribute('aria-invalid'), 'true');
    // The keyboard is taken to the field in error; what was typed is still there.
    assert.equal(await page.evaluate('document.activeElement?.getAttribute("aria-invalid")'), 'true');
    assert.equal(
      await page.evaluate('document.activeElement?.closest("fieldset")?.querySelector("legend")?.textContent'),
      `Quy tắc ${n}: (chưa có đơn vị, cụm từ)`,
    );
    assert.equal(
      await added.getByLabel('Văn bản thay thế', { exact: true }).inputValue(),
      'các phòng chuyên môn thuộc UBND {loai}',
    );
    assert.equal(await added.getByLabel('Ghi chú', { exact: true }).inputValue(), 'Quy tắc thử, chưa có nguồn');
    assert.equal(await page.getByRole('group', { name: /^Quy tắc / }).count(), n, 'không quy tắc nào bị mất');
    await assertAccessible(page, 'bảng quy tắc có lỗi');
    await assertFitsPhone(page, 'bảng quy tắc có lỗi');
    await screenshot(page, 'cascade-rules-error-phone', { fullPage: false });
    // Nothing was sent.
    assert.deepEqual(
      (await officer.get<{ rules: CascadeRule[] }>(`/units/${provinceId}/cascade-rules`)).rules,
      expected,
    );

    // Typing the phrase clears the message; "Hủy" leaves the saved table as it was.
    await added.getByLabel('Cụm từ ở kế hoạch tỉnh', { exact: true }).fill('các phòng, ban');
    assert.equal(await added.getByText('Chọn đơn vị hoặc nhập cụm từ ở kế hoạch tỉnh.').count(), 0);
    await page.getByRole('button', { name: 'Hủy', exact: true }).click();
    await page.getByRole('button', { name: 'Sửa bảng quy tắc' }).waitFor();
    await stcItem(page).getByText('→ Xã: Phòng Văn hóa - Xã hội xã', { exact: true }).waitFor();

    assert.deepEqual(app.pageErrors, []);
  });
});
