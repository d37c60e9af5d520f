// Lunar calendar, public holidays and working days, checked against real dates.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  addDays,
  canChiOfYear,
  formatLunarDate,
  fromJulianDay,
  leapMonthOf,
  lunarMonthsOf,
  lunarToSolar,
  solarToLunar,
  tetOf,
  toJulianDay,
  weekday,
} from '../../src/domain/calendar/lunar.ts';
import { DEFAULT_CALENDAR_CONFIG, holidaysOf, type CalendarConfig } from '../../src/domain/calendar/holidays.ts';
import {
  addWorkingDays,
  adjustToWorkingDay,
  dayStatus,
  deadline,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  workingDaysBetween,
} from '../../src/domain/calendar/working-days.ts';
import { AppError } from '../../src/domain/errors.ts';

const cal = DEFAULT_CALENDAR_CONFIG;

/** Every date from `from` to `to` inclusive. */
function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

const daysOff = (year: number, config: CalendarConfig = cal) => holidaysOf(year, config).map((h) => h.date);

const throwsCode = (fn: () => unknown, code: string) =>
  assert.throws(fn, (e: unknown) => e instanceof AppError && e.code === code);

// ---------------------------------------------------------------------------------------------------------------
// Civil dates

test('ISO dates: weekday and day arithmetic agree with the JavaScript UTC calendar', () => {
  for (let jd = toJulianDay('1999-12-25'); jd < toJulianDay('2031-01-10'); jd += 3) {
    const iso = fromJulianDay(jd);
    assert.equal(weekday(iso), new Date(`${iso}T00:00:00Z`).getUTCDay(), iso);
  }
  assert.equal(weekday('2024-12-15'), 0, '15/12/2024 was a Sunday');
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2026-02-28', 1), '2026-03-01');
  assert.equal(addDays('2026-01-01', -1), '2025-12-31');
});

test('ISO dates: malformed or impossible dates are rejected', () => {
  for (const bad of ['2026-02-29', '2026-13-01', '2026-4-30', '30/04/2026', ''])
    throwsCode(() => toJulianDay(bad), 'invalid_date');
});

// ---------------------------------------------------------------------------------------------------------------
// Lunar calendar

test('Tết Nguyên đán (mùng 1 tháng Giêng) on the published dates', () => {
  const tet: Record<number, string> = {
    2024: '2024-02-10',
    2025: '2025-01-29',
    2026: '2026-02-17',
    2027: '2027-02-06',
    2028: '2028-01-26',
    2029: '2029-02-13',
    // The new moon is at 16:07 UTC on 02/02/2030: 23:07 in Việt Nam (UTC+7) but 00:07 on 03/02 in China (UTC+8).
    // So Tết Canh Tuất is 02/02/2030 here, while Chinese New Year is 03/02/2030.
    2030: '2030-02-02',
  };
  for (const [year, date] of Object.entries(tet)) assert.equal(tetOf(Number(year)), date, `Tết ${year}`);
});

test('the Vietnamese calendar (UTC+7) differs from the Chinese one where it should', () => {
  assert.equal(tetOf(1985), '1985-01-21', 'Tết Ất Sửu: 21/01/1985 in Việt Nam, 20/02/1985 in China');
  assert.equal(tetOf(2007), '2007-02-17', 'Tết Đinh Hợi: 17/02/2007 in Việt Nam, 18/02/2007 in China');
});

test('Giỗ Tổ Hùng Vương (10 tháng Ba âm lịch)', () => {
  assert.equal(lunarToSolar({ year: 2025, month: 3, day: 10, leap: false }), '2025-04-07');
  assert.equal(lunarToSolar({ year: 2026, month: 3, day: 10, leap: false }), '2026-04-26');
  assert.deepEqual(solarToLunar('2026-04-26'), { year: 2026, month: 3, day: 10, leap: false });
});

test('leap months: 2025 has a leap month 6 and 13 months', () => {
  assert.equal(leapMonthOf(2025), 6);
  assert.equal(leapMonthOf(2023), 2);
  assert.equal(leapMonthOf(2020), 4);
  assert.equal(leapMonthOf(2028), 5);
  assert.equal(leapMonthOf(2024), null);
  assert.equal(leapMonthOf(2026), null);

  const months = lunarMonthsOf(2025);
  assert.equal(months.length, 13);
  assert.deepEqual(
    months.map((m) => `${m.month}${m.leap ? 'N' : ''}`),
    ['1', '2', '3', '4', '5', '6', '6N', '7', '8', '9', '10', '11', '12'],
  );
  assert.equal(lunarToSolar({ year: 2025, month: 6, day: 1, leap: false }), '2025-06-25');
  assert.equal(lunarToSolar({ year: 2025, month: 6, day: 1, leap: true }), '2025-07-25');
  assert.deepEqual(solarToLunar('2025-07-25'), { year: 2025, month: 6, day: 1, leap: true });
  assert.deepEqual(solarToLunar('2025-07-24'), { year: 2025, month: 6, day: 30, leap: false });
  // The leap month pushes the mid-autumn festival (Tết Trung thu, 15/8) to 06/10/2025.
  assert.equal(lunarToSolar({ year: 2025, month: 8, day: 15, leap: false }), '2025-10-06');
  // 2026 has no leap month 6.
  throwsCode(() => lunarToSolar({ year: 2026, month: 6, day: 1, leap: true }), 'lunar_date_not_found');
  assert.equal(formatLunarDate(solarToLunar('2025-07-25')), 'mùng 1 tháng Sáu nhuận năm Ất Tỵ');
});

test('month lengths: tháng Chạp of Giáp Thìn has 29 days (no "30 Tết" in 2025)', () => {
  assert.deepEqual(solarToLunar('2025-01-28'), { year: 2024, month: 12, day: 29, leap: false });
  throwsCode(() => lunarToSolar({ year: 2024, month: 12, day: 30, leap: false }), 'lunar_date_not_found');
  assert.deepEqual(solarToLunar('2024-02-09'), { year: 2023, month: 12, day: 30, leap: false });
});

test('solar ↔ lunar round-trips every day from 2019 to 2036, and lunar days follow each other', () => {
  let prev = solarToLunar('2018-12-31');
  for (const d of range('2019-01-01', '2036-12-31')) {
    const l = solarToLunar(d);
    assert.equal(lunarToSolar(l), d, d);
    const sameMonth = l.year === prev.year && l.month === prev.month && l.leap === prev.leap;
    if (sameMonth) assert.equal(l.day, prev.day + 1, d);
    else assert.ok(l.day === 1 && (prev.day === 29 || prev.day === 30), `${d}: month change after day ${prev.day}`);
    prev = l;
  }
});

test('lunar names', () => {
  assert.equal(canChiOfYear(2024), 'Giáp Thìn');
  assert.equal(canChiOfYear(2025), 'Ất Tỵ');
  assert.equal(canChiOfYear(2026), 'Bính Ngọ');
  assert.equal(formatLunarDate(solarToLunar('2026-02-17')), 'mùng 1 tháng Giêng năm Bính Ngọ');
  assert.equal(formatLunarDate(solarToLunar('2026-04-26')), 'mùng 10 tháng Ba năm Bính Ngọ');
  assert.equal(formatLunarDate(solarToLunar('2026-03-03')), '15 tháng Giêng năm Bính Ngọ');
  throwsCode(() => tetOf(1700), 'lunar_year_out_of_range');
});

// ---------------------------------------------------------------------------------------------------------------
// Holidays

test('Tết 2026: 5 days from 29 tháng Chạp (16/02) to mùng 4 (20/02), 9 days off with the two weekends', () => {
  const tet = holidaysOf(2026).filter((h) => h.kind === 'lunarNewYear');
  assert.deepEqual(
    tet.map((h) => h.date),
    ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'],
  );
  assert.ok(tet.every((h) => h.name === 'Tết Nguyên đán'));
  assert.equal(tet[0]!.detail, '29 tháng Chạp năm Ất Tỵ');
  assert.equal(tet[1]!.detail, 'mùng 1 Tết Bính Ngọ');
  assert.equal(isWorkingDay('2026-02-13', cal), true);
  for (const d of range('2026-02-14', '2026-02-22')) assert.equal(isWorkingDay(d, cal), false, d);
  assert.equal(isWorkingDay('2026-02-23', cal), true);
  assert.equal(
    holidaysOf(2026).some((h) => h.kind === 'compensatory' && h.date.startsWith('2026-02')),
    false,
  );
});

test('2026: Giỗ Tổ on Sunday 26/04 is compensated on Monday 27/04; 30/4–1/5 fall on Thursday–Friday', () => {
  const april = holidaysOf(2026).filter((h) => h.date >= '2026-04-01' && h.date <= '2026-05-31');
  assert.deepEqual(
    april.map((h) => [h.date, h.name]),
    [
      ['2026-04-26', 'Giỗ Tổ Hùng Vương'],
      ['2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương'],
      ['2026-04-30', 'Ngày Chiến thắng'],
      ['2026-05-01', 'Ngày Quốc tế Lao động'],
    ],
  );
  assert.equal(isWorkingDay('2026-04-29', cal), true);
  for (const d of range('2026-04-30', '2026-05-03')) assert.equal(isWorkingDay(d, cal), false, d);
  assert.equal(isWorkingDay('2026-05-04', cal), true);
});

test('2027: 01/5 on Saturday is compensated on Monday 03/5; Tết on a weekend adds 2 compensatory days', () => {
  const y = daysOff(2027);
  assert.ok(y.includes('2027-04-30') && y.includes('2027-05-01') && y.includes('2027-05-03'));
  assert.equal(holidaysOf(2027).find((h) => h.date === '2027-05-03')?.name, 'Nghỉ bù Ngày Quốc tế Lao động');
  assert.equal(isWorkingDay('2027-05-04', cal), true);
  // Tết Đinh Mùi: mùng 1 is Saturday 06/02/2027.
  for (const d of range('2027-02-05', '2027-02-11')) assert.equal(isWorkingDay(d, cal), false, d);
  assert.equal(isWorkingDay('2027-02-12', cal), true);
  assert.equal(lunarToSolar({ year: 2027, month: 3, day: 10, leap: false }), '2027-04-16');
});

test('a weekend pair of holidays is compensated on two consecutive working days (30/4–1/5/2022)', () => {
  const comp = holidaysOf(2022)
    .filter((h) => h.kind === 'compensatory')
    .map((h) => h.date);
  assert.ok(comp.includes('2022-05-02') && comp.includes('2022-05-03'));
  assert.ok(comp.includes('2022-01-03'), '01/01/2022 was a Saturday');
  assert.ok(daysOff(2023).includes('2023-01-02'), '01/01/2023 was a Sunday');
});

test('Quốc khánh: 02/9 plus the adjacent day the government usually picks', () => {
  const sept = (y: number) => daysOff(y).filter((d) => d.startsWith(`${y}-09`));
  assert.deepEqual(sept(2021), ['2021-09-02', '2021-09-03'], '2021: Thursday + Friday');
  assert.deepEqual(sept(2022), ['2022-09-01', '2022-09-02'], '2022: Thursday + Friday');
  assert.deepEqual(sept(2023), ['2023-09-01', '2023-09-02', '2023-09-04'], '2023: Friday, Saturday, nghỉ bù Monday');
  assert.deepEqual(sept(2024), ['2024-09-02', '2024-09-03'], '2024: Monday + Tuesday');
  assert.deepEqual(sept(2025), ['2025-09-01', '2025-09-02'], '2025: Monday + Tuesday');
  const after: CalendarConfig = { ...cal, years: { '2026': { nationalDayAdjacent: 'after' } } };
  assert.deepEqual(sept(2026), ['2026-09-01', '2026-09-02']);
  assert.deepEqual(
    daysOff(2026, after).filter((d) => d.startsWith('2026-09')),
    ['2026-09-02', '2026-09-03'],
  );
});

test('per-year overrides: a swapped bridge day with a make-up Saturday (30/4–4/5/2025)', () => {
  const config: CalendarConfig = {
    ...cal,
    years: {
      '2025': {
        addDaysOff: [{ date: '2025-05-02', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)' }],
        makeUpWorkingDays: [{ date: '2025-04-26', name: 'Làm bù cho thứ Sáu 02/5/2025' }],
      },
    },
  };
  for (const d of range('2025-04-30', '2025-05-04')) assert.equal(isWorkingDay(d, config), false, d);
  assert.equal(isWorkingDay('2025-04-26', config), true);
  assert.deepEqual(dayStatus('2025-04-26', config), {
    date: '2025-04-26',
    working: true,
    reason: 'makeUpDay',
    name: 'Làm bù cho thứ Sáu 02/5/2025',
  });
  // The default calendar is untouched.
  assert.equal(isWorkingDay('2025-05-02', cal), true);
  assert.equal(isWorkingDay('2025-04-26', cal), false);
});

test('per-year overrides: Tết 2024 from 29 tháng Chạp (08/02) to mùng 5 (14/02)', () => {
  const config: CalendarConfig = { ...cal, years: { '2024': { tetDaysBeforeNewYear: 2 } } };
  assert.equal(isWorkingDay('2024-02-07', config), true);
  for (const d of range('2024-02-08', '2024-02-14')) assert.equal(isWorkingDay(d, config), false, d);
  assert.equal(isWorkingDay('2024-02-15', config), true);
  // With the default (last day of the old year + 4), the block would be 09/02–15/02.
  assert.equal(isWorkingDay('2024-02-08', cal), true);
  assert.equal(isWorkingDay('2024-02-15', cal), false);
});

test('per-year overrides: a removed day off becomes a working day again', () => {
  const config: CalendarConfig = { ...cal, years: { '2026': { removeDaysOff: ['2026-04-27'] } } };
  assert.equal(isWorkingDay('2026-04-27', config), true);
  assert.equal(
    holidaysOf(2026, config).some((h) => h.date === '2026-04-27'),
    false,
  );
});

test('additional annual holidays are configurable and compensated like the statutory ones', () => {
  const config: CalendarConfig = {
    ...cal,
    additionalAnnualHolidays: [{ month: 11, day: 24, name: 'Ngày Văn hóa Việt Nam', fromYear: 2026 }],
  };
  assert.equal(isWorkingDay('2025-11-24', config), true);
  assert.equal(isWorkingDay('2026-11-24', config), false);
  // 24/11/2029 is a Saturday: compensated on Monday 26/11/2029.
  assert.equal(holidaysOf(2029, config).find((h) => h.date === '2029-11-26')?.name, 'Nghỉ bù Ngày Văn hóa Việt Nam');
});

test('an invalid Tết arrangement is rejected', () => {
  throwsCode(() => holidaysOf(2026, { ...cal, tetDaysBeforeNewYear: 6 }), 'invalid_calendar_config');
});

// ---------------------------------------------------------------------------------------------------------------
// Working days and deadlines

test('10 working days from 10/02/2026 jump over Tết and end on 03/03/2026', () => {
  assert.equal(addWorkingDays('2026-02-10', 10, cal), '2026-03-03');
  assert.equal(deadline({ kind: 'workingDays', from: '2026-02-10', days: 10 }, cal), '2026-03-03');
  assert.equal(workingDaysBetween('2026-02-10', '2026-03-03', cal), 10);
  assert.equal(workingDaysBetween('2026-03-03', '2026-02-10', cal), -10);
  assert.equal(addWorkingDays('2026-03-03', -10, cal), '2026-02-10');
});

test('the start day is not counted, even when it is a day off', () => {
  assert.equal(addWorkingDays('2026-03-07', 3, cal), '2026-03-11', 'received Saturday → due Wednesday');
  assert.equal(addWorkingDays('2026-02-17', 1, cal), '2026-02-23', 'received on mùng 1 Tết');
  assert.equal(addWorkingDays('2026-02-17', 0, cal), '2026-02-17');
  assert.equal(workingDaysBetween('2026-02-13', '2026-02-22', cal), 0);
  throwsCode(() => addWorkingDays('2026-02-17', 1.5, cal), 'invalid_day_count');
});

test('previous and next working day around Tết 2026', () => {
  assert.equal(nextWorkingDay('2026-02-13', cal), '2026-02-23');
  assert.equal(previousWorkingDay('2026-02-23', cal), '2026-02-13');
  assert.equal(nextWorkingDay('2026-02-10', cal), '2026-02-11');
});

test('a due date on a day off moves to the previous working day for "trước ngày…" deadlines', () => {
  // 15/12/2024 was a Sunday.
  assert.equal(adjustToWorkingDay('2024-12-15', 'before', cal), '2024-12-13');
  assert.equal(adjustToWorkingDay('2024-12-15', 'after', cal), '2024-12-16');
  assert.equal(adjustToWorkingDay('2024-12-15', 'none', cal), '2024-12-15');
  assert.equal(adjustToWorkingDay('2026-12-15', 'before', cal), '2026-12-15', 'a working day stays');
  assert.equal(adjustToWorkingDay('2026-02-18', 'before', cal), '2026-02-13');
});

test('calendar-day periods ending on a day off end on the next working day (BLDS 2015 Điều 148)', () => {
  assert.equal(deadline({ kind: 'calendarDays', from: '2026-02-10', days: 7 }, cal), '2026-02-23');
  assert.equal(deadline({ kind: 'calendarDays', from: '2026-02-10', days: 7, onDayOff: 'before' }, cal), '2026-02-13');
  assert.equal(deadline({ kind: 'calendarDays', from: '2026-03-02', days: 15 }, cal), '2026-03-17');
  throwsCode(() => deadline({ kind: 'calendarDays', from: '2026-03-02', days: -1 }, cal), 'invalid_day_count');
});

test('dayStatus explains the day', () => {
  assert.deepEqual(dayStatus('2026-02-12', cal), { date: '2026-02-12', working: true, reason: 'weekday' });
  assert.deepEqual(dayStatus('2026-02-14', cal), { date: '2026-02-14', working: false, reason: 'weekend' });
  const tet = dayStatus('2026-02-17', cal);
  assert.equal(tet.working, false);
  assert.equal(tet.reason === 'holiday' && tet.holiday.name, 'Tết Nguyên đán');
});

test('working days in 2026: 365 days − 104 weekend days − 11 weekday holidays', () => {
  // Weekday days off in 2026: 01/01, Tết 16–20/02, 27/04 (nghỉ bù), 30/04, 01/05, 01/09, 02/09 → 11.
  assert.equal(workingDaysBetween('2025-12-31', '2026-12-31', cal), 365 - 104 - 11);
});
