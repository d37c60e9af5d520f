// What travels to a phone on a commune's 4G: the web app's hashed assets are compressed once at build time
// (scripts/build-web.ts writes .br and .gz beside them) and cached for a year; API answers in JSON of 1 KB or more
// are gzipped per request (a plan, a list of 166 communes' statuses: 5–20× smaller).
import type { MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';

const JSON_TYPE = /^application\/json/i;

/** Gzip for JSON answers of at least 1 KB, when the client accepts it (browsers, fetch; not app.request in tests). */
export function compressJson(): MiddlewareHandler {
  const gzip = compress({ encoding: 'gzip', threshold: 1024, contentTypeFilter: JSON_TYPE });
  return (c, next) => {
    if (!/\bgzip\b/i.test(c.req.header('Accept-Encoding') ?? '')) return next();
    return gzip(c, async () => {
      await next();
      // c.json() leaves Content-Length unset, and without it the threshold cannot tell a 40-byte answer from a
      // 40 KB one: set it from the body, which is a string in memory already.
      const res = c.res;
      if (res.body && !res.headers.has('Content-Length') && JSON_TYPE.test(res.headers.get('Content-Type') ?? '')) {
        const body = await res.arrayBuffer();
        c.res = new Response(body, res);
        c.res.headers.set('Content-Length', String(body.byteLength));
      }
    });
  };
}

/** Hashed file names change with their content: a browser may keep them a year and never ask again. */
export const cacheForever: MiddlewareHandler = async (c, next) => {
  await next();
  // Only what serveStatic found (it sets Last-Modified); a missing asset falls through to a 404.
  if (c.res.headers.has('Last-Modified')) c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
};
