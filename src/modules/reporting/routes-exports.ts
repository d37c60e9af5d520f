// Spreadsheets of what the reporting screens show: the focal dashboard of a plan and the units of a reporting period
// (who sent, was accepted, late, returned, missing). Each is the JSON route's answer, from the same use case under
// the same permission rule, written as XLSX in the worker pool like the other documents.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { defineRoute } from '../../http/route.ts';
import { FocalDashboardQuerySchema, PeriodParamsSchema } from '../../contracts/reporting.ts';
import { asBuffer, runInWorker } from '../../workers/pool.ts';
import * as service from './service.ts';
import { download, slug, XLSX } from './routes-documents.ts';
import { focalDashboard, OVERDUE_EXPORT_LIMIT } from './use-cases/dashboard.ts';

/** A slug of at most `max` characters, cut between words. */
export function shortSlug(text: string, max = 40): string {
  const s = slug(text);
  if (s.length <= max) return s;
  const cut = s.lastIndexOf('-', max);
  return cut > 0 ? s.slice(0, cut) : s.slice(0, max);
}

/** "bang-dieu-khien-129-kh-ubnd-nam-2026.xlsx": the plan's number and symbol, else the start of its title. */
export function dashboardFileName(plan: { number: string | null; symbol: string | null; title: string }, year: number) {
  const name = plan.number ? slug(`${plan.number} ${plan.symbol ?? ''}`) : shortSlug(plan.title);
  return `bang-dieu-khien-${name}-nam-${year}.xlsx`;
}

/** "tinh-hinh-nhan-bao-cao-ke-hoach-so-129-kh-ubnd-nam-2026.xlsx": what the regime reports on, and the period. */
export function periodStatusFileName(regimeName: string, periodLabel: string) {
  const subject = regimeName
    .replace(/^Báo cáo\s+(kết quả thực hiện\s+)?/iu, '')
    .replace(/\s+ngày\s+\d{1,2}\/\d{1,2}\/\d{4}/u, '');
  return `tinh-hinh-nhan-bao-cao-${shortSlug(subject)}-${slug(periodLabel)}.xlsx`;
}

export function mountTableExportRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/dashboard/focal.xlsx',
      operationId: 'exportFocalDashboardXlsx',
      tags: ['Báo cáo', 'Theo dõi thực hiện'],
      summary:
        'Bảng theo dõi của đơn vị đầu mối (XLSX): tổng hợp, tiến độ theo nhiệm vụ và theo đơn vị, việc quá hạn, báo cáo chưa nhận',
      query: FocalDashboardQuerySchema,
      produces: XLSX,
    },
    async (c, { query }) => {
      const dashboard = await focalDashboard(c.get('ctx'), query, { overdueLimit: OVERDUE_EXPORT_LIMIT });
      const bytes = await runInWorker('renderFocalDashboardXlsx', { dashboard }, { subject: 'Bảng điều khiển (XLSX)' });
      return download(c, asBuffer(bytes), XLSX, dashboardFileName(dashboard.plan, dashboard.year));
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/regimes/{id}/periods/{key}/status.xlsx',
      operationId: 'exportPeriodStatusXlsx',
      tags: ['Báo cáo'],
      params: PeriodParamsSchema,
      produces: XLSX,
      summary:
        'Tình hình nhận báo cáo của một kỳ (XLSX): từng đơn vị phải báo cáo, số báo cáo theo tình hình, chỉ tiêu',
    },
    async (c, { params }) => {
      const status = await service.periodStatus(c.get('ctx'), params.id, params.key);
      const bytes = await runInWorker(
        'renderPeriodStatusXlsx',
        { status },
        { subject: 'Tình hình nhận báo cáo (XLSX)' },
      );
      return download(c, asBuffer(bytes), XLSX, periodStatusFileName(status.regime.name, status.period.label));
    },
  );
}
