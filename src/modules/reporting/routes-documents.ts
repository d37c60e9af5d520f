// Downloads of the reporting documents: how a file is answered, and a unit report's own Báo cáo (DOCX, XLSX of its
// tables), rendered in the worker pool like the other documents.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../http/env.ts';
import { defineRoute, IdParam } from '../../http/route.ts';
import { documentFileName, slugOf } from '../../domain/file-name.ts';
import { AppError } from '../../domain/errors.ts';
import { ReportApproveSchema } from '../../contracts/reporting.ts';
import * as service from './service.ts';
import { asBuffer, runInWorker } from '../../workers/pool.ts';

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function download(c: Context<AppEnv>, body: Buffer, type: string, name: string): Response {
  return c.body(new Uint8Array(body), 200, {
    'content-type': type,
    'content-disposition': `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  });
}

/** "bao-cao-so-05-bc-ubnd-ket-qua-thuc-hien-….docx": the number and symbol first once the report has them. */
export function reportFileName(d: { number: string | null; symbol: string; title: string }, ext: string): string {
  return documentFileName({ kind: 'Báo cáo', number: d.number, symbol: d.symbol, title: d.title, ext });
}

/** A slug of whole words (the other exports' names are built from it). */
export const slug = (text: string) => slugOf(text) || 'bao-cao';

/**
 * The approve request's optional body ({ confirmEmpty: true }): read here because the route takes none from the
 * clients that approve without one.
 */
export async function approveBody(c: Context<AppEnv>): Promise<{ confirmEmpty?: boolean; signerKey?: number }> {
  const text = await c.req.text();
  if (!text.trim()) return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('invalid_json', 400, 'Dữ liệu gửi lên không phải JSON hợp lệ.');
  }
  const parsed = ReportApproveSchema.safeParse(json);
  if (!parsed.success)
    throw new AppError(
      'validation',
      400,
      'Dữ liệu gửi lên không đúng định dạng.',
      parsed.error.issues.map((i) => ({
        path: i.path.join('.') || 'body',
        message:
          i.path[0] === 'signerKey'
            ? 'Người ký là mã (số) của một người ký trong danh sách của đơn vị.'
            : 'Chỉ nhận { confirmEmpty: true } và { signerKey: <mã người ký> }.',
      })),
    );
  return parsed.data;
}

const tags = ['Báo cáo'];

/** GET /reports/{id}/export.docx and .xlsx: readable by whoever reads the report (404 otherwise). */
export function mountUnitReportDocumentRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/reports/{id}/export.docx',
      operationId: 'exportReportDocx',
      tags,
      params: IdParam,
      produces: DOCX,
      summary: 'Báo cáo của đơn vị (DOCX, thể thức Nghị định 30/2020; phụ lục nhiệm vụ và sản phẩm)',
    },
    async (c, { params }) => {
      const document = await service.unitReportDocument(c.get('ctx'), params.id);
      const bytes = await runInWorker('renderUnitReportDocx', { document }, { subject: 'Báo cáo của đơn vị (DOCX)' });
      return download(c, asBuffer(bytes), DOCX, reportFileName(document, 'docx'));
    },
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/reports/{id}/export.xlsx',
      operationId: 'exportReportXlsx',
      tags,
      params: IdParam,
      produces: XLSX,
      summary: 'Các bảng của báo cáo đơn vị (XLSX): nhiệm vụ, sản phẩm, chỉ tiêu',
    },
    async (c, { params }) => {
      const document = await service.unitReportDocument(c.get('ctx'), params.id);
      const bytes = await runInWorker('renderUnitReportXlsx', { document }, { subject: 'Báo cáo của đơn vị (XLSX)' });
      return download(c, asBuffer(bytes), XLSX, reportFileName(document, 'xlsx'));
    },
  );
}
