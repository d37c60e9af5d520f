// Reading the register: a unit's page, the roots of the tree, the search.
import type { UnitDetail } from '../../../contracts/org.ts';
import { allowedChildKinds } from '../../../domain/org/rules.ts';
import type { UnitKind } from '../../../domain/org/unit.ts';
import { authorize, type Ctx } from '../../context.ts';
import { searchEntities } from '../../search/index.ts';
import * as store from '../store.ts';
import { mustGet, toView, unitPermissions } from './unit-view.ts';

/** Unit names and the tree are public information: reading them goes through the rule as published records. */
export async function getUnitDetail(ctx: Ctx, id: number): Promise<UnitDetail> {
  const u = await mustGet(ctx, id);
  authorize(ctx, 'read', { unitPath: u.path, published: true });
  const [ancestors, children, aliases] = await Promise.all([
    store.getUnitsByIds(
      ctx.db,
      u.path.filter((x) => x !== u.id),
    ),
    store.listChildren(ctx.db, u.id),
    store.listAliases(ctx.db, u.id),
  ]);
  const byId = new Map(ancestors.map((a) => [a.id, a]));
  const mergedInto = u.merged_into_id ? await store.getUnit(ctx.db, u.merged_into_id) : undefined;
  return {
    unit: toView(u),
    ancestors: u.path
      .filter((x) => x !== u.id)
      .map((x) => byId.get(x))
      .filter((x) => x !== undefined)
      .map(toView),
    children: children.map((c) => ({ ...toView(c), childCount: c.child_count })),
    aliases: aliases.map((a) => ({
      name: a.name,
      kind: a.kind as UnitDetail['aliases'][number]['kind'],
      note: a.note,
    })),
    mergedInto: mergedInto ? toView(mergedInto) : null,
    allowedChildKinds: allowedChildKinds(u.kind as UnitKind),
    can: unitPermissions(ctx, u),
  };
}

export async function listRoots(ctx: Ctx) {
  const roots = await store.listChildren(ctx.db, null);
  return roots.map((c) => ({ ...toView(c), childCount: c.child_count }));
}

export async function searchUnits(ctx: Ctx, q: string, limit: number, kinds?: string[]) {
  const hits = await searchEntities(ctx.db, 'unit', q, {
    limit: kinds?.length ? limit * 4 : limit,
    publishedOnly: true,
  });
  const units = await store.getUnitsByIds(
    ctx.db,
    hits.map((h) => h.entityId),
  );
  const byId = new Map(units.map((u) => [u.id, u]));
  const parents = await store.getUnitsByIds(ctx.db, [
    ...new Set(units.map((u) => u.parent_id).filter((x): x is number => x !== null)),
  ]);
  const parentById = new Map(parents.map((p) => [p.id, p]));
  return hits
    .map((h) => ({ h, u: byId.get(h.entityId) }))
    .filter(
      (x): x is { h: typeof x.h; u: store.UnitRow } =>
        x.u !== undefined && (!kinds?.length || kinds.includes(x.u.kind)),
    )
    .slice(0, limit)
    .map(({ h, u }) => ({
      ...toView(u),
      parentName: u.parent_id ? (parentById.get(u.parent_id)?.name ?? null) : null,
      matched: h.matched,
      /** name | shortName | code | former | abbreviation | other */
      matchedKind: h.matchedLabel,
      score: Math.round(h.score * 1000) / 1000,
    }));
}
