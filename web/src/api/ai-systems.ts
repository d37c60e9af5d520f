// Hệ thống AI: products and uses, classification, impact assessment (Mẫu AI02), incidents, coverage, the public
// register (the "Hệ thống AI" routes of GET /api/openapi.json). Types are the server's contract.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildUrl } from './client.ts';
import type {
  AiCoverage,
  AiProduct,
  AiUseDetail,
  AiUseListItem,
  ImpactAssessmentView,
  PublicAiSystem,
  QuestionnaireView,
  UseCreateBody,
  UsePatch,
  IncidentBody,
} from '../../../src/contracts/ai-systems.ts';
import type { Classification } from '../../../src/domain/ai-systems/questionnaire.ts';

export type {
  AiCoverage,
  AiProduct,
  AiUseDetail,
  AiUseListItem,
  ImpactAssessmentView,
  PublicAiSystem,
  QuestionnaireView,
  UsePatch,
  IncidentBody,
  Classification,
};
/** What the register form sends: the server fills the defaults. */
export type UseCreateInput = UseCreateBody;
type Answers = Record<string, boolean | string | string[]>;

export const aiKeys = {
  all: ['ai-systems'] as const,
  list: (q: string, unitId: number | null) => ['ai-systems', 'list', q, unitId ?? 0] as const,
  one: (id: number) => ['ai-systems', 'one', id] as const,
  assessment: (id: number) => ['ai-systems', 'assessment', id] as const,
  coverage: (unitId: number | null) => ['ai-systems', 'coverage', unitId ?? 0] as const,
};

export const aiApi = {
  products: (q?: string) => api.get<{ items: AiProduct[] }>('/ai-products', { q: q || undefined, limit: 200 }),
  questionnaire: () => api.get<QuestionnaireView>('/ai-systems/questionnaire'),
  list: (q: string, unitId: number | null) =>
    api.get<{ total: number; items: AiUseListItem[] }>('/ai-systems', {
      q: q || undefined,
      unitId: unitId ?? undefined,
      limit: 500,
    }),
  one: (id: number) => api.get<AiUseDetail>(`/ai-systems/${id}`),
  create: (body: UseCreateInput) => api.post<{ id: number }>('/ai-systems', body),
  update: (id: number, body: Partial<UsePatch>) =>
    api.patch<{ id: number; assessmentDue: boolean; changed: string[] }>(`/ai-systems/${id}`, body),
  retire: (id: number, reason: string) => api.post(`/ai-systems/${id}/retire`, { reason }),
  publish: (id: number) => api.post(`/ai-systems/${id}/publish`),
  classify: (id: number, answers: Answers) => api.post<Classification>(`/ai-systems/${id}/classification`, { answers }),
  assessment: (id: number) => api.get<ImpactAssessmentView>(`/ai-systems/${id}/impact-assessment`),
  saveAssessment: (id: number, content: Record<string, string>) =>
    api.put<{ id: number; version: number }>(`/ai-systems/${id}/impact-assessment`, { content }),
  approveAssessment: (id: number) => api.post(`/ai-systems/${id}/impact-assessment/approve`),
  publishAssessment: (id: number) => api.post(`/ai-systems/${id}/impact-assessment/publish`),
  reportIncident: (id: number, body: IncidentBody) =>
    api.post<{ id: number; deadlines: Array<{ kind: string; dueAt: string }> }>(`/ai-systems/${id}/incidents`, body),
  closeIncident: (id: number) => api.post(`/ai-incidents/${id}/close`),
  coverage: (unitId: number | null) => api.get<AiCoverage>('/ai-systems/coverage', { unitId: unitId ?? undefined }),
  publicList: (f: PublicAiFilters) =>
    api.get<{ total: number; items: PublicAiSystem[] }>('/public/ai-systems', {
      q: f.q || undefined,
      level: f.level ?? undefined,
      limit: f.limit,
    }),
  publicOne: (id: number) => api.get<PublicAiSystem>(`/public/ai-systems/${id}`),
};

export interface PublicAiFilters {
  q?: string;
  level?: string | null;
  limit: number;
}

export const aiUrls = {
  ai02Docx: (id: number) => buildUrl(`/ai-systems/${id}/impact-assessment.docx`),
  incidentDocx: (id: number) => buildUrl(`/ai-incidents/${id}/report.docx`),
  coverageXlsx: (unitId: number | null) => buildUrl('/ai-systems/coverage.xlsx', { unitId: unitId ?? undefined }),
  publicJson: () => buildUrl('/public/ai-systems'),
  publicCsv: () => buildUrl('/public/ai-systems.csv'),
};

export const useAiProducts = () => useQuery({ queryKey: ['ai-systems', 'products'], queryFn: () => aiApi.products() });
export const useAiQuestionnaire = () =>
  useQuery({ queryKey: ['ai-systems', 'questionnaire'], queryFn: aiApi.questionnaire, staleTime: Infinity });
export const useAiUses = (q: string, unitId: number | null) =>
  useQuery({ queryKey: aiKeys.list(q, unitId), queryFn: () => aiApi.list(q, unitId) });
export const useAiUse = (id: number) => useQuery({ queryKey: aiKeys.one(id), queryFn: () => aiApi.one(id) });
export const useAiAssessment = (id: number) =>
  useQuery({ queryKey: aiKeys.assessment(id), queryFn: () => aiApi.assessment(id) });
export const useAiCoverage = (unitId: number | null) =>
  useQuery({ queryKey: aiKeys.coverage(unitId), queryFn: () => aiApi.coverage(unitId) });
export const usePublicAiSystems = (f: PublicAiFilters) =>
  useQuery({
    queryKey: ['ai-systems', 'public', f],
    queryFn: () => aiApi.publicList(f),
    placeholderData: keepPreviousData,
  });
export const usePublicAiSystem = (id: number | null | undefined) =>
  useQuery({
    queryKey: ['ai-systems', 'public', 'one', id],
    queryFn: () => aiApi.publicOne(id as number),
    enabled: !!id,
  });

/** A mutation that refreshes everything of the register once it succeeds. */
export function useAiMutation<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: aiKeys.all }) });
}
