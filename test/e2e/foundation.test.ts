// The foundation, as a person uses it: sign in, find a ward by its name without accents or by a former
// name, open it, see its offices and former names; accessible (axe) and comfortable at phone width.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, formatViolations, login, PHONE, screenshot, startApp, type TestApp } from './support.ts';

describe('nền tảng: đăng nhập, tra cứu đơn vị', { timeout: 240_000 }, () => {
  let app: TestApp;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  test('trang đăng nhập đạt axe, giữ nguyên dữ liệu đã gõ khi sai mật khẩu', async () => {
    const page = await app.newPage({ phone: true });
    await page.goto(`${app.url}/dang-nhap`);
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    assert.equal(await page.title(), 'Đăng nhập · Thi Hành');
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
    const violations = await axe(page);
    assert.deepEqual(violations, [], formatViolations(violations));

    await page.getByLabel('Tên đăng nhập').fill('namsamson.chuyenvien');
    await page.getByLabel(/^Mật khẩu/).fill('mat-khau-sai');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
    await alert.waitFor();
    assert.equal(await page.getByLabel('Tên đăng nhập').inputValue(), 'namsamson.chuyenvien');
    assert.equal(await page.getByLabel(/^Mật khẩu/).inputValue(), 'mat-khau-sai');
    assert.ok(page.url().endsWith('/dang-nhap'));

    // Empty fields are caught before sending, with a message under each field.
    await page.getByLabel('Tên đăng nhập').fill('');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Vui lòng nhập tên đăng nhập.').waitFor();
  });

  test('tìm "nam sam son", mở Phường Nam Sầm Sơn: phòng, ban và tên cũ', async () => {
    const page = await app.newPage({ phone: true });
    await login(page, app.url, 'namsamson.chuyenvien');
    assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /Nguyễn Thị Thu Trang/);

    await page.goto(`${app.url}/don-vi`);
    await page.getByRole('heading', { level: 1, name: 'Đơn vị' }).waitFor();
    await page.getByRole('button', { name: 'Mở Tỉnh Thanh Hóa' }).waitFor();
    assert.equal(await page.title(), 'Đơn vị · Thi Hành');
    let violations = await axe(page);
    assert.deepEqual(violations, [], formatViolations(violations));

    // The tree opens the province on demand.
    await page.getByRole('button', { name: 'Mở Tỉnh Thanh Hóa' }).click();
    await page.getByRole('link', { name: /^Sở Khoa học và Công nghệ/ }).waitFor();

    await page.getByLabel('Tìm đơn vị').fill('nam sam son');
    const results = page.getByRole('list', { name: 'Kết quả tìm kiếm' });
    await results
      .getByRole('link', { name: /^Phường Nam Sầm Sơn/ })
      .first()
      .waitFor();
    assert.match(page.url(), /\?q=nam\+sam\+son$/);
    violations = await axe(page);
    assert.deepEqual(violations, [], formatViolations(violations));
    await results
      .getByRole('link', { name: /^Phường Nam Sầm Sơn/ })
      .first()
      .click();

    await page.getByRole('heading', { level: 1, name: 'Phường Nam Sầm Sơn' }).waitFor();
    assert.equal(await page.title(), 'Phường Nam Sầm Sơn · Thi Hành');
    const offices = page.getByRole('region', { name: 'Đơn vị trực thuộc' });
    await offices.getByRole('link', { name: 'Phòng Văn hóa - Xã hội phường Nam Sầm Sơn' }).waitFor();
    await offices.getByRole('link', { name: 'Công an phường Nam Sầm Sơn' }).waitFor();
    const former = page.getByRole('region', { name: 'Tên cũ' });
    await former.getByText('Phường Quảng Vinh', { exact: true }).waitFor();
    // Breadcrumb of ancestors.
    const crumbs = page.getByRole('navigation', { name: 'Đơn vị cấp trên' });
    await crumbs.getByRole('link', { name: 'Tỉnh Thanh Hóa' }).waitFor();
    // An officer sees the people of the unit but no administrator actions.
    await page.getByRole('region', { name: 'Cán bộ, công chức' }).getByText('Phạm Xuân Trường').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Đổi tên' }).count(), 0);

    violations = await axe(page);
    assert.deepEqual(violations, [], formatViolations(violations));

    // Comfortable at phone width: nothing wider than the screen.
    const scrollWidth = Number(await page.evaluate('document.documentElement.scrollWidth'));
    assert.ok(scrollWidth <= PHONE.width, `trang rộng ${scrollWidth}px > ${PHONE.width}px`);
    await screenshot(page, 'unit-nam-sam-son');
  });

  test('tìm theo tên cũ "quang vinh" ra Phường Nam Sầm Sơn', async () => {
    const page = await app.newPage({ phone: true });
    await login(page, app.url, 'namsamson.chuyenvien');
    await page.goto(`${app.url}/don-vi?q=${encodeURIComponent('quang vinh')}`);
    const hit = page
      .getByRole('list', { name: 'Kết quả tìm kiếm' })
      .getByRole('listitem')
      .filter({ hasText: 'Phường Nam Sầm Sơn' });
    await hit.first().waitFor();
    assert.match(await hit.first().innerText(), /khớp tên cũ: Phường Quảng Vinh/);
    assert.equal(await page.getByLabel('Tìm đơn vị').inputValue(), 'quang vinh');

    // By code too.
    await page.getByLabel('Tìm đơn vị').fill('16516');
    await page
      .getByRole('list', { name: 'Kết quả tìm kiếm' })
      .getByRole('link', { name: /^Phường Nam Sầm Sơn/ })
      .first()
      .waitFor();
  });

  test('trang không tồn tại: 404 thân thiện', async () => {
    const page = await app.newPage();
    await login(page, app.url, 'namsamson.chuyenvien');
    await page.goto(`${app.url}/khong-co-trang-nay`);
    await page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' }).waitFor();
    await page.goto(`${app.url}/don-vi/999999`);
    await page.getByRole('heading', { level: 1, name: 'Không tìm thấy đơn vị' }).waitFor();
  });

  test('không có lỗi JavaScript hay vi phạm CSP trên các trang', () => {
    assert.deepEqual(app.pageErrors, []);
  });
});
