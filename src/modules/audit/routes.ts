import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { defineRoute } from '../../http/route.ts';
import { AuditQuerySchema, AuditRowSchema } from '../../contracts/audit.ts';
import { listAuditFor } from './service.ts';

export function auditRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/audit',
      operationId: 'listAudit',
      summary: 'Nhật ký thay đổi (chỉ đọc) trong phạm vi quản trị',
      tags: ['Nhật ký'],
      query: AuditQuerySchema,
      response: z.array(AuditRowSchema),
    },
    (c, { query }) => listAuditFor(c.get('ctx'), query),
  );
}
