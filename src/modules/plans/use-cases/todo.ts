// What plans put in a person's "Việc cần làm": plans waiting for the leader's approval or issue, returned drafts,
// drafts whose parent plan changed, and a province plan that communes or wards are still to receive.
import { can, scopeRoots } from '../../../domain/permissions.ts';
import type { TodoItem } from '../../../domain/todo.ts';
import { requireActor, type Ctx } from '../../context.ts';
import * as store from '../store/index.ts';

const nameOf = (p: { number: string | null; symbol: string | null; title: string }) =>
  p.number && p.symbol ? `Kế hoạch số ${p.number}/${p.symbol}: ${p.title}` : p.title;

export async function plansTodo(ctx: Ctx, _today: string): Promise<TodoItem[]> {
  const actor = requireActor(ctx);
  const rows = await store.plansAwaitingAction(ctx.db, scopeRoots(actor, 'read'));
  const items: TodoItem[] = [];
  for (const p of rows) {
    const unit = { unitPath: p.unit_path };
    const unitName = p.unit_id === actor.unitId ? null : p.unit_name;
    const link = `/ke-hoach/${p.id}`;
    if (p.parent_changed && can(actor, 'edit', unit)) {
      items.push({ kind: 'plan.parentChanged', title: nameOf(p), dueDate: null, link, unitName });
    }
    if ((p.status === 'submitted' || p.status === 'approved') && can(actor, 'approve', unit)) {
      const title = p.status === 'approved' ? `${nameOf(p)} (đã duyệt, chờ ban hành)` : nameOf(p);
      items.push({ kind: 'plan.approve', title, dueDate: null, link, unitName });
    } else if (p.status === 'draft' && p.return_reason && can(actor, 'edit', unit)) {
      items.push({ kind: 'plan.submit', title: `${nameOf(p)}: ${p.return_reason}`, dueDate: null, link, unitName });
    } else if (p.status === 'issued' && p.communes_without_plan > 0 && can(actor, 'edit', unit)) {
      const title = `${nameOf(p)}: còn ${p.communes_without_plan} xã, phường chưa có kế hoạch`;
      items.push({ kind: 'plan.cascade', title, dueDate: null, link: `/ke-hoach/${p.id}/trien-khai`, unitName });
    }
  }
  return items;
}
