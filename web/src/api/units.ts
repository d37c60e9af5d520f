import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { UnitDocumentSettingsBody, UnitDocumentSettingsView } from '../../../src/contracts/document-settings.ts';
import type {
  MergeResult,
  Unit,
  UnitDetail,
  UnitImportResult,
  UnitKind,
  UnitSearchHit,
  UnitWithCount,
} from './types.ts';

export const unitKeys = {
  all: ['units'] as const,
  roots: () => ['units', 'roots'] as const,
  detail: (id: number) => ['units', 'detail', id] as const,
  documents: (id: number) => ['units', 'documents', id] as const,
  search: (q: string, kinds?: readonly UnitKind[], limit?: number) =>
    ['units', 'search', q, kinds ?? [], limit ?? 20] as const,
};

export const unitsApi = {
  roots: () => api.get<UnitWithCount[]>('/units'),
  get: (id: number) => api.get<UnitDetail>(`/units/${id}`),
  search: (q: string, opts: { kinds?: readonly UnitKind[]; limit?: number } = {}, signal?: AbortSignal) =>
    api.get<UnitSearchHit[]>('/units/search', { q, limit: opts.limit ?? 20, kind: opts.kinds }, signal),
  createChild: (id: number, body: { kind: UnitKind; name: string; shortName?: string }) =>
    api.post<Unit>(`/units/${id}/children`, body),
  rename: (id: number, body: { name: string; shortName?: string }) => api.post<Unit>(`/units/${id}/rename`, body),
  merge: (id: number, intoId: number) => api.post<MergeResult>(`/units/${id}/merge`, { intoId }),
  retire: (id: number, reason: string) => api.post<Unit>(`/units/${id}/retire`, { reason }),
  documentSettings: (id: number) => api.get<UnitDocumentSettingsView>(`/units/${id}/document-settings`),
  saveDocumentSettings: (id: number, body: UnitDocumentSettingsBody) =>
    api.put<UnitDocumentSettingsView>(`/units/${id}/document-settings`, body),
  importCsv: (id: number, body: { filename: string; contentBase64: string }) =>
    api.post<UnitImportResult>(`/units/${id}/import`, body),
};

/** Who signs a unit's documents and how it files them (its unit admins and leaders, and those above). */
export function useUnitDocumentSettings(id: number | null | undefined, enabled = true) {
  return useQuery({
    queryKey: unitKeys.documents(id ?? 0),
    queryFn: () => unitsApi.documentSettings(id!),
    enabled: enabled && !!id,
    staleTime: 60_000,
  });
}

export function useRootUnits() {
  return useQuery({ queryKey: unitKeys.roots(), queryFn: unitsApi.roots, staleTime: 5 * 60_000 });
}

export function useUnit(id: number | null | undefined, enabled = true) {
  return useQuery({
    queryKey: unitKeys.detail(id ?? 0),
    queryFn: () => unitsApi.get(id!),
    enabled: enabled && !!id,
    staleTime: 60_000,
  });
}

/** Accent-insensitive search; the caller debounces `q`. */
export function useUnitSearch(
  q: string,
  opts: { kinds?: readonly UnitKind[]; limit?: number; enabled?: boolean } = {},
) {
  const text = q.trim();
  return useQuery({
    queryKey: unitKeys.search(text, opts.kinds, opts.limit),
    queryFn: ({ signal }) => unitsApi.search(text, opts, signal),
    enabled: (opts.enabled ?? true) && text.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** After any change to the tree: every unit query may be stale (children, names, search). */
export function useInvalidateUnits() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: unitKeys.all });
}

export function useUnitMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const invalidate = useInvalidateUnits();
  return useMutation({ mutationFn: fn, onSuccess: () => invalidate() });
}
