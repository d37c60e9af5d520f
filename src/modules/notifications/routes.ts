import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { defineRoute, IdParam } from '../../http/route.ts';
import { NotificationListSchema, NotificationReadSchema, type NotificationList, type NotificationRead } from '../../contracts/tracking.ts';
import * as service from './service.ts';

const Offset = z.coerce.number().int().min(0).max(1_000_000).default(0);

export function notificationRoutes(app: OpenAPIHono<AppEnv>): void {
  const noticeTags = ['Thông báo'];
  defineRoute(app, {
    method: 'get', path: '/notifications', operationId: 'listNotifications', summary: 'Thông báo gửi cho tôi, đơn vị tôi và các phòng, ban của đơn vị', tags: noticeTags,
    query: z.object({ unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional(), limit: z.coerce.number().int().min(1).max(200).default(50), offset: Offset }),
    response: NotificationListSchema,
  }, (c, { query }) => service.listNotificationsFor(c.get('ctx'), query) satisfies Promise<NotificationList>);

  defineRoute(app, {
    method: 'post', path: '/notifications/{id}/read', operationId: 'markNotificationRead', summary: 'Đánh dấu đã đọc', tags: noticeTags, params: IdParam,
    response: NotificationReadSchema,
  }, (c, { params }) => service.markNotificationRead(c.get('ctx'), params.id) satisfies Promise<NotificationRead>);
}
