// What reporting puts in a person's "Việc cần làm": their unit's report of the current period when it is not yet
// written (due within a month, or late), drafts to finish or approve, approved reports to send, returned reports, and
// reports sent to their unit that wait to be accepted or returned.
import { addDays } from '../../../domain/calendar/lunar.ts';
import { can, scopeRoots } from '../../../domain/permissions.ts';
import type { TodoItem } from '../../../domain/todo.ts';
import { loadCalendar } from '../../calendar/index.ts';
import { requireActor, type Ctx } from '../../context.ts';
import { getUnit } from '../../org/index.ts';
import { currentPeriod, dueDateResolver } from '../regimes.ts';
import * as store from '../store/index.ts';

/** How far ahead a report not yet started shows up. */
const NOT_STARTED_HORIZON_DAYS = 30;

export async function reportingTodo(ctx: Ctx, today: string): Promise<TodoItem[]> {
  const actor = requireActor(ctx);
  const rows = await store.reportsInFlight(ctx.db, scopeRoots(actor, 'read'));
  const items: TodoItem[] = [];
  for (const r of rows) {
    const title = `${r.regime_name}, kỳ ${r.period_key}`;
    const link = `/bao-cao/${r.id}`;
    const own = { unitPath: r.unit_path };
    const unitName = r.unit_id === actor.unitId ? null : r.unit_name;
    if (r.status === 'submitted') {
      if (can(actor, 'follow', { unitPath: r.to_unit_path }))
        items.push({ kind: 'report.review', title, dueDate: null, link, unitName: r.unit_name });
    } else if (r.status === 'returned' && can(actor, 'edit', own)) {
      items.push({ kind: 'report.returned', title, dueDate: r.due_date, link, unitName });
    } else if (r.status === 'draft' && can(actor, 'approve', own)) {
      items.push({ kind: 'report.approve', title, dueDate: r.due_date, link, unitName });
    } else if ((r.status === 'draft' || r.status === 'approved') && can(actor, 'edit', own)) {
      items.push({ kind: 'report.submit', title, dueDate: r.due_date, link, unitName });
    }
  }
  return [...items, ...(await notStarted(ctx, today))];
}

/** The actor's unit's reports of the current periods that nobody has started, due within a month or already late. */
async function notStarted(ctx: Ctx, today: string): Promise<TodoItem[]> {
  const actor = requireActor(ctx);
  if (!can(actor, 'edit', { unitPath: actor.unitPath })) return [];
  const [unit, regimeIds] = await Promise.all([getUnit(ctx.db, actor.unitId), store.listActiveRegimeIds(ctx.db)]);
  if (!unit || regimeIds.length === 0) return [];
  const cal = await loadCalendar(ctx.db);
  const horizon = addDays(today, NOT_STARTED_HORIZON_DAYS);
  const items: TodoItem[] = [];
  for (const id of regimeIds) {
    const regime = (await store.getRegime(ctx.db, id))!;
    let period: ReturnType<typeof currentPeriod>;
    let due: string;
    try {
      period = currentPeriod(regime, today);
      due = dueDateResolver(regime, period, cal)(unit.kind);
    } catch {
      continue; // a regime without a period today (an ad-hoc request already past)
    }
    if (due > horizon || (await store.hasReport(ctx.db, regime.id, period.key, unit.id))) continue;
    const lineage = regime.planId ? await store.planLineage(ctx.db, regime.planId) : [];
    const submitters = await store.resolveSubmitters(ctx.db, regime.submitters, lineage);
    if (!submitters.some((s) => s.id === unit.id)) continue;
    items.push({
      kind: 'report.submit',
      title: `${regime.name}, ${period.label.toLowerCase()}`,
      dueDate: due,
      link: `/che-do-bao-cao/${regime.id}`,
    });
  }
  return items;
}
