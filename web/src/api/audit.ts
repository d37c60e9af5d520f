import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { AuditRow } from './types.ts';

export interface AuditFilter {
  action?: string;
  entityType?: string;
  entityId?: string;
  actor?: string;
  unitId?: number;
  /** YYYY-MM-DD */
  from?: string;
  /** YYYY-MM-DD */
  to?: string;
}

export const AUDIT_PAGE_SIZE = 50;

export const auditApi = {
  list: (filter: AuditFilter, opts: { limit?: number; beforeId?: number } = {}, signal?: AbortSignal) =>
    api.get<AuditRow[]>('/audit', { ...filter, limit: opts.limit ?? AUDIT_PAGE_SIZE, beforeId: opts.beforeId }, signal),
};

/** Newest first; "Xem thêm" loads the rows before the last one shown. */
export function useAuditLog(filter: AuditFilter, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['audit', filter],
    queryFn: ({ pageParam, signal }) => auditApi.list(filter, { beforeId: pageParam }, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.length === AUDIT_PAGE_SIZE ? last[last.length - 1]?.id : undefined),
    enabled,
  });
}
