// The documents a receiving unit compiles for a period: the Báo cáo tổng hợp from the reports it received, and the
// Công văn đôn đốc to the units that have not sent theirs, with the overdue work each one has.
import { addWorkingDays } from '../../../domain/calendar/working-days.ts';
import type { CompiledReport, ReminderLetter, UnitReportContent } from '../../../domain/reporting/model.ts';
import { reminderDeadline } from '../../../domain/reporting/letters.ts';
import { assignmentYearState } from '../../../domain/reporting/prefill.ts';
import { isReceived } from '../../../domain/reporting/rollup.ts';
import {
  buildCompiledReport,
  buildReminderLetter,
  shortDateVi,
  type ExpectedUnitReport,
} from '../../../domain/reporting/compile.ts';
import { loadCalendar } from '../../calendar/index.ts';
import { authorize, type Ctx } from '../../context.ts';
import { getUnit } from '../../org/index.ts';
import { mustRegime } from '../access.ts';
import { todayFor } from '../clock.ts';
import { issuerInfoFor, planRefFor } from '../regimes.ts';
import { periodScope, prefillFor, statesOf, VN, type PeriodScope } from '../period-scope.ts';
import * as store from '../store/index.ts';
import { planCompletionById } from './plan-completion.ts';
import { MODULES } from '../../index.ts';
import type { SignerBlock } from '../../../domain/org/document-settings.ts';

async function expectedReports(
  ctx: Ctx,
  s: PeriodScope,
  today: string,
  withOverdue: boolean,
): Promise<ExpectedUnitReport[]> {
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
      unitId: x.unit.id,
      unitName: x.unit.name,
      dueDate: x.dueDate,
      state: x.state,
      status: r?.status ?? null,
      submittedOn: VN(r?.submitted_at ?? null),
      returnReason: r?.return_reason ?? null,
      reviewedOn: VN(r?.reviewed_at ?? null),
      content: (r?.content as UnitReportContent | undefined) ?? null,
      indicatorValues: (r?.indicator_values as Record<string, number> | undefined) ?? {},
      overdueTasks: overdue.get(x.unit.id) ?? [],
      letterName:
        x.unit.kind === 'ward' || x.unit.kind === 'commune'
          ? `Ủy ban nhân dân ${x.unit.kind === 'ward' ? 'phường' : 'xã'} ${x.unit.short_name}`
          : x.unit.name,
    };
  });
}

/** Unfinished assignments past their due date, in the subtrees of some units ("1. Tổ chức quán triệt… (hạn 14/12/2026)"). */
async function overdueAssignments(ctx: Ctx, unitIds: number[], s: PeriodScope, today: string) {
  if (!unitIds.length || !s.lineage) return [];
  const rows = await store.assignmentsUnder(ctx.db, unitIds, s.lineage);
  if (!rows.length) return [];
  const [updates, calendar] = await Promise.all([
    store.updateFacts(
      ctx.db,
      rows.map((r) => r.id),
      s.period.dataWindow.to,
    ),
    loadCalendar(ctx.db),
  ]);
  const byAssignment = new Map<number, typeof updates>();
  for (const u of updates) byAssignment.set(u.assignmentId, [...(byAssignment.get(u.assignmentId) ?? []), u]);
  const out: Array<{ topUnitId: number; task: string }> = [];
  for (const r of rows) {
    const st = assignmentYearState(
      r.schedule,
      byAssignment.get(r.id) ?? [],
      s.period.year,
      today,
      calendar,
      s.regime.kind === 'adHoc' ? undefined : s.regime.schedule,
    );
    if (st.status !== 'overdue') continue;
    const [n, title] = r.in_regime || !r.p_number ? [r.number, r.title] : [r.p_number, r.p_title ?? r.title];
    const short = title.length > 90 ? `${title.slice(0, 88).replace(/\s+\S*$/u, '')}…` : title.replace(/[.;]+$/u, '');
    out.push({ topUnitId: r.top_id, task: `${n}. ${short} (hạn ${shortDateVi(st.dueDate!)})` });
  }
  return out;
}

/** The period's scope, its issuer (signed with the block its leader chose, if approved) and the plan it cites. */
async function compileInputs(ctx: Ctx, regimeId: number, key: string, kind: store.PeriodDocumentKind) {
  const { regime, owner } = await mustRegime(ctx, regimeId);
  authorize(ctx, 'read', { unitPath: owner.path });
  const s = await periodScope(ctx, regime, owner, key);
  const approval = await store.getPeriodDocument(ctx.db, regime.id, s.period.key, kind);
  const [issuer, plan] = await Promise.all([
    issuerInfoFor(ctx.db, owner, {
      form: kind === 'reminder' ? 'letter' : 'named',
      signer: (approval?.signer as SignerBlock | undefined) ?? null,
    }),
    planRefFor(ctx.db, regime.planId),
  ]);
  return { s, issuer, plan };
}

/** The receiving level's compiled report for a period, built from what it received (and its own facts). */
export async function compiledReport(ctx: Ctx, regimeId: number, key: string): Promise<CompiledReport> {
  const { s, issuer, plan } = await compileInputs(ctx, regimeId, key, 'compiled');
  const today = todayFor(ctx.db);
  const units = await expectedReports(ctx, s, today, false);
  const own = await prefillFor(ctx, s, s.owner);
  const planTasks = s.regime.planId ? await store.listPlanTaskHeadings(ctx.db, s.regime.planId) : [];
  const themes = await themesOf(
    ctx,
    s.regime.submitters.scopeUnitId,
    Number(s.period.dataWindow.to.slice(0, 4)),
    today,
  );
  const report = buildCompiledReport({
    issuer,
    plan: plan?.ref ?? null,
    regimeName: s.regime.name,
    recipients: s.regime.recipients,
    indicators: s.regime.indicators,
    period: s.period,
    planTasks,
    own: own.content,
    ownIndicatorValues: own.indicatorValues,
    units,
    themes,
    today,
  });
  return withPlanCompletion(ctx, report, s.regime.planId, Number(s.period.dataWindow.to.slice(0, 4)));
}

/**
 * "x/y đơn vị hoàn thành" of each task of the plan as the public progress page counts it (the units with a part in
 * the task, not only those whose report named it), for the year the period's data window ends in.
 */
async function withPlanCompletion(
  ctx: Ctx,
  report: CompiledReport,
  planId: number | null,
  year: number,
): Promise<CompiledReport> {
  const completion = planId ? await planCompletionById(ctx, planId, year) : null;
  if (!completion) return report;
  const byNumber = new Map(completion.tasks.map((t) => [t.number, t]));
  return {
    ...report,
    tasks: report.tasks.map((t) => {
      const c = byNumber.get(t.number);
      return c ? { ...t, unitsDone: c.unitsDone, unitsTotal: c.units } : t;
    }),
  };
}

/**
 * What the other modules add to the report for the units it covers (the regime's scope) and the year its data window
 * ends in: petitions received and answered, AI systems registered… (`reportSection` of each module's entry).
 */
async function themesOf(ctx: Ctx, scopeUnitId: number, year: number, today: string) {
  const sources = await Promise.all(MODULES.filter((m) => m.reportSection).map((m) => m.reportSection!()));
  const sections = await Promise.all(sources.map((source) => source(ctx.db, { unitId: scopeUnitId, year, today })));
  return sections.filter((x): x is NonNullable<typeof x> => x !== null);
}

/** The Công văn đôn đốc to the units that have not sent their report, with what each one is missing. */
export async function reminderLetter(ctx: Ctx, regimeId: number, key: string): Promise<ReminderLetter> {
  const { s, issuer, plan } = await compileInputs(ctx, regimeId, key, 'reminder');
  const today = todayFor(ctx.db);
  const units = await expectedReports(ctx, s, today, true);
  const cal = await loadCalendar(ctx.db);
  // The regime's own due dates (a returned report's extension is not the date the letter cites).
  const latestDue = [...new Set(s.submitters.map((u) => s.dueOf(u.kind)))].sort().at(-1) ?? today;
  const deadline = reminderDeadline(latestDue, today, (day, n) => addWorkingDays(day, n, cal));
  const byKind = (kinds: string[]) => s.submitters.filter((u) => kinds.includes(u.kind)).map((u) => u.id);
  const scope = await getUnit(ctx.db, s.regime.submitters.scopeUnitId);
  const groupNames = [
    { unitIds: byKind(['agency']), name: 'Các sở, ban, ngành cấp tỉnh' },
    { unitIds: byKind(['commune', 'ward']), name: 'Ủy ban nhân dân các xã, phường' },
    {
      unitIds: byKind(['office']),
      name: `Các phòng, ban, đơn vị thuộc Ủy ban nhân dân ${scope ? scope.name.replace(/^(Phường|Xã)(?=\s)/u, (w) => w.toLocaleLowerCase('vi')) : ''}`.trim(),
    },
  ];
  const kinds = new Set(s.submitters.map((u) => u.kind));
  const who = [
    kinds.has('agency') ? 'các sở, ban, ngành cấp tỉnh' : null,
    kinds.has('commune') || kinds.has('ward') ? 'Ủy ban nhân dân các xã, phường' : null,
    kinds.has('office') ? 'các phòng, ban, đơn vị' : null,
  ].filter(Boolean);
  return buildReminderLetter({
    issuer,
    plan: plan?.ref ?? null,
    regimeName: s.regime.name,
    period: s.period,
    receiverName: issuer.displayName,
    reportsTo: s.regime.recipients[0] ?? 'cấp trên',
    units,
    today,
    deadline,
    groupNames,
    submittersPhrase: who.length ? who.join(' và ') : 'các cơ quan, đơn vị',
  });
}
