// Writing a unit report while it is a draft (or was returned): the sections and indicator values people write, and
// the prefilled facts refreshed from what the unit recorded since.
import type { ReportPatch as ContractReportPatch } from '../../../contracts/reporting.ts';
import { conflict, invalid } from '../../../domain/errors.ts';
import type { UnitReportContent } from '../../../domain/reporting/model.ts';
import { checkEditable } from '../../../domain/reporting/workflow.ts';
import { recordAudit } from '../../audit/index.ts';
import { authorize, type Ctx } from '../../context.ts';
import { getUnit } from '../../org/index.ts';
import { mustReport } from '../access.ts';
import { todayFor } from '../clock.ts';
import { periodOf } from '../regimes.ts';
import { prefillFor } from '../period-scope.ts';
import * as store from '../store/index.ts';

/** What people write in a report (contracts/reporting.ts: ReportPatchSchema). */
export type ReportPatch = ContractReportPatch;

/** Officers write the narrative sections and indicator values while the report is a draft (or was returned). */
export async function updateReport(ctx: Ctx, id: number, patch: ReportPatch) {
  const { report, unit } = await mustReport(ctx, id);
  authorize(ctx, 'edit', { unitPath: unit.path });
  const regime = (await store.getRegime(ctx.db, report.regime_id))!;
  const owner = (await getUnit(ctx.db, regime.ownerUnitId))!;
  checkEditable(report, todayFor(ctx.db), periodOf(regime, report.period_key).label, owner.name);
  const known = new Set(regime.indicators.map((d) => d.code));
  const unknown = Object.keys(patch.indicatorValues ?? {}).filter((k) => !known.has(k));
  if (unknown.length)
    throw invalid(
      'report.indicator_unknown',
      `Chỉ tiêu không có trong chế độ báo cáo: ${unknown.slice(0, 5).join(', ')}.`,
      unknown.slice(0, 5).map((k) => ({ path: `indicatorValues.${k}`, message: 'Chỉ tiêu không tồn tại.' })),
    );
  const content = report.content as UnitReportContent;
  const narrative = { ...content.narrative };
  for (const [k, v] of Object.entries(patch.narrative ?? {}))
    if (typeof v === 'string' && k in narrative) (narrative as Record<string, string>)[k] = v.normalize('NFC');
  const values = { ...(report.indicator_values as Record<string, number>), ...(patch.indicatorValues ?? {}) };
  return ctx.db.transaction().execute(async (tx) => {
    const moved = await store.updateReportContent(tx, id, report.status, {
      content: { ...content, narrative },
      indicatorValues: values,
    });
    if (!moved) throw conflict('report.changed', 'Báo cáo vừa được người khác thay đổi. Hãy tải lại trang.');
    await recordAudit(tx, ctx, {
      action: 'report.update',
      entityType: 'unit_report',
      entityId: id,
      unitId: unit.id,
      after: { sections: Object.keys(patch.narrative ?? {}), indicators: Object.keys(patch.indicatorValues ?? {}) },
    });
    return { id, status: report.status };
  });
}

/** Refreshes the prefilled facts (tasks, deliverables, obstacles, offices' reports), keeping what people wrote. */
export async function refreshReport(ctx: Ctx, id: number) {
  const { report, unit } = await mustReport(ctx, id);
  authorize(ctx, 'edit', { unitPath: unit.path });
  const regime = (await store.getRegime(ctx.db, report.regime_id))!;
  const owner = (await getUnit(ctx.db, regime.ownerUnitId))!;
  const period = periodOf(regime, report.period_key);
  checkEditable(report, todayFor(ctx.db), period.label, owner.name);
  const lineage = regime.planId ? await store.planLineage(ctx.db, regime.planId) : null;
  const old = report.content as UnitReportContent;
  const { content, indicatorValues } = await prefillFor(ctx, { regime, period, lineage }, unit, old.narrative);
  // Typed values stay; values counted from deliverables are recounted.
  const typed = Object.fromEntries(
    regime.indicators
      .filter((d) => !d.fromDeliverables)
      .map((d) => [
        d.code,
        (report.indicator_values as Record<string, number>)[d.code] ?? indicatorValues[d.code] ?? 0,
      ]),
  );
  const values = { ...indicatorValues, ...typed };
  return ctx.db.transaction().execute(async (tx) => {
    const moved = await store.updateReportContent(tx, id, report.status, { content, indicatorValues: values });
    if (!moved) throw conflict('report.changed', 'Báo cáo vừa được người khác thay đổi. Hãy tải lại trang.');
    await recordAudit(tx, ctx, {
      action: 'report.refresh',
      entityType: 'unit_report',
      entityId: id,
      unitId: unit.id,
      after: { tasks: content.tasks.length },
    });
    return { id, status: report.status, tasks: content.tasks.length };
  });
}
