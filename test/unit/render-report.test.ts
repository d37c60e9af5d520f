import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import {
  convertWithLibreOffice,
  hasTool,
  inspectDocx,
  paragraphTexts,
  pdfFonts,
  pdfInfo,
  pdfPageToPng,
  pdfText,
  runs,
  type DocxSummary,
  type RunInfo,
} from '../../src/documents/render/docx-inspect.ts';
import { END_MARKER, QUOC_HIEU, TIEU_NGU } from '../../src/documents/render/nd30.ts';
import {
  deadlinePhrase,
  renderReminderLetterDocx,
  subjectLine,
  subjectLines,
} from '../../src/documents/render/reminder-docx.ts';
import {
  UNIT_REPORT_STATE_LABEL,
  annexReferenceLine,
  annexTitle,
  copyToWithNhuTren,
  formatCount,
  renderCompiledReportDocx,
  shortDate,
} from '../../src/documents/render/report-docx.ts';
import { REPORT_XLSX_HEADER_ROW, renderCompiledReportXlsx } from '../../src/documents/render/report-xlsx.ts';
import type { CompiledReport } from '../../src/domain/reporting/model.ts';
import {
  AGENCY_COUNT,
  BASIS_TEXT,
  NAM_SAM_SON,
  NAM_SAM_SON_CONFERENCE,
  NAM_SAM_SON_PARTICIPANTS,
  REPORTING_UNIT_COUNT,
  REPORT_TITLE,
  compiledReport,
  compiledReportWithoutNarrative,
  reminderLetter,
} from '../fixtures/compiled-report.ts';

const run = promisify(execFile);

function runWithText(s: DocxSummary, text: string): RunInfo {
  const r = s.runs.find((x) => x.text === text);
  assert.ok(r, `no run with text "${text}"`);
  return r;
}

/** Tables of a document as rows of cells, each cell its paragraph texts joined by "\n"; no nested tables here. */
interface ParsedRow {
  xml: string;
  header: boolean;
  cantSplit: boolean;
  cells: string[];
}
function tables(xml: string): ParsedRow[][] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((r) => ({
      xml: r[0],
      header: /<w:tblHeader\s*\/>|<w:tblHeader w:val="(true|1|on)"\s*\/>/.test(r[0]),
      cantSplit: /<w:cantSplit\s*\/>|<w:cantSplit w:val="(true|1|on)"\s*\/>/.test(r[0]),
      cells: [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => paragraphTexts(c[0]).join('\n')),
    })),
  );
}

function tableWithHeader(xml: string, header: string): ParsedRow[] {
  const t = tables(xml).find((rows) => rows[0]?.cells.includes(header));
  assert.ok(t, `no table with header cell "${header}"`);
  return t;
}

const pct = (done: number, total: number) =>
  `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format((done / total) * 100)}%`;

// ---------------------------------------------------------------------------------------------------------------------

describe('report helpers', () => {
  it('writes short dates with the padding of the decree', () => {
    assert.equal(shortDate('2026-12-19'), '19/12/2026');
    assert.equal(shortDate('2026-05-04'), '04/5/2026');
    assert.equal(shortDate('2026-02-28'), '28/02/2026');
    assert.equal(shortDate('19/12/2026'), '19/12/2026');
    assert.equal(formatCount(34843), '34.843');
  });

  it('puts "Như trên" first in the Nơi nhận', () => {
    assert.deepEqual(copyToWithNhuTren(['UBND tỉnh (để b/c)', '- Như trên;', 'Lưu: VT, QLCN']), [
      'Như trên',
      'UBND tỉnh (để b/c)',
      'Lưu: VT, QLCN',
    ]);
    assert.deepEqual(copyToWithNhuTren(['Lưu: VT']), ['Như trên', 'Lưu: VT']);
  });

  it('writes the V/v line and the new deadline', () => {
    assert.equal(subjectLine('Đôn đốc gửi báo cáo.'), 'V/v đôn đốc gửi báo cáo');
    assert.equal(subjectLine('V/v đôn đốc gửi báo cáo'), 'V/v đôn đốc gửi báo cáo');
    assert.equal(deadlinePhrase('2026-12-18'), 'trước ngày 19/12/2026', 'the last day on time is the 18th');
    assert.equal(deadlinePhrase('trước ngày 19/12/2026'), 'trước ngày 19/12/2026');
    const lines = subjectLines(reminderLetter().subject);
    assert.ok(lines.length >= 2, lines.join(' | '));
    assert.ok(
      lines.some((l) => l.includes('129/KH-UBND')),
      'the symbol stays on one line',
    );
  });

  it('builds a consistent fixture from the reference data', () => {
    const r = compiledReport();
    assert.equal(r.annex.length, REPORTING_UNIT_COUNT);
    assert.ok(AGENCY_COUNT >= 21, `${AGENCY_COUNT} agencies`);
    assert.equal(new Set(r.annex.map((x) => x.unitName)).size, REPORTING_UNIT_COUNT);
    const n = (st: string) => r.annex.filter((x) => x.state === st).length;
    assert.equal(r.summary.onTime, n('onTime'));
    assert.equal(r.summary.late, n('late'));
    assert.equal(r.summary.missing, n('missing'));
    assert.equal(r.summary.received, n('onTime') + n('late') + n('returned'));
    for (const st of ['onTime', 'late', 'missing', 'returned', 'pending']) assert.ok(n(st) > 0, st);
    const nss = r.annex.find((x) => x.unitName === NAM_SAM_SON);
    assert.deepEqual(
      [nss?.state, nss?.indicatorValues['HN'], nss?.indicatorValues['NTG']],
      ['onTime', 1, NAM_SAM_SON_PARTICIPANTS],
    );
    assert.equal(reminderLetter().missing.length, n('missing') + n('returned') + n('pending'));
  });
});

// ---------------------------------------------------------------------------------------------------------------------

describe('renderCompiledReportDocx: Thanh Hóa 2026, every agency and commune', () => {
  const report = compiledReport();
  let s: DocxSummary;
  let docx: Buffer;
  const times: number[] = [];
  before(async () => {
    await renderCompiledReportDocx(report); // warm-up: module loading is not render time
    // Best of three: the machine is shared (LibreOffice starts in the suite below while this one runs).
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      docx = await renderCompiledReportDocx(report);
      times.push(performance.now() - t0);
    }
    s = await inspectDocx(docx);
  });

  it('renders the full report well under 2 s', (t) => {
    const best = Math.min(...times);
    t.diagnostic(
      `renderCompiledReportDocx, ${REPORTING_UNIT_COUNT} rows: best ${best.toFixed(0)} ms of ${times.map((x) => x.toFixed(0)).join(', ')} ms; ${docx.length} bytes`,
    );
    assert.ok(best < 2000, `${best.toFixed(0)} ms`);
  });

  it('sets A4 portrait, ND30 margins and a page number from page 2 for the body', () => {
    assert.deepEqual(s.page, { width: 11906, height: 16838, orientation: 'portrait' });
    assert.deepEqual([s.margins.top, s.margins.bottom, s.margins.left, s.margins.right], [1134, 1134, 1701, 850]);
    assert.ok(s.titlePage);
    assert.match(s.headers['default'] ?? '', /PAGE/);
    assert.doesNotMatch(s.headers['first'] ?? '', /PAGE/);
  });

  it('uses Times New Roman everywhere', () => {
    assert.deepEqual(s.fonts, ['Times New Roman']);
    const textRuns = s.runs.filter((r) => r.text.trim());
    assert.ok(textRuns.length > 1500, `${textRuns.length} runs`);
    for (const r of textRuns) assert.equal(r.font, 'Times New Roman', r.text);
  });

  it('sizes each header and title element as the decree says', () => {
    assert.deepEqual(runWithText(s, QUOC_HIEU), {
      text: QUOC_HIEU,
      font: 'Times New Roman',
      size: 26,
      bold: true,
      italic: false,
    });
    assert.equal(runWithText(s, TIEU_NGU).size, 28);
    const parent = runWithText(s, 'UBND TỈNH THANH HÓA');
    assert.deepEqual([parent.size, parent.bold], [26, false]);
    for (const l of ['SỞ KHOA HỌC', 'VÀ CÔNG NGHỆ'])
      assert.deepEqual([runWithText(s, l).size, runWithText(s, l).bold], [26, true], l);
    const so = runWithText(s, 'Số: 215/BC-SKHCN');
    assert.deepEqual([so.size, so.bold], [26, false]);
    const date = runWithText(s, 'Thanh Hóa, ngày 22 tháng 12 năm 2026');
    assert.deepEqual([date.size, date.italic, date.bold], [28, true, false]);
    const tenLoai = runWithText(s, 'BÁO CÁO');
    assert.deepEqual([tenLoai.size, tenLoai.bold], [28, true]);
    const trichYeu = runWithText(s, REPORT_TITLE);
    assert.deepEqual([trichYeu.size, trichYeu.bold, trichYeu.italic], [28, true, false]);
  });

  it('puts Số and the date in one header row', () => {
    const row = tables(s.documentXml)[0]!.find((r) => r.cells.some((c) => c.startsWith('Số:')));
    assert.deepEqual(row?.cells, ['Số: 215/BC-SKHCN', 'Thanh Hóa, ngày 22 tháng 12 năm 2026']);
  });

  it('addresses the report upward with "Kính gửi:" and one recipient per line', () => {
    const p = s.paragraphs;
    const at = p.indexOf('Kính gửi:');
    assert.ok(at > p.indexOf(REPORT_TITLE), 'after the trích yếu');
    assert.deepEqual(p.slice(at + 1, at + 3), ['- Ủy ban nhân dân tỉnh Thanh Hóa;', '- Bộ Khoa học và Công nghệ.']);
    for (const l of ['Kính gửi:', '- Ủy ban nhân dân tỉnh Thanh Hóa;']) {
      const r = runWithText(s, l);
      assert.deepEqual([r.size, r.bold, r.italic], [28, false, false], l);
    }
    assert.equal(p[at + 3], `${BASIS_TEXT}, Sở Khoa học và Công nghệ báo cáo kết quả thực hiện năm 2026 như sau:`);
    assert.equal(runWithText(s, p[at + 3]!).size, 28);
  });

  it('prints sections I–IV in order, in bold capitals', () => {
    const p = s.paragraphs;
    const heads = [
      'I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, TRIỂN KHAI THỰC HIỆN',
      'II. KẾT QUẢ THỰC HIỆN',
      'III. ĐÁNH GIÁ CHUNG',
      'IV. ĐỀ XUẤT, KIẾN NGHỊ',
    ];
    const at = heads.map((h) => p.indexOf(h));
    for (const [i, h] of heads.entries()) {
      assert.ok(at[i]! > 0, h);
      assert.deepEqual([runWithText(s, h).bold, runWithText(s, h).size], [true, 28], h);
    }
    assert.deepEqual(
      [...at].sort((a, b) => a - b),
      at,
      'in order',
    );
    for (const l of report.leadership!) assert.ok(p.slice(at[0]!, at[1]!).includes(`- ${l}`), l);
    for (const h of [
      '1. Kết quả thực hiện các nhiệm vụ',
      '2. Các chỉ tiêu chủ yếu',
      '3. Tình hình gửi báo cáo',
      '1. Kết quả đạt được',
      '2. Khó khăn, vướng mắc',
    ]) {
      assert.ok(p.includes(h), h);
      assert.equal(runWithText(s, h).bold, true, h);
    }
  });

  it('prints each task with its lines and "x/y đơn vị hoàn thành"', () => {
    const p = s.paragraphs;
    const starts = report.tasks.map((t) => p.findIndex((x) => x.includes(`Nhiệm vụ ${t.number}: `)));
    report.tasks.forEach((t, i) => {
      assert.ok(starts[i]! > 0, `task ${t.number}`);
      const end = starts[i + 1] ?? p.indexOf('2. Các chỉ tiêu chủ yếu');
      const block = p.slice(starts[i]!, end);
      for (const l of t.lines)
        assert.ok(
          block.some((x) => x === `- ${l}.`),
          `task ${t.number}: ${l}`,
        );
      assert.ok(
        block.includes(
          `- Kết quả: ${t.unitsDone}/${t.unitsTotal} đơn vị hoàn thành (đạt ${pct(t.unitsDone, t.unitsTotal)}).`,
        ),
        `task ${t.number} count`,
      );
    });
    assert.match(p[starts[0]!]!, /^a\) Nhiệm vụ 1: Tổ chức quán triệt/);
  });

  it("names phường Nam Sầm Sơn's conference in task 1", () => {
    const p = s.paragraphs;
    const task1 = p.slice(
      p.findIndex((x) => x.includes('Nhiệm vụ 1: ')),
      p.findIndex((x) => x.includes('Nhiệm vụ 2: ')),
    );
    const line = task1.find((x) => x.includes(NAM_SAM_SON_CONFERENCE));
    assert.ok(line, 'conference in task 1');
    assert.match(line, /phường Nam Sầm Sơn/);
    assert.match(line, new RegExp(`${NAM_SAM_SON_PARTICIPANTS} người tham dự`));
  });

  it('prints the indicators with their totals in a small table', () => {
    const rows = tableWithHeader(s.documentXml, 'Chỉ tiêu');
    assert.deepEqual(rows[0]!.cells, ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả']);
    assert.deepEqual(rows[1]!.cells, ['(1)', '(2)', '(3)', '(4)'], 'numbered column headers');
    assert.ok(rows[0]!.header && rows[1]!.header, 'header rows repeat');
    assert.deepEqual(
      rows.slice(2).map((r) => r.cells),
      report.indicators.map((ind, i) => [String(i + 1), ind.name, ind.unit, formatCount(ind.total)]),
    );
    const hn = report.indicators.find((i) => i.code === 'HN')!;
    assert.ok(hn.total > 300, 'sum over the units');
  });

  it('reports the situation of reporting: expected, received, on time, late, missing by name', () => {
    const p = s.paragraphs;
    const sum = report.summary;
    assert.ok(p.includes(`- Tổng số cơ quan, đơn vị phải báo cáo: ${sum.expected}.`));
    const returned = report.annex.filter((r) => r.state === 'returned').length;
    assert.ok(
      p.includes(
        `- Số báo cáo đã nhận: ${sum.received}/${sum.expected} (đạt ${pct(sum.received, sum.expected)}), trong đó: đúng hạn ${sum.onTime}; quá hạn ${sum.late}; bị trả lại để hoàn thiện ${returned}.`,
      ),
    );
    const missingLine = p.find((x) => x.startsWith(`- Chưa gửi báo cáo: ${sum.missing} cơ quan, đơn vị (`));
    assert.ok(missingLine);
    for (const r of report.annex.filter((x) => x.state === 'missing'))
      assert.ok(missingLine.includes(r.unitName), r.unitName);
    assert.ok(p.includes('- Chưa đến hạn báo cáo: 2 cơ quan, đơn vị.'));
  });

  it('lists obstacles under III and proposals under IV', () => {
    const p = s.paragraphs;
    const iii = p.indexOf('III. ĐÁNH GIÁ CHUNG');
    const iv = p.indexOf('IV. ĐỀ XUẤT, KIẾN NGHỊ');
    for (const o of report.obstacles) assert.ok(p.slice(iii, iv).includes(`- ${o}.`), o);
    for (const o of report.proposals) assert.ok(p.slice(iv).includes(`- ${o}.`), o);
  });

  it('ends the body with "./." once, then Nơi nhận ("- Như trên;" first) and the signature', () => {
    const p = s.paragraphs;
    const marked = p.filter((x) => x.includes(END_MARKER));
    assert.equal(marked.length, 1);
    assert.equal(
      marked[0],
      `Trên đây là báo cáo ${REPORT_TITLE.charAt(0).toLowerCase()}${REPORT_TITLE.slice(1)} của Sở Khoa học và Công nghệ, kính báo cáo Ủy ban nhân dân tỉnh Thanh Hóa, Bộ Khoa học và Công nghệ xem xét, chỉ đạo./.`,
    );
    const at = p.indexOf('Nơi nhận:');
    assert.ok(p.indexOf(marked[0]!) < at);
    assert.deepEqual(p.slice(at + 1, at + 6), [
      '- Như trên;',
      '- Giám đốc Sở (để b/c);',
      '- Các sở, ban, ngành cấp tỉnh;',
      '- UBND các xã, phường;',
      '- Lưu: VT, QLCN.',
    ]);
    const label = runWithText(s, 'Nơi nhận:');
    assert.deepEqual([label.size, label.bold, label.italic], [24, true, true]);
    assert.equal(runWithText(s, '- Như trên;').size, 22);
    const kt = p.indexOf('KT. GIÁM ĐỐC');
    assert.equal(p[kt + 1], 'PHÓ GIÁM ĐỐC');
    assert.equal(
      p.slice(kt + 2).find((x) => x.trim()),
      'Lê Minh Hải',
    );
    for (const l of ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Lê Minh Hải'])
      assert.deepEqual([runWithText(s, l).size, runWithText(s, l).bold], [28, true], l);
  });

  it('puts the annex in its own landscape section, numbered from 1', () => {
    const sects = [...s.documentXml.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    assert.equal(sects.length, 2);
    assert.match(sects[0]!, /<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    assert.match(sects[1]!, /<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    assert.match(sects[1]!, /<w:pgNumType w:start="1"\/>/);
    assert.match(sects[1]!, /<w:titlePg\/>/);
    assert.match(sects[1]!, /<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    // The annex follows the signature.
    const p = s.paragraphs;
    assert.ok(p.indexOf('Phụ lục') > p.indexOf('Lê Minh Hải'));
  });

  it('heads the annex with "Phụ lục", its title and the italic reference line', () => {
    const p = s.paragraphs;
    const at = p.indexOf('Phụ lục');
    assert.equal(p[at + 1], 'TÌNH HÌNH BÁO CÁO VÀ KẾT QUẢ THỰC HIỆN CỦA CÁC CƠ QUAN, ĐƠN VỊ NĂM 2026');
    assert.equal(
      p[at + 2],
      '(Kèm theo Báo cáo số 215/BC-SKHCN ngày 22 tháng 12 năm 2026 của Sở Khoa học và Công nghệ)',
    );
    assert.deepEqual([runWithText(s, 'Phụ lục').size, runWithText(s, 'Phụ lục').bold], [28, true]);
    assert.equal(runWithText(s, p[at + 1]!).bold, true);
    const ref = runWithText(s, p[at + 2]!);
    assert.deepEqual([ref.italic, ref.bold, ref.size], [true, false, 28]);
  });

  it('has one annex row per unit, header rows repeated on each page, and a totals row', () => {
    const rows = tableWithHeader(s.documentXml, 'Tình trạng báo cáo');
    const headers = [
      'STT',
      'Đơn vị',
      'Tình trạng báo cáo',
      'Ngày gửi',
      'Nhiệm vụ hoàn thành',
      'Sản phẩm',
      ...report.indicators.map((i) => `${i.name} (${i.unit})`),
    ];
    assert.deepEqual(rows[0]!.cells, headers);
    assert.deepEqual(
      rows[1]!.cells,
      headers.map((_, i) => `(${i + 1})`),
    );
    assert.deepEqual(rows.map((r) => r.header).slice(0, 3), [true, true, false], 'the two header rows repeat');
    assert.ok(
      rows.every((r) => r.cantSplit),
      'no row splits across pages',
    );
    const data = rows.slice(2, -1);
    assert.equal(data.length, REPORTING_UNIT_COUNT);
    assert.deepEqual(
      data.map((r) => r.cells[0]),
      Array.from({ length: REPORTING_UNIT_COUNT }, (_, i) => String(i + 1)),
    );
    assert.deepEqual(
      data.map((r) => r.cells[1]),
      report.annex.map((r) => r.unitName),
    );
    const labels = new Set(data.map((r) => r.cells[2]));
    assert.deepEqual([...labels].sort(), ['Bị trả lại', 'Chưa gửi', 'Chưa đến hạn', 'Quá hạn', 'Đúng hạn'].sort());
    data.forEach((r, i) => {
      assert.equal(r.cells[2], UNIT_REPORT_STATE_LABEL[report.annex[i]!.state]);
    });
    // Body text of the annex: 12 pt.
    const cellRuns = runs(data[0]!.xml);
    assert.ok(cellRuns.every((r) => r.size === 24 && r.font === 'Times New Roman'));
    const totals = rows[rows.length - 1]!.cells;
    const fig = report.annex.filter((r) => r.state === 'onTime' || r.state === 'late' || r.state === 'returned');
    assert.equal(totals[1], 'Tổng cộng');
    assert.equal(totals[4], `${fig.reduce((a, r) => a + r.tasksDone, 0)}/${fig.reduce((a, r) => a + r.tasksTotal, 0)}`);
    assert.deepEqual(
      totals.slice(6),
      report.indicators.map((i) => formatCount(i.total)),
    );
  });

  it("shows phường Nam Sầm Sơn's row with its conference and participants", () => {
    const rows = tableWithHeader(s.documentXml, 'Tình trạng báo cáo');
    const nss = rows.find((r) => r.cells[1] === NAM_SAM_SON);
    assert.ok(nss);
    const row = report.annex.find((r) => r.unitName === NAM_SAM_SON)!;
    assert.deepEqual(nss.cells.slice(2, 8), [
      'Đúng hạn',
      shortDate(row.submittedOn),
      `${row.tasksDone}/${row.tasksTotal}`,
      String(row.deliverables),
      '1',
      String(NAM_SAM_SON_PARTICIPANTS),
    ]);
    const missing = rows.find((r) => r.cells[2] === 'Chưa gửi')!;
    assert.deepEqual(
      missing.cells.slice(3),
      Array.from({ length: missing.cells.length - 3 }, () => '-'),
    );
  });

  it('records title and language in the core properties', () => {
    assert.match(s.coreXml, /<dc:title>Báo cáo kết quả thực hiện Kế hoạch số 129\/KH-UBND/);
    assert.match(s.coreXml, /<dc:language>vi-VN<\/dc:language>/);
  });
});

describe('renderCompiledReportDocx: variants', () => {
  it('works from the model alone (no narrative), undated, without obstacles', async () => {
    const r: CompiledReport = { ...compiledReportWithoutNarrative(), number: null, date: null, obstacles: [] };
    const s = await inspectDocx(await renderCompiledReportDocx(r));
    const p = s.paragraphs;
    assert.ok(p.some((x) => /^Số: +\/BC-SKHCN$/.test(x)));
    assert.ok(p.some((x) => /^Thanh Hóa, ngày +tháng +năm 2026$/.test(x)));
    const i = p.indexOf('I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, TRIỂN KHAI THỰC HIỆN');
    assert.match(
      p[i + 1]!,
      /^Trong kỳ, các cơ quan, đơn vị chưa báo cáo văn bản lãnh đạo, chỉ đạo/,
      'no count of reports',
    );
    const iii = p.indexOf('III. ĐÁNH GIÁ CHUNG, KHÓ KHĂN, VƯỚNG MẮC');
    assert.equal(p[iii + 1], 'Không có.');
    assert.match(
      annexReferenceLine(r),
      /^\(Kèm theo Báo cáo số +\/BC-SKHCN ngày +tháng +năm 2026 của Sở Khoa học và Công nghệ\)$/,
    );
    assert.ok(p.includes(annexReferenceLine(r)));
  });

  it('has no annex section without rows, and keeps a basis that already ends the sentence', async () => {
    const r: CompiledReport = {
      ...compiledReportWithoutNarrative(),
      annex: [],
      basisText: 'Thực hiện Kế hoạch số 129/KH-UBND, Sở báo cáo như sau:',
    };
    const s = await inspectDocx(await renderCompiledReportDocx(r));
    assert.equal([...s.documentXml.matchAll(/<w:sectPr\b/g)].length, 1);
    assert.ok(!s.paragraphs.includes('Phụ lục'));
    assert.ok(!s.paragraphs.includes('(Chi tiết tại Phụ lục kèm theo.)'));
    assert.ok(s.paragraphs.includes('Thực hiện Kế hoạch số 129/KH-UBND, Sở báo cáo như sau:'));
  });
});

// ---------------------------------------------------------------------------------------------------------------------

describe('renderReminderLetterDocx: công văn đôn đốc', () => {
  const letter = reminderLetter();
  let s: DocxSummary;
  before(async () => {
    s = await inspectDocx(await renderReminderLetterDocx(letter));
  });

  it('sets A4 portrait, ND30 margins, Times New Roman', () => {
    assert.deepEqual(s.page, { width: 11906, height: 16838, orientation: 'portrait' });
    assert.deepEqual([s.margins.top, s.margins.bottom, s.margins.left, s.margins.right], [1134, 1134, 1701, 850]);
    assert.deepEqual(s.fonts, ['Times New Roman']);
    for (const r of s.runs.filter((x) => x.text.trim())) assert.equal(r.font, 'Times New Roman', r.text);
  });

  it('prints the V/v line under the Số, in the left header column, broken between words', () => {
    const header = tables(s.documentXml)[0]!;
    const row = header.find((r) => r.cells.some((c) => c.startsWith('Số:')))!;
    assert.deepEqual(row.cells[0]!.split('\n'), ['Số: 1876/SKHCN-QLCN', letter.subject]);
    assert.equal(row.cells[1], 'Thanh Hóa, ngày 16 tháng 12 năm 2026');
    const vv = runs(row.xml).filter((r) => r.text.startsWith('V/v'));
    assert.equal(vv.length, 1);
    assert.deepEqual([vv[0]!.size, vv[0]!.bold, vv[0]!.italic], [26, false, false]);
    const para = /<w:p\b(?:(?!<w:p\b)[\s\S])*?V\/v[\s\S]*?<\/w:p>/.exec(row.xml)![0];
    assert.equal(
      (para.match(/<w:br\/>/g) ?? []).length,
      subjectLines(letter.subject).length - 1,
      'explicit breaks between the balanced lines',
    );
  });

  it('has no tên loại: "Kính gửi:" follows the header directly', () => {
    const p = s.paragraphs;
    assert.ok(!p.some((x) => /^(BÁO CÁO|CÔNG VĂN|KẾ HOẠCH)$/.test(x.trim())));
    const date = p.indexOf('Thanh Hóa, ngày 16 tháng 12 năm 2026');
    assert.equal(
      p.slice(date + 1).find((x) => x.trim()),
      'Kính gửi: Các cơ quan, đơn vị có tên tại Danh sách kèm theo.',
    );
  });

  it('points Kính gửi to the annexed list and says who is late and who is not due yet', () => {
    const p = s.paragraphs;
    const at = p.findIndex((x) => x.startsWith('Kính gửi:'));
    assert.equal(p[at + 1], withStop(letter.basisText));
    const late = letter.missing.filter((m) => m.state !== 'pending').length;
    assert.equal(
      p[at + 2],
      `Qua theo dõi, tổng hợp, đến nay còn ${late} cơ quan, đơn vị đã đến hạn nhưng chưa gửi hoặc chưa gửi đầy đủ báo cáo; 2 cơ quan, đơn vị chưa đến hạn nhưng chưa gửi báo cáo (có Danh sách kèm theo).`,
    );
  });

  it('lists exactly what each unit is missing in the annex, "Chưa gửi" only past the due date', () => {
    const rows = tableWithHeader(s.documentXml, 'Nội dung còn thiếu');
    assert.deepEqual(rows[0]!.cells, ['STT', 'Cơ quan, đơn vị', 'Hạn gửi', 'Tình trạng', 'Nội dung còn thiếu']);
    assert.deepEqual(rows[1]!.cells, ['(1)', '(2)', '(3)', '(4)', '(5)']);
    assert.equal(rows.length, letter.missing.length + 2);
    letter.missing.forEach((m, i) => {
      const cells = rows[i + 2]!.cells;
      assert.equal(cells[0], String(i + 1));
      assert.equal(cells[1], m.unitName);
      assert.equal(
        cells[3],
        { missing: 'Chưa gửi (quá hạn)', returned: 'Bị trả lại, chưa gửi lại', pending: 'Chưa đến hạn' }[m.state!],
      );
      const expected =
        m.items.length === 1
          ? [`${m.items[0]}.`]
          : m.items.map((x, j) => `- ${x}${j === m.items.length - 1 ? '.' : ';'}`);
      assert.deepEqual(cells[4]!.split('\n'), expected, m.unitName);
    });
    assert.ok(
      s.paragraphs.includes(
        'DANH SÁCH CÁC CƠ QUAN, ĐƠN VỊ CHƯA GỬI HOẶC CHƯA ĐẾN HẠN GỬI BÁO CÁO KẾT QUẢ THỰC HIỆN NĂM 2026',
      ),
    );
    assert.ok(
      s.paragraphs.includes(
        '(Kèm theo Công văn số 1876/SKHCN-QLCN ngày 16 tháng 12 năm 2026 của Sở Khoa học và Công nghệ)',
      ),
    );
  });

  it('sets the new deadline, closes with the standard sentence and "./."', () => {
    const p = s.paragraphs;
    assert.ok(
      p.some((x) =>
        x.includes('khẩn trương hoàn thiện, gửi báo cáo về Sở Khoa học và Công nghệ trước ngày 19/12/2026.'),
      ),
    );
    assert.ok(p.some((x) => x.includes('Chủ tịch Ủy ban nhân dân các xã, phường có tên tại Danh sách kèm theo')));
    assert.equal(
      p.filter((x) => /trước ngày \d/.test(x)).length,
      1,
      'one deadline (the opening names none once it passed)',
    );
    const marked = p.filter((x) => x.includes(END_MARKER));
    assert.equal(marked.length, 1);
    assert.match(marked[0]!, /^Quá thời hạn nêu trên, .*phối hợp thực hiện\.\/\.$/);
  });

  it('signs KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC with Nơi nhận "- Như trên;" first', () => {
    const p = s.paragraphs;
    const at = p.indexOf('Nơi nhận:');
    assert.deepEqual(p.slice(at + 1, at + 5), [
      '- Như trên;',
      '- UBND tỉnh (để b/c);',
      '- Giám đốc Sở (để b/c);',
      '- Lưu: VT, QLCN.',
    ]);
    const kt = p.indexOf('KT. GIÁM ĐỐC');
    assert.equal(p[kt + 1], 'PHÓ GIÁM ĐỐC');
    assert.equal(
      p.slice(kt + 2).find((x) => x.trim()),
      'Lê Minh Hải',
    );
  });
});

describe('renderReminderLetterDocx: a ward reminding its offices', () => {
  it('speaks for the Chủ tịch and addresses the offices only', async () => {
    const letter = {
      ...reminderLetter(),
      issuerName: 'ỦY BAN NHÂN DÂN PHƯỜNG NAM SẦM SƠN',
      issuerParentName: null,
      placeName: 'Nam Sầm Sơn',
      symbol: 'UBND-VP',
      recipients: ['Phòng Văn hóa - Xã hội phường Nam Sầm Sơn'],
      missing: [
        {
          unitName: 'Phòng Văn hóa - Xã hội phường Nam Sầm Sơn',
          items: ['Báo cáo kết quả thực hiện năm 2026: chưa gửi'],
          state: 'missing' as const,
          dueDate: '2026-12-07',
        },
      ],
      newDeadline: '2026-12-11',
    };
    const s = await inspectDocx(await renderReminderLetterDocx(letter));
    const p = s.paragraphs;
    assert.ok(p.includes('Kính gửi: Phòng Văn hóa - Xã hội phường Nam Sầm Sơn.'), 'one recipient on the Kính gửi line');
    assert.ok(
      p.some((x) =>
        x.includes(
          'Chủ tịch Ủy ban nhân dân phường Nam Sầm Sơn yêu cầu Thủ trưởng các cơ quan, đơn vị có tên tại Danh sách kèm theo khẩn trương hoàn thiện, gửi báo cáo trước ngày 12/12/2026.',
        ),
      ),
    );
    assert.ok(
      p.includes(
        'Quá thời hạn nêu trên, cơ quan, đơn vị nào chưa thực hiện thì Thủ trưởng cơ quan, đơn vị đó chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân phường Nam Sầm Sơn./.',
      ),
    );
    assert.deepEqual(tableWithHeader(s.documentXml, 'Nội dung còn thiếu')[2]!.cells.slice(1), [
      'Phòng Văn hóa - Xã hội phường Nam Sầm Sơn',
      '07/12/2026',
      'Chưa gửi (quá hạn)',
      'Báo cáo kết quả thực hiện năm 2026: chưa gửi.',
    ]);
  });
});

function withStop(t: string): string {
  return /[.;:]$/.test(t.trim()) ? t.trim() : `${t.trim()}.`;
}

// ---------------------------------------------------------------------------------------------------------------------

describe('renderCompiledReportXlsx: the annex as a spreadsheet', () => {
  const report = compiledReport();
  let ws: ExcelJS.Worksheet;
  const H = REPORT_XLSX_HEADER_ROW;
  before(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderCompiledReportXlsx(report)) as unknown as ExcelJS.Buffer);
    ws = wb.worksheets[0]!;
  });

  it('has the Phụ lục title rows above the table', () => {
    assert.equal(ws.getCell('A1').value, 'Phụ lục');
    assert.equal(ws.getCell('A1').font.bold, true);
    assert.equal(ws.getCell('A2').value, annexTitle(report));
    assert.equal(ws.getCell('A3').value, annexReferenceLine(report));
    assert.equal(ws.getCell('A3').font.italic, true);
  });

  it('has a frozen, bordered header row', () => {
    const values = (ws.getRow(H).values as unknown[]).slice(1);
    assert.deepEqual(values, [
      'STT',
      'Đơn vị',
      'Tình trạng báo cáo',
      'Ngày gửi',
      'Nhiệm vụ hoàn thành',
      'Nhiệm vụ được giao',
      'Sản phẩm',
      ...report.indicators.map((i) => `${i.name} (${i.unit})`),
    ]);
    assert.equal(ws.getRow(H).getCell(2).font.bold, true);
    assert.equal(ws.getRow(H).getCell(2).border.top?.style, 'thin');
    const view = ws.views[0] as ExcelJS.WorksheetViewFrozen;
    assert.deepEqual([view.state, view.ySplit], ['frozen', H]);
  });

  it('has one row per unit and a totals row with formulas', () => {
    const first = H + 1;
    for (let i = 0; i < REPORTING_UNIT_COUNT; i++) {
      const row = ws.getRow(first + i);
      const u = report.annex[i]!;
      assert.equal(row.getCell(1).value, i + 1);
      assert.equal(row.getCell(2).value, u.unitName);
      assert.equal(row.getCell(3).value, UNIT_REPORT_STATE_LABEL[u.state]);
      if (u.submittedOn) assert.equal((row.getCell(4).value as Date).toISOString().slice(0, 10), u.submittedOn);
      else assert.equal(row.getCell(4).value, null);
    }
    const totals = ws.getRow(first + REPORTING_UNIT_COUNT);
    assert.equal(totals.getCell(2).value, 'Tổng cộng');
    assert.equal(ws.rowCount, first + REPORTING_UNIT_COUNT, 'nothing after the totals');
    const last = first + REPORTING_UNIT_COUNT - 1;
    const e = totals.getCell(5).value as ExcelJS.CellFormulaValue;
    assert.equal(e.formula, `SUM(E${first}:E${last})`);
    report.indicators.forEach((ind, k) => {
      const v = totals.getCell(8 + k).value as ExcelJS.CellFormulaValue;
      assert.match(v.formula, /^SUM\(/);
      assert.equal(v.result, ind.total, ind.code);
    });
    const nss = ws.getRow(first + report.annex.findIndex((r) => r.unitName === NAM_SAM_SON));
    assert.deepEqual([nss.getCell(8).value, nss.getCell(9).value], [1, NAM_SAM_SON_PARTICIPANTS]);
    const missing = ws.getRow(first + report.annex.findIndex((r) => r.state === 'missing'));
    assert.equal(missing.getCell(8).value, null, 'no figures for a unit that sent nothing');
  });

  it('prints A4 landscape in Times New Roman with the header repeated', () => {
    assert.equal(ws.pageSetup.paperSize, 9);
    assert.equal(ws.pageSetup.orientation, 'landscape');
    assert.equal(ws.pageSetup.printTitlesRow, `${H}:${H}`);
    ws.eachRow((row) => row.eachCell((cell) => assert.equal(cell.font?.name, 'Times New Roman', cell.address)));
  });
});

// ---------------------------------------------------------------------------------------------------------------------

/** Page sizes of every page (pdfinfo -f -l), in points. */
async function pageSizes(pdf: Buffer): Promise<{ width: number; height: number }[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'thihanh-report-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdfinfo', ['-f', '1', '-l', '9999', file]);
    return [...stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({
      width: Number(m[1]),
      height: Number(m[2]),
    }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const isA4Portrait = (p: { width: number; height: number }) =>
  Math.abs(p.width - 595.3) < 1 && Math.abs(p.height - 841.9) < 1;
const isA4Landscape = (p: { width: number; height: number }) =>
  Math.abs(p.width - 841.9) < 1 && Math.abs(p.height - 595.3) < 1;

async function assertFontsEmbedded(pdf: Buffer): Promise<void> {
  const fonts = await pdfFonts(pdf);
  assert.ok(fonts.length > 0);
  for (const f of fonts) {
    assert.ok(f.embedded, `${f.name} embedded`);
    assert.match(f.name, /^(LiberationSerif|TimesNewRoman)/, f.name);
  }
}

describe('printed with LibreOffice', () => {
  let reportPdf: Buffer;
  let letterPdf: Buffer;
  before(async () => {
    // Looked up here, not in the describe body, so LibreOffice does not start while the render is being timed.
    const available = (await hasTool('soffice')) && (await hasTool('pdfinfo'));
    if (!available)
      throw new Error(
        'Cần LibreOffice và poppler-utils: apt-get install libreoffice-writer-nogui poppler-utils fonts-liberation2',
      );
    const report = compiledReport();
    // The XLSX is checked by reading it back above: the machines have LibreOffice Writer only, no Calc.
    [reportPdf, letterPdf] = await Promise.all([
      convertWithLibreOffice(await renderCompiledReportDocx(report), 'pdf'),
      convertWithLibreOffice(await renderReminderLetterDocx(reminderLetter()), 'pdf'),
    ]);
  });

  it('prints the report body on A4 portrait and the annex on A4 landscape pages', async (t) => {
    const sizes = await pageSizes(reportPdf);
    const body = sizes.findIndex((p) => !isA4Portrait(p));
    t.diagnostic(`report: ${sizes.length} pages, ${body} portrait + ${sizes.length - body} landscape`);
    assert.ok(sizes.length > 1);
    assert.ok(body >= 2 && body <= 6, `${body} body pages`);
    assert.ok(sizes.slice(body).every(isA4Landscape), 'annex pages landscape');
    assert.ok(sizes.length - body >= 5, 'the unit rows take several pages');
    const info = await pdfInfo(reportPdf);
    assert.equal(info.paper, 'A4');
  });

  it('embeds the Times New Roman–metric fonts', async () => {
    await assertFontsEmbedded(reportPdf);
    await assertFontsEmbedded(letterPdf);
  });

  it('keeps Số level with the date and the Kính gửi lines on page 1', async () => {
    const page1 = await pdfText(reportPdf, { page: 1 });
    assert.ok(page1.includes(QUOC_HIEU));
    assert.match(page1, /Số: 215\/BC-SKHCN +Thanh Hóa, ngày 22 tháng 12 năm 2026/);
    assert.match(page1, /BÁO CÁO/);
    assert.match(page1, /Kính gửi:\s*\n\s*- Ủy ban nhân dân tỉnh Thanh Hóa;\s*\n\s*- Bộ Khoa học và Công nghệ\./);
    assert.match(page1.trimStart(), /^UBND TỈNH THANH HÓA/, 'no page number on page 1');
  });

  it('repeats the annex header on every annex page and numbers the annex from 1', async () => {
    const sizes = await pageSizes(reportPdf);
    const first = sizes.findIndex((p) => !isA4Portrait(p)) + 1;
    for (let page = first; page <= sizes.length; page++) {
      const text = await pdfText(reportPdf, { page });
      assert.match(text, /Tình trạng/, `header on page ${page}`);
      if (page > first)
        assert.equal(text.trim().split('\n')[0]!.trim(), String(page - first + 1), `annex page number on page ${page}`);
    }
    assert.match(await pdfText(reportPdf, { page: first }), /Phụ lục/);
    assert.match(await pdfText(reportPdf, { page: sizes.length }), /Tổng cộng/);
    assert.match(await pdfText(reportPdf, { page: sizes.length }), new RegExp(`${REPORTING_UNIT_COUNT} `));
  });

  it('prints the reminder letter with the V/v under the Số and no tên loại', async () => {
    const info = await pdfInfo(letterPdf);
    assert.ok(info.pages >= 1 && info.pages <= 4, `${info.pages} pages`);
    assert.equal(info.paper, 'A4');
    const page1 = await pdfText(letterPdf, { page: 1 });
    assert.match(page1, /Số: 1876\/SKHCN-QLCN +Thanh Hóa, ngày 16 tháng 12 năm 2026/);
    assert.match(page1, /V\/v đôn đốc/);
    assert.ok(page1.includes('129/KH-UBND năm 2026'), 'the symbol is not split across lines');
    assert.doesNotMatch(page1, /BÁO CÁO|CÔNG VĂN/);
  });

  it('renders pages to PNG for a look', async () => {
    const sizes = await pageSizes(reportPdf);
    const annex = sizes.findIndex((p) => !isA4Portrait(p)) + 1;
    const pngs = await Promise.all([
      pdfPageToPng(reportPdf, '/tmp/thihanh-report-page1', { page: 1, dpi: 80 }),
      pdfPageToPng(reportPdf, '/tmp/thihanh-report-annex1', { page: annex, dpi: 80 }),
      pdfPageToPng(reportPdf, '/tmp/thihanh-report-annex2', { page: annex + 1, dpi: 80 }),
      pdfPageToPng(reportPdf, '/tmp/thihanh-report-last', { page: sizes.length, dpi: 80 }),
      pdfPageToPng(letterPdf, '/tmp/thihanh-reminder-page1', { page: 1, dpi: 80 }),
    ]);
    for (const p of pngs) await access(p);
  });
});
