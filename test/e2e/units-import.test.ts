// Onboarding another province from the units page: the system administrator chooses Nghệ An and uploads its communes'
// CSV; a bad file shows its errors by line and column and writes nothing; the real file is loaded and its communes are
// found by the search at once; accessible (axe).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { axe, formatViolations, login, startApp, type TestApp } from './support.ts';

const NGHE_AN = readFileSync(new URL('../fixtures/units/nghe-an-communes.csv', import.meta.url));

describe('nạp đơn vị của một tỉnh từ tệp CSV', { timeout: 300_000 }, () => {
  let app: TestApp;
  before(async () => {
    app = await startApp({ demoContent: false });
  });
  after(async () => {
    await app?.close();
  });

  test('quản trị hệ thống chọn tỉnh Nghệ An, tệp lỗi bị từ chối theo dòng, tệp đúng được nạp và tìm thấy ngay', async () => {
    const page = await app.newPage();
    await login(page, app.url, 'hethong.quantri');
    await page.goto(`${app.url}/don-vi`);
    const section = page.getByRole('region', { name: 'Nạp đơn vị từ tệp CSV' });
    await section.waitFor();
    await section.getByRole('combobox', { name: 'Tỉnh, thành phố' }).click();
    await page.getByRole('option', { name: 'Tỉnh Nghệ An' }).click();
    const file = section.locator('#tep-don-vi');
    await section.getByRole('button', { name: 'Chọn tệp CSV' }).waitFor();
    await page.waitForFunction(
      () =>
        !(
          globalThis as unknown as { document: { querySelector(s: string): { disabled: boolean } } }
        ).document.querySelector('#tep-don-vi').disabled,
    );

    await file.setInputFiles({
      name: 'sai.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('code,name,type\n17179,Quỳnh Lưu,xã\n1793,Nam Đàn,xã\n'),
    });
    const refused = section.getByRole('alert');
    await refused.getByText('Dòng 3, cột “code”: mã đơn vị hành chính gồm 5 chữ số', { exact: false }).waitFor();
    assert.match(await refused.innerText(), /chưa nạp đơn vị nào/u);
    let violations = await axe(page);
    assert.deepEqual(violations, [], formatViolations(violations));

    await file.setInputFiles({ name: 'nghe-an-communes.csv', mimeType: 'text/csv', buffer: NGHE_AN });
    await section
      .getByRole('status')
      .filter({ hasText: 'Đã nạp vào Tỉnh Nghệ An: 10 xã, phường mới với 90 phòng, ban, đơn vị; 0 dòng đã có sẵn.' })
      .waitFor();
    violations = await axe(page);
    assert.deepEqual(violations, [], formatViolations(violations));

    await page.getByLabel('Tìm đơn vị').fill('quynh luu');
    await page
      .getByRole('list', { name: 'Kết quả tìm kiếm' })
      .getByRole('link', { name: /^Xã Quỳnh Lưu/ })
      .first()
      .waitFor();
  });
});
