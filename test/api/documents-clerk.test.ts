// The documents a văn thư signs, through the API: a ward's own Báo cáo (DOCX in the ND30 layout, XLSX of its tables)
// readable by whoever reads the report and by nobody else; approving a report with empty required sections asks for
// confirmation; the compiled report and the reminder letter name their signer, file with the drafting division and
// give one deadline (the period's own before it passes, a new one after).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { paragraphTexts } from '../../src/documents/render/docx-inspect.ts';
import { setReportingClock } from '../../src/modules/reporting/clock.ts';
import { Client } from '../support/api.ts';
import {
  cascade,
  issuePlan,
  issueProvincePlan,
  ok,
  openWorld,
  regimeOfPlan,
  unitReport,
} from '../support/factories.ts';

async function docxParagraphs(body: ArrayBuffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(Buffer.from(body));
  return paragraphTexts(await zip.file('word/document.xml')!.async('string'));
}

test('a ward sends its Báo cáo as an official document; the Sở files its own with a name and one deadline', async (t) => {
  const w = await openWorld(
    {
      skhcn: ['skhcn.cv', '38.SKHCN', ['officer']],
      skhcnLeader: ['skhcn.ld', '38.SKHCN', ['leader']],
      leader: ['tinh.ld', '38', ['leader']],
      ward: ['nss.cv', '16516', ['officer']],
      wardLeader: ['nss.ld', '16516', ['leader']],
      other: ['ht.cv', '14797', ['officer']],
    },
    ['38', '16516'],
  );
  t.after(() => w.close());
  const names: Record<string, string> = { 'skhcn.ld': 'Trịnh Văn Hùng', 'nss.ld': 'Phạm Xuân Trường' };
  for (const [username, full_name] of Object.entries(names))
    await w.d.db.updateTable('app_user').set({ full_name }).where('username', '=', username).execute();
  setReportingClock(w.d.db, '2026-12-10T03:00:00Z');
  const planId = await issueProvincePlan(w.unitIds['38']!, { officer: w.as.skhcn, leader: w.as.leader });
  const regimeId = await regimeOfPlan(w.as.skhcn, planId);
  const wardPlanId = (await cascade(w.as.skhcn, planId, [w.unitIds['16516']!])).get(w.unitIds['16516']!)!;
  await issuePlan(wardPlanId, { officer: w.as.ward, leader: w.as.wardLeader, number: '45', date: '2026-05-20' });
  const reportId = await unitReport(regimeId, 'draft', { officer: w.as.ward, unitId: w.unitIds['16516'] });

  // Approving with required sections left empty asks first, naming them.
  const empty = await w.as.wardLeader.post(`/api/reports/${reportId}/approve`);
  assert.equal(empty.status, 409);
  assert.equal(empty.body.error.code, 'report.empty_sections');
  assert.deepEqual(
    empty.body.error.issues.map((i: { path: string }) => i.path),
    ['content.narrative.leadership', 'content.narrative.assessment', 'content.narrative.nextSteps'],
    'section II is prefilled from the progress',
  );
  assert.match(empty.body.error.message, /3 mục chưa viết: I\. Công tác lãnh đạo, chỉ đạo, triển khai thực hiện;/);
  ok(
    await w.as.ward.put(`/api/reports/${reportId}`, {
      narrative: {
        leadership: 'Ủy ban nhân dân phường ban hành Kế hoạch số 45/KH-UBND ngày 20/5/2026.',
        results: 'Tổ chức 01 hội nghị phổ biến Luật cho 120 cán bộ, công chức.',
      },
    }),
    'write two sections',
  );
  const two = await w.as.wardLeader.post(`/api/reports/${reportId}/approve`);
  assert.equal(two.status, 409);
  assert.deepEqual(
    two.body.error.issues.map((i: { path: string }) => i.path),
    ['content.narrative.assessment', 'content.narrative.nextSteps'],
  );
  assert.equal((await w.as.wardLeader.post(`/api/reports/${reportId}/approve`, { confirmEmpty: 'yes' })).status, 400);
  ok(await w.as.wardLeader.post(`/api/reports/${reportId}/approve`, { confirmEmpty: true }), 'approve, confirmed');

  // The ward's Báo cáo: ND30 header, Kính gửi the Sở, sections, annex, signed by the leader who approved it.
  const docx = await w.as.ward.get(`/api/reports/${reportId}/export.docx`);
  ok(docx, 'export.docx');
  assert.match(docx.headers.get('content-type')!, /wordprocessingml/);
  assert.match(
    docx.headers.get('content-disposition')!,
    /filename="bao-cao-so-01-bc-ubnd-ket-qua-thuc-hien-ke-hoach-so-/,
  );
  const p = await docxParagraphs(docx.body);
  for (const line of [
    'ỦY BAN NHÂN DÂN',
    'PHƯỜNG NAM SẦM SƠN',
    'Nam Sầm Sơn, ngày 10 tháng 12 năm 2026',
    'BÁO CÁO',
    'Kính gửi: Sở Khoa học và Công nghệ.',
    'I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, TRIỂN KHAI THỰC HIỆN',
    'Ủy ban nhân dân phường ban hành Kế hoạch số 45/KH-UBND ngày 20/5/2026.',
    'III. ĐÁNH GIÁ CHUNG',
    'TM. ỦY BAN NHÂN DÂN',
    'CHỦ TỊCH',
    'Phạm Xuân Trường',
    '- Như trên;',
    '- Lưu: VT, PVHXH.',
    'Phụ lục',
  ])
    assert.ok(p.includes(line), `"${line}" in ${JSON.stringify(p.slice(0, 12))}`);
  assert.ok(p.includes('Số: 01/BC-UBND'), "the first number of the ward's register of 2026, given on approval");
  assert.ok(
    p.includes('(Kèm theo Báo cáo số 01/BC-UBND ngày 10 tháng 12 năm 2026 của Ủy ban nhân dân phường Nam Sầm Sơn)'),
  );

  const xlsx = await w.as.skhcn.get(`/api/reports/${reportId}/export.xlsx`);
  ok(xlsx, 'export.xlsx by the receiving Sở');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(xlsx.body) as unknown as ExcelJS.Buffer);
  assert.deepEqual(
    wb.worksheets.map((s) => s.name),
    ['Nhiệm vụ', 'Chỉ tiêu'],
  );
  assert.equal(wb.worksheets[0]!.getCell('B5').value, 'Nhiệm vụ');
  assert.ok(wb.worksheets[0]!.rowCount > 5, 'the ward has tasks');

  // Another ward's officer does not see it exists; nobody signed out gets it.
  assert.equal((await w.as.other.get(`/api/reports/${reportId}/export.docx`)).status, 404);
  assert.equal((await w.as.other.get(`/api/reports/${reportId}/export.xlsx`)).status, 404);
  assert.equal((await new Client(w.app).get(`/api/reports/${reportId}/export.docx`)).status, 401);
  assert.equal((await w.as.ward.get('/api/reports/999999/export.docx')).status, 404);

  // Before the due date (14/12), the reminder names the period's own deadline, the same in opening and closing,
  // and calls nobody "chưa gửi".
  const early = await w.as.skhcn.get(`/api/regimes/${regimeId}/periods/2026/reminder`);
  ok(early, 'reminder');
  assert.equal(early.body.symbol, 'SKHCN-VP');
  assert.equal(early.body.copyTo.at(-1), 'Lưu: VT, VP');
  assert.deepEqual(early.body.signer, { lines: ['GIÁM ĐỐC'], name: 'Trịnh Văn Hùng' });
  assert.equal(early.body.newDeadline, '2026-12-14');
  assert.ok(early.body.missing.every((m: { state: string }) => m.state === 'pending'));
  const earlyDocx = await docxParagraphs(
    (await w.as.skhcn.get(`/api/regimes/${regimeId}/periods/2026/reminder.docx`)).body,
  );
  const deadlines = (ps: string[]) =>
    [...ps.join('\n').matchAll(/trước ngày (\d{2}\/\d{1,2}\/\d{4})/g)].map((m) => m[1]);
  assert.deepEqual(deadlines(earlyDocx), ['15/12/2026', '15/12/2026'], 'opening and closing name the same day');
  assert.ok(!earlyDocx.some((x) => /chưa gửi \(quá hạn\)|Chưa gửi \(quá hạn\)/.test(x)));
  assert.ok(
    earlyDocx.some((x) => /^Thanh Hóa, ngày +tháng +năm 2026$/.test(x)),
    'the year is printed',
  );

  // After it: one new deadline, named once, the late units in the annexed list.
  setReportingClock(w.d.db, '2026-12-16T03:00:00Z');
  const late = await docxParagraphs((await w.as.skhcn.get(`/api/regimes/${regimeId}/periods/2026/reminder.docx`)).body);
  assert.equal(new Set(deadlines(late)).size, 1, `one deadline: ${deadlines(late).join(', ')}`);
  assert.ok(late.some((x) => x.startsWith('DANH SÁCH CÁC CƠ QUAN, ĐƠN VỊ CHƯA GỬI')));
  assert.ok(late.includes('- Lưu: VT, VP.'));
  assert.ok(late.includes('Trịnh Văn Hùng'));

  // The compiled report: signed by the Sở's leader, filed with its office, Section I from what the units did.
  const compiled = await w.as.skhcn.get(`/api/regimes/${regimeId}/periods/2026/compiled`);
  ok(compiled, 'compiled');
  assert.deepEqual(compiled.body.signer, { lines: ['GIÁM ĐỐC'], name: 'Trịnh Văn Hùng' });
  assert.equal(compiled.body.copyTo.at(-1), 'Lưu: VT, VP');
  assert.equal(compiled.body.year, 2026);
  const cp = await docxParagraphs((await w.as.skhcn.get(`/api/regimes/${regimeId}/periods/2026/compiled.docx`)).body);
  assert.ok(!cp.some((x) => /đã tổng hợp kết quả từ báo cáo của/.test(x)), 'Section I is not a count');
  assert.ok(cp.includes('Trịnh Văn Hùng'));
});
