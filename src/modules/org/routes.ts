import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { defineRoute, IdParam } from '../../http/route.ts';
import {
  CreateChildUnitSchema,
  MergeResultSchema,
  MergeUnitSchema,
  RenameUnitSchema,
  RetireUnitSchema,
  UnitImportBodySchema,
  UnitImportResultSchema,
  UnitDetailSchema,
  UnitSchema,
  UnitSearchHitSchema,
  UnitSearchQuerySchema,
  UnitWithCountSchema,
} from '../../contracts/org.ts';
import { UnitDocumentSettingsBodySchema, UnitDocumentSettingsSchema } from '../../contracts/document-settings.ts';
import { invalid } from '../../domain/errors.ts';
import * as service from './service.ts';

const tags = ['Đơn vị'];

export function orgRoutes(app: OpenAPIHono<AppEnv>): void {
  mountUnitReadRoutes(app);
  mountUnitChangeRoutes(app);
  mountDocumentSettingsRoutes(app);
  mountUnitImportRoute(app);
}

function mountUnitReadRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/units',
      operationId: 'listRootUnits',
      summary: 'Các đơn vị gốc của cây tổ chức',
      tags,
      response: z.array(UnitWithCountSchema),
    },
    (c) => service.listRoots(c.get('ctx')),
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/units/search',
      operationId: 'searchUnits',
      summary: 'Tìm đơn vị theo tên (không dấu), tên cũ hoặc mã',
      tags,
      query: UnitSearchQuerySchema,
      response: z.array(UnitSearchHitSchema),
    },
    (c, { query }) =>
      service.searchUnits(
        c.get('ctx'),
        query.q,
        query.limit,
        query.kind === undefined ? undefined : [query.kind].flat(),
      ),
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/units/{id}',
      operationId: 'getUnit',
      summary: 'Thông tin đơn vị, đơn vị cấp trên, trực thuộc và tên cũ',
      tags,
      params: IdParam,
      response: UnitDetailSchema,
    },
    (c, { params }) => service.getUnitDetail(c.get('ctx'), params.id),
  );
}

function mountUnitChangeRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    {
      method: 'post',
      path: '/units/{id}/children',
      operationId: 'createChildUnit',
      summary: 'Thêm đơn vị trực thuộc (thôn, tổ dân phố…)',
      tags,
      params: IdParam,
      status: 201,
      body: CreateChildUnitSchema,
      response: UnitSchema,
    },
    (c, { params, body }) => service.createChildUnit(c.get('ctx'), params.id, body),
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/units/{id}/rename',
      operationId: 'renameUnit',
      summary: 'Đổi tên đơn vị (tên cũ được lưu)',
      tags,
      params: IdParam,
      body: RenameUnitSchema,
      response: UnitSchema,
    },
    (c, { params, body }) => service.renameUnit(c.get('ctx'), params.id, body),
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/units/{id}/merge',
      operationId: 'mergeUnit',
      summary: 'Sáp nhập đơn vị vào đơn vị khác',
      tags,
      params: IdParam,
      body: MergeUnitSchema,
      response: MergeResultSchema,
    },
    (c, { params, body }) => service.mergeUnit(c.get('ctx'), params.id, body.intoId),
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/units/{id}/retire',
      operationId: 'retireUnit',
      summary: 'Giải thể đơn vị',
      tags,
      params: IdParam,
      body: RetireUnitSchema,
      response: UnitSchema,
    },
    (c, { params, body }) => service.retireUnit(c.get('ctx'), params.id, body.reason),
  );
}

function mountDocumentSettingsRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/units/{id}/document-settings',
      operationId: 'getUnitDocumentSettings',
      summary: 'Thiết lập văn bản của đơn vị: người ký, đơn vị soạn thảo (Lưu: VT, …), ký hiệu',
      tags,
      params: IdParam,
      response: UnitDocumentSettingsSchema,
    },
    (c, { params }) => service.getDocumentSettings(c.get('ctx'), params.id),
  );

  defineRoute(
    app,
    {
      method: 'put',
      path: '/units/{id}/document-settings',
      operationId: 'updateUnitDocumentSettings',
      summary: 'Lưu thiết lập văn bản của đơn vị (quản trị đơn vị hoặc cấp trên)',
      tags,
      params: IdParam,
      body: UnitDocumentSettingsBodySchema,
      response: UnitDocumentSettingsSchema,
    },
    (c, { params, body }) => service.updateDocumentSettings(c.get('ctx'), params.id, body),
  );
}

/** A province's own communes and offices, or its departments, from a CSV (all or nothing). */
function mountUnitImportRoute(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    {
      method: 'post',
      path: '/units/{id}/import',
      operationId: 'importUnits',
      summary: 'Nạp xã, phường (kèm các phòng, ban) hoặc sở, ngành của một tỉnh từ tệp CSV (tất cả hoặc không)',
      tags,
      params: IdParam,
      body: UnitImportBodySchema,
      response: UnitImportResultSchema,
    },
    (c, { params, body }) => {
      const content = Buffer.from(body.contentBase64, 'base64');
      if (!content.length)
        throw invalid('unit.import_empty', 'Tệp rỗng.', [
          { path: 'contentBase64', message: 'Chọn một tệp có nội dung.' },
        ]);
      return service.importUnitsUpload(c.get('ctx'), params.id, { filename: body.filename, content });
    },
  );
}
