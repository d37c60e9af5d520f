// The public face of plans: the index of issued plans and each plan's progress. Anonymous, counts only.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { defineRoute, IdParam } from '../../http/route.ts';
import { PublicProgressQuerySchema, PublicProgressSchema, type PublicProgress } from '../../contracts/reporting.ts';
import { PublicPlanListQuerySchema, PublicPlanListSchema, type PublicPlanList } from '../../contracts/public-plans.ts';
import { publicProgress } from './use-cases/dashboard.ts';
import { listPublicPlans } from './use-cases/public-plans.ts';

const tags = ['Báo cáo', 'Dữ liệu mở'];

export function mountPublicPlanRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/public/plans',
      operationId: 'listPublicPlans',
      tags,
      summary: 'Danh sách công khai các kế hoạch đã ban hành: cơ quan ban hành, số, ngày và tiến độ chung',
      query: PublicPlanListQuerySchema,
      response: PublicPlanListSchema,
    },
    (c, { query }) => listPublicPlans(c.get('ctx'), query) satisfies Promise<PublicPlanList>,
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/public/plans/{id}/progress',
      operationId: 'getPublicPlanProgress',
      tags,
      params: IdParam,
      summary: 'Tiến độ công khai của kế hoạch đã ban hành: tỷ lệ đơn vị hoàn thành theo từng nhiệm vụ',
      query: PublicProgressQuerySchema,
      response: PublicProgressSchema,
    },
    (c, { params, query }) => publicProgress(c.get('ctx'), params.id, query) satisfies Promise<PublicProgress>,
  );
}
