// Prefill of a unit report: one line per task of the regime's plan, statuses as the tracking module computes them
// for the year, narratives and deliverables inside the data window, obstacles, offices' reports merged in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CALENDAR_CONFIG } from '../../src/domain/calendar/holidays.ts';
import type { Schedule } from '../../src/domain/plan/model.ts';
import {
  assignmentYearState,
  compareTaskNumbers,
  mergeStatus,
  prefillContent,
  type AssignmentFact,
  type ChildReport,
  type DeliverableFact,
  type UpdateFact,
} from '../../src/domain/reporting/prefill.ts';

const calendar = DEFAULT_CALENDAR_CONFIG;
const WINDOW = { from: '2025-12-15', to: '2026-12-14' };
const OPEN: Schedule = { kind: 'period', start: '2026-01-01', end: null, recurrence: null, dueDay: null, dueDates: [] };
const BY_JUNE: Schedule = {
  kind: 'deadline',
  start: null,
  end: '2026-06-30',
  recurrence: null,
  dueDay: null,
  dueDates: ['2026-06-30'],
};

const assignment = (
  id: number,
  taskNumber: string,
  schedule: Schedule | null,
  extra: Partial<AssignmentFact> = {},
): AssignmentFact => ({
  assignmentId: id,
  taskNumber,
  taskTitle: `Nhiệm vụ ${taskNumber}`,
  parentTaskNumber: null,
  role: 'lead',
  schedule,
  ...extra,
});
const update = (
  assignmentId: number,
  occurredOn: string,
  percent: number,
  completed = false,
  narrative = '',
): UpdateFact => ({ assignmentId, occurredOn, percent, completed, narrative });
const conference = (assignmentId: number, occurredOn: string, participants: number): DeliverableFact => ({
  assignmentId,
  kind: 'conference',
  title: 'Hội nghị phổ biến Luật Trí tuệ nhân tạo',
  occurredOn,
  participants,
  documentNumber: null,
  link: null,
});

test('the status of an assignment in a year follows the tracking rules', () => {
  // Open-ended work is due on the yearly report date, 14/12/2026.
  assert.deepEqual(assignmentYearState(OPEN, [update(1, '2026-11-20', 60)], 2026, '2026-12-01', calendar), {
    dueDate: '2026-12-14',
    percent: 60,
    completedOn: null,
    status: 'inProgress',
  });
  assert.equal(
    assignmentYearState(OPEN, [update(1, '2026-11-20', 60)], 2026, '2026-12-15', calendar).status,
    'overdue',
  );
  assert.equal(
    assignmentYearState(BY_JUNE, [update(1, '2026-07-02', 100, true)], 2026, '2026-12-01', calendar).status,
    'doneLate',
  );
  assert.deepEqual(assignmentYearState(BY_JUNE, [update(1, '2026-06-10', 100, true)], 2026, '2026-12-01', calendar), {
    dueDate: '2026-06-30',
    percent: 100,
    completedOn: '2026-06-10',
    status: 'doneOnTime',
  });
  assert.equal(mergeStatus(['doneOnTime', 'doneLate']), 'doneLate');
  assert.equal(mergeStatus(['doneOnTime', 'inProgress', 'overdue']), 'overdue');
  assert.equal(mergeStatus(['doneOnTime', 'inProgress']), 'inProgress');
  assert.deepEqual(['10', '3.2', '1', '3.1', '2'].sort(compareTaskNumbers), ['1', '2', '3.1', '3.2', '10']);
});

test('one line per task of the plan, in order; narratives and deliverables inside the window only', () => {
  const content = prefillContent({
    window: WINDOW,
    year: 2026,
    today: '2026-12-01',
    calendar,
    assignments: [
      assignment(2, '3.1', OPEN, { role: 'coordinator' }),
      assignment(1, '1', OPEN, { parentTaskNumber: '1' }),
      // The ward itself and its office both work on task 1: one line.
      assignment(3, '1', OPEN, { role: 'coordinator' }),
    ],
    updates: [
      update(1, '2025-11-02', 10, false, 'Năm trước: không tính'),
      update(1, '2026-11-20', 60, false, 'Tổ chức hội nghị phổ biến Luật'),
      update(1, '2026-12-20', 80, false, 'Sau kỳ báo cáo'),
      update(2, '2026-10-01', 100, true, 'Đã lồng ghép'),
    ],
    deliverables: [
      conference(1, '2026-11-20', 120),
      conference(1, '2025-12-01', 50),
      conference(1, '2025-12-20', 30),
      conference(3, '2026-12-15', 10),
    ],
    obstacles: [
      { kind: 'proposal', content: 'Đề nghị cung cấp tài liệu tuyên truyền', raisedOn: '2026-11-21', answer: null },
      { kind: 'difficulty', content: 'Năm trước', raisedOn: '2025-10-01', answer: null },
    ],
  });
  assert.deepEqual(
    content.tasks.map((t) => t.taskNumber),
    ['1', '3.1'],
  );
  const t1 = content.tasks[0]!;
  assert.equal(t1.role, 'lead');
  assert.equal(t1.parentTaskNumber, '1');
  assert.deepEqual(t1.results, ['Tổ chức hội nghị phổ biến Luật']);
  assert.deepEqual(
    t1.deliverables.map((d) => [d.occurredOn, d.participants]),
    [
      ['2025-12-20', 30],
      ['2026-11-20', 120],
    ],
  );
  assert.equal(t1.percent, 30, 'average of 60 % and 0 %');
  assert.equal(t1.status, 'inProgress');
  assert.equal(t1.deadline, '2026-12-14');
  assert.equal(content.tasks[1]!.status, 'doneOnTime');
  assert.equal(content.tasks[1]!.percent, 100);
  assert.deepEqual(
    content.obstacles.map((o) => o.content),
    ['Đề nghị cung cấp tài liệu tuyên truyền'],
  );
  assert.equal(content.narrative.proposals, 'Đề nghị cung cấp tài liệu tuyên truyền');
  assert.match(content.narrative.results, /^Tổng số 2 nhiệm vụ; đã hoàn thành 1\/2/);
  assert.equal(content.children, undefined);
});

test("statuses stand as of the window's end: a report compiled after 14/12 shows the year as it closed", () => {
  const content = prefillContent({
    window: WINDOW,
    year: 2026,
    today: '2027-01-05',
    calendar,
    assignments: [assignment(1, '1', OPEN)],
    updates: [update(1, '2026-12-20', 100, true)],
    deliverables: [],
    obstacles: [],
  });
  assert.equal(
    content.tasks[0]!.status,
    'inProgress',
    'finished after the window: not done in 2026, and 14/12 itself is on time',
  );
});

test("a ward's report merges what its offices sent (by the province task they implement) and keeps written sections", () => {
  const office: ChildReport = {
    unitId: 11,
    unitName: 'Phòng Kinh tế, Hạ tầng và Đô thị',
    reportId: 5,
    status: 'accepted',
    submittedOn: '2026-11-25',
    content: {
      window: WINDOW,
      obstacles: [{ kind: 'difficulty', content: 'Thiếu cán bộ', raisedOn: '2026-10-01', answer: null }],
      narrative: { leadership: '', results: '', assessment: '', obstacles: '', proposals: '', nextSteps: '' },
      tasks: [
        {
          taskNumber: '3.1',
          parentTaskNumber: '3.1',
          taskTitle: 'Lồng ghép',
          role: 'coordinator',
          status: 'doneOnTime',
          percent: 100,
          results: ['Đã lồng ghép'],
          deliverables: [],
        },
        {
          taskNumber: '7',
          parentTaskNumber: '1',
          taskTitle: 'Tuyên truyền ở tổ dân phố',
          role: 'lead',
          status: 'inProgress',
          percent: 50,
          results: [],
          deliverables: [
            {
              kind: 'article',
              title: 'Tin bài',
              occurredOn: '2026-09-01',
              participants: null,
              documentNumber: null,
              link: null,
            },
          ],
        },
      ],
    },
  };
  const draft: ChildReport = { ...office, unitId: 12, reportId: 6, status: 'draft' };
  const content = prefillContent({
    window: WINDOW,
    year: 2026,
    today: '2026-12-01',
    calendar,
    assignments: [assignment(1, '1', OPEN)],
    updates: [update(1, '2026-11-20', 100, true)],
    deliverables: [conference(1, '2026-11-20', 120)],
    obstacles: [],
    children: [office, draft],
    narrative: {
      leadership: 'Đã ban hành kế hoạch',
      results: '',
      assessment: '',
      obstacles: '',
      proposals: '',
      nextSteps: '',
    },
  });
  assert.deepEqual(
    content.tasks.map((t) => [t.taskNumber, t.status, t.percent, t.deliverables.length]),
    [
      ['1', 'inProgress', 75, 2],
      ['3.1', 'doneOnTime', 100, 0],
    ],
  );
  assert.deepEqual(
    content.children,
    [
      {
        unitId: 11,
        unitName: 'Phòng Kinh tế, Hạ tầng và Đô thị',
        reportId: 5,
        status: 'accepted',
        submittedOn: '2026-11-25',
      },
    ],
    'only received reports',
  );
  assert.deepEqual(
    content.obstacles.map((o) => o.content),
    ['Thiếu cán bộ'],
  );
  assert.equal(content.narrative.leadership, 'Đã ban hành kế hoạch');
});
