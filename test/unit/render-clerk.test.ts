// A clerk's reading of every generated document, through LibreOffice: the compiled report with its annex of every agency and commune
// and the nine indicators of the law's regime, the reminder letter to every unit late, a ward's own report and the
// province plan are each converted to PDF once; `pdftotext -bbox` then shows whether any word lies outside the
// page's text area (page minus the margins of nd30-format-spec.json), and the text is read for the one deadline,
// the signer's name and the filing line.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { before, describe, it } from 'node:test';
import { convertWithLibreOffice, hasTool } from '../../src/documents/render/docx-inspect.ts';
import { renderPlanDocx } from '../../src/documents/render/plan-docx.ts';
import { renderReminderLetterDocx } from '../../src/documents/render/reminder-docx.ts';
import { annexLayout, renderCompiledReportDocx } from '../../src/documents/render/report-docx.ts';
import { renderUnitReportDocx } from '../../src/documents/render/unit-report-docx.ts';
import { addWorkingDays } from '../../src/domain/calendar/working-days.ts';
import { DEFAULT_CALENDAR_CONFIG } from '../../src/domain/calendar/holidays.ts';
import { signerLines } from '../../src/domain/org/document-settings.ts';
import { buildReminderLetter, type ExpectedUnitReport, type IssuerInfo } from '../../src/domain/reporting/compile.ts';
import { LAW_IMPLEMENTATION_INDICATORS } from '../../src/domain/reporting/indicators.ts';
import { reminderDeadline } from '../../src/domain/reporting/letters.ts';
import type { ReportTaskLine } from '../../src/domain/reporting/model.ts';
import { AI_PLAN_YEARLY_SCHEDULE, periodByKey } from '../../src/domain/reporting/period.ts';
import { buildUnitReportDocument } from '../../src/domain/reporting/unit-document.ts';
import { AGENCY_COUNT, REPORTING_UNIT_COUNT, compiledReport, reportingUnits } from '../fixtures/compiled-report.ts';
import { PROVINCE_RENDER_OPTIONS, provincePlan } from '../fixtures/province-plan.ts';

const run = promisify(execFile);
const spec = JSON.parse(await readFile(new URL('../../reference-data/nd30-format-spec.json', import.meta.url), 'utf8'));
/** Margins in points (1 pt = 20 twips), from the spec's recommended values. */
const MARGIN = Object.fromEntries(
  Object.entries(spec.page.margins_mm.recommended_twips as Record<string, number>).map(([k, v]) => [k, v / 20]),
) as { top: number; bottom: number; left: number; right: number };
const TOLERANCE = 1.5;

const SKHCN: IssuerInfo = {
  name: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
  parentName: 'UBND TỈNH THANH HÓA',
  placeName: 'Thanh Hóa',
  displayName: 'Sở Khoa học và Công nghệ',
  abbreviation: 'SKHCN',
  signerLines: ['GIÁM ĐỐC'],
  signerName: 'Trịnh Văn Hùng',
  draftingDivision: 'VP',
  archive: 'Lưu: VT, VP',
};
/** The ward as its settings sign it: its Phó Chủ tịch for the committee, the deepest block (three lines). */
const WARD: IssuerInfo = {
  name: 'ỦY BAN NHÂN DÂN PHƯỜNG NAM SẦM SƠN',
  parentName: null,
  placeName: 'Nam Sầm Sơn',
  displayName: 'Ủy ban nhân dân phường Nam Sầm Sơn',
  abbreviation: 'UBND',
  signerLines: signerLines(
    { title: 'Phó Chủ tịch', authority: 'KT' },
    { kind: 'ward', name: 'Phường Nam Sầm Sơn' },
    'named',
  ),
  signerName: 'Trần Quốc Cường',
  draftingDivision: 'VP',
  archive: 'Lưu: VT, VP',
};
const KH129 = {
  number: '129',
  symbol: 'KH-UBND',
  date: '2026-05-04',
  title: 'Triển khai thi hành Luật Trí tuệ nhân tạo trên địa bàn tỉnh Thanh Hóa',
  issuerPhrase: 'Ủy ban nhân dân tỉnh',
};
const period = periodByKey('2026', AI_PLAN_YEARLY_SCHEDULE);

/** The compiled report of the fixture with the nine indicators of the law's regime: 15 annex columns. */
function wideCompiledReport() {
  const r = compiledReport();
  const indicators = LAW_IMPLEMENTATION_INDICATORS.map((d, i) => ({ ...d, total: 0, code: `${d.code}`, _i: i }));
  const annex = r.annex.map((row, n) => ({
    ...row,
    indicatorValues: Object.fromEntries(indicators.map((d) => [d.code, ((n + 3) * (d._i + 7) * 37) % 2400])),
  }));
  return {
    ...r,
    annex,
    indicators: indicators.map(({ _i, ...d }) => ({
      ...d,
      total: annex.reduce((a, row) => a + (row.indicatorValues[d.code] ?? 0), 0),
    })),
  };
}

/** The demo's situation on 16/12/2026: every unit late (due 14/12) but Nam Sầm Sơn, the armed forces not due yet. */
function lateLetter() {
  const units: ExpectedUnitReport[] = reportingUnits().map((s, i) => {
    const pending = s.unit.code === '38.BCHQS' || s.unit.code === '38.BĐBP';
    return {
      unitId: i + 1,
      unitName: s.rowName,
      letterName: s.fullName,
      dueDate: pending ? '2026-12-21' : '2026-12-14',
      state: pending ? 'pending' : s.rowName.includes('Nam Sầm Sơn') ? 'onTime' : 'missing',
      status: i % 5 === 0 ? 'draft' : null,
      submittedOn: null,
      returnReason: null,
      reviewedOn: null,
      content: null,
      indicatorValues: {},
      overdueTasks: i % 7 === 0 ? ['1. Tổ chức quán triệt, phổ biến Luật Trí tuệ nhân tạo (hạn 30/6/2026)'] : [],
    };
  });
  const today = '2026-12-16';
  const deadline = reminderDeadline('2026-12-14', today, (d, n) => addWorkingDays(d, n, DEFAULT_CALENDAR_CONFIG));
  const ids = (pred: (u: ExpectedUnitReport) => boolean) => units.filter(pred).map((u) => u.unitId);
  return buildReminderLetter({
    issuer: SKHCN,
    plan: KH129,
    regimeName: 'x',
    period,
    receiverName: 'Sở Khoa học và Công nghệ',
    reportsTo: 'Ủy ban nhân dân tỉnh',
    submittersPhrase: 'các sở, ban, ngành cấp tỉnh và Ủy ban nhân dân các xã, phường',
    units,
    today,
    deadline,
    groupNames: [
      { unitIds: ids((u) => u.unitId <= AGENCY_COUNT), name: 'Các sở, ban, ngành cấp tỉnh' },
      { unitIds: ids((u) => u.unitId > AGENCY_COUNT), name: 'Ủy ban nhân dân các xã, phường' },
    ],
  });
}

/** A ward's report: its 14 tasks, several deliverables each, the nine indicators, written sections. */
function wardReport() {
  const plan = provincePlan();
  const tasks: ReportTaskLine[] = plan.tasks.slice(0, 14).map((t, i) => ({
    taskNumber: t.number,
    taskTitle: t.title,
    role: i % 3 === 0 ? 'coordinator' : 'lead',
    status: (['doneOnTime', 'inProgress', 'doneLate', 'overdue'] as const)[i % 4]!,
    percent: [100, 60, 100, 30][i % 4]!,
    results: [],
    deliverables: Array.from({ length: i % 3 }, (_, j) => ({
      kind: j === 0 ? 'conference' : 'document',
      title:
        j === 0
          ? 'Hội nghị phổ biến Luật Trí tuệ nhân tạo cho cán bộ, công chức phường'
          : 'Công văn hướng dẫn triển khai',
      occurredOn: `2026-0${(i % 8) + 2}-1${j}`,
      participants: j === 0 ? 120 : null,
      documentNumber: j === 0 ? null : `${40 + i}/UBND-VHXH`,
      link: null,
    })),
    deadline: '2026-12-14',
  }));
  return buildUnitReportDocument({
    issuer: WARD,
    plan: KH129,
    regimeName: 'x',
    period,
    receiverName: 'Sở Khoa học và Công nghệ',
    content: {
      window: period.dataWindow,
      tasks,
      obstacles: [],
      narrative: {
        leadership: 'Ủy ban nhân dân phường ban hành Kế hoạch số 45/KH-UBND ngày 20/5/2026 triển khai trên địa bàn.',
        results: '',
        assessment: 'Các nhiệm vụ cơ bản được triển khai đúng tiến độ.',
        obstacles: 'Cán bộ phụ trách còn kiêm nhiệm.',
        proposals: 'Đề nghị Sở Khoa học và Công nghệ cung cấp tài liệu tuyên truyền.',
        nextSteps: 'Tiếp tục tuyên truyền, phổ biến Luật đến tổ dân phố.',
      },
    },
    indicators: LAW_IMPLEMENTATION_INDICATORS,
    indicatorValues: Object.fromEntries(LAW_IMPLEMENTATION_INDICATORS.map((d, i) => [d.code, i * 13])),
    number: '112',
    date: '2026-12-10',
    today: '2026-12-10',
  });
}

interface Word {
  page: number;
  width: number;
  height: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

async function words(pdf: Buffer): Promise<Word[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'thihanh-bbox-'));
  try {
    await writeFile(path.join(dir, 'in.pdf'), pdf);
    await run('pdftotext', ['-bbox', path.join(dir, 'in.pdf'), path.join(dir, 'out.html')]);
    const html = await readFile(path.join(dir, 'out.html'), 'utf8');
    const out: Word[] = [];
    let page = 0;
    for (const m of html.matchAll(
      /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    )) {
      if (m[1]) {
        page++;
        out.push({ page, width: Number(m[1]), height: Number(m[2]), x0: 0, y0: 0, x1: 0, y1: 0, text: '' });
      } else {
        const p = out.findLast((w) => w.text === '')!;
        out.push({ ...p, page, x0: Number(m[3]), y0: Number(m[4]), x1: Number(m[5]), y1: Number(m[6]), text: m[7]! });
      }
    }
    return out.filter((w) => w.text !== '');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Words outside the text area; the page number in the top margin is where ND30 puts it. */
function outside(ws: readonly Word[]): string[] {
  return ws
    .filter((w) => {
      const inX = w.x0 >= MARGIN.left - TOLERANCE && w.x1 <= w.width - MARGIN.right + TOLERANCE;
      const inY = w.y0 >= MARGIN.top - TOLERANCE && w.y1 <= w.height - MARGIN.bottom + TOLERANCE;
      const pageNumber = /^\d+$/.test(w.text) && w.y1 <= MARGIN.top;
      return !(inX && inY) && !pageNumber;
    })
    .map(
      (w) => `p${w.page} "${w.text}" [${w.x0.toFixed(1)}, ${w.y0.toFixed(1)} – ${w.x1.toFixed(1)}, ${w.y1.toFixed(1)}]`,
    );
}

const pdfs: Record<'report' | 'letter' | 'unit' | 'plan', { pdf: Buffer; text: string }> = {} as never;

describe('every document a clerk signs, printed by LibreOffice', () => {
  const report = wideCompiledReport();
  const letter = lateLetter();
  const unit = wardReport();
  before(async () => {
    if (!((await hasTool('soffice')) && (await hasTool('pdftotext'))))
      throw new Error('Cần LibreOffice và poppler-utils: apt-get install libreoffice-writer-nogui poppler-utils');
    const docs = {
      report: await renderCompiledReportDocx(report),
      letter: await renderReminderLetterDocx(letter),
      unit: await renderUnitReportDocx(unit),
      plan: await renderPlanDocx(provincePlan(), PROVINCE_RENDER_OPTIONS),
    };
    // Two at a time: the machine has two cores.
    for (const pair of [
      ['report', 'letter'],
      ['unit', 'plan'],
    ] as const) {
      await Promise.all(
        pair.map(async (k) => {
          const pdf = await convertWithLibreOffice(docs[k], 'pdf');
          pdfs[k] = { pdf, text: await textOf(pdf) };
          if (process.env.THIHANH_KEEP_PDF) await writeFile(`/tmp/thihanh-clerk-${k}.pdf`, pdf);
        }),
      );
    }
  });

  it('sizes the compiled report annex to the landscape text width (14,287 twips), 15 columns', () => {
    const { landscape, columns, size } = annexLayout(report);
    assert.equal(landscape, true);
    assert.equal(columns.length, 15);
    assert.equal(
      columns.reduce((a, b) => a + b, 0),
      14287,
    );
    assert.ok(columns[0]! >= 450, `STT column ${columns[0]} twips`);
    assert.ok(size >= 10, `${size} pt`);
  });

  for (const k of ['report', 'letter', 'unit', 'plan'] as const) {
    it(`puts no word of the ${k} outside the text area`, async (t) => {
      const ws = await words(pdfs[k].pdf);
      const pages = new Set(ws.map((w) => w.page)).size;
      t.diagnostic(`${k}: ${pages} pages, ${ws.length} words`);
      assert.ok(ws.length > 100);
      assert.deepEqual(outside(ws).slice(0, 20), []);
    });
  }

  it('names one deadline in the reminder letter, the same in the opening and the closing', () => {
    const text = pdfs.letter.text;
    const dates = [...text.matchAll(/trước ngày (\d{2}\/\d{1,2}\/\d{4})/g)].map((m) => m[1]);
    assert.ok(dates.length >= 1, 'the deadline is named');
    assert.deepEqual([...new Set(dates)], ['24/12/2026'], '5 working days from 16/12/2026, last day 23/12');
    assert.match(
      text,
      /Kính gửi:\s+- Các sở, ban, ngành cấp tỉnh có tên tại Danh sách kèm theo;\s+- Ủy ban nhân dân các xã, phường có tên tại Danh sách kèm theo\./,
    );
    assert.match(
      text,
      /DANH SÁCH CÁC CƠ QUAN, ĐƠN VỊ CHƯA GỬI HOẶC CHƯA ĐẾN\s+HẠN GỬI BÁO CÁO KẾT QUẢ THỰC HIỆN NĂM 2026/,
    );
    // Every unit but the two not yet due and Nam Sầm Sơn, which sent on time.
    assert.match(text, new RegExp(`${REPORTING_UNIT_COUNT - 3} cơ quan, đơn vị đã đến hạn nhưng\\s+chưa gửi`));
    assert.match(
      text.replace(/\s+/g, ' '),
      /\(Kèm theo Công văn số \/SKHCN-VP ngày tháng năm 2026 của Sở Khoa học và Công nghệ\)/,
    );
    assert.match(
      text,
      /Bộ Chỉ huy Quân sự tỉnh\s+21\/12\/2026\s+Chưa đến\s/,
      'a unit not yet due is not called chưa gửi',
    );
    assert.doesNotMatch(text, /năm\s*\n/, 'no blank year in the date line');
    assert.match(text, /Thanh Hóa, ngày\s+tháng\s+năm 2026/);
  });

  it('signs each document with a name and files it with the drafting division', () => {
    assert.match(pdfs.letter.text, /Trịnh Văn Hùng/);
    assert.match(pdfs.letter.text, /- Lưu: VT, VP\./);
    assert.match(pdfs.report.text, /Lê Minh Hải/);
    assert.match(pdfs.report.text, /- Lưu: VT, QLCN\./);
    assert.match(
      pdfs.unit.text,
      /TM\. ỦY BAN NHÂN DÂN\s*\n[^\n]*KT\. CHỦ TỊCH\s*\n[\s\S]*PHÓ CHỦ TỊCH\s*\n[\s\S]*Trần Quốc Cường/,
    );
    assert.match(pdfs.unit.text, /- Lưu: VT, VP\./);
    assert.match(pdfs.unit.text, /Kính gửi: Sở Khoa học và Công nghệ\./);
    assert.match(pdfs.unit.text, /Số: 112\/BC-UBND\s+Nam Sầm Sơn, ngày 10 tháng 12 năm 2026/);
    assert.match(
      pdfs.unit.text.replace(/\s+/g, ' '),
      /\(Kèm theo Báo cáo số 112\/BC-UBND ngày 10 tháng 12 năm 2026 của Ủy ban nhân dân phường Nam Sầm Sơn\)/,
    );
  });

  it('numbers the annex columns (1)…(15) and repeats the annex header on every page', async () => {
    const text = pdfs.report.text;
    assert.match(text, /\(1\)\s+\(2\)\s+\(3\)[\s\S]*\(15\)/);
    const pages = text.split('\f');
    const annexPages = pages.filter((p) => /\(15\)/.test(p));
    assert.ok(annexPages.length >= 4, `${annexPages.length} annex pages with the header`);
  });
});

async function textOf(pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'thihanh-text-'));
  try {
    await writeFile(path.join(dir, 'in.pdf'), pdf);
    await run('pdftotext', ['-layout', path.join(dir, 'in.pdf'), path.join(dir, 'out.txt')]);
    return await readFile(path.join(dir, 'out.txt'), 'utf8');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
