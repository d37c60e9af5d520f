// Kế hoạch: API calls, query keys and hooks (see the "Kế hoạch" routes of GET /api/openapi.json).
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildUrl } from './client.ts';
import type {
  CascadePreview,
  CascadeResult,
  CascadeRule,
  CascadeRules,
  CascadeRulesSaved,
  LintResult,
  ParentChangeResolved,
  PlanComparison,
  PlanDetail,
  PlanDraft,
  PlanImportResult,
  PlanList,
  PlanRef,
  PlanStatus,
  PlanTransitioned,
} from './types.ts';
import type {
  CascadeBody,
  ParentChangeDecisionBody,
  PlanCreateBody,
  PlanImportBody,
  PlanIssueBody,
} from '../../../src/contracts/plans.ts';

export interface PlanListFilter {
  unitId?: number | null;
  status?: PlanStatus | null;
  year?: number | null;
  q?: string;
  parentPlanId?: number | null;
}

export const PLAN_PAGE_SIZE = 50;

export const planKeys = {
  all: ['plans'] as const,
  list: (f: PlanListFilter) =>
    ['plans', 'list', f.unitId ?? 0, f.status ?? '', f.year ?? 0, f.q ?? '', f.parentPlanId ?? 0] as const,
  options: (status: string) => ['plans', 'options', status] as const,
  detail: (id: number) => ['plans', 'detail', id] as const,
  compare: (id: number) => ['plans', 'compare', id] as const,
  preview: (id: number, unitId: number) => ['plans', 'preview', id, unitId] as const,
  previews: ['plans', 'preview'] as const,
  rules: (provinceId: number) => ['plans', 'rules', provinceId] as const,
};

function listQuery(f: PlanListFilter, limit: number, offset: number) {
  return {
    unitId: f.unitId ?? undefined,
    status: f.status ?? undefined,
    year: f.year ?? undefined,
    q: f.q?.trim() || undefined,
    parentPlanId: f.parentPlanId ?? undefined,
    limit,
    offset,
  };
}

export const plansApi = {
  list: (f: PlanListFilter, limit = PLAN_PAGE_SIZE, offset = 0, signal?: AbortSignal) =>
    api.get<PlanList>('/plans', listQuery(f, limit, offset), signal),
  get: (id: number) => api.get<PlanDetail>(`/plans/${id}`),
  import: (body: PlanImportBody) => api.post<PlanImportResult>('/plans/import', body),
  lint: (draft: PlanDraft, issuerCode?: string) => api.post<LintResult>('/plans/lint', { draft, issuerCode }),
  create: (body: PlanCreateBody) => api.post<PlanRef>('/plans', body),
  update: (id: number, draft: PlanDraft) => api.put<PlanRef>(`/plans/${id}`, { draft }),
  submit: (id: number) => api.post<PlanTransitioned>(`/plans/${id}/submit`),
  approve: (id: number) => api.post<PlanTransitioned>(`/plans/${id}/approve`),
  return: (id: number, reason: string) => api.post<PlanTransitioned>(`/plans/${id}/return`, { reason }),
  issue: (id: number, body: PlanIssueBody) => api.post<PlanTransitioned>(`/plans/${id}/issue`, body),
  amend: (id: number) => api.post<PlanRef>(`/plans/${id}/amend`),
  compare: (id: number) => api.get<PlanComparison>(`/plans/${id}/compare`),
  previewCascade: (id: number, unitId: number) => api.get<CascadePreview>(`/plans/${id}/cascade/preview`, { unitId }),
  cascade: (id: number, body: CascadeBody) => api.post<CascadeResult>(`/plans/${id}/cascade`, body),
  resolveParentChange: (taskId: number, body: ParentChangeDecisionBody) =>
    api.post<ParentChangeResolved>(`/plan-tasks/${taskId}/parent-change`, body),
  rules: (provinceId: number) => api.get<CascadeRules>(`/units/${provinceId}/cascade-rules`),
  setRules: (provinceId: number, rules: CascadeRule[]) =>
    api.put<CascadeRulesSaved>(`/units/${provinceId}/cascade-rules`, { rules }),
};

/** Addresses of the downloads (plain links: the browser keeps the session cookie). */
export const planDownloads = {
  docx: (id: number) => buildUrl(`/plans/${id}/export.docx`),
  xlsx: (id: number) => buildUrl(`/plans/${id}/export.xlsx`),
  json: (id: number) => buildUrl(`/plans/${id}/export.json`),
};

/** The list, a page at a time ("Xem thêm"). */
export function usePlanList(f: PlanListFilter) {
  return useInfiniteQuery({
    queryKey: planKeys.list(f),
    queryFn: ({ pageParam, signal }) => plansApi.list(f, PLAN_PAGE_SIZE, pageParam, signal),
    initialPageParam: 0,
    getNextPageParam: (last, pages) =>
      pages.length * PLAN_PAGE_SIZE < last.total ? pages.length * PLAN_PAGE_SIZE : undefined,
    placeholderData: keepPreviousData,
  });
}

/** Plans to choose from (e.g. issued plans as the parent of an imported one). */
export function usePlanOptions(status: PlanStatus, enabled = true) {
  return useQuery({
    queryKey: planKeys.options(status),
    queryFn: async ({ signal }) => (await plansApi.list({ status }, 500, 0, signal)).items,
    enabled,
    staleTime: 60_000,
  });
}

export function usePlan(id: number | null | undefined) {
  return useQuery({ queryKey: planKeys.detail(id ?? 0), queryFn: () => plansApi.get(id!), enabled: !!id });
}

export function usePlanComparison(id: number | null | undefined) {
  return useQuery({ queryKey: planKeys.compare(id ?? 0), queryFn: () => plansApi.compare(id!), enabled: !!id });
}

export function useCascadePreview(id: number, unitId: number | null) {
  return useQuery({
    queryKey: planKeys.preview(id, unitId ?? 0),
    queryFn: () => plansApi.previewCascade(id, unitId!),
    enabled: !!unitId,
    staleTime: 60_000,
  });
}

export function useCascadeRules(provinceId: number | null | undefined) {
  return useQuery({
    queryKey: planKeys.rules(provinceId ?? 0),
    queryFn: () => plansApi.rules(provinceId!),
    enabled: !!provinceId,
    staleTime: 5 * 60_000,
  });
}

/**
 * Saving the province's rule table. The table is read again, and so is every cascade preview: they were made with
 * the old rules. Awaited, so the caller shows the saved table as soon as the mutation resolves.
 */
export function useSetCascadeRules(provinceId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (rules: CascadeRule[]) => plansApi.setRules(provinceId, rules),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: planKeys.rules(provinceId) }),
        qc.invalidateQueries({ queryKey: planKeys.previews }),
      ]),
  });
}

/** A change to plans: every plan query may be stale afterwards (lists, details, children). */
export function usePlanMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: planKeys.all }) });
}
