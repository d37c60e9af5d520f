import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { defineRoute } from '../../http/route.ts';
import { Code } from '../../contracts/common.ts';
import { scopeRoots } from '../../domain/permissions.ts';
import { forbidden, notFound } from '../../domain/errors.ts';
import { authorize, requireActor } from '../context.ts';
import { getUnit } from '../org/index.ts';
import { listAudit } from './store.ts';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải theo dạng YYYY-MM-DD.');

export function auditRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(app, {
    method: 'get', path: '/audit', operationId: 'listAudit', summary: 'Nhật ký thay đổi (chỉ đọc) trong phạm vi quản trị', tags: ['Nhật ký'],
    query: z.object({
      action: Code(60).optional(), entityType: Code(40).optional(), entityId: Code(40).optional(),
      actor: Code(60).optional(), unitId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
      from: IsoDate.optional(), to: IsoDate.optional(), limit: z.coerce.number().int().min(1).max(500).default(100),
      beforeId: z.coerce.number().int().positive().optional(),
    }),
  }, async (c, { query }) => {
    const ctx = c.get('ctx');
    const roots = scopeRoots(requireActor(ctx), 'readAudit');
    if (roots !== 'all' && roots.length === 0) throw forbidden('Chỉ quản trị đơn vị hoặc quản trị hệ thống được xem nhật ký.');
    if (query.unitId) {
      const unit = await getUnit(ctx.db, query.unitId);
      if (!unit) throw notFound('đơn vị');
      authorize(ctx, 'readAudit', { unitPath: unit.path });
    }
    const rows = await listAudit(ctx.db, { ...query, scopeRoots: roots });
    return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
  });
}
