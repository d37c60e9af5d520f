// Composition of the HTTP application: middleware, module routers, OpenAPI document, the web app.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import { bodyLimit } from 'hono/body-limit';
import type { MiddlewareHandler } from 'hono';
import { RESOURCE_BODY_MAX_BYTES, RESOURCE_MAX_BYTES } from '../contracts/datasets.ts';
import {
  EVIDENCE_MAX_BYTES,
  EVIDENCE_MAX_TOTAL_BYTES,
  formatSize,
  UPDATE_REQUEST_MAX_BYTES,
} from '../domain/tracking/evidence.ts';
import { serveStatic } from '@hono/node-server/serve-static';
import { cacheForever, compressJson } from './compression.ts';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { ping } from '../db/ping.ts';
import type { Config } from '../config.ts';
import type { AppEnv } from './env.ts';
import { errorBody, notFoundHandler, onError } from './errors.ts';
import { csrfMiddleware, rateLimit, sessionMiddleware } from './middleware.ts';
import { installVietnameseErrors, validationHook } from './validation.ts';
import { defineRoute } from './route.ts';
import { MODULES } from '../modules/index.ts';
import type { MountRoutes } from '../modules/module.ts';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

// Route files load once, when this file is first imported, so that building an app stays synchronous (tests and the
// server build one with createApp) while the CLI, which reads the same module list, never loads them.
const MOUNTS: MountRoutes[] = (await Promise.all(MODULES.map((m) => m.routes?.()))).filter(
  (m): m is MountRoutes => m !== undefined,
);

export interface AppDeps {
  db: Kysely<DB>;
  config: Config;
  backend: string;
}

/**
 * A body limit for the requests that may carry a body. A GET or HEAD has none that anything reads, and asking for
 * one (`c.req.raw.body`) makes the Node adapter build a whole web Request: skipped, it costs a read nothing.
 */
function withBody(limit: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> {
  return (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next));
}

/** How large a request's body may be: route by route where files travel, 2 MB of JSON elsewhere. */
function mountBodyLimits(api: OpenAPIHono<AppEnv>): void {
  const tooLarge = (mb: number) => (c: Parameters<typeof notFoundHandler>[0]) =>
    c.json(errorBody('payload_too_large', `Dữ liệu gửi lên quá lớn (tối đa ${mb} MB).`), 413);
  // Imported documents arrive base64-encoded in JSON: up to about 2 MB of file on that route, 2 MB of JSON elsewhere.
  // Evidence files (base64 in JSON) may be larger: up to 20 MB of files per progress update.
  const largeBody = (path: string) =>
    /\/plans\/import$|\/units\/\d+\/import$|\/assignments\/\d+\/updates$|\/datasets\/\d+\/resources(\/\d+\/versions)?$/.test(
      path,
    );
  // A file of up to 2 MB travels as about 2.7 MB of base64: its own check answers past that, naming the file.
  const importBody = withBody(bodyLimit({ maxSize: 3 * 1024 * 1024, onError: tooLarge(3) }));
  api.use('/plans/import', importBody);
  api.use('/units/:id/import', importBody);
  api.use(
    '/assignments/:id/updates',
    withBody(
      bodyLimit({
        maxSize: UPDATE_REQUEST_MAX_BYTES,
        onError: (c) =>
          c.json(
            errorBody(
              'payload_too_large',
              `Minh chứng gửi lên quá lớn: tối đa ${formatSize(EVIDENCE_MAX_BYTES)} mỗi tệp và ${formatSize(EVIDENCE_MAX_TOTAL_BYTES)} mỗi lần cập nhật.`,
            ),
            413,
          ),
      }),
    ),
  );
  const datasetFile = withBody(
    bodyLimit({
      maxSize: RESOURCE_BODY_MAX_BYTES,
      onError: (c) =>
        c.json(
          errorBody(
            'payload_too_large',
            `Tệp dữ liệu gửi lên quá lớn: tối đa ${formatSize(RESOURCE_MAX_BYTES)} mỗi tệp. Hãy chia nhỏ tệp.`,
          ),
          413,
        ),
    }),
  );
  api.use('/datasets/:id/resources', datasetFile);
  api.use('/datasets/:id/resources/:rid/versions', datasetFile);
  const anyBody = withBody(bodyLimit({ maxSize: 2 * 1024 * 1024, onError: tooLarge(2) }));
  api.use('*', async (c, next) => (largeBody(c.req.path) ? next() : anyBody(c, next)));
}

/** The API under /api, as its own router so the OpenAPI document lists exactly its routes. */
export function createApi(deps: AppDeps): OpenAPIHono<AppEnv> {
  installVietnameseErrors();
  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
  api.use('*', sessionMiddleware(deps.db, deps.config));
  mountBodyLimits(api);
  api.use('*', csrfMiddleware);
  // Anonymous traffic per address, signed-in traffic per user; failed logins are throttled by the login itself.
  api.use('*', rateLimit(deps.config.rateLimit));

  defineRoute(
    api,
    {
      method: 'get',
      path: '/health',
      operationId: 'health',
      summary: 'Tình trạng máy chủ và cơ sở dữ liệu',
      tags: ['Hệ thống'],
      response: z
        .object({ status: z.literal('ok'), backend: z.string(), time: z.string().openapi({ format: 'date-time' }) })
        .strict(),
    },
    async () => {
      await ping(deps.db);
      return { status: 'ok', backend: deps.backend, time: new Date().toISOString() };
    },
  );

  for (const mount of MOUNTS) mount(api, deps);

  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Thi Hành API',
      version: '0.1.0',
      description:
        'API của Thi Hành: kế hoạch, nhiệm vụ, báo cáo thi hành luật. Mọi lỗi trả về JSON { error: { code, message, issues } }.',
    },
  });
  api.notFound(notFoundHandler);
  api.onError(onError);
  return api;
}

export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
      referrerPolicy: 'same-origin',
      // A route that sets a header of its own keeps it (evidence downloads: default-src 'none'; sandbox).
      overwrite: false,
    }),
  );
  app.use('/api/*', compressJson());
  app.route('/api', createApi(deps));
  app.onError(onError);
  if (existsSync(WEB_DIST)) {
    app.use('/assets/*', cacheForever, serveStatic({ root: WEB_DIST, precompressed: true }));
    app.get('/assets/*', notFoundHandler);
    app.use('/favicon.svg', serveStatic({ root: WEB_DIST }));
    const index = () => readFileSync(`${WEB_DIST}index.html`, 'utf8');
    // Client-side routes: every other GET returns the app shell, which names the current hashed assets: the browser
    // asks again each time (no-cache, answered from its cache when unchanged), so a new version reaches it at once.
    app.get('*', (c) =>
      c.req.path.startsWith('/api/') ? notFoundHandler(c) : c.html(index(), 200, { 'Cache-Control': 'no-cache' }),
    );
  } else {
    app.get('/', (c) => c.text('Chưa có giao diện web: chạy "npm run build:web".', 503));
  }
  app.notFound(notFoundHandler);
  return app;
}
