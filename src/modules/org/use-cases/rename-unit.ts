import { invalid } from '../../../domain/errors.ts';
import { nameKey } from '../../../domain/input-text.ts';
import { formatDateVi, normalizeText } from '../../../domain/text.ts';
import { recordAudit } from '../../audit/index.ts';
import { authorize, type Ctx } from '../../context.ts';
// Not through plans' entry: plans uses org's entry, and org reaching back through it would close an import cycle
// (org → plans → org). Goes when checks on stored findings stop depending on the unit register (issue 14, item 3).
import { refreshStaleFindings } from '../../plans/findings.ts';
import * as store from '../store.ts';
import { assertBelowOwn, assertNameFree, mustGet, toView } from './unit-view.ts';

export async function renameUnit(ctx: Ctx, id: number, input: { name: string; shortName?: string }) {
  const u = await mustGet(ctx, id);
  authorize(ctx, 'manageUnits', { unitPath: u.path });
  assertBelowOwn(ctx, u);
  const name = normalizeText(input.name);
  const shortName = normalizeText(input.shortName ?? '') || (u.short_name === u.name ? name : u.short_name);
  if (name === u.name && shortName === u.short_name)
    throw invalid('unit.unchanged', 'Tên mới trùng với tên hiện tại.', [
      { path: 'name', message: 'Hãy nhập tên khác tên hiện tại.' },
    ]);
  const parent = u.parent_id === null ? undefined : await store.getUnit(ctx.db, u.parent_id);
  return ctx.db.transaction().execute(async (tx) => {
    if (parent && nameKey(name) !== nameKey(u.name)) {
      await store.lockUnit(tx, parent.id);
      await assertNameFree(tx, parent, name, u.id);
    }
    // History is kept: the old name stays findable as a former name.
    await store.insertAlias(tx, u.id, {
      name: u.name,
      kind: 'former',
      note: `Tên cũ, đổi ngày ${formatDateVi(new Date().toISOString())}`,
    });
    await store.updateUnit(tx, u.id, { name, short_name: shortName });
    await store.reindexUnit(tx, u.id);
    await recordAudit(tx, ctx, {
      action: 'unit.rename',
      entityType: 'unit',
      entityId: u.id,
      unitId: u.id,
      before: { name: u.name, shortName: u.short_name },
      after: { name, shortName },
    });
    await refreshStaleFindings(tx);
    return toView({ ...u, name, short_name: shortName });
  });
}
