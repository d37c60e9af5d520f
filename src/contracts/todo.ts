// GET /api/me/todo: what waits for the signed-in person (src/domain/todo.ts).
import { z } from '@hono/zod-openapi';
import { TODO_GROUPS, TODO_KINDS } from '../domain/todo.ts';
import { IsoDay } from './common.ts';

export const TodoItemSchema = z
  .object({
    kind: z.enum(TODO_KINDS),
    group: z.enum(TODO_GROUPS),
    /** The kind in words: "Báo cáo chờ duyệt". */
    label: z.string(),
    title: z.string(),
    dueDate: IsoDay.nullable(),
    urgency: z.enum(['late', 'soon', 'later', 'none']),
    link: z.string(),
    unitName: z.string().nullable().optional(),
  })
  .strict()
  .openapi('TodoItem');

export const TodoListSchema = z
  .object({
    today: IsoDay,
    items: z.array(TodoItemSchema),
    counts: z.object({ total: z.number(), late: z.number(), soon: z.number() }).strict(),
  })
  .strict()
  .openapi('TodoList');

export type TodoList = z.infer<typeof TodoListSchema>;
