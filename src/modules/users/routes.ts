import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { defineRoute, IdParam } from '../../http/route.ts';
import {
  CreatedUserSchema,
  CreateUserSchema,
  TemporaryPasswordSchema,
  UnitUsersQuerySchema,
  UpdateUserSchema,
  UserSchema,
} from '../../contracts/users.ts';
import { z } from '@hono/zod-openapi';
import * as service from './service.ts';

export function userRoutes(app: OpenAPIHono<AppEnv>): void {
  const tags = ['Tài khoản'];
  defineRoute(
    app,
    {
      method: 'get',
      path: '/units/{id}/users',
      operationId: 'listUnitUsers',
      summary: 'Cán bộ, công chức của đơn vị',
      tags,
      params: IdParam,
      query: UnitUsersQuerySchema,
      response: z.array(UserSchema),
    },
    (c, { params, query }) =>
      service.listUsers(c.get('ctx'), params.id, { includeSubunits: query.subunits === 'true', q: query.q }),
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/users/{id}',
      operationId: 'getUser',
      summary: 'Thông tin tài khoản',
      tags,
      params: IdParam,
      response: UserSchema,
    },
    (c, { params }) => service.getUser(c.get('ctx'), params.id),
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/users',
      operationId: 'createUser',
      summary: 'Tạo tài khoản (mật khẩu tạm nếu để trống)',
      tags,
      status: 201,
      body: CreateUserSchema,
      response: CreatedUserSchema,
    },
    (c, { body }) => service.createUser(c.get('ctx'), body),
  );

  defineRoute(
    app,
    {
      method: 'patch',
      path: '/users/{id}',
      operationId: 'updateUser',
      summary: 'Sửa tài khoản: họ tên, đơn vị, vai trò, khóa/mở',
      tags,
      params: IdParam,
      body: UpdateUserSchema,
      response: UserSchema,
    },
    (c, { params, body }) => service.updateUser(c.get('ctx'), params.id, body),
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/users/{id}/reset-password',
      operationId: 'resetUserPassword',
      summary: 'Đặt lại mật khẩu (cấp mật khẩu tạm)',
      tags,
      params: IdParam,
      response: TemporaryPasswordSchema,
    },
    (c, { params }) => service.resetPassword(c.get('ctx'), params.id),
  );
}
