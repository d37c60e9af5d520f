// The public index of issued plans: who issued it, its number and date, and how far it has come, counted by the
// function behind each plan's public progress page (plan-completion.ts). Anonymous; counts only.
import { issuerName } from '../../../domain/plan/issuer.ts';
import type { Ctx } from '../../context.ts';
import { compareVi } from '../../../domain/text.ts';
import type { PublicPlanItem, PublicPlanList } from '../../../contracts/public-plans.ts';
import * as store from '../store/index.ts';
import { planCompletionById } from './plan-completion.ts';

const issuerOf = (r: { unit_id: number; kind: string; name: string; short_name: string }) => ({
  unitId: r.unit_id,
  name: issuerName(r),
});

export async function listPublicPlans(
  ctx: Ctx,
  input: { q?: string; unitId?: number; year?: number; limit: number; offset: number },
): Promise<PublicPlanList> {
  const [{ rows, total }, issuers] = await Promise.all([
    store.listPublicPlans(ctx.db, input),
    store.publicIssuers(ctx.db),
  ]);
  // One page (at most 50 plans): each plan's progress is the aggregate its own progress page reads.
  const items = await Promise.all(
    rows.map(async (r): Promise<PublicPlanItem> => {
      const c = await planCompletionById(ctx, r.id, input.year);
      return {
        id: r.id,
        title: r.title,
        number: r.number,
        symbol: r.symbol,
        issuedDate: r.issued_date,
        issuer: issuerOf(r),
        progress: {
          year: c?.year ?? input.year ?? 0,
          asOf: c?.asOf ?? '',
          tasks: c?.tasks.length ?? 0,
          units: c?.overall.units ?? 0,
          unitsDone: c?.overall.unitsDone ?? 0,
          share: c?.overall.share ?? 0,
        },
      };
    }),
  );
  return {
    total,
    items,
    issuers: issuers.map((i) => ({ ...issuerOf(i), plans: i.plans })).sort((a, b) => compareVi(a.name, b.name)),
  };
}
