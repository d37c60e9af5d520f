// Checks that must hold on correct documents: each new check is silent on a correct plan and speaks on the defect.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importPlan } from '../../src/documents/parse/index.ts';
import { lintPlan } from '../../src/domain/plan/lint.ts';
import type { Finding, PlanDraft } from '../../src/domain/plan/model.ts';
import { referenceDirectory } from '../fixtures/plans/reference-directory.ts';

function planText(opts: { law?: string; timeframe?: string; date?: string; product?: boolean } = {}): string {
  return [
    'ỦY BAN NHÂN DÂN',
    'TỈNH NGHỆ AN',
    '',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    '',
    'Số: 45/KH-UBND',
    '',
    `Nghệ An, ${opts.date ?? 'ngày 15 tháng 7 năm 2026'}`,
    '',
    'KẾ HOẠCH',
    'Triển khai thi hành Luật Trí tuệ nhân tạo trên địa bàn tỉnh Nghệ An',
    '',
    `Căn cứ Luật Trí tuệ nhân tạo số ${opts.law ?? '134/2025/QH15'} ngày 10 tháng 12 năm 2025;`,
    '',
    'Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai như sau:',
    '',
    'I. NỘI DUNG KẾ HOẠCH',
    '',
    '1. Thí điểm ứng dụng trí tuệ nhân tạo trong giải quyết thủ tục hành chính',
    '',
    `Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Nội vụ tổ chức thí điểm; hoàn thành trong ${opts.timeframe ?? 'Quý IV/2026'}.`,
    '',
    '2. Sắp xếp, kiện toàn bộ phận đầu mối theo dõi thi hành Luật',
    '',
    `Sở Nội vụ chủ trì, bảo đảm nguồn lực và đảm bảo tiến độ; thực hiện thường xuyên.`,
    '',
  ].join('\n');
}

async function lint(text: string): Promise<{ plan: PlanDraft; findings: Finding[] }> {
  const plan = await importPlan({ filename: 'ke-hoach.txt', content: text }, referenceDirectory());
  return { plan, findings: lintPlan(plan, { directory: referenceDirectory() }) };
}

const codes = (f: Finding[], severity?: string) =>
  f.filter((x) => !severity || x.severity === severity).map((x) => x.code);

describe('lint precision: a correct plan from another province', () => {
  it('raises no error: prose tasks, "Thí điểm"/"Sắp xếp", both "bảo đảm" and "đảm bảo", its own issuer', async () => {
    const { plan, findings } = await lint(planText());
    assert.equal(plan.document.issuer?.text, 'ỦY BAN NHÂN DÂN TỈNH NGHỆ AN');
    assert.equal(plan.document.issuer?.unitCode, '40', 'Nghệ An itself, never Thanh Hóa');
    assert.deepEqual(
      plan.tasks.map((t) => t.lead.map((u) => u.text)),
      [['Sở Khoa học và Công nghệ'], ['Sở Nội vụ']],
    );
    assert.deepEqual(codes(findings, 'error'), []);
    assert.ok(!codes(findings).includes('task.action.missing'));
    assert.ok(!codes(findings).includes('law.numberMismatch'));
    assert.ok(!codes(findings).includes('task.timeframe.beforePlan'));
    assert.ok(!findings.some((f) => f.code === 'plan.terms.inconsistent' && /bảo đảm/.test(f.message)));
  });

  it('accepts "Xác định nội dung công việc" with or without "rõ"', async () => {
    const { findings } = await lint(
      planText().replace(
        'I. NỘI DUNG KẾ HOẠCH',
        'I. MỤC ĐÍCH\n\nXác định nội dung công việc cụ thể.\n\nII. NỘI DUNG KẾ HOẠCH',
      ),
    );
    assert.ok(!codes(findings).includes('phrase.missingWord'));
  });
});

describe('import: an issuer named without its province', () => {
  const nameless = (place: string) =>
    planText().replace('TỈNH NGHỆ AN', 'TỈNH').replace('Nghệ An, ngày', `${place}, ngày`);

  it('is read from the place line, as the province the place names', async () => {
    const other = await lint(nameless('Nghệ An'));
    assert.equal(other.plan.document.issuer?.unitCode, '40');
    const f = other.plan.findings.find((x) => x.code === 'import.header.issuerFromContext');
    assert.match(f?.message ?? '', /"ỦY BAN NHÂN DÂN TỈNH".*Tỉnh Nghệ An theo dòng địa danh/);
    const own = await lint(nameless('Thanh Hóa'));
    assert.equal(own.plan.document.issuer?.unitCode, '38');
  });

  it('is read from the title when the place line names no province', async () => {
    const { plan } = await lint(nameless('Vinh'));
    assert.equal(plan.document.place, 'Vinh');
    assert.equal(plan.document.issuer?.unitCode, '40', '"… trên địa bàn tỉnh Nghệ An"');
  });

  it('is left unresolved, with a warning, when nothing in the document names the province', async () => {
    const text = nameless('Vinh').replace(' trên địa bàn tỉnh Nghệ An', '');
    const { plan } = await lint(text);
    assert.equal(plan.document.issuer?.text, 'ỦY BAN NHÂN DÂN TỈNH');
    assert.equal(plan.document.issuer?.unitId, null, 'never guessed as the home province');
    const f = plan.findings.filter((x) => x.code === 'import.header.issuerNameless');
    assert.equal(f.length, 1);
    assert.equal(f[0]!.severity, 'warning');
    assert.match(f[0]!.message, /không nêu tên đơn vị hành chính/);
  });

  it('"Ủy ban nhân dân xã" is the commune its place line names, spelt as the register has it', async () => {
    const commune = (place: string) =>
      planText()
        .replace('TỈNH NGHỆ AN', 'XÃ')
        .replace('Nghệ An, ngày', `${place}, ngày`)
        .replace(' trên địa bàn tỉnh Nghệ An', '');
    assert.equal((await lint(commune('Đồng Tiến'))).plan.document.issuer?.unitCode, '15724');
    assert.equal((await lint(commune('Đông Tiến'))).plan.document.issuer?.unitId, null, 'Đông Tiến is a phường');
    assert.equal((await lint(commune('Vạn Xuân'))).plan.document.issuer?.unitName, 'Xã Vạn Xuân');
  });
});

describe('import: issuers of other provinces and of the Government', () => {
  const header = (issuer: string[], place: string) =>
    planText().replace('ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN', issuer.join('\n')).replace('Nghệ An, ngày', `${place}, ngày`);

  it("a ministry is the ministry, never the province's department", async () => {
    const { plan } = await lint(header(['BỘ TƯ PHÁP'], 'Hà Nội'));
    assert.equal(plan.document.issuer?.unitCode, 'TW.BTP');
  });

  it("a department under another province's People's Committee is that province's, never Thanh Hóa's", async () => {
    const { plan } = await lint(header(['UBND TỈNH ĐỒNG THÁP', 'SỞ TƯ PHÁP'], 'Đồng Tháp'));
    assert.equal(plan.document.issuerParent, 'UBND TỈNH ĐỒNG THÁP');
    assert.equal(plan.document.issuer?.unitId, null);
    const f = plan.findings.find((x) => x.code === 'import.header.issuerUnresolved');
    assert.match(f?.message ?? '', /"SỞ TƯ PHÁP" của Tỉnh Đồng Tháp không có trong danh mục/);
    // Its tasks' "Sở Nội vụ" is Đồng Tháp's too: noted as not in the register, never Thanh Hóa's.
    assert.deepEqual(
      plan.tasks.map((t) => t.lead.map((u) => u.unitCode)),
      [[null], [null]],
    );
    assert.ok(plan.findings.some((x) => x.code === 'import.unit.notRegistered' && x.severity === 'info'));
    const own = await lint(header(['UBND TỈNH THANH HÓA', 'SỞ TƯ PHÁP'], 'Thanh Hóa'));
    assert.equal(own.plan.document.issuer?.unitCode, '38.STP');
  });

  it('a commune of another province is not a Thanh Hóa commune with a similar name', async () => {
    const { plan } = await lint(header(['ỦY BAN NHÂN DÂN', 'PHƯỜNG HỒNG BÀNG'], 'Hồng Bàng'));
    assert.equal(plan.document.issuer?.text, 'ỦY BAN NHÂN DÂN PHƯỜNG HỒNG BÀNG');
    assert.equal(plan.document.issuer?.unitId, null, "not Thanh Hóa's phường Đông Quang by a typo");
    const xa = await lint(header(['ỦY BAN NHÂN DÂN', 'XÃ ĐÔNG TIẾN'], 'Đông Tiến'));
    assert.equal(xa.plan.document.issuer?.unitId, null, "not Thanh Hóa's xã Đồng Tiến by its accents");
  });

  it('a lead in a plan of another province is never read as a Thanh Hóa department', async () => {
    const { plan, findings } = await lint(planText());
    assert.deepEqual(
      plan.tasks.map((t) => t.lead.map((u) => u.unitCode)),
      [[null], [null]],
    );
    assert.ok(!codes(findings).includes('unit.unknown'), 'a note, not a warning: Nghệ An is not onboarded');
    assert.ok(codes(findings).includes('unit.notRegistered'));
  });
});

describe('lint precision: names the register does not hold, on correct plans', () => {
  /** planText() with another issuer and place, and its two tasks given to `lead` and `coordinator`. */
  const plan = (issuer: string[], place: string, lead: string, coordinator: string) =>
    planText()
      .replace('ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN', issuer.join('\n'))
      .replace('Nghệ An, ngày', `${place}, ngày`)
      .replace(
        'Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Nội vụ',
        `${lead} chủ trì, phối hợp với ${coordinator}`,
      );
  const about = (f: Finding[], code: string) => f.filter((x) => x.code === code).map((x) => x.message);

  it("a department's own divisions and units are a note naming the department, not an unknown unit", async () => {
    const { plan: p, findings } = await lint(
      plan(
        ['UBND TỈNH THANH HÓA', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ'],
        'Thanh Hóa',
        'Phòng Quản lý công nghệ và Chuyển đổi số',
        'Văn phòng Sở, Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng',
      ),
    );
    assert.equal(p.document.issuer?.unitCode, '38.SKHCN');
    assert.deepEqual(about(findings, 'unit.unknown'), []);
    const notes = about(findings, 'unit.internal');
    assert.equal(notes.length, 3, notes.join('\n'));
    for (const n of notes) assert.match(n, /thuộc Sở Khoa học và Công nghệ thì không cần sửa/);
    // The import's own reading says the same, and raises no warning for them.
    assert.deepEqual(about(p.findings, 'import.unit.unresolved'), []);
    assert.equal(about(p.findings, 'import.unit.internal').length, 3);
  });

  it("a ministry's Vụ and Cục are its own; a department of an unresolved province is 'cơ quan ban hành'", async () => {
    const ministry = await lint(plan(['BỘ TƯ PHÁP'], 'Hà Nội', 'Vụ Pháp chế', 'Cục Công nghệ thông tin'));
    assert.deepEqual(about(ministry.findings, 'unit.unknown'), []);
    assert.equal(about(ministry.findings, 'unit.internal').length, 2);
    assert.match(about(ministry.findings, 'unit.internal')[0]!, /thuộc Bộ Tư pháp/);
    const department = await lint(plan(['SỞ Y TẾ'], 'Cà Mau', 'Phòng Nghiệp vụ Y', 'Bệnh viện Đa khoa tỉnh'));
    assert.deepEqual(about(department.findings, 'unit.unknown'), []);
    assert.match(about(department.findings, 'unit.internal')[0]!, /thuộc cơ quan ban hành/);
  });

  it("a province not onboarded: its press agency and armed forces are a note that they can't be checked", async () => {
    const { plan: p, findings } = await lint(
      plan(
        ['ỦY BAN NHÂN DÂN', 'TỈNH NGHỆ AN'],
        'Nghệ An',
        'Báo và Phát thanh, Truyền hình Nghệ An',
        'Bộ Tư lệnh Quân khu 4',
      ),
    );
    assert.deepEqual(about(findings, 'unit.unknown'), []);
    assert.ok(
      about(findings, 'unit.notRegistered').some((m) =>
        /Báo và Phát thanh, Truyền hình Nghệ An.*của Tỉnh Nghệ An/i.test(m),
      ),
    );
    assert.deepEqual(about(p.findings, 'import.unit.unresolved'), []);
  });

  it('still warns where the register can answer: a province it holds, a unit under a department', async () => {
    const province = await lint(
      plan(['ỦY BAN NHÂN DÂN', 'TỈNH THANH HÓA'], 'Thanh Hóa', 'Sở Thông tin và Truyền thông', 'Sở Nội vụ'),
    );
    assert.match(about(province.findings, 'unit.unknown')[0] ?? '', /Sở Thông tin và Truyền thông/);
    // The province's own plan naming a unit under a department it does not hold: still worth a look.
    const centre = await lint(
      plan(['ỦY BAN NHÂN DÂN', 'TỈNH THANH HÓA'], 'Thanh Hóa', 'Trung tâm Tin học tỉnh', 'Sở Nội vụ'),
    );
    assert.equal(about(centre.findings, 'unit.unknown').length, 1);
    assert.deepEqual(about(centre.findings, 'unit.internal'), []);
  });
});

describe('lint precision: wording of correct plans that read like slips', () => {
  /** planText() with task 1's title and sentence replaced. */
  const task = (title: string, sentence: string) =>
    planText()
      .replace('1. Thí điểm ứng dụng trí tuệ nhân tạo trong giải quyết thủ tục hành chính', `1. ${title}`)
      .replace(
        'Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Nội vụ tổ chức thí điểm; hoàn thành trong Quý IV/2026.',
        sentence,
      );
  const found = (f: Finding[], code: string) => f.filter((x) => x.code === code).map((x) => x.message);

  it('two words meeting on one syllable are not a repeated word; a slip still is', async () => {
    const { findings } = await lint(
      task(
        'Đánh giá, sơ kết kết quả thực hiện Luật',
        'Sở Khoa học và Công nghệ chủ trì thực hiện hiện nay và theo Luật Công nghiệp công nghệ số số 71/2025/QH15; hoàn thành trong Quý IV/2026.',
      ),
    );
    assert.deepEqual(found(findings, 'phrase.repeatedWord'), []);
    const slip = await lint(
      task('Tổ chức tuyên truyền', 'Sở Khoa học và Công nghệ chủ trì của của tỉnh; hoàn thành trong Quý IV/2026.'),
    );
    assert.equal(found(slip.findings, 'phrase.repeatedWord').length, 1);
  });

  it("the plan's law followed by other words is the plan's law; another law is still named", async () => {
    const { findings } = await lint(
      task(
        'Tổ chức thi hành Luật Trí tuệ nhân tạo kịp thời, hiệu quả',
        'Sở Khoa học và Công nghệ chủ trì; hoàn thành trong Quý IV/2026.',
      ),
    );
    assert.deepEqual(found(findings, 'plan.law.otherInBody'), []);
    assert.deepEqual(found(findings, 'plan.title.lawMismatch'), [], 'nor another law than the title’s');
    const other = await lint(
      task(
        'Tổ chức thi hành Luật Trí tuệ nhân tạo',
        'Sở Khoa học và Công nghệ chủ trì, áp dụng Luật Chuyển giao công nghệ; hoàn thành trong Quý IV/2026.',
      ),
    );
    assert.match(found(other.findings, 'plan.law.otherInBody')[0] ?? '', /Luật Chuyển giao công nghệ/);
  });

  it('a product named at the end of the sentence is the task’s product', async () => {
    const { plan, findings } = await lint(
      task(
        'Tổ chức hội nghị quán triệt Luật',
        'Sở Khoa học và Công nghệ chủ trì; hoàn thành trong Quý IV/2026. Sản phẩm: hội nghị, báo cáo kết quả.',
      ),
    );
    assert.deepEqual(plan.tasks[0]!.deliverables, ['hội nghị', 'báo cáo kết quả']);
    assert.match(plan.tasks[0]!.timeframe.text, /Quý IV\/2026/);
    assert.ok(!findings.some((f) => f.code === 'task.deliverable.missing' && f.location.task === '1'));
  });

  it('broadcasting and a decree to draft are work to do; a bare topic is not', async () => {
    for (const title of [
      'Phát thanh nội dung Luật trên hệ thống truyền thanh cơ sở',
      'Nghị định quy định chi tiết một số điều của Luật Trí tuệ nhân tạo',
    ]) {
      const { findings } = await lint(task(title, 'Sở Khoa học và Công nghệ chủ trì; hoàn thành trong Quý IV/2026.'));
      assert.deepEqual(found(findings, 'task.action.missing'), [], title);
    }
    const topic = await lint(
      task('Nội dung của Luật', 'Sở Khoa học và Công nghệ chủ trì; hoàn thành trong Quý IV/2026.'),
    );
    assert.equal(found(topic.findings, 'task.action.missing').length, 1);
  });

  it('a division named with commas is one lead, not a group', async () => {
    const { plan } = await lint(
      task(
        'Tổ chức tuyên truyền',
        'Phòng Tổ chức, biên chế và tổ chức phi chính phủ chủ trì; hoàn thành trong Quý IV/2026.',
      ).replace('ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN', 'SỞ NỘI VỤ'),
    );
    assert.equal(plan.tasks[0]!.lead[0]?.group, false, JSON.stringify(plan.tasks[0]!.lead));
  });

  it('a department of another province reporting to itself, and a commune naming itself, are not slips', async () => {
    const department = await lint(
      planText()
        .replace('ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN', 'SỞ TƯ PHÁP')
        .replace('Nghệ An, ngày', 'Đồng Tháp, ngày')
        .replace(
          'Sở Nội vụ chủ trì, bảo đảm nguồn lực và đảm bảo tiến độ; thực hiện thường xuyên.',
          'Sở Nội vụ chủ trì, bảo đảm nguồn lực và đảm bảo tiến độ; thực hiện thường xuyên.\n\nII. TỔ CHỨC THỰC HIỆN\n\nCác phòng báo cáo Sở Tư pháp trước ngày 15/12/2026.\n\nNơi nhận:\n- Các phòng thuộc Sở;\n- Lưu: VT.',
        ),
    );
    assert.deepEqual(found(department.findings, 'plan.recipients.missingReportee'), []);
    const commune = await lint(
      planText()
        .replace('ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN', 'ỦY BAN NHÂN DÂN\nXÃ ĐÔNG TIẾN')
        .replace('Nghệ An, ngày', 'Đông Tiến, ngày')
        .replace('trên địa bàn tỉnh Nghệ An', 'trên địa bàn xã Đông Tiến'),
    );
    assert.deepEqual(found(commune.findings, 'text.placeName.misspelled'), []);
  });
});

describe('lint: law cited with a number not its own', () => {
  it('names the right number and whose number was written', async () => {
    const { findings } = await lint(planText({ law: '143/2025/QH15' }));
    const f = findings.filter((x) => x.code === 'law.numberMismatch');
    assert.equal(f.length, 1);
    assert.equal(f[0]!.severity, 'error');
    assert.match(f[0]!.message, /134\/2025\/QH15/);
    const other = (await lint(planText({ law: '60/2024/QH15' }))).findings.find((x) => x.code === 'law.numberMismatch');
    assert.match(other!.message, /Luật Dữ liệu/);
  });
});

describe('lint: deadline before the plan is dated', () => {
  it('flags "Tháng 3/2026" in a plan of 15/7/2026, not "Quý IV/2026" nor a plan without a date', async () => {
    const early = await lint(planText({ timeframe: 'tháng 3/2026' }));
    assert.deepEqual(
      early.findings.filter((x) => x.code === 'task.timeframe.beforePlan').map((x) => x.location.task),
      ['1'],
    );
    const undated = await lint(planText({ timeframe: 'tháng 3/2026', date: 'ngày     tháng     năm 2026' }));
    assert.ok(!codes(undated.findings).includes('task.timeframe.beforePlan'));
  });
});

describe("lint: deadline after the plan's period", () => {
  const titled = (title: string, timeframe: string) =>
    planText({ timeframe }).replace(
      'Triển khai thi hành Luật Trí tuệ nhân tạo trên địa bàn tỉnh Nghệ An',
      `Triển khai thi hành Luật Trí tuệ nhân tạo trên địa bàn tỉnh Nghệ An ${title}`,
    );
  const after = async (title: string, timeframe: string) =>
    (await lint(titled(title, timeframe))).findings.filter((x) => x.code === 'task.timeframe.afterPeriod');

  it('warns on a task due after the years the title names', async () => {
    const [f, ...more] = await after('giai đoạn 2026 - 2030', 'năm 2031');
    assert.equal(more.length, 0);
    assert.equal(f?.severity, 'warning');
    assert.equal(f?.location.task, '1');
    assert.equal(
      f?.message,
      'Nhiệm vụ 1: thời hạn “Năm 2031” (đến 31/12/2031) sau thời kỳ của kế hoạch (giai đoạn 2026 - 2030, theo trích yếu).',
    );
    assert.equal((await after('năm 2026', 'Quý I/2027')).length, 1, 'a plan for 2026');
    assert.equal((await after('đến năm 2030', 'trước ngày 30/6/2031')).length, 1);
  });

  it('stays silent on a correct plan: within the period, a longer programme, an open period, the closing report', async () => {
    assert.deepEqual(await after('giai đoạn 2026 - 2030', 'Quý IV/2030'), []);
    assert.deepEqual(await after('năm 2026', 'giai đoạn 2026 - 2030'), [], "this year's share of a programme");
    assert.deepEqual(await after('năm 2026 và những năm tiếp theo', 'năm 2028'), []);
    assert.deepEqual(await after('', 'năm 2031'), [], 'a title without a period');
    const report = titled('năm 2026', 'tháng 1/2027').replace(
      '1. Thí điểm ứng dụng trí tuệ nhân tạo trong giải quyết thủ tục hành chính',
      '1. Báo cáo tổng kết kết quả thực hiện kế hoạch năm 2026',
    );
    const { findings } = await lint(report);
    assert.ok(!codes(findings).includes('task.timeframe.afterPeriod'), 'the summary report is due in January');
  });

  it('stays silent on the province seed and on every document of the corpus', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const docs = new URL('../fixtures/corpus/docs/', import.meta.url);
    const files = readdirSync(docs).filter((f) => /\.(txt|md|html)$/.test(f));
    assert.ok(files.length >= 40);
    for (const f of files) {
      const plan = await importPlan({ filename: f, content: readFileSync(new URL(f, docs)) }, referenceDirectory());
      const found = lintPlan(plan, { directory: referenceDirectory() }).filter(
        (x) => x.code === 'task.timeframe.afterPeriod',
      );
      assert.deepEqual(found, [], f);
    }
  });
});

describe('lint: a missing product', () => {
  it('is a warning in a plan that writes no product for any task (prose style)', async () => {
    const { findings } = await lint(planText());
    const f = findings.filter((x) => x.code === 'task.deliverable.missing');
    assert.ok(f.length > 0);
    assert.ok(f.every((x) => x.severity === 'warning'));
  });
});

function communeText(kind: 'xã' | 'phường', lead: string): string {
  const name = kind === 'xã' ? 'Đông Tiến' : 'Bình Minh';
  return [
    'ỦY BAN NHÂN DÂN',
    `${kind.toUpperCase()} ${name.toUpperCase()}`,
    '',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    '',
    'Số: 12/KH-UBND',
    '',
    `${name}, ngày 10 tháng 3 năm 2026`,
    '',
    'KẾ HOẠCH',
    'Triển khai thi hành Luật Dữ liệu',
    '',
    'I. NỘI DUNG',
    '',
    '1. Rà soát, cập nhật cơ sở dữ liệu chuyên ngành',
    '',
    `a) Cơ quan chủ trì: ${lead}.`,
    `b) Cơ quan phối hợp: Văn phòng HĐND và UBND ${kind}.`,
    'c) Thời gian thực hiện: Quý III/2026.',
    'd) Sản phẩm: Báo cáo.',
    '',
  ].join('\n');
}

describe('lint: offices that do not exist for this plan', () => {
  it('stays silent on each kind of commune with its own office, and never splits "Văn phòng HĐND và UBND"', async () => {
    for (const [kind, lead] of [
      ['xã', 'Phòng Kinh tế'],
      ['phường', 'Phòng Kinh tế, Hạ tầng và Đô thị'],
    ] as const) {
      const { plan, findings } = await lint(communeText(kind, lead));
      assert.deepEqual(
        plan.tasks[0]!.lead.map((u) => u.text),
        [lead],
      );
      assert.deepEqual(
        plan.tasks[0]!.coordinators.map((u) => u.text),
        [`Văn phòng HĐND và UBND ${kind}`],
      );
      assert.deepEqual(
        codes(findings).filter((c) => c.startsWith('unit.notIn') || c === 'unit.abolished'),
        [],
        kind,
      );
    }
  });

  it("names the office a xã has instead of a phường's", async () => {
    const { findings } = await lint(communeText('xã', 'Phòng Kinh tế, Hạ tầng và Đô thị'));
    const f = findings.find((x) => x.code === 'unit.notInCommuneKind');
    assert.equal(f?.severity, 'error');
    assert.match(f!.message, /xã có “Phòng Kinh tế”/);
  });

  it('names the successor of an office abolished in 2025', async () => {
    const { findings } = await lint(communeText('xã', 'Phòng Tài chính - Kế hoạch'));
    const f = findings.find((x) => x.code === 'unit.abolished');
    assert.equal(f?.severity, 'error');
    assert.match(f!.message, /nay thuộc Phòng Kinh tế\.$/);
  });
});
