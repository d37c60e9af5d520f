import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../http/env.ts';
import { defineRoute, IdParam } from '../../http/route.ts';
import {
  CascadeBodySchema,
  CascadePreviewQuerySchema,
  CascadePreviewSchema,
  CascadeResultSchema,
  CascadeRulesBodySchema,
  CascadeRulesSavedSchema,
  CascadeRulesSchema,
  LintDraftBodySchema,
  LintResultSchema,
  ParentChangeDecisionBodySchema,
  ParentChangeResolvedSchema,
  PlanComparisonSchema,
  PlanCreateBodySchema,
  PlanDetailSchema,
  PlanImportBodySchema,
  PlanImportResultSchema,
  PlanIssueBodySchema,
  PlanListQuerySchema,
  PlanListSchema,
  PlanRefSchema,
  PlanReturnBodySchema,
  PlanTransitionedSchema,
  PlanUpdateBodySchema,
  type CascadePreview,
  type CascadeResult,
  type CascadeRules,
  type CascadeRulesSaved,
  type LintResult,
  type ParentChangeResolved,
  type PlanComparison,
  type PlanDetail,
  type PlanImportResult,
  type PlanList,
  type PlanRef,
  type PlanTransitioned,
} from '../../contracts/plans.ts';
import { invalid } from '../../domain/errors.ts';
import { documentFileName } from '../../domain/file-name.ts';
import { asBuffer, runInWorker } from '../../workers/pool.ts';
import { renderOptions } from '../../domain/plan/issuer.ts';
import * as service from './service.ts';

type App = OpenAPIHono<AppEnv>;
const tags = ['Kế hoạch'];

/** "ke-hoach-129-kh-ubnd-trien-khai-thi-hanh-luat-tri-tue-nhan-tao….docx" (the number once the plan is issued). */
function fileName(plan: { title: string; number: string | null; symbol: string | null }, ext: string): string {
  return documentFileName({ kind: 'Kế hoạch', number: plan.number, symbol: plan.symbol, title: plan.title, ext });
}

function download(c: Context<AppEnv>, body: Buffer, type: string, name: string): Response {
  return c.body(new Uint8Array(body), 200, {
    'content-type': type,
    'content-disposition': `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  });
}

// Answers follow src/contracts (checked at run time in tests); `satisfies` also holds the service's types to them.
// The files (export.docx, export.xlsx) have no JSON answer; export.json follows schemas/plan.schema.json.
export function planRoutes(app: App): void {
  mountPlanDraftRoutes(app);
  mountPlanRoutes(app);
  mountLifecycleRoutes(app);
  mountPlanTaskRoutes(app);
  mountCascadeRoutes(app);
  mountExportRoutes(app);
}

/** Reading a file and checking a draft, before anything is saved. */
function mountPlanDraftRoutes(app: App): void {
  defineRoute(
    app,
    {
      method: 'post',
      path: '/plans/import',
      operationId: 'importPlan',
      tags,
      summary: 'Đọc tệp kế hoạch (.txt, .md, .html, .docx) thành bản nháp để rà soát (chưa lưu)',
      body: PlanImportBodySchema,
      response: PlanImportResultSchema,
    },
    (c, { body }) => {
      const content = Buffer.from(body.contentBase64, 'base64');
      if (!content.length)
        throw invalid('plan.import_empty', 'Tệp rỗng.', [
          { path: 'contentBase64', message: 'Chọn một tệp có nội dung.' },
        ]);
      return service.importForReview(c.get('ctx'), {
        filename: body.filename,
        content,
        unitId: body.unitId,
      }) satisfies Promise<PlanImportResult>;
    },
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/plans/lint',
      operationId: 'lintDraft',
      summary: 'Rà soát một bản nháp chưa lưu',
      tags,
      body: LintDraftBodySchema,
      response: LintResultSchema,
    },
    (c, { body }) => service.lintDraft(c.get('ctx'), body) satisfies Promise<LintResult>,
  );
}

/** The list, a plan's page, saving and editing a draft, comparison with the parent plan. */
function mountPlanRoutes(app: App): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/plans',
      operationId: 'listPlans',
      summary: 'Danh sách kế hoạch (đã ban hành, và của đơn vị mình)',
      tags,
      query: PlanListQuerySchema,
      response: PlanListSchema,
    },
    (c, { query }) => service.listPlansFor(c.get('ctx'), query) satisfies Promise<PlanList>,
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/plans',
      operationId: 'createPlan',
      summary: 'Lưu kế hoạch (dự thảo) từ bản nháp đã rà soát',
      tags,
      status: 201,
      body: PlanCreateBodySchema,
      response: PlanRefSchema,
    },
    (c, { body }) => service.createPlan(c.get('ctx'), body) satisfies Promise<PlanRef>,
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/plans/{id}',
      operationId: 'getPlan',
      summary: 'Kế hoạch: thông tin, nhiệm vụ, kết quả rà soát, phiên bản',
      tags,
      params: IdParam,
      response: PlanDetailSchema,
    },
    (c, { params }) => service.getPlanDetail(c.get('ctx'), params.id) satisfies Promise<PlanDetail>,
  );

  defineRoute(
    app,
    {
      method: 'put',
      path: '/plans/{id}',
      operationId: 'updatePlan',
      summary: 'Sửa dự thảo kế hoạch',
      tags,
      params: IdParam,
      body: PlanUpdateBodySchema,
      response: PlanRefSchema,
    },
    (c, { params, body }) => service.updatePlan(c.get('ctx'), params.id, body.draft) satisfies Promise<PlanRef>,
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/plans/{id}/compare',
      operationId: 'comparePlan',
      summary: 'So sánh kế hoạch với kế hoạch cấp trên, theo từng nhiệm vụ',
      tags,
      params: IdParam,
      response: PlanComparisonSchema,
    },
    (c, { params }) => service.comparePlans(c.get('ctx'), params.id) satisfies Promise<PlanComparison>,
  );
}

/** Submit, approve, return, issue, amend. */
function mountLifecycleRoutes(app: App): void {
  defineRoute(
    app,
    {
      method: 'post',
      path: '/plans/{id}/submit',
      operationId: 'submitPlan',
      summary: 'Trình kế hoạch',
      tags,
      params: IdParam,
      response: PlanTransitionedSchema,
    },
    (c, { params }) => service.transition(c.get('ctx'), params.id, 'submit', {}) satisfies Promise<PlanTransitioned>,
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/plans/{id}/approve',
      operationId: 'approvePlan',
      summary: 'Duyệt kế hoạch (lãnh đạo đơn vị ban hành)',
      tags,
      params: IdParam,
      response: PlanTransitionedSchema,
    },
    (c, { params }) => service.transition(c.get('ctx'), params.id, 'approve', {}) satisfies Promise<PlanTransitioned>,
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/plans/{id}/return',
      operationId: 'returnPlan',
      summary: 'Trả lại dự thảo, nêu lý do',
      tags,
      params: IdParam,
      body: PlanReturnBodySchema,
      response: PlanTransitionedSchema,
    },
    (c, { params, body }) =>
      service.transition(c.get('ctx'), params.id, 'return', body) satisfies Promise<PlanTransitioned>,
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/plans/{id}/issue',
      operationId: 'issuePlan',
      summary: 'Ban hành: cấp số, ngày',
      tags,
      params: IdParam,
      body: PlanIssueBodySchema,
      response: PlanTransitionedSchema,
    },
    (c, { params, body }) =>
      service.transition(c.get('ctx'), params.id, 'issue', body) satisfies Promise<PlanTransitioned>,
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/plans/{id}/amend',
      operationId: 'amendPlan',
      summary: 'Tạo dự thảo sửa đổi một kế hoạch đã ban hành',
      tags,
      params: IdParam,
      status: 201,
      response: PlanRefSchema,
    },
    (c, { params }) => service.amendPlan(c.get('ctx'), params.id) satisfies Promise<PlanRef>,
  );
}

/** A commune's answer to a change in the province task its task implements. */
function mountPlanTaskRoutes(app: App): void {
  defineRoute(
    app,
    {
      method: 'post',
      path: '/plan-tasks/{id}/parent-change',
      operationId: 'resolveParentChange',
      tags,
      params: IdParam,
      summary: 'Chấp nhận hoặc không áp dụng thay đổi của nhiệm vụ cấp trên',
      body: ParentChangeDecisionBodySchema,
      response: ParentChangeResolvedSchema,
    },
    (c, { params, body }) =>
      service.resolveParentChange(c.get('ctx'), params.id, body) satisfies Promise<ParentChangeResolved>,
  );
}

/** The cascade to communes and wards, and the province's rule table. */
function mountCascadeRoutes(app: App): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/plans/{id}/cascade/preview',
      operationId: 'previewCascade',
      summary: 'Xem trước kế hoạch sẽ tạo cho một xã, phường',
      tags,
      params: IdParam,
      query: CascadePreviewQuerySchema,
      response: CascadePreviewSchema,
    },
    (c, { params, query }) =>
      service.previewCascade(c.get('ctx'), params.id, query.unitId) satisfies Promise<CascadePreview>,
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/plans/{id}/cascade',
      operationId: 'cascadePlan',
      tags,
      params: IdParam,
      status: 201,
      summary: 'Triển khai xuống xã, phường: tạo dự thảo kế hoạch cho các đơn vị chọn (hoặc tất cả)',
      body: CascadeBodySchema,
      response: CascadeResultSchema,
    },
    (c, { params, body }) => service.cascade(c.get('ctx'), params.id, body) satisfies Promise<CascadeResult>,
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/units/{id}/cascade-rules',
      operationId: 'getCascadeRules',
      summary: 'Bảng quy tắc chuyển đơn vị khi triển khai xuống xã, phường',
      tags,
      params: IdParam,
      response: CascadeRulesSchema,
    },
    (c, { params }) => service.getCascadeRules(c.get('ctx'), params.id) satisfies Promise<CascadeRules>,
  );
  defineRoute(
    app,
    {
      method: 'put',
      path: '/units/{id}/cascade-rules',
      operationId: 'setCascadeRules',
      summary: 'Sửa bảng quy tắc chuyển đơn vị',
      tags,
      params: IdParam,
      body: CascadeRulesBodySchema,
      response: CascadeRulesSavedSchema,
    },
    (c, { params, body }) =>
      service.setCascadeRules(c.get('ctx'), params.id, body.rules) satisfies Promise<CascadeRulesSaved>,
  );
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The plan as open data (JSON) and as documents (DOCX, XLSX), rendered in the worker pool. */
function mountExportRoutes(app: App): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/plans/{id}/export.json',
      operationId: 'exportPlanJson',
      tags: ['Kế hoạch', 'Dữ liệu mở'],
      params: IdParam,
      summary: 'Dữ liệu mở của kế hoạch (JSON, theo schemas/plan.schema.json)',
    },
    async (c, { params }) => {
      const { draft } = await service.planForExport(c.get('ctx'), params.id);
      return { ...draft, findings: [] };
    },
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/plans/{id}/export.docx',
      operationId: 'exportPlanDocx',
      summary: 'Văn bản kế hoạch (DOCX, thể thức Nghị định 30/2020)',
      tags,
      params: IdParam,
      produces: DOCX,
    },
    async (c, { params }) => {
      const { plan, unit, draft, parentUnit } = await service.planForExport(c.get('ctx'), params.id);
      const options = renderOptions(unit, parentUnit, plan.status !== 'issued');
      const body = await runInWorker('renderPlanDocx', { draft, options }, { subject: 'Văn bản kế hoạch (DOCX)' });
      return download(c, asBuffer(body), DOCX, fileName(plan, 'docx'));
    },
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/plans/{id}/export.xlsx',
      operationId: 'exportPlanXlsx',
      summary: 'Bảng nhiệm vụ (XLSX)',
      tags,
      params: IdParam,
      produces: XLSX,
    },
    async (c, { params }) => {
      const { plan, unit, draft, parentUnit } = await service.planForExport(c.get('ctx'), params.id);
      const body = await runInWorker(
        'renderPlanTasksXlsx',
        { draft, options: renderOptions(unit, parentUnit, false) },
        { subject: 'Bảng nhiệm vụ (XLSX)' },
      );
      return download(c, asBuffer(body), XLSX, fileName(plan, 'xlsx'));
    },
  );
}
