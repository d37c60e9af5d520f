// Báo cáo: regimes, unit reports, the status of a period, compiled documents, the focal dashboard, public progress
// (see the "Báo cáo" routes of GET /api/openapi.json).
import type { PeriodDocumentApproval } from '../../../src/contracts/document-settings.ts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildUrl } from './client.ts';
import type {
  FocalDashboard,
  PeriodStatus,
  PublicProgress,
  ReportingRegime,
  ReportingRegimeDetail,
  ReportDetail,
  ReportListItem,
  ReportStatus,
} from './types.ts';
import type {
  ReportCreated,
  ReportPatch,
  ReportRefreshed,
  ReportTransitioned,
  ReportUpdated,
} from '../../../src/contracts/reporting.ts';

export interface ReportFilter {
  regimeId?: number | null;
  period?: string | null;
  unitId?: number | null;
  status?: ReportStatus | null;
}

export const reportingKeys = {
  all: ['reporting'] as const,
  regimes: () => ['reporting', 'regimes'] as const,
  regime: (id: number) => ['reporting', 'regime', id] as const,
  reports: (f: ReportFilter) =>
    ['reporting', 'reports', f.regimeId ?? 0, f.period ?? '', f.unitId ?? 0, f.status ?? ''] as const,
  report: (id: number) => ['reporting', 'report', id] as const,
  status: (id: number, key: string) => ['reporting', 'status', id, key] as const,
  dashboard: (planId: number, year: number | null) => ['reporting', 'dashboard', planId, year ?? 0] as const,
  publicProgress: (planId: number, year: number | null) => ['public', 'progress', planId, year ?? 0] as const,
};

export const reportingApi = {
  regimes: () => api.get<ReportingRegime[]>('/regimes', { limit: 500 }),
  regime: (id: number) => api.get<ReportingRegimeDetail>(`/regimes/${id}`),
  periodStatus: (id: number, key: string) => api.get<PeriodStatus>(`/regimes/${id}/periods/${key}/status`),
  createReport: (id: number, key: string, unitId?: number) =>
    api.post<ReportCreated>(`/regimes/${id}/periods/${key}/reports`, unitId ? { unitId } : {}),
  reports: (f: ReportFilter) =>
    api.get<ReportListItem[]>('/reports', {
      regimeId: f.regimeId ?? undefined,
      period: f.period ?? undefined,
      unitId: f.unitId ?? undefined,
      status: f.status ?? undefined,
      limit: 500,
    }),
  report: (id: number) => api.get<ReportDetail>(`/reports/${id}`),
  update: (id: number, body: ReportPatch) => api.put<ReportUpdated>(`/reports/${id}`, body),
  prefill: (id: number) => api.post<ReportRefreshed>(`/reports/${id}/prefill`),
  transition: (id: number, action: 'approve' | 'submit' | 'accept') =>
    api.post<ReportTransitioned>(`/reports/${id}/${action}`),
  /**
   * Approve; confirmEmpty when the leader agreed to approve with required sections left empty (else 409); the signer
   * picked among the unit's (its default when none).
   */
  approve: (id: number, confirmEmpty: boolean, signerKey?: number) =>
    api.post<ReportTransitioned>(`/reports/${id}/approve`, {
      ...(confirmEmpty ? { confirmEmpty: true } : {}),
      ...(signerKey !== undefined ? { signerKey } : {}),
    }),
  /** A leader of the receiving unit approves the period's compiled report or reminder letter, with its signer. */
  approvePeriodDocument: (id: number, key: string, kind: 'compiled' | 'reminder', signerKey?: number) =>
    api.post<PeriodDocumentApproval>(
      `/regimes/${id}/periods/${key}/${kind}/approve`,
      signerKey !== undefined ? { signerKey } : {},
    ),
  return: (id: number, reason: string) => api.post<ReportTransitioned>(`/reports/${id}/return`, { reason }),
  dashboard: (planId: number, year: number | null) =>
    api.get<FocalDashboard>('/dashboard/focal', { planId, year: year ?? undefined }),
  publicProgress: (planId: number, year: number | null) =>
    api.get<PublicProgress>(`/public/plans/${planId}/progress`, { year: year ?? undefined }),
};

/** Addresses of the documents of a period (plain links: the browser keeps the session cookie). */
export const periodDownloads = {
  compiledDocx: (id: number, key: string) => buildUrl(`/regimes/${id}/periods/${key}/compiled.docx`),
  compiledXlsx: (id: number, key: string) => buildUrl(`/regimes/${id}/periods/${key}/compiled.xlsx`),
  reminderDocx: (id: number, key: string) => buildUrl(`/regimes/${id}/periods/${key}/reminder.docx`),
  /** The units of the period (who sent, was accepted, late, missing), the counts and the indicators. */
  statusXlsx: (id: number, key: string) => buildUrl(`/regimes/${id}/periods/${key}/status.xlsx`),
};

/** The focal dashboard of a plan for a year as a workbook: one sheet per table of the screen. */
export const dashboardDownloads = {
  xlsx: (planId: number, year: number) => buildUrl('/dashboard/focal.xlsx', { planId, year }),
};

/** A unit report as its official document (DOCX) and its tables (XLSX). */
export const reportDownloads = {
  docx: (id: number) => buildUrl(`/reports/${id}/export.docx`),
  xlsx: (id: number) => buildUrl(`/reports/${id}/export.xlsx`),
};

export function useRegimes() {
  return useQuery({ queryKey: reportingKeys.regimes(), queryFn: reportingApi.regimes, staleTime: 60_000 });
}

export function useRegime(id: number | null | undefined) {
  return useQuery({
    queryKey: reportingKeys.regime(id ?? 0),
    queryFn: () => reportingApi.regime(id!),
    enabled: !!id,
    staleTime: 60_000,
  });
}

export function usePeriodStatus(id: number | null, key: string | null) {
  return useQuery({
    queryKey: reportingKeys.status(id ?? 0, key ?? ''),
    queryFn: () => reportingApi.periodStatus(id!, key!),
    enabled: !!id && !!key,
  });
}

export function useReports(f: ReportFilter, enabled = true) {
  return useQuery({
    queryKey: reportingKeys.reports(f),
    queryFn: () => reportingApi.reports(f),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useReport(id: number | null) {
  return useQuery({ queryKey: reportingKeys.report(id ?? 0), queryFn: () => reportingApi.report(id!), enabled: !!id });
}

export function useDashboard(planId: number | null, year: number | null) {
  return useQuery({
    queryKey: reportingKeys.dashboard(planId ?? 0, year),
    queryFn: () => reportingApi.dashboard(planId!, year),
    enabled: !!planId,
    placeholderData: keepPreviousData,
  });
}

export function usePublicProgress(planId: number | null, year: number | null) {
  return useQuery({
    queryKey: reportingKeys.publicProgress(planId ?? 0, year),
    queryFn: () => reportingApi.publicProgress(planId!, year),
    enabled: !!planId,
    placeholderData: keepPreviousData,
  });
}

/** A change to reports: every reporting query (lists, statuses, dashboards) and the notifications may be stale. */
export function useReportingMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: reportingKeys.all });
      void qc.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}
