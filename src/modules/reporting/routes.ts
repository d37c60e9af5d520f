// The reporting routes: regimes, the periods of a regime (status, unit reports started, documents), unit reports and
// their moves, the dashboards and the public progress page. Request and answer shapes: src/contracts/reporting.ts.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { defineRoute, IdParam } from '../../http/route.ts';
import { anonymousLimit } from '../../http/middleware.ts';
import {
  AdHocRequestSchema,
  FocalDashboardQuerySchema,
  NationalDashboardQuerySchema,
  PeriodParamsSchema as PeriodParams,
  RegimeListQuerySchema,
  ReportCreateSchema,
  ReportListQuerySchema,
  ReportPatchSchema,
  ReportReturnSchema,
  CompiledReportSchema,
  FocalDashboardSchema,
  NationalDashboardSchema,
  PeriodStatusSchema,
  ReportingRegimeCreatedSchema,
  ReportingRegimeDetailSchema,
  ReportingRegimeListSchema,
  ReminderLetterSchema,
  ReportCreatedSchema,
  ReportDetailSchema,
  ReportListSchema,
  ReportRefreshedSchema,
  ReportTransitionedSchema,
  ReportUpdatedSchema,
  type CompiledReport,
  type FocalDashboard,
  type NationalDashboard,
  type PeriodStatus,
  type ReportingRegime,
  type ReportingRegimeCreated,
  type ReportingRegimeDetail,
  type ReminderLetter,
  type ReportCreated,
  type ReportDetail,
  type ReportListItem,
  type ReportRefreshed,
  type ReportTransitioned,
  type ReportUpdated,
} from '../../contracts/reporting.ts';
import * as service from './service.ts';
import { mountPeriodSigningRoutes } from './routes-signing.ts';
import {
  approveBody,
  DOCX,
  download,
  mountUnitReportDocumentRoutes,
  reportFileName,
  XLSX,
} from './routes-documents.ts';
import { documentFileName } from '../../domain/file-name.ts';
import { focalDashboard, nationalDashboard } from './use-cases/dashboard.ts';
import { mountPublicPlanRoutes } from './public-routes.ts';
import { mountTableExportRoutes } from './routes-exports.ts';
import { asBuffer, runInWorker } from '../../workers/pool.ts';

const tags = ['Báo cáo'];
type Api = OpenAPIHono<AppEnv>;

// Answers follow src/contracts (checked at run time in tests); `satisfies` also holds the services' types to them.
export function reportingRoutes(app: Api): void {
  // The public index and progress pages are read by anyone: a tighter limit than the general anonymous one (on these pages
  // only: other modules' public routes, such as petitions, set their own).
  app.use('/public/plans/*', anonymousLimit({ bucket: 'public-progress', perMinute: 60 }));
  mountPublicPlanRoutes(app);
  mountRegimeRoutes(app);
  mountPeriodRoutes(app);
  mountReportRoutes(app);
  mountDashboardRoutes(app);
  mountTableExportRoutes(app);
}

function mountRegimeRoutes(app: Api): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/regimes',
      operationId: 'listRegimes',
      summary: 'Chế độ báo cáo: do đơn vị mình theo dõi, hoặc đơn vị mình phải báo cáo',
      tags,
      query: RegimeListQuerySchema,
      response: ReportingRegimeListSchema,
    },
    (c, { query }) => service.listRegimesFor(c.get('ctx'), query) satisfies Promise<ReportingRegime[]>,
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/regimes',
      operationId: 'createRegime',
      status: 201,
      tags,
      summary: 'Yêu cầu báo cáo đột xuất: nội dung, thời hạn, các đơn vị phải báo cáo (đơn vị đầu mối)',
      body: AdHocRequestSchema,
      response: ReportingRegimeCreatedSchema,
    },
    (c, { body }) => service.createAdHocRegime(c.get('ctx'), body) satisfies Promise<ReportingRegimeCreated>,
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/regimes/{id}',
      operationId: 'getRegime',
      summary: 'Chế độ báo cáo: nội dung, thời hạn, các kỳ',
      tags,
      params: IdParam,
      response: ReportingRegimeDetailSchema,
    },
    (c, { params }) => service.getRegimeDetail(c.get('ctx'), params.id) satisfies Promise<ReportingRegimeDetail>,
  );
}

/** A period of a regime: its status for the receiving unit, the units' reports for it, and its documents. */
function mountPeriodRoutes(app: Api): void {
  // Documents are rendered in the worker pool (src/workers): the main thread keeps answering meanwhile.
  mountPeriodStatusRoutes(app);
  mountCompiledReportRoutes(app);
  mountReminderRoutes(app);
  mountPeriodSigningRoutes(app);
}

function mountPeriodStatusRoutes(app: Api): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/regimes/{id}/periods/{key}/status',
      operationId: 'getPeriodStatus',
      tags,
      params: PeriodParams,
      summary:
        'Tình hình báo cáo của một kỳ (đơn vị nhận): phải báo cáo, đã nhận, đúng hạn, quá hạn, chưa gửi, bị trả lại; chỉ tiêu tổng hợp',
      response: PeriodStatusSchema,
    },
    (c, { params }) => service.periodStatus(c.get('ctx'), params.id, params.key) satisfies Promise<PeriodStatus>,
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/regimes/{id}/periods/{key}/reports',
      operationId: 'createReport',
      status: 201,
      tags,
      params: PeriodParams,
      summary: 'Lập báo cáo của đơn vị cho một kỳ (dự thảo, điền sẵn từ tiến độ, sản phẩm, khó khăn)',
      body: ReportCreateSchema,
      response: ReportCreatedSchema,
    },
    (c, { params, body }) =>
      service.createReport(c.get('ctx'), params.id, params.key, body) satisfies Promise<ReportCreated>,
  );
}

function mountCompiledReportRoutes(app: Api): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/regimes/{id}/periods/{key}/compiled',
      operationId: 'getCompiledReport',
      tags,
      params: PeriodParams,
      summary: 'Báo cáo tổng hợp của đơn vị nhận (dữ liệu), từ các báo cáo đã nhận',
      response: CompiledReportSchema,
    },
    (c, { params }) => service.compiledReport(c.get('ctx'), params.id, params.key) satisfies Promise<CompiledReport>,
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/regimes/{id}/periods/{key}/compiled.docx',
      operationId: 'exportCompiledReportDocx',
      tags,
      params: PeriodParams,
      produces: DOCX,
      summary: 'Báo cáo tổng hợp (DOCX, thể thức Nghị định 30/2020)',
    },
    async (c, { params }) => {
      const report = await service.compiledReport(c.get('ctx'), params.id, params.key);
      return download(
        c,
        asBuffer(await runInWorker('renderCompiledReportDocx', { report }, { subject: 'Báo cáo tổng hợp (DOCX)' })),
        DOCX,
        reportFileName(report, 'docx'),
      );
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/regimes/{id}/periods/{key}/compiled.xlsx',
      operationId: 'exportCompiledReportXlsx',
      tags,
      params: PeriodParams,
      produces: XLSX,
      summary: 'Phụ lục số liệu của báo cáo tổng hợp (XLSX)',
    },
    async (c, { params }) => {
      const report = await service.compiledReport(c.get('ctx'), params.id, params.key);
      return download(
        c,
        asBuffer(await runInWorker('renderCompiledReportXlsx', { report }, { subject: 'Báo cáo tổng hợp (XLSX)' })),
        XLSX,
        reportFileName(report, 'xlsx'),
      );
    },
  );
}

function mountReminderRoutes(app: Api): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/regimes/{id}/periods/{key}/reminder',
      operationId: 'getReminderLetter',
      tags,
      params: PeriodParams,
      summary: 'Công văn đôn đốc (dữ liệu): các đơn vị chưa gửi báo cáo và nội dung còn thiếu',
      response: ReminderLetterSchema,
    },
    (c, { params }) => service.reminderLetter(c.get('ctx'), params.id, params.key) satisfies Promise<ReminderLetter>,
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/regimes/{id}/periods/{key}/reminder.docx',
      operationId: 'exportReminderLetterDocx',
      tags,
      params: PeriodParams,
      produces: DOCX,
      summary: 'Công văn đôn đốc các đơn vị chưa gửi báo cáo (DOCX)',
    },
    async (c, { params }) => {
      const letter = await service.reminderLetter(c.get('ctx'), params.id, params.key);
      return download(
        c,
        asBuffer(await runInWorker('renderReminderLetterDocx', { letter }, { subject: 'Công văn đôn đốc (DOCX)' })),
        DOCX,
        documentFileName({
          kind: 'Công văn đôn đốc',
          number: letter.number,
          symbol: letter.symbol,
          title: letter.subject,
          ext: 'docx',
        }),
      );
    },
  );
}

function mountReportRoutes(app: Api): void {
  mountReportEditRoutes(app);
  mountReportTransitionRoutes(app);
  mountUnitReportDocumentRoutes(app);
}

function mountReportEditRoutes(app: Api): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/reports',
      operationId: 'listReports',
      summary: 'Báo cáo của đơn vị mình, và báo cáo gửi đến đơn vị mình',
      tags,
      query: ReportListQuerySchema,
      response: ReportListSchema,
    },
    (c, { query }) => service.listReportsFor(c.get('ctx'), query) satisfies Promise<ReportListItem[]>,
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/reports/{id}',
      operationId: 'getReport',
      summary: 'Báo cáo của đơn vị: nội dung, chỉ tiêu, trạng thái',
      tags,
      params: IdParam,
      response: ReportDetailSchema,
    },
    (c, { params }) => service.getReportDetail(c.get('ctx'), params.id) satisfies Promise<ReportDetail>,
  );

  defineRoute(
    app,
    {
      method: 'put',
      path: '/reports/{id}',
      operationId: 'updateReport',
      summary: 'Sửa báo cáo (dự thảo hoặc bị trả lại): các phần nội dung, giá trị chỉ tiêu',
      tags,
      params: IdParam,
      body: ReportPatchSchema,
      response: ReportUpdatedSchema,
    },
    (c, { params, body }) => service.updateReport(c.get('ctx'), params.id, body) satisfies Promise<ReportUpdated>,
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/reports/{id}/prefill',
      operationId: 'refreshReport',
      summary: 'Cập nhật lại số liệu điền sẵn (giữ nội dung đã viết)',
      tags,
      params: IdParam,
      response: ReportRefreshedSchema,
    },
    (c, { params }) => service.refreshReport(c.get('ctx'), params.id) satisfies Promise<ReportRefreshed>,
  );
}

function mountReportTransitionRoutes(app: Api): void {
  const transitioned = { tags, params: IdParam, response: ReportTransitionedSchema };
  defineRoute(
    app,
    {
      method: 'post',
      path: '/reports/{id}/approve',
      operationId: 'approveReport',
      summary:
        'Lãnh đạo đơn vị duyệt báo cáo: báo cáo được cấp số theo sổ của đơn vị trong năm; { signerKey } chọn người ký (mặc định: người ký mặc định của đơn vị); còn mục bắt buộc chưa viết thì trả 409 report.empty_sections, trừ khi gửi { confirmEmpty: true }',
      ...transitioned,
    },
    async (c, { params }) =>
      service.transitionReport(
        c.get('ctx'),
        params.id,
        'approve',
        await approveBody(c),
      ) satisfies Promise<ReportTransitioned>,
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/reports/{id}/submit',
      operationId: 'submitReport',
      summary: 'Gửi báo cáo đã duyệt đến đơn vị nhận',
      ...transitioned,
    },
    (c, { params }) =>
      service.transitionReport(c.get('ctx'), params.id, 'submit') satisfies Promise<ReportTransitioned>,
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/reports/{id}/accept',
      operationId: 'acceptReport',
      summary: 'Đơn vị nhận tiếp nhận báo cáo',
      ...transitioned,
    },
    (c, { params }) =>
      service.transitionReport(c.get('ctx'), params.id, 'accept') satisfies Promise<ReportTransitioned>,
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/reports/{id}/return',
      operationId: 'returnReport',
      summary: 'Đơn vị nhận trả lại báo cáo, nêu lý do',
      ...transitioned,
      body: ReportReturnSchema,
    },
    (c, { params, body }) =>
      service.transitionReport(c.get('ctx'), params.id, 'return', body) satisfies Promise<ReportTransitioned>,
  );
}

function mountDashboardRoutes(app: Api): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/dashboard/focal',
      operationId: 'getFocalDashboard',
      tags: ['Báo cáo', 'Theo dõi thực hiện'],
      summary:
        'Bảng theo dõi của đơn vị đầu mối: tiến độ theo nhiệm vụ và theo xã, phường; việc quá hạn; báo cáo đã nhận, còn thiếu',
      query: FocalDashboardQuerySchema,
      response: FocalDashboardSchema,
    },
    (c, { query }) => focalDashboard(c.get('ctx'), query) satisfies Promise<FocalDashboard>,
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/dashboard/national',
      operationId: 'getNationalDashboard',
      tags: ['Báo cáo', 'Theo dõi thực hiện'],
      summary: 'Bảng theo dõi toàn quốc (cơ quan trung ương): theo từng tỉnh, tiến độ nhiệm vụ và báo cáo đã nhận',
      query: NationalDashboardQuerySchema,
      response: NationalDashboardSchema,
    },
    (c, { query }) => nationalDashboard(c.get('ctx'), query) satisfies Promise<NationalDashboard>,
  );
}
