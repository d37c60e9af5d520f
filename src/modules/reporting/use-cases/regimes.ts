// Reading regimes: the list a unit sees (those it follows and those it reports under) and one regime with its periods.
import { can, scopeRoots } from '../../../domain/permissions.ts';
import {
  FREQUENCY_LABEL,
  dueDatesOf,
  periodFor,
  nextPeriod,
  type ReportingPeriod,
} from '../../../domain/reporting/period.ts';
import { loadCalendar } from '../../calendar/index.ts';
import { requireActor, type Ctx } from '../../context.ts';
// Not through plans' entry: issuing a plan sets up its reporting regime, so plans' entry loads reporting's, and this
// import would close an import cycle (plans → reporting → plans). Goes with the issue-plan workflow (issue 14, item 3).
import { mustReadPlan } from '../../plans/access.ts';
import { mustRegime } from '../access.ts';
import { todayFor, vnDate } from '../clock.ts';
import { adHocKey, DEFAULT_REMINDER_DAYS, dueDateResolver, periodOf } from '../regimes.ts';
import * as store from '../store/index.ts';
import type { ReportingRegime } from '../store/index.ts';

function regimeJson(regime: ReportingRegime, ownerName: string) {
  return {
    id: regime.id,
    code: regime.code,
    kind: regime.kind,
    name: regime.name,
    content: regime.content,
    ownerUnitId: regime.ownerUnitId,
    ownerName,
    planId: regime.planId,
    recipients: regime.recipients,
    outline: regime.outline,
    indicators: regime.indicators,
    adHocDue: regime.adHocDue,
    active: regime.active,
    schedule: {
      frequency: regime.schedule.frequency,
      frequencyLabel: FREQUENCY_LABEL[regime.schedule.frequency] ?? null,
      dataWindow: regime.schedule.dataWindow,
      dueDate: regime.schedule.dueDate,
      tiers: regime.schedule.tiers,
      reminderDays: regime.schedule.reminderDays ?? DEFAULT_REMINDER_DAYS,
      window: regime.schedule.window ?? null,
    },
    submitters: regime.submitters,
  };
}

export async function listRegimesFor(ctx: Ctx, f: { planId?: number; kind?: string; limit: number; offset: number }) {
  const actor = requireActor(ctx);
  if (f.planId) await mustReadPlan(ctx, f.planId, 'kế hoạch', 'planId');
  const rows = await store.listRegimes(ctx.db, {
    roots: scopeRoots(actor, 'read'),
    actorPath: [...actor.unitPath],
    ...f,
  });
  return rows.map((r) => regimeJson(r, r.ownerName));
}

/** The periods a regime's page lists: from its creation (or today) to the next period; an ad hoc request has one. */
function periodsToShow(regime: ReportingRegime, today: string): ReportingPeriod[] {
  if (regime.kind === 'adHoc') return [periodOf(regime, adHocKey(regime))];
  const periods: ReportingPeriod[] = [];
  let p = periodFor(vnDate(regime.createdAt) < today ? vnDate(regime.createdAt) : today, regime.schedule);
  const last = nextPeriod(periodFor(today, regime.schedule), regime.schedule);
  for (let i = 0; i < 24 && p.dataWindow.from <= last.dataWindow.from; i++, p = nextPeriod(p, regime.schedule))
    periods.push(p);
  return periods;
}

export async function getRegimeDetail(ctx: Ctx, id: number) {
  const actor = requireActor(ctx);
  const { regime, owner } = await mustRegime(ctx, id);
  const today = todayFor(ctx.db);
  const cal = await loadCalendar(ctx.db);
  const periods = periodsToShow(regime, today);
  const lineage = regime.planId ? await store.planLineage(ctx.db, regime.planId) : [];
  const submitters = await store.resolveSubmitters(ctx.db, regime.submitters, lineage);
  const mine = submitters.find((s) => s.id === actor.unitId) ?? null;
  return {
    regime: regimeJson(regime, owner.name),
    today,
    submitterCount: submitters.length,
    myUnitReports: !!mine,
    periods: periods.map((p) => {
      const dueOf = dueDateResolver(regime, p, cal);
      return {
        key: p.key,
        label: p.label,
        dataWindow: p.dataWindow,
        dueDates:
          regime.kind === 'adHoc' ? [{ kinds: [], dueDate: regime.adHocDue }] : dueDatesOf(p, regime.schedule, cal),
        myDueDate: mine ? dueOf(mine.kind) : null,
        current: p.dataWindow.from <= today && today <= p.dataWindow.to,
      };
    }),
    can: {
      followUp: can(actor, 'read', { unitPath: owner.path }),
      review: can(actor, 'follow', { unitPath: owner.path }),
      createReport: !!mine && can(actor, 'edit', { unitPath: mine.path }),
    },
  };
}
