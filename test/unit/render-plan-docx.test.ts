import assert from 'node:assert/strict';
import { access } from 'node:fs/promises';
import { before, describe, it } from 'node:test';
import {
  convertWithLibreOffice,
  hasTool,
  inspectDocx,
  pdfFonts,
  pdfInfo,
  pdfPageToPng,
  pdfText,
  runs,
  type DocxSummary,
  type RunInfo,
} from '../../src/documents/render/docx-inspect.ts';
import {
  END_MARKER,
  HEADER_COLUMNS,
  CELL_MARGIN,
  balanceLines,
  bodyParagraphs,
  headerTable,
  kinhGuiBlock,
  nameInRunningText,
  nd30Document,
  packDocx,
  signatureTable,
  QUOC_HIEU,
  TIEU_NGU,
  formatIssueDate,
  formatNumberLine,
  formatPlaceDate,
  issuerLines,
  noiNhanLines,
  pointLabel,
  romanNumeral,
  textWidthTwips,
  withEndMarker,
} from '../../src/documents/render/nd30.ts';
import {
  basisClause,
  buildPlanDocument,
  issuerPhrase,
  joinUnits,
  planBodyItems,
  renderPlanDocx,
} from '../../src/documents/render/plan-docx.ts';
import type { UnitRef } from '../../src/domain/plan/model.ts';
import {
  PROVINCE_RENDER_OPTIONS,
  PROVINCE_TASK_LEADS,
  datedProvincePlan,
  provincePlan,
} from '../fixtures/province-plan.ts';

const OPENING =
  'Thực hiện Quyết định số 367/QĐ-TTg ngày 28/02/2026 của Thủ tướng Chính phủ về việc ban hành Kế hoạch triển khai thi hành Luật Trí tuệ Nhân tạo; trên cơ sở tham mưu đề xuất của Sở Khoa học và Công nghệ tại Tờ trình số 1241/TTr-SKH-CN ngày 03/4/2026, Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai thực hiện như sau:';

function runWithText(s: DocxSummary, text: string): RunInfo {
  const r = s.runs.find((x) => x.text === text);
  assert.ok(r, `no run with text "${text}"`);
  return r;
}

describe('nd30 helpers', () => {
  it('writes dates with the leading zeros of the decree (day < 10, months 1 and 2)', () => {
    assert.equal(formatIssueDate('2026-05-04', 2026), 'ngày 04 tháng 5 năm 2026');
    assert.equal(formatIssueDate('2026-02-28', 2026), 'ngày 28 tháng 02 năm 2026');
    assert.equal(formatIssueDate('2020-01-05', null), 'ngày 05 tháng 01 năm 2020');
    assert.equal(formatIssueDate('2026-12-01', null), 'ngày 01 tháng 12 năm 2026');
    assert.equal(formatIssueDate('2026-03-15', null), 'ngày 15 tháng 3 năm 2026');
    assert.match(formatIssueDate(null, 2026), /^ngày +tháng +năm 2026$/);
    assert.equal(formatPlaceDate('Thanh Hóa', '2026-05-04', 2026), 'Thanh Hóa, ngày 04 tháng 5 năm 2026');
  });

  it('writes the number with a leading zero below 10, or blanks when not numbered', () => {
    assert.equal(formatNumberLine('05', 'KH-UBND'), 'Số: 05/KH-UBND');
    assert.equal(formatNumberLine('5', 'KH-UBND'), 'Số: 05/KH-UBND');
    assert.equal(formatNumberLine('129', 'KH-UBND'), 'Số: 129/KH-UBND');
    assert.match(formatNumberLine(null, 'KH-UBND'), /^Số: {4,}\/KH-UBND$/);
  });

  it('letters points in Vietnamese alphabet order, without f', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(pointLabel), [
      'a',
      'b',
      'c',
      'd',
      'đ',
      'e',
      'g',
      'h',
      'i',
      'k',
    ]);
    assert.deepEqual([1, 2, 3, 4, 9].map(romanNumeral), ['I', 'II', 'III', 'IV', 'IX']);
  });

  it('ends the body with "./." exactly once', () => {
    assert.equal(withEndMarker('theo quy định.'), 'theo quy định./.');
    assert.equal(withEndMarker('theo quy định'), 'theo quy định./.');
    assert.equal(withEndMarker('theo quy định./.'), 'theo quy định./.');
  });

  it('formats Nơi nhận with "- …;" lines and the archive line last', () => {
    assert.deepEqual(noiNhanLines(['- Lưu: VT, CNXDKH.', 'Bộ Khoa học và Công nghệ;', 'UBND các xã, phường']), [
      '- Bộ Khoa học và Công nghệ;',
      '- UBND các xã, phường;',
      '- Lưu: VT, CNXDKH.',
    ]);
    assert.deepEqual(noiNhanLines(['Như trên']), ['- Như trên;', '- Lưu: VT.']);
  });

  it('splits committee names into their two header lines', () => {
    assert.deepEqual(issuerLines('Ủy ban nhân dân tỉnh Thanh Hóa'), ['ỦY BAN NHÂN DÂN', 'TỈNH THANH HÓA']);
    assert.deepEqual(issuerLines('ỦY BAN NHÂN DÂN PHƯỜNG NAM SẦM SƠN'), ['ỦY BAN NHÂN DÂN', 'PHƯỜNG NAM SẦM SƠN']);
    assert.deepEqual(issuerLines('SỞ KHOA HỌC VÀ CÔNG NGHỆ'), ['SỞ KHOA HỌC VÀ CÔNG NGHỆ']);
    assert.equal(issuerPhrase('ỦY BAN NHÂN DÂN TỈNH THANH HÓA'), 'Ủy ban nhân dân tỉnh');
    assert.equal(issuerPhrase('ỦY BAN NHÂN DÂN PHƯỜNG NAM SẦM SƠN'), 'Ủy ban nhân dân phường Nam Sầm Sơn');
  });

  it('writes header names as running text does (capitals per ND30 Phụ lục II)', () => {
    assert.equal(nameInRunningText('SỞ KHOA HỌC VÀ CÔNG NGHỆ'), 'Sở Khoa học và Công nghệ');
    assert.equal(nameInRunningText('SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH'), 'Sở Văn hóa, Thể thao và Du lịch');
    assert.equal(
      nameInRunningText('PHÒNG VĂN HÓA - XÃ HỘI PHƯỜNG NAM SẦM SƠN'),
      'Phòng Văn hóa - Xã hội phường Nam Sầm Sơn',
    );
    assert.equal(nameInRunningText('UBND TỈNH THANH HÓA'), 'Ủy ban nhân dân tỉnh Thanh Hóa');
    assert.equal(issuerPhrase('SỞ KHOA HỌC VÀ CÔNG NGHỆ'), 'Sở Khoa học và Công nghệ');
  });

  it('breaks a long issuer name into even lines rather than leaving one word alone', () => {
    assert.deepEqual(balanceLines('SỞ KHOA HỌC VÀ CÔNG NGHỆ', HEADER_COLUMNS[0] - 2 * CELL_MARGIN, 13, 'bold'), [
      'SỞ KHOA HỌC',
      'VÀ CÔNG NGHỆ',
    ]);
    assert.deepEqual(balanceLines('TỈNH THANH HÓA', HEADER_COLUMNS[0] - 2 * CELL_MARGIN, 13, 'bold'), [
      'TỈNH THANH HÓA',
    ]);
  });

  it('leaves room for the Quốc hiệu on one line in the right header column', () => {
    const width = textWidthTwips(QUOC_HIEU, 13, 'bold');
    assert.ok(width > 5000 && width < 5600, `measured ${width}`);
    assert.ok(width < HEADER_COLUMNS[1] - 2 * CELL_MARGIN - 100, 'at least 100 twips to spare');
  });

  it('writes each basis with the lead words of its kind', () => {
    const base = { documentType: 'TTr', number: '1241', symbol: 'TTr-SKH-CN', date: '2026-04-03', title: null };
    assert.equal(
      basisClause({
        ...base,
        kind: 'proposedBy',
        issuer: 'Sở Khoa học và Công nghệ',
        text: 'Tờ trình số 1241/TTr-SKH-CN ngày 03/4/2026',
      }),
      'trên cơ sở tham mưu đề xuất của Sở Khoa học và Công nghệ tại Tờ trình số 1241/TTr-SKH-CN ngày 03/4/2026',
    );
    assert.equal(
      basisClause({
        ...base,
        kind: 'proposedBy',
        issuer: 'Sở Khoa học và Công nghệ',
        text: 'Sở Khoa học và Công nghệ tại Tờ trình số 1241/TTr-SKH-CN ngày 03/4/2026',
      }),
      'trên cơ sở tham mưu đề xuất của Sở Khoa học và Công nghệ tại Tờ trình số 1241/TTr-SKH-CN ngày 03/4/2026',
    );
    assert.equal(
      basisClause({
        ...base,
        kind: 'legalBasis',
        documentType: 'Luật',
        issuer: null,
        text: 'Luật Trí tuệ nhân tạo ngày 10 tháng 12 năm 2025',
      }),
      'Căn cứ Luật Trí tuệ nhân tạo ngày 10 tháng 12 năm 2025',
    );
    assert.equal(
      basisClause({ ...base, kind: 'implements', issuer: null, text: 'Thực hiện Công văn số 12/UBND-VX' }),
      'Thực hiện Công văn số 12/UBND-VX',
    );
    assert.equal(
      basisClause({ ...base, kind: 'legalBasis', issuer: null, text: 'Căn cứ Luật Trí tuệ nhân tạo;' }),
      'Căn cứ Luật Trí tuệ nhân tạo',
    );
    assert.equal(
      basisClause({ ...base, kind: 'proposedBy', issuer: null, text: 'Trên cơ sở đề xuất của Sở Tài chính' }),
      'Trên cơ sở đề xuất của Sở Tài chính',
    );
  });

  it('joins units with "và" before a closing generic group', () => {
    const plan = provincePlan();
    const byNumber = new Map(plan.tasks.map((t) => [t.number, t]));
    assert.equal(
      joinUnits(byNumber.get('1')!.coordinators),
      'Các sở, ban, ngành tỉnh, Báo và Phát thanh - Truyền hình Thanh Hóa, UBND các xã, phường và các đơn vị có liên quan',
    );
    assert.equal(joinUnits(byNumber.get('3.1')!.coordinators), 'Sở Tài chính và các cơ quan, tổ chức có liên quan');
  });

  it('writes a group small inside the list, as the cascade makes them (issue 9: "…thuộc UBND phường, Các tổ dân phố")', () => {
    const ref = (text: string, group: boolean): UnitRef => ({
      text,
      unitId: null,
      unitCode: null,
      unitName: null,
      confidence: group ? 0.9 : 1,
      group,
    });
    assert.equal(
      joinUnits([
        ref('Các phòng, ban, đơn vị thuộc UBND phường', true),
        ref('Các tổ dân phố', true),
        ref('Các đơn vị có liên quan', true),
      ]),
      'Các phòng, ban, đơn vị thuộc UBND phường, các tổ dân phố và các đơn vị có liên quan',
    );
    // Names and abbreviations keep their capitals, first or not.
    assert.equal(
      joinUnits([ref('Phòng Văn hóa - Xã hội phường', false), ref('UBND các xã, phường', true)]),
      'Phòng Văn hóa - Xã hội phường và UBND các xã, phường',
    );
  });
});

describe('renderPlanDocx: province plan (undated draft)', () => {
  let s: DocxSummary;
  let renderMs = 0;
  before(async () => {
    const t0 = performance.now();
    const buf = await renderPlanDocx(provincePlan(), PROVINCE_RENDER_OPTIONS);
    renderMs = performance.now() - t0;
    s = await inspectDocx(buf);
  });

  it('renders quickly', () => {
    assert.ok(renderMs < 5000, `${renderMs.toFixed(0)} ms`);
  });

  it('sets A4, ND30 margins and a page number from page 2', () => {
    assert.deepEqual(s.page, { width: 11906, height: 16838, orientation: 'portrait' });
    assert.equal(s.margins.top, 1134);
    assert.equal(s.margins.bottom, 1134);
    assert.equal(s.margins.left, 1701);
    assert.equal(s.margins.right, 850);
    assert.ok(s.titlePage, 'titlePage on: no number on page 1');
    assert.match(s.headers['default'] ?? '', /<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>|w:instr="\s*PAGE/);
    assert.doesNotMatch(s.headers['first'] ?? '', /PAGE/);
    const pageRun = runs(s.headers['default'] ?? '')[0];
    assert.equal(pageRun?.font, 'Times New Roman');
    assert.equal(pageRun?.size, 28);
  });

  it('uses Times New Roman everywhere', () => {
    assert.deepEqual(s.fonts, ['Times New Roman']);
    const textRuns = s.runs.filter((r) => r.text.trim());
    assert.ok(textRuns.length > 50);
    for (const r of textRuns) assert.equal(r.font, 'Times New Roman', r.text);
    assert.match(s.stylesXml, /<w:lang w:val="vi-VN"\/>/);
  });

  it('sizes each element as the decree says', () => {
    assert.deepEqual(runWithText(s, QUOC_HIEU), {
      text: QUOC_HIEU,
      font: 'Times New Roman',
      size: 26,
      bold: true,
      italic: false,
    });
    assert.deepEqual(runWithText(s, TIEU_NGU), {
      text: TIEU_NGU,
      font: 'Times New Roman',
      size: 28,
      bold: true,
      italic: false,
    });
    assert.equal(runWithText(s, 'ỦY BAN NHÂN DÂN').size, 26);
    assert.equal(runWithText(s, 'ỦY BAN NHÂN DÂN').bold, true);
    assert.equal(runWithText(s, 'TỈNH THANH HÓA').bold, true, 'the issuer is its own name: both lines bold');
    const tenLoai = runWithText(s, 'KẾ HOẠCH');
    assert.equal(tenLoai.size, 28);
    assert.equal(tenLoai.bold, true);
    const trichYeu = runWithText(s, 'Triển khai thi hành Luật Trí tuệ Nhân tạo trên địa bàn tỉnh Thanh Hóa');
    assert.equal(trichYeu.size, 28);
    assert.equal(trichYeu.bold, true);
    const label = runWithText(s, 'Nơi nhận:');
    assert.equal(label.size, 24);
    assert.ok(label.bold && label.italic);
    const item = runWithText(s, '- Bộ Khoa học và Công nghệ;');
    assert.equal(item.size, 22);
    assert.equal(item.bold, false);
    assert.equal(runWithText(s, '- Lưu: VT, CNXDKH.').size, 22);
    for (const line of ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Nguyễn Hoài Anh']) {
      const r = runWithText(s, line);
      assert.equal(r.size, 28, line);
      assert.equal(r.bold, true, line);
    }
    const body = runWithText(s, OPENING);
    assert.equal(body.size, 28);
    assert.equal(body.bold, false);
  });

  it('prints the Số and date lines with blanks while not issued', () => {
    const so = runWithText(s, s.paragraphs.find((p) => p.startsWith('Số:'))!);
    assert.match(so.text, /^Số: +\/KH-UBND$/);
    assert.equal(so.size, 26);
    const date = s.runs.find((r) => r.text.startsWith('Thanh Hóa, ngày'));
    assert.ok(date);
    assert.match(date.text, /^Thanh Hóa, ngày +tháng +năm 2026$/);
    assert.equal(date.size, 28);
    assert.equal(date.italic, true);
    assert.equal(date.bold, false);
  });

  it('puts Số and the date in the same table row (same baseline)', () => {
    const rows = [...s.documentXml.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    const row = rows.find((r) => r.includes('Số:'));
    assert.ok(row?.includes('Thanh Hóa, ngày'));
    const header = rows.find((r) => r.includes(QUOC_HIEU));
    assert.ok(header?.includes('TỈNH THANH HÓA'));
    const borders = [...s.documentXml.matchAll(/<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/g)].map((m) => m[1]!);
    assert.equal(borders.length, 2, 'header and signature tables');
    for (const b of borders)
      assert.deepEqual([...new Set([...b.matchAll(/w:val="([^"]+)"/g)].map((m) => m[1]))], ['none'], 'borderless');
    assert.match(s.documentXml, /<w:gridCol w:w="3600"\/><w:gridCol w:w="5755"\/>/);
  });

  it('opens with the basis of the plan', () => {
    assert.ok(s.paragraphs.includes(OPENING));
  });

  it('prints sections I–IV, the task group and every task with its lettered lines', () => {
    for (const h of [
      'I. MỤC ĐÍCH, YÊU CẦU',
      'II. NỘI DUNG KẾ HOẠCH',
      'III. KINH PHÍ THỰC HIỆN',
      'IV. TỔ CHỨC THỰC HIỆN',
      '1. Mục đích',
      '2. Yêu cầu',
    ]) {
      assert.ok(s.paragraphs.includes(h), h);
      assert.equal(runWithText(s, h).bold, true, h);
    }
    const p = s.paragraphs;
    const group = p.indexOf(
      '3. Rà soát, thực hiện các nhiệm vụ quản lý nhà nước được giao trong Luật theo phạm vi nhiệm vụ, quyền hạn được phân công',
    );
    const t31 = p.findIndex((x) => x.startsWith('3.1. Lồng ghép'));
    const t32 = p.findIndex((x) => x.startsWith('3.2. Xây dựng hướng dẫn'));
    assert.ok(group > 0 && group < t31 && t31 < t32, 'group heading before 3.1 and 3.2');
    // The seed's own lines for task 1 and task 2, verbatim.
    const expected = [
      'a) Cơ quan chủ trì: Sở Khoa học và Công nghệ.',
      'b) Cơ quan phối hợp: Các sở, ban, ngành tỉnh, Báo và Phát thanh - Truyền hình Thanh Hóa, UBND các xã, phường và các đơn vị có liên quan.',
      'c) Thời gian thực hiện: Năm 2026 và các năm tiếp theo.',
      'd) Sản phẩm: Hội nghị, tọa đàm, tài liệu phổ biến, tài liệu truyền thông, các bài đăng trên báo, tạp chí, phóng sự.',
      'a) Nội dung: Rà soát các văn bản quy phạm pháp luật có liên quan đến Luật thuộc thẩm quyền quản lý nhà nước được phân công; thực hiện theo thẩm quyền hoặc kiến nghị cấp có thẩm quyền kịp thời sửa đổi, bổ sung, thay thế, bãi bỏ hoặc ban hành mới các văn bản quy phạm pháp luật, đảm bảo tính thống nhất, đồng bộ và phù hợp với quy định của Luật.',
      'đ) Sản phẩm: Báo cáo UBND tỉnh kết quả thực hiện.',
      'd) Sản phẩm: Tiêu chuẩn, quy chuẩn kỹ thuật; tài liệu hướng dẫn; các chính sách khuyến khích phát triển trí tuệ nhân tạo an toàn, tin cậy và có trách nhiệm.',
      'b) Cơ quan phối hợp: Công an tỉnh và các cơ quan, đơn vị liên quan.',
      'd) Thời gian thực hiện: Hàng năm.',
    ];
    for (const line of expected) assert.ok(p.includes(line), line);
    const content = p.indexOf('II. NỘI DUNG KẾ HOẠCH');
    for (const [number, lead] of Object.entries(PROVINCE_TASK_LEADS)) {
      const at = p.findIndex((x, i) => i > content && x.startsWith(`${number}. `));
      assert.ok(at > 0, `task ${number}`);
      assert.ok(
        p.slice(at + 1, at + 3).some((x) => x.endsWith(`Cơ quan chủ trì: ${lead}.`)),
        `task ${number} led by ${lead}`,
      );
    }
    assert.ok(!p.some((x) => /^f\) /.test(x)), 'no point f)');
  });

  it('ends the body with "./." once, before the signature', () => {
    const marked = s.paragraphs.filter((x) => x.includes(END_MARKER));
    assert.equal(marked.length, 1);
    assert.ok(marked[0]!.endsWith('báo cáo Chủ tịch UBND tỉnh, Bộ Khoa học và Công nghệ theo quy định./.'));
    assert.ok(s.paragraphs.indexOf(marked[0]!) < s.paragraphs.indexOf('Nơi nhận:'));
  });

  it('lists Nơi nhận and the signature', () => {
    const p = s.paragraphs;
    const at = p.indexOf('Nơi nhận:');
    assert.deepEqual(p.slice(at + 1, at + 6), [
      '- Bộ Khoa học và Công nghệ;',
      '- Chủ tịch, các PCT UBND tỉnh;',
      '- Các sở, ban, ngành, đơn vị cấp tỉnh;',
      '- UBND các xã, phường;',
      '- Lưu: VT, CNXDKH.',
    ]);
    const tm = p.indexOf('TM. ỦY BAN NHÂN DÂN');
    assert.equal(p[tm + 1], 'CHỦ TỊCH');
    assert.equal(
      p.slice(tm + 2).find((x) => x.trim()),
      'Nguyễn Hoài Anh',
    );
  });

  it('records title, creator and language in the core properties', () => {
    assert.match(
      s.coreXml,
      /<dc:title>Kế hoạch triển khai thi hành Luật Trí tuệ Nhân tạo trên địa bàn tỉnh Thanh Hóa<\/dc:title>/,
    );
    assert.match(s.coreXml, /<dc:creator>Thi Hành<\/dc:creator>/);
    assert.match(s.coreXml, /<dc:language>vi-VN<\/dc:language>/);
  });
});

describe('renderPlanDocx: variants', () => {
  it('prints number and date of an issued plan with the decree zeros', async () => {
    const s = await inspectDocx(await renderPlanDocx(datedProvincePlan(), PROVINCE_RENDER_OPTIONS));
    assert.ok(s.paragraphs.includes('Số: 05/KH-UBND'));
    assert.ok(s.paragraphs.includes('Thanh Hóa, ngày 04 tháng 5 năm 2026'));
  });

  it('heads a ward plan with the ward and names the ward in the opening', async () => {
    const plan = provincePlan();
    plan.document.basis = [];
    const opts = { issuerName: 'ỦY BAN NHÂN DÂN PHƯỜNG NAM SẦM SƠN', placeName: 'Nam Sầm Sơn' };
    const s = await inspectDocx(await renderPlanDocx(plan, opts));
    assert.equal(runWithText(s, 'PHƯỜNG NAM SẦM SƠN').bold, true);
    assert.ok(s.paragraphs.some((p) => p.startsWith('Nam Sầm Sơn, ngày')));
    assert.ok(
      s.paragraphs.includes(
        'Ủy ban nhân dân phường Nam Sầm Sơn ban hành Kế hoạch triển khai thi hành Luật Trí tuệ Nhân tạo trên địa bàn tỉnh Thanh Hóa như sau:',
      ),
    );
  });

  it('drops the date line to 13 pt when a long place name would wrap at 14 pt', async () => {
    const opts = { issuerName: 'ỦY BAN NHÂN DÂN PHƯỜNG ĐÀO DUY TỪ', placeName: 'Phường Đào Duy Từ' };
    const plan = datedProvincePlan();
    plan.document.date = '2026-02-05';
    const s = await inspectDocx(await renderPlanDocx(plan, opts));
    const date = runWithText(s, 'Phường Đào Duy Từ, ngày 05 tháng 02 năm 2026');
    assert.equal(date.size, 26);
    assert.equal(date.italic, true);
  });

  it('prints a cơ quan chủ quản in regular type above a bold issuer', async () => {
    const opts = {
      issuerParentName: 'UBND TỈNH THANH HÓA',
      issuerName: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      placeName: 'Thanh Hóa',
    };
    const s = await inspectDocx(await renderPlanDocx(provincePlan(), opts));
    const parent = runWithText(s, 'UBND TỈNH THANH HÓA');
    assert.equal(parent.bold, false);
    assert.equal(parent.size, 26);
    assert.equal(runWithText(s, 'SỞ KHOA HỌC').bold, true);
    assert.equal(runWithText(s, 'VÀ CÔNG NGHỆ').bold, true);
    assert.ok(
      s.paragraphs.some((p) => p.endsWith('Sở Khoa học và Công nghệ ban hành Kế hoạch triển khai thực hiện như sau:')),
    );
  });

  it('keeps an opening written as text, and marks drafts', async () => {
    const plan = provincePlan();
    plan.sections.unshift({
      kind: 'other',
      number: '',
      heading: '',
      blocks: [
        {
          label: null,
          heading: false,
          text: 'Căn cứ Luật Trí tuệ nhân tạo; Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:',
        },
      ],
    });
    const s = await inspectDocx(await renderPlanDocx(plan, { ...PROVINCE_RENDER_OPTIONS, draft: true }));
    assert.ok(s.paragraphs.includes('Căn cứ Luật Trí tuệ nhân tạo; Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:'));
    assert.ok(s.paragraphs.includes('I. MỤC ĐÍCH, YÊU CẦU'), 'the opening section takes no numeral');
    assert.equal(s.paragraphs[0], 'DỰ THẢO');
  });

  it('keeps task labels as the source wrote them', async () => {
    const plan = provincePlan();
    plan.tasks[0]!.labels = { lead: 'Đơn vị chủ trì', coordinators: 'Đơn vị phối hợp' };
    const s = await inspectDocx(await renderPlanDocx(plan, PROVINCE_RENDER_OPTIONS));
    assert.ok(s.paragraphs.includes('a) Đơn vị chủ trì: Sở Khoa học và Công nghệ.'));
    assert.ok(s.paragraphs.some((p) => p.startsWith('b) Đơn vị phối hợp: Các sở, ban, ngành tỉnh')));
  });

  it('numbers sections by position and builds a content section when missing', () => {
    const plan = provincePlan();
    plan.sections = plan.sections.filter((x) => x.kind !== 'content');
    const items = planBodyItems(plan, PROVINCE_RENDER_OPTIONS);
    const sections = items
      .filter((i) => i.kind === 'section')
      .map((i) => (i.kind === 'section' ? `${i.number}. ${i.title}` : ''));
    assert.deepEqual(sections, [
      'I. MỤC ĐÍCH, YÊU CẦU',
      'II. NỘI DUNG KẾ HOẠCH',
      'III. KINH PHÍ THỰC HIỆN',
      'IV. TỔ CHỨC THỰC HIỆN',
    ]);
    assert.ok(buildPlanDocument(plan, PROVINCE_RENDER_OPTIONS));
  });
});

describe('nd30 primitives in a công văn', () => {
  it('prints V/v under the Số, Kính gửi with aligned dashes, and KT. signature lines', async () => {
    const doc = nd30Document({ title: 'Công văn đôn đốc' }, [
      headerTable({
        issuerName: 'ỦY BAN NHÂN DÂN TỈNH THANH HÓA',
        number: '12',
        symbol: 'UBND-VX',
        place: 'Thanh Hóa',
        date: '2026-01-09',
        year: 2026,
        subject: 'V/v đôn đốc thực hiện Kế hoạch số 05/KH-UBND',
      }),
      ...kinhGuiBlock(['Các sở, ban, ngành cấp tỉnh', '- Ủy ban nhân dân các xã, phường;']),
      ...bodyParagraphs([{ kind: 'paragraph', text: 'Đề nghị các cơ quan, đơn vị gửi báo cáo.' }], { endMarker: true }),
      signatureTable({
        recipients: ['Như trên', 'Lưu: VT, VX'],
        signerLines: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
        signerName: 'Lê Văn A',
      }),
    ]);
    const s = await inspectDocx(await packDocx(doc));
    const p = s.paragraphs;
    assert.equal(p[p.indexOf('Số: 12/UBND-VX') + 1], 'V/v đôn đốc thực hiện Kế hoạch số 05/KH-UBND');
    // The V/v is printed as balanced lines (one run each, explicit breaks), all 13 pt.
    const vv = s.runs.filter(
      (r) => r.text.startsWith('V/v') || r.text.startsWith('số 05/KH-UBND') || r.text.endsWith('05/KH-UBND'),
    );
    assert.ok(vv.length >= 1 && vv.every((r) => r.size === 26));
    assert.ok(p.includes('Thanh Hóa, ngày 09 tháng 01 năm 2026'));
    const at = p.indexOf('Kính gửi:');
    assert.deepEqual(p.slice(at + 1, at + 3), ['- Các sở, ban, ngành cấp tỉnh;', '- Ủy ban nhân dân các xã, phường.']);
    assert.ok(p.includes('Đề nghị các cơ quan, đơn vị gửi báo cáo./.'));
    assert.deepEqual(p.slice(p.indexOf('Nơi nhận:') + 1, p.indexOf('Nơi nhận:') + 3), [
      '- Như trên;',
      '- Lưu: VT, VX.',
    ]);
    const one = await inspectDocx(
      await packDocx(nd30Document({ title: 'Báo cáo' }, kinhGuiBlock(['Ủy ban nhân dân tỉnh Thanh Hóa']))),
    );
    assert.ok(one.paragraphs.includes('Kính gửi: Ủy ban nhân dân tỉnh Thanh Hóa.'));
  });
});

describe('renderPlanDocx: printed with LibreOffice', async () => {
  const available = (await hasTool('soffice')) && (await hasTool('pdfinfo'));
  let pdf: Buffer;
  before(async () => {
    // The DOCX must be proven to open in LibreOffice: missing tools are a failure, not a skip.
    if (!available)
      throw new Error(
        'Cần LibreOffice và poppler-utils: apt-get install libreoffice-writer-nogui poppler-utils fonts-liberation2',
      );
    pdf = await convertWithLibreOffice(await renderPlanDocx(datedProvincePlan(), PROVINCE_RENDER_OPTIONS), 'pdf');
  });

  it('prints on A4 pages', async () => {
    const info = await pdfInfo(pdf);
    assert.ok(info.pages > 0 && info.pages <= 6, `${info.pages} pages`);
    assert.equal(info.paper, 'A4');
    assert.ok(Math.abs(info.width - 595.3) < 1 && Math.abs(info.height - 841.9) < 1);
  });

  it('embeds Liberation Serif (Times New Roman metrics) and nothing else', async () => {
    const fonts = await pdfFonts(pdf);
    assert.ok(fonts.length > 0);
    for (const f of fonts) {
      assert.ok(f.embedded, `${f.name} embedded`);
      assert.match(f.name, /^(LiberationSerif|TimesNewRoman)/, f.name);
    }
    assert.ok(fonts.some((f) => /Bold$/.test(f.name)) && fonts.some((f) => /Italic$/.test(f.name)));
  });

  it('keeps the Quốc hiệu on one line, Số level with the date, and no number on page 1', async () => {
    const page1 = await pdfText(pdf, { page: 1 });
    assert.ok(page1.includes(QUOC_HIEU), 'Quốc hiệu on one line');
    assert.match(page1, /Số: 05\/KH-UBND +Thanh Hóa, ngày 04 tháng 5 năm 2026/, 'same line');
    assert.match(page1.trimStart(), /^ỦY BAN NHÂN DÂN/, 'no page number on page 1');
    const page2 = await pdfText(pdf, { page: 2 });
    assert.equal(page2.trim().split('\n')[0]!.trim(), '2');
    const png = await pdfPageToPng(pdf, '/tmp/thihanh-plan-page1', { page: 1, dpi: 80 });
    await access(png);
  });
});
