// The compiled report (Báo cáo, Mẫu 1.4) and the reminder letter (Công văn đôn đốc, Mẫu 1.5) built from what the
// receiving level received.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildCompiledReport,
  buildReminderLetter,
  describeDeliverable,
  planCitation,
  shortDateVi,
  type CompileInput,
  type ExpectedUnitReport,
  type IssuerInfo,
  type PlanRef,
} from '../../src/domain/reporting/compile.ts';
import { periodByKey, AI_PLAN_YEARLY_SCHEDULE } from '../../src/domain/reporting/period.ts';
import { LAW_IMPLEMENTATION_INDICATORS } from '../../src/domain/reporting/indicators.ts';
import type { UnitReportContent } from '../../src/domain/reporting/model.ts';
import {
  archiveLine,
  deadlinePhraseOf,
  emptyRequiredSections,
  reminderDeadline,
} from '../../src/domain/reporting/letters.ts';
import { addWorkingDays } from '../../src/domain/calendar/working-days.ts';
import { DEFAULT_CALENDAR_CONFIG } from '../../src/domain/calendar/holidays.ts';

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
const KH129: PlanRef = {
  number: '129',
  symbol: 'KH-UBND',
  date: '2026-05-04',
  title: 'Triển khai thi hành Luật Trí tuệ Nhân tạo trên địa bàn tỉnh Thanh Hóa',
  issuerPhrase: 'Ủy ban nhân dân tỉnh',
};
const period = periodByKey('2026', AI_PLAN_YEARLY_SCHEDULE);
const NARRATIVE = { leadership: '', results: '', assessment: '', obstacles: '', proposals: '', nextSteps: '' };

function content(
  tasks: UnitReportContent['tasks'],
  narrative: Partial<UnitReportContent['narrative']> = {},
): UnitReportContent {
  return { window: period.dataWindow, tasks, obstacles: [], narrative: { ...NARRATIVE, ...narrative } };
}

const NSS_CONTENT = content(
  [
    {
      taskNumber: '1',
      taskTitle: 'Tổ chức quán triệt',
      role: 'lead',
      status: 'doneOnTime',
      percent: 100,
      results: ['Tổ chức hội nghị'],
      deliverables: [
        {
          kind: 'conference',
          title: 'Hội nghị phổ biến Luật Trí tuệ nhân tạo',
          occurredOn: '2026-11-20',
          participants: 120,
          documentNumber: null,
          link: null,
        },
      ],
    },
    {
      taskNumber: '2',
      taskTitle: 'Rà soát',
      role: 'lead',
      status: 'inProgress',
      percent: 40,
      results: [],
      deliverables: [],
    },
  ],
  { proposals: 'Đề nghị cung cấp tài liệu tuyên truyền.\nĐề nghị bố trí kinh phí' },
);

const unit = (
  unitId: number,
  unitName: string,
  state: ExpectedUnitReport['state'],
  extra: Partial<ExpectedUnitReport> = {},
): ExpectedUnitReport => ({
  unitId,
  unitName,
  dueDate: '2026-12-14',
  state,
  status: null,
  submittedOn: null,
  returnReason: null,
  reviewedOn: null,
  content: null,
  indicatorValues: {},
  ...extra,
});

const UNITS: ExpectedUnitReport[] = [
  unit(1, 'Phường Nam Sầm Sơn', 'onTime', {
    status: 'accepted',
    submittedOn: '2026-12-02',
    content: NSS_CONTENT,
    indicatorValues: { conferences: 1, conferenceParticipants: 120 },
  }),
  unit(2, 'Phường Bỉm Sơn', 'late', {
    status: 'submitted',
    submittedOn: '2026-12-16',
    content: content([]),
    indicatorValues: { conferences: 2 },
  }),
  unit(3, 'Phường Hạc Thành', 'returned', {
    status: 'returned',
    submittedOn: '2026-12-02',
    reviewedOn: '2026-12-04',
    returnReason: 'Thiếu số liệu người tham dự.',
    content: content([]),
    indicatorValues: { conferences: 1 },
  }),
  unit(4, 'Xã Hoằng Hóa', 'missing', {
    status: 'draft',
    letterName: 'Ủy ban nhân dân xã Hoằng Hóa',
    overdueTasks: ['1. Tổ chức quán triệt (hạn 14/12/2026)'],
  }),
  unit(5, 'Sở Tài chính', 'missing'),
  unit(6, 'Công an tỉnh', 'pending', { status: 'approved' }),
];

const input = (extra: Partial<CompileInput> = {}): CompileInput => ({
  issuer: SKHCN,
  plan: KH129,
  regimeName: 'Báo cáo kết quả thực hiện Kế hoạch số 129/KH-UBND',
  recipients: ['Ủy ban nhân dân tỉnh', 'Bộ Khoa học và Công nghệ'],
  indicators: LAW_IMPLEMENTATION_INDICATORS,
  period,
  planTasks: [
    { number: '1', title: 'Tổ chức quán triệt' },
    { number: '2', title: 'Rà soát' },
    { number: '3.1', title: 'Lồng ghép' },
  ],
  own: null,
  units: UNITS,
  ...extra,
});

test('dates and citations as administrative text writes them', () => {
  assert.equal(shortDateVi('2026-05-04'), '04/5/2026');
  assert.equal(shortDateVi('2026-02-28'), '28/02/2026');
  assert.equal(shortDateVi('2026-11-20'), '20/11/2026');
  assert.equal(
    planCitation(KH129),
    'Kế hoạch số 129/KH-UBND ngày 04/5/2026 của Ủy ban nhân dân tỉnh về triển khai thi hành Luật Trí tuệ Nhân tạo trên địa bàn tỉnh Thanh Hóa',
  );
  assert.equal(
    describeDeliverable({
      kind: 'document',
      title: 'Kế hoạch tuyên truyền.',
      occurredOn: '2026-03-02',
      participants: null,
      documentNumber: '12/KH-UBND',
      link: null,
    }),
    'Kế hoạch tuyên truyền (số 12/KH-UBND, 02/3/2026)',
  );
});

test('the compiled report: title, Kính gửi, basis, per-task lines naming deliverables, summary, indicators, annex', () => {
  const own = content([
    {
      taskNumber: '1',
      taskTitle: 'Tổ chức quán triệt',
      role: 'lead',
      status: 'inProgress',
      percent: 80,
      results: ['Ban hành Công văn hướng dẫn tuyên truyền.'],
      deliverables: [],
    },
  ]);
  const r = buildCompiledReport(input({ own, ownIndicatorValues: { conferences: 3 } }));
  assert.equal(
    r.title,
    'Kết quả thực hiện Kế hoạch số 129/KH-UBND ngày 04/5/2026 của Ủy ban nhân dân tỉnh về triển khai thi hành Luật Trí tuệ Nhân tạo trên địa bàn tỉnh Thanh Hóa năm 2026',
  );
  assert.deepEqual(r.recipients, ['Ủy ban nhân dân tỉnh', 'Bộ Khoa học và Công nghệ']);
  assert.equal(
    r.basisText,
    `Thực hiện ${planCitation(KH129)}, Sở Khoa học và Công nghệ báo cáo kết quả thực hiện năm 2026 như sau:`,
  );
  assert.equal(r.symbol, 'BC-SKHCN');
  assert.deepEqual(
    r.tasks.map((t) => t.number),
    ['1', '2', '3.1'],
    'every task of the plan, even without results',
  );
  assert.deepEqual(r.tasks[0]!.lines, [
    'Sở Khoa học và Công nghệ: Ban hành Công văn hướng dẫn tuyên truyền',
    'Phường Nam Sầm Sơn: Hội nghị phổ biến Luật Trí tuệ nhân tạo (120 người, 20/11/2026)',
  ]);
  assert.deepEqual([r.tasks[0]!.unitsDone, r.tasks[0]!.unitsTotal], [1, 1]);
  assert.deepEqual(r.summary, { expected: 6, received: 3, onTime: 1, late: 1, missing: 2 });
  assert.equal(r.indicators.find((i) => i.code === 'conferences')!.total, 7, 'own 3 + received 1 + 2 + returned 1');
  assert.deepEqual(r.proposals, [
    'Phường Nam Sầm Sơn: Đề nghị cung cấp tài liệu tuyên truyền',
    'Phường Nam Sầm Sơn: Đề nghị bố trí kinh phí',
  ]);
  assert.deepEqual(
    r.annex.map((a) => [a.unitName, a.state, a.tasksDone, a.tasksTotal, a.deliverables]),
    [
      ['Phường Nam Sầm Sơn', 'onTime', 1, 2, 1],
      ['Phường Bỉm Sơn', 'late', 0, 0, 0],
      ['Phường Hạc Thành', 'returned', 0, 0, 0],
      ['Xã Hoằng Hóa', 'missing', 0, 0, 0],
      ['Sở Tài chính', 'missing', 0, 0, 0],
      ['Công an tỉnh', 'pending', 0, 0, 0],
    ],
  );
  assert.deepEqual(r.signer, { lines: ['GIÁM ĐỐC'], name: 'Trịnh Văn Hùng' });
  assert.deepEqual([r.date, r.number], [null, null], 'numbered and dated by the văn thư');
  assert.equal(r.year, 2026, 'the date line of the undated report has its year');
  assert.equal(r.copyTo.at(-1), 'Lưu: VT, VP');
  // Section I from what the units reported (the conference held by the ward), not a count of reports.
  assert.deepEqual(r.leadership, [
    'Phường Nam Sầm Sơn: tổ chức Hội nghị phổ biến Luật Trí tuệ nhân tạo (ngày 20/11/2026, 120 người tham dự).',
  ]);
});

test('many deliverables: the first ones are named, the rest summed up', () => {
  const many = content([
    {
      taskNumber: '1',
      taskTitle: 'x',
      role: 'lead',
      status: 'inProgress',
      percent: 0,
      results: [],
      deliverables: Array.from({ length: 5 }, (_, i) => ({
        kind: 'article' as const,
        title: `Tin bài ${i + 1}`,
        occurredOn: '2026-09-01',
        participants: null,
        documentNumber: null,
        link: null,
      })),
    },
  ]);
  const r = buildCompiledReport(
    input({
      units: [
        unit(1, 'Xã A', 'onTime', { status: 'submitted', content: many }),
        unit(2, 'Xã B', 'onTime', { status: 'submitted', content: many }),
      ],
      maxLinesPerTask: 3,
    }),
  );
  assert.deepEqual(r.tasks[0]!.lines, [
    'Xã A: Tin bài 1 (01/9/2026)',
    'Xã A: Tin bài 2 (01/9/2026)',
    'Xã A: Tin bài 3 (01/9/2026)',
    'Và 7 sản phẩm khác của 2 cơ quan, đơn vị (chi tiết tại Phụ lục kèm theo)',
  ]);
});

test('the reminder letter: what each unit still owes, groups in Kính gửi, a new deadline', () => {
  const letter = buildReminderLetter({
    issuer: SKHCN,
    plan: KH129,
    regimeName: 'x',
    period,
    receiverName: 'Sở Khoa học và Công nghệ',
    reportsTo: 'Ủy ban nhân dân tỉnh',
    units: UNITS,
    today: '2026-12-16',
    deadline: { lastDay: '2026-12-23', extended: true },
    groupNames: [{ unitIds: [1, 2, 3, 4], name: 'Ủy ban nhân dân các xã, phường' }],
    submittersPhrase: 'các sở, ban, ngành cấp tỉnh và Ủy ban nhân dân các xã, phường',
  });
  assert.equal(letter.subject, 'V/v đôn đốc gửi báo cáo kết quả thực hiện Kế hoạch số 129/KH-UBND năm 2026');
  assert.equal(letter.symbol, 'SKHCN-VP');
  assert.deepEqual(
    letter.missing.map((m) => m.unitName),
    ['Phường Hạc Thành', 'Ủy ban nhân dân xã Hoằng Hóa', 'Sở Tài chính', 'Công an tỉnh'],
  );
  assert.deepEqual(
    letter.missing.map((m) => m.items),
    [
      [
        'Báo cáo kết quả thực hiện năm 2026: bị trả lại ngày 04/12/2026 (lý do: Thiếu số liệu người tham dự), chưa gửi lại',
      ],
      [
        'Báo cáo kết quả thực hiện năm 2026: đang dự thảo, chưa được lãnh đạo duyệt và gửi',
        'Nhiệm vụ 1. Tổ chức quán triệt (hạn 14/12/2026): chưa hoàn thành, quá hạn',
      ],
      ['Báo cáo kết quả thực hiện năm 2026: chưa gửi'],
      ['Báo cáo kết quả thực hiện năm 2026: đã được lãnh đạo duyệt nhưng chưa gửi'],
    ],
  );
  // Only 2 of the group are late (not more than 3): they are named one by one.
  assert.deepEqual(letter.recipients, [
    'Phường Hạc Thành',
    'Ủy ban nhân dân xã Hoằng Hóa',
    'Sở Tài chính',
    'Công an tỉnh',
  ]);
  assert.equal(
    letter.basisText,
    `Thực hiện ${planCitation(KH129)}, các sở, ban, ngành cấp tỉnh và Ủy ban nhân dân các xã, phường gửi báo cáo kết quả thực hiện năm 2026 về Sở Khoa học và Công nghệ theo thời hạn quy định để tổng hợp, báo cáo Ủy ban nhân dân tỉnh`,
    'the passed due date is not named beside the new one',
  );
  assert.equal(letter.newDeadline, '2026-12-23');
  assert.equal(letter.deadlineExtended, true);
  assert.equal(letter.year, 2026);
  assert.deepEqual(letter.signer, { lines: ['GIÁM ĐỐC'], name: 'Trịnh Văn Hùng' });
  assert.ok(letter.copyTo.includes('Ủy ban nhân dân tỉnh (để b/c)'));
  assert.equal(letter.copyTo.at(-1), 'Lưu: VT, VP', 'the filing line names the division of the symbol');
  const grouped = buildReminderLetter({
    issuer: SKHCN,
    plan: KH129,
    regimeName: 'x',
    period,
    receiverName: 'Sở Khoa học và Công nghệ',
    reportsTo: 'Ủy ban nhân dân tỉnh',
    today: '2026-12-10',
    deadline: { lastDay: '2026-12-14', extended: false },
    units: [4, 7, 8, 9].map((i) => unit(i, `Xã ${i}`, i === 9 ? 'pending' : 'missing')),
    groupNames: [{ unitIds: [4, 7, 8, 9], name: 'Ủy ban nhân dân các xã, phường' }],
    submittersPhrase: 'Ủy ban nhân dân các xã, phường',
  });
  assert.deepEqual(grouped.recipients, ['Ủy ban nhân dân các xã, phường có tên tại Danh sách kèm theo']);
  assert.match(grouped.basisText, /về Sở Khoa học và Công nghệ trước ngày 15\/12\/2026 để tổng hợp/);
  assert.deepEqual(
    grouped.missing.map((m) => [m.state, m.items[0]]),
    [
      ['missing', 'Báo cáo kết quả thực hiện năm 2026: chưa gửi'],
      ['missing', 'Báo cáo kết quả thực hiện năm 2026: chưa gửi'],
      ['missing', 'Báo cáo kết quả thực hiện năm 2026: chưa gửi'],
      ['pending', 'Báo cáo kết quả thực hiện năm 2026: chưa lập'],
    ],
    'a unit whose due date has not passed is never called "chưa gửi"',
  );
});

test('one deadline: the period’s own until it passes, then 5 working days from today, named "trước ngày" the day after', () => {
  const add = (d: string, n: number) => addWorkingDays(d, n, DEFAULT_CALENDAR_CONFIG);
  assert.deepEqual(reminderDeadline('2026-12-14', '2026-12-10', add), { lastDay: '2026-12-14', extended: false });
  assert.deepEqual(reminderDeadline('2026-12-14', '2026-12-14', add), { lastDay: '2026-12-14', extended: false });
  assert.deepEqual(reminderDeadline('2026-12-14', '2026-12-16', add), { lastDay: '2026-12-23', extended: true });
  assert.equal(deadlinePhraseOf('2026-12-14'), 'trước ngày 15/12/2026');
  assert.equal(deadlinePhraseOf('2026-02-28'), 'trước ngày 01/3/2026');
  assert.equal(archiveLine('PVHXH'), 'Lưu: VT, PVHXH');
  assert.equal(archiveLine(null), 'Lưu: VT');
});

test('the sections a report is not approved without, unless confirmed', () => {
  const full = { leadership: 'a', results: 'b', assessment: 'c', obstacles: '', proposals: '', nextSteps: 'd' };
  assert.deepEqual(emptyRequiredSections(full), []);
  assert.deepEqual(
    emptyRequiredSections({ ...full, leadership: '  ', nextSteps: '' }).map((s) => s.key),
    ['leadership', 'nextSteps'],
  );
  assert.equal(emptyRequiredSections(undefined).length, 4);
});
