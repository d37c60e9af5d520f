// The receiving unit's view of a period: who has reported (expected / received / on time / late / missing, rolled
// up the tree), and the documents compiled from it: the Báo cáo tổng hợp and the Công văn đôn đốc.
import { addWorkingDays } from '../../domain/calendar/working-days.ts';
import { UNIT_KIND_LABEL, type UnitKind } from '../../domain/org/unit.ts';
import { REPORT_STATUS_LABEL, type CompiledReport, type ReminderLetter, type UnitReportContent } from '../../domain/reporting/model.ts';
import { aggregateIndicators } from '../../domain/reporting/indicators.ts';
import { assignmentYearState } from '../../domain/reporting/prefill.ts';
import { isReceived, rollUpTree, submissionState, SUBMISSION_STATE_LABEL, totalsBy, totalsOf, type SubmissionState } from '../../domain/reporting/rollup.ts';
import { buildCompiledReport, buildReminderLetter, shortDateVi, type ExpectedUnitReport } from '../../domain/reporting/compile.ts';
import { loadCalendar } from '../calendar/index.ts';
import { authorize, type Ctx } from '../context.ts';
import { mustRegime } from './access.ts';
import { getUnit } from '../org/index.ts';
import { todayFor } from './clock.ts';
import { issuerInfoFor, planRefFor } from './regimes.ts';
import * as store from './store/index.ts';
import type { SubmitterRow } from './store/index.ts';
import { periodScope, prefillFor, VN, type PeriodScope } from './period-scope.ts';

// ---------------------------------------------------------------- status of a period

interface UnitState {
  unit: SubmitterRow;
  dueDate: string;
  state: SubmissionState;
  report: Awaited<ReturnType<typeof store.reportStates>>[number] | null;
}

function statesOf(s: PeriodScope, reports: Awaited<ReturnType<typeof store.reportStates>>, today: string): UnitState[] {
  const byUnit = new Map(reports.map((r) => [r.unit_id, r]));
  return s.submitters.map((u) => {
    const report = byUnit.get(u.id) ?? null;
    const dueDate = report?.due_date ?? s.dueOf(u.kind);
    return { unit: u, dueDate, state: submissionState(report, dueDate, today), report };
  });
}

const GROUP_LABEL: Record<string, string> = { agency: 'Sở, ban, ngành', ward: 'Phường', commune: 'Xã', office: 'Phòng, ban, đơn vị' };

/** Expected / received / on time / late / missing / returned per submitting unit, totals, indicators up the tree. */
export async function periodStatus(ctx: Ctx, regimeId: number, key: string) {
  const { regime, owner } = await mustRegime(ctx, regimeId);
  authorize(ctx, 'read', { unitPath: owner.path });
  const s = await periodScope(ctx, regime, owner, key);
  const today = todayFor(ctx.db);
  const reports = await store.reportStates(ctx.db, regime.id, s.period.key);
  const states = statesOf(s, reports, today);
  const totals = totalsOf(states.map((x) => ({ state: x.state, status: x.report?.status ?? null })));
  const groups = totalsBy(states.map((x) => ({ state: x.state, status: x.report?.status ?? null, group: x.unit.kind })));
  // Indicators up the tree: each unit's received values, rolled up through its ancestors among the submitters
  // to the scope unit (a ward's offices into the ward when both report, everything into the province).
  const scopeId = regime.submitters.scopeUnitId;
  const inSet = new Set(states.map((x) => x.unit.id));
  const nodes = [{ id: scopeId, parentId: null as number | null }, ...states.filter((x) => x.unit.id !== scopeId).map((x) => {
    const ancestors = x.unit.path.slice(0, -1).reverse();
    return { id: x.unit.id, parentId: ancestors.find((a) => inSet.has(a) && a !== x.unit.id) ?? scopeId };
  })];
  const own = new Map(states.filter((x) => x.report && isReceived(x.report.status)).map((x) => [x.unit.id, (x.report!.indicator_values ?? {}) as Record<string, number>]));
  const tree = rollUpTree(nodes, own, regime.indicators);
  const byGroup = new Map(groups.map((g) => [g.group, aggregateIndicators(regime.indicators, states.filter((x) => x.unit.kind === g.group && own.has(x.unit.id)).map((x) => own.get(x.unit.id)!))]));
  const rootValues = tree.get(scopeId) ?? {};
  return {
    regime: { id: regime.id, name: regime.name, kind: regime.kind, ownerUnitId: owner.id, ownerName: owner.name },
    period: { key: s.period.key, label: s.period.label, dataWindow: s.period.dataWindow },
    today,
    dueDates: [...new Set(states.map((x) => x.unit.kind))].map((k) => ({ kind: k, dueDate: s.dueOf(k) })),
    totals,
    groups: groups.map((g) => ({ group: g.group, label: GROUP_LABEL[g.group] ?? UNIT_KIND_LABEL[g.group as UnitKind] ?? g.group, totals: g.totals })),
    indicators: regime.indicators.map((d) => ({
      code: d.code, name: d.name, unit: d.unit, aggregate: d.aggregate, total: rootValues[d.code] ?? 0,
      byGroup: Object.fromEntries([...byGroup].map(([g, v]) => [g, v[d.code] ?? 0])),
    })),
    units: states.map((x) => ({
      unitId: x.unit.id, unitName: x.unit.name, unitCode: x.unit.code, kind: x.unit.kind, dueDate: x.dueDate,
      reportId: x.report?.id ?? null, status: x.report?.status ?? null, statusLabel: x.report ? REPORT_STATUS_LABEL[x.report.status] : 'Chưa lập báo cáo',
      state: x.state, stateLabel: SUBMISSION_STATE_LABEL[x.state], submittedOn: VN(x.report?.submitted_at ?? null), late: x.report?.late ?? null,
      returnReason: x.report?.status === 'returned' ? x.report.return_reason : null,
      indicatorValues: own.get(x.unit.id) ?? {},
    })),
  };
}

// ---------------------------------------------------------------- documents

async function expectedReports(ctx: Ctx, s: PeriodScope, today: string, withOverdue: boolean): Promise<ExpectedUnitReport[]> {
  const reports = await store.reportsWithContent(ctx.db, s.regime.id, s.period.key);
  const states = statesOf(s, reports, today);
  const full = new Map(reports.map((r) => [r.unit_id, r]));
  const overdue = new Map<number, string[]>();
  if (withOverdue) {
    const lateIds = states.filter((x) => !isReceived(x.report?.status)).map((x) => x.unit.id);
    for (const r of await overdueAssignments(ctx, lateIds, s, today)) {
      const list = overdue.get(r.topUnitId) ?? [];
      if (!list.includes(r.task)) list.push(r.task);
      overdue.set(r.topUnitId, list);
    }
  }
  return states.map((x) => {
    const r = full.get(x.unit.id);
    return {
      unitId: x.unit.id, unitName: x.unit.name, dueDate: x.dueDate, state: x.state, status: r?.status ?? null, submittedOn: VN(r?.submitted_at ?? null),
      returnReason: r?.return_reason ?? null, reviewedOn: VN(r?.reviewed_at ?? null), content: (r?.content as UnitReportContent | undefined) ?? null,
      indicatorValues: (r?.indicator_values as Record<string, number> | undefined) ?? {}, overdueTasks: overdue.get(x.unit.id) ?? [],
      letterName: x.unit.kind === 'ward' || x.unit.kind === 'commune' ? `Ủy ban nhân dân ${x.unit.kind === 'ward' ? 'phường' : 'xã'} ${x.unit.short_name}` : x.unit.name,
    };
  });
}

/** Unfinished assignments past their due date, in the subtrees of some units ("1. Tổ chức quán triệt… (hạn 14/12/2026)"). */
async function overdueAssignments(ctx: Ctx, unitIds: number[], s: PeriodScope, today: string) {
  if (!unitIds.length || !s.lineage) return [];
  const rows = await store.assignmentsUnder(ctx.db, unitIds, s.lineage);
  if (!rows.length) return [];
  const [updates, calendar] = await Promise.all([store.updateFacts(ctx.db, rows.map((r) => r.id), s.period.dataWindow.to), loadCalendar(ctx.db)]);
  const byAssignment = new Map<number, typeof updates>();
  for (const u of updates) byAssignment.set(u.assignmentId, [...(byAssignment.get(u.assignmentId) ?? []), u]);
  const out: Array<{ topUnitId: number; task: string }> = [];
  for (const r of rows) {
    const st = assignmentYearState(r.schedule, byAssignment.get(r.id) ?? [], s.period.year, today, calendar, s.regime.kind === 'adHoc' ? undefined : s.regime.schedule);
    if (st.status !== 'overdue') continue;
    const [n, title] = r.in_regime || !r.p_number ? [r.number, r.title] : [r.p_number, r.p_title ?? r.title];
    const short = title.length > 90 ? `${title.slice(0, 88).replace(/\s+\S*$/u, '')}…` : title.replace(/[.;]+$/u, '');
    out.push({ topUnitId: r.top_id, task: `${n}. ${short} (hạn ${shortDateVi(st.dueDate!)})` });
  }
  return out;
}

async function compileInputs(ctx: Ctx, regimeId: number, key: string) {
  const { regime, owner } = await mustRegime(ctx, regimeId);
  authorize(ctx, 'read', { unitPath: owner.path });
  const s = await periodScope(ctx, regime, owner, key);
  const [issuer, plan] = await Promise.all([issuerInfoFor(ctx.db, owner), planRefFor(ctx.db, regime.planId)]);
  return { s, issuer, plan };
}

/** The receiving level's compiled report for a period, built from what it received (and its own facts). */
export async function compiledReport(ctx: Ctx, regimeId: number, key: string): Promise<CompiledReport> {
  const { s, issuer, plan } = await compileInputs(ctx, regimeId, key);
  const today = todayFor(ctx.db);
  const units = await expectedReports(ctx, s, today, false);
  const own = await prefillFor(ctx, s, s.owner);
  const planTasks = s.regime.planId
    ? await store.listPlanTaskHeadings(ctx.db, s.regime.planId)
    : [];
  return buildCompiledReport({
    issuer, plan: plan?.ref ?? null, regimeName: s.regime.name, recipients: s.regime.recipients, indicators: s.regime.indicators, period: s.period,
    planTasks, own: own.content, ownIndicatorValues: own.indicatorValues, units,
  });
}

/** The Công văn đôn đốc to the units that have not sent their report, with what each one is missing. */
export async function reminderLetter(ctx: Ctx, regimeId: number, key: string): Promise<ReminderLetter> {
  const { s, issuer, plan } = await compileInputs(ctx, regimeId, key);
  const today = todayFor(ctx.db);
  const units = await expectedReports(ctx, s, today, true);
  const cal = await loadCalendar(ctx.db);
  // The regime's own due dates (a returned report's extension is not the date the letter cites).
  const latestDue = [...new Set(s.submitters.map((u) => s.dueOf(u.kind)))].sort().at(-1) ?? today;
  const newDeadline = today < latestDue ? latestDue : addWorkingDays(today, 5, cal);
  const byKind = (kinds: string[]) => s.submitters.filter((u) => kinds.includes(u.kind)).map((u) => u.id);
  const scope = await getUnit(ctx.db, s.regime.submitters.scopeUnitId);
  const groupNames = [
    { unitIds: byKind(['agency']), name: 'Các sở, ban, ngành cấp tỉnh' },
    { unitIds: byKind(['commune', 'ward']), name: 'Ủy ban nhân dân các xã, phường' },
    { unitIds: byKind(['office']), name: `Các phòng, ban, đơn vị thuộc Ủy ban nhân dân ${scope ? scope.name.replace(/^(Phường|Xã)(?=\s)/u, (w) => w.toLocaleLowerCase('vi')) : ''}`.trim() },
  ];
  const kinds = new Set(s.submitters.map((u) => u.kind));
  const who = [
    kinds.has('agency') ? 'các sở, ban, ngành cấp tỉnh' : null,
    kinds.has('commune') || kinds.has('ward') ? 'Ủy ban nhân dân các xã, phường' : null,
    kinds.has('office') ? 'các phòng, ban, đơn vị' : null,
  ].filter(Boolean);
  return buildReminderLetter({
    issuer, plan: plan?.ref ?? null, regimeName: s.regime.name, period: s.period, receiverName: issuer.displayName,
    reportsTo: s.regime.recipients[0] ?? 'cấp trên', units, today, newDeadline, groupNames,
    submittersPhrase: who.length ? who.join(' và ') : 'các cơ quan, đơn vị', dueDate: latestDue,
  });
}

export async function documentNames(ctx: Ctx, regimeId: number, key: string) {
  const regime = await store.getRegime(ctx.db, regimeId);
  return { base: `${regime?.code ?? 'bao-cao'}-${key}`.toLowerCase() };
}
