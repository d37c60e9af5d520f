// The national node's federated API (THIHANH_NODE_ROLE=national): provinces write with their bearer token, anyone
// reads the national catalogue. On a province these paths answer 404: they are listed in the OpenAPI document
// because a province is their client.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../../http/env.ts';
import type { AppDeps } from '../../http/app.ts';
import { errorBody, notFoundHandler } from '../../http/errors.ts';
import { defineRoute } from '../../http/route.ts';
import {
  NationalAiSystemDetailSchema,
  NationalAiSystemEntrySchema,
  NationalAiSystemListSchema,
  NationalAiSystemQuery,
  NationalDatasetDetailSchema,
  NationalDatasetEntrySchema,
  NationalDatasetListSchema,
  NationalDatasetQuery,
  NationalTombstoneSchema,
  NationalWriteAnswerSchema,
  UuidParam,
} from '../../contracts/sync.ts';
import { AppError } from '../../domain/errors.ts';
import type { NationalKind } from './store/national.ts';
import {
  getNational,
  listNational,
  provinceOfToken,
  provincesReady,
  receiveDelivery,
  type Delivery,
  type Province,
} from './use-cases/national.ts';

const tags = ['CSDL quốc gia (nút quốc gia)'];
const BODY_MAX_MB = 1;

// The province a request's token names, set by the guard before the body is validated (an unknown caller gets 401,
// not a description of what it got wrong in the body).
type WithProvince = Context<{ Variables: { nationalProvince: Province } }>;
const provinceOf = (c: Context<AppEnv>) => (c as unknown as WithProvince).get('nationalProvince');

function guard(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (deps.config.national.role !== 'national') return notFoundHandler(c);
    if (c.req.method === 'PUT' || c.req.method === 'DELETE') {
      await provincesReady(deps.db, deps.config);
      try {
        const province = await provinceOfToken(deps.db, c.req.header('authorization'));
        (c as unknown as WithProvince).set('nationalProvince', province);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        c.header('WWW-Authenticate', 'Bearer realm="national"');
        return c.json(errorBody(err.code, err.message), 401);
      }
    }
    return next();
  };
}

const KINDS: Array<{
  kind: NationalKind;
  path: string;
  name: string;
  ops: { put: string; del: string; list: string; get: string };
}> = [
  {
    kind: 'dataset',
    path: 'datasets',
    name: 'bộ dữ liệu',
    ops: {
      put: 'putNationalDataset',
      del: 'retractNationalDataset',
      list: 'listNationalDatasets',
      get: 'getNationalDataset',
    },
  },
  {
    kind: 'aiSystem',
    path: 'ai-systems',
    name: 'hệ thống trí tuệ nhân tạo',
    ops: {
      put: 'putNationalAiSystem',
      del: 'retractNationalAiSystem',
      list: 'listNationalAiSystems',
      get: 'getNationalAiSystem',
    },
  },
];

function mountWrites(api: OpenAPIHono<AppEnv>, deps: AppDeps, k: (typeof KINDS)[number]): void {
  const base = `/national/v1/${k.path}/{uuid}`;
  defineRoute(
    api,
    {
      method: 'put',
      path: base,
      operationId: k.ops.put,
      tags,
      summary: `Tỉnh gửi (tạo hoặc cập nhật) một ${k.name} theo mã định danh và phiên bản (mã kết nối của tỉnh: Authorization: Bearer)`,
      params: UuidParam,
      body: k.kind === 'dataset' ? NationalDatasetEntrySchema : NationalAiSystemEntrySchema,
      response: NationalWriteAnswerSchema,
    },
    (c, { params, body }) =>
      receiveDelivery(deps.db, provinceOf(c), c.get('ctx').ip, params.uuid, {
        kind: k.kind,
        op: 'put',
        entry: body,
      } as Delivery),
  );
  defineRoute(
    api,
    {
      method: 'delete',
      path: base,
      operationId: k.ops.del,
      tags,
      summary: `Tỉnh thu hồi một ${k.name}: rời danh mục quốc gia, giữ lại thông tin thu hồi`,
      params: UuidParam,
      body: NationalTombstoneSchema,
      response: NationalWriteAnswerSchema,
    },
    (c, { params, body }) =>
      receiveDelivery(deps.db, provinceOf(c), c.get('ctx').ip, params.uuid, {
        kind: k.kind,
        op: 'delete',
        tombstone: body,
      }),
  );
}

function mountReads(api: OpenAPIHono<AppEnv>, deps: AppDeps, k: (typeof KINDS)[number]): void {
  defineRoute(
    api,
    {
      method: 'get',
      path: `/national/v1/${k.path}`,
      operationId: k.ops.list,
      tags,
      summary: `Danh mục ${k.name} quốc gia của các tỉnh (công khai); tìm không cần dấu, lọc theo tỉnh`,
      query: k.kind === 'dataset' ? NationalDatasetQuery : NationalAiSystemQuery,
      response: k.kind === 'dataset' ? NationalDatasetListSchema : NationalAiSystemListSchema,
    },
    (_c, { query }) => {
      const q = query as Record<string, string | undefined> & { limit: number; offset: number };
      return listNational(deps.db, k.kind, { ...q, category: q.sector ?? q.riskLevel });
    },
  );
  defineRoute(
    api,
    {
      method: 'get',
      path: `/national/v1/${k.path}/{uuid}`,
      operationId: k.ops.get,
      tags,
      summary: `Một ${k.name} trong danh mục quốc gia (đã thu hồi: chỉ còn thông tin thu hồi)`,
      params: UuidParam,
      response: k.kind === 'dataset' ? NationalDatasetDetailSchema : NationalAiSystemDetailSchema,
    },
    (_c, { params }) => getNational(deps.db, k.kind, params.uuid),
  );
}

export function mountNationalRoutes(api: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  api.use('/national/*', guard(deps));
  api.use(
    '/national/*',
    bodyLimit({
      maxSize: BODY_MAX_MB * 1024 * 1024,
      onError: (c) =>
        c.json(errorBody('payload_too_large', `Dữ liệu gửi lên quá lớn (tối đa ${BODY_MAX_MB} MB).`), 413),
    }),
  );
  // On the national node its catalogue is read from the start, so the provinces' tokens are written at once.
  if (deps.config.national.role === 'national') provincesReady(deps.db, deps.config).catch(() => {});
  for (const k of KINDS) {
    mountWrites(api, deps, k);
    mountReads(api, deps, k);
  }
}
