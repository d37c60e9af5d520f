// HTTP of the AI-systems register: uses and products, classification, impact assessment, incidents, the public
// register, coverage. Schemas in src/contracts/ai-systems.ts; documents rendered in the worker pool.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../http/env.ts';
import type { AppDeps } from '../../http/app.ts';
import { defineRoute, IdParam } from '../../http/route.ts';
import { documentFileName } from '../../domain/file-name.ts';
import { asBuffer, runInWorker } from '../../workers/pool.ts';
import {
  Ai02InputSchema,
  AiProductListSchema,
  AiUseDetailSchema,
  AiUseListSchema,
  AssessmentSavedSchema,
  ClassificationSchema,
  ClassifySchema,
  CoverageQuerySchema,
  CoverageSchema,
  CreatedSchema,
  ImpactAssessmentSchema,
  IncidentCreatedSchema,
  IncidentInputSchema,
  ProductListQuerySchema,
  PublicAiSystemListSchema,
  PublicAiSystemQuerySchema,
  PublicAiSystemSchema,
  QuestionnaireSchema,
  RetireSchema,
  UseCreateSchema,
  UseListQuerySchema,
  UsePatchSchema,
} from '../../contracts/ai-systems.ts';
import * as uc from './use-cases/index.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['Hệ thống AI'];

function download(c: Context<AppEnv>, body: Buffer | string, type: string, name: string): Response {
  return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, {
    'content-type': type,
    'content-disposition': `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  });
}

const fileName = (kind: string, title: string, ext: string) => documentFileName({ kind, title, ext });

/** Static paths first: "/ai-systems/coverage" must not be read as "/ai-systems/{id}". */
function mountRegisterRoutes(app: OpenAPIHono<AppEnv>): void {
  mountRegisterListRoutes(app);
  mountRegisteredSystemRoutes(app);
}

function mountRegisterListRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/ai-products',
      operationId: 'listAiProducts',
      summary: 'Sản phẩm AI trong danh mục (dùng chung), với nội dung mẫu cho việc sử dụng mới',
      tags,
      query: ProductListQuerySchema,
      response: AiProductListSchema,
    },
    (c, { query }) => uc.listAiProducts(c.get('ctx'), query),
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/ai-systems/questionnaire',
      operationId: 'getAiQuestionnaire',
      summary: 'Bộ câu hỏi phân loại rủi ro (phiên bản hiện hành)',
      tags,
      response: QuestionnaireSchema,
    },
    (c) => uc.getAiQuestionnaire(c.get('ctx')),
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/ai-systems',
      operationId: 'listAiSystems',
      summary: 'Hệ thống AI các đơn vị đang sử dụng (trong phạm vi được xem)',
      tags,
      query: UseListQuerySchema,
      response: AiUseListSchema,
    },
    (c, { query }) => uc.listAiUses(c.get('ctx'), query),
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/ai-systems',
      operationId: 'createAiSystem',
      status: 201,
      tags,
      summary: 'Đăng ký việc sử dụng một hệ thống AI của đơn vị (sản phẩm có sẵn trong danh mục hoặc sản phẩm mới)',
      body: UseCreateSchema,
      response: CreatedSchema,
    },
    (c, { body }) => uc.createAiUse(c.get('ctx'), body),
  );
}

function mountRegisteredSystemRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/ai-systems/{id}',
      operationId: 'getAiSystem',
      summary: 'Một hệ thống AI của đơn vị: phân loại, đánh giá tác động, sự cố',
      tags,
      params: IdParam,
      response: AiUseDetailSchema,
    },
    (c, { params }) => uc.getAiUse(c.get('ctx'), params.id),
  );
  defineRoute(
    app,
    {
      method: 'patch',
      path: '/ai-systems/{id}',
      operationId: 'updateAiSystem',
      tags,
      summary:
        'Sửa thông tin, chuyển trạng thái (đưa vào sử dụng cần đánh giá tác động đã phê duyệt khi bắt buộc; lãnh đạo có thể quyết định kèm lý do)',
      params: IdParam,
      body: UsePatchSchema,
      response: z.object({ id: z.number(), assessmentDue: z.boolean(), changed: z.array(z.string()) }),
    },
    (c, { params, body }) => uc.updateAiUse(c.get('ctx'), params.id, body),
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/ai-systems/{id}/retire',
      operationId: 'retireAiSystem',
      summary: 'Ngừng sử dụng hệ thống AI (kèm lý do)',
      tags,
      params: IdParam,
      body: RetireSchema,
      response: z.object({ id: z.number(), status: z.literal('retired') }),
    },
    (c, { params, body }) => uc.retireAiUse(c.get('ctx'), params.id, body.reason),
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/ai-systems/{id}/publish',
      operationId: 'publishAiSystem',
      summary: 'Công khai hệ thống không bắt buộc đánh giá tác động (lãnh đạo)',
      tags,
      params: IdParam,
      response: z.object({ id: z.number(), publishedAt: z.string() }),
    },
    (c, { params }) => uc.publishAiUse(c.get('ctx'), params.id),
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/ai-systems/{id}/classification',
      operationId: 'classifyAiSystem',
      tags,
      summary: 'Phân loại rủi ro theo bộ câu hỏi: mức rủi ro, có bắt buộc đánh giá tác động không, lý do (điều khoản)',
      params: IdParam,
      body: ClassifySchema,
      response: ClassificationSchema,
    },
    (c, { params, body }) => uc.classifyAiUse(c.get('ctx'), params.id, body.answers),
  );
}

function mountAssessmentRoutes(app: OpenAPIHono<AppEnv>): void {
  const path = '/ai-systems/{id}/impact-assessment';
  defineRoute(
    app,
    {
      method: 'get',
      path,
      operationId: 'getAiImpactAssessment',
      summary: 'Báo cáo đánh giá tác động (Mẫu AI02): phiên bản hiện hành, nội dung điền sẵn, các phiên bản',
      tags,
      params: IdParam,
      response: ImpactAssessmentSchema,
    },
    (c, { params }) => uc.getImpactAssessment(c.get('ctx'), params.id),
  );
  defineRoute(
    app,
    {
      method: 'put',
      path,
      operationId: 'saveAiImpactAssessment',
      summary: 'Lưu dự thảo báo cáo đánh giá tác động (một phiên bản mới sau bản đã phê duyệt)',
      tags,
      params: IdParam,
      body: Ai02InputSchema,
      response: AssessmentSavedSchema,
    },
    (c, { params, body }) => uc.saveImpactAssessment(c.get('ctx'), params.id, body.content),
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: `${path}/approve`,
      operationId: 'approveAiImpactAssessment',
      summary: 'Lãnh đạo đơn vị phê duyệt báo cáo đánh giá tác động',
      tags,
      params: IdParam,
      response: AssessmentSavedSchema,
    },
    (c, { params }) => uc.approveImpactAssessment(c.get('ctx'), params.id),
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: `${path}/publish`,
      operationId: 'publishAiImpactAssessment',
      summary: 'Công khai báo cáo đã phê duyệt (và hệ thống trên trang công khai)',
      tags,
      params: IdParam,
      response: AssessmentSavedSchema,
    },
    (c, { params }) => uc.publishImpactAssessment(c.get('ctx'), params.id),
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/ai-systems/{id}/impact-assessment.docx',
      operationId: 'exportAiImpactAssessmentDocx',
      summary: 'Báo cáo đánh giá tác động theo Mẫu AI02 (DOCX)',
      tags,
      params: IdParam,
      produces: DOCX,
    },
    async (c, { params }) => {
      const document = await uc.impactAssessmentDocument(c.get('ctx'), params.id);
      const body = asBuffer(
        await runInWorker('renderAi02Docx', { document }, { subject: 'Báo cáo đánh giá tác động (DOCX)' }),
      );
      return download(c, body, DOCX, fileName('Mẫu AI02', document.systemName, 'docx'));
    },
  );
}

function mountIncidentRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  defineRoute(
    app,
    {
      method: 'post',
      path: '/ai-systems/{id}/incidents',
      operationId: 'reportAiIncident',
      status: 201,
      tags,
      summary:
        'Báo cáo sự cố; sự cố nghiêm trọng có thời hạn báo cáo (72 giờ, 05 ngày làm việc, 15 ngày) và được gửi ngay cho lãnh đạo đơn vị, đơn vị đầu mối',
      params: IdParam,
      body: IncidentInputSchema,
      response: IncidentCreatedSchema,
    },
    (c, { params, body }) => uc.reportAiIncident(c.get('ctx'), params.id, body, deps.config),
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/ai-incidents/{id}/close',
      operationId: 'closeAiIncident',
      summary: 'Đóng sự cố (đã báo cáo chính thức về khắc phục)',
      tags,
      params: IdParam,
      response: z.object({ id: z.number(), status: z.literal('closed') }),
    },
    (c, { params }) => uc.closeAiIncident(c.get('ctx'), params.id),
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/ai-incidents/{id}/report.docx',
      operationId: 'exportAiIncidentDocx',
      summary: 'Báo cáo sự cố nghiêm trọng (DOCX)',
      tags,
      params: IdParam,
      produces: DOCX,
    },
    async (c, { params }) => {
      const document = await uc.incidentReportDocument(c.get('ctx'), params.id);
      const body = asBuffer(
        await runInWorker('renderAiIncidentDocx', { document }, { subject: 'Báo cáo sự cố (DOCX)' }),
      );
      return download(c, body, DOCX, `bao-cao-su-co-${params.id}.docx`);
    },
  );
}

function mountCoverageAndPublicRoutes(app: OpenAPIHono<AppEnv>): void {
  mountCoverageRoutes(app);
  mountPublicRoutes(app);
}

function mountCoverageRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/ai-systems/coverage',
      operationId: 'getAiCoverage',
      tags,
      query: CoverageQuerySchema,
      response: CoverageSchema,
      summary:
        'Tình hình theo xã, phường, cơ quan: số hệ thống, mức rủi ro, đánh giá tác động cần lập / đã duyệt / quá hạn, sự cố đang mở',
    },
    (c, { query }) => uc.aiCoverage(c.get('ctx'), query.unitId),
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/ai-systems/coverage.xlsx',
      operationId: 'exportAiCoverageXlsx',
      summary: 'Tình hình sử dụng hệ thống AI (XLSX)',
      tags,
      query: CoverageQuerySchema,
      produces: XLSX,
    },
    async (c, { query }) => {
      const coverage = await uc.aiCoverage(c.get('ctx'), query.unitId);
      const body = asBuffer(
        await runInWorker('renderAiCoverageXlsx', { coverage }, { subject: 'Tình hình hệ thống AI (XLSX)' }),
      );
      return download(c, body, XLSX, fileName('Hệ thống AI', coverage.unit.name, 'xlsx'));
    },
  );
}

function mountPublicRoutes(app: OpenAPIHono<AppEnv>): void {
  const publicTags = ['Hệ thống AI', 'Dữ liệu mở'];
  defineRoute(
    app,
    {
      method: 'get',
      path: '/public/ai-systems',
      operationId: 'listPublicAiSystems',
      tags: publicTags,
      query: PublicAiSystemQuerySchema,
      response: PublicAiSystemListSchema,
      summary:
        'Danh sách công khai các hệ thống AI cơ quan nhà nước trên địa bàn sử dụng (tìm không dấu; lọc theo đơn vị, mức rủi ro; không có ghi chú nội bộ, hợp đồng)',
    },
    (c, { query }) => uc.listPublicAiSystems(c.get('ctx'), query),
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/public/ai-systems/{id}',
      operationId: 'getPublicAiSystem',
      tags: publicTags,
      params: IdParam,
      response: PublicAiSystemSchema,
      summary: 'Một hệ thống AI đã công khai',
    },
    (c, { params }) => uc.getPublicAiSystem(c.get('ctx'), params.id),
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/public/ai-systems.csv',
      operationId: 'exportPublicAiSystemsCsv',
      summary: 'Danh sách công khai các hệ thống AI (CSV, UTF-8)',
      tags: publicTags,
      produces: 'text/csv',
    },
    async (c) =>
      download(c, await uc.publicAiSystemsCsv(c.get('ctx')), 'text/csv; charset=utf-8', 'he-thong-ai-cong-khai.csv'),
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/public/ai-systems/{id}/impact-assessment.docx',
      operationId: 'exportPublicAiImpactAssessmentDocx',
      tags: publicTags,
      summary: 'Báo cáo đánh giá tác động đã công khai (Mẫu AI02, DOCX)',
      params: IdParam,
      produces: DOCX,
    },
    async (c, { params }) => {
      const document = await uc.publicImpactAssessmentDocument(c.get('ctx'), params.id);
      const body = asBuffer(
        await runInWorker('renderAi02Docx', { document }, { subject: 'Báo cáo đánh giá tác động (DOCX)' }),
      );
      return download(c, body, DOCX, fileName('Mẫu AI02', document.systemName, 'docx'));
    },
  );
}

export function aiSystemsRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  mountCoverageAndPublicRoutes(app);
  mountRegisterRoutes(app);
  mountAssessmentRoutes(app);
  mountIncidentRoutes(app, deps);
}
