// Reading the audit trail: unit admins see the changes of their subtree, system administrators everything.
import type { AuditQuery, AuditRow } from '../../contracts/audit.ts';
import { forbidden, notFound } from '../../domain/errors.ts';
import { scopeRoots } from '../../domain/permissions.ts';
import { authorize, requireActor, type Ctx } from '../context.ts';
import { getUnit } from '../org/index.ts';
import { listAudit } from './store.ts';

export async function listAuditFor(ctx: Ctx, query: AuditQuery): Promise<AuditRow[]> {
  const roots = scopeRoots(requireActor(ctx), 'readAudit');
  if (roots !== 'all' && roots.length === 0)
    throw forbidden('Chỉ quản trị đơn vị hoặc quản trị hệ thống được xem nhật ký.');
  if (query.unitId) {
    const unit = await getUnit(ctx.db, query.unitId);
    if (!unit) throw notFound('đơn vị');
    authorize(ctx, 'readAudit', { unitPath: unit.path });
  }
  const rows = await listAudit(ctx.db, { ...query, scopeRoots: roots });
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }) as AuditRow);
}
