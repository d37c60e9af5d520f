// What the AI systems register puts in a person's "Việc cần làm": impact assessments to write (a use that needs one
// and has no approved one) or to approve, and serious incidents whose reports are due, for the operating unit and
// for the focal units that follow it (Điều 19: 72 hours, 5 working days, 15 days).
import type { IncidentDeadline } from '../../../domain/ai-systems/incidents.ts';
import { can, scopeRoots } from '../../../domain/permissions.ts';
import { sentence, shorten } from '../../../domain/text.ts';
import type { TodoItem } from '../../../domain/todo.ts';
import { requireActor, type Ctx } from '../../context.ts';
import { vnDate } from '../../reporting/index.ts';
import * as store from '../store/index.ts';
import { listItem, useTarget } from './views.ts';

export async function aiSystemsTodo(ctx: Ctx, today: string): Promise<TodoItem[]> {
  const actor = requireActor(ctx);
  const [uses, incidents] = await Promise.all([
    store.listUses(ctx.db, { roots: scopeRoots(actor, 'read'), limit: 1000, offset: 0 }),
    store.openSeriousIncidents(ctx.db, scopeRoots(actor, 'read')),
  ]);
  const items: TodoItem[] = [];
  for (const u of uses.rows) {
    if (u.status === 'retired') continue;
    const state = listItem(u).assessmentState;
    if (
      (state === 'due' || state === 'overdue') &&
      (can(actor, 'edit', useTarget(u)) || can(actor, 'approve', useTarget(u)))
    ) {
      items.push({
        kind: 'aiSystem.assessment',
        title: `${u.product_name}: ${u.purpose}`,
        dueDate: state === 'overdue' ? today : null,
        link: `/he-thong-ai/${u.id}/danh-gia-tac-dong`,
        unitName: u.unit_id === actor.unitId ? null : u.unit_name,
      });
    }
  }
  for (const i of incidents) {
    if (!can(actor, 'follow', { unitPath: i.unit_path }) && !can(actor, 'edit', { unitPath: i.unit_path })) continue;
    // The next deadline still ahead; when all have passed, the last one (the official report), shown as late.
    const days = (i.deadlines as IncidentDeadline[]).map((d) => vnDate(new Date(d.dueAt))).sort();
    const next = days.find((d) => d >= today) ?? days.at(-1) ?? null;
    items.push({
      kind: 'aiSystem.incident',
      title: `Sự cố nghiêm trọng: ${sentence(i.product_name)} ${shorten(i.description, 100)}`,
      dueDate: next,
      link: `/he-thong-ai/${i.use_id}#su-co-${i.id}`,
      unitName: i.unit_id === actor.unitId ? null : i.unit_name,
    });
  }
  return items;
}
