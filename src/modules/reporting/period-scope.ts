// What a reporting regime means for one period (its window, who reports, due dates) and the facts a unit's report
// is prefilled from: shared by the unit reports' use cases and the period's status and documents.
import type { UnitReportContent } from '../../domain/reporting/model.ts';
import type { ReportingPeriod } from '../../domain/reporting/period.ts';
import { aggregateIndicators, indicatorValuesFrom } from '../../domain/reporting/indicators.ts';
import { deliverablesOf, prefillContent } from '../../domain/reporting/prefill.ts';
import { isReceived, submissionState, type SubmissionState } from '../../domain/reporting/rollup.ts';
import { loadCalendar } from '../calendar/index.ts';
import type { Ctx } from '../context.ts';
import type { UnitRow } from '../org/index.ts';
import { todayFor, vnDate } from './clock.ts';
import { dueDateResolver, periodOf } from './regimes.ts';
import * as store from './store/index.ts';
import type { ReportingRegime, SubmitterRow } from './store/index.ts';

/** What a regime means for one period: the window, who reports, each kind's due date. */
export interface PeriodScope {
  regime: ReportingRegime;
  owner: UnitRow;
  period: ReportingPeriod;
  lineage: number[] | null;
  dueOf: (kind: string) => string;
  submitters: SubmitterRow[];
}

export async function periodScope(
  ctx: Ctx,
  regime: ReportingRegime,
  owner: UnitRow,
  key: string,
): Promise<PeriodScope> {
  const period = periodOf(regime, key);
  const lineage = regime.planId ? await store.planLineage(ctx.db, regime.planId) : null;
  const cal = await loadCalendar(ctx.db);
  const dueOf = dueDateResolver(regime, period, cal);
  const submitters = await store.resolveSubmitters(ctx.db, regime.submitters, lineage ?? []);
  return { regime, owner, period, lineage, dueOf, submitters };
}

/** Each expected unit of a period with its due date (a returned report's own), its report and where it stands. */
export interface UnitState {
  unit: SubmitterRow;
  dueDate: string;
  state: SubmissionState;
  report: ReportState | null;
}

type ReportState = Awaited<ReturnType<typeof store.reportStates>>[number];

export function statesOf(s: PeriodScope, reports: ReportState[], today: string): UnitState[] {
  const byUnit = new Map(reports.map((r) => [r.unit_id, r]));
  return s.submitters.map((u) => {
    const report = byUnit.get(u.id) ?? null;
    const dueDate = report?.due_date ?? s.dueOf(u.kind);
    return { unit: u, dueDate, state: submissionState(report, dueDate, today), report };
  });
}

/** A date as the answers show it (dd/mm/yyyy in Vietnam time), or null. */
export const VN = (d: Date | null) => (d ? vnDate(d) : null);

// ---------------------------------------------------------------- prefill

/**
 * The facts of a unit for a period: its own assignments and those of the offices that compile for it (a ward's
 * Phòng Văn hóa - Xã hội), plus the reports its offices sent for the same period.
 */
export async function prefillFor(
  ctx: Ctx,
  s: { regime: ReportingRegime; period: ReportingPeriod; lineage: number[] | null },
  unit: UnitRow,
  narrative?: UnitReportContent['narrative'],
) {
  const db = ctx.db;
  const window = s.period.dataWindow;
  const focal = await store.focalUnitsOf(db, unit.id);
  const own = [unit.id, ...focal.filter((id) => id !== unit.id)];
  const assignments = await store.assignmentFacts(db, { unitIds: own, lineage: s.lineage, window });
  const ids = assignments.map((a) => a.assignmentId);
  const [updates, deliverables, obstacles, children, calendar] = await Promise.all([
    store.updateFacts(db, ids, window.to),
    store.deliverableFacts(db, ids, window),
    store.obstacleFacts(db, own, ids, s.lineage, window),
    store.childReports(db, own, s.period.key, s.lineage),
    loadCalendar(db),
  ]);
  const content = prefillContent({
    window,
    year: s.period.year,
    today: todayFor(ctx.db),
    calendar,
    reporting: s.regime.kind === 'adHoc' ? undefined : s.regime.schedule,
    assignments,
    updates,
    deliverables,
    obstacles,
    children,
    narrative,
  });
  const computed = indicatorValuesFrom(s.regime.indicators, deliverablesOf(content));
  // Typed indicators (no deliverable kind) come up from the offices' reports.
  const typedDefs = s.regime.indicators.filter((d) => !d.fromDeliverables);
  const fromChildren = aggregateIndicators(
    typedDefs,
    children.filter((c) => isReceived(c.status)).map((c) => c.indicatorValues ?? {}),
  );
  return { content, indicatorValues: { ...fromChildren, ...computed } };
}
