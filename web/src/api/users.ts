import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { CreatedUser, CreateUserInput, UpdateUserInput, User } from './types.ts';

export type { CreateUserInput, UpdateUserInput };

export const userKeys = {
  all: ['users'] as const,
  list: (unitId: number, subunits: boolean, q: string) => ['users', 'list', unitId, subunits, q] as const,
  detail: (id: number) => ['users', 'detail', id] as const,
};

export const usersApi = {
  list: (unitId: number, opts: { subunits?: boolean; q?: string } = {}, signal?: AbortSignal) =>
    api.get<User[]>(
      `/units/${unitId}/users`,
      { subunits: opts.subunits ? 'true' : 'false', q: opts.q?.trim() || undefined },
      signal,
    ),
  get: (id: number) => api.get<User>(`/users/${id}`),
  create: (body: CreateUserInput) => api.post<CreatedUser>('/users', body),
  update: (id: number, body: UpdateUserInput) => api.patch<User>(`/users/${id}`, body),
  resetPassword: (id: number) => api.post<{ temporaryPassword: string }>(`/users/${id}/reset-password`),
};

export function useUnitUsers(
  unitId: number | null | undefined,
  opts: { subunits?: boolean; q?: string; enabled?: boolean } = {},
) {
  const q = opts.q?.trim() ?? '';
  return useQuery({
    queryKey: userKeys.list(unitId ?? 0, !!opts.subunits, q),
    queryFn: ({ signal }) => usersApi.list(unitId!, { subunits: opts.subunits, q }, signal),
    enabled: (opts.enabled ?? true) && !!unitId,
    placeholderData: keepPreviousData,
  });
}

export function useUserMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: userKeys.all }) });
}
