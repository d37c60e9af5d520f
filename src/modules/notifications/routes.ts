import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { defineRoute, IdParam } from '../../http/route.ts';
import {
  NotificationListSchema,
  NotificationReadSchema,
  type NotificationList,
  type NotificationRead,
} from '../../contracts/tracking.ts';
import { NotificationListQuerySchema } from '../../contracts/notifications.ts';
import * as service from './service.ts';

export function notificationRoutes(app: OpenAPIHono<AppEnv>): void {
  const noticeTags = ['Thông báo'];
  defineRoute(
    app,
    {
      method: 'get',
      path: '/notifications',
      operationId: 'listNotifications',
      summary: 'Thông báo gửi cho tôi, đơn vị tôi và các phòng, ban của đơn vị',
      tags: noticeTags,
      query: NotificationListQuerySchema,
      response: NotificationListSchema,
    },
    (c, { query }) => service.listNotificationsFor(c.get('ctx'), query) satisfies Promise<NotificationList>,
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/notifications/{id}/read',
      operationId: 'markNotificationRead',
      summary: 'Đánh dấu đã đọc',
      tags: noticeTags,
      params: IdParam,
      response: NotificationReadSchema,
    },
    (c, { params }) => service.markNotificationRead(c.get('ctx'), params.id) satisfies Promise<NotificationRead>,
  );
}
