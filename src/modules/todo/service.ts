import type { TodoList } from '../../contracts/todo.ts';
import { orderTodo } from '../../domain/todo.ts';
import { requireActor, type Ctx } from '../context.ts';
import { MODULES } from '../index.ts';
import { todayFor } from '../reporting/index.ts';

/**
 * Every module's items for the actor, read side by side. Each source applies the permission rule to its own records
 * (it lists what the actor may act on, as its list routes do), so the to-do shows nothing the actor could not open.
 */
export async function todoFor(ctx: Ctx): Promise<TodoList> {
  requireActor(ctx);
  const today = todayFor(ctx.db);
  const sources = await Promise.all(MODULES.filter((m) => m.todo).map((m) => m.todo!()));
  const items = orderTodo((await Promise.all(sources.map((source) => source(ctx, today)))).flat(), today);
  return {
    today,
    items,
    counts: {
      total: items.length,
      late: items.filter((i) => i.urgency === 'late').length,
      soon: items.filter((i) => i.urgency === 'soon').length,
    },
  };
}
