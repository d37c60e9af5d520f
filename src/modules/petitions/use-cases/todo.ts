// What petitions put in a person's "Việc cần làm": open petitions their unit handles (by due date), and answers
// drafted that wait for the leader's approval. Only the code and subject: never the sender.
import { can, scopeRoots } from '../../../domain/permissions.ts';
import { handlingTarget } from '../../../domain/petitions/access.ts';
import { allowedFrom, OPEN_STATUSES } from '../../../domain/petitions/model.ts';
import type { TodoItem } from '../../../domain/todo.ts';
import { requireActor, type Ctx } from '../../context.ts';
import { unitsOf } from '../shared.ts';
import * as store from '../store.ts';

export async function petitionsTodo(ctx: Ctx, _today: string): Promise<TodoItem[]> {
  const actor = requireActor(ctx);
  const { rows } = await store.listPetitions(ctx.db, {
    scopeRoots: scopeRoots(actor, 'read'),
    statuses: OPEN_STATUSES,
    limit: 500,
    offset: 0,
  });
  const items: TodoItem[] = [];
  for (const p of rows) {
    const target = handlingTarget(unitsOf(p));
    const title = `${p.code}: ${p.subject}`;
    const link = `/kien-nghi/${p.id}`;
    const unitName = p.handling_unit_id === actor.unitId ? null : p.handling_name;
    // Waiting for the sender stops the clock: nothing for the handler to do until they answer.
    if (p.status === 'waitingForSender') continue;
    if (p.answer !== null && allowedFrom('approveAnswer', p.status) && can(actor, 'approve', target)) {
      items.push({ kind: 'petition.approve', title, dueDate: p.due_date, link, unitName });
    } else if (can(actor, 'edit', target)) {
      items.push({ kind: 'petition.handle', title, dueDate: p.due_date, link, unitName });
    }
  }
  return items;
}
