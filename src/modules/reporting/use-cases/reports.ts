// Reading unit reports: the list a unit sees (its own and those sent to it) and one report with what may be done next.
import { can, scopeRoots } from '../../../domain/permissions.ts';
import { REPORT_STATUS_LABEL, type ReportStatus, type UnitReportContent } from '../../../domain/reporting/model.ts';
import { reportEditable } from '../../../domain/reporting/workflow.ts';
import type { SignerBlock } from '../../../domain/org/document-settings.ts';
import { requireActor, type Ctx } from '../../context.ts';
import { mustRegime, mustReport } from '../access.ts';
import { todayFor } from '../clock.ts';
import { periodOf } from '../regimes.ts';
import * as store from '../store/index.ts';

function reportSummary(r: {
  id: number;
  status: ReportStatus;
  due_date: string;
  submitted_at: Date | null;
  late: boolean | null;
}) {
  return {
    id: r.id,
    status: r.status,
    statusLabel: REPORT_STATUS_LABEL[r.status],
    dueDate: r.due_date,
    submittedAt: r.submitted_at?.toISOString() ?? null,
    late: r.late,
  };
}

export async function listReportsFor(
  ctx: Ctx,
  f: { regimeId?: number; period?: string; unitId?: number; status?: ReportStatus; limit: number; offset: number },
) {
  const actor = requireActor(ctx);
  if (f.regimeId) await mustRegime(ctx, f.regimeId, 'regimeId');
  const rows = await store.listReports(ctx.db, {
    roots: scopeRoots(actor, 'read'),
    regimeId: f.regimeId,
    periodKey: f.period,
    unitId: f.unitId,
    status: f.status,
    limit: f.limit,
    offset: f.offset,
  });
  return rows.map((r) => ({
    ...reportSummary(r),
    regimeId: r.regime_id,
    regimeName: r.regime_name,
    periodKey: r.period_key,
    unitId: r.unit_id,
    unitName: r.unit_name,
    toUnitId: r.to_unit_id,
    toUnitName: r.to_unit_name,
    returnReason: r.return_reason,
    updatedAt: r.updated_at.toISOString(),
    number: r.number,
    symbol: r.symbol,
  }));
}

export async function getReportDetail(ctx: Ctx, id: number) {
  const actor = requireActor(ctx);
  const { report, unit, toUnit } = await mustReport(ctx, id);
  const regime = (await store.getRegime(ctx.db, report.regime_id))!;
  const period = periodOf(regime, report.period_key);
  const { editable, locked } = reportEditable(report.status, report.due_date, todayFor(ctx.db));
  return {
    report: {
      ...reportSummary(report),
      regimeId: regime.id,
      regimeName: regime.name,
      periodKey: report.period_key,
      periodLabel: period.label,
      dataWindow: period.dataWindow,
      unitId: unit.id,
      unitName: unit.name,
      toUnitId: toUnit.id,
      toUnitName: toUnit.name,
      number: report.number,
      symbol: report.symbol,
      signer: (report.signer as SignerBlock | null) ?? null,
      content: report.content as UnitReportContent,
      indicatorValues: report.indicator_values as Record<string, number>,
      approvedAt: report.approved_at?.toISOString() ?? null,
      reviewedAt: report.reviewed_at?.toISOString() ?? null,
      returnReason: report.return_reason,
      createdAt: report.created_at.toISOString(),
      updatedAt: report.updated_at.toISOString(),
    },
    indicators: regime.indicators,
    locked,
    can: {
      edit: editable && !locked && can(actor, 'edit', { unitPath: unit.path }),
      approve: editable && can(actor, 'approve', { unitPath: unit.path }),
      submit: report.status === 'approved' && can(actor, 'edit', { unitPath: unit.path }),
      accept: report.status === 'submitted' && can(actor, 'follow', { unitPath: toUnit.path }),
      return:
        (report.status === 'submitted' || report.status === 'accepted') &&
        can(actor, 'follow', { unitPath: toUnit.path }),
    },
  };
}
