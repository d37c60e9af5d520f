// Which regimes and unit reports a caller may reach: every one named in a request (path, a filter) goes through
// here, so one the caller may not read answers exactly like one that does not exist (context.mustRead).
import { mustRead, requireActor, type Ctx } from '../context.ts';
import { getUnit, type UnitRow } from '../org/index.ts';
import * as store from './store/index.ts';
import type { ReportingRegime, ReportRow } from './store/index.ts';

/**
 * A regime the caller may read: its owner's scope reads it, and so do the units it asks (everyone inside the
 * subtree of its scope unit, as the list of regimes shows them); another ward's request does not exist for a ward.
 */
export async function mustRegime(
  ctx: Ctx,
  id: number,
  field?: string,
): Promise<{ regime: ReportingRegime; owner: UnitRow }> {
  requireActor(ctx);
  const regime = await store.getRegime(ctx.db, id);
  const owner = regime ? await getUnit(ctx.db, regime.ownerUnitId) : undefined;
  return mustRead(
    ctx,
    'chế độ báo cáo',
    regime && owner ? { regime, owner } : undefined,
    (r) => ({ unitPath: r.owner.path, audienceRootId: r.regime.submitters.scopeUnitId }),
    field,
  );
}

/** A unit report, readable by its unit's scope and by the scope of the unit it is sent to. */
export async function mustReport(ctx: Ctx, id: number): Promise<{ report: ReportRow; unit: UnitRow; toUnit: UnitRow }> {
  requireActor(ctx);
  const report = await store.getReport(ctx.db, id);
  const [unit, toUnit] = report
    ? await Promise.all([getUnit(ctx.db, report.unit_id), getUnit(ctx.db, report.to_unit_id)])
    : [];
  return mustRead(ctx, 'báo cáo', report && unit && toUnit ? { report, unit, toUnit } : undefined, (r) => [
    { unitPath: r.unit.path },
    { unitPath: r.toUnit.path },
  ]);
}
