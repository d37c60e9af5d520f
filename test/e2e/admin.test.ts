// Administration as a unit administrator of phường Nam Sầm Sơn: accounts (create, temporary password,
// forced change), the unit's own tổ dân phố (add, rename, retire) and the audit trail; accessible (axe).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, createAccount, formatViolations, login, screenshot, startApp, type TestApp } from './support.ts';
import { recordAudit } from '../../src/modules/audit/store.ts';
import { getUnitByCode } from '../../src/modules/org/store.ts';

const ADMIN = { username: 'namsamson.quantri', password: 'Phuong@NamSamSon26' };

describe('quản trị đơn vị: tài khoản, đơn vị trực thuộc, nhật ký', { timeout: 300_000 }, () => {
  let app: TestApp;
  let temporaryPassword = '';

  before(async () => {
    app = await startApp();
    await createAccount(app, { ...ADMIN, fullName: 'Lê Văn Quản', unitCode: '16516', roles: ['unitAdmin'] });
  });
  after(async () => {
    await app?.close();
  });

  test('quản lý tài khoản: lỗi từ máy chủ giữ nguyên dữ liệu, mật khẩu tạm hiện một lần', async () => {
    const page = await app.newPage();
    await login(page, app.url, ADMIN.username, ADMIN.password);
    await page.getByRole('navigation').getByRole('link', { name: 'Quản lý tài khoản' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quản lý tài khoản' }).waitFor();
    await page.getByRole('cell', { name: 'namsamson.lanhdao', exact: true }).waitFor();
    assert.equal(await page.title(), 'Quản lý tài khoản · Thi Hành');
    let violations = await axe(page);
    assert.deepEqual(violations, [], formatViolations(violations));

    await page.getByRole('button', { name: 'Tạo tài khoản' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Tạo tài khoản' });
    await dialog.waitFor();
    // Checked before sending.
    await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await dialog.getByText('Nhập tên đăng nhập.').waitFor();
    await dialog.getByText('Nhập họ và tên.').waitFor();
    violations = await axe(page);
    assert.deepEqual(violations, [], formatViolations(violations));

    // Refused by the server: the message is shown and everything typed stays.
    await dialog.getByLabel(/^Tên đăng nhập/).fill('namsamson.chuyenvien');
    await dialog.getByLabel(/^Họ và tên/).fill('Trần Thị Bình');
    await dialog.getByLabel(/^Số điện thoại/).fill('0912 345 678');
    await dialog.getByRole('checkbox', { name: 'Lãnh đạo' }).check();
    await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'đã được sử dụng' }).waitFor();
    assert.equal(await dialog.getByLabel(/^Họ và tên/).inputValue(), 'Trần Thị Bình');
    assert.equal(await dialog.getByLabel(/^Số điện thoại/).inputValue(), '0912 345 678');
    assert.ok(await dialog.getByRole('checkbox', { name: 'Lãnh đạo' }).isChecked());

    await dialog.getByLabel(/^Tên đăng nhập/).fill('namsamson.binh');
    await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const shown = page.getByRole('dialog', { name: 'Đã tạo tài khoản' });
    await shown.waitFor();
    temporaryPassword = await shown.getByLabel('Mật khẩu tạm').inputValue();
    assert.match(temporaryPassword, /^\S{10,}$/);
    await shown.getByRole('button', { name: 'Sao chép mật khẩu' }).waitFor();
    violations = await axe(page);
    assert.deepEqual(violations, [], formatViolations(violations));
    await shown.getByRole('button', { name: 'Đã ghi lại, đóng' }).click();
    await shown.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'namsamson.binh', exact: true }).waitFor();
    await screenshot(page, 'users-desktop');
  });

  test('ô chọn đơn vị dùng được bằng bàn phím; đơn vị ngoài phạm vi: báo không có quyền', async () => {
    const page = await app.newPage({ phone: true });
    await login(page, app.url, ADMIN.username, ADMIN.password);
    await page.goto(`${app.url}/tai-khoan`);
    const unit = page.getByRole('combobox', { name: /^Đơn vị/ });
    await unit.waitFor();
    await page.waitForFunction(
      () =>
        (
          globalThis as unknown as { document: { querySelector(s: string): { value: string } | null } }
        ).document.querySelector('input[role="combobox"]')?.value === 'Phường Nam Sầm Sơn',
    );
    await unit.fill('quang phu');
    await page.getByRole('option', { name: /^Phường Quảng Phú/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/donVi=\d+/);
    assert.equal(await unit.inputValue(), 'Phường Quảng Phú');
    await page.getByText('Không có quyền xem', { exact: true }).waitFor();
    await page.getByText('Bạn không có quyền xem danh sách tài khoản.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Tạo tài khoản' }).count(), 0);
  });

  test('người dùng mới phải đổi mật khẩu tạm trước khi dùng', async () => {
    assert.ok(temporaryPassword, 'cần mật khẩu tạm từ bài trước');
    const page = await app.newPage({ phone: true });
    await login(page, app.url, 'namsamson.binh', temporaryPassword);
    await page.waitForURL(/\/doi-mat-khau$/);
    await page.goto(`${app.url}/don-vi`);
    await page.waitForURL(/\/doi-mat-khau$/);
    await page.getByRole('heading', { level: 1, name: 'Đổi mật khẩu' }).waitFor();
    const violations = await axe(page);
    assert.deepEqual(violations, [], formatViolations(violations));

    await page.getByLabel(/^Mật khẩu tạm/).fill(temporaryPassword);
    await page.getByLabel(/^Mật khẩu mới/).fill('chithuongthoi');
    await page.getByLabel(/^Nhập lại mật khẩu mới/).fill('chithuongthoi');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    // The server's reason appears under the new-password field; what was typed stays.
    await page.getByText('Mật khẩu cần có ít nhất 3 trong 4 loại', { exact: false }).first().waitFor();
    assert.equal(await page.getByLabel(/^Mật khẩu tạm/).inputValue(), temporaryPassword);

    await page.getByLabel(/^Mật khẩu mới/).fill('Binh@Phuong2026');
    await page.getByLabel(/^Nhập lại mật khẩu mới/).fill('Binh@Phuong2026');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByRole('heading', { level: 1, name: /Trần Thị Bình/ }).waitFor();
  });

  test('thêm, đổi tên, giải thể tổ dân phố của phường', async () => {
    const page = await app.newPage({ phone: true });
    await login(page, app.url, ADMIN.username, ADMIN.password);
    await page.goto(`${app.url}/don-vi?q=16516`);
    await page
      .getByRole('list', { name: 'Kết quả tìm kiếm' })
      .getByRole('link', { name: /^Phường Nam Sầm Sơn/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'Phường Nam Sầm Sơn' }).waitFor();
    // One's own unit is renamed, merged or retired by the level above: not offered here.
    assert.equal(await page.getByRole('button', { name: 'Đổi tên' }).count(), 0);
    let violations = await axe(page);
    assert.deepEqual(violations, [], formatViolations(violations));

    await page.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).first().click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Tên đơn vị/).fill('Tổ dân phố Trung Kỳ');
    await dialog.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByRole('region', { name: 'Đơn vị trực thuộc' })
      .getByRole('link', { name: 'Tổ dân phố Trung Kỳ' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Tổ dân phố Trung Kỳ' }).waitFor();

    await page.getByRole('button', { name: 'Đổi tên' }).click();
    dialog = page.getByRole('dialog', { name: 'Đổi tên đơn vị' });
    await dialog.getByLabel(/^Tên mới/).fill('Tổ dân phố Trung Kỳ 1');
    await dialog.getByRole('button', { name: 'Đổi tên' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tổ dân phố Trung Kỳ 1' }).waitFor();
    await page.getByRole('region', { name: 'Tên cũ' }).getByText('Tổ dân phố Trung Kỳ', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Giải thể' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Lý do giải thể/).fill('abc');
    await dialog.getByRole('button', { name: 'Giải thể' }).click();
    await dialog.getByText('Lý do cần ít nhất 5 ký tự.').waitFor();
    await dialog.getByLabel(/^Lý do giải thể/).fill('Quyết định số 12/QĐ-UBND ngày 20/11/2026');
    await dialog.getByRole('button', { name: 'Giải thể' }).click();
    await page.getByText('Đơn vị này đã giải thể.').waitFor();
    violations = await axe(page);
    assert.deepEqual(violations, [], formatViolations(violations));
  });

  test('nhật ký: lọc, xem thay đổi trước/sau, xem thêm', async () => {
    // Enough records for a second page (50 per page).
    const db = app.server.server.database.db;
    const unit = await getUnitByCode(db, '16516');
    await db.transaction().execute(async (tx) => {
      for (let i = 0; i < 60; i++) {
        await recordAudit(
          tx,
          { actor: null, ip: 'e2e' },
          { action: 'user.password_reset', entityType: 'user', entityId: 4, unitId: unit!.id },
        );
      }
    });

    const page = await app.newPage();
    await login(page, app.url, ADMIN.username, ADMIN.password);
    await page.getByRole('navigation').getByRole('link', { name: 'Nhật ký' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nhật ký' }).waitFor();
    const rows = page.getByRole('table').getByRole('row');
    await rows.nth(1).waitFor();
    assert.equal(await rows.count(), 51); // header + 50
    await page.getByRole('button', { name: 'Xem thêm' }).click();
    await page.getByText(/Đã hiển thị hết \d+ bản ghi/).waitFor();
    assert.ok((await rows.count()) > 61);
    const violations = await axe(page);
    assert.deepEqual(violations, [], formatViolations(violations));

    // Dates are typed dd/mm/yyyy.
    const today = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    }).format(new Date());
    await page.getByRole('textbox', { name: 'Đến ngày' }).fill('01/01/2000');
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await page.getByText('Không có bản ghi nào').waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'Đến ngày' }).inputValue(), '01/01/2000');
    await page.getByRole('textbox', { name: 'Từ ngày' }).fill(today);
    await page.getByRole('textbox', { name: 'Đến ngày' }).fill(today);
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await rows.nth(1).waitFor();

    await page.getByRole('combobox', { name: 'Thao tác' }).click();
    await page.getByRole('option', { name: 'Đổi tên đơn vị' }).click();
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    const renamed = page.getByRole('row').filter({ hasText: 'Đổi tên đơn vị' });
    await renamed.first().waitFor();
    assert.equal(await page.getByRole('row').count(), 2);
    const text = await renamed.first().innerText();
    assert.match(
      text,
      /Tổ dân phố Trung Kỳ\s*→\s*mới: Tổ dân phố Trung Kỳ 1|Tổ dân phố Trung Kỳ.*→.*Tổ dân phố Trung Kỳ 1/s,
    );
    await screenshot(page, 'audit-desktop');
  });

  test('chuyên viên không thấy mục quản trị; vào thẳng nhật ký thì được báo lịch sự', async () => {
    const page = await app.newPage({ phone: true });
    await login(page, app.url, 'namsamson.chuyenvien');
    await page.getByRole('button', { name: 'Mở menu điều hướng' }).click();
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await nav.getByRole('link', { name: 'Đơn vị' }).waitFor();
    assert.equal(await nav.getByRole('link', { name: 'Nhật ký' }).count(), 0);
    assert.equal(await nav.getByRole('link', { name: 'Quản lý tài khoản' }).count(), 0);
    await page.goto(`${app.url}/nhat-ky`);
    await page.getByText('Chỉ quản trị đơn vị hoặc quản trị hệ thống được xem nhật ký.', { exact: false }).waitFor();
  });

  test('không có lỗi JavaScript hay vi phạm CSP trên các trang', () => {
    assert.deepEqual(app.pageErrors, []);
  });
});
