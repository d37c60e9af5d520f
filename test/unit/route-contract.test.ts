// A route's declared response schema is a contract: with THIHANH_CHECK_RESPONSES=1 (every test run) an answer that
// does not match it is an error, so a field leaking into a public answer fails the tests instead of shipping.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { defineRoute } from '../../src/http/route.ts';
import { onError } from '../../src/http/errors.ts';
import type { AppEnv } from '../../src/http/env.ts';

function appAnswering(body: unknown) {
  const app = new OpenAPIHono<AppEnv>();
  app.onError(onError);
  defineRoute(
    app,
    {
      method: 'get',
      path: '/progress',
      operationId: 'progress',
      summary: 'x',
      tags: [],
      response: z.object({ share: z.number() }).strict(),
    },
    () => body,
  );
  return app;
}

test('an answer that matches its schema goes out', async () => {
  const r = await appAnswering({ share: 50 }).request('/progress');
  assert.equal(r.status, 200);
  assert.deepEqual(await r.json(), { share: 50 });
});

test('an extra field (a name in a public answer) is caught while checking, and answered without checking', async () => {
  const saved = process.env.THIHANH_CHECK_RESPONSES;
  try {
    process.env.THIHANH_CHECK_RESPONSES = '1';
    const checked = await appAnswering({ share: 50, officerName: 'Nguyễn Văn A' }).request('/progress');
    assert.equal(checked.status, 500);
    const body = (await checked.json()) as { error: { code: string; message: string } };
    assert.doesNotMatch(JSON.stringify(body), /Nguyễn Văn A/, 'the error never echoes the answer');
    process.env.THIHANH_CHECK_RESPONSES = '0';
    assert.equal((await appAnswering({ share: 50, officerName: 'Nguyễn Văn A' }).request('/progress')).status, 200);
  } finally {
    process.env.THIHANH_CHECK_RESPONSES = saved;
  }
});
