// The yearly reporting cycle on the real data: KH 129/KH-UBND issued (its regime: Sở KH&CN receives from the
// agencies with tasks and the 166 communes/wards before 15/12), cascaded to all 166; phường Nam Sầm Sơn issues its
// own plan and holds a conference; its economic office reports to the ward, the ward drafts its report (prefilled
// with the conference and the office's report), its leader approves, it is sent on time; Hạc Thành's report is
// returned; a third commune sends late; the status, the focal dashboard, the compiled report, the reminder letter
// and the reminder e-mails (to a local SMTP server) follow. "Today" is set per step with the reporting clock.
import { after, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import type { TestDatabase } from '../support/db.ts';
import { Client, makeUser, type App } from '../support/api.ts';
import { startSmtp } from '../support/smtp.ts';
import {
  cascade,
  closeStages,
  findAssignment,
  issuePlan,
  issueProvincePlan,
  ok,
  openWorld,
  recordProgress,
  regimeOfPlan,
  stage,
  unitReport,
  type Cast,
  type Stage,
  type World,
} from '../support/factories.ts';
import { setReportingClock } from '../../src/modules/reporting/clock.ts';
import { runReminders } from '../../src/modules/reporting/reminders.ts';
import { createMailer } from '../../src/modules/mail/mailer.ts';

const PROVINCE = 'ke-hoach-tinh-thanh-hoa-thi-hanh-luat-tri-tue-nhan-tao.txt';
const SEEDS = new URL('../fixtures/plans/', import.meta.url);
const CONFERENCE = 'Hội nghị phổ biến Luật Trí tuệ nhân tạo';

const CAST = {
  skhcn: ['skhcn.cv', '38.SKHCN', ['officer']],
  leader: ['tinh.ld', '38', ['leader']],
  ward: ['nss.cv', '16516', ['officer']],
  wardLeader: ['nss.ld', '16516', ['leader']],
  economic: ['nss.ktht', '16516.PKTHTĐT', ['officer']],
  economicLeader: ['nss.ktht.ld', '16516.PKTHTĐT', ['leader']],
  hacThanh: ['hacthanh.cv', '14797', ['officer']],
  hacThanhLeader: ['hacthanh.ld', '14797', ['leader']],
  bimSon: ['bimson.cv', '14812', ['officer']],
  bimSonLeader: ['bimson.ld', '14812', ['leader']],
} satisfies Cast;
const UNIT_CODES = [
  '38',
  '38.SKHCN',
  '38.STC',
  '38.CAT',
  '16516',
  '16516.PVHXH',
  '16516.PKTHTĐT',
  '16516.CA',
  '14797',
  '14812',
];

type ReportingWorld = World<typeof CAST> & {
  /** The reporting clock of the stage's last step. */
  clock: string;
  provincePlanId: number;
  wardPlanId: number;
  regimeId: number;
  wardRegimeId: number;
  wardReportId: number;
  hacThanhReportId: number;
  bimSonReportId: number;
};

function setClock(w: ReportingWorld, date: string) {
  w.clock = date;
  setReportingClock(w.d.db, `${date}T09:00:00+07:00`);
}

// The stages of the year the tests start from, each built through the API on the one before (as the tests did).
const signedIn = stage(async () => {
  const w = {
    ...(await openWorld(CAST, UNIT_CODES)),
    provincePlanId: 0,
    wardPlanId: 0,
    regimeId: 0,
    wardRegimeId: 0,
    wardReportId: 0,
    hacThanhReportId: 0,
    bimSonReportId: 0,
  } as ReportingWorld;
  setClock(w, '2026-05-04');
  return w;
});
const provinceIssued = stage(async () => {
  const w = await signedIn.copy();
  setClock(w, w.clock);
  w.provincePlanId = await issueProvincePlan(w.unitIds['38']!, {
    officer: w.as.skhcn,
    leader: w.as.leader,
    signerName: 'Nguyễn Hoài Anh',
  });
  w.regimeId = await regimeOfPlan(w.as.skhcn, w.provincePlanId);
  return w;
});
/** Cascaded to the 166; phường Nam Sầm Sơn issues its plan as KH 15 on 20/5/2026. */
const wardIssued = stage(async () => {
  const w = await provinceIssued.copy();
  w.wardPlanId = (await cascade(w.as.skhcn, w.provincePlanId, 'all')).get(w.unitIds['16516']!)!;
  setClock(w, '2026-05-20');
  await issuePlan(w.wardPlanId, { officer: w.as.ward, leader: w.as.wardLeader, number: '15', date: '2026-05-20' });
  w.wardRegimeId = await regimeOfPlan(w.as.ward, w.wardPlanId);
  return w;
});
const workRecorded = stage(async () => {
  const w = await wardIssued.copy();
  setClock(w, '2026-11-21');
  const query = `planId=${w.wardPlanId}&year=2026`;
  await recordProgress(w.as.ward, (await findAssignment(w.as.ward, query, '1', '16516.PVHXH')).id, CONFERENCE_UPDATE);
  await recordProgress(
    w.as.economic,
    (await findAssignment(w.as.ward, query, '3.1', '16516.PKTHTĐT')).id,
    ARTICLE_UPDATE,
  );
  return w;
});
/** The economic office's report accepted by the ward's focal office. */
const officeReported = stage(async () => {
  const w = await workRecorded.copy();
  setClock(w, '2026-11-25');
  await makeUser(w.d.db, 'nss.vhxh', '16516.PVHXH', ['officer']);
  const focal = await new Client(w.app).login('nss.vhxh');
  await unitReport(w.wardRegimeId, 'accepted', {
    officer: w.as.economic,
    leader: w.as.economicLeader,
    receiver: focal,
  });
  return w;
});
const wardDrafted = stage(async () => {
  const w = await officeReported.copy();
  setClock(w, '2026-12-01');
  w.wardReportId = await unitReport(w.regimeId, 'draft', { officer: w.as.ward });
  return w;
});
/** The ward's report written, approved, sent on 02/12/2026 and accepted by Sở KH&CN. */
const wardSent = stage(async () => {
  const w = await wardDrafted.copy();
  setClock(w, w.clock);
  ok(await w.as.ward.put(`/api/reports/${w.wardReportId}`, WARD_SECTIONS), 'report sections');
  ok(await w.as.wardLeader.post(`/api/reports/${w.wardReportId}/approve`, { confirmEmpty: true }), 'report approve');
  setClock(w, '2026-12-02');
  ok(await w.as.ward.post(`/api/reports/${w.wardReportId}/submit`), 'report submit');
  ok(await w.as.skhcn.post(`/api/reports/${w.wardReportId}/accept`), 'report accept');
  return w;
});
const hacThanhReturned = stage(async () => {
  const w = await wardSent.copy();
  setClock(w, w.clock);
  w.hacThanhReportId = await unitReport(w.regimeId, 'submitted', {
    officer: w.as.hacThanh,
    leader: w.as.hacThanhLeader,
  });
  setClock(w, '2026-12-04');
  ok(await w.as.skhcn.post(`/api/reports/${w.hacThanhReportId}/return`, { reason: RETURN_REASON }), 'report return');
  return w;
});
/** After the due date: Bỉm Sơn sent late, Hạc Thành's returned report edited, Quang Trung too late to start. */
const periodClosed = stage(async () => {
  const w = await hacThanhReturned.copy();
  setClock(w, '2026-12-10');
  w.bimSonReportId = await unitReport(w.regimeId, 'approved', { officer: w.as.bimSon, leader: w.as.bimSonLeader });
  setClock(w, '2026-12-16');
  await makeUser(w.d.db, 'quangtrung.cv', '14818', ['officer']);
  ok(
    await w.as.hacThanh.put(`/api/reports/${w.hacThanhReportId}`, { indicatorValues: { conferenceParticipants: 85 } }),
    'returned report edit',
  );
  ok(await w.as.bimSon.post(`/api/reports/${w.bimSonReportId}/submit`), 'late submit');
  return w;
});
/** Every commune's plan issued with its assignments (see issueAllCommunePlans). */
const communePlansIssued = stage(async () => {
  const w = await periodClosed.copy();
  setClock(w, w.clock);
  await issueAllCommunePlans(w.d.db, w.provincePlanId);
  return w;
});
const STAGES = [
  signedIn,
  provinceIssued,
  wardIssued,
  workRecorded,
  officeReported,
  wardDrafted,
  wardSent,
  hacThanhReturned,
  periodClosed,
  communePlansIssued,
];

const CONFERENCE_UPDATE = {
  percent: 60,
  occurredOn: '2026-11-20',
  narrative: 'Tổ chức hội nghị phổ biến Luật cho cán bộ, công chức phường và tổ trưởng tổ dân phố',
  deliverables: [{ kind: 'conference', title: CONFERENCE, occurredOn: '2026-11-20', participants: 120 }],
  obstacles: [
    { kind: 'proposal', content: 'Đề nghị Sở Khoa học và Công nghệ cung cấp tài liệu tuyên truyền thống nhất về Luật' },
  ],
};
const ARTICLE_UPDATE = {
  percent: 100,
  completed: true,
  occurredOn: '2026-11-18',
  narrative: 'Lồng ghép nội dung trí tuệ nhân tạo vào kế hoạch phát triển kinh tế - xã hội của phường',
  deliverables: [
    {
      kind: 'article',
      title: 'Tin bài về chuyển đổi số và trí tuệ nhân tạo trên trang thông tin điện tử phường',
      occurredOn: '2026-11-18',
    },
  ],
};
const WARD_SECTIONS = {
  narrative: {
    leadership: 'Ủy ban nhân dân phường ban hành Kế hoạch số 15/KH-UBND ngày 20/5/2026.',
    assessment: 'Cơ bản hoàn thành các nhiệm vụ năm 2026.',
  },
  indicatorValues: { legalDocumentsReviewed: 3 },
};
/** Ends with its own full stop, as people type it: no notification may add a second one. */
const RETURN_REASON = 'Thiếu số liệu người tham dự hội nghị tuyên truyền.';

let d: TestDatabase;
let app: App;
let skhcn: Client;
let leader: Client;
let ward: Client;
let wardLeader: Client;
let economic: Client;
let economicLeader: Client;
let hacThanh: Client;
let hacThanhLeader: Client;
let bimSon: Client;
let bimSonLeader: Client;
let unitIds: Record<string, number> = {};
let provincePlanId: number;
let wardPlanId: number;
let regimeId: number;
let wardRegimeId: number;
let wardReportId: number;
let hacThanhReportId: number;
let bimSonReportId: number;
const timings: Record<string, number[]> = {};

const at = (date: string) => setReportingClock(d.db, `${date}T09:00:00+07:00`);

/** The test runs on this world (a copy of its own when it writes, the stage's shared copy when it only reads), at its clock. */
async function given(s: Stage<ReportingWorld>, t?: TestContext) {
  const w = t ? await s.fresh(t) : await s.shared();
  ({
    d,
    app,
    unitIds,
    provincePlanId,
    wardPlanId,
    regimeId,
    wardRegimeId,
    wardReportId,
    hacThanhReportId,
    bimSonReportId,
  } = w);
  ({ skhcn, leader, ward, wardLeader, economic, economicLeader, hacThanh, hacThanhLeader, bimSon, bimSonLeader } =
    w.as);
  at(w.clock);
}

async function timed<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const r = await fn();
  (timings[name] ??= []).push(performance.now() - t0);
  return r;
}

after(async () => {
  for (const [name, list] of Object.entries(timings)) {
    const sorted = [...list].sort((a, b) => a - b);
    console.log(
      `# ${d.backend} ${name}: n=${list.length} min=${sorted[0]!.toFixed(1)} median=${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} max=${sorted.at(-1)!.toFixed(1)} ms`,
    );
  }
  await closeStages(...STAGES);
});

describe('regimes come with the issued plans', () => {
  test('issuing KH 129/KH-UBND creates its yearly regime, owned by Sở KH&CN, due before 15/12', async (t) => {
    await given(signedIn, t);
    const imp = await skhcn.post('/api/plans/import', {
      filename: PROVINCE,
      contentBase64: readFileSync(new URL(PROVINCE, SEEDS)).toString('base64'),
    });
    const created = await skhcn.post('/api/plans', {
      unitId: unitIds['38'],
      draft: imp.body.draft,
      sourceName: PROVINCE,
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    provincePlanId = created.body.id;
    assert.equal((await skhcn.post(`/api/plans/${provincePlanId}/submit`)).status, 200);
    assert.equal((await leader.post(`/api/plans/${provincePlanId}/approve`)).status, 200);
    const issued = await leader.post(`/api/plans/${provincePlanId}/issue`, {
      number: '129',
      date: '2026-05-04',
      signerName: 'Nguyễn Hoài Anh',
    });
    assert.equal(issued.status, 200, JSON.stringify(issued.body));

    const list = await skhcn.get(`/api/regimes?planId=${provincePlanId}`);
    assert.equal(list.status, 200);
    assert.equal(list.body.length, 1);
    regimeId = list.body[0].id;
    const detail = (await skhcn.get(`/api/regimes/${regimeId}`)).body;
    assert.equal(detail.regime.ownerName, 'Sở Khoa học và Công nghệ');
    assert.equal(detail.regime.kind, 'periodic');
    assert.equal(detail.regime.name, 'Báo cáo kết quả thực hiện Kế hoạch số 129/KH-UBND ngày 04/5/2026');
    assert.deepEqual(detail.regime.recipients, ['Ủy ban nhân dân tỉnh', 'Bộ Khoa học và Công nghệ']);
    assert.deepEqual(detail.regime.schedule.reminderDays, [7, 3, 1]);
    assert.ok(
      detail.regime.indicators.some((i: any) => i.code === 'conferences' && i.fromDeliverables.kind === 'conference'),
    );
    // 166 communes and wards + the three bodies with tasks (Sở Tài chính, Công an tỉnh, the press agency that
    // coordinates task 1); Sở KH&CN compiles.
    assert.equal(detail.submitterCount, 169);
    const y2026 = detail.periods.find((p: any) => p.key === '2026');
    assert.deepEqual(y2026.dataWindow, { from: '2025-12-15', to: '2026-12-14' });
    assert.deepEqual(
      y2026.dueDates.map((t: any) => t.dueDate),
      ['2026-12-14', '2026-12-07'],
    );
    assert.equal(detail.can.followUp, true);
    // A ward sees the regime it reports under, but not the status of others.
    const wardView = await ward.get(`/api/regimes/${regimeId}`);
    assert.equal(wardView.body.myUnitReports, true);
    assert.equal(wardView.body.periods.find((p: any) => p.key === '2026').myDueDate, '2026-12-14');
    assert.equal((await ward.get(`/api/regimes/${regimeId}/periods/2026/status`)).status, 403);
  });

  test('cascaded to the 166; phường Nam Sầm Sơn issues its plan: a regime owned by its Phòng Văn hóa - Xã hội, offices due earlier', async (t) => {
    await given(provinceIssued, t);
    const cascade = await skhcn.post(`/api/plans/${provincePlanId}/cascade`, { all: true });
    assert.equal(cascade.status, 201);
    assert.equal(cascade.body.created.length, 166);
    wardPlanId = cascade.body.created.find((c: any) => c.unitId === unitIds['16516']).planId;
    at('2026-05-20');
    assert.equal((await ward.post(`/api/plans/${wardPlanId}/submit`)).status, 200);
    assert.equal((await wardLeader.post(`/api/plans/${wardPlanId}/approve`)).status, 200);
    assert.equal(
      (await wardLeader.post(`/api/plans/${wardPlanId}/issue`, { number: '15', date: '2026-05-20' })).status,
      200,
    );
    const mine = (await ward.get('/api/regimes')).body;
    const wardRegime = mine.find((r: any) => r.planId === wardPlanId);
    assert.ok(wardRegime, 'the ward sees its own regime');
    assert.ok(
      mine.some((r: any) => r.id === regimeId),
      'and the province regime it reports under',
    );
    wardRegimeId = wardRegime.id;
    assert.equal(wardRegime.ownerUnitId, unitIds['16516.PVHXH']);
    assert.deepEqual(wardRegime.recipients, ['Ủy ban nhân dân phường']);
    const detail = (await ward.get(`/api/regimes/${wardRegimeId}`)).body;
    assert.equal(
      detail.submitterCount,
      2,
      'the economic office and the police coordinate tasks; the focal office compiles',
    );
    assert.equal(
      detail.periods.find((p: any) => p.key === '2026').dueDates.find((t: any) => t.kinds.includes('office')).dueDate,
      '2026-12-07',
    );
    // Another ward sees neither.
    assert.equal(
      (await hacThanh.get('/api/regimes')).body.some((r: any) => r.id === wardRegimeId),
      false,
    );
  });
});

async function assignmentOf(unitCode: string, planId: number, taskNumber: string): Promise<number> {
  const row = await d.db
    .selectFrom('assignment as a')
    .innerJoin('plan_task as t', 't.id', 'a.task_id')
    .select('a.id')
    .where('a.unit_id', '=', unitIds[unitCode]!)
    .where('a.plan_id', '=', planId)
    .where('t.number', '=', taskNumber)
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('work recorded during the year', () => {
  test('the ward holds a conference (task 1) and its economic office publishes an article (task 3.1)', async (t) => {
    await given(wardIssued, t);
    at('2026-11-21');
    const a1 = await assignmentOf('16516.PVHXH', wardPlanId, '1');
    const u1 = await ward.post(`/api/assignments/${a1}/updates`, CONFERENCE_UPDATE);
    assert.equal(u1.status, 201, JSON.stringify(u1.body));
    const a31 = await assignmentOf('16516.PKTHTĐT', wardPlanId, '3.1');
    const u31 = await economic.post(`/api/assignments/${a31}/updates`, ARTICLE_UPDATE);
    assert.equal(u31.status, 201, JSON.stringify(u31.body));
  });
});

describe('unit reports', () => {
  test("the economic office reports to the ward's focal office, which accepts it", async (t) => {
    await given(workRecorded, t);
    at('2026-11-25');
    const created = await economic.post(`/api/regimes/${wardRegimeId}/periods/2026/reports`, {});
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.dueDate, '2026-12-07');
    const id = created.body.id;
    const r = (await economic.get(`/api/reports/${id}`)).body.report;
    assert.deepEqual(
      r.content.tasks.map((t: any) => [t.taskNumber, t.parentTaskNumber, t.status]),
      [['3.1', '3.1', 'doneOnTime']],
    );
    assert.equal(r.indicatorValues.articles, 1);
    assert.equal((await economic.post(`/api/reports/${id}/approve`)).status, 403, 'an officer does not approve');
    assert.equal((await economicLeader.post(`/api/reports/${id}/approve`, { confirmEmpty: true })).status, 200);
    assert.equal((await economic.post(`/api/reports/${id}/submit`)).status, 200);
    const focal = await new Client(app).login(
      (await makeUser(d.db, 'nss.vhxh', '16516.PVHXH', ['officer']), 'nss.vhxh'),
    );
    assert.equal((await hacThanh.post(`/api/reports/${id}/accept`)).status, 404);
    assert.equal((await focal.post(`/api/reports/${id}/accept`)).status, 200);
  });

  test('the ward officer drafts the ward report: prefilled with the conference, the office report and the proposal', async (t) => {
    await given(officeReported, t);
    at('2026-12-01');
    assert.equal(
      (await ward.post(`/api/regimes/${regimeId}/periods/2026/reports`, { unitId: unitIds['14797'] })).status,
      403,
      'not for another ward',
    );
    assert.equal(
      (await ward.post(`/api/regimes/${regimeId}/periods/2026/reports`, { unitId: unitIds['38.SKHCN'] })).status,
      403,
    );
    const created = await ward.post(`/api/regimes/${regimeId}/periods/2026/reports`, {});
    assert.equal(created.status, 201, JSON.stringify(created.body));
    wardReportId = created.body.id;
    assert.equal(created.body.dueDate, '2026-12-14');
    const again = await ward.post(`/api/regimes/${regimeId}/periods/2026/reports`, {});
    assert.equal(again.status, 409);
    assert.match(again.body.error.message, /đã có báo cáo/);
    const { report, can } = (await ward.get(`/api/reports/${wardReportId}`)).body;
    assert.equal(report.status, 'draft');
    assert.equal(report.toUnitName, 'Sở Khoa học và Công nghệ');
    const t1 = report.content.tasks.find((t: any) => t.taskNumber === '1');
    assert.equal(t1.deliverables[0].title, CONFERENCE);
    assert.equal(t1.deliverables[0].participants, 120);
    assert.equal(t1.percent, 60);
    assert.ok(t1.results.some((r: string) => /hội nghị phổ biến Luật/.test(r)));
    const t31 = report.content.tasks.find((t: any) => t.taskNumber === '3.1');
    assert.equal(t31.deliverables.length, 1, "the office's article comes through its report");
    assert.deepEqual(
      report.content.children.map((c: any) => c.unitName),
      ['Phòng Kinh tế, Hạ tầng và Đô thị phường Nam Sầm Sơn'],
    );
    assert.equal(report.indicatorValues.conferences, 1);
    assert.equal(report.indicatorValues.conferenceParticipants, 120);
    assert.equal(report.indicatorValues.articles, 1);
    assert.match(report.content.narrative.proposals, /tài liệu tuyên truyền/);
    assert.deepEqual(report.content.window, { from: '2025-12-15', to: '2026-12-14' });
    assert.equal(can.edit, true);
    assert.equal(can.approve, false);
    // The other ward cannot read it; the receiving Sở can.
    assert.equal((await hacThanh.get(`/api/reports/${wardReportId}`)).status, 404);
    assert.equal((await skhcn.get(`/api/reports/${wardReportId}`)).status, 200);
  });

  test('the officer writes the sections; the leader approves; the officer sends it before the due date: on time', async (t) => {
    await given(wardDrafted, t);
    const put = await ward.put(`/api/reports/${wardReportId}`, WARD_SECTIONS);
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.equal((await ward.put(`/api/reports/${wardReportId}`, { indicatorValues: { nope: 1 } })).status, 422);
    assert.equal((await ward.post(`/api/reports/${wardReportId}/submit`)).status, 409, 'not approved yet');
    assert.equal((await ward.post(`/api/reports/${wardReportId}/approve`)).status, 403);
    assert.equal(
      (await skhcn.post(`/api/reports/${wardReportId}/approve`)).status,
      403,
      'the focal Sở does not approve for the ward',
    );
    assert.equal((await wardLeader.post(`/api/reports/${wardReportId}/approve`, { confirmEmpty: true })).status, 200);
    const locked = await ward.put(`/api/reports/${wardReportId}`, { narrative: { results: 'x' } });
    assert.equal(locked.status, 409);
    assert.match(locked.body.error.message, /đã được lãnh đạo duyệt/);
    at('2026-12-02');
    const sent = await ward.post(`/api/reports/${wardReportId}/submit`);
    assert.equal(sent.status, 200);
    assert.equal(sent.body.late, false);
    const notice = await d.db
      .selectFrom('notification')
      .select(['title'])
      .where('unit_id', '=', unitIds['38.SKHCN']!)
      .where('kind', '=', 'report.submitted')
      .execute();
    assert.deepEqual(
      notice.map((n) => n.title),
      ['Phường Nam Sầm Sơn đã gửi báo cáo năm 2026'],
    );
    assert.equal(
      (await ward.post(`/api/reports/${wardReportId}/accept`)).status,
      403,
      'the ward does not accept its own report',
    );
    assert.equal((await skhcn.post(`/api/reports/${wardReportId}/accept`)).status, 200, 'the focal Sở officer accepts');
    const audit = await d.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'unit_report')
      .where('entity_id', '=', String(wardReportId))
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['report.create', 'report.update', 'report.approve', 'report.submit', 'report.accept'],
    );
  });

  test('Hạc Thành sends its report; the Sở KH&CN officer returns it with a reason; the ward is told', async (t) => {
    await given(wardSent, t);
    const created = await hacThanh.post(`/api/regimes/${regimeId}/periods/2026/reports`, {});
    assert.equal(created.status, 201);
    hacThanhReportId = created.body.id;
    assert.equal(
      (await hacThanhLeader.post(`/api/reports/${hacThanhReportId}/approve`, { confirmEmpty: true })).status,
      200,
    );
    assert.equal((await hacThanh.post(`/api/reports/${hacThanhReportId}/submit`)).status, 200);
    at('2026-12-04');
    assert.equal((await skhcn.post(`/api/reports/${hacThanhReportId}/return`, { reason: 'x' })).status, 400);
    assert.equal(
      (await hacThanh.post(`/api/reports/${hacThanhReportId}/return`, { reason: 'Tự trả lại báo cáo' })).status,
      403,
    );
    // The reason ends with its own full stop: the notification does not add a second one (issue 9: "tuyên truyền..").
    const reason = RETURN_REASON;
    const returned = await skhcn.post(`/api/reports/${hacThanhReportId}/return`, { reason });
    assert.equal(returned.status, 200, JSON.stringify(returned.body));
    assert.equal(returned.body.dueDate, '2026-12-14', 'the regime date still leaves time');
    const notes = (await hacThanh.get('/api/notifications')).body.items;
    const note = notes.find((n: any) => /bị trả lại/.test(n.title));
    assert.match(
      note?.body ?? '',
      /trả lại báo cáo: Thiếu số liệu người tham dự hội nghị tuyên truyền\. Đề nghị hoàn thiện/,
    );
    assert.doesNotMatch(note.body, /\.\./);
    const list = (await hacThanh.get(`/api/reports?regimeId=${regimeId}&period=2026`)).body;
    assert.deepEqual(
      list.map((r: any) => [r.unitName, r.status, r.returnReason]),
      [['Phường Hạc Thành', 'returned', reason]],
    );
  });

  test('after the due date the period locks: no new drafts, no edits, except a returned report; a late submission is late', async (t) => {
    await given(hacThanhReturned, t);
    at('2026-12-10');
    const created = await bimSon.post(`/api/regimes/${regimeId}/periods/2026/reports`, {});
    assert.equal(created.status, 201);
    bimSonReportId = created.body.id;
    assert.equal(
      (await bimSonLeader.post(`/api/reports/${bimSonReportId}/approve`, { confirmEmpty: true })).status,
      200,
    );
    at('2026-12-16');
    const late = await (await makeUserClient('quangtrung.cv', '14818')).post(
      `/api/regimes/${regimeId}/periods/2026/reports`,
      {},
    );
    assert.equal(late.status, 409);
    assert.match(late.body.error.message, /đã hết hạn gửi báo cáo \(hạn cuối 14\/12\/2026\)/);
    // The returned report stays editable (its new date passed too, but it was asked back).
    assert.equal(
      (await hacThanh.put(`/api/reports/${hacThanhReportId}`, { indicatorValues: { conferenceParticipants: 85 } }))
        .status,
      200,
    );
    const sent = await bimSon.post(`/api/reports/${bimSonReportId}/submit`);
    assert.equal(sent.status, 200);
    assert.equal(sent.body.late, true);
  });
});

async function makeUserClient(username: string, code: string) {
  await makeUser(d.db, username, code, ['officer']);
  return new Client(app).login(username);
}

describe('the receiving unit follows up', () => {
  test('status of 2026 for all 169: received, on time, late, returned, missing; indicators rolled up', async () => {
    await given(periodClosed);
    at('2026-12-16');
    let r: any;
    for (let i = 0; i < 20; i++)
      r = await timed('status', () => skhcn.get(`/api/regimes/${regimeId}/periods/2026/status`));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const s = r.body;
    assert.equal(s.units.length, 169);
    assert.deepEqual(
      {
        expected: s.totals.expected,
        received: s.totals.received,
        onTime: s.totals.onTime,
        late: s.totals.late,
        returned: s.totals.returned,
        missing: s.totals.missing,
        pending: s.totals.pending,
        accepted: s.totals.accepted,
      },
      { expected: 169, received: 2, onTime: 1, late: 1, returned: 1, missing: 166, pending: 0, accepted: 1 },
    );
    const byName = new Map(s.units.map((u: any) => [u.unitName, u]));
    assert.equal((byName.get('Phường Nam Sầm Sơn') as any).state, 'onTime');
    assert.equal((byName.get('Phường Nam Sầm Sơn') as any).submittedOn, '2026-12-02');
    assert.equal((byName.get('Phường Bỉm Sơn') as any).state, 'late');
    assert.equal((byName.get('Phường Hạc Thành') as any).state, 'returned');
    assert.equal((byName.get('Sở Tài chính') as any).state, 'missing');
    assert.equal(s.units.filter((u: any) => u.kind === 'agency').length, 3);
    assert.equal(s.units.filter((u: any) => u.kind === 'ward' || u.kind === 'commune').length, 166);
    const ind = new Map(s.indicators.map((i: any) => [i.code, i]));
    assert.equal((ind.get('conferences') as any).total, 1);
    assert.equal((ind.get('conferenceParticipants') as any).total, 120);
    assert.equal((ind.get('legalDocumentsReviewed') as any).total, 3);
    assert.equal((ind.get('conferences') as any).byGroup.ward, 1);
    assert.deepEqual(
      s.groups.map((g: any) => [g.group, g.totals.expected]),
      [
        ['agency', 3],
        ['ward', 19],
        ['commune', 147],
      ],
    );
    // Before the due date, the same units were pending, not missing.
    at('2026-12-05');
    const early = (await skhcn.get(`/api/regimes/${regimeId}/periods/2026/status`)).body;
    assert.equal(early.totals.missing, 0);
    assert.equal(early.totals.pending, 166);
    at('2026-12-16');
    // The province leader follows too; the ward and anonymous do not.
    assert.equal((await leader.get(`/api/regimes/${regimeId}/periods/2026/status`)).status, 200);
    assert.equal((await new Client(app).get(`/api/regimes/${regimeId}/periods/2026/status`)).status, 401);
    assert.equal((await skhcn.get(`/api/regimes/${regimeId}/periods/2026-Q1/status`)).status, 422);
  });

  test('the focal dashboard: progress per task and per commune/ward, overdue work, reports received and missing', async (t) => {
    await given(periodClosed, t);
    // Every commune's plan issued with its assignments, as the tracking module creates them; a third of the
    // communes report the conference task done.
    await issueAllCommunePlans();
    let r: any;
    // After the cut-off (14/12) today belongs to the 2027 period; the Sở still follows 2026.
    assert.equal((await skhcn.get(`/api/dashboard/focal?planId=${provincePlanId}`)).body.year, 2027);
    for (let i = 0; i < 20; i++)
      r = await timed('dashboard', () => skhcn.get(`/api/dashboard/focal?planId=${provincePlanId}&year=2026`));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const db = r.body;
    assert.equal(db.year, 2026);
    assert.equal(db.units.filter((u: any) => u.kind === 'ward' || u.kind === 'commune').length, 166);
    t.diagnostic(`dashboard computed in ${db.ms} ms`);
    const t1 = db.tasks.find((t: any) => t.number === '1');
    assert.equal(t1.dueDate, '2026-12-14');
    assert.equal(t1.units, 168, 'Sở KH&CN, the press agency and the 166 communes/wards work on task 1');
    assert.ok(t1.doneOnTime >= 50, `done on time: ${t1.doneOnTime}`);
    assert.ok(t1.overdue > 100, 'after 14/12 unfinished work is overdue');
    const nss = db.units.find((u: any) => u.unitName === 'Phường Nam Sầm Sơn');
    assert.equal(nss.plan.status, 'issued');
    assert.equal(nss.report.state, 'onTime');
    assert.ok(db.overdue.length > 0 && db.overdue.length <= 200);
    assert.equal(db.reports.totals.received, 2);
    assert.equal(db.reports.missing.length, 167);
    assert.equal((await ward.get(`/api/dashboard/focal?planId=${provincePlanId}`)).status, 403);
  });

  test('public progress of the issued plan: per task the share of units done, nothing personal', async () => {
    await given(communePlansIssued);
    const anon = new Client(app);
    let r: any;
    for (let i = 0; i < 10; i++)
      r = await timed('public', () => new Client(app).get(`/api/public/plans/${provincePlanId}/progress?year=2026`));
    assert.equal(r.status, 200);
    assert.equal(r.body.tasks.length, 6);
    assert.ok(r.body.tasks[0].units >= 167);
    assert.ok(r.body.tasks[0].share > 25, `share ${r.body.tasks[0].share}`);
    assert.equal((await anon.get(`/api/public/plans/${provincePlanId}/progress`)).body.year, 2027);
    const text = JSON.stringify(r.body);
    for (const secret of ['nss.cv', 'Người thử', 'Thiếu số liệu', 'tổ trưởng tổ dân phố'])
      assert.ok(!text.includes(secret), secret);
    const draft = await d.db.selectFrom('plan').select('id').where('status', '=', 'draft').executeTakeFirst();
    if (draft) assert.equal((await anon.get(`/api/public/plans/${draft.id}/progress`)).status, 404);
    assert.equal((await anon.get('/api/public/plans/999999/progress')).status, 404);
  });
});

/** Issues every cascaded commune plan through the API would take minutes; the rows the issue creates are written directly. */
async function issueAllCommunePlans(db: Kysely<DB> = d.db, planId = provincePlanId) {
  await sql`UPDATE plan SET status = 'issued', published = true, number = '1', issued_date = '2026-06-01' WHERE parent_plan_id = ${planId} AND status = 'draft'`.execute(
    db,
  );
  await sql`INSERT INTO assignment (task_id, plan_id, unit_id, role)
    SELECT t.id, t.plan_id, t.lead_unit_id, 'lead' FROM plan_task t JOIN plan p ON p.id = t.plan_id
    WHERE p.parent_plan_id = ${planId} AND t.lead_unit_id IS NOT NULL
    ON CONFLICT (task_id, unit_id) DO NOTHING`.execute(db);
  // A third of the communes report task 1 done on 10/12/2026 (a repeating task: counts in the 2026 window).
  await sql`INSERT INTO progress_update (assignment_id, unit_id, percent, completed, occurred_on, narrative)
    SELECT a.id, a.unit_id, 100, true, '2026-12-10', 'Đã tổ chức tuyên truyền' FROM assignment a
    JOIN plan_task t ON t.id = a.task_id JOIN plan p ON p.id = a.plan_id
    WHERE p.parent_plan_id = ${planId} AND t.number = '1' AND a.unit_id % 3 = 0`.execute(db);
  // A live database keeps its statistics (autovacuum); after a bulk load in a fresh test database, refresh them.
  await sql`ANALYZE`.execute(db);
}

describe('documents of the receiving level', () => {
  test('the compiled report names the Nam Sầm Sơn conference and is addressed to UBND tỉnh and Bộ KH&CN', async () => {
    await given(communePlansIssued);
    const r = await skhcn.get(`/api/regimes/${regimeId}/periods/2026/compiled`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const c = r.body;
    assert.equal(c.issuerName, 'SỞ KHOA HỌC VÀ CÔNG NGHỆ');
    assert.equal(c.issuerParentName, 'UBND TỈNH THANH HÓA');
    assert.equal(c.symbol, 'BC-SKHCN');
    assert.deepEqual(c.recipients, ['Ủy ban nhân dân tỉnh', 'Bộ Khoa học và Công nghệ']);
    assert.equal(
      c.title,
      'Kết quả thực hiện Kế hoạch số 129/KH-UBND ngày 04/5/2026 của Ủy ban nhân dân tỉnh về triển khai thi hành Luật Trí tuệ Nhân tạo trên địa bàn tỉnh Thanh Hóa năm 2026',
    );
    assert.match(
      c.basisText,
      /^Thực hiện Kế hoạch số 129\/KH-UBND ngày 04\/5\/2026 .*Sở Khoa học và Công nghệ báo cáo kết quả thực hiện năm 2026 như sau:$/,
    );
    const t1 = c.tasks.find((t: any) => t.number === '1');
    assert.ok(t1.lines.includes(`Phường Nam Sầm Sơn: ${CONFERENCE} (120 người, 20/11/2026)`), t1.lines.join('\n'));
    assert.deepEqual(c.summary, { expected: 169, received: 3, onTime: 1, late: 1, missing: 166 });
    assert.equal(c.indicators.find((i: any) => i.code === 'conferences').total, 1);
    assert.ok(
      c.proposals.some((p: string) => /Phường Nam Sầm Sơn: Đề nghị Sở Khoa học và Công nghệ cung cấp tài liệu/.test(p)),
    );
    assert.equal(c.annex.length, 169);
    assert.equal(c.annex.find((a: any) => a.unitName === 'Phường Nam Sầm Sơn').deliverables, 2);

    const docx = await skhcn.request('GET', `/api/regimes/${regimeId}/periods/2026/compiled.docx`);
    assert.equal(docx.status, 200);
    assert.match(docx.headers.get('content-type')!, /wordprocessingml/);
    const xml = await (await JSZip.loadAsync(Buffer.from(docx.body as ArrayBuffer)))
      .file('word/document.xml')!
      .async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const s of [
      'Kính gửi',
      'Ủy ban nhân dân tỉnh',
      'Bộ Khoa học và Công nghệ',
      CONFERENCE,
      '120 người',
      'BC-SKHCN',
    ])
      assert.ok(text.includes(s), s);
    const xlsx = await skhcn.request('GET', `/api/regimes/${regimeId}/periods/2026/compiled.xlsx`);
    assert.equal(xlsx.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as ArrayBuffer);
    assert.ok(JSON.stringify(wb.worksheets[0]!.getSheetValues()).includes('Phường Nam Sầm Sơn'));
    assert.equal((await ward.request('GET', `/api/regimes/${regimeId}/periods/2026/compiled.docx`)).status, 403);
  });

  test('the reminder letter names the communes still missing and what each lacks', async () => {
    await given(communePlansIssued);
    const r = await skhcn.get(`/api/regimes/${regimeId}/periods/2026/reminder`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const l = r.body;
    assert.equal(l.subject, 'V/v đôn đốc gửi báo cáo kết quả thực hiện Kế hoạch số 129/KH-UBND năm 2026');
    assert.equal(l.symbol, 'SKHCN-VP');
    const names = l.missing.map((m: any) => m.unitName);
    assert.equal(names.length, 167, '163 communes/wards + 3 bodies missing, Hạc Thành returned');
    assert.ok(names.includes('Ủy ban nhân dân phường Quang Trung'));
    assert.ok(names.includes('Sở Tài chính'));
    assert.ok(!names.includes('Ủy ban nhân dân phường Nam Sầm Sơn'));
    assert.ok(!names.includes('Ủy ban nhân dân phường Bỉm Sơn'));
    const hac = l.missing.find((m: any) => m.unitName === 'Ủy ban nhân dân phường Hạc Thành');
    assert.match(
      hac.items[0],
      /bị trả lại ngày 04\/12\/2026 \(lý do: Thiếu số liệu người tham dự hội nghị tuyên truyền\), chưa gửi lại/,
    );
    const quangTrung = l.missing.find((m: any) => m.unitName === 'Ủy ban nhân dân phường Quang Trung');
    assert.equal(quangTrung.items[0], 'Báo cáo kết quả thực hiện năm 2026: chưa gửi');
    assert.ok(
      quangTrung.items.some((i: string) => /^Nhiệm vụ 1\. .*chưa hoàn thành, quá hạn$/.test(i)) ||
        quangTrung.items.length >= 1,
    );
    assert.ok(l.recipients.includes('Ủy ban nhân dân các xã, phường có tên tại Danh sách kèm theo'));
    assert.equal(l.newDeadline, '2026-12-23', '5 working days after 16/12/2026 (the last day on time)');
    // One deadline: the passed one is not named beside the new one (issue 9).
    assert.match(
      l.basisText,
      /gửi báo cáo kết quả thực hiện năm 2026 về Sở Khoa học và Công nghệ theo thời hạn quy định/,
    );
    const docx = await skhcn.request('GET', `/api/regimes/${regimeId}/periods/2026/reminder.docx`);
    assert.equal(docx.status, 200);
    const xml = await (await JSZip.loadAsync(Buffer.from(docx.body as ArrayBuffer)))
      .file('word/document.xml')!
      .async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const s of [
      'Ủy ban nhân dân phường Quang Trung',
      'Ủy ban nhân dân phường Hạc Thành',
      'Sở Tài chính',
      'trước ngày 24/12/2026',
    ])
      assert.ok(text.includes(s), s);
    assert.ok(!text.includes('15/12/2026'), 'one deadline in the letter');
    assert.ok(!text.includes('Ủy ban nhân dân phường Nam Sầm Sơn'));
  });
});

describe('ad hoc requests', () => {
  test('the focal unit asks chosen units for an ad hoc report with its own deadline; they are told and can report', async (t) => {
    await given(communePlansIssued, t);
    at('2026-12-16');
    const bad = await skhcn.post('/api/regimes', {
      name: 'Báo cáo nhanh',
      content: 'Tình hình ứng dụng AI',
      dueDate: '2026-12-01',
      submitterUnitIds: [unitIds['16516']],
    });
    assert.equal(bad.status, 422, 'a deadline in the past');
    const outside = await ward.post('/api/regimes', {
      name: 'Báo cáo nhanh',
      content: 'Tình hình ứng dụng AI',
      dueDate: '2026-12-30',
      submitterUnitIds: [unitIds['14797']],
    });
    assert.equal(outside.status, 422, 'a ward asks only its own offices');
    const created = await skhcn.post('/api/regimes', {
      name: 'Báo cáo nhanh tình hình ứng dụng trí tuệ nhân tạo trong giải quyết thủ tục hành chính',
      content: 'Số hệ thống AI đang dùng, khó khăn, đề xuất',
      dueDate: '2026-12-28',
      submitterUnitIds: [unitIds['16516'], unitIds['14797']],
      window: { from: '2026-01-01', to: '2026-12-25' },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.submitters, 2);
    assert.equal(created.body.periodKey, '2026');
    const notes = (await ward.get('/api/notifications')).body.items;
    assert.ok(notes.some((n: any) => /Yêu cầu báo cáo: Báo cáo nhanh/.test(n.title)));
    const report = await ward.post(`/api/regimes/${created.body.id}/periods/2026/reports`, {});
    assert.equal(report.status, 201, JSON.stringify(report.body));
    assert.equal(report.body.dueDate, '2026-12-28');
    assert.equal((await ward.post(`/api/regimes/${created.body.id}/periods/2027/reports`, {})).status, 404);
    const status = (await skhcn.get(`/api/regimes/${created.body.id}/periods/2026/status`)).body;
    assert.equal(status.totals.expected, 2);
    assert.equal(status.totals.pending, 2);
    assert.equal(
      (await bimSon.post(`/api/regimes/${created.body.id}/periods/2026/reports`, {})).status,
      422,
      'not asked',
    );
  });
});

describe('reminders by e-mail and in the app', () => {
  test('7, 3 and 1 days before the due date, units that have not sent are reminded once per stage', async (t) => {
    await given(communePlansIssued, t);
    const smtp = await startSmtp();
    const { received } = smtp;
    const mailer = createMailer({ smtpUrl: smtp.url, mailFrom: 'Thi Hành <no-reply@thihanh.test>' })!;
    try {
      await d.db
        .updateTable('app_user')
        .set({ email: 'quangtrung@example.vn' })
        .where('username', '=', 'quangtrung.cv')
        .execute();
      await d.db
        .updateTable('app_user')
        .set({ email: 'namsamson@example.vn' })
        .where('username', '=', 'nss.cv')
        .execute();
      await d.db
        .updateTable('app_user')
        .set({ email: 'hacthanh@example.vn' })
        .where('username', '=', 'hacthanh.cv')
        .execute();
      // 07/12/2026: 7 days before 14/12 for the communes (the ward's offices were due that day).
      const first = await runReminders(d.db, { mailer, now: new Date('2026-12-07T08:00:00+07:00') });
      assert.equal(first.failed, 0);
      assert.ok(first.app >= 160, `in-app reminders: ${first.app}`);
      const toQuangTrung = received.filter((m) => m.to.includes('quangtrung@example.vn'));
      assert.equal(toQuangTrung.length, 1);
      assert.match(toQuangTrung[0]!.body, /Subject: =\?UTF-8\?|Subject: \[Thi H/);
      assert.ok(!received.some((m) => m.to.includes('namsamson@example.vn')), 'Nam Sầm Sơn has sent its report');
      assert.ok(
        received.some((m) => m.to.includes('hacthanh@example.vn')),
        'a returned report is not received',
      );
      const notes = await d.db
        .selectFrom('notification')
        .select(['title'])
        .where('unit_id', '=', unitIds['16516']!)
        .where('kind', '=', 'report.reminder')
        .execute();
      assert.equal(notes.length, 0);
      const qt = await d.db.selectFrom('unit').select('id').where('code', '=', '14818').executeTakeFirstOrThrow();
      const qtNotes = await d.db
        .selectFrom('notification')
        .select(['title'])
        .where('unit_id', '=', qt.id)
        .where('kind', '=', 'report.reminder')
        .execute();
      assert.deepEqual(
        qtNotes.map((n) => n.title),
        ['Nhắc gửi báo cáo năm 2026: còn 7 ngày (hạn cuối 14/12/2026)'],
      );
      // The same day again, and the next day (still the 7-day stage): nothing new.
      const again = await runReminders(d.db, { mailer, now: new Date('2026-12-08T08:00:00+07:00') });
      assert.deepEqual([again.app, again.email], [0, 0]);
      // 11/12/2026: the 3-day stage.
      const third = await runReminders(d.db, { mailer, now: new Date('2026-12-11T08:00:00+07:00') });
      assert.ok(third.email >= 2);
      assert.equal(received.filter((m) => m.to.includes('quangtrung@example.vn')).length, 2);
      const log = await d.db
        .selectFrom('reminder_log')
        .select(['offset_days', 'channel'])
        .where('unit_id', '=', qt.id)
        .orderBy('id')
        .execute();
      assert.deepEqual(
        log.map((l) => `${l.offset_days}/${l.channel}`),
        ['7/app', '7/email', '3/app', '3/email'],
      );
    } finally {
      mailer.close();
      await smtp.close();
    }
  });
});

describe('robustness on real records', () => {
  test('malformed input to the reporting routes, with ids that exist, is a 4xx in Vietnamese, never a 500', async (t) => {
    await given(communePlansIssued, t);
    const junk: unknown[] = [
      {},
      null,
      [],
      'x',
      0,
      { narrative: { results: 5 } },
      { narrative: { nope: 'x' } },
      { indicatorValues: { conferences: -1 } },
      { indicatorValues: { conferences: 1e12 } },
      { indicatorValues: [] },
      { number: 7 },
      { reason: '' },
      { reason: 'x'.repeat(3000) },
      { unitId: -1 },
      { unitId: 2 ** 40 },
      { unitId: 'abc' },
      { name: 'Báo cáo thử', content: 'Nội dung thử', dueDate: '2026-02-30' },
      {
        name: 'Báo cáo thử',
        content: 'Nội dung thử',
        dueDate: '2026-12-30',
        submitterKinds: ['office'],
        window: { from: '2026-12-31', to: '2026-01-01' },
      },
      { name: 'Báo cáo thử', content: 'Nội dung thử', dueDate: '2099-12-30', submitterKinds: ['office'] },
      { name: 'Báo cáo thử', content: 'Nội dung thử', dueDate: '2026-12-30', planId: 2_000_000 },
      { name: 'Báo cáo thử', content: 'Nội dung thử', dueDate: '2026-12-30', submitterUnitIds: [2_147_483_647] },
    ];
    const paths: Array<[string, string]> = [
      ['PUT', `/api/reports/${hacThanhReportId}`],
      ['POST', `/api/reports/${wardReportId}/return`],
      ['POST', `/api/reports/${bimSonReportId}/accept`],
      ['POST', `/api/regimes/${regimeId}/periods/2026/reports`],
      ['POST', `/api/regimes/${regimeId}/periods/2025/reports`],
      ['POST', '/api/regimes'],
      ['POST', `/api/reports/${hacThanhReportId}/prefill`],
      ['POST', `/api/reports/${hacThanhReportId}/approve`],
    ];
    const failures: string[] = [];
    for (const [method, path] of paths) {
      for (const body of junk) {
        for (const c of [skhcn, hacThanh]) {
          const r = await c.request(method, path, JSON.stringify(body));
          if (r.status >= 500 || (r.status >= 400 && !/[à-ỹ]/iu.test(r.body?.error?.message ?? '')))
            failures.push(
              `${method} ${path} ${JSON.stringify(body).slice(0, 60)} → ${r.status} ${JSON.stringify(r.body).slice(0, 120)}`,
            );
        }
      }
    }
    for (const path of [
      '/api/reports?period=abc',
      '/api/reports?regimeId=0',
      `/api/regimes/${regimeId}/periods/2026-M13/status`,
      `/api/regimes/${regimeId}/periods/1999/status`,
      `/api/regimes/${regimeId}/periods/2026-H1/compiled`,
      `/api/dashboard/focal?planId=${provincePlanId}&year=1800`,
      `/api/dashboard/focal?planId=${provincePlanId}&year=2030`,
      '/api/dashboard/focal',
    ]) {
      const r = await skhcn.get(path);
      if (r.status >= 500) failures.push(`GET ${path} → ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
    }
    assert.deepEqual(failures, []);
  });
});
