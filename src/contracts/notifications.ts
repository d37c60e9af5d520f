// What the notification routes take (their answers are in tracking.ts, beside the work that sends them).
// Pure: no node: modules, no database, nothing from src/modules.
import { z } from '@hono/zod-openapi';
import { Limit, Offset } from './common.ts';

export const NotificationListQuerySchema = z.object({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: Limit(200, 50),
  offset: Offset,
});
