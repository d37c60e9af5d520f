// The spreadsheets of the reporting screens (issue 9, item 8): the focal dashboard of a plan and the reports received
// in a period, opened with exceljs and read cell by cell against the JSON routes they mirror. On the demo data: KH
// 129/KH-UBND issued and cascaded to 161 of the 166 communes and wards, phường Nam Sầm Sơn's plan issued; on top of
// it the ward's Phòng Văn hóa - Xã hội completes task 1 and the ward sends its yearly report, which the Sở accepts.
// Read on 16/12/2026: the 2026 deadlines have passed, so unfinished work is overdue and unsent reports are missing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { seedDemoContent } from '../../src/demo.ts';
import { setReportingClock } from '../../src/modules/reporting/clock.ts';
import { Client } from '../support/api.ts';
import { findAssignment, ok, openWorld, recordProgress, unitReport, type World } from '../support/factories.ts';

const DEMO_PASSWORD = 'ThiHanh@2026';

let w: World<{}>;
let skhcn: Client;
let ward: Client;
let wardLeader: Client;
let provincePlanId: number;

before(async () => {
  w = await openWorld({});
  assert.equal(await seedDemoContent(w.d.db), true, 'demo content loaded');
  const as = (username: string) => new Client(w.app).login(username, DEMO_PASSWORD);
  skhcn = await as('skhcn.chuyenvien');
  ward = await as('namsamson.chuyenvien');
  wardLeader = await as('namsamson.lanhdao');
  const plans = (await skhcn.get('/api/plans?status=issued&limit=10')).body.items as any[];
  provincePlanId = plans.find((p) => p.number === '129').id;
  const wardPlanId = plans.find((p) => p.number === '45').id;

  setReportingClock(w.d.db, '2026-11-20T09:00:00+07:00');
  const task1 = await findAssignment(ward, `planId=${wardPlanId}&year=2026`, '1', '16516.PVHXH');
  await recordProgress(ward, task1.id, {
    percent: 100,
    completed: true,
    occurredOn: '2026-11-18',
    narrative: 'Đã tổ chức hội nghị quán triệt Luật Trí tuệ nhân tạo.',
  });
  const regimeId = (await skhcn.get(`/api/dashboard/focal?planId=${provincePlanId}&year=2026`)).body.reports.regimeId;
  await unitReport(regimeId, 'accepted', { officer: ward, leader: wardLeader, receiver: skhcn });
  setReportingClock(w.d.db, '2026-12-16T09:00:00+07:00');
});
after(() => w?.close());

async function workbook(body: ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body);
  return wb;
}

/** The rows of a sheet's table: the row under the header row, down to the last row with a first or second cell. */
function tableRows(ws: ExcelJS.Worksheet, headerRow: number, count: number): ExcelJS.Row[] {
  return Array.from({ length: count }, (_, i) => ws.getRow(headerRow + 1 + i));
}

const day = (v: ExcelJS.CellValue) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);
const percentOf = (cell: ExcelJS.Cell) => {
  assert.match(cell.numFmt, /^0(\.0)?%$/, `${cell.address} in a % format`);
  return Math.round((cell.value as number) * 1000) / 10;
};
const headersOf = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1);

function assertFrozenHeader(ws: ExcelJS.Worksheet, headerRow: number) {
  const view = ws.views[0] as ExcelJS.WorksheetView & { ySplit?: number };
  assert.equal(view.state, 'frozen', `${ws.name}: header frozen`);
  assert.equal(view.ySplit, headerRow, `${ws.name}: frozen under the header row`);
  assert.equal(ws.pageSetup.printTitlesRow, `${headerRow}:${headerRow}`, `${ws.name}: header repeated on print`);
  assert.ok(
    ws.columns.some((c) => c.width! >= 24),
    `${ws.name}: the names' column is wide`,
  );
}

describe('spreadsheets of the focal dashboard and of the reports received', { timeout: 600_000 }, () => {
  test('the focal dashboard as XLSX: every table of the screen, cell for cell the JSON answer', async () => {
    const json = await skhcn.get(`/api/dashboard/focal?planId=${provincePlanId}&year=2026`);
    ok(json, 'dashboard');
    const d = json.body;
    const timed = async () => {
      const started = performance.now();
      const answer = await skhcn.get(`/api/dashboard/focal.xlsx?planId=${provincePlanId}&year=2026`);
      return { answer, ms: Math.round(performance.now() - started) };
    };
    const first = await timed();
    const { answer: r, ms } = await timed();
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.match(r.headers.get('content-disposition')!, /filename="bang-dieu-khien-129-kh-ubnd-nam-2026\.xlsx"/);
    const wb = await workbook(r.body);
    console.log(
      `# focal dashboard XLSX: ${(r.body as ArrayBuffer).byteLength} bytes, ${first.ms} ms (worker starting), then ${ms} ms`,
    );
    assert.deepEqual(
      wb.worksheets.map((s) => s.name),
      ['Tổng hợp', 'Theo nhiệm vụ', 'Theo đơn vị', 'Việc quá hạn', 'Báo cáo chưa nhận'],
    );
    for (const ws of wb.worksheets) assertFrozenHeader(ws, 5);
    const titles = wb.getWorksheet('Tổng hợp')!;
    assert.equal(
      titles.getCell('A2').value,
      `Kế hoạch số 129/KH-UBND ngày 04/05/2026 của UBND tỉnh Thanh Hóa: ${d.plan.title}`,
    );
    assert.match(
      String(titles.getCell('A3').value),
      /^Năm 2026: số liệu từ 15\/12\/2025 đến 14\/12\/2026, tính đến ngày 16\/12\/2026$/,
    );

    // Per task: the figures of the JSON answer, the due date an Excel date, the averages percentages.
    const tasks = wb.getWorksheet('Theo nhiệm vụ')!;
    assert.deepEqual(headersOf(tasks, 5).slice(0, 5), [
      'Nhiệm vụ số',
      'Nội dung nhiệm vụ',
      'Thời gian thực hiện',
      'Hạn trong năm',
      'Lượt giao',
    ]);
    assert.equal(d.tasks.length, 6);
    tableRows(tasks, 5, d.tasks.length).forEach((row, i) => {
      const t = d.tasks[i];
      assert.equal(row.getCell(1).value, t.number);
      assert.equal(row.getCell(2).value, t.title);
      assert.equal(day(row.getCell(4).value), t.dueDate ?? null, `task ${t.number} due`);
      if (t.dueDate) assert.equal(row.getCell(4).numFmt, 'dd/mm/yyyy');
      const counts = [5, 6, 7, 8, 9, 11, 12].map((c) => row.getCell(c).value);
      assert.deepEqual(counts, [
        t.assignments,
        t.doneOnTime,
        t.doneLate,
        t.inProgress,
        t.overdue,
        t.units,
        t.unitsDone,
      ]);
      assert.equal(percentOf(row.getCell(10)), t.averagePercent);
      assert.equal(percentOf(row.getCell(13)), t.unitsDoneShare);
    });
    const sum = (k: string) => d.tasks.reduce((n: number, t: any) => n + t[k], 0);
    const total = tasks.getRow(6 + d.tasks.length);
    assert.equal(total.getCell(2).value, 'Tổng cộng');
    assert.equal(total.getCell(5).value, sum('assignments'));
    assert.equal(total.getCell(9).value, sum('overdue'));
    const t1 = d.tasks.find((t: any) => t.number === '1');
    assert.ok(t1.doneOnTime >= 1, 'the ward office finished task 1 on time');
    assert.ok(sum('overdue') > 0, 'after 14/12 unfinished work is overdue');

    // Per unit: the 166 communes and wards and the agencies with work, in the screen's order.
    const units = wb.getWorksheet('Theo đơn vị')!;
    assert.equal(d.units.filter((u: any) => u.kind === 'commune' || u.kind === 'ward').length, 166);
    tableRows(units, 5, d.units.length).forEach((row, i) => {
      const u = d.units[i];
      assert.deepEqual([row.getCell(1).value, row.getCell(2).value, row.getCell(3).value], [i + 1, u.unitName, u.code]);
      assert.deepEqual(
        [6, 7, 8, 9, 10].map((c) => row.getCell(c).value),
        [u.assignments, u.done, u.overdue, u.tasksDone, u.tasks],
      );
      assert.equal(percentOf(row.getCell(11)), u.averagePercent);
    });
    assert.equal(units.getRow(6 + d.units.length).getCell(2).value, null, 'nothing under the last unit');
    const nss = d.units.findIndex((u: any) => u.unitName === 'Phường Nam Sầm Sơn');
    const nssRow = units.getRow(6 + nss);
    assert.deepEqual([nssRow.getCell(5).value, nssRow.getCell(12).value], ['Đã ban hành', 'Đúng hạn']);
    const uncascaded = d.units.filter((u: any) => (u.kind === 'commune' || u.kind === 'ward') && !u.plan).length;
    assert.equal(uncascaded, 5, 'the five communes the demo left without a plan');
    assert.equal(units.getColumn(5).values.filter((v) => v === 'Chưa có').length, 5, 'their rows say so');

    // Overdue: every overdue assignment (the screen lists the first 200), earliest first.
    const overdue = wb.getWorksheet('Việc quá hạn')!;
    assert.ok(d.overdue.length > 0);
    const listed = overdue.getColumn(1).values.filter((v) => typeof v === 'number').length;
    assert.equal(listed, sum('overdue'), 'one row per overdue assignment, as the tasks count them');
    tableRows(overdue, 5, d.overdue.length).forEach((row, i) => {
      const o = d.overdue[i];
      assert.deepEqual(
        [row.getCell(2).value, row.getCell(3).value, day(row.getCell(5).value)],
        [o.unitName, o.taskNumber, o.dueDate],
      );
      assert.equal(percentOf(row.getCell(6)), o.percent);
    });

    console.log(
      `# dashboard 2026: ${d.units.length} units, ${sum('assignments')} assignments, ${sum('doneOnTime')} done on time, ${sum('overdue')} overdue (${d.overdue.length} on the screen), ${d.reports.missing.length} reports missing`,
    );
    // Reports: the summary's figures and the units not yet received.
    const summary = new Map(tableRows(titles, 5, 15).map((row) => [row.getCell(2).value, row]));
    const figure = (label: string) => summary.get(label)!.getCell(3).value;
    assert.equal(figure('Số nhiệm vụ của kế hoạch'), 6);
    assert.equal(figure('Số lượt giao nhiệm vụ (đơn vị chủ trì, phối hợp)'), sum('assignments'));
    assert.equal(figure('Hoàn thành đúng hạn'), sum('doneOnTime'));
    assert.equal(figure('Chưa hoàn thành, quá hạn'), sum('overdue'));
    assert.equal(figure('Báo cáo đã nhận'), d.reports.totals.received);
    assert.equal(d.reports.totals.received, 1, 'phường Nam Sầm Sơn');
    assert.equal(percentOf(summary.get('Tỷ lệ báo cáo đã nhận')!.getCell(4)), d.reports.totals.receivedRate);
    const missing = wb.getWorksheet('Báo cáo chưa nhận')!;
    assert.equal(missing.getColumn(1).values.filter((v) => typeof v === 'number').length, d.reports.missing.length);
    assert.ok(d.reports.missing.length >= 165);
    tableRows(missing, 5, d.reports.missing.length).forEach((row, i) => {
      const m = d.reports.missing[i];
      assert.deepEqual([row.getCell(2).value, day(row.getCell(3).value)], [m.unitName, m.dueDate]);
    });
    assert.equal(missing.getRow(6).getCell(4).value, 'Chưa gửi, quá hạn');
  });

  test('the reports received in a period as XLSX: each unit, the counts and the indicators of the JSON answer', async () => {
    const { regimeId, periodKey } = (await skhcn.get(`/api/dashboard/focal?planId=${provincePlanId}&year=2026`)).body
      .reports;
    const path = `/api/regimes/${regimeId}/periods/${periodKey}/status`;
    const json = await skhcn.get(path);
    ok(json, 'period status');
    const s = json.body;
    const r = await skhcn.get(`${path}.xlsx`);
    assert.equal(r.status, 200);
    assert.match(
      r.headers.get('content-disposition')!,
      /filename="tinh-hinh-nhan-bao-cao-ke-hoach-so-129-kh-ubnd-nam-2026\.xlsx"/,
    );
    const wb = await workbook(r.body);
    assert.deepEqual(
      wb.worksheets.map((x) => x.name),
      ['Các đơn vị', 'Tổng hợp', 'Chỉ tiêu'],
    );
    for (const ws of wb.worksheets) assertFrozenHeader(ws, 5);
    const units = wb.getWorksheet('Các đơn vị')!;
    assert.equal(units.getCell('A1').value, 'TÌNH HÌNH NHẬN BÁO CÁO NĂM 2026');
    assert.deepEqual(headersOf(units, 5), [
      'STT',
      'Đơn vị',
      'Mã',
      'Loại',
      'Hạn gửi',
      'Tình hình',
      'Báo cáo',
      'Ngày gửi',
      'Lý do trả lại',
    ]);
    assert.ok(s.units.length >= 166);
    tableRows(units, 5, s.units.length).forEach((row, i) => {
      const u = s.units[i];
      assert.deepEqual(
        [2, 3, 6, 7].map((c) => row.getCell(c).value),
        [u.unitName, u.unitCode, u.stateLabel, u.statusLabel],
      );
      assert.equal(day(row.getCell(5).value), u.dueDate);
      assert.equal(row.getCell(5).numFmt, 'dd/mm/yyyy');
      assert.equal(day(row.getCell(8).value), u.submittedOn);
    });
    const nss = s.units.findIndex((u: any) => u.unitCode === '16516');
    const nssRow = units.getRow(6 + nss);
    assert.deepEqual([nssRow.getCell(6).value, nssRow.getCell(7).value], ['Đúng hạn', 'Đã tiếp nhận']);
    assert.ok(nssRow.getCell(8).value instanceof Date, 'the day it was sent, an Excel date');

    const counts = wb.getWorksheet('Tổng hợp')!;
    const totalCol = 2 + s.groups.length;
    assert.equal(counts.getRow(5).getCell(totalCol).value, 'Tổng');
    const row = (label: string) => tableRows(counts, 5, 9).find((x) => x.getCell(1).value === label)!;
    assert.equal(row('Phải báo cáo').getCell(totalCol).value, s.totals.expected);
    assert.equal(row('Đã nhận').getCell(totalCol).value, s.totals.received);
    assert.equal(row('Chưa gửi, quá hạn').getCell(totalCol).value, s.totals.missing);
    assert.equal(percentOf(row('Tỷ lệ đã nhận').getCell(totalCol)), s.totals.receivedRate);
    s.groups.forEach((g: any, i: number) => {
      assert.equal(counts.getRow(5).getCell(2 + i).value, g.label);
      assert.equal(row('Phải báo cáo').getCell(2 + i).value, g.totals.expected);
    });

    const indicators = wb.getWorksheet('Chỉ tiêu')!;
    assert.ok(s.indicators.length > 0);
    tableRows(indicators, 5, s.indicators.length).forEach((x, i) => {
      assert.deepEqual([x.getCell(2).value, x.getCell(4).value], [s.indicators[i].name, s.indicators[i].total]);
    });
  });

  test('the same permission rule as the JSON routes: a ward reads neither the province’s dashboard nor its period', async () => {
    const d = (await skhcn.get(`/api/dashboard/focal?planId=${provincePlanId}&year=2026`)).body;
    for (const path of [
      `/api/dashboard/focal?planId=${provincePlanId}`,
      `/api/dashboard/focal.xlsx?planId=${provincePlanId}`,
      `/api/regimes/${d.reports.regimeId}/periods/2026/status`,
      `/api/regimes/${d.reports.regimeId}/periods/2026/status.xlsx`,
    ]) {
      const r = await ward.get(path);
      assert.equal(r.status, 403, `${path}: ${JSON.stringify(r.body)}`);
      assert.equal(r.body.error.code, 'forbidden');
    }
    assert.equal((await new Client(w.app).get(`/api/dashboard/focal.xlsx?planId=${provincePlanId}`)).status, 401);
    assert.equal((await skhcn.get('/api/dashboard/focal.xlsx?planId=2147483000')).status, 404);
    // The ward follows its own plan: its dashboard downloads.
    const own = (await ward.get('/api/plans?status=issued&limit=10')).body.items.find((p: any) => p.number === '45');
    const mine = await ward.get(`/api/dashboard/focal.xlsx?planId=${own.id}&year=2026`);
    assert.equal(mine.status, 200);
    assert.match(mine.headers.get('content-disposition')!, /bang-dieu-khien-45-kh-ubnd-nam-2026\.xlsx/);
  });

  test('at province scale the spreadsheet lists every overdue assignment, where the screen stops at 200', async () => {
    // The 161 communes' plans issued with their assignments, as issuing creates them (through the API it would take
    // minutes); a third of the communes report task 1 done on 10/12/2026.
    await sql`UPDATE plan SET status = 'issued', published = true, number = '1', issued_date = '2026-06-01'
      WHERE parent_plan_id = ${provincePlanId} AND status = 'draft'`.execute(w.d.db);
    await sql`INSERT INTO assignment (task_id, plan_id, unit_id, role)
      SELECT t.id, t.plan_id, t.lead_unit_id, 'lead' FROM plan_task t JOIN plan p ON p.id = t.plan_id
      WHERE p.parent_plan_id = ${provincePlanId} AND t.lead_unit_id IS NOT NULL
      ON CONFLICT (task_id, unit_id) DO NOTHING`.execute(w.d.db);
    await sql`INSERT INTO progress_update (assignment_id, unit_id, percent, completed, occurred_on, narrative)
      SELECT a.id, a.unit_id, 100, true, '2026-12-10', 'Đã tổ chức tuyên truyền' FROM assignment a
      JOIN plan_task t ON t.id = a.task_id JOIN plan p ON p.id = a.plan_id
      WHERE p.parent_plan_id = ${provincePlanId} AND t.number = '1' AND a.unit_id % 3 = 0`.execute(w.d.db);
    await sql`ANALYZE`.execute(w.d.db);

    const d = (await skhcn.get(`/api/dashboard/focal?planId=${provincePlanId}&year=2026`)).body;
    const overdueTotal = d.tasks.reduce((n: number, t: any) => n + t.overdue, 0);
    assert.equal(d.overdue.length, 200, 'the screen lists the first 200');
    assert.ok(overdueTotal > 200, `${overdueTotal} overdue`);
    const started = performance.now();
    const r = await skhcn.get(`/api/dashboard/focal.xlsx?planId=${provincePlanId}&year=2026`);
    const ms = Math.round(performance.now() - started);
    assert.equal(r.status, 200);
    const wb = await workbook(r.body);
    console.log(
      `# at province scale: ${overdueTotal} overdue assignments, XLSX of ${(r.body as ArrayBuffer).byteLength} bytes in ${ms} ms`,
    );
    const overdue = wb.getWorksheet('Việc quá hạn')!;
    assert.equal(overdue.getColumn(1).values.filter((v) => typeof v === 'number').length, overdueTotal);
    tableRows(overdue, 5, 200).forEach((row, i) => {
      assert.deepEqual(
        [row.getCell(2).value, row.getCell(3).value, day(row.getCell(5).value)],
        [d.overdue[i].unitName, d.overdue[i].taskNumber, d.overdue[i].dueDate],
      );
    });
    const units = wb.getWorksheet('Theo đơn vị')!;
    const done = d.units.filter((u: any) => u.tasksDone > 0);
    assert.ok(done.length >= 50, `${done.length} units with a task done`);
    tableRows(units, 5, d.units.length).forEach((row, i) => {
      assert.deepEqual(
        [row.getCell(2).value, row.getCell(9).value, row.getCell(10).value],
        [d.units[i].unitName, d.units[i].tasksDone, d.units[i].tasks],
      );
    });
  });
});
