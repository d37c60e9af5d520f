// The AI-systems register as people use it (issue 13's "Done when"), in Chromium at phone width, one server for the
// file: the Nam Sầm Sơn officer registers a chatbot that answers citizens and pre-screens applications (the form
// keeps what was typed when the server refuses it); the classification says an impact assessment is mandatory and
// why; the officer fills Mẫu AI02, the ward's leader approves and publishes it; another ward could not read the use
// before; the public register shows it without internal notes; the AI02 DOCX opens in LibreOffice with its sections;
// a serious incident gets its 72-hour deadline and reaches the province focal officer's notifications; the coverage
// table shows Nam Sầm Sơn with one use and one approved assessment. Screenshots: test-results/ai-*.png.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  assertAccessible,
  assertFitsPhone,
  createAccount,
  DEMO_PASSWORD,
  login,
  screenshot,
  startApp,
  type TestApp,
} from './support.ts';
import { convertWithLibreOffice, pdfText } from '../../src/documents/render/docx-inspect.ts';

const NAME = 'Trợ lý ảo Một cửa phường';
const NOTE = 'Ghi chú nội bộ: giá gia hạn đang đàm phán';

async function check(page: Page, where: string, shot: string): Promise<void> {
  await assertAccessible(page, where);
  await assertFitsPhone(page, where);
  await screenshot(page, shot);
}

async function answer(page: Page, question: RegExp, option: string): Promise<void> {
  await page.getByRole('radiogroup', { name: question }).getByLabel(option, { exact: true }).check();
}

describe('hệ thống AI: đăng ký, phân loại, đánh giá tác động, công khai, sự cố', { timeout: 600_000 }, () => {
  let app: TestApp;
  let officer: Page;
  let useId = 0;

  before(async () => {
    app = await startApp();
    await createAccount(app, {
      username: 'hacthanh.cv',
      fullName: 'Cán bộ Hạc Thành',
      unitCode: '14797',
      roles: ['officer'],
      password: DEMO_PASSWORD,
    });
    officer = await app.newPage({ phone: true });
    await login(officer, app.url, 'namsamson.chuyenvien');
  });
  after(() => app?.close());

  test('the officer registers the chatbot; a refused form keeps what was typed', async () => {
    await officer.goto(`${app.url}/he-thong-ai/dang-ky`);
    await officer.getByText('Sản phẩm mới', { exact: true }).click();
    await officer.getByLabel('Tên sản phẩm', { exact: true }).fill(NAME);
    await officer.getByLabel('Nhà cung cấp', { exact: true }).fill('Công ty Thử nghiệm');
    await officer.getByLabel('Chức năng chính').fill('AI');
    await officer.getByLabel('Mục đích sử dụng').fill('Trả lời người dân và sàng lọc sơ bộ hồ sơ trực tuyến.');
    await officer
      .getByLabel('Kết quả đầu ra được dùng vào việc gì')
      .fill('Kết quả kiểm tra hồ sơ làm căn cứ tiếp nhận hoặc yêu cầu bổ sung.');
    await officer.getByLabel('Ghi chú nội bộ').fill(NOTE);
    await officer.getByRole('button', { name: 'Đăng ký' }).click();
    await officer
      .getByText(/ít nhất 5|Tối thiểu|tối thiểu/)
      .first()
      .waitFor();
    assert.equal(await officer.getByLabel('Tên sản phẩm', { exact: true }).inputValue(), NAME, 'the name stays');
    await check(officer, 'đăng ký hệ thống AI', 'ai-register');
    await officer.getByLabel('Chức năng chính').fill('Trả lời người dân, kiểm tra sơ bộ hồ sơ.');
    await officer.getByRole('button', { name: 'Đăng ký' }).click();
    await officer.waitForURL(/\/he-thong-ai\/\d+$/);
    useId = Number(new URL(officer.url()).pathname.split('/').pop());
    assert.ok(useId > 0);
  });

  test('another ward cannot read it before publication', async () => {
    const res = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'hacthanh.cv', password: DEMO_PASSWORD }),
    });
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    assert.equal((await fetch(`${app.url}/api/ai-systems/${useId}`, { headers: { cookie } })).status, 404);
  });

  test('the classification says an impact assessment is mandatory and why', async () => {
    await answer(officer, /thuộc Danh mục hệ thống trí tuệ nhân tạo có rủi ro cao/, 'Không');
    await answer(officer, /tương tác trực tiếp với người dân/, 'Có');
    await answer(officer, /luôn nhận biết rõ/, 'Không');
    await officer.getByLabel('Làm căn cứ ra quyết định quản lý nhà nước hoặc cung cấp dịch vụ công').check();
    await answer(
      officer,
      /Kết quả đầu ra được sử dụng như thế nào/,
      'Được sử dụng trực tiếp làm căn cứ ra quyết định hành chính',
    );
    await answer(officer, /thiệt hại đáng kể/, 'Không');
    await answer(officer, /Người có thẩm quyền xem xét độc lập/, 'Có');
    await officer.getByRole('button', { name: 'Phân loại' }).click();
    const result = officer.getByTestId('classification-result');
    await result.getByText('Bắt buộc đánh giá tác động (Mẫu AI02)').waitFor();
    assert.match(await result.innerText(), /Điều 20 khoản 1 điểm b/);
    await check(officer, 'hệ thống AI', 'ai-system');
  });

  test('the officer fills AI02; the ward leader approves and publishes it', async () => {
    await officer.getByRole('link', { name: 'Đánh giá tác động (Mẫu AI02)' }).click();
    await officer.getByRole('heading', { name: 'I. Thông tin chung' }).waitFor();
    for (const box of await officer.locator('textarea[required]').all()) {
      if (!(await box.inputValue()).trim()) await box.fill('Đã đánh giá, có biện pháp kiểm soát.');
    }
    await officer.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await officer.getByText(/Phiên bản 1: Dự thảo/).waitFor();
    await check(officer, 'Mẫu AI02', 'ai-assessment');
    const leader = await app.newPage({ phone: true });
    await login(leader, app.url, 'namsamson.lanhdao');
    await leader.goto(`${app.url}/he-thong-ai/${useId}/danh-gia-tac-dong`);
    await leader.getByRole('button', { name: 'Phê duyệt' }).click();
    await leader.getByRole('button', { name: 'Công khai' }).click();
    await leader
      .getByText(/Đã công khai/)
      .first()
      .waitFor();
  });

  test('the public register shows it without internal notes; its AI02 opens in LibreOffice with its sections', async () => {
    const visitor = await app.newPage({ phone: true });
    await visitor.goto(`${app.url}/cong-khai/he-thong-ai`);
    const card = visitor.getByTestId('public-ai-system').filter({ hasText: NAME });
    await card.waitFor();
    assert.match(await card.innerText(), /Nam Sầm Sơn/);
    assert.doesNotMatch(await visitor.content(), /Ghi chú nội bộ: giá gia hạn/);
    await check(visitor, 'trang công khai hệ thống AI', 'ai-public');
    const docx = await visitor.request.get(`${app.url}/api/public/ai-systems/${useId}/impact-assessment.docx`);
    assert.equal(docx.status(), 200);
    const text = await pdfText(await convertWithLibreOffice(Buffer.from(await docx.body()), 'pdf'));
    for (const s of ['I. THÔNG TIN CHUNG', 'III. ĐÁNH GIÁ RỦI RO', 'VII. CAM KẾT', 'LÃNH ĐẠO CƠ QUAN, ĐƠN VỊ'])
      assert.ok(text.includes(s), s);
  });

  test('a serious incident gets a 72-hour deadline and reaches the province focal officer', async () => {
    await officer.goto(`${app.url}/he-thong-ai/${useId}`);
    await officer.getByLabel('Thời điểm xảy ra').fill('2026-09-04T08:00');
    await officer.getByLabel('Thời điểm phát hiện').fill('2026-09-04T10:00');
    await officer.getByLabel('Mô tả').fill('Trợ lý ảo trả lời sai điều kiện hưởng trợ cấp cho nhiều người dân.');
    await officer.getByRole('button', { name: 'Gửi báo cáo sự cố' }).click();
    const incident = officer.getByTestId('incident').first();
    await incident.getByText(/72 giờ/).waitFor();
    assert.match(await incident.innerText(), /07\/09\/2026/);
    const focal = await app.newPage({ phone: true });
    await login(focal, app.url, 'skhcn.chuyenvien');
    await focal.goto(`${app.url}/thong-bao`);
    await focal
      .getByText(new RegExp(`Sự cố nghiêm trọng: ${NAME}`))
      .first()
      .waitFor();
    await focal.goto(`${app.url}/he-thong-ai/tinh-hinh`);
    const row = focal.locator('tr[data-unit-code="16516"]');
    await row.waitFor();
    const cells = await row.locator('td').allInnerTexts();
    assert.equal(cells[1], '1', 'one use');
    assert.equal(cells[3], '1', 'one approved assessment');
    await check(focal, 'tình hình hệ thống AI', 'ai-coverage');
    assert.deepEqual(app.pageErrors, []);
  });
});
