// The browser's stand-in for @hono/zod-openapi (vite.config.ts aliases it here). The web app imports the server's
// pure contract modules (src/contracts/) to validate forms with the same schemas; those import `z` from
// @hono/zod-openapi, which would also bring Hono, its validator and the OpenAPI generator (about 300 KB) into the
// page. Here `z` is plain zod, and `.openapi(…)` (documentation metadata, used only by the server) returns the schema.
import { z } from 'zod';

const proto = z.ZodType.prototype as unknown as { openapi?: (...args: unknown[]) => unknown };
proto.openapi ??= function openapi(this: unknown) {
  return this;
};

export { z };
