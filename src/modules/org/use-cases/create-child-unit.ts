import { allowedChildKinds, childCode } from '../../../domain/org/rules.ts';
import { UNIT_KIND_LABEL, type UnitKind } from '../../../domain/org/unit.ts';
import { conflict, invalid } from '../../../domain/errors.ts';
import { normalizeText } from '../../../domain/text.ts';
import { recordAudit } from '../../audit/index.ts';
import { authorize, type Ctx } from '../../context.ts';
// Not through plans' entry: plans uses org's entry, and org reaching back through it would close an import cycle
// (org → plans → org). Goes when checks on stored findings stop depending on the unit register (issue 14, item 3).
import { refreshStaleFindings } from '../../plans/findings.ts';
import * as store from '../store.ts';
import { assertNameFree, mustGet, toView } from './unit-view.ts';

export async function createChildUnit(
  ctx: Ctx,
  parentId: number,
  input: { kind: UnitKind; name: string; shortName?: string },
) {
  const parent = await mustGet(ctx, parentId);
  authorize(ctx, 'manageUnits', { unitPath: parent.path });
  if (parent.status !== 'active')
    throw conflict('unit.inactive', 'Không thể thêm đơn vị vào một đơn vị đã giải thể hoặc sáp nhập.');
  const allowed = allowedChildKinds(parent.kind as UnitKind);
  if (!allowed.includes(input.kind)) {
    throw invalid('unit.kind_not_allowed', `Không thể thêm "${UNIT_KIND_LABEL[input.kind]}" vào ${parent.name}.`, [
      {
        path: 'kind',
        message: allowed.length
          ? `Chỉ được thêm: ${allowed.map((k) => UNIT_KIND_LABEL[k]).join(', ')}.`
          : 'Đơn vị này không có đơn vị cấp dưới.',
      },
    ]);
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
    const row = await store.insertUnit(tx, {
      parentId: parent.id,
      parentPath: parent.path,
      kind: input.kind,
      code,
      name,
      shortName,
    });
    await store.reindexUnit(tx, row.id);
    await recordAudit(tx, ctx, {
      action: 'unit.create',
      entityType: 'unit',
      entityId: row.id,
      unitId: row.id,
      after: { code, name, shortName, kind: input.kind, parentId },
    });
    await refreshStaleFindings(tx); // open plans name units: their stored findings follow the register
    return toView(row);
  });
}
