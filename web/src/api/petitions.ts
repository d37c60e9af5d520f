// Kiến nghị (tag "Kiến nghị"): the public intake, follow-up and published answers, the handlers' queue and acts.
// Types are the server's contract (src/contracts/petitions.ts), imported as types only.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type {
  PetitionDetail,
  PetitionFigures,
  PetitionIntake,
  PetitionList,
  PetitionReceipt,
  PublicPetition,
  PublicPetitionList,
} from '../../../src/contracts/petitions.ts';

export type { PetitionDetail, PetitionIntake, PetitionList, PetitionReceipt, PublicPetition, PublicPetitionList };
export {
  CLOSED_STATUS_LABEL,
  CONCERN_LABEL,
  OPEN_STATUS_LABEL,
  PETITION_KIND_LABEL,
  TOPIC_LABEL,
} from '../../../src/domain/petitions/model.ts';
export { CONTENT_MIN_LENGTH, hasContact, looksVietnamese } from '../../../src/domain/petitions/intake.ts';
export { ANSWER_TEMPLATES } from '../../../src/domain/petitions/templates.ts';
export { DEADLINE_TIER_LABEL } from '../../../src/domain/petitions/deadline.ts';

export const petitionKeys = {
  all: ['petitions'] as const,
  list: (open: string, q: string, offset: number, tier: string) =>
    ['petitions', 'list', open, q, offset, tier] as const,
  detail: (id: number) => ['petitions', 'detail', id] as const,
  follow: (code: string) => ['petitions', 'public', code] as const,
  published: (q: string, topic: string, offset: number) => ['petitions', 'published', q, topic, offset] as const,
};

export const petitionsApi = {
  submit: (body: PetitionIntake) => api.post<PetitionReceipt>('/public/petitions', body),
  follow: (code: string) => api.get<PublicPetition>(`/public/petitions/${encodeURIComponent(code)}`),
  published: (q: string, topic: string, offset: number) =>
    api.get<PublicPetitionList>('/public/petitions', {
      q: q || undefined,
      topic: topic || undefined,
      limit: 20,
      offset,
    }),
  list: (open: string, q: string, offset: number, tier: string | null, aiSystemId?: number) =>
    api.get<PetitionList>('/petitions', {
      open: open || undefined,
      q: q || undefined,
      tier: tier ?? undefined,
      aiSystemId,
      limit: 50,
      offset,
    }),
  detail: (id: number) => api.get<PetitionDetail>(`/petitions/${id}`),
  draftMany: (ids: number[], answer: string) =>
    api.post<{ ids: number[]; status: string }>('/petitions/answers', { ids, answer }),
  figures: (unitId: number, year: number) => api.get<PetitionFigures>('/petitions/figures', { unitId, year }),
  act: (id: number, act: string, body: Record<string, unknown>) =>
    api.post<{ id: number; status: string }>(`/petitions/${id}/${act}`, body),
};

export function useFollowPetition(code: string | null) {
  return useQuery({
    queryKey: petitionKeys.follow(code ?? ''),
    queryFn: () => petitionsApi.follow(code!),
    enabled: !!code,
  });
}

export function usePublishedPetitions(q: string, topic: string, offset: number) {
  return useQuery({
    queryKey: petitionKeys.published(q, topic, offset),
    queryFn: () => petitionsApi.published(q, topic, offset),
    placeholderData: keepPreviousData,
  });
}

export function usePetitions(open: string, q: string, offset: number, tier: string | null, aiSystemId?: number) {
  return useQuery({
    queryKey: [...petitionKeys.list(open, q, offset, tier ?? ''), aiSystemId ?? 0],
    queryFn: () => petitionsApi.list(open, q, offset, tier, aiSystemId),
    placeholderData: keepPreviousData,
  });
}

export function usePetition(id: number | null) {
  return useQuery({ queryKey: petitionKeys.detail(id ?? 0), queryFn: () => petitionsApi.detail(id!), enabled: !!id });
}

export function usePetitionAct(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ act, body }: { act: string; body: Record<string, unknown> }) => petitionsApi.act(id, act, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: petitionKeys.all }),
  });
}
