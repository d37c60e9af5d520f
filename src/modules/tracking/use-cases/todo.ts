// What tracking puts in a person's "Việc cần làm": their unit's tasks that are late or due within a week (for those
// who record its progress), and the difficulties and proposals waiting for their unit's answer.
import { addDays } from '../../../domain/calendar/lunar.ts';
import { can } from '../../../domain/permissions.ts';
import { shorten } from '../../../domain/text.ts';
import { DUE_SOON_DAYS, type TodoItem } from '../../../domain/todo.ts';
import { requireActor, type Ctx } from '../../context.ts';
import { listAssignmentsFor } from './list-assignments.ts';
import { listObstaclesFor } from './obstacles.ts';

export async function trackingTodo(ctx: Ctx, today: string): Promise<TodoItem[]> {
  const actor = requireActor(ctx);
  const [work, inbox] = await Promise.all([
    can(actor, 'edit', { unitPath: actor.unitPath })
      ? listAssignmentsFor(ctx, { unitId: actor.unitId, limit: 2000, offset: 0 })
      : null,
    listObstaclesFor(ctx, { box: 'inbox', status: 'open', limit: 200, offset: 0 }),
  ]);
  const soon = addDays(today, DUE_SOON_DAYS);
  const items: TodoItem[] = [];
  for (const a of work?.items ?? []) {
    if (a.completedOn || !a.dueDate || a.dueDate > soon) continue;
    items.push({
      kind: a.dueDate < today ? 'assignment.overdue' : 'assignment.dueSoon',
      title: `Nhiệm vụ ${a.task.number}: ${a.task.title}`,
      dueDate: a.dueDate,
      link: `/cong-viec/${a.id}`,
      unitName: a.unit.id === actor.unitId ? null : a.unit.name,
    });
  }
  for (const o of inbox.items) {
    if (!o.can.answer) continue;
    items.push({
      kind: 'obstacle.answer',
      title: `${o.kindLabel}: ${shorten(o.content, 120)}`,
      dueDate: null,
      link: `/kho-khan?hop=den#kk-${o.id}`,
      unitName: o.unit.name,
    });
  }
  return items;
}
