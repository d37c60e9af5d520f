// Organisation accounts of the provincial AI database. The public side calls with the organisation's access key
// (`Authorization: Bearer thk_…`), never with a session; the province's administrators use their session.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from '@hono/zod-openapi';
import { api, buildUrl, request } from './client.ts';
import type {
  OrganisationKeySchema,
  OrganisationListSchema,
  OrganisationRegistration,
  OrganisationRegistrationSchema,
  OrganisationSchema,
  OrganisationSelfSchema,
} from '../../../src/contracts/data-organisations.ts';

export { ORGANISATION_KIND_LABEL, ORGANISATION_STATUS_LABEL } from '../../../src/domain/datasets/model.ts';
export type { OrganisationKind, OrganisationStatus } from '../../../src/domain/datasets/model.ts';
export type OrganisationKey = z.infer<typeof OrganisationKeySchema>;
export type OrganisationSelf = z.infer<typeof OrganisationSelfSchema>;
export type Organisation = z.infer<typeof OrganisationSchema>;
export type OrganisationList = z.infer<typeof OrganisationListSchema>;
export type RegistrationBody = z.input<typeof OrganisationRegistrationSchema>;
export type { OrganisationRegistration };
export interface OrganisationRequestBody {
  purpose: string;
  intendedUse: string;
  durationDays: number;
}
export type OrganisationDecision = 'approve' | 'refuse' | 'suspend' | 'reinstate';

const withKey = (key: string) => ({ anonymous: true, headers: { Authorization: `Bearer ${key.trim()}` } });

export const organisationApi = {
  register: (body: RegistrationBody) =>
    request<OrganisationKey>('/public/organisations', { method: 'POST', body, anonymous: true }),
  self: (key: string) => request<OrganisationSelf>('/public/organisations/me', withKey(key)),
  replaceKey: (key: string) =>
    request<OrganisationKey>('/public/organisations/me/key', { method: 'POST', ...withKey(key) }),
  /** A lost key: a code is mailed to the account's contact (the answer is the same whether or not they match). */
  askKeyRecovery: (body: { taxCode: string; contactEmail: string }) =>
    request<{ message: string }>('/public/organisations/key-recovery', { method: 'POST', body, anonymous: true }),
  confirmKeyRecovery: (code: string) =>
    request<OrganisationKey>('/public/organisations/key-recovery/confirm', {
      method: 'POST',
      body: { code: code.trim() },
      anonymous: true,
    }),
  requestAccess: (key: string, datasetId: number, body: OrganisationRequestBody) =>
    request<{ id: number }>(`/public/datasets/${datasetId}/access-requests`, { method: 'POST', body, ...withKey(key) }),
  /** A file under the organisation's grant: fetched with the key, then saved by the browser. */
  async download(key: string, datasetId: number, resourceId: number): Promise<{ blob: Blob; filename: string }> {
    const res = await fetch(buildUrl(`/public/datasets/${datasetId}/resources/${resourceId}/download`), {
      headers: { Authorization: `Bearer ${key.trim()}` },
    });
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      throw new Error(body?.error?.message ?? 'Không tải được tệp.');
    }
    const disposition = res.headers.get('content-disposition') ?? '';
    const m = /filename\*=UTF-8''([^;]+)/.exec(disposition);
    return { blob: await res.blob(), filename: m ? decodeURIComponent(m[1] as string) : `du-lieu-${resourceId}` };
  },
  list: (f: { status?: string | null; q?: string }) =>
    api.get<OrganisationList>('/data-organisations', {
      status: f.status ?? undefined,
      q: f.q || undefined,
      limit: 200,
    }),
  decide: (id: number, body: { decision: OrganisationDecision; reason: string }) =>
    api.post<Organisation>(`/data-organisations/${id}/decision`, body),
};

export const organisationKeys = {
  self: (key: string) => ['data-organisations', 'self', key] as const,
  list: (f: { status?: string | null; q?: string }) => ['data-organisations', 'list', f] as const,
};

export const useOrganisationSelf = (key: string) =>
  useQuery({
    queryKey: organisationKeys.self(key),
    queryFn: () => organisationApi.self(key),
    enabled: key.trim().length > 0,
    retry: false,
  });

export const useOrganisations = (f: { status?: string | null; q?: string }) =>
  useQuery({
    queryKey: organisationKeys.list(f),
    queryFn: () => organisationApi.list(f),
    placeholderData: keepPreviousData,
  });

export function useOrganisationDecision() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; decision: OrganisationDecision; reason: string }) =>
      organisationApi.decide(v.id, { decision: v.decision, reason: v.reason }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['data-organisations'] }),
  });
}
