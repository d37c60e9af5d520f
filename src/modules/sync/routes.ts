// HTTP of the sync module: the province's delivery status under /sync, and the national node's federated API under
// /national/v1 (src/modules/sync/national-routes.ts).
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import type { AppDeps } from '../../http/app.ts';
import { defineRoute, IdParam } from '../../http/route.ts';
import { SyncReportSchema, type SyncReport } from '../../contracts/sync.ts';
import { retryDelivery, syncReport } from './use-cases/status.ts';
import { mountNationalRoutes } from './national-routes.ts';

const tags = ['Kết nối CSDL quốc gia'];

export function syncRoutes(api: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  defineRoute(
    api,
    {
      method: 'get',
      path: '/sync/status',
      operationId: 'getSyncStatus',
      tags,
      summary:
        'Tình trạng gửi dữ liệu lên cơ sở dữ liệu quốc gia: số thay đổi chờ gửi, đã nhận, bị từ chối và 50 thay đổi gần nhất',
      response: SyncReportSchema,
    },
    (c) => syncReport(c.get('ctx'), deps.config) satisfies Promise<SyncReport>,
  );
  defineRoute(
    api,
    {
      method: 'post',
      path: '/sync/retry/{id}',
      operationId: 'retrySyncDelivery',
      tags,
      summary: 'Gửi lại một thay đổi đã bị cơ sở dữ liệu quốc gia từ chối (quản trị hệ thống)',
      params: IdParam,
      response: z.object({ id: z.number().int(), status: z.literal('pending') }).strict(),
    },
    (c, { params }) => retryDelivery(c.get('ctx'), params.id),
  );
  mountNationalRoutes(api, deps);
}
