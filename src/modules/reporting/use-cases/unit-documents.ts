// A unit report as the official document its unit sends: the Báo cáo of the ward or agency (Mẫu 1.4, Kính gửi the
// receiving unit), signed by the leader who approved it, with its tasks and deliverables annexed.
import { buildUnitReportDocument, type UnitReportDocument } from '../../../domain/reporting/unit-document.ts';
import type { UnitReportContent } from '../../../domain/reporting/model.ts';
import type { SignerBlock } from '../../../domain/org/document-settings.ts';
import type { Ctx } from '../../context.ts';
import type { UnitRow } from '../../org/index.ts';
import { mustReport } from '../access.ts';
import { todayFor, vnDate } from '../clock.ts';
import { issuerInfoFor, kindWord, periodOf, planRefFor } from '../regimes.ts';
import * as store from '../store/index.ts';

/** The receiving unit as Kính gửi names it: "Ủy ban nhân dân phường Nam Sầm Sơn", "Sở Khoa học và Công nghệ". */
function receiverName(unit: UnitRow): string {
  const w = kindWord(unit.kind);
  return w ? `Ủy ban nhân dân ${w} ${unit.short_name}` : unit.name;
}

/** Readable by whoever may read the report (404 otherwise, as for one that does not exist). */
export async function unitReportDocument(ctx: Ctx, id: number): Promise<UnitReportDocument> {
  const { report, unit, toUnit } = await mustReport(ctx, id);
  const regime = (await store.getRegime(ctx.db, report.regime_id))!;
  const period = periodOf(regime, report.period_key);
  // Approved before signer blocks were kept: signed by the register's rule with the approving leader's name.
  const approver = report.approved_by && !report.signer ? await store.userFullName(ctx.db, report.approved_by) : null;
  const signing = { form: 'named', signer: report.signer as SignerBlock | null, fallbackName: approver } as const;
  const [issuer, plan] = await Promise.all([issuerInfoFor(ctx.db, unit, signing), planRefFor(ctx.db, regime.planId)]);
  return buildUnitReportDocument({
    issuer,
    plan: plan?.ref ?? null,
    regimeName: regime.name,
    period,
    receiverName: receiverName(toUnit),
    content: report.content as UnitReportContent,
    indicators: regime.indicators,
    indicatorValues: (report.indicator_values as Record<string, number>) ?? {},
    number: report.number,
    symbol: report.symbol,
    date: report.approved_at ? vnDate(report.approved_at) : null,
    today: todayFor(ctx.db),
  });
}
