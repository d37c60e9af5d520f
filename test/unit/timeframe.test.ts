import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Schedule } from '../../src/domain/plan/model.ts';
import { deadlinesInYear, hasDeadline, parseTimeframe, parseViDate } from '../../src/domain/plan/timeframe.ts';

function schedule(partial: Partial<Schedule> & Pick<Schedule, 'kind'>): Schedule {
  return { start: null, end: null, recurrence: null, dueDay: null, dueDates: [], ...partial };
}

describe('parseTimeframe', () => {
  const cases: Array<[string, Schedule | null, number?]> = [
    ['Năm 2026 và các năm tiếp theo.', schedule({ kind: 'period', start: '2026-01-01', recurrence: 'yearly' })],
    ['Thường xuyên', schedule({ kind: 'continuous' })],
    ['Hàng năm', schedule({ kind: 'recurring', recurrence: 'yearly' })],
    ['Hằng năm', schedule({ kind: 'recurring', recurrence: 'yearly' })],
    ['Hằng quý', schedule({ kind: 'recurring', recurrence: 'quarterly' })],
    ['Quý II/2026', schedule({ kind: 'period', start: '2026-04-01', end: '2026-06-30' })],
    ['Quý IV năm 2026', schedule({ kind: 'period', start: '2026-10-01', end: '2026-12-31' })],
    ['Quý II', schedule({ kind: 'period', start: '2026-04-01', end: '2026-06-30' }), 2026],
    ['Tháng 6/2026', schedule({ kind: 'period', start: '2026-06-01', end: '2026-06-30' })],
    [
      'Trước ngày 15/12 hằng năm',
      schedule({ kind: 'recurring', recurrence: 'yearly', dueDay: { month: 12, day: 15 } }),
    ],
    [
      'Định kỳ trước ngày 15 tháng 12 hằng năm',
      schedule({ kind: 'recurring', recurrence: 'yearly', dueDay: { month: 12, day: 15 } }),
    ],
    ['Trước ngày 30/6/2026', schedule({ kind: 'deadline', end: '2026-06-30', dueDates: ['2026-06-30'] })],
    ['Trước ngày 30/6', schedule({ kind: 'deadline', end: '2026-06-30', dueDates: ['2026-06-30'] }), 2026],
    ['2026 - 2030', schedule({ kind: 'period', start: '2026-01-01', end: '2030-12-31' })],
    ['Giai đoạn 2026-2030', schedule({ kind: 'period', start: '2026-01-01', end: '2030-12-31' })],
    ['Năm 2026', schedule({ kind: 'period', start: '2026-01-01', end: '2026-12-31' })],
    ['15/12/2026', schedule({ kind: 'deadline', end: '2026-12-15', dueDates: ['2026-12-15'] })],
    ['ngày 15 tháng 12 năm 2026', schedule({ kind: 'deadline', end: '2026-12-15', dueDates: ['2026-12-15'] })],
    ['Từ ngày 01/3/2026 đến ngày 30/6/2026', schedule({ kind: 'period', start: '2026-03-01', end: '2026-06-30' })],
    ['Đến năm 2030', schedule({ kind: 'deadline', end: '2030-12-31', dueDates: ['2030-12-31'] })],
    ['Khi có yêu cầu của cấp trên', null],
    ['Quý II', null], // no year written and none given
    ['31/6/2026', null], // no such day
  ];
  for (const [text, expected, year] of cases) {
    it(`${text}${year ? ` (năm ${year})` : ''}`, () => {
      const tf = parseTimeframe(text, year ? { year } : {});
      assert.equal(tf.text, text.replace(/\.$/, ''), 'the text is kept as written');
      assert.deepEqual(tf.schedule, expected);
    });
  }
});

describe('deadlinesInYear', () => {
  it('gives the due dates a schedule yields in a year', () => {
    const onwards = parseTimeframe('Năm 2026 và các năm tiếp theo').schedule;
    assert.deepEqual(deadlinesInYear(onwards, 2025), []);
    assert.deepEqual(deadlinesInYear(onwards, 2027), ['2027-12-31']);
    assert.deepEqual(deadlinesInYear(parseTimeframe('Trước ngày 15/12 hằng năm').schedule, 2026), ['2026-12-15']);
    assert.deepEqual(deadlinesInYear(parseTimeframe('Hằng quý').schedule, 2026), [
      '2026-03-31',
      '2026-06-30',
      '2026-09-30',
      '2026-12-31',
    ]);
    assert.deepEqual(deadlinesInYear(parseTimeframe('Quý II/2026').schedule, 2026), ['2026-06-30']);
    assert.deepEqual(deadlinesInYear(parseTimeframe('Quý II/2026').schedule, 2027), []);
    assert.deepEqual(deadlinesInYear(parseTimeframe('Trước ngày 30/6/2026').schedule, 2026), ['2026-06-30']);
    assert.deepEqual(deadlinesInYear(parseTimeframe('2026 - 2030').schedule, 2030), ['2030-12-31']);
    assert.deepEqual(deadlinesInYear(parseTimeframe('Thường xuyên').schedule, 2026), []);
    assert.deepEqual(deadlinesInYear(null, 2026), []);
  });

  it('tells which schedules give a date to check against', () => {
    assert.equal(hasDeadline(parseTimeframe('Thường xuyên').schedule), false);
    assert.equal(hasDeadline(parseTimeframe('Hàng năm').schedule), true);
    assert.equal(hasDeadline(parseTimeframe('Quý II/2026').schedule), true);
    assert.equal(hasDeadline(null), false);
  });
});

describe('parseViDate', () => {
  it('reads short and long dates, and partial dates of drafts', () => {
    assert.deepEqual(parseViDate('ngày 28/02/2026'), { day: 28, month: 2, year: 2026, iso: '2026-02-28' });
    assert.deepEqual(parseViDate('ngày 26 tháng 01 năm 2021'), { day: 26, month: 1, year: 2021, iso: '2021-01-26' });
    assert.deepEqual(parseViDate('ngày tháng năm 2026'), { day: null, month: null, year: 2026, iso: null });
    assert.equal(parseViDate('không có ngày'), null);
  });
});
