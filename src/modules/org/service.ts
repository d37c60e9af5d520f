// Use cases on the organisation tree. Each checks permission through the one rule and writes with its audit record.
import type { UnitKind } from '../../domain/org/unit.ts';
import { UNIT_KIND_LABEL } from '../../domain/org/unit.ts';
import { allowedChildKinds, canMerge, childCode } from '../../domain/org/rules.ts';
import { conflict, forbidden, invalid, notFound, unauthorized } from '../../domain/errors.ts';
import { can } from '../../domain/permissions.ts';
import type { Unit, UnitDetail, UnitPermissions } from '../../contracts/org.ts';
import { formatDateVi, normalizeText } from '../../domain/text.ts';
import { nameKey } from '../../domain/input-text.ts';
import { authorize, requireActor, type Ctx, type Tx } from '../context.ts';
import { recordAudit } from '../audit/index.ts';
import { searchEntities } from '../search/index.ts';
import { countActiveUsersOfUnit, moveUsersToUnit } from '../users/index.ts';
import * as store from './store.ts';
import { loadReferenceUnits } from './reference-data.ts';
// Not through plans' entry: plans uses org's entry, and org reaching back through it would close an import cycle
// (org → plans → org). Goes when checks on stored findings stop depending on the unit register (issue 14, item 3).
import { refreshStaleFindings } from '../plans/findings.ts';

export type UnitView = Unit;

export function toView(u: store.UnitRow): UnitView {
  return {
    id: u.id, parentId: u.parent_id, kind: u.kind as UnitKind, kindLabel: UNIT_KIND_LABEL[u.kind as UnitKind] ?? u.kind,
    code: u.code, name: u.name, shortName: u.short_name, status: u.status, mergedIntoId: u.merged_into_id,
  };
}

async function mustGet(ctx: Ctx, id: number): Promise<store.UnitRow> {
  const u = await store.getUnit(ctx.db, id);
  if (!u) throw notFound('đơn vị');
  return u;
}

/** What the caller may do with the unit (its page shows the buttons from these). */
function unitPermissions(ctx: Ctx, u: store.UnitRow): UnitPermissions {
  const active = u.status === 'active';
  return {
    addChild: active && allowedChildKinds(u.kind as UnitKind).length > 0 && can(ctx.actor, 'manageUnits', { unitPath: u.path }),
    reshape: active && can(ctx.actor, 'reshapeUnit', { unitPath: u.path }),
    manageUsers: can(ctx.actor, 'manageUsers', { unitPath: u.path }),
  };
}

/** Unit names and the tree are public information: reading them goes through the rule as published records. */
export async function getUnitDetail(ctx: Ctx, id: number): Promise<UnitDetail> {
  const u = await mustGet(ctx, id);
  authorize(ctx, 'read', { unitPath: u.path, published: true });
  const [ancestors, children, aliases] = await Promise.all([
    store.getUnitsByIds(ctx.db, u.path.filter((x) => x !== u.id)),
    store.listChildren(ctx.db, u.id),
    store.listAliases(ctx.db, u.id),
  ]);
  const byId = new Map(ancestors.map((a) => [a.id, a]));
  const mergedInto = u.merged_into_id ? await store.getUnit(ctx.db, u.merged_into_id) : undefined;
  return {
    unit: toView(u),
    ancestors: u.path.filter((x) => x !== u.id).map((x) => byId.get(x)).filter((x) => x !== undefined).map(toView),
    children: children.map((c) => ({ ...toView(c), childCount: c.child_count })),
    aliases: aliases.map((a) => ({ name: a.name, kind: a.kind as UnitDetail['aliases'][number]['kind'], note: a.note })),
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
  const hits = await searchEntities(ctx.db, 'unit', q, { limit: kinds?.length ? limit * 4 : limit, publishedOnly: true });
  const units = await store.getUnitsByIds(ctx.db, hits.map((h) => h.entityId));
  const byId = new Map(units.map((u) => [u.id, u]));
  const parents = await store.getUnitsByIds(ctx.db, [...new Set(units.map((u) => u.parent_id).filter((x): x is number => x !== null))]);
  const parentById = new Map(parents.map((p) => [p.id, p]));
  return hits
    .map((h) => ({ h, u: byId.get(h.entityId) }))
    .filter((x): x is { h: typeof x.h; u: store.UnitRow } => x.u !== undefined && (!kinds?.length || kinds.includes(x.u.kind)))
    .slice(0, limit)
    .map(({ h, u }) => ({
      ...toView(u),
      parentName: u.parent_id ? parentById.get(u.parent_id)?.name ?? null : null,
      matched: h.matched,
      /** name | shortName | code | former | abbreviation | other */
      matchedKind: h.matchedLabel,
      score: Math.round(h.score * 1000) / 1000,
    }));
}

export async function createChildUnit(ctx: Ctx, parentId: number, input: { kind: UnitKind; name: string; shortName?: string }) {
  const parent = await mustGet(ctx, parentId);
  authorize(ctx, 'manageUnits', { unitPath: parent.path });
  if (parent.status !== 'active') throw conflict('unit.inactive', 'Không thể thêm đơn vị vào một đơn vị đã giải thể hoặc sáp nhập.');
  const allowed = allowedChildKinds(parent.kind as UnitKind);
  if (!allowed.includes(input.kind)) {
    throw invalid('unit.kind_not_allowed', `Không thể thêm "${UNIT_KIND_LABEL[input.kind]}" vào ${parent.name}.`,
      [{ path: 'kind', message: allowed.length ? `Chỉ được thêm: ${allowed.map((k) => UNIT_KIND_LABEL[k]).join(', ')}.` : 'Đơn vị này không có đơn vị cấp dưới.' }]);
  }
  const name = normalizeText(input.name);
  const shortName = normalizeText(input.shortName ?? '') || name;
  return ctx.db.transaction().execute(async (tx) => {
    // Creations under one parent queue on its row, so two at once cannot both pass the name check. Not a unique index:
    // merging a commune into another rightly brings same-named offices and neighbourhoods under one parent.
    await store.lockUnit(tx, parent.id);
    await assertNameFree(tx, parent, name);
    const codes = await store.listCodesUnder(tx, parent.code);
    const code = childCode(parent.code, shortName, (c) => codes.has(c));
    const row = await store.insertUnit(tx, { parentId: parent.id, parentPath: parent.path, kind: input.kind, code, name, shortName });
    await store.reindexUnit(tx, row.id);
    await recordAudit(tx, ctx, { action: 'unit.create', entityType: 'unit', entityId: row.id, unitId: row.id, after: { code, name, shortName, kind: input.kind, parentId } });
    await refreshStaleFindings(tx); // open plans name units: their stored findings follow the register
    return toView(row);
  });
}

/** Names are compared as people read them: "Tổ dân\u200b phố Sầm" (zero-width space) is "Tổ dân phố Sầm". */
async function assertNameFree(tx: Tx, parent: store.UnitRow, name: string, self?: number): Promise<void> {
  const key = nameKey(name);
  const siblings = await store.listChildren(tx, parent.id);
  if (siblings.some((s) => s.id !== self && nameKey(s.name) === key)) {
    throw conflict('unit.duplicate_name', `${parent.name} đã có đơn vị tên "${name}".`);
  }
}

/** Admins administer units strictly below their own; renaming one's own unit is for the level above. */
function assertBelowOwn(ctx: Ctx, u: store.UnitRow): void {
  if (!can(requireActor(ctx), 'reshapeUnit', { unitPath: u.path })) {
    throw forbidden('Chỉ đơn vị cấp trên mới được đổi tên, sáp nhập hoặc giải thể đơn vị của bạn.');
  }
}

export async function renameUnit(ctx: Ctx, id: number, input: { name: string; shortName?: string }) {
  const u = await mustGet(ctx, id);
  authorize(ctx, 'manageUnits', { unitPath: u.path });
  assertBelowOwn(ctx, u);
  const name = normalizeText(input.name);
  const shortName = normalizeText(input.shortName ?? '') || (u.short_name === u.name ? name : u.short_name);
  if (name === u.name && shortName === u.short_name) throw invalid('unit.unchanged', 'Tên mới trùng với tên hiện tại.', [{ path: 'name', message: 'Hãy nhập tên khác tên hiện tại.' }]);
  const parent = u.parent_id === null ? undefined : await store.getUnit(ctx.db, u.parent_id);
  return ctx.db.transaction().execute(async (tx) => {
    if (parent && nameKey(name) !== nameKey(u.name)) {
      await store.lockUnit(tx, parent.id);
      await assertNameFree(tx, parent, name, u.id);
    }
    // History is kept: the old name stays findable as a former name.
    await store.insertAlias(tx, u.id, { name: u.name, kind: 'former', note: `Tên cũ, đổi ngày ${formatDateVi(new Date().toISOString())}` });
    await store.updateUnit(tx, u.id, { name, short_name: shortName });
    await store.reindexUnit(tx, u.id);
    await recordAudit(tx, ctx, { action: 'unit.rename', entityType: 'unit', entityId: u.id, unitId: u.id, before: { name: u.name, shortName: u.short_name }, after: { name, shortName } });
    await refreshStaleFindings(tx);
    return toView({ ...u, name, short_name: shortName });
  });
}

export async function mergeUnit(ctx: Ctx, id: number, intoId: number) {
  const [u, into] = [await mustGet(ctx, id), await mustGet(ctx, intoId)];
  authorize(ctx, 'manageUnits', { unitPath: u.path });
  authorize(ctx, 'manageUnits', { unitPath: into.path });
  assertBelowOwn(ctx, u);
  if (id === intoId) throw invalid('unit.merge_self', 'Không thể sáp nhập một đơn vị vào chính nó.', [{ path: 'intoId', message: 'Chọn đơn vị khác.' }]);
  if (u.status !== 'active' || into.status !== 'active') throw conflict('unit.inactive', 'Chỉ sáp nhập giữa các đơn vị đang hoạt động.');
  if (into.path.includes(u.id)) throw invalid('unit.merge_into_descendant', 'Không thể sáp nhập một đơn vị vào đơn vị cấp dưới của nó.');
  if (!canMerge(u.kind as UnitKind, into.kind as UnitKind)) {
    throw invalid('unit.merge_kind', `Không thể sáp nhập ${UNIT_KIND_LABEL[u.kind as UnitKind]} vào ${UNIT_KIND_LABEL[into.kind as UnitKind]}.`);
  }
  return ctx.db.transaction().execute(async (tx) => {
    const children = await store.moveActiveChildren(tx, u.id, into.id);
    const users = await moveUsersToUnit(tx, u.id, into.id);
    await store.updateUnit(tx, u.id, { status: 'merged', merged_into_id: into.id });
    await store.insertAlias(tx, into.id, { name: u.name, kind: 'former', note: `Sáp nhập ngày ${formatDateVi(new Date().toISOString())} (mã ${u.code})` });
    await store.recomputePaths(tx);
    await store.reindexUnit(tx, into.id);
    await store.reindexUnit(tx, u.id);
    await recordAudit(tx, ctx, {
      action: 'unit.merge', entityType: 'unit', entityId: u.id, unitId: into.id,
      before: { status: u.status, parentId: u.parent_id }, after: { status: 'merged', mergedIntoId: into.id, movedChildren: children, movedUsers: users },
    });
    await refreshStaleFindings(tx);
    return { unit: toView({ ...u, status: 'merged', merged_into_id: into.id }), movedChildren: children.length, movedUsers: users.length };
  });
}

export async function retireUnit(ctx: Ctx, id: number, reason: string) {
  const u = await mustGet(ctx, id);
  authorize(ctx, 'manageUnits', { unitPath: u.path });
  assertBelowOwn(ctx, u);
  if (u.status !== 'active') throw conflict('unit.inactive', 'Đơn vị này đã giải thể hoặc sáp nhập.');
  const children = await store.listChildren(ctx.db, u.id);
  if (children.length) throw conflict('unit.has_children', `Còn ${children.length} đơn vị trực thuộc đang hoạt động: hãy giải thể hoặc sáp nhập chúng trước.`);
  const activeUsers = await countActiveUsersOfUnit(ctx.db, u.id);
  if (activeUsers) throw conflict('unit.has_users', `Còn ${activeUsers} tài khoản đang hoạt động thuộc đơn vị: hãy chuyển hoặc khóa các tài khoản đó trước.`);
  return ctx.db.transaction().execute(async (tx) => {
    await store.updateUnit(tx, u.id, { status: 'retired' });
    await recordAudit(tx, ctx, { action: 'unit.retire', entityType: 'unit', entityId: u.id, unitId: u.id, before: { status: u.status }, after: { status: 'retired', reason: normalizeText(reason) } });
    await refreshStaleFindings(tx);
    return toView({ ...u, status: 'retired' });
  });
}

/** Reloads reference-data/ into the tree (system administrators, the local operator, the server preparing its database). */
export async function reloadReferenceData(ctx: Ctx) {
  if (!can(ctx.actor, 'administer', { unitPath: [] })) {
    throw ctx.actor ? forbidden('Chỉ quản trị hệ thống được nạp lại dữ liệu tham chiếu.') : unauthorized();
  }
  return ctx.db.transaction().execute(async (tx) => {
    const result = await store.loadReferenceTree(tx, loadReferenceUnits());
    await recordAudit(tx, ctx, { action: 'reference.reload', entityType: 'reference', entityId: null, unitId: null, after: { ...result } });
    await refreshStaleFindings(tx);
    return result;
  });
}

