import type { OpenAPIHono } from '@hono/zod-openapi';
import { TodoListSchema, type TodoList } from '../../contracts/todo.ts';
import type { AppEnv } from '../../http/env.ts';
import { defineRoute } from '../../http/route.ts';
import { todoFor } from './service.ts';

export function todoRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/me/todo',
      operationId: 'getMyTodo',
      summary: 'Việc cần làm của tôi: báo cáo chờ duyệt, nhiệm vụ quá hạn, khó khăn cần trả lời…',
      tags: ['Việc cần làm'],
      response: TodoListSchema,
    },
    (c) => todoFor(c.get('ctx')) satisfies Promise<TodoList>,
  );
}
