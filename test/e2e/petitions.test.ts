// A petition from the public to its published answer, as people do it: an anonymous person on a phone sends a
// proposal about Điều 27 and gets a code; Sở KH&CN classifies it and routes it to Nam Sầm Sơn; the ward's officer
// drafts the answer, its leader approves; the person reads the answer by the code; the public list carries no
// name, e-mail or phone of the sender.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, formatViolations, login, screenshot, startApp, type TestApp } from './support.ts';

describe('kiến nghị: từ người dân đến trả lời công khai', { timeout: 300_000 }, () => {
  let app: TestApp;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  test('gửi ở 390 px, xử lý ở Sở KH&CN và phường Nam Sầm Sơn, tra cứu trả lời bằng mã', async () => {
    const person = await app.newPage({ phone: true });
    let violations: Awaited<ReturnType<typeof axe>>;
    await person.goto(`${app.url}/cong-khai/kien-nghi`);
    await person.getByRole('heading', { level: 1, name: /Kiến nghị, đề xuất, phản ánh/ }).waitFor();
    violations = await axe(person);
    assert.deepEqual(violations, [], formatViolations(violations));

    // A refusal keeps what was typed: the content is too short.
    await person.getByRole('radio', { name: 'Đề xuất' }).check({ force: true });
    await person.getByLabel(/^Tiêu đề/).fill('Hướng dẫn gắn nhãn theo Điều 27');
    await person.getByLabel(/^Nội dung/).fill('Quá ngắn');
    await person.getByLabel(/^Họ và tên/).fill('Trần Thị Bích Ngọc');
    await person.getByLabel(/^Email/).fill('ngoc.tran@example.vn');
    await person.getByLabel(/^Số điện thoại/).fill('0912 345 678');
    await person.getByRole('button', { name: 'Gửi kiến nghị' }).click();
    await person
      .getByText(/Nội dung cần ít nhất 30 ký tự/)
      .first()
      .waitFor();
    assert.equal(await person.getByLabel(/^Họ và tên/).inputValue(), 'Trần Thị Bích Ngọc');

    await person
      .getByLabel(/^Nội dung/)
      .fill(
        'Đề nghị hướng dẫn cụ thể việc gắn nhãn nội dung do trí tuệ nhân tạo tạo ra theo Điều 27 của Luật, nhất là với hộ kinh doanh nhỏ.',
      );
    await person.getByLabel(/^Văn bản, điều khoản/).fill('Luật Trí tuệ nhân tạo, Điều 27');
    await person.getByRole('checkbox', { name: /Tôi đồng ý/ }).check();
    await person.getByRole('button', { name: 'Gửi kiến nghị' }).click();
    const code = (await person.getByTestId('ma-tra-cuu').innerText()).trim();
    assert.match(code, /^KN-\d{4}-\d{6}$/);
    const width = (await person.evaluate('document.documentElement.scrollWidth')) as number;
    assert.ok(width <= 390, `no sideways scrolling at 390 px (${width})`);
    await screenshot(person, 'petition-receipt-phone');

    // Sở KH&CN: classify and route to Nam Sầm Sơn.
    const skhcn = await app.newPage();
    await login(skhcn, app.url, 'skhcn.chuyenvien');
    await skhcn.goto(`${app.url}/kien-nghi`);
    await skhcn.getByRole('link', { name: 'Hướng dẫn gắn nhãn theo Điều 27' }).click();
    await skhcn.getByText('Trần Thị Bích Ngọc').waitFor();
    await skhcn.getByRole('combobox', { name: 'Chủ đề' }).click();
    await skhcn.getByRole('option', { name: 'Hướng dẫn thi hành, giải thích quy định' }).click();
    await skhcn.getByRole('combobox', { name: 'Liên quan đến' }).click();
    await skhcn.getByRole('option', { name: 'Văn bản quy phạm pháp luật' }).click();
    await skhcn.getByRole('button', { name: 'Lưu phân loại' }).click();
    await skhcn.getByText('Phân loại: đã lưu.').waitFor();
    await skhcn.getByLabel('Đơn vị có thẩm quyền').fill('nam sam son');
    await skhcn
      .getByRole('option', { name: /^Phường Nam Sầm Sơn/ })
      .first()
      .click();
    await skhcn.getByRole('button', { name: 'Chuyển xử lý' }).click();
    await skhcn.getByText(/đơn vị xử lý: Phường Nam Sầm Sơn/).waitFor();

    // The ward: its officer drafts, its leader approves.
    const officer = await app.newPage();
    await login(officer, app.url, 'namsamson.chuyenvien');
    await officer.goto(`${app.url}/kien-nghi`);
    await officer.getByRole('link', { name: 'Hướng dẫn gắn nhãn theo Điều 27' }).click();
    await officer
      .getByLabel('Nội dung trả lời')
      .fill(
        'UBND phường sẽ phối hợp Sở Khoa học và Công nghệ tổ chức hướng dẫn gắn nhãn cho hộ kinh doanh trong quý III.',
      );
    await officer.getByRole('button', { name: 'Lưu dự thảo, trình duyệt' }).click();
    await officer.getByText('Dự thảo trả lời: đã lưu.').waitFor();
    const leader = await app.newPage();
    await login(leader, app.url, 'namsamson.lanhdao');
    await leader.goto(officer.url());
    await leader.getByRole('button', { name: 'Duyệt và gửi trả lời' }).click();
    await leader.getByText('Trả lời đã duyệt').waitFor();
    await leader.getByRole('link', { name: 'Tải công văn trả lời (DOCX)' }).waitFor();
    violations = await axe(leader);
    assert.deepEqual(violations, [], formatViolations(violations));

    // The person, by the code.
    await person.goto(`${app.url}/cong-khai/kien-nghi/tra-cuu/${code}`);
    await person.getByTestId('tra-loi').filter({ hasText: 'hướng dẫn gắn nhãn cho hộ kinh doanh' }).waitFor();
    violations = await axe(person);
    assert.deepEqual(violations, [], formatViolations(violations));
    const list = await person.evaluate(async () => (await fetch('/api/public/petitions')).text());
    assert.match(list, new RegExp(code));
    assert.doesNotMatch(list, /Bích Ngọc|ngoc\.tran|0912|345 678/);
    const follow = await person.evaluate(async (c) => (await fetch(`/api/public/petitions/${c}`)).text(), code);
    assert.doesNotMatch(follow, /Bích Ngọc|ngoc\.tran|0912|345 678/);
    assert.deepEqual(app.pageErrors, []);
  });
});
