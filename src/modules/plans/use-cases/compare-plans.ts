// Reading a plan beside its parent task by task, and reading it whole for export (DOCX, XLSX, JSON).
import { invalid } from '../../../domain/errors.ts';
import type { Ctx } from '../../context.ts';
import { getUnit } from '../../org/index.ts';
import { mustReadPlan, readableParent } from '../access.ts';
import * as store from '../store/index.ts';

export async function comparePlans(ctx: Ctx, childId: number) {
  const { plan } = await mustReadPlan(ctx, childId);
  // A parent the caller may not read (someone's draft named before parents had to be issued) is no parent.
  const parent = await readableParent(ctx, plan);
  if (!parent) throw invalid('plan.no_parent', 'Kế hoạch này không triển khai kế hoạch cấp trên nào.');
  const [c, p] = [await store.loadDraft(ctx.db, plan), await store.loadDraft(ctx.db, parent)];
  const childByNumber = new Map(c.draft.tasks.map((t) => [t.parentTask?.number ?? t.number, t]));
  const rows = p.draft.tasks.map((pt) => ({
    number: pt.number,
    parent: pt,
    child: childByNumber.get(pt.number) ?? null,
  }));
  const extra = c.draft.tasks.filter(
    (t) => !p.draft.tasks.some((pt) => pt.number === (t.parentTask?.number ?? t.number)),
  );
  return {
    parent: { id: parent.id, title: parent.title, number: parent.number, symbol: parent.symbol },
    child: { id: plan.id, title: plan.title },
    rows,
    extra,
  };
}

export async function planForExport(ctx: Ctx, id: number) {
  const { plan, unit } = await mustReadPlan(ctx, id);
  const { draft } = await store.loadDraft(ctx.db, plan);
  const parentUnit = unit.parent_id ? await getUnit(ctx.db, unit.parent_id) : undefined;
  return { plan, unit, draft, parentUnit };
}
