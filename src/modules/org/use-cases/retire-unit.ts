import { conflict } from '../../../domain/errors.ts';
import { normalizeText } from '../../../domain/text.ts';
import { recordAudit } from '../../audit/index.ts';
import { authorize, type Ctx } from '../../context.ts';
// Not through plans' entry: plans uses org's entry, and org reaching back through it would close an import cycle
// (org → plans → org). Goes when checks on stored findings stop depending on the unit register (issue 14, item 3).
import { refreshStaleFindings } from '../../plans/findings.ts';
import { countActiveUsersOfUnit } from '../../users/index.ts';
import * as store from '../store.ts';
import { assertBelowOwn, mustGet, toView } from './unit-view.ts';

export async function retireUnit(ctx: Ctx, id: number, reason: string) {
  const u = await mustGet(ctx, id);
  authorize(ctx, 'manageUnits', { unitPath: u.path });
  assertBelowOwn(ctx, u);
  if (u.status !== 'active') throw conflict('unit.inactive', 'Đơn vị này đã giải thể hoặc sáp nhập.');
  const children = await store.listChildren(ctx.db, u.id);
  if (children.length)
    throw conflict(
      'unit.has_children',
      `Còn ${children.length} đơn vị trực thuộc đang hoạt động: hãy giải thể hoặc sáp nhập chúng trước.`,
    );
  const activeUsers = await countActiveUsersOfUnit(ctx.db, u.id);
  if (activeUsers)
    throw conflict(
      'unit.has_users',
      `Còn ${activeUsers} tài khoản đang hoạt động thuộc đơn vị: hãy chuyển hoặc khóa các tài khoản đó trước.`,
    );
  return ctx.db.transaction().execute(async (tx) => {
    await store.updateUnit(tx, u.id, { status: 'retired' });
    await recordAudit(tx, ctx, {
      action: 'unit.retire',
      entityType: 'unit',
      entityId: u.id,
      unitId: u.id,
      before: { status: u.status },
      after: { status: 'retired', reason: normalizeText(reason) },
    });
    await refreshStaleFindings(tx);
    return toView({ ...u, status: 'retired' });
  });
}
