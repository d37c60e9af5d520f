import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { CalendarOverridesSchema, CalendarYearParamSchema } from '../../contracts/calendar.ts';
import type { AppEnv } from '../../http/env.ts';
import { defineRoute } from '../../http/route.ts';
import type { CalendarConfig } from '../../domain/calendar/holidays.ts';
import { CalendarYearSchema, type CalendarYear } from '../../contracts/tracking.ts';
import * as service from './service.ts';

export function calendarRoutes(app: OpenAPIHono<AppEnv>): void {
  const tags = ['Lịch làm việc'];
  defineRoute(
    app,
    {
      method: 'get',
      path: '/calendar/{year}',
      operationId: 'getCalendar',
      summary: 'Ngày nghỉ lễ, Tết, nghỉ bù và ngày làm bù của một năm',
      tags,
      params: CalendarYearParamSchema,
      response: CalendarYearSchema,
    },
    (c, { params }) => service.calendarOfYear(c.get('ctx'), params.year) satisfies Promise<CalendarYear>,
  );

  defineRoute(
    app,
    {
      method: 'put',
      path: '/calendar',
      operationId: 'setCalendar',
      summary: 'Điều chỉnh lịch nghỉ theo thông báo hằng năm (quản trị hệ thống)',
      tags,
      body: CalendarOverridesSchema,
      response: z.object({ overrides: CalendarOverridesSchema }),
    },
    (c, { body }) => service.setCalendarOverrides(c.get('ctx'), body as Partial<CalendarConfig>),
  );
}
