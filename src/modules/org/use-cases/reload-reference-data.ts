import { forbidden, unauthorized } from '../../../domain/errors.ts';
import { can } from '../../../domain/permissions.ts';
import { recordAudit } from '../../audit/index.ts';
import type { Ctx } from '../../context.ts';
// Not through plans' entry: plans uses org's entry, and org reaching back through it would close an import cycle
// (org → plans → org). Goes when checks on stored findings stop depending on the unit register (issue 14, item 3).
import { refreshStaleFindings } from '../../plans/findings.ts';
import { loadReferenceUnits } from '../reference-data.ts';
import * as store from '../store.ts';

/** Reloads reference-data/ into the tree (system administrators, the local operator, the server preparing its database). */
export async function reloadReferenceData(ctx: Ctx) {
  if (!can(ctx.actor, 'administer', { unitPath: [] })) {
    throw ctx.actor ? forbidden('Chỉ quản trị hệ thống được nạp lại dữ liệu tham chiếu.') : unauthorized();
  }
  return ctx.db.transaction().execute(async (tx) => {
    const result = await store.loadReferenceTree(tx, loadReferenceUnits());
    await recordAudit(tx, ctx, {
      action: 'reference.reload',
      entityType: 'reference',
      entityId: null,
      unitId: null,
      after: { ...result },
    });
    await refreshStaleFindings(tx);
    return result;
  });
}
