// How far an issued plan has come in a year, per task: the units with a part in it (the plan's own assignees and
// the communes/wards implementing it) and those that have done their part. The one function behind the public
// progress page, the public list of plans and the compiled report's "x/y đơn vị hoàn thành", so the three never
// disagree (they did: the compiled report counted the units that happened to report on a task, the public page the
// units assigned to it).
import type { CalendarConfig } from '../../../domain/calendar/holidays.ts';
import type { Schedule } from '../../../domain/plan/model.ts';
import {
  AI_PLAN_YEARLY_SCHEDULE,
  periodByKey,
  periodFor,
  type ReportingSchedule,
} from '../../../domain/reporting/period.ts';
import { dueDateFor, isRepeating } from '../../../domain/tracking/assignment.ts';
import { loadCalendar } from '../../calendar/index.ts';
import type { Ctx } from '../../context.ts';
import { todayFor } from '../clock.ts';
import * as store from '../store/index.ts';

export type DashboardPlan = NonNullable<Awaited<ReturnType<typeof store.getPlanForDashboard>>>;

/** Percent with one decimal; 0 when nothing is counted. */
export const share = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : 0);

export function tasksOfYear(
  tasks: Array<{ id: number; schedule: unknown }>,
  year: number,
  calendar: CalendarConfig,
  reporting: ReportingSchedule,
): store.TaskYear[] {
  return tasks.map((t) => {
    const schedule = t.schedule as Schedule | null;
    return { task_id: t.id, due: dueDateFor(schedule, year, calendar, reporting), repeating: isRepeating(schedule) };
  });
}

/** The plan's yearly reporting schedule (its periodic regime's when yearly, else the AI plan's default). */
export function yearlyScheduleOf(found: DashboardPlan): ReportingSchedule {
  const regime = found.regimes.find((r) => r.kind === 'periodic') ?? null;
  return regime?.schedule.frequency === 'yearly' ? regime.schedule : AI_PLAN_YEARLY_SCHEDULE;
}

export interface TaskCompletion {
  taskId: number;
  number: string;
  title: string;
  timeframe: string;
  /** Units with a part in the task (lead or coordinator; a commune/ward with its offices counts once). */
  units: number;
  /** Units whose every assignment of the task is done in the year. */
  unitsDone: number;
  share: number;
}

/** Per task of the plan, the units with a part and those done, for a year (default: the current period's year). */
export async function planCompletion(ctx: Ctx, found: DashboardPlan, year?: number) {
  const today = todayFor(ctx.db);
  const calendar = await loadCalendar(ctx.db);
  const reporting = yearlyScheduleOf(found);
  const y = year ?? periodFor(today, reporting).year;
  const window = periodByKey(String(y), reporting).dataWindow;
  const taskYears = tasksOfYear(found.tasks, y, calendar, reporting);
  const { byTask } = await store.planProgress(ctx.db, found.lineage, found.unit.id, taskYears, window, today, 0);
  const tasks: TaskCompletion[] = found.tasks.map((t) => {
    const a = byTask.get(t.id);
    const units = a?.pairs ?? 0;
    const unitsDone = a?.pairs_done ?? 0;
    return {
      taskId: t.id,
      number: t.number,
      title: t.title,
      timeframe: t.timeframe_text,
      units,
      unitsDone,
      share: share(unitsDone, units),
    };
  });
  const units = tasks.reduce((n, t) => n + t.units, 0);
  const unitsDone = tasks.reduce((n, t) => n + t.unitsDone, 0);
  return { year: y, asOf: today, tasks, overall: { units, unitsDone, share: share(unitsDone, units) } };
}

/** The same, by plan id: null when the plan does not exist. */
export async function planCompletionById(ctx: Ctx, planId: number, year?: number) {
  const found = await store.getPlanForDashboard(ctx.db, planId);
  return found ? planCompletion(ctx, found, year) : null;
}
