// What the unit use cases share: the answer's shape, the one way to load a unit, and the checks of a change.
import type { Unit, UnitPermissions } from '../../../contracts/org.ts';
import { allowedChildKinds } from '../../../domain/org/rules.ts';
import { UNIT_KIND_LABEL, type UnitKind } from '../../../domain/org/unit.ts';
import { conflict, forbidden, notFound } from '../../../domain/errors.ts';
import { nameKey } from '../../../domain/input-text.ts';
import { can } from '../../../domain/permissions.ts';
import { requireActor, type Ctx, type Tx } from '../../context.ts';
import * as store from '../store.ts';

export type UnitView = Unit;

export function toView(u: store.UnitRow): UnitView {
  return {
    id: u.id,
    parentId: u.parent_id,
    kind: u.kind as UnitKind,
    kindLabel: UNIT_KIND_LABEL[u.kind as UnitKind] ?? u.kind,
    code: u.code,
    name: u.name,
    shortName: u.short_name,
    status: u.status,
    mergedIntoId: u.merged_into_id,
  };
}

export async function mustGet(ctx: Ctx, id: number): Promise<store.UnitRow> {
  const u = await store.getUnit(ctx.db, id);
  if (!u) throw notFound('đơn vị');
  return u;
}

/** What the caller may do with the unit (its page shows the buttons from these). */
export function unitPermissions(ctx: Ctx, u: store.UnitRow): UnitPermissions {
  const active = u.status === 'active';
  return {
    addChild:
      active && allowedChildKinds(u.kind as UnitKind).length > 0 && can(ctx.actor, 'manageUnits', { unitPath: u.path }),
    reshape: active && can(ctx.actor, 'reshapeUnit', { unitPath: u.path }),
    manageUsers: can(ctx.actor, 'manageUsers', { unitPath: u.path }),
    documentSettings:
      can(ctx.actor, 'manageUnits', { unitPath: u.path }) || can(ctx.actor, 'approve', { unitPath: u.path }),
    importUnits: active && u.kind === 'province' && can(ctx.actor, 'manageUnits', { unitPath: u.path }),
  };
}

/** Names are compared as people read them: "Tổ dân\u200b phố Sầm" (zero-width space) is "Tổ dân phố Sầm". */
export async function assertNameFree(tx: Tx, parent: store.UnitRow, name: string, self?: number): Promise<void> {
  const key = nameKey(name);
  const siblings = await store.listChildren(tx, parent.id);
  if (siblings.some((s) => s.id !== self && nameKey(s.name) === key)) {
    throw conflict('unit.duplicate_name', `${parent.name} đã có đơn vị tên "${name}".`);
  }
}

/** Admins administer units strictly below their own; renaming one's own unit is for the level above. */
export function assertBelowOwn(ctx: Ctx, u: store.UnitRow): void {
  if (!can(requireActor(ctx), 'reshapeUnit', { unitPath: u.path })) {
    throw forbidden('Chỉ đơn vị cấp trên mới được đổi tên, sáp nhập hoặc giải thể đơn vị của bạn.');
  }
}
