// What the server derives itself rather than trusting the client, before a draft is checked and stored.
import type { PlanDraft, UnitRef } from '../../../domain/plan/model.ts';
import { parseTimeframe } from '../../../domain/plan/timeframe.ts';
import type { Ctx } from '../../context.ts';
import { unitDirectory } from '../../org/index.ts';

/** Each task's schedule from its timeframe text, and register units for names typed as free text. */
export async function normaliseDraft(ctx: Ctx, draft: PlanDraft, issuerCode: string): Promise<PlanDraft> {
  const directory = await unitDirectory(ctx.db);
  const year = draft.document.year ?? (draft.document.date ? Number(draft.document.date.slice(0, 4)) : undefined);
  const resolve = (r: UnitRef): UnitRef =>
    r.unitId !== null || r.group || !r.text.trim() ? r : directory.resolve(r.text, { withinCode: issuerCode });
  return {
    ...draft,
    tasks: draft.tasks.map((t) => ({
      ...t,
      lead: t.lead.map(resolve),
      coordinators: t.coordinators.map(resolve),
      timeframe: { text: t.timeframe.text, schedule: parseTimeframe(t.timeframe.text, year ? { year } : {}).schedule },
    })),
  };
}
