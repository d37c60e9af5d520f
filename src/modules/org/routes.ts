import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { defineRoute, IdParam } from '../../http/route.ts';
import { Name, SearchQuery, ShortText } from '../../contracts/common.ts';
import { UNIT_KINDS } from '../../domain/org/unit.ts';
import * as service from './service.ts';

const UnitView = z.object({
  id: z.number(), parentId: z.number().nullable(), kind: z.string(), kindLabel: z.string(), code: z.string(),
  name: z.string(), shortName: z.string(), status: z.string(), mergedIntoId: z.number().nullable(),
}).strict().openapi('Unit');

const UnitWithCount = UnitView.extend({ childCount: z.number().int() }).strict().openapi('UnitWithCount');

/** A unit's page: public (the register is public; people are listed by /users, for those who may see them). */
const UnitDetail = z.object({
  unit: UnitView,
  ancestors: z.array(UnitView),
  children: z.array(UnitWithCount),
  aliases: z.array(z.object({ name: z.string(), kind: z.string(), note: z.string().nullable() }).strict()),
  mergedInto: UnitView.nullable(),
  allowedChildKinds: z.array(z.enum(UNIT_KINDS)),
}).strict().openapi('UnitDetail');

/** A search hit: the unit, its parent's name and what matched (a former name, a code…). Public, so strict. */
const UnitSearchHit = UnitView.extend({
  parentName: z.string().nullable(),
  matched: z.string().openapi({ description: 'Tên hoặc mã đã khớp với từ khóa' }),
  matchedKind: z.string().openapi({ description: 'name | shortName | code | former | abbreviation | other' }),
  score: z.number(),
}).strict().openapi('UnitSearchHit');

const NameText = Name(200, 2);
const ShortName = Name(200, 0).optional();

export function orgRoutes(app: OpenAPIHono<AppEnv>): void {
  const tags = ['Đơn vị'];
  defineRoute(app, { method: 'get', path: '/units', operationId: 'listRootUnits', summary: 'Các đơn vị gốc của cây tổ chức', tags, response: z.array(UnitWithCount) },
    (c) => service.listRoots(c.get('ctx')));

  defineRoute(app, {
    method: 'get', path: '/units/search', operationId: 'searchUnits', summary: 'Tìm đơn vị theo tên (không dấu), tên cũ hoặc mã', tags,
    query: z.object({
      q: SearchQuery(200),
      limit: z.coerce.number().int().min(1).max(100).default(20),
      kind: z.union([z.enum(UNIT_KINDS), z.array(z.enum(UNIT_KINDS))]).optional(),
    }),
    response: z.array(UnitSearchHit),
  }, (c, { query }) => service.searchUnits(c.get('ctx'), query.q, query.limit, query.kind === undefined ? undefined : [query.kind].flat()));

  defineRoute(app, { method: 'get', path: '/units/{id}', operationId: 'getUnit', summary: 'Thông tin đơn vị, đơn vị cấp trên, trực thuộc và tên cũ', tags, params: IdParam, response: UnitDetail },
    (c, { params }) => service.getUnitDetail(c.get('ctx'), params.id));

  defineRoute(app, {
    method: 'post', path: '/units/{id}/children', operationId: 'createChildUnit', summary: 'Thêm đơn vị trực thuộc (thôn, tổ dân phố…)', tags, params: IdParam, status: 201,
    body: z.object({ kind: z.enum(UNIT_KINDS), name: NameText, shortName: ShortName }).strict(), response: UnitView,
  }, (c, { params, body }) => service.createChildUnit(c.get('ctx'), params.id, body));

  defineRoute(app, {
    method: 'post', path: '/units/{id}/rename', operationId: 'renameUnit', summary: 'Đổi tên đơn vị (tên cũ được lưu)', tags, params: IdParam,
    body: z.object({ name: NameText, shortName: ShortName }).strict(), response: UnitView,
  }, (c, { params, body }) => service.renameUnit(c.get('ctx'), params.id, body));

  defineRoute(app, {
    method: 'post', path: '/units/{id}/merge', operationId: 'mergeUnit', summary: 'Sáp nhập đơn vị vào đơn vị khác', tags, params: IdParam,
    body: z.object({ intoId: z.number().int().positive() }).strict(),
  }, (c, { params, body }) => service.mergeUnit(c.get('ctx'), params.id, body.intoId));

  defineRoute(app, {
    method: 'post', path: '/units/{id}/retire', operationId: 'retireUnit', summary: 'Giải thể đơn vị', tags, params: IdParam,
    body: z.object({ reason: ShortText(1000, 5) }).strict(), response: UnitView,
  }, (c, { params, body }) => service.retireUnit(c.get('ctx'), params.id, body.reason));
}
