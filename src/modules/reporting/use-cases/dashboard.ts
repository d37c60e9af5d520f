// The focal unit's dashboard of a plan (progress per task and per commune/ward, overdue work, reports received)
// and the public progress of an issued plan. One aggregate query gives the progress of every assignment of the
// plan and of the communes' plans at once; with the reports' two queries it answers for the 166 communes.
import { notFound } from '../../../domain/errors.ts';
import type { CalendarConfig } from '../../../domain/calendar/holidays.ts';
import type { ReportStatus } from '../../../domain/reporting/model.ts';
import {
  AI_PLAN_YEARLY_SCHEDULE,
  periodByKey,
  periodFor,
  type ReportingPeriod,
} from '../../../domain/reporting/period.ts';
import { isReceived, submissionState, totalsOf, type SubmissionState } from '../../../domain/reporting/rollup.ts';
import { compareVi } from '../../../domain/text.ts';
import { loadCalendar } from '../../calendar/index.ts';
import { authorize, mustRead, requireActor, type Ctx } from '../../context.ts';
import { issuerName } from '../../plans/index.ts';
import { getUnit } from '../../org/index.ts';
import { todayFor } from '../clock.ts';
import { dueDateResolver, periodOf } from '../regimes.ts';
import * as store from '../store/index.ts';
import { planCompletion, share, tasksOfYear, yearlyScheduleOf, type DashboardPlan } from './plan-completion.ts';

type Progress = Awaited<ReturnType<typeof store.planProgress>>;
type ReportState = { state: SubmissionState; status: ReportStatus | null };

const average = (a: store.Agg | undefined) => (a?.total ? Math.round(a.percent_sum / a.total) : 0);

function taskRowsOf(tasks: store.PlanTaskRow[], taskYears: store.TaskYear[], byTask: Progress['byTask']) {
  return tasks.map((t) => {
    const a = byTask.get(t.id);
    const total = a?.total ?? 0;
    const done = (a?.done_on_time ?? 0) + (a?.done_late ?? 0);
    return {
      taskId: t.id,
      number: t.number,
      title: t.title,
      timeframe: t.timeframe_text,
      dueDate: taskYears.find((d) => d.task_id === t.id)?.due ?? null,
      assignments: total,
      doneOnTime: a?.done_on_time ?? 0,
      doneLate: a?.done_late ?? 0,
      overdue: a?.overdue ?? 0,
      inProgress: total - done - (a?.overdue ?? 0),
      averagePercent: average(a),
      units: a?.pairs ?? 0,
      unitsDone: a?.pairs_done ?? 0,
      unitsDoneShare: share(a?.pairs_done ?? 0, a?.pairs ?? 0),
    };
  });
}

/** Reports of the plan's periodic regime for the year's period: totals, the units still missing, each unit's state. */
function reportsOf(
  regime: store.ReportingRegime,
  period: ReportingPeriod,
  calendar: CalendarConfig,
  today: string,
  submitters: store.SubmitterRow[],
  reportStates: Awaited<ReturnType<typeof store.reportStates>>,
) {
  const stateByUnit = new Map<number, ReportState>();
  const dueOf = dueDateResolver(regime, period, calendar);
  const byUnit = new Map(reportStates.map((r) => [r.unit_id, r]));
  const rows = submitters.map((u) => {
    const r = byUnit.get(u.id) ?? null;
    const dueDate = r?.due_date ?? dueOf(u.kind);
    const state = submissionState(r, dueDate, today);
    stateByUnit.set(u.id, { state, status: r?.status ?? null });
    return { unitId: u.id, unitName: u.name, dueDate, state, status: r?.status ?? null };
  });
  const reports = {
    regimeId: regime.id,
    periodKey: period.key,
    periodLabel: period.label,
    totals: totalsOf(rows),
    missing: rows
      .filter((r) => !isReceived(r.status))
      .map(({ unitId, unitName, dueDate, state }) => ({ unitId, unitName, dueDate, state })),
  };
  return { reports, stateByUnit };
}

/** The communes and wards under the plan's unit (and the agencies with work), least advanced first. */
function unitRowsOf(found: DashboardPlan, byTop: Progress['byTop'], stateByUnit: Map<number, ReportState>) {
  const planByUnit = new Map(found.childPlans.map((p) => [p.unit_id, p]));
  return found.topUnits
    .filter((u) => u.kind === 'commune' || u.kind === 'ward' || byTop.has(u.id))
    .map((u) => {
      const a = byTop.get(u.id);
      const child = planByUnit.get(u.id);
      return {
        unitId: u.id,
        unitName: u.name,
        code: u.code,
        kind: u.kind,
        plan: child ? { id: child.id, status: child.status } : null,
        assignments: a?.total ?? 0,
        done: (a?.done_on_time ?? 0) + (a?.done_late ?? 0),
        overdue: a?.overdue ?? 0,
        averagePercent: average(a),
        tasksDone: a?.pairs_done ?? 0,
        tasks: a?.pairs ?? 0,
        report: stateByUnit.get(u.id) ?? null,
      };
    })
    .sort((a, b) => a.averagePercent - b.averagePercent || compareVi(a.unitName, b.unitName));
}

/** Overdue assignments listed on the screen; the spreadsheet of the dashboard lists up to {@link OVERDUE_EXPORT_LIMIT}. */
export const OVERDUE_SCREEN_LIMIT = 200;
export const OVERDUE_EXPORT_LIMIT = 10_000;

/**
 * Progress of a plan for its focal unit: per task, per commune/ward (and agency), overdue work (the first
 * `overdueLimit`, earliest due first), reports.
 */
export async function focalDashboard(
  ctx: Ctx,
  input: { planId: number; year?: number },
  { overdueLimit = OVERDUE_SCREEN_LIMIT }: { overdueLimit?: number } = {},
) {
  const started = performance.now();
  const calendarLoad = loadCalendar(ctx.db);
  requireActor(ctx);
  const found = mustRead(
    ctx,
    'kế hoạch',
    (await store.getPlanForDashboard(ctx.db, input.planId)) ?? undefined,
    (f) => ({ unitPath: f.unit.path, published: f.plan.published }),
    'planId',
  );
  const { plan, unit, lineage, tasks, regimes } = found;
  // Published plans are readable by all; following their execution is for the issuing unit and its focal unit.
  authorize(ctx, 'read', { unitPath: unit.path });
  const today = todayFor(ctx.db);
  const calendar = await calendarLoad;
  const regime = regimes.find((r) => r.kind === 'periodic') ?? null;
  const reporting = yearlyScheduleOf(found);
  const year = input.year ?? periodFor(today, reporting).year;
  const window = periodByKey(String(year), reporting).dataWindow;
  const taskYears = tasksOfYear(tasks, year, calendar, reporting);
  const period = regime ? periodOf(regime, String(year)) : null;

  const [progress, submitters, reportStates] = await Promise.all([
    store.planProgress(ctx.db, lineage, unit.id, taskYears, window, today, overdueLimit),
    regime ? store.resolveSubmitters(ctx.db, regime.submitters, lineage) : Promise.resolve([]),
    regime && period ? store.reportStates(ctx.db, regime.id, period.key) : Promise.resolve([]),
  ]);
  const { byTask, byTop, overdue } = progress;
  const { reports, stateByUnit } =
    regime && period
      ? reportsOf(regime, period, calendar, today, submitters, reportStates)
      : { reports: null, stateByUnit: new Map<number, ReportState>() };
  const taskById = new Map(tasks.map((t) => [t.id, t]));
  return {
    plan: {
      id: plan.id,
      title: plan.title,
      number: plan.number,
      symbol: plan.symbol,
      issuedDate: plan.issued_date,
      status: plan.status,
      issuerName: issuerName(unit),
      unitId: unit.id,
    },
    year,
    today,
    dataWindow: window,
    tasks: taskRowsOf(tasks, taskYears, byTask),
    units: unitRowsOf(found, byTop, stateByUnit),
    overdue: overdue.map((r) => ({
      assignmentId: r.id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      taskNumber: taskById.get(r.task_id)?.number ?? null,
      taskTitle: taskById.get(r.task_id)?.title ?? null,
      dueDate: r.due,
      percent: r.last_percent ?? 0,
    })),
    reports,
    ms: Math.round(performance.now() - started),
  };
}

/**
 * Public progress of an issued plan: per task, the share of units (agencies, communes/wards) that have completed
 * their part in the year. Counts only: no names of people, no notes, no internal narratives.
 */
export async function publicProgress(ctx: Ctx, planId: number, input: { year?: number } = {}) {
  const found = await store.getPlanForDashboard(ctx.db, planId);
  if (!found || found.plan.status !== 'issued' || !found.plan.published) throw notFound('kế hoạch đã ban hành');
  const { plan, unit } = found;
  const { year, asOf, tasks } = await planCompletion(ctx, found, input.year);
  return {
    plan: {
      id: plan.id,
      title: plan.title,
      number: plan.number,
      symbol: plan.symbol,
      issuedDate: plan.issued_date,
      issuerName: issuerName(unit),
    },
    year,
    asOf,
    tasks: tasks.map(({ number, title, timeframe, units, unitsDone, share }) => ({
      number,
      title,
      timeframe,
      units,
      unitsDone,
      share,
    })),
  };
}

/**
 * The national view: per province, communes, assignments done and overdue in the reporting year, and reports
 * received by the province's focal unit. For central bodies (readers of the whole tree) and system administrators.
 * A handful of set-based aggregates, so it stays fast at about 3,500 communes.
 */
export async function nationalDashboard(ctx: Ctx, input: { year?: number; rootUnitId?: number }) {
  const root = await getUnit(ctx.db, input.rootUnitId ?? (await store.centralRootId(ctx.db)));
  if (!root) throw notFound('đơn vị');
  authorize(ctx, 'read', { unitPath: root.path });
  const today = todayFor(ctx.db);
  const year = input.year ?? periodFor(today, AI_PLAN_YEARLY_SCHEDULE).year;
  const period = periodByKey(String(year), AI_PLAN_YEARLY_SCHEDULE);
  const { from, to } = period.dataWindow;
  const rows = await store.provinceFigures(ctx.db, { rootId: root.id, periodKey: String(year), from, to, today });
  const provinces = rows
    .map((r) => ({ ...r, communes: Number(r.communes), doneShare: share(Number(r.done), Number(r.assignments)) }))
    .sort((a, b) => compareVi(a.name, b.name));
  const sum = (k: 'communes' | 'assignments' | 'done' | 'overdue' | 'received' | 'on_time') =>
    provinces.reduce((n, p) => n + Number(p[k]), 0);
  return {
    year,
    window: period.dataWindow,
    totals: {
      provinces: provinces.length,
      communes: sum('communes'),
      assignments: sum('assignments'),
      done: sum('done'),
      overdue: sum('overdue'),
      received: sum('received'),
      onTime: sum('on_time'),
    },
    provinces,
  };
}
