// Công khai: the public index of issued plans (GET /api/public/plans), for anyone, no sign-in.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { PublicPlanList } from '../../../src/contracts/public-plans.ts';

export type { PublicPlanItem, PublicPlanList } from '../../../src/contracts/public-plans.ts';

export interface PublicPlanFilter {
  q?: string;
  unitId?: number | null;
  limit: number;
  offset: number;
}

export const publicPlansApi = {
  list: (f: PublicPlanFilter) =>
    api.get<PublicPlanList>('/public/plans', {
      q: f.q || undefined,
      unitId: f.unitId ?? undefined,
      limit: f.limit,
      offset: f.offset,
    }),
};

export function usePublicPlans(f: PublicPlanFilter) {
  return useQuery({
    queryKey: ['public', 'plans', f.q ?? '', f.unitId ?? 0, f.limit, f.offset] as const,
    queryFn: () => publicPlansApi.list(f),
    placeholderData: keepPreviousData,
  });
}
