import type { OpenAPIHono } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../http/env.ts';
import { defineRoute } from '../../http/route.ts';
import { ChangePasswordBodySchema, LoginBodySchema, MeSchema } from '../../contracts/auth.ts';
import { unauthorized } from '../../domain/errors.ts';
import { changeOwnPassword, login, LoginThrottled, logout, SESSION_COOKIE } from './service.ts';

export function authRoutes(app: OpenAPIHono<AppEnv>): void {
  const tags = ['Đăng nhập'];
  defineRoute(
    app,
    {
      method: 'post',
      path: '/auth/login',
      operationId: 'login',
      summary: 'Đăng nhập bằng tên đăng nhập và mật khẩu',
      tags,
      body: LoginBodySchema,
      response: MeSchema,
    },
    async (c, { body }) => {
      const config = c.get('config');
      const { token, session } = await login(
        c.get('ctx'),
        { ...body, userAgent: c.req.header('user-agent') ?? null },
        config.sessionTtlHours,
      ).catch((e: unknown) => {
        if (e instanceof LoginThrottled) c.header('Retry-After', String(e.retryAfter));
        throw e;
      });
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Strict',
        path: '/',
        secure: c.get('secure'),
        maxAge: config.sessionTtlHours * 3600,
      });
      return { user: session.user, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
    },
  );

  defineRoute(
    app,
    { method: 'post', path: '/auth/logout', operationId: 'logout', summary: 'Đăng xuất', tags },
    async (c) => {
      await logout(c.get('ctx'), c.get('sessionToken'));
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure: c.get('secure') });
      return { ok: true };
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/auth/me',
      operationId: 'me',
      summary: 'Người dùng đang đăng nhập và mã chống CSRF',
      tags,
      response: MeSchema,
    },
    (c) => {
      const s = c.get('session');
      if (!s) throw unauthorized();
      return { user: s.user, csrfToken: s.csrfToken, expiresAt: s.expiresAt.toISOString() };
    },
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/auth/password',
      operationId: 'changePassword',
      summary: 'Đổi mật khẩu của mình',
      tags,
      body: ChangePasswordBodySchema,
    },
    async (c, { body }) => {
      await changeOwnPassword(c.get('ctx'), body, c.get('sessionToken'));
      return { ok: true };
    },
  );
}
