// Reporting periods, data windows and due dates (Nghị định 09/2019 windows; KH 129/KH-UBND due date).
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { DEFAULT_CALENDAR_CONFIG } from '../../src/domain/calendar/holidays.ts';
import { addDays, weekday } from '../../src/domain/calendar/lunar.ts';
import {
  AI_PLAN_YEARLY_SCHEDULE,
  dueDateFor,
  dueDatesOf,
  nextPeriod,
  parsePeriodKey,
  periodByKey,
  periodFor,
  periodsBetween,
  previousPeriod,
  regimeDueDate,
  type Frequency,
  type ReportingSchedule,
} from '../../src/domain/reporting/period.ts';
import { AppError } from '../../src/domain/errors.ts';

const cal = DEFAULT_CALENDAR_CONFIG;

const throwsCode = (fn: () => unknown, code: string) =>
  assert.throws(fn, (e: unknown) => e instanceof AppError && e.code === code);

/** A schedule with the NĐ 09/2019 windows and a due date on the 15th of the last month. */
function schedule(frequency: Frequency, overrides: Partial<ReportingSchedule> = {}): ReportingSchedule {
  return {
    frequency,
    dataWindow: { cutoffDay: 14 },
    dueDate: { kind: 'dayOfMonth', monthOffset: 0, day: 15, exclusive: false, onDayOff: 'before' },
    tiers: [{ kinds: ['province'], leadWorkingDays: 0 }],
    ...overrides,
  };
}

const windowOf = (key: string, s: ReportingSchedule) => {
  const p = periodByKey(key, s);
  return [p.dataWindow.from, p.dataWindow.to];
};

// ---------------------------------------------------------------------------------------------------------------
// Windows

test('yearly period 2026: data from 15/12/2025 to 14/12/2026', () => {
  const p = periodByKey('2026', schedule('yearly'));
  assert.deepEqual(p, {
    key: '2026',
    frequency: 'yearly',
    year: 2026,
    index: 1,
    dataWindow: { from: '2025-12-15', to: '2026-12-14' },
    label: 'Năm 2026',
  });
});

test('periodFor puts a date after the cut-off into the next period', () => {
  const y = schedule('yearly');
  assert.equal(periodFor('2025-12-14', y).key, '2025');
  assert.equal(periodFor('2025-12-20', y).key, '2026');
  assert.equal(periodFor('2026-06-30', y).key, '2026');
  assert.equal(periodFor('2026-12-14', y).key, '2026');
  assert.equal(periodFor('2026-12-15', y).key, '2027');
  const q = schedule('quarterly');
  assert.equal(periodFor('2026-03-14', q).key, '2026-Q1');
  assert.equal(periodFor('2026-03-15', q).key, '2026-Q2');
  assert.equal(periodFor('2026-09-20', q).key, '2026-Q4');
  assert.equal(periodFor('2025-12-31', q).key, '2026-Q1');
});

test('6-month windows 2026: 15/12/2025 → 14/06/2026 and 15/06 → 14/12/2026', () => {
  const h = schedule('halfYearly');
  assert.deepEqual(windowOf('2026-H1', h), ['2025-12-15', '2026-06-14']);
  assert.deepEqual(windowOf('2026-H2', h), ['2026-06-15', '2026-12-14']);
  assert.equal(periodByKey('2026-H1', h).label, '6 tháng đầu năm 2026');
  assert.equal(periodByKey('2026-H2', h).label, '6 tháng cuối năm 2026');
});

test('quarterly windows 2026: from the 15th of the month before the quarter to the 14th of its last month', () => {
  const q = schedule('quarterly');
  assert.deepEqual(windowOf('2026-Q1', q), ['2025-12-15', '2026-03-14']);
  assert.deepEqual(windowOf('2026-Q2', q), ['2026-03-15', '2026-06-14']);
  assert.deepEqual(windowOf('2026-Q3', q), ['2026-06-15', '2026-09-14']);
  assert.deepEqual(windowOf('2026-Q4', q), ['2026-09-15', '2026-12-14']);
  assert.equal(periodByKey('2026-Q3', q).label, 'Quý III năm 2026');
});

test('monthly windows: 15th of the previous month to the 14th', () => {
  const m = schedule('monthly');
  assert.deepEqual(windowOf('2026-M01', m), ['2025-12-15', '2026-01-14']);
  assert.deepEqual(windowOf('2026-M03', m), ['2026-02-15', '2026-03-14']);
  assert.equal(periodByKey('2026-M03', m).label, 'Tháng 3 năm 2026');
});

test('calendar periods when the regime cuts off at the end of the month', () => {
  const q = schedule('quarterly', { dataWindow: { cutoffDay: 'endOfMonth' } });
  assert.deepEqual(windowOf('2026-Q1', q), ['2026-01-01', '2026-03-31']);
  assert.deepEqual(windowOf('2026-Q3', q), ['2026-07-01', '2026-09-30']);
  assert.equal(periodFor('2026-12-31', q).key, '2026-Q4');
  const y = schedule('yearly', { dataWindow: { cutoffDay: 'endOfMonth' } });
  assert.deepEqual(windowOf('2026', y), ['2026-01-01', '2026-12-31']);
  throwsCode(
    () => periodByKey('2026', schedule('yearly', { dataWindow: { cutoffDay: 31 } })),
    'invalid_reporting_schedule',
  );
});

test('windows tile time: each period starts the day after the previous one ends', () => {
  for (const f of ['yearly', 'halfYearly', 'quarterly', 'monthly'] as const) {
    const s = schedule(f);
    let p = periodFor('2024-01-01', s);
    for (let i = 0; i < 30; i++) {
      const n = nextPeriod(p, s);
      assert.equal(n.dataWindow.from, addDays(p.dataWindow.to, 1), `${f} ${p.key} → ${n.key}`);
      assert.equal(previousPeriod(n, s).key, p.key);
      assert.equal(periodFor(n.dataWindow.from, s).key, n.key);
      assert.equal(periodFor(n.dataWindow.to, s).key, n.key);
      p = n;
    }
  }
});

test('periodsBetween lists the periods whose windows overlap the range', () => {
  const q = schedule('quarterly');
  assert.deepEqual(
    periodsBetween('2026-01-01', '2026-12-31', q).map((p) => p.key),
    ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1'],
  );
  assert.deepEqual(
    periodsBetween('2025-12-15', '2026-12-14', schedule('yearly')).map((p) => p.key),
    ['2026'],
  );
  assert.deepEqual(periodsBetween('2026-05-01', '2026-04-01', q), []);
});

test('period keys', () => {
  assert.deepEqual(parsePeriodKey('2026'), { frequency: 'yearly', year: 2026, index: 1 });
  assert.deepEqual(parsePeriodKey('2026-H1'), { frequency: 'halfYearly', year: 2026, index: 1 });
  assert.deepEqual(parsePeriodKey('2026-Q3'), { frequency: 'quarterly', year: 2026, index: 3 });
  assert.deepEqual(parsePeriodKey('2026-M12'), { frequency: 'monthly', year: 2026, index: 12 });
  for (const bad of ['2026-Q5', '2026-H3', '2026-M13', '26', '2026-q1', '2026-03'])
    throwsCode(() => parsePeriodKey(bad), 'invalid_period_key');
  throwsCode(() => periodByKey('2026-Q3', schedule('yearly')), 'period_frequency_mismatch');
});

// ---------------------------------------------------------------------------------------------------------------
// Due dates

test('a 15/12 due date on a Sunday (2024) moves to Friday 13/12', () => {
  const y = schedule('yearly');
  assert.equal(weekday('2024-12-15'), 0);
  assert.equal(regimeDueDate(periodByKey('2024', y), y, cal), '2024-12-13');
  assert.equal(dueDateFor(periodByKey('2024', y), 'province', y, cal), '2024-12-13');
  assert.equal(dueDateFor(periodByKey('2026', y), 'province', y, cal), '2026-12-15', 'a Tuesday stays');
});

test('lower tiers are due earlier, by working days, so each level has time to compile', () => {
  const y = schedule('yearly', {
    tiers: [
      { kinds: ['province'], leadWorkingDays: 0 },
      { kinds: ['agency', 'commune', 'ward'], leadWorkingDays: 5 },
      { kinds: ['office'], leadWorkingDays: 3 },
    ],
  });
  const p = periodByKey('2026', y);
  assert.deepEqual(dueDatesOf(p, y, cal), [
    { kinds: ['province'], dueDate: '2026-12-15' },
    { kinds: ['agency', 'commune', 'ward'], dueDate: '2026-12-08' },
    { kinds: ['office'], dueDate: '2026-12-03' },
  ]);
  assert.equal(dueDateFor(p, 'ward', y, cal), '2026-12-08');
  throwsCode(() => dueDateFor(p, 'neighbourhood', y, cal), 'reporting_level_not_in_regime');
  throwsCode(
    () =>
      dueDatesOf(
        p,
        {
          ...y,
          tiers: [
            { kinds: ['ward'], leadWorkingDays: 0 },
            { kinds: ['ward'], leadWorkingDays: 1 },
          ],
        },
        cal,
      ),
    'invalid_reporting_schedule',
  );
});

test('KH 129 yearly report: "trước ngày 15/12", offices of a ward 5 working days earlier', () => {
  const s = AI_PLAN_YEARLY_SCHEDULE;
  const p2026 = periodFor('2026-07-01', s);
  assert.equal(p2026.key, '2026');
  assert.equal(dueDateFor(p2026, 'ward', s, cal), '2026-12-14', 'strictly before 15/12: Monday 14/12/2026');
  assert.equal(dueDateFor(p2026, 'agency', s, cal), '2026-12-14');
  assert.equal(dueDateFor(p2026, 'office', s, cal), '2026-12-07');
  const p2024 = periodByKey('2024', s);
  assert.equal(dueDateFor(p2024, 'commune', s, cal), '2024-12-13', '14/12/2024 was a Saturday');
  throwsCode(() => dueDateFor(p2026, 'province', s, cal), 'reporting_level_not_in_regime');
});

test('due dates counted from the cut-off, including across Tết', () => {
  const twoWorkingDays = (f: Frequency) =>
    schedule(f, { dueDate: { kind: 'afterCutoff', unit: 'workingDays', days: 2 } });
  const q = twoWorkingDays('quarterly');
  // Cut-off Saturday 14/03/2026 → Monday 16, Tuesday 17.
  assert.equal(regimeDueDate(periodByKey('2026-Q1', q), q, cal), '2026-03-17');
  const m = twoWorkingDays('monthly');
  // February 2026 closes on Saturday 14/02, just before Tết (16–20/02) → 23, 24/02.
  assert.equal(regimeDueDate(periodByKey('2026-M02', m), m, cal), '2026-02-24');
  const c = schedule('halfYearly', { dueDate: { kind: 'afterCutoff', unit: 'calendarDays', days: 5 } });
  // 14/06/2026 + 5 = Friday 19/06.
  assert.equal(regimeDueDate(periodByKey('2026-H1', c), c, cal), '2026-06-19');
});

test('day-of-month due dates relative to the last month of the period', () => {
  // "ngày 20 tháng cuối kỳ" [U]: 20/06/2026 is a Saturday → Friday 19/06.
  const q = schedule('quarterly', { dueDate: { kind: 'dayOfMonth', monthOffset: 0, day: 20, exclusive: false } });
  assert.equal(regimeDueDate(periodByKey('2026-Q2', q), q, cal), '2026-06-19');
  // Units by 25/11 (TT 02/2023/TT-BTTTT): the month before the last month of a yearly period.
  const y = schedule('yearly', { dueDate: { kind: 'dayOfMonth', monthOffset: -1, day: 25, exclusive: false } });
  assert.equal(regimeDueDate(periodByKey('2026', y), y, cal), '2026-11-25');
  // Day 31 in a 30-day month means its last day.
  const e = schedule('quarterly', {
    dueDate: { kind: 'dayOfMonth', monthOffset: 0, day: 31, exclusive: false, onDayOff: 'none' },
  });
  assert.equal(regimeDueDate(periodByKey('2026-Q3', e), e, cal), '2026-09-30');
});
