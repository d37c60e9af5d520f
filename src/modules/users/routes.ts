import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { defineRoute, IdParam } from '../../http/route.ts';
import { SearchQuery } from '../../contracts/common.ts';
import { CreateUserSchema, EmailSchema, PersonName, PhoneSchema, RoleSchema } from './schema.ts';
import * as service from './service.ts';


const UserView = z.object({
  id: z.number(), username: z.string(), fullName: z.string(), email: z.string().nullable(), phone: z.string().nullable(), unitId: z.number(),
  unitName: z.string(), roles: z.array(z.string()), isActive: z.boolean(), isDemo: z.boolean(), mustChangePassword: z.boolean(), lastLoginAt: z.string().nullable(),
}).openapi('User');

export function userRoutes(app: OpenAPIHono<AppEnv>): void {
  const tags = ['Tài khoản'];
  defineRoute(app, {
    method: 'get', path: '/units/{id}/users', operationId: 'listUnitUsers', summary: 'Cán bộ, công chức của đơn vị', tags, params: IdParam,
    query: z.object({ subunits: z.enum(['true', 'false']).default('false'), q: SearchQuery(100, 0).optional() }), response: z.array(UserView),
  }, (c, { params, query }) => service.listUsers(c.get('ctx'), params.id, { includeSubunits: query.subunits === 'true', q: query.q }));

  defineRoute(app, { method: 'get', path: '/users/{id}', operationId: 'getUser', summary: 'Thông tin tài khoản', tags, params: IdParam, response: UserView },
    (c, { params }) => service.getUser(c.get('ctx'), params.id));

  defineRoute(app, {
    method: 'post', path: '/users', operationId: 'createUser', summary: 'Tạo tài khoản (mật khẩu tạm nếu để trống)', tags, status: 201,
    body: CreateUserSchema,
    response: z.object({ id: z.number(), username: z.string(), temporaryPassword: z.string().nullable() }),
  }, (c, { body }) => service.createUser(c.get('ctx'), body));

  defineRoute(app, {
    method: 'patch', path: '/users/{id}', operationId: 'updateUser', summary: 'Sửa tài khoản: họ tên, đơn vị, vai trò, khóa/mở', tags, params: IdParam,
    body: z.object({
      fullName: PersonName.optional(), email: EmailSchema, phone: PhoneSchema, unitId: z.number().int().positive().optional(),
      roles: z.array(RoleSchema).min(1).max(5).optional(), isActive: z.boolean().optional(),
    }).strict(),
    response: UserView,
  }, (c, { params, body }) => service.updateUser(c.get('ctx'), params.id, body));

  defineRoute(app, {
    method: 'post', path: '/users/{id}/reset-password', operationId: 'resetUserPassword', summary: 'Đặt lại mật khẩu (cấp mật khẩu tạm)', tags, params: IdParam,
    response: z.object({ temporaryPassword: z.string() }),
  }, (c, { params }) => service.resetPassword(c.get('ctx'), params.id));
}
