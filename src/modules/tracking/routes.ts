import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { defineRoute, IdParam } from '../../http/route.ts';
import { contentDisposition } from '../../domain/tracking/evidence.ts';
import {
  AssignmentDetailQuerySchema,
  AssignmentDetailSchema,
  AssignmentListQuerySchema,
  AssignmentListSchema,
  ObstacleAnswerInputSchema,
  ObstacleAnswerSchema,
  ObstacleListQuerySchema,
  ObstacleListSchema,
  ProgressUpdateInputSchema,
  ProgressUpdateResultSchema,
  type AssignmentDetail,
  type AssignmentList,
  type ObstacleAnswer,
  type ObstacleList,
  type ProgressUpdateResult,
} from '../../contracts/tracking.ts';
import * as service from './service.ts';

const tags = ['Theo dõi thực hiện'];

// Answers follow src/contracts (checked at run time in tests); `satisfies` also holds the services' types to them.
export function trackingRoutes(app: OpenAPIHono<AppEnv>): void {
  mountAssignmentRoutes(app);
  mountEvidenceRoutes(app);
  mountObstacleRoutes(app);
}

function mountAssignmentRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/assignments',
      operationId: 'listAssignments',
      summary: 'Danh sách nhiệm vụ được giao, với hạn, tình trạng (tính theo ngày), tiến độ',
      tags,
      query: AssignmentListQuerySchema,
      response: AssignmentListSchema,
    },
    (c, { query }) => service.listAssignmentsFor(c.get('ctx'), query) satisfies Promise<AssignmentList>,
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/assignments/{id}',
      operationId: 'getAssignment',
      summary: 'Nhiệm vụ được giao: nhiệm vụ, kế hoạch, các lần cập nhật, sản phẩm, minh chứng, khó khăn',
      tags,
      params: IdParam,
      query: AssignmentDetailQuerySchema,
      response: AssignmentDetailSchema,
    },
    (c, { params, query }) =>
      service.getAssignmentDetail(c.get('ctx'), params.id, query.year) satisfies Promise<AssignmentDetail>,
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/assignments/{id}/updates',
      operationId: 'addProgressUpdate',
      status: 201,
      tags,
      summary:
        'Cập nhật tiến độ: kết quả, sản phẩm, minh chứng (PDF, DOCX, XLSX, JPEG, PNG; tối đa 10 MB mỗi tệp, 5 tệp, 20 MB mỗi lần), khó khăn, đề xuất',
      params: IdParam,
      body: ProgressUpdateInputSchema,
      response: ProgressUpdateResultSchema,
    },
    (c, { params, body }) =>
      service.addProgressUpdate(c.get('ctx'), params.id, body) satisfies Promise<ProgressUpdateResult>,
  );
}

function mountEvidenceRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/evidence/{id}',
      operationId: 'downloadEvidence',
      summary: 'Tải tệp minh chứng',
      tags,
      params: IdParam,
      produces: 'application/octet-stream',
    },
    async (c, { params }) => {
      const e = await service.evidenceForDownload(c.get('ctx'), params.id);
      return c.body(new Uint8Array(e.content), 200, {
        'content-type': e.mime,
        'content-length': String(e.content.length),
        'content-disposition': contentDisposition(e.filename),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
        'content-security-policy': "default-src 'none'; sandbox",
      });
    },
  );
}

function mountObstacleRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/obstacles',
      operationId: 'listObstacles',
      summary: 'Khó khăn, vướng mắc và đề xuất: gửi đến đơn vị mình (inbox) hoặc do đơn vị mình gửi (outbox)',
      tags,
      query: ObstacleListQuerySchema,
      response: ObstacleListSchema,
    },
    (c, { query }) => service.listObstaclesFor(c.get('ctx'), query) satisfies Promise<ObstacleList>,
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/obstacles/{id}/answer',
      operationId: 'answerObstacle',
      summary: 'Trả lời khó khăn, đề xuất (đơn vị tiếp nhận)',
      tags,
      params: IdParam,
      body: ObstacleAnswerInputSchema,
      response: ObstacleAnswerSchema,
    },
    (c, { params, body }) =>
      service.answerObstacle(c.get('ctx'), params.id, body.answer) satisfies Promise<ObstacleAnswer>,
  );
}
