// Reading the register: a unit's page, the roots of the tree, the search.
import type { UnitDetail } from '../../../contracts/org.ts';
import { allowedChildKinds } from '../../../domain/org/rules.ts';
import type { UnitKind } from '../../../domain/org/unit.ts';
import { authorize, type Ctx } from '../../context.ts';
import { rankedHits } from '../../search/index.ts';
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

/** One statement: the ranked hits, their units and their parents' names (see the search module's `rankedHits`). */
export async function searchUnits(ctx: Ctx, q: string, limit: number, kinds?: string[]) {
  // Kinds are filtered after ranking among four times as many hits, as the ranking alone would find them.
  const hits = rankedHits('unit', q, { limit: kinds?.length ? limit * 4 : limit, publishedOnly: true });
  if (!hits) return [];
  const rows = await store.unitsOfHits(ctx.db, hits, limit, kinds);
  return rows.map((u) => ({
    ...toView(u),
    parentName: u.parent_id ? u.parent_name : null,
    matched: u.matched,
    /** name | shortName | code | former | abbreviation | other */
    matchedKind: u.label,
    score: Math.round(Number(u.score) * 1000) / 1000,
  }));
}
