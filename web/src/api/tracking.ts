// Theo dõi thực hiện: assignments (work list), progress updates, evidence, obstacles, notifications
// (see the "Theo dõi thực hiện" and "Thông báo" routes of GET /api/openapi.json).
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildUrl } from './client.ts';
import type {
  AssignmentDetail,
  AssignmentList,
  NotificationList,
  ObstacleKind,
  ObstacleList,
  ObstacleStatus,
  ProgressUpdateInput,
  ProgressUpdateResult,
  TaskStatus,
} from './types.ts';

export interface AssignmentFilter {
  unitId?: number | null;
  planId?: number | null;
  status?: TaskStatus | null;
  year?: number | null;
}

export const ASSIGNMENT_PAGE_SIZE = 100;

export const trackingKeys = {
  all: ['tracking'] as const,
  assignments: (f: AssignmentFilter) =>
    ['tracking', 'assignments', f.unitId ?? 0, f.planId ?? 0, f.status ?? '', f.year ?? 0] as const,
  assignment: (id: number, year?: number | null) => ['tracking', 'assignment', id, year ?? 0] as const,
  obstacles: (box: string, f: ObstacleFilter) =>
    ['tracking', 'obstacles', box, f.status ?? '', f.unitId ?? 0, f.planId ?? 0, f.kind ?? '', f.q ?? ''] as const,
};

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (unread: boolean, limit: number) => ['notifications', unread, limit] as const,
};

export const trackingApi = {
  assignments: (f: AssignmentFilter, limit = ASSIGNMENT_PAGE_SIZE, offset = 0, signal?: AbortSignal) =>
    api.get<AssignmentList>(
      '/assignments',
      {
        unitId: f.unitId ?? undefined,
        planId: f.planId ?? undefined,
        status: f.status ?? undefined,
        year: f.year ?? undefined,
        limit,
        offset,
      },
      signal,
    ),
  assignment: (id: number, year?: number | null) =>
    api.get<AssignmentDetail>(`/assignments/${id}`, { year: year ?? undefined }),
  addUpdate: (id: number, body: ProgressUpdateInput) =>
    api.post<ProgressUpdateResult>(`/assignments/${id}/updates`, body),
  obstacles: (box: 'inbox' | 'outbox', f: ObstacleFilter, limit = 200, offset = 0) =>
    api.get<ObstacleList>('/obstacles', {
      box,
      status: f.status ?? undefined,
      unitId: f.unitId ?? undefined,
      planId: f.planId ?? undefined,
      kind: f.kind ?? undefined,
      q: f.q || undefined,
      limit,
      offset,
    }),
  answer: (id: number, answer: string) =>
    api.post<{ id: number; status: ObstacleStatus; answer: string }>(`/obstacles/${id}/answer`, { answer }),
  notifications: (unread: boolean, limit: number) =>
    api.get<NotificationList>('/notifications', { unread: unread ? 'true' : undefined, limit }),
  markRead: (id: number) => api.post<{ id: number; read: true; readAt: string }>(`/notifications/${id}/read`),
};

/** Evidence download address (a plain link: the browser keeps the session cookie). */
export const evidenceUrl = (id: number) => buildUrl(`/evidence/${id}`);

/** The work list, a page at a time ("Xem thêm"); counts per status come with every page. */
export function useAssignments(f: AssignmentFilter, enabled = true) {
  return useInfiniteQuery({
    queryKey: trackingKeys.assignments(f),
    queryFn: ({ pageParam, signal }) => trackingApi.assignments(f, ASSIGNMENT_PAGE_SIZE, pageParam, signal),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.items.length, 0);
      return loaded < last.total && last.items.length > 0 ? loaded : undefined;
    },
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAssignment(id: number | null, year?: number | null) {
  return useQuery({
    queryKey: trackingKeys.assignment(id ?? 0, year),
    queryFn: () => trackingApi.assignment(id!, year),
    enabled: !!id,
  });
}

/** Filters of the obstacle lists (GET /api/obstacles): status, raising unit, plan, kind, words without accents. */
export interface ObstacleFilter {
  status?: ObstacleStatus | null;
  unitId?: number | null;
  planId?: number | null;
  kind?: ObstacleKind | null;
  q?: string | null;
}

export function useObstacles(box: 'inbox' | 'outbox', f: ObstacleFilter) {
  return useQuery({
    queryKey: trackingKeys.obstacles(box, f),
    queryFn: () => trackingApi.obstacles(box, f),
    placeholderData: keepPreviousData,
  });
}

/** A change to tracking data: lists, details, reports prefilled from them and notifications may be stale. */
export function useTrackingMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: trackingKeys.all });
      void qc.invalidateQueries({ queryKey: ['reporting'] });
      void qc.invalidateQueries({ queryKey: notificationKeys.all });
    },
  });
}

/** Notifications, asked again every minute while the page is open. */
export function useNotifications(opts: { unread?: boolean; limit?: number; poll?: boolean } = {}) {
  const unread = opts.unread ?? false;
  const limit = opts.limit ?? 50;
  return useQuery({
    queryKey: notificationKeys.list(unread, limit),
    queryFn: () => trackingApi.notifications(unread, limit),
    refetchInterval: opts.poll ? 60_000 : false,
    refetchOnWindowFocus: opts.poll ? true : false,
    staleTime: 15_000,
    placeholderData: keepPreviousData,
  });
}

export function useMarkNotificationRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => trackingApi.markRead(id),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
