import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../http/env.ts';
import { defineRoute, IdParam } from '../../http/route.ts';
import { planDraftSchema } from '../../domain/plan/schema.ts';
import { Base64, Code, FileName, LongText, Name, SearchQuery, ShortText } from '../../contracts/common.ts';
import { PLAN_STATUSES } from '../../domain/plan/model.ts';
import {
  CascadePreviewSchema, CascadeResultSchema, CascadeRulesSavedSchema, CascadeRulesSchema, LintResultSchema, ParentChangeResolvedSchema,
  PlanComparisonSchema, PlanDetailSchema, PlanImportResultSchema, PlanListSchema, PlanRefSchema, PlanTransitionedSchema,
  type CascadePreview, type CascadeResult, type CascadeRules, type CascadeRulesSaved, type LintResult, type ParentChangeResolved,
  type PlanComparison, type PlanDetail, type PlanImportResult, type PlanList, type PlanRef, type PlanTransitioned,
} from '../../contracts/plans.ts';
import { invalid } from '../../domain/errors.ts';
import { fold } from '../../domain/text.ts';
import { asBuffer, runInWorker } from '../../workers/pool.ts';
import { renderOptions } from './render-options.ts';
import * as service from './service.ts';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải theo dạng YYYY-MM-DD.');
const Draft = planDraftSchema;

/** A rule as sent (the answers' CascadeRule is in the contract). */
const CascadeRuleInput = z.object({
  fromCode: Code(40).optional(),
  fromText: ShortText(300).optional(),
  toOffice: z.object({ 'xã': Code(20, 1), 'phường': Code(20, 1) }).optional(),
  toText: LongText(300, 0, false).optional(),
  textOnly: z.boolean().optional(),
  in: z.array(z.enum(['title', 'content', 'deliverables', 'sections'])).optional(),
  note: LongText(500).optional(),
}).strict();

function fileName(title: string, ext: string): string {
  const slug = fold(title).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'ke-hoach';
  return `${slug}.${ext}`;
}

function download(c: Context<AppEnv>, body: Buffer, type: string, name: string): Response {
  return c.body(new Uint8Array(body), 200, {
    'content-type': type,
    'content-disposition': `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  });
}

// Answers follow src/contracts (checked at run time in tests); `satisfies` also holds the service's types to them.
// The files (export.docx, export.xlsx) have no JSON answer; export.json follows schemas/plan.schema.json.
export function planRoutes(app: OpenAPIHono<AppEnv>): void {
  const tags = ['Kế hoạch'];

  defineRoute(app, {
    method: 'get', path: '/plans', operationId: 'listPlans', summary: 'Danh sách kế hoạch (đã ban hành, và của đơn vị mình)', tags,
    query: z.object({
      unitId: z.coerce.number().int().positive().max(2_147_483_647).optional(), status: z.enum(PLAN_STATUSES).optional(),
      year: z.coerce.number().int().min(2000).max(2100).optional(), q: SearchQuery(200).optional(),
      parentPlanId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(50), offset: z.coerce.number().int().min(0).max(100_000).default(0),
    }),
    response: PlanListSchema,
  }, (c, { query }) => service.listPlansFor(c.get('ctx'), query) satisfies Promise<PlanList>);

  defineRoute(app, {
    method: 'post', path: '/plans/import', operationId: 'importPlan', summary: 'Đọc tệp kế hoạch (.txt, .md, .html, .docx) thành bản nháp để rà soát (chưa lưu)', tags,
    body: z.object({
      filename: FileName(200).regex(/\.(txt|md|markdown|html?|docx)$/i, 'Chỉ nhận tệp .txt, .md, .html, .docx.'), contentBase64: Base64(2_700_000),
      unitId: z.number().int().positive().max(2_147_483_647).optional(),
    }).strict(),
    response: PlanImportResultSchema,
  }, (c, { body }) => {
    const content = Buffer.from(body.contentBase64, 'base64');
    if (!content.length) throw invalid('plan.import_empty', 'Tệp rỗng.', [{ path: 'contentBase64', message: 'Chọn một tệp có nội dung.' }]);
    return service.importForReview(c.get('ctx'), { filename: body.filename, content, unitId: body.unitId }) satisfies Promise<PlanImportResult>;
  });

  defineRoute(app, {
    method: 'post', path: '/plans/lint', operationId: 'lintDraft', summary: 'Rà soát một bản nháp chưa lưu', tags,
    body: z.object({ draft: Draft, issuerCode: Code(40).optional() }).strict(),
    response: LintResultSchema,
  }, (c, { body }) => service.lintDraft(c.get('ctx'), body) satisfies Promise<LintResult>);

  defineRoute(app, {
    method: 'post', path: '/plans', operationId: 'createPlan', summary: 'Lưu kế hoạch (dự thảo) từ bản nháp đã rà soát', tags, status: 201,
    body: z.object({
      unitId: z.number().int().positive(), draft: Draft, parentPlanId: z.number().int().positive().nullable().optional(),
      sourceName: ShortText(200).nullable().optional(), sourceText: LongText(1_000_000, 0, false).nullable().optional(),
    }).strict(),
    response: PlanRefSchema,
  }, (c, { body }) => service.createPlan(c.get('ctx'), body) satisfies Promise<PlanRef>);

  defineRoute(app, { method: 'get', path: '/plans/{id}', operationId: 'getPlan', summary: 'Kế hoạch: thông tin, nhiệm vụ, kết quả rà soát, phiên bản', tags, params: IdParam, response: PlanDetailSchema },
    (c, { params }) => service.getPlanDetail(c.get('ctx'), params.id) satisfies Promise<PlanDetail>);

  defineRoute(app, {
    method: 'put', path: '/plans/{id}', operationId: 'updatePlan', summary: 'Sửa dự thảo kế hoạch', tags, params: IdParam,
    body: z.object({ draft: Draft }).strict(), response: PlanRefSchema,
  }, (c, { params, body }) => service.updatePlan(c.get('ctx'), params.id, body.draft) satisfies Promise<PlanRef>);

  defineRoute(app, { method: 'post', path: '/plans/{id}/submit', operationId: 'submitPlan', summary: 'Trình kế hoạch', tags, params: IdParam, response: PlanTransitionedSchema },
    (c, { params }) => service.transition(c.get('ctx'), params.id, 'submit', {}) satisfies Promise<PlanTransitioned>);
  defineRoute(app, { method: 'post', path: '/plans/{id}/approve', operationId: 'approvePlan', summary: 'Duyệt kế hoạch (lãnh đạo đơn vị ban hành)', tags, params: IdParam, response: PlanTransitionedSchema },
    (c, { params }) => service.transition(c.get('ctx'), params.id, 'approve', {}) satisfies Promise<PlanTransitioned>);
  defineRoute(app, {
    method: 'post', path: '/plans/{id}/return', operationId: 'returnPlan', summary: 'Trả lại dự thảo, nêu lý do', tags, params: IdParam,
    body: z.object({ reason: ShortText(2000, 5) }).strict(), response: PlanTransitionedSchema,
  }, (c, { params, body }) => service.transition(c.get('ctx'), params.id, 'return', body) satisfies Promise<PlanTransitioned>);
  defineRoute(app, {
    method: 'post', path: '/plans/{id}/issue', operationId: 'issuePlan', summary: 'Ban hành: cấp số, ngày', tags, params: IdParam,
    body: z.object({ number: Code(10, 1), date: IsoDate, signerName: Name(120, 2).optional() }).strict(),
    response: PlanTransitionedSchema,
  }, (c, { params, body }) => service.transition(c.get('ctx'), params.id, 'issue', body) satisfies Promise<PlanTransitioned>);
  defineRoute(app, { method: 'post', path: '/plans/{id}/amend', operationId: 'amendPlan', summary: 'Tạo dự thảo sửa đổi một kế hoạch đã ban hành', tags, params: IdParam, status: 201, response: PlanRefSchema },
    (c, { params }) => service.amendPlan(c.get('ctx'), params.id) satisfies Promise<PlanRef>);

  defineRoute(app, { method: 'get', path: '/plans/{id}/compare', operationId: 'comparePlan', summary: 'So sánh kế hoạch với kế hoạch cấp trên, theo từng nhiệm vụ', tags, params: IdParam, response: PlanComparisonSchema },
    (c, { params }) => service.comparePlans(c.get('ctx'), params.id) satisfies Promise<PlanComparison>);

  defineRoute(app, {
    method: 'get', path: '/plans/{id}/cascade/preview', operationId: 'previewCascade', summary: 'Xem trước kế hoạch sẽ tạo cho một xã, phường', tags, params: IdParam,
    query: z.object({ unitId: z.coerce.number().int().positive().max(2_147_483_647) }),
    response: CascadePreviewSchema,
  }, (c, { params, query }) => service.previewCascade(c.get('ctx'), params.id, query.unitId) satisfies Promise<CascadePreview>);

  defineRoute(app, {
    method: 'post', path: '/plans/{id}/cascade', operationId: 'cascadePlan', summary: 'Triển khai xuống xã, phường: tạo dự thảo kế hoạch cho các đơn vị chọn (hoặc tất cả)', tags, params: IdParam, status: 201,
    body: z.object({ unitIds: z.array(z.number().int().positive()).min(1).max(5000).optional(), all: z.boolean().optional() }).strict()
      .refine((b) => b.all === true || (b.unitIds?.length ?? 0) > 0, { message: 'Chọn xã, phường hoặc chọn tất cả.', path: ['unitIds'] }),
    response: CascadeResultSchema,
  }, (c, { params, body }) => service.cascade(c.get('ctx'), params.id, body) satisfies Promise<CascadeResult>);

  defineRoute(app, {
    method: 'post', path: '/plan-tasks/{id}/parent-change', operationId: 'resolveParentChange', summary: 'Chấp nhận hoặc không áp dụng thay đổi của nhiệm vụ cấp trên', tags, params: IdParam,
    body: z.object({ decision: z.enum(['accept', 'dismiss']), reason: ShortText(2000).optional() }).strict(),
    response: ParentChangeResolvedSchema,
  }, (c, { params, body }) => service.resolveParentChange(c.get('ctx'), params.id, body) satisfies Promise<ParentChangeResolved>);

  defineRoute(app, { method: 'get', path: '/units/{id}/cascade-rules', operationId: 'getCascadeRules', summary: 'Bảng quy tắc chuyển đơn vị khi triển khai xuống xã, phường', tags, params: IdParam, response: CascadeRulesSchema },
    (c, { params }) => service.getCascadeRules(c.get('ctx'), params.id) satisfies Promise<CascadeRules>);
  defineRoute(app, {
    method: 'put', path: '/units/{id}/cascade-rules', operationId: 'setCascadeRules', summary: 'Sửa bảng quy tắc chuyển đơn vị', tags, params: IdParam,
    body: z.object({ rules: z.array(CascadeRuleInput).max(500) }).strict(), response: CascadeRulesSavedSchema,
  }, (c, { params, body }) => service.setCascadeRules(c.get('ctx'), params.id, body.rules) satisfies Promise<CascadeRulesSaved>);

  defineRoute(app, { method: 'get', path: '/plans/{id}/export.json', operationId: 'exportPlanJson', summary: 'Dữ liệu mở của kế hoạch (JSON, theo schemas/plan.schema.json)', tags: ['Kế hoạch', 'Dữ liệu mở'], params: IdParam },
    async (c, { params }) => {
      const { draft } = await service.planForExport(c.get('ctx'), params.id);
      return { ...draft, findings: [] };
    });
  defineRoute(app, { method: 'get', path: '/plans/{id}/export.docx', operationId: 'exportPlanDocx', summary: 'Văn bản kế hoạch (DOCX, thể thức Nghị định 30/2020)', tags, params: IdParam, produces: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
    async (c, { params }) => {
      const { plan, unit, draft, parentUnit } = await service.planForExport(c.get('ctx'), params.id);
      const body = await runInWorker('renderPlanDocx', { draft, options: renderOptions(unit, parentUnit, plan.status !== 'issued') }, { subject: 'Văn bản kế hoạch (DOCX)' });
      return download(c, asBuffer(body), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', fileName(plan.title, 'docx'));
    });
  defineRoute(app, { method: 'get', path: '/plans/{id}/export.xlsx', operationId: 'exportPlanXlsx', summary: 'Bảng nhiệm vụ (XLSX)', tags, params: IdParam, produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    async (c, { params }) => {
      const { plan, unit, draft, parentUnit } = await service.planForExport(c.get('ctx'), params.id);
      const body = await runInWorker('renderPlanTasksXlsx', { draft, options: renderOptions(unit, parentUnit, false) }, { subject: 'Bảng nhiệm vụ (XLSX)' });
      return download(c, asBuffer(body), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName(plan.title, 'xlsx'));
    });
}
