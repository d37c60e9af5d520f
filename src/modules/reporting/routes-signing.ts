// A leader approving the period's compiled report or reminder letter for signing, with the signer picked.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { defineRoute } from '../../http/route.ts';
import { PeriodDocumentApprovalSchema, SignerPickSchema } from '../../contracts/document-settings.ts';
import { PeriodParamsSchema as PeriodParams } from '../../contracts/reporting.ts';
import * as service from './service.ts';

const tags = ['Báo cáo'];

export function mountPeriodSigningRoutes(app: OpenAPIHono<AppEnv>): void {
  const documents = [
    { kind: 'compiled', operationId: 'approveCompiledReport', what: 'báo cáo tổng hợp' },
    { kind: 'reminder', operationId: 'approveReminderLetter', what: 'công văn đôn đốc' },
  ] as const;
  for (const d of documents)
    defineRoute(
      app,
      {
        method: 'post',
        path: `/regimes/{id}/periods/{key}/${d.kind}/approve`,
        operationId: d.operationId,
        tags,
        params: PeriodParams,
        body: SignerPickSchema,
        response: PeriodDocumentApprovalSchema,
        summary: `Lãnh đạo đơn vị nhận duyệt ${d.what} của kỳ và chọn người ký (mặc định: người ký mặc định của đơn vị)`,
      },
      (c, { params, body }) => service.approvePeriodDocument(c.get('ctx'), params.id, params.key, d.kind, body),
    );
}
