import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { defineRoute } from '../../http/route.ts';
import { Name, ShortText } from '../../contracts/common.ts';
import type { CalendarConfig } from '../../domain/calendar/holidays.ts';
import { CalendarYearSchema, type CalendarYear } from '../../contracts/tracking.ts';
import * as service from './service.ts';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải theo dạng YYYY-MM-DD.');
const HolidayName = Name(200, 2);
const Adjacent = z.enum(['before', 'after']);
const YearKey = z.string().regex(/^(19|20|21)\d{2}$/, 'Năm phải gồm 4 chữ số (1900–2199).');

const YearOverride = z.object({
  tetDaysBeforeNewYear: z.number().int().min(0).max(5).optional(),
  nationalDayAdjacent: Adjacent.optional(),
  addDaysOff: z.array(z.object({ date: IsoDate, name: HolidayName }).strict()).max(20).optional(),
  removeDaysOff: z.array(IsoDate).max(20).optional(),
  makeUpWorkingDays: z.array(z.object({ date: IsoDate, name: HolidayName }).strict()).max(20).optional(),
  source: ShortText(500).optional(),
}).strict();

/** The administrators' adjustments of CalendarConfig (src/domain/calendar/holidays.ts); missing fields keep the legal defaults. */
export const CalendarOverridesSchema = z.object({
  tetDaysBeforeNewYear: z.number().int().min(0).max(5).optional(),
  nationalDayAdjacentByWeekday: z.tuple([Adjacent, Adjacent, Adjacent, Adjacent, Adjacent, Adjacent, Adjacent]).optional(),
  compensateWeekendHolidays: z.boolean().optional(),
  additionalAnnualHolidays: z.array(z.object({
    month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31), name: HolidayName,
    fromYear: z.number().int().min(1900).max(2199).optional(), toYear: z.number().int().min(1900).max(2199).optional(),
  }).strict()).max(20).optional(),
  years: z.record(YearKey, YearOverride).optional()
    .refine((y) => y === undefined || Object.keys(y).length <= 50, { message: 'Tối đa 50 năm.' }),
}).strict().openapi('CalendarOverrides');

export function calendarRoutes(app: OpenAPIHono<AppEnv>): void {
  const tags = ['Lịch làm việc'];
  defineRoute(app, {
    method: 'get', path: '/calendar/{year}', operationId: 'getCalendar', summary: 'Ngày nghỉ lễ, Tết, nghỉ bù và ngày làm bù của một năm', tags,
    params: z.object({ year: z.coerce.number().int().min(1900).max(2199).openapi({ param: { name: 'year', in: 'path' }, example: 2027 }) }),
    response: CalendarYearSchema,
  }, (c, { params }) => service.calendarOfYear(c.get('ctx'), params.year) satisfies Promise<CalendarYear>);

  defineRoute(app, {
    method: 'put', path: '/calendar', operationId: 'setCalendar', summary: 'Điều chỉnh lịch nghỉ theo thông báo hằng năm (quản trị hệ thống)', tags,
    body: CalendarOverridesSchema, response: z.object({ overrides: CalendarOverridesSchema }),
  }, (c, { body }) => service.setCalendarOverrides(c.get('ctx'), body as Partial<CalendarConfig>));
}
