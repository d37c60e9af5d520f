// What the working-calendar routes take (the year's answer is in tracking.ts, beside the deadlines it moves).
// Pure: no node: modules, no database, nothing from src/modules.
import { z } from '@hono/zod-openapi';
import { IsoDate, Name, QueryYear, ShortText, Year } from './common.ts';

export const CalendarYearParamSchema = z.object({
  year: QueryYear.openapi({ param: { name: 'year', in: 'path' }, example: 2027 }),
});

const HolidayName = Name(200, 2);
const Adjacent = z.enum(['before', 'after']);
const YearKey = z.string().regex(/^(19|20|21)\d{2}$/, 'Năm phải gồm 4 chữ số (1900–2199).');

const YearOverride = z
  .object({
    tetDaysBeforeNewYear: z.number().int().min(0).max(5).optional(),
    nationalDayAdjacent: Adjacent.optional(),
    addDaysOff: z
      .array(z.object({ date: IsoDate, name: HolidayName }).strict())
      .max(20)
      .optional(),
    removeDaysOff: z.array(IsoDate).max(20).optional(),
    makeUpWorkingDays: z
      .array(z.object({ date: IsoDate, name: HolidayName }).strict())
      .max(20)
      .optional(),
    source: ShortText(500).optional(),
  })
  .strict();

/** The administrators' adjustments of CalendarConfig (src/domain/calendar/holidays.ts); missing fields keep the legal defaults. */
export const CalendarOverridesSchema = z
  .object({
    tetDaysBeforeNewYear: z.number().int().min(0).max(5).optional(),
    nationalDayAdjacentByWeekday: z
      .tuple([Adjacent, Adjacent, Adjacent, Adjacent, Adjacent, Adjacent, Adjacent])
      .optional(),
    compensateWeekendHolidays: z.boolean().optional(),
    additionalAnnualHolidays: z
      .array(
        z
          .object({
            month: z.number().int().min(1).max(12),
            day: z.number().int().min(1).max(31),
            name: HolidayName,
            fromYear: Year.optional(),
            toYear: Year.optional(),
          })
          .strict(),
      )
      .max(20)
      .optional(),
    years: z
      .record(YearKey, YearOverride)
      .optional()
      .refine((y) => y === undefined || Object.keys(y).length <= 50, { message: 'Tối đa 50 năm.' }),
  })
  .strict()
  .openapi('CalendarOverrides');
