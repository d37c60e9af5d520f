// Assignments, due dates and statuses of tracking, on real dates: Tết Đinh Mùi 2027 (off Fri 05/02 → Thu 11/02),
// 30/4–1/5 in 2026 (Thu–Fri) and 2027 (Fri–Sat, compensated Mon 03/5), the yearly report "trước ngày 15/12".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CALENDAR_CONFIG, type CalendarConfig } from '../../src/domain/calendar/holidays.ts';
import type { Schedule, UnitRef } from '../../src/domain/plan/model.ts';
import { parseTimeframe } from '../../src/domain/plan/timeframe.ts';
import {
  assignmentsForTask,
  assignmentStatus,
  concernsYear,
  dueDateFor,
  isRepeating,
  progressInYear,
  progressOf,
  reportingDueDate,
  todayInVietnam,
} from '../../src/domain/tracking/assignment.ts';

const cal = DEFAULT_CALENDAR_CONFIG;

function ref(unitId: number | null, text = `Đơn vị ${unitId}`, group = false): UnitRef {
  return {
    text,
    unitId,
    unitCode: unitId === null ? null : `X.${unitId}`,
    unitName: unitId === null ? null : text,
    confidence: 1,
    group,
  };
}

const deadline = (...dates: string[]): Schedule => ({
  kind: 'deadline',
  start: null,
  end: dates[dates.length - 1]!,
  recurrence: null,
  dueDay: null,
  dueDates: dates,
});
const schedule = (text: string, year = 2026) => parseTimeframe(text, { year }).schedule;

test('assignments: resolved leads and coordinators, groups and unresolved names skipped, one per unit', () => {
  const pairs = assignmentsForTask({
    lead: [ref(10, 'Sở Khoa học và Công nghệ'), ref(null, 'Ban Chỉ đạo (chưa có trong danh mục)')],
    coordinators: [
      ref(null, 'Các sở, ban, ngành tỉnh', true),
      ref(20, 'Sở Tài chính'),
      ref(10, 'Sở Khoa học và Công nghệ'),
      ref(30, 'Công an tỉnh'),
      ref(20, 'Sở Tài chính'),
      { ...ref(40, 'UBND các xã, phường'), group: true },
    ],
  });
  assert.deepEqual(pairs, [
    { unitId: 10, role: 'lead' },
    { unitId: 20, role: 'coordinator' },
    { unitId: 30, role: 'coordinator' },
  ]);
  assert.deepEqual(
    assignmentsForTask({ lead: [], coordinators: [ref(null, 'Các cơ quan, tổ chức có liên quan', true)] }),
    [],
  );
  assert.deepEqual(
    assignmentsForTask({ lead: [ref(1), ref(2)], coordinators: [] }).map((p) => p.role),
    ['lead', 'lead'],
    'two units may lead together',
  );
});

test('the yearly report is due "trước ngày 15/12": 14/12, or the working day before it', () => {
  assert.equal(reportingDueDate(2026, cal), '2026-12-14'); // Monday
  assert.equal(reportingDueDate(2027, cal), '2027-12-14'); // Tuesday
  assert.equal(reportingDueDate(2025, cal), '2025-12-12'); // 14/12/2025 is a Sunday
  assert.equal(reportingDueDate(2030, cal), '2030-12-13'); // 14/12/2030 is a Saturday
});

test('"Thường xuyên", open periods and "Hàng năm" follow the reporting periods', () => {
  for (const text of ['Thường xuyên', 'Năm 2026 và các năm tiếp theo', 'Hàng năm']) {
    const s = schedule(text);
    assert.equal(isRepeating(s), true, text);
    assert.equal(dueDateFor(s, 2026, cal), '2026-12-14', text);
    assert.equal(dueDateFor(s, 2031, cal), '2031-12-12', `${text}: 14/12/2031 is a Sunday`);
  }
  assert.equal(dueDateFor(schedule('Năm 2026 và các năm tiếp theo'), 2025, cal), null, 'not started yet');
  assert.equal(dueDateFor(schedule('2026 - 2030 hằng năm'), 2031, cal), null, 'over');
  assert.equal(dueDateFor(null, 2026, cal), '2026-12-14', 'an unreadable timeframe is followed through the report');
});

test('a dated deadline on a day off of Tết 2027 moves to the last working day before Tết', () => {
  // "Trước ngày 10/02/2027": 10/02 is a compensatory day; 05/02–11/02 are off → Thursday 04/02.
  assert.equal(dueDateFor(deadline('2027-02-10'), 2027, cal), '2027-02-04');
  assert.equal(dueDateFor(deadline('2027-02-06'), 2027, cal), '2027-02-04', 'mùng 1 Tết Đinh Mùi, a Saturday');
  assert.equal(dueDateFor(deadline('2027-02-12'), 2027, cal), '2027-02-12', 'the first working day after Tết stays');
  assert.equal(dueDateFor(deadline('2027-02-10'), 2026, cal), '2027-02-04', 'in the year before, the coming deadline');
  assert.equal(
    dueDateFor(deadline('2026-06-30'), 2027, cal),
    '2026-06-30',
    'in a later year, the deadline that passed',
  );
  assert.equal(
    dueDateFor(deadline('2026-03-31', '2026-09-30'), 2026, cal),
    '2026-09-30',
    'the last deadline of the year',
  );
  assert.equal(dueDateFor(schedule('Trước ngày 10/02/2027'), 2027, cal), '2027-02-04', 'read from the text');
});

test('30/4 and 1/5: deadlines move back over the holidays and their compensatory day', () => {
  assert.equal(dueDateFor(deadline('2026-04-30'), 2026, cal), '2026-04-29'); // Thursday holiday → Wednesday
  assert.equal(dueDateFor(deadline('2026-05-01'), 2026, cal), '2026-04-29');
  assert.equal(
    dueDateFor(deadline('2026-04-27'), 2026, cal),
    '2026-04-24',
    'Monday 27/4/2026 makes up for Giỗ Tổ on Sunday 26/4',
  );
  assert.equal(dueDateFor(deadline('2027-05-01'), 2027, cal), '2027-04-29'); // Saturday; Friday 30/4 off
  assert.equal(dueDateFor(deadline('2027-05-03'), 2027, cal), '2027-04-29', 'Monday 03/5/2027 makes up for 01/5');
  assert.equal(dueDateFor(deadline('2027-05-04'), 2027, cal), '2027-05-04');
});

test('a yearly recurrence with a due day, every year it runs', () => {
  const s: Schedule = {
    kind: 'recurring',
    start: null,
    end: null,
    recurrence: 'yearly',
    dueDay: { month: 4, day: 30 },
    dueDates: [],
  };
  assert.equal(dueDateFor(s, 2026, cal), '2026-04-29');
  assert.equal(dueDateFor(s, 2027, cal), '2027-04-29');
  const tet: Schedule = { ...s, dueDay: { month: 2, day: 10 } };
  assert.equal(dueDateFor(tet, 2026, cal), '2026-02-10', 'Tết Bính Ngọ is 16–20/02/2026');
  assert.equal(dueDateFor(tet, 2027, cal), '2027-02-04');
  assert.equal(dueDateFor(schedule('Trước ngày 30/4 hằng năm'), 2027, cal), '2027-04-29', 'read from the text');
});

test('periods end on their last day; "Năm 2026" on 31/12/2026', () => {
  assert.equal(dueDateFor(schedule('Quý II/2026'), 2026, cal), '2026-06-30');
  assert.equal(dueDateFor(schedule('Quý II/2026'), 2025, cal), null, 'starts later');
  assert.equal(dueDateFor(schedule('Năm 2026'), 2026, cal), '2026-12-31');
  assert.equal(
    dueDateFor(schedule('Giai đoạn 2026 - 2030'), 2027, cal),
    '2030-12-31',
    'a multi-year task is due at its end',
  );
});

test('the calendar decides: an announced day off and a make-up working day', () => {
  const announced: CalendarConfig = {
    ...cal,
    years: {
      '2026': { addDaysOff: [{ date: '2026-12-14', name: 'Nghỉ theo thông báo' }] },
      '2027': {
        makeUpWorkingDays: [{ date: '2027-02-20', name: 'Làm bù' }],
        addDaysOff: [{ date: '2027-02-04', name: 'Nghỉ hoán đổi' }],
      },
    },
  };
  assert.equal(dueDateFor(schedule('Thường xuyên'), 2026, announced), '2026-12-11');
  assert.equal(
    dueDateFor(deadline('2027-02-10'), 2027, announced),
    '2027-02-03',
    'the bridge day before Tết is off too',
  );
  assert.equal(dueDateFor(deadline('2027-02-20'), 2027, announced), '2027-02-20', 'a Saturday that is a working day');
  assert.equal(dueDateFor(deadline('2027-02-20'), 2027, cal), '2027-02-19');
});

test('the four statuses come from dates only', () => {
  const due = '2027-02-04';
  assert.equal(assignmentStatus({ dueDate: due, completedOn: '2027-02-04', today: '2027-03-01' }), 'doneOnTime');
  assert.equal(assignmentStatus({ dueDate: due, completedOn: '2027-01-20', today: '2027-01-21' }), 'doneOnTime');
  assert.equal(
    assignmentStatus({ dueDate: due, completedOn: '2027-02-12', today: '2027-02-12' }),
    'doneLate',
    'done after Tết',
  );
  assert.equal(
    assignmentStatus({ dueDate: due, completedOn: null, today: '2027-02-04' }),
    'inProgress',
    'the due day itself is still on time',
  );
  assert.equal(assignmentStatus({ dueDate: due, completedOn: null, today: '2027-02-05' }), 'overdue', '29 tháng Chạp');
  assert.equal(assignmentStatus({ dueDate: null, completedOn: null, today: '2027-02-05' }), 'inProgress');
  assert.equal(assignmentStatus({ dueDate: null, completedOn: '2027-02-05', today: '2027-02-05' }), 'doneOnTime');
});

test('progress: the last update gives the percent; completion is the start of the last completed run', () => {
  const p = progressOf([
    { occurredOn: '2026-06-15', percent: 40, completed: false },
    { occurredOn: '2026-11-20', percent: 100, completed: true },
    { occurredOn: '2026-07-01', percent: 60, completed: false },
    { occurredOn: '2026-11-25', percent: 100, completed: true },
  ]);
  assert.deepEqual(p, { percent: 100, completedOn: '2026-11-20', lastOn: '2026-11-25' });
  assert.equal(
    progressOf([
      { occurredOn: '2026-11-20', percent: 100, completed: true },
      { occurredOn: '2026-11-21', percent: 90, completed: false },
    ]).completedOn,
    null,
    'reopened',
  );
  assert.deepEqual(progressOf([]), { percent: 0, completedOn: null, lastOn: null });
});

test('progress in a year: a repeating task starts again each period (15/12 → 14/12); a one-off task carries over', () => {
  const updates = [
    { occurredOn: '2026-06-15', percent: 50, completed: false },
    { occurredOn: '2026-12-10', percent: 100, completed: true },
    { occurredOn: '2026-12-20', percent: 30, completed: false }, // in the data window of 2027
  ];
  const yearly = schedule('Năm 2026 và các năm tiếp theo');
  assert.deepEqual(progressInYear(updates, yearly, 2026), {
    percent: 100,
    completedOn: '2026-12-10',
    lastOn: '2026-12-10',
  });
  assert.deepEqual(progressInYear(updates, yearly, 2027), { percent: 30, completedOn: null, lastOn: '2026-12-20' });
  const once = deadline('2027-02-10');
  assert.equal(progressInYear(updates, once, 2026).completedOn, '2026-12-10');
  assert.equal(progressInYear(updates, once, 2027).completedOn, null, 'reopened on 20/12/2026');
});

test('which years an assignment concerns', () => {
  const once = deadline('2026-06-30');
  assert.equal(
    concernsYear({ dueDate: '2026-06-30', schedule: once, completedOn: null, year: 2027 }),
    true,
    'unfinished: still on the list',
  );
  assert.equal(
    concernsYear({ dueDate: '2026-06-30', schedule: once, completedOn: '2026-07-10', year: 2027 }),
    false,
    'done before the 2027 period',
  );
  assert.equal(
    concernsYear({ dueDate: '2026-06-30', schedule: once, completedOn: '2026-12-20', year: 2027 }),
    true,
    'done within the 2027 period',
  );
  assert.equal(concernsYear({ dueDate: null, schedule: once, completedOn: null, year: 2025 }), false);
  const yearly = schedule('Hàng năm');
  assert.equal(
    concernsYear({ dueDate: '2025-12-12', schedule: yearly, completedOn: null, year: 2025, since: '2026-05-04' }),
    false,
    'before the plan was issued',
  );
  assert.equal(
    concernsYear({ dueDate: '2026-12-14', schedule: yearly, completedOn: null, year: 2026, since: '2026-05-04' }),
    true,
  );
  assert.equal(
    concernsYear({ dueDate: '2026-12-14', schedule: yearly, completedOn: null, year: 2026, since: '2026-12-20' }),
    false,
    'issued in the 2027 period',
  );
});

test('today is counted in Việt Nam time', () => {
  assert.equal(todayInVietnam(new Date('2026-12-14T16:59:59Z')), '2026-12-14');
  assert.equal(todayInVietnam(new Date('2026-12-14T17:00:00Z')), '2026-12-15');
});
