import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Config } from '../config.ts';
import { SESSION_COOKIE, sessionFromToken } from '../modules/auth/service.ts';
import type { AppEnv } from './env.ts';
import { errorBody } from './errors.ts';

function clientIp(c: Parameters<MiddlewareHandler>[0], trustProxy: boolean): string {
  if (trustProxy) {
    const fwd = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (fwd) return fwd;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests has no socket
  }
}

/** Resolves the session cookie into the acting user and builds the use-case context. */
export function sessionMiddleware(db: Kysely<DB>, config: Config): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = await sessionFromToken(db, token);
    c.set('config', config);
    c.set('session', session);
    c.set('sessionToken', session ? token : undefined);
    c.set('ctx', { db, actor: session?.actor ?? null, ip: clientIp(c, config.trustProxy) });
    await next();
  };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF: a signed-in state change must carry the session's token in X-CSRF-Token (the SPA reads it from
 * /api/auth/me). Anonymous state changes (login, public submissions) must be JSON or multipart from our own
 * origin: a cross-site HTML form can send neither with a matching Origin.
 */
export const csrfMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!UNSAFE.has(c.req.method)) return next();
  const origin = c.req.header('origin');
  if (origin) {
    const host = c.req.header('host');
    let originHost: string | null = null;
    try { originHost = new URL(origin).host; } catch { /* malformed */ }
    if (!host || originHost !== host) return c.json(errorBody('csrf', 'Yêu cầu bị từ chối: nguồn gửi không hợp lệ.'), 403);
  }
  const session = c.get('session');
  if (session) {
    if (c.req.header('x-csrf-token') !== session.csrfToken) {
      return c.json(errorBody('csrf', 'Phiên làm việc không hợp lệ hoặc đã hết hạn. Hãy tải lại trang rồi thử lại.'), 403);
    }
  } else {
    const type = c.req.header('content-type') ?? '';
    if (!/^(application\/json|multipart\/form-data)/i.test(type) && (c.req.header('content-length') ?? '0') !== '0') {
      return c.json(errorBody('unsupported_media_type', 'Dữ liệu phải gửi dạng JSON.'), 415);
    }
  }
  return next();
};

/**
 * Fixed-window rate limiting per client address, in memory (one server process owns the embedded database;
 * behind several processes put the limit in the reverse proxy as well).
 */
export function rateLimit(opts: { windowMs: number; max: number; bucket: string; anonymousOnly?: boolean }): MiddlewareHandler<AppEnv> {
  const hits = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    if (opts.anonymousOnly && c.get('session')) return next();
    const now = Date.now();
    const key = c.get('ctx').ip ?? 'unknown';
    let h = hits.get(key);
    if (!h || now - h.start >= opts.windowMs) {
      h = { start: now, count: 0 };
      hits.set(key, h);
      if (hits.size > 50_000) for (const [k, v] of hits) if (now - v.start >= opts.windowMs) hits.delete(k);
    }
    h.count++;
    c.header('RateLimit-Limit', String(opts.max));
    c.header('RateLimit-Remaining', String(Math.max(0, opts.max - h.count)));
    if (h.count > opts.max) {
      c.header('Retry-After', String(Math.ceil((h.start + opts.windowMs - now) / 1000)));
      return c.json(errorBody('rate_limited', 'Bạn gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.'), 429);
    }
    return next();
  };
}
