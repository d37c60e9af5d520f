import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Config } from '../config.ts';
import { countHit, SESSION_COOKIE, sessionFromToken } from '../modules/auth/index.ts';
import type { AppEnv } from './env.ts';
import { errorBody } from './errors.ts';
import { clientOrigin } from './forwarded.ts';
import { waitText } from '../domain/throttle.ts';

let warnedUntrustedProxy = false;

function origin(c: Parameters<MiddlewareHandler>[0], trustProxy: number) {
  if (!trustProxy && !warnedUntrustedProxy && c.req.header('x-forwarded-for')) {
    // Behind a proxy that is not declared, every client has the proxy's address: one address's limits then apply
    // to the whole site. Say so once; the header itself is still ignored (a client could have written it).
    warnedUntrustedProxy = true;
    console.warn(
      'Yêu cầu có X-Forwarded-For nhưng THIHANH_TRUST_PROXY chưa đặt: nếu máy chủ đứng sau proxy của bạn, đặt THIHANH_TRUST_PROXY bằng số proxy (thường là 1), nếu không mọi người dùng bị tính chung một địa chỉ.',
    );
  }
  let socketAddress: string | undefined;
  try {
    socketAddress = getConnInfo(c).remote.address;
  } catch {
    /* app.request() in tests has no socket */
  }
  return clientOrigin(
    {
      forwardedFor: c.req.header('x-forwarded-for'),
      forwardedProto: c.req.header('x-forwarded-proto'),
      socketAddress,
      socketTls: new URL(c.req.url).protocol === 'https:',
    },
    trustProxy,
  );
}

/** Resolves the session cookie into the acting user and builds the use-case context. */
export function sessionMiddleware(db: Kysely<DB>, config: Config): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = await sessionFromToken(db, token);
    c.set('config', config);
    c.set('session', session);
    c.set('sessionToken', session ? token : undefined);
    const client = origin(c, config.trustProxy);
    c.set('secure', client.secure);
    c.set('ctx', { db, actor: session?.actor ?? null, ip: client.ip });
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
    try {
      originHost = new URL(origin).host;
    } catch {
      /* malformed */
    }
    if (!host || originHost !== host)
      return c.json(errorBody('csrf', 'Yêu cầu bị từ chối: nguồn gửi không hợp lệ.'), 403);
  }
  const session = c.get('session');
  if (session) {
    if (c.req.header('x-csrf-token') !== session.csrfToken) {
      return c.json(
        errorBody('csrf', 'Phiên làm việc không hợp lệ hoặc đã hết hạn. Hãy tải lại trang rồi thử lại.'),
        403,
      );
    }
  } else {
    const type = c.req.header('content-type') ?? '';
    if (!/^(application\/json|multipart\/form-data)/i.test(type) && (c.req.header('content-length') ?? '0') !== '0') {
      return c.json(errorBody('unsupported_media_type', 'Dữ liệu phải gửi dạng JSON.'), 415);
    }
  }
  return next();
};

type Ctx = Parameters<MiddlewareHandler<AppEnv>>[0];

/** Counts the request in the database (shared by every server process on it); a 429 answer once past `max`. */
async function overLimit(
  c: Ctx,
  bucket: string,
  key: string,
  max: number,
  windowSeconds: number,
): Promise<Response | null> {
  const { hits, resetSeconds } = await countHit(c.get('ctx').db, bucket, key, windowSeconds);
  c.header('RateLimit-Limit', String(max));
  c.header('RateLimit-Remaining', String(Math.max(0, max - hits)));
  if (hits <= max) return null;
  c.header('Retry-After', String(resetSeconds));
  return c.json(
    errorBody('rate_limited', `Bạn gửi quá nhiều yêu cầu. Vui lòng thử lại sau ${waitText(resetSeconds)}.`),
    429,
  );
}

/** The general limit, one upsert per request: signed-in callers per user, anonymous ones per address. */
export function rateLimit(limits: Config['rateLimit']): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { actor, ip } = c.get('ctx');
    const [bucket, key, max] = actor
      ? ['user', String(actor.userId), limits.userPerMinute]
      : ['public', ip ?? 'unknown', limits.publicPerMinute];
    return (max > 0 && (await overLimit(c, bucket, key, max, 60))) || next();
  };
}

/**
 * A tighter limit for anonymous callers of some routes, per address, on top of the general one. Lifted with it:
 * THIHANH_RATE_LIMIT_PUBLIC=0 says the public is not limited (a load benchmark, a closed test network).
 */
export function anonymousLimit(opts: { bucket: string; perMinute: number }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { actor, ip } = c.get('ctx');
    const lifted = c.get('config').rateLimit.publicPerMinute === 0;
    return (!actor && !lifted && (await overLimit(c, opts.bucket, ip ?? 'unknown', opts.perMinute, 60))) || next();
  };
}
