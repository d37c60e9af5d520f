// HTTP of the provincial AI database for the province's staff: catalogue entries, files and their quality,
// personal-data decisions and de-identification, access requests and the access log. Schemas in
// src/contracts/datasets.ts; files are read in the worker pool. The public side is in routes-public.ts.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  AccessDecisionSchema,
  AccessLogQuerySchema,
  AccessLogSchema,
  AccessRequestInputSchema,
  AccessRequestListSchema,
  AccessRequestSchema,
  CreatedDatasetSchema,
  DatasetDetailSchema,
  DatasetInputSchema,
  DatasetListQuerySchema,
  DatasetListSchema,
  DeidentifiedSchema,
  DeidentifySchema,
  FindingDecisionSchema,
  ResourceCreatedSchema,
  ResourceUploadSchema,
  RetractSchema,
  SectorSchema,
} from '../../contracts/datasets.ts';
import type { AppDeps } from '../../http/app.ts';
import type { AppEnv } from '../../http/env.ts';
import { defineRoute, IdParam } from '../../http/route.ts';
import { mountOrganisationRoutes } from './routes-organisations.ts';
import { mountPublicDatasetRoutes, sendFile } from './routes-public.ts';
import { datasetSectors } from './sectors.ts';
import * as uc from './use-cases/index.ts';

const tags = ['CSDL phục vụ AI'];
const ResourceParams = IdParam.extend({ rid: z.coerce.number().int().positive().max(2_147_483_647) });
const RequestParams = IdParam.extend({ rid: z.coerce.number().int().positive().max(2_147_483_647) });
const VersionQuery = z.object({ version: z.coerce.number().int().positive().max(100_000).optional() });

/** Where the public reaches this server: THIHANH_PUBLIC_URL, else the address of the request. */
export function baseUrlOf(c: Context<AppEnv>, deps: AppDeps): string {
  return deps.config.publicUrl ?? new URL(c.req.url).origin;
}

function mountCatalogueRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/datasets/sectors',
      operationId: 'listDatasetSectors',
      summary: 'Danh mục lĩnh vực dữ liệu',
      tags,
      response: z.array(SectorSchema),
    },
    () => datasetSectors(),
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/datasets',
      operationId: 'listDatasets',
      summary: 'Bộ dữ liệu trong phạm vi được xem',
      tags,
      query: DatasetListQuerySchema,
      response: DatasetListSchema,
    },
    (c, { query }) => uc.listDatasets(c.get('ctx'), query),
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/datasets',
      operationId: 'createDataset',
      status: 201,
      summary: 'Tạo bộ dữ liệu (bản nháp) của đơn vị',
      tags,
      body: DatasetInputSchema,
      response: CreatedDatasetSchema,
    },
    (c, { body }) => uc.createDataset(c.get('ctx'), body),
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/datasets/{id}',
      operationId: 'getDataset',
      summary: 'Một bộ dữ liệu: thông tin, tệp và chất lượng, lịch sử, truy cập, đồng bộ quốc gia',
      tags,
      params: IdParam,
      response: DatasetDetailSchema,
    },
    (c, { params }) => uc.getDataset(c.get('ctx'), params.id),
  );
}

function mountLifecycleRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  defineRoute(
    app,
    {
      method: 'put',
      path: '/datasets/{id}',
      operationId: 'updateDataset',
      summary: 'Sửa thông tin bộ dữ liệu (đã công bố: chỉ lãnh đạo; mỗi lần sửa là một phiên bản)',
      tags,
      params: IdParam,
      body: DatasetInputSchema,
      response: z.object({ id: z.number(), version: z.number() }),
    },
    (c, { params, body }) => uc.updateDataset(c.get('ctx'), params.id, body, { baseUrl: baseUrlOf(c, deps) }),
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/datasets/{id}/publish',
      operationId: 'publishDataset',
      summary: 'Công bố bộ dữ liệu (lãnh đạo đơn vị); dữ liệu mở còn dữ liệu cá nhân bị từ chối (422)',
      tags,
      params: IdParam,
      response: z.object({ id: z.number(), status: z.literal('published'), version: z.number() }),
    },
    (c, { params }) => uc.publishDataset(c.get('ctx'), params.id, { baseUrl: baseUrlOf(c, deps) }),
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/datasets/{id}/retract',
      operationId: 'retractDataset',
      summary: 'Thu hồi bộ dữ liệu đã công bố (lãnh đạo đơn vị, nêu lý do)',
      tags,
      params: IdParam,
      body: RetractSchema,
      response: z.object({ id: z.number(), status: z.literal('retracted') }),
    },
    (c, { params, body }) => uc.retractDataset(c.get('ctx'), params.id, body.reason),
  );
}

function mountResourceRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  defineRoute(
    app,
    {
      method: 'post',
      path: '/datasets/{id}/resources',
      operationId: 'addDatasetResource',
      status: 201,
      summary: 'Tải lên tệp dữ liệu (CSV, XLSX, JSON): báo cáo chất lượng và dữ liệu cá nhân phát hiện được',
      tags,
      params: IdParam,
      body: ResourceUploadSchema,
      response: ResourceCreatedSchema,
    },
    (c, { params, body }) => uc.addResource(c.get('ctx'), params.id, body, { baseUrl: baseUrlOf(c, deps) }),
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/datasets/{id}/resources/{rid}/versions',
      operationId: 'addDatasetResourceVersion',
      status: 201,
      summary: 'Tải lên phiên bản mới của tệp dữ liệu',
      tags,
      params: ResourceParams,
      body: ResourceUploadSchema,
      response: ResourceCreatedSchema,
    },
    (c, { params, body }) =>
      uc.addResourceVersion(c.get('ctx'), params.id, params.rid, body, { baseUrl: baseUrlOf(c, deps) }),
  );
  defineRoute(
    app,
    {
      method: 'delete',
      path: '/datasets/{id}/resources/{rid}',
      operationId: 'removeDatasetResource',
      summary: 'Xóa tệp dữ liệu khỏi bộ dữ liệu',
      tags,
      params: ResourceParams,
      response: z.object({ id: z.number(), removed: z.boolean() }),
    },
    (c, { params }) => uc.removeResource(c.get('ctx'), params.id, params.rid, { baseUrl: baseUrlOf(c, deps) }),
  );
}

function mountResourceToolRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  defineRoute(
    app,
    {
      method: 'post',
      path: '/datasets/{id}/resources/{rid}/findings/decision',
      operationId: 'dismissDatasetFinding',
      summary: 'Xác nhận một phát hiện dữ liệu cá nhân là nhận nhầm (kèm lý do)',
      tags,
      params: ResourceParams,
      body: FindingDecisionSchema,
      response: z.object({ resourceId: z.number(), column: z.string(), kind: z.string(), dismissed: z.boolean() }),
    },
    (c, { params, body }) =>
      uc.dismissFinding(c.get('ctx'), params.id, params.rid, body, { baseUrl: baseUrlOf(c, deps) }),
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/datasets/{id}/resources/{rid}/deidentify',
      operationId: 'deidentifyDatasetResource',
      status: 201,
      summary: 'Khử nhận dạng tệp (bỏ cột, che, chỉ giữ năm; kiểm tra k-ẩn danh): tạo phiên bản mới',
      tags,
      params: ResourceParams,
      body: DeidentifySchema,
      response: DeidentifiedSchema,
    },
    (c, { params, body }) =>
      uc.deidentifyResource(c.get('ctx'), params.id, params.rid, body, { baseUrl: baseUrlOf(c, deps) }),
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/datasets/{id}/resources/{rid}/download',
      operationId: 'downloadOwnDatasetResource',
      summary: 'Đơn vị chủ quản tải một phiên bản của tệp (được ghi nhật ký truy cập)',
      tags,
      params: ResourceParams,
      query: VersionQuery,
      produces: 'application/octet-stream',
    },
    async (c, { params, query }) =>
      sendFile(c, await uc.downloadOwnVersion(c.get('ctx'), params.id, params.rid, query.version)),
  );
}

function mountAccessRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  defineRoute(
    app,
    {
      method: 'post',
      path: '/datasets/{id}/access-requests',
      operationId: 'requestDatasetAccess',
      status: 201,
      summary: 'Đề nghị được truy cập dữ liệu mở có điều kiện hoặc dữ liệu thương mại',
      tags,
      params: IdParam,
      body: AccessRequestInputSchema,
      response: z.object({ id: z.number() }),
    },
    (c, { params, body }) => uc.requestAccess(c.get('ctx'), params.id, body),
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/datasets/{id}/access-requests',
      operationId: 'listDatasetAccessRequests',
      summary: 'Đề nghị truy cập bộ dữ liệu (lãnh đạo đơn vị chủ quản)',
      tags,
      params: IdParam,
      response: AccessRequestListSchema,
    },
    (c, { params }) => uc.listAccessRequests(c.get('ctx'), params.id),
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/datasets/{id}/access-requests/{rid}/decision',
      operationId: 'decideDatasetAccess',
      summary: 'Chấp thuận (có thời hạn) hoặc từ chối (nêu lý do) đề nghị truy cập',
      tags,
      params: RequestParams,
      body: AccessDecisionSchema,
      response: AccessRequestSchema,
    },
    (c, { params, body }) => uc.decideAccessRequest(c.get('ctx'), params.id, params.rid, body, deps.config),
  );
  defineRoute(
    app,
    {
      method: 'post',
      path: '/datasets/{id}/access-requests/{rid}/revoke',
      operationId: 'revokeDatasetAccess',
      summary: 'Thu hồi quyền truy cập đã chấp thuận (nêu lý do)',
      tags,
      params: RequestParams,
      body: RetractSchema,
      response: AccessRequestSchema,
    },
    (c, { params, body }) => uc.revokeAccess(c.get('ctx'), params.id, params.rid, body.reason),
  );
  defineRoute(
    app,
    {
      method: 'get',
      path: '/datasets/{id}/access-log',
      operationId: 'getDatasetAccessLog',
      summary: 'Nhật ký truy cập tệp dữ liệu: ai, khi nào, phiên bản nào, theo quyền nào',
      tags,
      params: IdParam,
      query: AccessLogQuerySchema,
      response: AccessLogSchema,
    },
    (c, { params, query }) => uc.accessLog(c.get('ctx'), params.id, query),
  );
}

export function datasetRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  mountCatalogueRoutes(app);
  mountLifecycleRoutes(app, deps);
  mountResourceRoutes(app, deps);
  mountResourceToolRoutes(app, deps);
  mountAccessRoutes(app, deps);
  mountPublicDatasetRoutes(app, deps);
  mountOrganisationRoutes(app, deps);
}
