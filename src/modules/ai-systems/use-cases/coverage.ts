// Coverage for the focal unit: for the unit followed (the province, or a ward), one row per agency, commune or
// office directly under it (their own offices' uses rolled into them) and one for the unit itself.
import type { AiCoverage } from '../../../contracts/ai-systems.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { assessmentState, computeCoverage, type CoverageUnit } from '../../../domain/ai-systems/coverage.ts';
import { notFound } from '../../../domain/errors.ts';
import { authorize, requireActor, type Ctx } from '../../context.ts';
import { getUnit, unitEntries } from '../../org/index.ts';
import * as store from '../store/index.ts';

const ORDER: Record<string, number> = { province: 0, commune: 1, ward: 1, agency: 2, office: 3 };

/** Coverage figures of a unit's subtree, without a permission check: for the compiled report and the CLI. */
export async function aiCoverageFor(db: Kysely<DB>, unitId: number): Promise<AiCoverage> {
  const root = await getUnit(db, unitId);
  if (!root) throw notFound('đơn vị');
  const entries = await unitEntries(db);
  const children = entries
    .filter((e) => e.parentId === root.id && e.kind !== 'neighbourhood')
    .sort((a, b) => (ORDER[a.kind] ?? 9) - (ORDER[b.kind] ?? 9) || a.name.localeCompare(b.name, 'vi'));
  const units: CoverageUnit[] = [
    { id: root.id, name: root.name, code: root.code, kind: root.kind },
    ...children.map((c) => ({ id: c.id, name: c.name, code: c.code, kind: c.kind })),
  ];
  const rows = await store.listCoverageUses(db, root.id);
  const uses = rows.map((r) => ({
    coveredUnitId: r.covered_unit_id ?? root.id,
    status: r.status,
    level: r.level,
    state: assessmentState({
      status: r.status,
      impactAssessmentRequired: r.assessment_required,
      hasApprovedAssessment: Boolean(r.approved),
      assessmentDue: r.assessment_due,
    }),
    openIncidents: Number(r.open_incidents ?? 0),
    openSeriousIncidents: Number(r.open_serious ?? 0),
    lateIncidents: Number(r.late_incidents ?? 0),
    count: Number(r.uses),
  }));
  const coverage = computeCoverage(units, uses);
  return { unit: { id: root.id, name: root.name }, ...coverage };
}

/** The unit a caller's coverage starts from: the unit their unit follows (Sở KH&CN → the province), else their own. */
export async function aiCoverage(ctx: Ctx, unitId?: number): Promise<AiCoverage> {
  const actor = requireActor(ctx);
  const id = unitId ?? actor.focalForIds[0] ?? actor.unitId;
  const unit = await getUnit(ctx.db, id);
  if (!unit) throw notFound('đơn vị');
  authorize(ctx, 'read', { unitPath: unit.path });
  return aiCoverageFor(ctx.db, id);
}
