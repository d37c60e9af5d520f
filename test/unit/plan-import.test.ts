import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { z } from 'zod';
import { importPlan } from '../../src/documents/parse/index.ts';
import { textLines } from '../../src/documents/parse/lines.ts';
import type { PlanDraft, Task, UnitRef } from '../../src/domain/plan/model.ts';
import { planJsonSchema } from '../../src/domain/plan/schema.ts';
import { readCorpusSample, readFixture, referenceDirectory } from '../fixtures/plans/reference-directory.ts';

const PROVINCE = 'ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt';
const WARD = 'ke-hoach-phuong-nam-sam-son-thi-hanh-luat-tri-tue-nhan-tao.md';
const YEARLY_FROM_2026 = {
  kind: 'period',
  start: '2026-01-01',
  end: null,
  recurrence: 'yearly',
  dueDay: null,
  dueDates: [],
};
const CONTINUOUS = { kind: 'continuous', start: null, end: null, recurrence: null, dueDay: null, dueDates: [] };
const YEARLY = { kind: 'recurring', start: null, end: null, recurrence: 'yearly', dueDay: null, dueDates: [] };

async function importFixture(name: string): Promise<PlanDraft> {
  return importPlan({ filename: name, content: readFixture(name) }, referenceDirectory());
}

async function importCorpus(name: string): Promise<PlanDraft> {
  return importPlan({ filename: name, content: readCorpusSample(name) }, referenceDirectory());
}

function task(plan: PlanDraft, number: string): Task {
  const t = plan.tasks.find((x) => x.number === number);
  assert.ok(t, `task ${number}`);
  return t;
}

/** [text, unitCode or "group" or null] for compact assertions. */
function units(refs: UnitRef[]): Array<[string, string | null]> {
  return refs.map((r) => [r.text, r.group ? 'group' : r.unitCode]);
}

describe('import: province seed (.txt)', () => {
  let plan: PlanDraft;
  before(async () => {
    plan = await importFixture(PROVINCE);
  });

  it('reads the header as written, inferring nothing it cannot see', () => {
    const d = plan.document;
    assert.equal(d.type, 'KH');
    assert.equal(d.number, null, '"Số: /KH-UBND" is not numbered yet');
    assert.equal(d.symbol, 'KH-UBND');
    assert.equal(d.date, null, '"ngày tháng năm 2026" is not dated yet');
    assert.equal(d.year, 2026);
    assert.equal(d.place, 'Thanh Hóa');
    assert.equal(d.title, 'Triển khai thi hành Luật Trí tuệ Nhân tạo trên địa bàn tỉnh Thanh Hóa');
    assert.equal(d.issuerParent, null);
    // No issuer line in the .txt: the opening sentence names "Ủy ban nhân dân tỉnh", flagged as inferred.
    assert.equal(d.issuer?.text, 'Ủy ban nhân dân tỉnh');
    assert.equal(d.issuer?.unitCode, '38');
    assert.ok((d.issuer?.confidence ?? 1) < 1);
    assert.ok(plan.findings.some((f) => f.code === 'import.header.issuerInferred'));
    assert.ok(plan.findings.some((f) => f.code === 'import.header.numberPending'));
    assert.ok(plan.findings.some((f) => f.code === 'import.header.datePending'));
  });

  it('reads the basis: the decision it implements and the proposal', () => {
    assert.deepEqual(
      plan.document.basis.map(({ text: _t, ...b }) => b),
      [
        {
          kind: 'implements',
          documentType: 'QĐ',
          number: '367',
          symbol: 'QĐ-TTg',
          date: '2026-02-28',
          issuer: 'Thủ tướng Chính phủ',
          title: 'ban hành Kế hoạch triển khai thi hành Luật Trí tuệ Nhân tạo',
        },
        {
          kind: 'proposedBy',
          documentType: 'TTr',
          number: '1241',
          symbol: 'TTr-SKH-CN',
          date: '2026-04-03',
          issuer: 'Sở Khoa học và Công nghệ',
          title: null,
        },
      ],
    );
  });

  it('reads the sections', () => {
    assert.deepEqual(
      plan.sections.map((s) => [s.kind, s.number, s.heading]),
      [
        ['purpose', 'I', 'MỤC ĐÍCH, YÊU CẦU'],
        ['content', 'II', 'NỘI DUNG KẾ HOẠCH'],
        ['budget', 'III', 'KINH PHÍ THỰC HIỆN'],
        ['organisation', 'IV', 'TỔ CHỨC THỰC HIỆN'],
      ],
    );
    const purpose = plan.sections[0]!.blocks;
    assert.deepEqual(
      purpose.map((b) => b.label),
      ['1', 'a', 'b', 'c', '2', 'a', 'b', 'c', 'd'],
    );
    assert.deepEqual(
      purpose.filter((b) => b.heading).map((b) => b.text),
      ['Mục đích', 'Yêu cầu'],
    );
    // A page break in the middle of a sentence: "đảm bảo sớm được" / blank / "ban hành, …".
    assert.match(purpose[7]!.text, /đảm bảo sớm được ban hành, thực hiện thống nhất/);
    // "…nếu có" / blank / "khó khăn, vướng mắc…" in the organisation section.
    assert.match(plan.sections[3]!.blocks[0]!.text, /nếu có khó khăn, vướng mắc hoặc phát sinh/);
  });

  it('reads the six tasks and the group', () => {
    assert.deepEqual(
      plan.tasks.map((t) => t.number),
      ['1', '2', '3.1', '3.2', '4', '5'],
    );
    assert.deepEqual(
      plan.tasks.map((t) => t.groupNumber),
      [null, null, '3', '3', null, null],
    );
    assert.deepEqual(plan.groups, [
      {
        number: '3',
        title:
          'Rà soát, thực hiện các nhiệm vụ quản lý nhà nước được giao trong Luật theo phạm vi nhiệm vụ, quyền hạn được phân công',
      },
    ]);
    assert.equal(
      task(plan, '3.1').title,
      'Lồng ghép mục tiêu, nhiệm vụ của Chiến lược quốc gia về trí tuệ nhân tạo vào Kế hoạch phát triển kinh tế - xã hội 05 năm (2026-2030) và bảo đảm nguồn lực thực hiện',
    );
    assert.equal(
      task(plan, '5').content,
      'Tổ chức tiếp nhận và xử lý các kiến nghị, đề xuất của cơ quan, tổ chức, cá nhân trong quá trình thi hành Luật Trí tuệ nhân tạo và các văn bản quy định chi tiết, hướng dẫn thi hành Luật.',
    );
    assert.equal(task(plan, '1').content, null);
  });

  it('resolves lead units, including the lower-case slip of task 4', () => {
    for (const t of plan.tasks)
      assert.deepEqual(
        t.lead.map((u) => u.unitCode),
        ['38.SKHCN'],
        t.number,
      );
    const lead4 = task(plan, '4').lead[0]!;
    assert.equal(lead4.text, 'Sở Khoa học và công nghệ');
    assert.equal(lead4.unitName, 'Sở Khoa học và Công nghệ');
    assert.ok(lead4.confidence < 1);
  });

  it('splits coordinators by known names first', () => {
    assert.deepEqual(units(task(plan, '1').coordinators), [
      ['Các sở, ban, ngành tỉnh', 'group'],
      ['Báo và Phát thanh - Truyền hình Thanh Hóa', '38.BĐPTTH'],
      ['UBND các xã, phường', 'group'],
      ['các đơn vị có liên quan', 'group'],
    ]);
    assert.deepEqual(units(task(plan, '2').coordinators), [['Các cơ quan, tổ chức có liên quan', 'group']]);
    assert.deepEqual(units(task(plan, '3.1').coordinators), [
      ['Sở Tài chính', '38.STC'],
      ['các cơ quan, tổ chức có liên quan', 'group'],
    ]);
    assert.deepEqual(units(task(plan, '4').coordinators), [
      ['Công an tỉnh', '38.CAT'],
      ['các cơ quan, đơn vị liên quan', 'group'],
    ]);
    // The province's press agency, written without "Đài", is the register's: no finding about it.
    const press = task(plan, '1').coordinators[1]!;
    assert.equal(press.confidence, 1);
    assert.ok(!plan.findings.some((f) => f.message.includes('Báo và Phát thanh')));
  });

  it('reads timeframes into schedules', () => {
    assert.deepEqual(
      plan.tasks.map((t) => t.timeframe.text),
      [
        'Năm 2026 và các năm tiếp theo',
        'Thường xuyên',
        'Năm 2026 và các năm tiếp theo',
        'Năm 2026 và các năm tiếp theo',
        'Năm 2026 và các năm tiếp theo',
        'Hàng năm',
      ],
    );
    assert.deepEqual(task(plan, '1').timeframe.schedule, YEARLY_FROM_2026);
    assert.deepEqual(task(plan, '2').timeframe.schedule, CONTINUOUS);
    assert.deepEqual(task(plan, '5').timeframe.schedule, YEARLY);
  });

  it('splits deliverables into a list', () => {
    assert.deepEqual(task(plan, '1').deliverables, [
      'Hội nghị',
      'tọa đàm',
      'tài liệu phổ biến',
      'tài liệu truyền thông',
      'các bài đăng trên báo',
      'tạp chí',
      'phóng sự',
    ]);
    assert.deepEqual(task(plan, '2').deliverables, ['Báo cáo UBND tỉnh kết quả thực hiện']);
    assert.deepEqual(task(plan, '3.1').deliverables, [
      'Kế hoạch (hoặc lồng ghép) kế hoạch phát triển kinh tế - xã hội của tỉnh',
    ]);
    assert.deepEqual(task(plan, '3.2').deliverables, [
      'Tiêu chuẩn, quy chuẩn kỹ thuật',
      'tài liệu hướng dẫn',
      'các chính sách khuyến khích phát triển trí tuệ nhân tạo an toàn, tin cậy và có trách nhiệm',
    ]);
    assert.deepEqual(task(plan, '4').deliverables, ['Cơ sở dữ liệu phục vụ trí tuệ nhân tạo tỉnh Thanh Hóa']);
    assert.deepEqual(task(plan, '5').deliverables, ['Văn bản đôn đốc', 'hướng dẫn']);
  });

  it('keeps field labels and source lines', () => {
    assert.deepEqual(task(plan, '2').labels, {
      content: 'Nội dung',
      lead: 'Cơ quan chủ trì',
      coordinators: 'Cơ quan phối hợp',
      timeframe: 'Thời gian thực hiện',
      deliverables: 'Sản phẩm',
    });
    assert.equal(task(plan, '1').line, 37);
  });

  it('reads recipients and the signature', () => {
    assert.deepEqual(plan.document.recipients, [
      'Bộ Khoa học và Công nghệ',
      'Chủ tịch, các PCT UBND tỉnh',
      'Các sở, ban, ngành, đơn vị cấp tỉnh',
      'UBND các xã, phường',
      'Lưu: VT, CNXDKH',
    ]);
    assert.deepEqual(plan.document.signer, {
      authority: 'TM',
      lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
      name: 'Nguyễn Hoài Anh',
    });
  });

  it('places every line', () => {
    assert.deepEqual(plan.unplaced, []);
  });
});

describe('import: ward seed (.md)', () => {
  let plan: PlanDraft;
  before(async () => {
    plan = await importFixture(WARD);
  });

  it('has no header: nothing invented, the issuer read from the opening and flagged', () => {
    const d = plan.document;
    assert.equal(d.type, 'KH');
    assert.deepEqual([d.number, d.symbol, d.date, d.year, d.place], [null, null, null, null, null]);
    assert.equal(
      d.title,
      'Triển khai thi hành Luật sửa đổi, bổ sung một số điều của Luật Chuyển giao công nghệ trên địa bàn phường Nam Sâm Sơn',
    );
    assert.equal(d.issuer?.text, 'Ủy ban nhân dân phường Nam Sâm Sơn');
    assert.equal(d.issuer?.unitCode, '16516');
    assert.ok((d.issuer?.confidence ?? 1) < 0.9);
    assert.ok(plan.findings.some((f) => f.code === 'import.header.missing' && f.severity === 'warning'));
    assert.ok(plan.findings.some((f) => f.code === 'import.header.issuerInferred'));
  });

  it('reads the basis: the province plan it implements', () => {
    assert.deepEqual(plan.document.basis, [
      {
        kind: 'implements',
        documentType: 'KH',
        number: '129',
        symbol: 'KH-UBND',
        date: '2026-05-04',
        issuer: 'UBND tỉnh Thanh Hóa',
        title: 'triển khai thi hành Luật Trí tuệ Nhân tạo trên địa bàn tỉnh Thanh Hóa',
        text: 'Kế hoạch số 129/KH-UBND ngày 04/5/2026 của UBND tỉnh Thanh Hóa về việc triển khai thi hành Luật Trí tuệ Nhân tạo trên địa bàn tỉnh Thanh Hóa',
      },
    ]);
  });

  it('reads sections from Markdown headings and bold lines', () => {
    assert.deepEqual(
      plan.sections.map((s) => [s.kind, s.number]),
      [
        ['purpose', 'I'],
        ['content', 'II'],
        ['budget', 'III'],
        ['organisation', 'IV'],
      ],
    );
    const org = plan.sections[3]!.blocks;
    assert.deepEqual(
      org.map((b) => b.label),
      ['1', '2', '3', null],
    );
    assert.match(org[0]!.text, /đảm đúng tiến độ, chất lượng, hiệu quả\. Định kỳ/, 'joined across the blank line');
  });

  it('reads the six tasks with relative unit names resolved inside the ward', () => {
    assert.deepEqual(
      plan.tasks.map((t) => [t.number, t.groupNumber]),
      [
        ['1', null],
        ['2', null],
        ['3.1', '3'],
        ['3.2', '3'],
        ['4', null],
        ['5', null],
      ],
    );
    assert.deepEqual(
      plan.groups.map((g) => g.number),
      ['3'],
    );
    for (const t of plan.tasks) {
      assert.deepEqual(units(t.lead), [['Phòng Văn hóa - Xã hội phường', '16516.PVHXH']], t.number);
    }
    assert.deepEqual(units(task(plan, '1').coordinators), [
      ['Các phòng, ban, ngành', 'group'],
      ['Trung tâm cung ứng dịch vụ công phường', null],
      ['các tổ dân phố', 'group'],
      ['các đơn vị có liên quan', 'group'],
    ]);
    assert.deepEqual(units(task(plan, '3.1').coordinators), [
      ['Phòng Kinh tế, Hạ tầng và Đô thị', '16516.PKTHTĐT'],
      ['các cơ quan, tổ chức có liên quan', 'group'],
    ]);
    assert.deepEqual(units(task(plan, '4').coordinators), [
      ['Công an phường', '16516.CA'],
      ['các cơ quan, đơn vị liên quan', 'group'],
    ]);
  });

  it('reads labels as written ("Đơn vị chủ trì" in task 1, "Cơ quan chủ trì" after)', () => {
    assert.equal(task(plan, '1').labels?.lead, 'Đơn vị chủ trì');
    assert.equal(task(plan, '2').labels?.lead, 'Cơ quan chủ trì');
  });

  it('joins the page-broken deliverable of task 3.1 and splits the others', () => {
    assert.deepEqual(task(plan, '3.1').deliverables, [
      'Kế hoạch (hoặc lồng ghép) kế hoạch phát triển kinh tế - xã hội của phường',
    ]);
    assert.deepEqual(task(plan, '1').deliverables, [
      'Hội nghị',
      'tọa đàm',
      'tài liệu phổ biến',
      'tài liệu truyền thông',
      'phóng sự',
      'các tin',
      'bài đăng trên các nền tảng số',
      'trang mạng xã hội',
    ]);
    assert.deepEqual(task(plan, '4').deliverables, [
      'Cung cấp thông tin Cơ sở dữ liệu phục vụ trí tuệ nhân tạo tỉnh Thanh Hóa',
    ]);
    assert.deepEqual(task(plan, '2').timeframe.schedule, CONTINUOUS);
    assert.deepEqual(task(plan, '3.2').timeframe.schedule, YEARLY_FROM_2026);
  });

  it('reads recipients and a KT. signature', () => {
    assert.deepEqual(plan.document.recipients, [
      'TTr. Đảng ủy phường (b/c)',
      'Chủ tịch UBND phường (b/c)',
      'Ủy ban MTTQ và các đoàn thể (P/h)',
      'Các phòng, đơn vị trực thuộc UBND phường (t/h)',
      'Hội Doanh nghiệp phường',
      'Các tổ dân phố',
      'Lưu: VT, VHXH',
    ]);
    assert.deepEqual(plan.document.signer, {
      authority: 'KT',
      lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
      name: 'Phạm Xuân Trường',
    });
  });

  it('places every line; unknown units are findings with their confidence', () => {
    assert.deepEqual(plan.unplaced, []);
    const f = plan.findings.find((x) => x.code === 'import.unit.unresolved');
    assert.ok(f);
    assert.equal(f.location.task, '1');
    assert.equal(f.location.field, 'coordinators');
    assert.equal(
      f.message,
      'Nhiệm vụ 1: không tìm thấy "Trung tâm cung ứng dịch vụ công phường" trong danh mục đơn vị.',
      'no "độ tin cậy 0.00": a number the web shows as a Vietnamese percentage, and none when nothing matched',
    );
  });
});

describe('import: corpus layouts', () => {
  it('Lạng Sơn: header on separate lines, upper-case title', async () => {
    const plan = await importCorpus('plan-langson-chien-luoc-tri-tue-nhan-tao.txt');
    const d = plan.document;
    assert.deepEqual([d.type, d.number, d.symbol, d.date, d.place], ['KH', '105', 'KH-UBND', '2021-05-06', 'Lạng Sơn']);
    assert.equal(d.issuer?.text, 'ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN');
    assert.equal(d.issuer?.unitCode, '20', 'Lạng Sơn itself, never Thanh Hóa');
    assert.equal(
      d.title,
      'TRIỂN KHAI THỰC HIỆN CHIẾN LƯỢC QUỐC GIA VỀ NGHIÊN CỨU, PHÁT TRIỂN VÀ ỨNG DỤNG TRÍ TUỆ NHÂN TẠO TRÊN ĐỊA BÀN TỈNH LẠNG SƠN ĐẾN NĂM 2030',
    );
    assert.deepEqual(
      d.basis.map((b) => [b.kind, b.documentType, b.number, b.symbol, b.date, b.issuer]),
      [
        ['implements', 'QĐ', '127', 'QĐ-TTg', '2021-01-26', 'Thủ tướng Chính phủ'],
        ['implements', 'CV', '505', 'BKHCN-CNC', '2021-03-12', 'Bộ Khoa học và Công nghệ'],
      ],
    );
    assert.equal(
      d.basis[1]!.title,
      'triển khai Chiến lược quốc gia về nghiên cứu, phát triển và ứng dụng TTNT đến năm 2030',
    );
  });

  it('Sơn La: hard-wrapped lines and a header split into columns', async () => {
    const plan = await importCorpus('plan-sonla-chien-luoc-du-lieu.txt');
    const d = plan.document;
    assert.deepEqual([d.number, d.symbol, d.date, d.place], ['210', 'KH-UBND', '2024-10-08', 'Sơn La']);
    assert.equal(d.issuer?.text, 'ỦY BAN NHÂN DÂN TỈNH SƠN LA');
    assert.equal(d.title, 'TRIỂN KHAI THỰC HIỆN CHIẾN LƯỢC DỮ LIỆU QUỐC GIA ĐẾN NĂM 2030');
    assert.deepEqual(
      d.basis.map((b) => [b.documentType, b.number, b.symbol, b.date, b.issuer, b.title]),
      [
        [
          'QĐ',
          '142',
          'QĐ-TTg',
          '2024-02-02',
          'Thủ tướng Chính phủ',
          'phê duyệt Chiến lược dữ liệu quốc gia đến năm 2030',
        ],
      ],
    );
    assert.deepEqual(
      plan.sections.map((s) => s.heading),
      ['MỤC ĐÍCH, YÊU CẦU'],
      'heading split over two lines',
    );
    assert.match(
      plan.sections[0]!.blocks[1]!.text,
      /^Cụ thể hóa và triển khai thực hiện có hiệu quả .* kinh tế - xã hội của tỉnh Sơn La\.$/,
    );
  });

  it('Thanh Hóa 130: pipe-rendered two-column header', async () => {
    const plan = await importCorpus('plan-thanhhoa-phong-trao-thi-dua-dmst-cds.txt');
    const d = plan.document;
    assert.deepEqual([d.number, d.symbol, d.date, d.place], ['130', 'KH-UBND', '2025-06-27', 'Thanh Hóa']);
    assert.equal(
      d.title,
      'TRIỂN KHAI PHONG TRÀO THI ĐUA “CẢ NƯỚC THI ĐUA ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ” TRÊN ĐỊA BÀN TỈNH THANH HÓA',
    );
    // The header only says "ỦY BAN NHÂN DÂN"; the opening names the province.
    assert.equal(d.issuer?.unitCode, '38');
    assert.deepEqual(
      d.basis.map((b) => [b.documentType, b.number, b.symbol, b.date]),
      [['QĐ', '923', 'QĐ-TTg', '2025-05-14']],
    );
    assert.equal(
      d.basis[0]!.title,
      'ban hành Kế hoạch triển khai Phong trào thi đua “Cả nước thi đua đổi mới sáng tạo và chuyển đổi số”',
    );
  });

  it('Kon Tum: no header at all', async () => {
    const plan = await importCorpus('plan-kontum-chien-luoc-tri-tue-nhan-tao-2025-2030.txt');
    const d = plan.document;
    assert.deepEqual([d.number, d.symbol, d.date, d.place, d.title], [null, null, null, null, '']);
    assert.deepEqual(
      d.basis.map((b) => [b.documentType, b.number, b.symbol, b.date]),
      [['QĐ', '127', 'QĐ-TTg', '2021-01-26']],
    );
    assert.ok(plan.findings.some((f) => f.code === 'import.header.missing'));
    assert.ok(plan.findings.some((f) => f.code === 'import.header.titleMissing'));
    assert.deepEqual(
      plan.sections.map((s) => [s.kind, s.number]),
      [
        ['purpose', 'I'],
        ['other', 'II'],
      ],
    );
  });

  it('Vĩnh Long: a Quyết định issuing the plan', async () => {
    const plan = await importCorpus('plan-vinhlong-chien-luoc-tri-tue-nhan-tao.txt');
    const d = plan.document;
    assert.equal(d.type, 'KH');
    assert.deepEqual([d.number, d.symbol, d.date, d.place], ['1425', 'QĐ-UBND', '2022-07-14', 'Vĩnh Long']);
    assert.equal(d.issuer?.text, 'ỦY BAN NHÂN DÂN TỈNH VĨNH LONG');
    assert.equal(
      d.title,
      'TRIỂN KHAI THỰC HIỆN CHIẾN LƯỢC QUỐC GIA VỀ NGHIÊN CỨU, PHÁT TRIỂN VÀ ỨNG DỤNG TRÍ TUỆ NHÂN TẠO ĐẾN NĂM 2030 TRÊN ĐỊA BÀN TỈNH VĨNH LONG',
    );
    assert.deepEqual(
      d.basis.map((b) => [b.kind, b.documentType, b.number, b.date]),
      [
        ['legalBasis', 'Luật', null, '2015-06-19'],
        ['legalBasis', 'Luật', null, '2019-11-22'],
        ['legalBasis', 'QĐ', '127', '2021-01-26'],
        ['proposedBy', 'TTr', '283', '2022-04-01'],
      ],
    );
    assert.equal(d.basis[3]!.issuer, 'Giám đốc Sở Khoa học và Công nghệ');
    const decision = plan.sections.find((s) => s.heading === 'QUYẾT ĐỊNH');
    assert.deepEqual(
      decision?.blocks.map((b) => b.label),
      ['Điều 1', 'Điều 2', 'Điều 3', null],
    );
    assert.ok(plan.findings.some((f) => f.code === 'import.issuedByDecision'));
    assert.equal(d.recipients[0], 'Như Điều 3');
  });

  it('Thủ tướng: decision, signature, then the plan with its own title', async () => {
    const plan = await importCorpus('plan-thutuong-luat-du-lieu.txt');
    const d = plan.document;
    assert.deepEqual([d.type, d.number, d.symbol, d.date], ['KH', '75', 'QĐ-TTg', '2025-01-11']);
    assert.equal(d.title, 'TRIỂN KHAI THI HÀNH LUẬT DỮ LIỆU');
    assert.equal(d.issuer?.unitCode, 'TW.TTg');
    assert.deepEqual(
      d.basis.map((b) => [b.kind, b.documentType, b.title]),
      [
        ['legalBasis', 'Luật', 'Luật Tổ chức Chính phủ'],
        [
          'legalBasis',
          'Luật',
          'Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương',
        ],
        ['legalBasis', 'Luật', 'Luật Dữ liệu'],
        ['proposedBy', null, null],
      ],
    );
    assert.equal(d.basis[3]!.issuer, 'Bộ trưởng Bộ Công an');
    assert.deepEqual(d.signer, { authority: 'KT', lines: ['KT. THỦ TƯỚNG', 'PHÓ THỦ TƯỚNG'], name: 'Nguyễn Hòa Bình' });
    assert.equal(d.recipients.length, 16);
    // The excerpt ends mid-sentence: the marker is reported, not dropped.
    assert.deepEqual(
      plan.unplaced.map((u) => u.text),
      ['[TRUNCATED]'],
    );
  });
});

describe('import: lines', () => {
  it('joins hard-wrapped lines and page-break artefacts, keeps source line numbers', () => {
    const lines = textLines('a) Sản phẩm: kinh tế - xã\n\nhội của phường.\nb) Tiếp theo', 'txt');
    assert.deepEqual(
      lines.map((l) => [l.lines, l.text]),
      [
        [[1, 3], 'a) Sản phẩm: kinh tế - xã hội của phường.'],
        [[4], 'b) Tiếp theo'],
      ],
    );
  });

  it('reports a line it cannot place, with a reason', async () => {
    const source = readFixture(PROVINCE).replace(
      'I. MỤC ĐÍCH, YÊU CẦU',
      'Dòng lạc giữa văn bản\n\nI. MỤC ĐÍCH, YÊU CẦU',
    );
    const plan = await importPlan({ filename: 'x.txt', content: source }, referenceDirectory());
    assert.equal(plan.unplaced.length, 1);
    assert.equal(plan.unplaced[0]!.text, 'Dòng lạc giữa văn bản');
    assert.equal(plan.unplaced[0]!.line, 13);
    assert.ok(plan.unplaced[0]!.reason.length > 0);
  });
});

describe('import: other task layouts', () => {
  it('reads lettered sub-tasks with their own fields, and several fields on one line', async () => {
    const txt = [
      'KẾ HOẠCH',
      'Tuyên truyền pháp luật năm 2026',
      '',
      'I. NỘI DUNG, NHIỆM VỤ',
      '1. Công tác tuyên truyền',
      'a) Tổ chức hội nghị phổ biến Luật',
      '- Cơ quan chủ trì: Sở Tư pháp; cơ quan phối hợp: Sở Nội vụ, Công an tỉnh.',
      '- Thời gian: Quý III/2026.',
      '- Sản phẩm: Hội nghị.',
      'b) Biên soạn tài liệu hỏi - đáp',
      '- Cơ quan chủ trì: Sở Tư pháp.',
      '- Thời hạn hoàn thành: Trước ngày 30/9/2026.',
      '- Kết quả: Tài liệu hỏi - đáp.',
    ].join('\n');
    const plan = await importPlan({ filename: 'kh.txt', content: txt }, referenceDirectory());
    assert.deepEqual(plan.groups, [{ number: '1', title: 'Công tác tuyên truyền' }]);
    assert.deepEqual(
      plan.tasks.map((t) => [t.number, t.groupNumber, t.title]),
      [
        ['1.a', '1', 'Tổ chức hội nghị phổ biến Luật'],
        ['1.b', '1', 'Biên soạn tài liệu hỏi - đáp'],
      ],
    );
    const [a, b] = plan.tasks as [Task, Task];
    assert.deepEqual(units(a.lead), [['Sở Tư pháp', '38.STP']]);
    assert.deepEqual(units(a.coordinators), [
      ['Sở Nội vụ', '38.SNV'],
      ['Công an tỉnh', '38.CAT'],
    ]);
    assert.deepEqual(a.labels, {
      lead: 'Cơ quan chủ trì',
      coordinators: 'cơ quan phối hợp',
      timeframe: 'Thời gian',
      deliverables: 'Sản phẩm',
    });
    assert.deepEqual(b.timeframe.schedule?.dueDates, ['2026-09-30']);
    assert.deepEqual(b.deliverables, ['Tài liệu hỏi - đáp']);
    assert.deepEqual(plan.unplaced, []);
  });
});

describe('import: task tables', () => {
  it('reads a Markdown table', async () => {
    const md = [
      '## KẾ HOẠCH',
      '',
      '### Tuyên truyền Luật Trí tuệ nhân tạo năm 2026',
      '',
      '#### I. NHIỆM VỤ',
      '',
      '| STT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm |',
      '|---|---|---|---|---|---|',
      '| 1 | Tổ chức hội nghị quán triệt Luật | Phòng Văn hóa - Xã hội | Công an phường<br>các tổ dân phố | Quý II/2026 | Hội nghị |',
      '| 2 | Cập nhật thông tin lên Cổng thông tin điện tử | Văn phòng HĐND và UBND | | Trước ngày 15/12 hằng năm | Tin, bài |',
    ].join('\n');
    const plan = await importPlan({ filename: 'kh.md', content: md }, referenceDirectory());
    assert.deepEqual(
      plan.tasks.map((t) => t.number),
      ['1', '2'],
    );
    const [t1, t2] = plan.tasks as [Task, Task];
    assert.equal(t1.title, 'Tổ chức hội nghị quán triệt Luật');
    assert.deepEqual(
      units(t1.coordinators).map(([text]) => text),
      ['Công an phường', 'các tổ dân phố'],
    );
    assert.deepEqual(t1.timeframe.schedule, {
      kind: 'period',
      start: '2026-04-01',
      end: '2026-06-30',
      recurrence: null,
      dueDay: null,
      dueDates: [],
    });
    assert.deepEqual(t2.timeframe.schedule?.dueDay, { month: 12, day: 15 });
    assert.deepEqual(t2.deliverables, ['Tin', 'bài']);
    assert.deepEqual(t2.coordinators, []);
  });

  it('reads an HTML table with a two-row header and a group row', async () => {
    const html = `<html><body>
<p><strong>KẾ HOẠCH</strong></p>
<p><strong>Triển khai thi hành Luật Trí tuệ nhân tạo trên địa bàn phường Nam Sầm Sơn</strong></p>
<p>Thực hiện Kế hoạch số 129/KH-UBND ngày 04/5/2026 của UBND tỉnh Thanh Hóa; Ủy ban nhân dân phường Nam Sầm Sơn ban hành Kế hoạch như sau:</p>
<h2>I. NHIỆM VỤ, GIẢI PHÁP</h2>
<table>
<tr><th rowspan="2">TT</th><th rowspan="2">Nhiệm vụ</th><th colspan="2">Cơ quan thực hiện</th><th rowspan="2">Sản phẩm</th><th rowspan="2">Thời gian</th><th rowspan="2">Ghi chú</th></tr>
<tr><th>Chủ trì</th><th>Phối hợp</th></tr>
<tr><td colspan="7">I. Tuyên truyền, phổ biến</td></tr>
<tr><td>1</td><td>Tổ chức tuyên truyền Luật trên hệ thống loa truyền thanh</td><td>Phòng Văn hóa - Xã hội</td><td><p>Công an phường</p><p>Các tổ dân phố</p></td><td>Tin, bài tuyên truyền</td><td>Thường xuyên</td><td></td></tr>
<tr><td colspan="7">II. Cơ sở dữ liệu</td></tr>
<tr><td>2</td><td>Cung cấp dữ liệu cho Cơ sở dữ liệu phục vụ trí tuệ nhân tạo tỉnh</td><td>Công an phường</td><td>Phòng Kinh tế, Hạ tầng và Đô thị</td><td>Bộ dữ liệu</td><td>Trước ngày 30/9/2026</td><td>Theo hướng dẫn của Sở</td></tr>
</table>
</body></html>`;
    const plan = await importPlan({ filename: 'kh.html', content: html }, referenceDirectory());
    assert.equal(plan.document.issuer?.unitCode, '16516');
    assert.deepEqual(plan.groups, [
      { number: 'I', title: 'Tuyên truyền, phổ biến' },
      { number: 'II', title: 'Cơ sở dữ liệu' },
    ]);
    assert.deepEqual(
      plan.tasks.map((t) => [t.number, t.groupNumber]),
      [
        ['1', 'I'],
        ['2', 'II'],
      ],
    );
    const [t1, t2] = plan.tasks as [Task, Task];
    assert.deepEqual(units(t1.lead), [['Phòng Văn hóa - Xã hội', '16516.PVHXH']]);
    assert.deepEqual(units(t1.coordinators), [
      ['Công an phường', '16516.CA'],
      ['Các tổ dân phố', 'group'],
    ]);
    assert.deepEqual(t1.timeframe.schedule?.kind, 'continuous');
    assert.deepEqual(units(t2.lead), [['Công an phường', '16516.CA']]);
    assert.deepEqual(units(t2.coordinators), [['Phòng Kinh tế, Hạ tầng và Đô thị', '16516.PKTHTĐT']]);
    assert.equal(t2.notes, 'Theo hướng dẫn của Sở');
    assert.deepEqual(t2.timeframe.schedule?.dueDates, ['2026-09-30']);
    assert.equal(t2.labels?.lead, 'Cơ quan thực hiện Chủ trì');
    assert.deepEqual(plan.unplaced, []);
  });

  it('reads a DOCX with a header table and a task table (through mammoth)', async () => {
    const cell = (...paragraphs: string[]) => new TableCell({ children: paragraphs.map((p) => new Paragraph(p)) });
    const row = (...cells: string[]) => new TableRow({ children: cells.map((c) => cell(...c.split('\n'))) });
    const spanning = (text: string) =>
      new TableRow({ children: [new TableCell({ columnSpan: 7, children: [new Paragraph(text)] })] });
    const bold = (text: string) => new Paragraph({ children: [new TextRun({ text, bold: true })] });
    const doc = new Document({
      sections: [
        {
          children: [
            new Table({
              rows: [
                new TableRow({
                  children: [
                    cell('UBND TỈNH THANH HÓA', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', '-------'),
                    cell('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'),
                  ],
                }),
                new TableRow({ children: [cell('Số: 15/KH-SKHCN'), cell('Thanh Hóa, ngày 12 tháng 5 năm 2026')] }),
              ],
            }),
            bold('KẾ HOẠCH'),
            bold('Tuyên truyền, phổ biến Luật Trí tuệ nhân tạo năm 2026'),
            new Paragraph(
              'Thực hiện Kế hoạch số 129/KH-UBND ngày 04/5/2026 của UBND tỉnh Thanh Hóa về việc triển khai thi hành Luật Trí tuệ Nhân tạo trên địa bàn tỉnh Thanh Hóa, Sở Khoa học và Công nghệ ban hành Kế hoạch như sau:',
            ),
            bold('I. MỤC ĐÍCH, YÊU CẦU'),
            new Paragraph('Phổ biến kịp thời nội dung của Luật.'),
            bold('II. NHIỆM VỤ CỤ THỂ'),
            new Paragraph('Chi tiết tại bảng sau:'),
            new Table({
              rows: [
                row(
                  'STT',
                  'Nhiệm vụ',
                  'Đơn vị chủ trì',
                  'Đơn vị phối hợp',
                  'Thời gian hoàn thành',
                  'Sản phẩm',
                  'Ghi chú',
                ),
                spanning('I. Công tác tuyên truyền'),
                row(
                  '1',
                  'Tổ chức hội nghị phổ biến Luật Trí tuệ nhân tạo',
                  'Sở KH&CN',
                  'Sở Tư pháp\nCông an tỉnh',
                  'Quý II/2026',
                  'Hội nghị; tài liệu hội nghị',
                  '',
                ),
                row(
                  '2',
                  'Xây dựng chuyên mục trên Cổng thông tin điện tử',
                  'Sở Khoa học và Công nghệ',
                  'Các sở, ban, ngành',
                  'Trước ngày 30/6/2026',
                  'Chuyên mục',
                  'Duy trì hằng năm',
                ),
                spanning('II. Xây dựng cơ sở dữ liệu'),
                row(
                  '3',
                  'Xây dựng Cơ sở dữ liệu phục vụ trí tuệ nhân tạo',
                  'Sở Khoa học và Công nghệ',
                  'Công an tỉnh',
                  'Năm 2026 và các năm tiếp theo',
                  'Cơ sở dữ liệu',
                  '',
                ),
              ],
            }),
            bold('III. TỔ CHỨC THỰC HIỆN'),
            new Paragraph('Các phòng chủ động triển khai./.'),
            new Paragraph('Nơi nhận:'),
            new Paragraph('- UBND tỉnh (b/c);'),
            new Paragraph('- Lưu: VT.'),
            new Paragraph('KT. GIÁM ĐỐC'),
            new Paragraph('PHÓ GIÁM ĐỐC'),
            new Paragraph('Lê Văn Minh'),
          ],
        },
      ],
    });
    const plan = await importPlan(
      { filename: 'ke-hoach.docx', content: await Packer.toBuffer(doc) },
      referenceDirectory(),
    );
    const d = plan.document;
    assert.deepEqual(
      [d.number, d.symbol, d.date, d.place, d.title],
      ['15', 'KH-SKHCN', '2026-05-12', 'Thanh Hóa', 'Tuyên truyền, phổ biến Luật Trí tuệ nhân tạo năm 2026'],
    );
    assert.equal(d.issuer?.unitCode, '38.SKHCN');
    assert.equal(d.issuerParent, 'UBND TỈNH THANH HÓA');
    assert.deepEqual(
      d.basis.map((b) => [b.documentType, b.number]),
      [['KH', '129']],
    );
    assert.deepEqual(
      plan.groups.map((g) => g.number),
      ['I', 'II'],
    );
    assert.deepEqual(
      plan.tasks.map((t) => [t.number, t.groupNumber]),
      [
        ['1', 'I'],
        ['2', 'I'],
        ['3', 'II'],
      ],
    );
    const t1 = plan.tasks[0]!;
    assert.deepEqual(units(t1.lead), [['Sở KH&CN', '38.SKHCN']]);
    assert.deepEqual(units(t1.coordinators), [
      ['Sở Tư pháp', '38.STP'],
      ['Công an tỉnh', '38.CAT'],
    ]);
    assert.deepEqual(t1.deliverables, ['Hội nghị', 'tài liệu hội nghị']);
    assert.equal(plan.tasks[1]!.notes, 'Duy trì hằng năm');
    assert.deepEqual(d.signer, { authority: 'KT', lines: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], name: 'Lê Văn Minh' });
    assert.deepEqual(d.recipients, ['UBND tỉnh (b/c)', 'Lưu: VT']);
    assert.deepEqual(plan.unplaced, []);
  });
});

describe('import output and the JSON Schema', () => {
  const schemaFile = new URL('../../schemas/plan.schema.json', import.meta.url);

  it('schemas/plan.schema.json is the one generated from src/domain/plan/schema.ts', () => {
    assert.deepEqual(JSON.parse(readFileSync(schemaFile, 'utf8')), JSON.parse(JSON.stringify(planJsonSchema())));
  });

  it('the seeds and corpus samples validate against the JSON Schema file', async () => {
    const schema = z.fromJSONSchema(JSON.parse(readFileSync(schemaFile, 'utf8')));
    const plans = [
      await importFixture(PROVINCE),
      await importFixture(WARD),
      ...(await Promise.all(
        [
          'plan-kontum-chien-luoc-tri-tue-nhan-tao-2025-2030.txt',
          'plan-langson-chien-luoc-tri-tue-nhan-tao.txt',
          'plan-sonla-chien-luoc-du-lieu.txt',
          'plan-thanhhoa-phong-trao-thi-dua-dmst-cds.txt',
          'plan-thutuong-luat-du-lieu.txt',
          'plan-vinhlong-chien-luoc-tri-tue-nhan-tao.txt',
        ].map(importCorpus),
      )),
    ];
    for (const plan of plans) {
      const result = schema.safeParse(JSON.parse(JSON.stringify(plan)));
      assert.ok(result.success, JSON.stringify(result.error?.issues.slice(0, 3)));
    }
    const broken = JSON.parse(JSON.stringify(plans[0])) as { tasks: Array<{ lead: Array<{ confidence: number }> }> };
    broken.tasks[0]!.lead[0]!.confidence = 2;
    assert.equal(schema.safeParse(broken).success, false);
  });
});
