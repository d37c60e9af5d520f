// The public side of the provincial AI database: the catalogue (JSON, DCAT JSON-LD, CSV), one dataset, and the
// download of a file (open data by anyone; the rest under a grant). Anonymous callers are limited per address.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { PublicDatasetListSchema, PublicDatasetQuerySchema, PublicDatasetSchema } from '../../contracts/datasets.ts';
import { PROVINCE_CODE } from '../../domain/org/reference.ts';
import type { AppDeps } from '../../http/app.ts';
import type { AppEnv } from '../../http/env.ts';
import { anonymousLimit } from '../../http/middleware.ts';
import { defineRoute, IdParam } from '../../http/route.ts';
import { getUnitByCode } from '../org/index.ts';
import * as uc from './use-cases/index.ts';
import { organisationFromKey } from './use-cases/organisations.ts';

const tags = ['Công khai'];
const ResourceParams = IdParam.extend({ rid: z.coerce.number().int().positive().max(2_147_483_647) });

/** A file as an attachment: never rendered by the browser, whatever its bytes (nosniff is set for every answer). */
export function sendFile(c: Context<AppEnv>, f: uc.FileAnswer): Response {
  const ascii = f.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return c.body(new Uint8Array(f.content), 200, {
    'content-type': f.mime,
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.filename)}`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
  });
}

function streamed(c: Context<AppEnv>, chunks: AsyncGenerator<string>, type: string, name?: string): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'public, max-age=300' };
  if (name) headers['content-disposition'] = `attachment; filename="${name}"`;
  return c.body(body, 200, headers);
}

/** An organisation account downloads with its key; everyone else by session or anonymously. */
async function downloadPublished(c: Context<AppEnv>, id: number, rid: number): Promise<Response> {
  const key = c.req.header('authorization');
  const organisation = key ? await organisationFromKey(c.get('ctx'), key) : undefined;
  return sendFile(c, await uc.downloadPublished(c.get('ctx'), id, rid, organisation));
}

export function mountPublicDatasetRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const base = (c: Context<AppEnv>) => deps.config.publicUrl ?? new URL(c.req.url).origin;
  app.use('/public/datasets/:id/resources/*', anonymousLimit({ bucket: 'dataset-download', perMinute: 30 }));
  app.use('/public/catalog.jsonld', anonymousLimit({ bucket: 'dataset-catalog', perMinute: 30 }));
  app.use('/public/datasets.csv', anonymousLimit({ bucket: 'dataset-catalog', perMinute: 30 }));
  defineRoute(
    app,
    {
      method: 'get',
      path: '/public/datasets',
      operationId: 'listPublicDatasets',
      summary: 'Danh mục dữ liệu phục vụ AI đã công bố (tìm không dấu; lọc theo lĩnh vực, loại, đơn vị, xã)',
      tags,
      query: PublicDatasetQuerySchema,
      response: PublicDatasetListSchema,
    },
    (c, { query }) => uc.listPublicDatasets(c.get('ctx'), query),
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/public/datasets/{id}',
      operationId: 'getPublicDataset',
      summary: 'Một bộ dữ liệu đã công bố',
      tags,
      params: IdParam,
      response: PublicDatasetSchema,
    },
    (c, { params }) => uc.getPublicDataset(c.get('ctx'), params.id),
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/public/datasets/{id}/resources/{rid}/download',
      operationId: 'downloadPublicDatasetResource',
      summary:
        'Tải tệp dữ liệu: dữ liệu mở cho mọi người; dữ liệu khác cần quyền truy cập còn hạn, của người đăng nhập hoặc của tổ chức (Authorization: Bearer thk_…); 403 nếu không',
      tags,
      params: ResourceParams,
      produces: 'application/octet-stream',
    },
    (c, { params }) => downloadPublished(c, params.id, params.rid),
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/public/catalog.jsonld',
      operationId: 'getDatasetCatalogDcat',
      summary: 'Danh mục dữ liệu theo DCAT (JSON-LD, DCAT-AP 3) để Cổng thông tin dữ liệu hoặc CKAN thu thập',
      tags,
      produces: 'application/ld+json',
    },
    async (c) => {
      const province = await getUnitByCode(c.get('ctx').db, PROVINCE_CODE);
      const owner = province?.name ?? 'Ủy ban nhân dân tỉnh';
      const chunks = uc.catalogJsonLd(c.get('ctx'), {
        base: base(c),
        title: `Cơ sở dữ liệu phục vụ trí tuệ nhân tạo — ${owner}`,
        publisher: owner,
      });
      return streamed(c, chunks, 'application/ld+json; charset=utf-8');
    },
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/public/datasets.csv',
      operationId: 'getDatasetCatalogCsv',
      summary: 'Danh mục dữ liệu đã công bố (CSV)',
      tags,
      produces: 'text/csv',
    },
    (c) => streamed(c, uc.catalogCsv(c.get('ctx'), base(c)), 'text/csv; charset=utf-8', 'danh-muc-du-lieu.csv'),
  );
}
