// One way to declare a route: its schemas feed validation and the OpenAPI document at the same time.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from './env.ts';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation' }),
      message: z.string().openapi({ example: 'Dữ liệu không hợp lệ.' }),
      issues: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  })
  .openapi('Error');

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorSchema } },
});

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Empty = z.ZodObject<{}>;

export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  method: Method;
  /** OpenAPI-style path relative to /api: "/units/{id}". */
  path: string;
  operationId: string;
  summary: string;
  tags: string[];
  params?: P;
  query?: Q;
  body?: B;
  response?: z.ZodType;
  status?: 200 | 201;
  /** Responses that are files (DOCX, XLSX) rather than JSON. */
  produces?: string;
}

export interface RouteInput<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  params: z.infer<P>;
  query: z.infer<Q>;
  body: z.infer<B>;
}

/** THIHANH_CHECK_RESPONSES=1 (set by the test support): every answer is checked against its declared schema. */
const checkResponses = () => process.env.THIHANH_CHECK_RESPONSES === '1';

export function defineRoute<P extends z.ZodType = Empty, Q extends z.ZodType = Empty, B extends z.ZodType = Empty>(
  app: OpenAPIHono<AppEnv>,
  spec: RouteSpec<P, Q, B>,
  handler: (c: Context<AppEnv>, input: RouteInput<P, Q, B>) => Promise<unknown> | unknown,
): void {
  const status = spec.status ?? 200;
  const route = createRoute({
    method: spec.method,
    path: spec.path,
    operationId: spec.operationId,
    summary: spec.summary,
    tags: spec.tags,
    request: {
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.query ? { query: spec.query } : {}),
      ...(spec.body ? { body: { content: { 'application/json': { schema: spec.body } }, required: true } } : {}),
    },
    responses: {
      [status]: spec.produces
        ? { description: 'Tệp', content: { [spec.produces]: { schema: z.string().openapi({ format: 'binary' }) } } }
        : { description: 'Thành công', content: { 'application/json': { schema: spec.response ?? z.unknown() } } },
      400: errorResponse('Dữ liệu không đúng định dạng (trường nào sai nêu trong issues)'),
      401: errorResponse('Chưa đăng nhập'),
      403: errorResponse('Không có quyền'),
      404: errorResponse('Không tìm thấy'),
      409: errorResponse('Không thực hiện được ở trạng thái hiện tại của hồ sơ'),
      ...(spec.body ? { 413: errorResponse('Dữ liệu gửi lên quá lớn') } : {}),
      422: errorResponse('Dữ liệu đúng định dạng nhưng không hợp lệ theo nghiệp vụ'),
      429: errorResponse('Quá nhiều yêu cầu; thử lại sau (xem Retry-After)'),
    },
  } as Parameters<typeof createRoute>[0]);
  // The generic handler signature of OpenAPIHono is tied to literal route types; our inputs are typed by
  // RouteInput instead, so the registration itself is untyped.
  (app as unknown as { openapi: (r: unknown, h: (c: Context<AppEnv>) => Promise<Response>) => void }).openapi(
    route,
    async (c) => {
      const v = c.req as unknown as { valid: (t: string) => unknown };
      const input = {
        params: spec.params ? v.valid('param') : {},
        query: spec.query ? v.valid('query') : {},
        body: spec.body ? v.valid('json') : {},
      } as RouteInput<P, Q, B>;
      const result = await handler(c, input);
      if (result instanceof Response) return result;
      if (spec.response && checkResponses()) {
        // The declared response is a contract (it is what the OpenAPI document promises, and for public routes a
        // strict schema is what keeps internal fields and personal data out). Tests hold every answer to it.
        const checked = spec.response.safeParse(result);
        if (!checked.success)
          throw new Error(
            `Response of ${spec.operationId} does not match its schema: ${JSON.stringify(checked.error.issues.slice(0, 5))}`,
          );
      }
      return c.json(result as object, status);
    },
  );
}

export const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2_147_483_647)
    .openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});
