import { canMerge } from '../../../domain/org/rules.ts';
import { UNIT_KIND_LABEL, type UnitKind } from '../../../domain/org/unit.ts';
import { conflict, invalid } from '../../../domain/errors.ts';
import { formatDateVi } from '../../../domain/text.ts';
import { recordAudit } from '../../audit/index.ts';
import { authorize, type Ctx } from '../../context.ts';
// Not through plans' entry: plans uses org's entry, and org reaching back through it would close an import cycle
// (org → plans → org). Goes when checks on stored findings stop depending on the unit register (issue 14, item 3).
import { refreshStaleFindings } from '../../plans/findings.ts';
import { moveUsersToUnit } from '../../users/index.ts';
import * as store from '../store.ts';
import { assertBelowOwn, mustGet, toView } from './unit-view.ts';

export async function mergeUnit(ctx: Ctx, id: number, intoId: number) {
  const [u, into] = [await mustGet(ctx, id), await mustGet(ctx, intoId)];
  authorize(ctx, 'manageUnits', { unitPath: u.path });
  authorize(ctx, 'manageUnits', { unitPath: into.path });
  assertBelowOwn(ctx, u);
  if (id === intoId)
    throw invalid('unit.merge_self', 'Không thể sáp nhập một đơn vị vào chính nó.', [
      { path: 'intoId', message: 'Chọn đơn vị khác.' },
    ]);
  if (u.status !== 'active' || into.status !== 'active')
    throw conflict('unit.inactive', 'Chỉ sáp nhập giữa các đơn vị đang hoạt động.');
  if (into.path.includes(u.id))
    throw invalid('unit.merge_into_descendant', 'Không thể sáp nhập một đơn vị vào đơn vị cấp dưới của nó.');
  if (!canMerge(u.kind as UnitKind, into.kind as UnitKind)) {
    throw invalid(
      'unit.merge_kind',
      `Không thể sáp nhập ${UNIT_KIND_LABEL[u.kind as UnitKind]} vào ${UNIT_KIND_LABEL[into.kind as UnitKind]}.`,
    );
  }
  return ctx.db.transaction().execute(async (tx) => {
    const children = await store.moveActiveChildren(tx, u.id, into.id);
    const users = await moveUsersToUnit(tx, u.id, into.id);
    await store.updateUnit(tx, u.id, { status: 'merged', merged_into_id: into.id });
    await store.insertAlias(tx, into.id, {
      name: u.name,
      kind: 'former',
      note: `Sáp nhập ngày ${formatDateVi(new Date().toISOString())} (mã ${u.code})`,
    });
    await store.recomputePaths(tx);
    await store.reindexUnit(tx, into.id);
    await store.reindexUnit(tx, u.id);
    await recordAudit(tx, ctx, {
      action: 'unit.merge',
      entityType: 'unit',
      entityId: u.id,
      unitId: into.id,
      before: { status: u.status, parentId: u.parent_id },
      after: { status: 'merged', mergedIntoId: into.id, movedChildren: children, movedUsers: users },
    });
    await refreshStaleFindings(tx);
    return {
      unit: toView({ ...u, status: 'merged', merged_into_id: into.id }),
      movedChildren: children.length,
      movedUsers: users.length,
    };
  });
}
