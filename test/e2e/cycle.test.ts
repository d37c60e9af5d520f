// The yearly cycle, as people live it (the acceptance test), in Chromium at phone width.
// Set up through the API: the province plan 129/KH-UBND of 04/05/2026 drafted by the Sở KH&CN and issued by the
// province, cascaded to the 166 communes and wards; phường Nam Sầm Sơn's and phường Hạc Thành's plans issued; Hạc
// Thành's report submitted. Then in the browser: the Nam Sầm Sơn officer records a conference under task 1 (with its
// participants) and a difficulty — the form keeps everything when the server refuses a file —, drafts the ward's
// report; the ward's leader approves it and the officer sends it; the Sở KH&CN officer sees it received on time,
// returns Hạc Thành's report with a reason, answers the difficulty, downloads the compiled report (which names the
// conference) and the reminder letter (which names the communes still missing), opens the dashboard and the plan's
// public page. Every new page passes axe (no serious or critical violation) and fits 390 px; screenshots go to
// test-results/cycle-*.png.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Download, Page } from 'playwright-core';
import {
  createAccount,
  DEMO_PASSWORD,
  login,
  screenshot,
  startApp,
  apiAs,
  assertAccessible,
  assertFitsPhone,
  type TestApp,
} from './support.ts';
import { ROOT } from '../../scripts/build-web.ts';

const PROVINCE_FILE = join(
  ROOT,
  'test',
  'fixtures',
  'plans',
  'ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt',
);
const CONFERENCE = 'Hội nghị quán triệt Luật Trí tuệ nhân tạo phường Nam Sầm Sơn';
const DIFFICULTY = 'Thiếu tài liệu tuyên truyền Luật Trí tuệ nhân tạo bằng ngôn ngữ dễ hiểu cho người dân';
const ANSWER = 'Sở Khoa học và Công nghệ sẽ gửi bộ tài liệu phổ biến Luật trước ngày 30/11.';
const RETURN_REASON = 'Chưa nêu số liệu hội nghị, tập huấn; đề nghị bổ sung mục II.';
/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
/** Named and typed as a Word file, but not one: a ZIP header and nothing else. */
const FAKE_DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('không phải tệp Word thật')]);

/** Checks a page the way every new page is checked, and keeps its picture. */
async function check(page: Page, where: string, shot: string): Promise<void> {
  await assertAccessible(page, where);
  await assertFitsPhone(page, where);
  await screenshot(page, shot);
}

/** The text of a DOCX (word/document.xml without its tags). */
async function docxText(download: Download): Promise<string> {
  const file = await readFile(await download.path());
  assert.equal(file.subarray(0, 2).toString('latin1'), 'PK', 'tệp DOCX là một tệp zip');
  const zip = await JSZip.loadAsync(file);
  const xml = await zip.file('word/document.xml')?.async('string');
  assert.ok(xml, 'có word/document.xml');
  return xml
    .replace(/<w:tab\/>/g, ' ')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

async function openMenu(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'Mở menu điều hướng' }).click();
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: item, exact: true })
    .click();
}

describe('chu kỳ năm: cập nhật tiến độ, báo cáo phường, tiếp nhận và tổng hợp ở tỉnh', { timeout: 600_000 }, () => {
  let app: TestApp;
  let provincePlanId = 0;
  let regimeId = 0;
  let periodKey = '';
  let hacThanhReportId = 0;
  const started = Date.now();

  before(async () => {
    app = await startApp();
    // The province plan: drafted by the Sở KH&CN, approved and issued by the province's leader as 129/KH-UBND.
    const officer = await apiAs(app.url, 'skhcn.chuyenvien');
    const content = await readFile(PROVINCE_FILE);
    const imported = await officer.post<{ draft: unknown; sourceText: string | null }>('/plans/import', {
      filename: 'ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt',
      contentBase64: content.toString('base64'),
    });
    const unitByCode = async (code: string) => {
      const hit = (
        await officer.get<Array<{ id: number; code: string; name: string }>>(`/units/search?q=${code}`)
      ).find((u) => u.code === code);
      assert.ok(hit, `có đơn vị mã ${code}`);
      return hit;
    };
    const province = await unitByCode('38');
    const { id } = await officer.post<{ id: number }>('/plans', {
      unitId: province.id,
      draft: imported.draft,
      sourceName: 'ke-hoach-tinh.txt',
      sourceText: imported.sourceText,
    });
    await officer.post(`/plans/${id}/submit`);
    const provinceLeader = await apiAs(app.url, 'tinh.lanhdao');
    await provinceLeader.post(`/plans/${id}/approve`);
    await provinceLeader.post(`/plans/${id}/issue`, { number: '129', date: '2026-05-04' });
    provincePlanId = id;
    // Cascaded to every commune and ward.
    const cascade = await officer.post<{ created: unknown[]; skipped: unknown[] }>(`/plans/${id}/cascade`, {
      all: true,
    });
    assert.equal(cascade.created.length, 166, 'kế hoạch được triển khai xuống 166 xã, phường');
    const { items: children, total } = await officer.get<{
      total: number;
      items: Array<{ id: number; unitId: number }>;
    }>(`/plans?parentPlanId=${id}&limit=500`);
    assert.equal(total, 166);

    // Nam Sầm Sơn's and Hạc Thành's plans: submitted by their officer, approved and issued by their leader.
    const namSamSon = await unitByCode('16516');
    const hacThanh = await unitByCode('14797');
    await createAccount(app, {
      username: 'hacthanh.chuyenvien',
      fullName: 'Lê Văn Hùng',
      unitCode: '14797',
      roles: ['officer'],
      password: DEMO_PASSWORD,
    });
    await createAccount(app, {
      username: 'hacthanh.lanhdao',
      fullName: 'Trịnh Thị Mai',
      unitCode: '14797',
      roles: ['leader'],
      password: DEMO_PASSWORD,
    });
    for (const [unit, who, number, date] of [
      [namSamSon, 'namsamson', '45', '2026-05-20'],
      [hacThanh, 'hacthanh', '52', '2026-05-22'],
    ] as const) {
      const plan = children.find((p) => p.unitId === unit.id);
      assert.ok(plan, `có kế hoạch của ${unit.name}`);
      await (await apiAs(app.url, `${who}.chuyenvien`)).post(`/plans/${plan.id}/submit`);
      const leader = await apiAs(app.url, `${who}.lanhdao`);
      await leader.post(`/plans/${plan.id}/approve`);
      await leader.post(`/plans/${plan.id}/issue`, { number, date });
    }

    // Hạc Thành reports for the current period, through the API.
    const htOfficer = await apiAs(app.url, 'hacthanh.chuyenvien');
    const regime = (await htOfficer.get<Array<{ id: number; planId: number | null; kind: string }>>('/regimes')).find(
      (r) => r.planId === provincePlanId && r.kind === 'periodic',
    );
    assert.ok(regime, 'kế hoạch của tỉnh có chế độ báo cáo năm');
    regimeId = regime.id;
    const detail = await htOfficer.get<{ periods: Array<{ key: string; current: boolean }> }>(`/regimes/${regimeId}`);
    periodKey = detail.periods.find((p) => p.current)!.key;
    const report = await htOfficer.post<{ id: number }>(`/regimes/${regimeId}/periods/${periodKey}/reports`, {});
    hacThanhReportId = report.id;
    await htOfficer.put(`/reports/${report.id}`, { narrative: { leadership: 'Đã ban hành Kế hoạch số 52/KH-UBND.' } });
    await (await apiAs(app.url, 'hacthanh.lanhdao')).post(`/reports/${report.id}/approve`, { confirmEmpty: true });
    await htOfficer.post(`/reports/${report.id}/submit`);
  });
  after(async () => {
    await app?.close();
    console.log(`# cycle.test.ts: ${Math.round((Date.now() - started) / 100) / 10} giây`);
  });

  test('phường Nam Sầm Sơn ghi nhận hội nghị và khó khăn của nhiệm vụ 1; biểu mẫu giữ nguyên khi máy chủ từ chối', async () => {
    const page = await app.newPage({ phone: true });
    await login(page, app.url, 'namsamson.chuyenvien');
    await openMenu(page, 'Công việc');
    await page.getByRole('heading', { level: 1, name: 'Công việc' }).waitFor();
    const list = page.getByRole('list', { name: 'Danh sách công việc' });
    await list
      .getByRole('link', { name: /^1\. Tổ chức quán triệt/ })
      .first()
      .waitFor();
    // The four states are the filters, with their counts.
    for (const s of [
      'Hoàn thành đúng hạn',
      'Hoàn thành quá hạn',
      'Đang thực hiện trong hạn',
      'Chưa hoàn thành, quá hạn',
    ]) {
      await page.getByRole('radio', { name: new RegExp(`^${s} \\(\\d+\\)$`) }).waitFor({ state: 'attached' });
    }
    await check(page, 'công việc', 'cycle-work-list-phone');

    await list
      .getByRole('link', { name: /^1\. Tổ chức quán triệt/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: /^1\. Tổ chức quán triệt/ }).waitFor();
    await page
      .getByRole('region', { name: 'Nhiệm vụ trong kế hoạch' })
      .getByRole('link', { name: /^45\/KH-UBND ngày 20\/05\/2026/ })
      .waitFor();
    await check(page, 'nhiệm vụ được giao', 'cycle-assignment-phone');

    await page.getByRole('link', { name: 'Cập nhật tiến độ' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cập nhật tiến độ' }).waitFor();
    await page.getByLabel(/^Tiến độ \(%\)/).fill('40');
    await page
      .getByLabel('Kết quả thực hiện')
      .fill('Đã tổ chức hội nghị quán triệt Luật cho cán bộ, công chức phường và các tổ dân phố.');
    // A conference asks its date (today by default) and its participants; a document would ask its number.
    await page.getByRole('button', { name: 'Thêm sản phẩm' }).click();
    await page.getByRole('menuitem', { name: 'Hội nghị, hội thảo, tọa đàm' }).click();
    const row = page.getByRole('group', { name: /^Sản phẩm 1: Hội nghị/ });
    await row.getByLabel(/^Tên hội nghị, hội thảo/).fill(CONFERENCE);
    await row.getByLabel(/^Số người tham dự/).fill('120');
    assert.equal(await row.getByLabel(/^Số, ký hiệu văn bản/).count(), 0, 'hội nghị không hỏi số văn bản');
    await page.getByRole('button', { name: 'Thêm khó khăn' }).click();
    await page
      .getByRole('group', { name: /^Khó khăn, vướng mắc 1/ })
      .getByLabel(/^Nội dung/)
      .fill(DIFFICULTY);

    // A file of a type not accepted is refused at once, in words.
    const files = page.getByLabel('Chọn tệp minh chứng');
    await files.setInputFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('ghi chú') });
    await page.getByText(/Loại tệp không được chấp nhận/).waitFor();
    await page.getByRole('button', { name: 'Bỏ tệp ghi-chu.txt' }).click();
    // A "Word file" that is not one passes the browser's check (its first bytes are a ZIP's), not the server's:
    // the server says so, and everything typed is still there.
    await files.setInputFiles({
      name: 'bien-ban-hoi-nghi.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: FAKE_DOCX,
    });
    await page.getByRole('button', { name: 'Lưu cập nhật' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /bien-ban-hoi-nghi\.docx.*không phải tệp Word \(DOCX\) thật/ })
      .first()
      .waitFor();
    await page.getByText('Chưa lưu được cập nhật').waitFor();
    assert.match(page.url(), /\/cap-nhat$/, 'vẫn ở biểu mẫu');
    assert.equal(await row.getByLabel(/^Tên hội nghị, hội thảo/).inputValue(), CONFERENCE);
    assert.equal(await row.getByLabel(/^Số người tham dự/).inputValue(), '120');
    assert.equal(await page.getByLabel(/^Tiến độ \(%\)/).inputValue(), '40');
    assert.equal(
      await page
        .getByRole('group', { name: /^Khó khăn, vướng mắc 1/ })
        .getByLabel(/^Nội dung/)
        .inputValue(),
      DIFFICULTY,
    );
    await check(page, 'cập nhật tiến độ, máy chủ từ chối tệp', 'cycle-update-refused-phone');

    await page.getByRole('button', { name: 'Bỏ tệp bien-ban-hoi-nghi.docx' }).click();
    await files.setInputFiles({ name: 'anh-hoi-nghi.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('button', { name: 'Lưu cập nhật' }).click();
    await page.waitForURL(/\/cong-viec\/\d+$/);
    const history = page.getByRole('region', { name: 'Quá trình thực hiện' });
    await history.getByText(CONFERENCE).waitFor();
    await history.getByText(/120 người tham dự/).waitFor();
    await history.getByRole('link', { name: /anh-hoi-nghi\.png/ }).waitFor();
    const obstacles = page.getByRole('region', { name: 'Khó khăn, kiến nghị' });
    await obstacles.getByText(DIFFICULTY).waitFor();
    await obstacles.getByText('Chưa trả lời').waitFor();
    await obstacles.getByText(/→ Sở Khoa học và Công nghệ/).waitFor();
    await check(page, 'nhiệm vụ sau khi cập nhật', 'cycle-assignment-updated-phone');
    // The evidence downloads as it was sent.
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      history.getByRole('link', { name: /anh-hoi-nghi\.png/ }).click(),
    ]);
    assert.deepEqual(await readFile(await png.path()), PNG);

    // The ward's report for the current period: a draft prefilled with the conference and the difficulty.
    await openMenu(page, 'Báo cáo');
    await page.getByRole('heading', { level: 1, name: 'Báo cáo' }).waitFor();
    await check(page, 'báo cáo (phường)', 'cycle-reports-ward-phone');
    await page.getByRole('button', { name: /^Lập báo cáo năm \d{4}$/ }).click();
    await page.waitForURL(/\/bao-cao\/\d+$/);
    await page.getByRole('heading', { level: 1, name: /^Báo cáo năm \d{4} – Phường Nam Sầm Sơn$/ }).waitFor();
    const facts = page.getByRole('region', { name: 'Số liệu điền sẵn' });
    await facts.getByText(CONFERENCE).waitFor();
    await facts.getByText(DIFFICULTY).first().waitFor();
    await page
      .getByLabel('I. Công tác lãnh đạo, chỉ đạo, triển khai thực hiện')
      .fill('UBND phường ban hành Kế hoạch số 45/KH-UBND ngày 20/5/2026 triển khai thi hành Luật.');
    await page
      .getByLabel('V. Đề xuất, kiến nghị')
      .fill('Đề nghị Sở Khoa học và Công nghệ tổ chức tập huấn cho cán bộ phường.');
    await page.getByRole('button', { name: 'Lưu báo cáo' }).click();
    await page.getByText('Đã lưu báo cáo.').waitFor();
    assert.equal(
      await page.getByLabel('V. Đề xuất, kiến nghị').inputValue(),
      'Đề nghị Sở Khoa học và Công nghệ tổ chức tập huấn cho cán bộ phường.',
    );
    // Conferences are counted from the deliverables.
    const conferences = page.getByRole('row', { name: /^Hội nghị, hội thảo, tọa đàm quán triệt/ });
    assert.match(await conferences.innerText(), /\b1\b/);
    await check(page, 'báo cáo của phường (dự thảo)', 'cycle-report-draft-phone');
    assert.equal(await page.getByRole('button', { name: 'Duyệt báo cáo' }).count(), 0, 'chuyên viên không duyệt');
  });

  test('lãnh đạo phường duyệt, chuyên viên gửi báo cáo', async () => {
    const leader = await app.newPage({ phone: true });
    await login(leader, app.url, 'namsamson.lanhdao');
    await leader.goto(`${app.url}/bao-cao`);
    await leader.getByRole('link', { name: /^Mở báo cáo năm \d{4}$/ }).click();
    await leader.getByRole('button', { name: 'Duyệt báo cáo' }).click();
    await leader
      .getByRole('dialog', { name: 'Duyệt báo cáo' })
      .getByRole('button', { name: 'Duyệt', exact: true })
      .click();
    await leader.getByText('Lãnh đạo đã duyệt', { exact: true }).first().waitFor();
    await check(leader, 'báo cáo đã duyệt', 'cycle-report-approved-phone');

    const officer = await app.newPage({ phone: true });
    await login(officer, app.url, 'namsamson.chuyenvien');
    await officer.goto(leader.url());
    await officer.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await officer
      .getByRole('dialog', { name: 'Gửi báo cáo' })
      .getByRole('button', { name: 'Gửi', exact: true })
      .click();
    await officer.getByText(/Đã gửi báo cáo đến Sở Khoa học và Công nghệ đúng hạn/).waitFor();
    await officer.getByText('Đã gửi', { exact: true }).first().waitFor();
  });

  test('Sở KH&CN: nhận đúng hạn, trả lại báo cáo Hạc Thành, trả lời khó khăn, tải báo cáo tổng hợp và công văn đôn đốc', async () => {
    const page = await app.newPage({ phone: true });
    await login(page, app.url, 'skhcn.chuyenvien');
    // The bell: what happened (a difficulty raised, reports sent).
    const bell = page.getByRole('button', { name: /^Thông báo: \d+ chưa đọc$/ });
    await bell.click();
    const notices = page.getByRole('dialog', { name: 'Thông báo' });
    await notices.getByText(/Phường Nam Sầm Sơn đã gửi báo cáo năm \d{4}/).waitFor();
    await notices.getByText(/Khó khăn, vướng mắc của Phòng Văn hóa - Xã hội phường Nam Sầm Sơn/).waitFor();
    await check(page, 'thông báo', 'cycle-notifications-phone');
    await notices.getByText(/Phường Nam Sầm Sơn đã gửi báo cáo năm \d{4}/).click();
    await page.waitForURL(/\/bao-cao\/\d+$/);
    await page.getByRole('button', { name: 'Tiếp nhận' }).waitFor();

    // The period status: Nam Sầm Sơn received on time.
    await openMenu(page, 'Báo cáo');
    await page
      .getByRole('region', { name: 'Báo cáo gửi đến đơn vị' })
      .getByRole('link', { name: 'Tình hình nhận báo cáo' })
      .click();
    await page.getByRole('heading', { level: 1, name: /^Tình hình nhận báo cáo năm \d{4}$/ }).waitFor();
    const units = page.getByRole('region', { name: 'Các đơn vị phải báo cáo' });
    await page.getByLabel('Tìm đơn vị').fill('nam sam son');
    const nss = units.getByRole('listitem').filter({ hasText: 'Phường Nam Sầm Sơn' });
    await nss.getByText('Đúng hạn', { exact: true }).waitFor();
    await nss.getByText(/^Đã gửi · gửi \d{2}\/\d{2}\/\d{4}/).waitFor();
    await page.getByLabel('Tìm đơn vị').fill('');
    await check(page, 'tình hình nhận báo cáo', 'cycle-period-status-phone');

    // Hạc Thành's report goes back with a reason.
    await page.getByLabel('Tìm đơn vị').fill('hac thanh');
    await units.getByRole('link', { name: /Phường Hạc Thành/ }).click();
    await page.waitForURL(`${app.url}/bao-cao/${hacThanhReportId}`);
    await page.getByRole('button', { name: 'Trả lại' }).click();
    const dialog = page.getByRole('dialog', { name: 'Trả lại báo cáo' });
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await dialog.getByText('Nêu lý do trả lại (ít nhất 5 ký tự).').waitFor();
    await dialog.getByLabel(/^Lý do trả lại/).fill(RETURN_REASON);
    await check(page, 'trả lại báo cáo', 'cycle-report-return-phone');
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await page.getByRole('alert').filter({ hasText: 'Sở Khoa học và Công nghệ đã trả lại báo cáo' }).waitFor();
    await page.getByText(`Lý do: ${RETURN_REASON}`).waitFor();
    // Returned, the report is Hạc Thành's to complete: the Sở sees it without an edit box.
    await page.getByText(/^Phường Hạc Thành hoàn thiện và gửi lại trước hết ngày/).waitFor();
    const content = page.getByRole('region', { name: 'Nội dung báo cáo' });
    await content.getByText('Kết quả thực hiện', { exact: false }).first().waitFor();
    assert.equal(await content.getByRole('textbox').count(), 0, 'Sở không có ô sửa nội dung báo cáo của phường');
    assert.equal(await content.getByRole('spinbutton').count(), 0, 'Sở không sửa chỉ tiêu của phường');
    for (const control of ['Lưu báo cáo', 'Cập nhật số liệu điền sẵn'])
      assert.equal(await page.getByRole('button', { name: control }).count(), 0, `không có nút "${control}"`);
    await page.goBack();
    await page.getByLabel('Tìm đơn vị').fill('hac thanh');
    await units
      .getByRole('listitem')
      .filter({ hasText: 'Phường Hạc Thành' })
      .getByText('Bị trả lại', { exact: true })
      .first()
      .waitFor();

    // The compiled report names the conference; the reminder letter names the units still missing.
    const [compiled] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Báo cáo tổng hợp (DOCX)' }).click(),
    ]);
    assert.match(compiled.suggestedFilename(), /\.docx$/);
    const report = await docxText(compiled);
    assert.ok(report.includes('129/KH-UBND'), 'báo cáo tổng hợp dẫn Kế hoạch 129/KH-UBND');
    assert.ok(report.includes(CONFERENCE), 'báo cáo tổng hợp nêu hội nghị của phường Nam Sầm Sơn');
    assert.ok(report.includes('Phường Nam Sầm Sơn'), 'báo cáo tổng hợp nêu phường Nam Sầm Sơn');
    const [reminder] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Công văn đôn đốc (DOCX)' }).click(),
    ]);
    const letter = await docxText(reminder);
    assert.ok(/V\/v đôn đốc gửi báo cáo/.test(letter), 'công văn có dòng V/v đôn đốc');
    for (const missing of ['Hạc Thành', 'Mường Lát', 'Bỉm Sơn'])
      assert.ok(letter.includes(missing), `công văn nêu ${missing} (chưa gửi)`);
    assert.ok(letter.includes(RETURN_REASON.replace(/\.$/, '')), 'công văn nêu lý do trả lại báo cáo của Hạc Thành');
    assert.ok(!letter.includes('Nam Sầm Sơn'), 'phường Nam Sầm Sơn đã gửi: không bị đôn đốc');
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Phụ lục số liệu (XLSX)' }).click(),
    ]);
    assert.match(xlsx.suggestedFilename(), /\.xlsx$/);

    // The difficulty, answered.
    await openMenu(page, 'Khó khăn, kiến nghị');
    await page.getByRole('heading', { level: 1, name: 'Khó khăn, kiến nghị' }).waitFor();
    const card = page.getByRole('article', { name: DIFFICULTY });
    await card.getByText('Chưa trả lời').waitFor();
    await check(page, 'khó khăn, kiến nghị (hộp đến)', 'cycle-obstacles-inbox-phone');
    await card.getByRole('button', { name: 'Trả lời' }).click();
    await card.getByLabel(/^Nội dung trả lời/).fill(ANSWER);
    await card.getByRole('button', { name: 'Gửi trả lời' }).click();
    await card.getByText('Đã trả lời').waitFor();
    await card.getByText(ANSWER).waitFor();

    // The dashboard of the province plan: progress per task and per commune/ward, reports, each chart with a table.
    await openMenu(page, 'Bảng điều khiển');
    await page.getByRole('heading', { level: 1, name: 'Bảng điều khiển' }).waitFor();
    const byTask = page.getByRole('region', { name: 'Tiến độ theo nhiệm vụ' });
    await byTask.getByRole('img', { name: /Biểu đồ cột chồng/ }).waitFor();
    await byTask
      .getByRole('table', { name: 'Số liệu theo nhiệm vụ' })
      .getByRole('rowheader', { name: /^1\. Tổ chức quán triệt/ })
      .waitFor();
    const byUnit = page.getByRole('region', { name: /^Tiến độ theo xã, phường/ });
    await byUnit.getByLabel('Tìm đơn vị').fill('nam sam son');
    await byUnit.getByRole('rowheader', { name: 'Phường Nam Sầm Sơn' }).waitFor();
    await page
      .getByRole('region', { name: /^Báo cáo năm \d{4}$/ })
      .getByText(/Đúng hạn: 1/)
      .waitFor();
    await check(page, 'bảng điều khiển', 'cycle-dashboard-phone');

    // From the plan, its public page.
    await page.goto(`${app.url}/ke-hoach/${provincePlanId}`);
    const publicLink = page.getByRole('link', { name: 'Trang công khai' });
    assert.equal(await publicLink.getAttribute('href'), `/cong-khai/ke-hoach/${provincePlanId}`);
  });

  test('trang công khai (không đăng nhập): tiến độ theo nhiệm vụ, không có thông tin nội bộ', async () => {
    const page = await app.newPage({ phone: true });
    await page.goto(`${app.url}/cong-khai/ke-hoach/${provincePlanId}`);
    await page
      .getByRole('heading', { level: 1, name: 'Triển khai thi hành Luật Trí tuệ Nhân tạo trên địa bàn tỉnh Thanh Hóa' })
      .waitFor();
    await page.getByText(/Kế hoạch số 129\/KH-UBND ngày 04\/05\/2026/).waitFor();
    const tasks = page.getByRole('list', { name: 'Tiến độ theo nhiệm vụ' });
    await tasks.getByText(/^1\. Tổ chức quán triệt/).waitFor();
    await tasks
      .getByText(/đơn vị đã hoàn thành/)
      .first()
      .waitFor();
    const text = await page.locator('body').innerText();
    for (const internal of [DIFFICULTY, ANSWER, CONFERENCE, RETURN_REASON, 'Nguyễn Thị Thu Trang', 'Phòng Văn hóa']) {
      assert.ok(!text.includes(internal), `trang công khai không có "${internal}"`);
    }
    await check(page, 'trang công khai', 'cycle-public-phone');
  });

  test('Hạc Thành thấy lý do trả lại (qua thông báo); Nam Sầm Sơn thấy câu trả lời', async () => {
    const ht = await app.newPage({ phone: true });
    await login(ht, app.url, 'hacthanh.chuyenvien');
    await ht.getByRole('button', { name: /^Thông báo: \d+ chưa đọc$/ }).click();
    await ht
      .getByRole('dialog', { name: 'Thông báo' })
      .getByText(/^(Chưa đọc: )?Báo cáo năm \d{4} bị trả lại$/)
      .click();
    await ht.waitForURL(`${app.url}/bao-cao/${hacThanhReportId}`);
    await ht
      .getByRole('alert')
      .filter({ hasText: 'đã trả lại báo cáo' })
      .getByText(`Lý do: ${RETURN_REASON}`)
      .waitFor();
    // A returned report may be edited and sent again.
    await ht.getByRole('button', { name: 'Lưu báo cáo' }).waitFor();
    await check(ht, 'báo cáo bị trả lại', 'cycle-report-returned-phone');
    await ht.goto(`${app.url}/bao-cao`);
    await ht.getByText(`Lý do: ${RETURN_REASON}`).waitFor();

    const nss = await app.newPage({ phone: true });
    await login(nss, app.url, 'namsamson.chuyenvien');
    await openMenu(nss, 'Khó khăn, kiến nghị');
    await nss.locator('label').filter({ hasText: 'Đơn vị đã gửi' }).click();
    await nss.waitForURL(/hop=di/);
    const card = nss.getByRole('article', { name: DIFFICULTY });
    await card.getByText(ANSWER).waitFor();
    await card.getByText('Đã trả lời').waitFor();
    await check(nss, 'khó khăn, kiến nghị (đã gửi)', 'cycle-obstacles-outbox-phone');
    await openMenu(nss, 'Thông báo');
    await nss.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor();
    await check(nss, 'trang thông báo', 'cycle-notifications-page-phone');
  });

  test('trên máy tính: tình hình nhận báo cáo là bảng, bảng điều khiển hai cột', async () => {
    const page = await app.newPage();
    await login(page, app.url, 'skhcn.chuyenvien');
    await page.goto(`${app.url}/che-do-bao-cao/${regimeId}/ky/${periodKey}?q=`);
    await page
      .getByRole('table', { name: 'Các đơn vị phải báo cáo' })
      .getByRole('row', { name: /Phường Nam Sầm Sơn/ })
      .waitFor();
    await assertAccessible(page, 'tình hình nhận báo cáo (máy tính)');
    await screenshot(page, 'cycle-period-status-desktop', { fullPage: false });
    await page.goto(`${app.url}/bang-dieu-khien`);
    await page.getByRole('region', { name: 'Tiến độ theo nhiệm vụ' }).waitFor();
    await assertAccessible(page, 'bảng điều khiển (máy tính)');
    await screenshot(page, 'cycle-dashboard-desktop');
  });

  test('không có lỗi JavaScript hay vi phạm CSP trên các trang', () => {
    assert.deepEqual(app.pageErrors, []);
  });
});
