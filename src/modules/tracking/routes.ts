import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { defineRoute, IdParam } from '../../http/route.ts';
import { Base64, FileName, LongText, ShortText } from '../../contracts/common.ts';
import { DELIVERABLE_KINDS, OBSTACLE_STATUSES, TASK_STATUSES } from '../../domain/tracking/model.ts';
import { contentDisposition, EVIDENCE_MAX_FILES } from '../../domain/tracking/evidence.ts';
import {
  AssignmentDetailSchema, AssignmentListSchema, ObstacleAnswerSchema, ObstacleListSchema,
  ProgressUpdateResultSchema, type AssignmentDetail, type AssignmentList, type ObstacleAnswer,
  type ObstacleList, type ProgressUpdateResult,
} from '../../contracts/tracking.ts';
import * as service from './service.ts';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải theo dạng YYYY-MM-DD.');
const Id = z.coerce.number().int().positive().max(2_147_483_647);
const Year = z.coerce.number().int().min(2000).max(2100);
const Limit = z.coerce.number().int().min(1).max(2000).default(200);
const Offset = z.coerce.number().int().min(0).max(1_000_000).default(0);
const Link = ShortText(2000).url('Đường dẫn không hợp lệ.').refine((u) => /^https?:\/\//i.test(u), 'Đường dẫn phải bắt đầu bằng http:// hoặc https://.');
const OptionalText = (max: number) => ShortText(max).nullable().optional();

const DeliverableSchema = z.object({
  kind: z.enum(DELIVERABLE_KINDS),
  title: ShortText(500, 1),
  occurredOn: IsoDate,
  participants: z.number().int().min(0).max(10_000_000).nullable().optional(),
  documentNumber: OptionalText(100),
  link: Link.nullable().optional(),
}).strict();

// 10 MB of file is 13 981 016 base64 characters; the service names the file and its size when it is larger.
const EvidenceSchema = z.object({
  filename: FileName(255),
  mime: ShortText(200, 1),
  contentBase64: Base64(14_500_000),
}).strict();

const UpdateSchema = z.object({
  percent: z.number().int().min(0).max(100),
  narrative: LongText(20_000).default(''),
  completed: z.boolean().default(false),
  occurredOn: IsoDate,
  deliverables: z.array(DeliverableSchema).max(50).default([]),
  evidence: z.array(EvidenceSchema).max(EVIDENCE_MAX_FILES, `Mỗi lần cập nhật đính kèm tối đa ${EVIDENCE_MAX_FILES} tệp minh chứng.`).default([]),
  obstacles: z.array(z.object({ kind: z.enum(['difficulty', 'proposal']), content: LongText(5000, 5) }).strict()).max(20).default([]),
}).strict();

// Answers follow src/contracts (checked at run time in tests); `satisfies` also holds the services' types to them.
export function trackingRoutes(app: OpenAPIHono<AppEnv>): void {
  const tags = ['Theo dõi thực hiện'];

  defineRoute(app, {
    method: 'get', path: '/assignments', operationId: 'listAssignments', summary: 'Danh sách nhiệm vụ được giao, với hạn, tình trạng (tính theo ngày), tiến độ', tags,
    query: z.object({
      unitId: Id.optional(), planId: Id.optional(), status: z.enum(TASK_STATUSES).optional(), year: Year.optional(), limit: Limit, offset: Offset,
    }),
    response: AssignmentListSchema,
  }, (c, { query }) => service.listAssignmentsFor(c.get('ctx'), query) satisfies Promise<AssignmentList>);

  defineRoute(app, {
    method: 'get', path: '/assignments/{id}', operationId: 'getAssignment', summary: 'Nhiệm vụ được giao: nhiệm vụ, kế hoạch, các lần cập nhật, sản phẩm, minh chứng, khó khăn', tags,
    params: IdParam, query: z.object({ year: Year.optional() }), response: AssignmentDetailSchema,
  }, (c, { params, query }) => service.getAssignmentDetail(c.get('ctx'), params.id, query.year) satisfies Promise<AssignmentDetail>);

  defineRoute(app, {
    method: 'post', path: '/assignments/{id}/updates', operationId: 'addProgressUpdate', status: 201, tags,
    summary: 'Cập nhật tiến độ: kết quả, sản phẩm, minh chứng (PDF, DOCX, XLSX, JPEG, PNG; tối đa 10 MB mỗi tệp, 5 tệp, 20 MB mỗi lần), khó khăn, đề xuất',
    params: IdParam, body: UpdateSchema, response: ProgressUpdateResultSchema,
  }, (c, { params, body }) => service.addProgressUpdate(c.get('ctx'), params.id, body) satisfies Promise<ProgressUpdateResult>);

  defineRoute(app, {
    method: 'get', path: '/evidence/{id}', operationId: 'downloadEvidence', summary: 'Tải tệp minh chứng', tags, params: IdParam, produces: 'application/octet-stream',
  }, async (c, { params }) => {
    const e = await service.evidenceForDownload(c.get('ctx'), params.id);
    return c.body(new Uint8Array(e.content), 200, {
      'content-type': e.mime,
      'content-length': String(e.content.length),
      'content-disposition': contentDisposition(e.filename),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      'content-security-policy': "default-src 'none'; sandbox",
    });
  });

  defineRoute(app, {
    method: 'get', path: '/obstacles', operationId: 'listObstacles', summary: 'Khó khăn, vướng mắc và đề xuất: gửi đến đơn vị mình (inbox) hoặc do đơn vị mình gửi (outbox)', tags,
    query: z.object({ box: z.enum(['inbox', 'outbox']).default('inbox'), status: z.enum(OBSTACLE_STATUSES).optional(), limit: Limit, offset: Offset }),
    response: ObstacleListSchema,
  }, (c, { query }) => service.listObstaclesFor(c.get('ctx'), query) satisfies Promise<ObstacleList>);

  defineRoute(app, {
    method: 'post', path: '/obstacles/{id}/answer', operationId: 'answerObstacle', summary: 'Trả lời khó khăn, đề xuất (đơn vị tiếp nhận)', tags, params: IdParam,
    body: z.object({ answer: LongText(10_000, 5) }).strict(), response: ObstacleAnswerSchema,
  }, (c, { params, body }) => service.answerObstacle(c.get('ctx'), params.id, body.answer) satisfies Promise<ObstacleAnswer>);
}
