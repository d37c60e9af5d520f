import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { defineRoute } from '../../http/route.ts';
import { LOCAL_TOKEN_HEADER } from './local-token.ts';
import { backupFileName } from './schedule.ts';
import * as service from './service.ts';

export function backupRoutes(app: OpenAPIHono<AppEnv>, deps: { backend: string }): void {
  defineRoute(
    app,
    {
      method: 'post',
      path: '/admin/backup',
      operationId: 'createBackup',
      tags: ['Hệ thống'],
      produces: 'application/gzip',
      summary:
        'Sao lưu toàn bộ dữ liệu, kể cả tệp minh chứng (tệp .tar.gz; chỉ quản trị hệ thống). Khôi phục bằng: thihanh restore TỆP',
    },
    async (c) => {
      // The local token only stands for the owner of an embedded data directory; on PostgreSQL the CLI connects itself.
      const dataDir = deps.backend === 'pglite' ? c.get('config').dataDir : null;
      const caller = await service.backupCaller(c.get('ctx'), dataDir, c.req.header(LOCAL_TOKEN_HEADER));
      const file = await service.backupForDownload(caller, deps.backend);
      return new Response(file.stream, {
        headers: {
          'content-type': 'application/gzip',
          'content-length': String(file.bytes),
          'content-disposition': `attachment; filename="${backupFileName(new Date(file.manifest.createdAt))}"`,
          'cache-control': 'no-store',
        },
      });
    },
  );
}
