// CSDL phục vụ AI (the provincial AI database): catalogue entries, resources with their quality reports,
// personal-data decisions and de-identification, access requests and the access log, and the public catalogue.
// Types are the server's contract (src/contracts/datasets.ts), imported as types only.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from '@hono/zod-openapi';
import { api, buildUrl, request } from './client.ts';
import type {
  AccessLogSchema,
  AccessRequestSchema,
  DatasetDetail,
  DatasetInput,
  DatasetListSchema,
  DatasetSummarySchema,
  DeidentifiedSchema,
  PublicDataset,
  PublicDatasetListSchema,
  ResourceCreatedSchema,
  ResourceSchema,
  SectorSchema,
} from '../../../src/contracts/datasets.ts';
import type { SyncState } from '../../../src/contracts/sync.ts';

export {
  ACCESS_CLASS_LABEL,
  ACCESS_METHOD_LABEL,
  ACCESS_REQUEST_STATUS_LABEL,
  DATASET_STATUS_LABEL,
  LABELLING_LABEL,
  UPDATE_FREQUENCY_LABEL,
  personalKindLabel,
} from '../../../src/domain/datasets/model.ts';
export type { AccessClass, AccessMethod, DatasetStatus } from '../../../src/domain/datasets/model.ts';

export type { DatasetDetail, DatasetInput, PublicDataset, SyncState };
export type DatasetSummary = z.infer<typeof DatasetSummarySchema>;
export type DatasetList = z.infer<typeof DatasetListSchema>;
export type DatasetResource = z.infer<typeof ResourceSchema>;
export type Sector = z.infer<typeof SectorSchema>;
export type AccessRequest = z.infer<typeof AccessRequestSchema>;
export type AccessLog = z.infer<typeof AccessLogSchema>;
export type ResourceCreated = z.infer<typeof ResourceCreatedSchema>;
export type Deidentified = z.infer<typeof DeidentifiedSchema>;
export type PublicDatasetList = z.infer<typeof PublicDatasetListSchema>;

export interface DatasetFilters {
  q?: string;
  unitId?: number | null;
  sector?: string | null;
  accessClass?: string | null;
  status?: string | null;
}
export interface PublicDatasetFilters {
  q?: string;
  sector?: string | null;
  accessClass?: string | null;
  unitId?: number | null;
  communeId?: number | null;
}
export interface UploadBody {
  filename: string;
  contentBase64: string;
  title?: string;
  tableSchema?: Record<string, unknown>;
}
export type DeidentifyAction = 'drop' | 'mask' | 'generaliseToYear';
export interface DeidentifyBody {
  steps: Array<{ column: string; action: DeidentifyAction }>;
  quasiIdentifiers: string[];
}
export interface AccessRequestBody {
  purpose: string;
  intendedUse: string;
  durationDays: number;
  organisation: string;
}
export interface AccessDecisionBody {
  decision: 'approve' | 'refuse';
  reason: string;
  durationDays?: number;
}

const clean = (f: DatasetFilters | PublicDatasetFilters) =>
  Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v === '' || v === null ? undefined : v]));

export const datasetKeys = {
  all: ['datasets'] as const,
  sectors: ['datasets', 'sectors'] as const,
  list: (f: DatasetFilters) => ['datasets', 'list', clean(f)] as const,
  one: (id: number) => ['datasets', 'one', id] as const,
  requests: (id: number) => ['datasets', 'requests', id] as const,
  log: (id: number) => ['datasets', 'log', id] as const,
  publicList: (f: PublicDatasetFilters) => ['datasets', 'public', 'list', clean(f)] as const,
  publicOne: (id: number) => ['datasets', 'public', 'one', id] as const,
};

const base = (id: number) => `/datasets/${id}`;
const res = (id: number, rid: number) => `/datasets/${id}/resources/${rid}`;

export const datasetsApi = {
  sectors: () => api.get<Sector[]>('/datasets/sectors'),
  list: (f: DatasetFilters) => api.get<DatasetList>('/datasets', { ...clean(f), limit: 200 }),
  one: (id: number) => api.get<DatasetDetail>(base(id)),
  create: (body: DatasetInput) => api.post<{ id: number; uuid: string }>('/datasets', body),
  update: (id: number, body: DatasetInput) => api.put<unknown>(base(id), body),
  publish: (id: number) => api.post<unknown>(`${base(id)}/publish`),
  retract: (id: number, reason: string) => api.post<unknown>(`${base(id)}/retract`, { reason }),
  upload: (id: number, body: UploadBody) => api.post<ResourceCreated>(`${base(id)}/resources`, body),
  newVersion: (id: number, rid: number, body: UploadBody) =>
    api.post<ResourceCreated>(`${res(id, rid)}/versions`, body),
  removeResource: (id: number, rid: number) => api.delete<unknown>(res(id, rid)),
  dismissFinding: (id: number, rid: number, body: { column: string; kind: string; reason: string }) =>
    api.post<unknown>(`${res(id, rid)}/findings/decision`, body),
  deidentify: (id: number, rid: number, body: DeidentifyBody) =>
    api.post<Deidentified>(`${res(id, rid)}/deidentify`, body),
  requestAccess: (id: number, body: AccessRequestBody) => api.post<{ id: number }>(`${base(id)}/access-requests`, body),
  requests: (id: number) => api.get<{ items: AccessRequest[] }>(`${base(id)}/access-requests`),
  decide: (id: number, rid: number, body: AccessDecisionBody) =>
    api.post<unknown>(`${base(id)}/access-requests/${rid}/decision`, body),
  revoke: (id: number, rid: number, reason: string) =>
    api.post<unknown>(`${base(id)}/access-requests/${rid}/revoke`, { reason }),
  log: (id: number) => api.get<AccessLog>(`${base(id)}/access-log`, { limit: 200 }),
  publicList: (f: PublicDatasetFilters) => api.get<PublicDatasetList>('/public/datasets', { ...clean(f), limit: 200 }),
  publicOne: (id: number) => api.get<PublicDataset>(`/public/datasets/${id}`),
  /** The sectors for a visitor who may not be signed in: a 401 here is no ended session. */
  sectorsAnonymous: () => request<Sector[]>('/datasets/sectors', { anonymous: true }),
};

export const datasetUrls = {
  /** The owner's download of any version of a resource. */
  ownerDownload: (id: number, rid: number, version?: number) => buildUrl(`${res(id, rid)}/download`, { version }),
  publicDownload: (id: number, rid: number) => buildUrl(`/public/datasets/${id}/resources/${rid}/download`),
  catalogJsonLd: () => buildUrl('/public/catalog.jsonld'),
  catalogCsv: () => buildUrl('/public/datasets.csv'),
};

export const useDatasetSectors = () =>
  useQuery({ queryKey: datasetKeys.sectors, queryFn: datasetsApi.sectors, staleTime: 10 * 60_000 });
export const usePublicSectors = () =>
  useQuery({
    queryKey: [...datasetKeys.sectors, 'anonymous'],
    queryFn: datasetsApi.sectorsAnonymous,
    staleTime: 10 * 60_000,
    retry: false,
  });
export const useDatasets = (f: DatasetFilters) =>
  useQuery({ queryKey: datasetKeys.list(f), queryFn: () => datasetsApi.list(f), placeholderData: keepPreviousData });
export const useDataset = (id: number) =>
  useQuery({ queryKey: datasetKeys.one(id), queryFn: () => datasetsApi.one(id), enabled: id > 0 });
export const useAccessRequests = (id: number, enabled: boolean) =>
  useQuery({ queryKey: datasetKeys.requests(id), queryFn: () => datasetsApi.requests(id), enabled });
export const useAccessLog = (id: number, enabled: boolean) =>
  useQuery({ queryKey: datasetKeys.log(id), queryFn: () => datasetsApi.log(id), enabled });
export const usePublicDatasets = (f: PublicDatasetFilters) =>
  useQuery({
    queryKey: datasetKeys.publicList(f),
    queryFn: () => datasetsApi.publicList(f),
    placeholderData: keepPreviousData,
  });
export const usePublicDataset = (id: number) =>
  useQuery({ queryKey: datasetKeys.publicOne(id), queryFn: () => datasetsApi.publicOne(id), enabled: id > 0 });

/** A mutation that refreshes every dataset query once it succeeds. */
export function useDatasetMutation<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: datasetKeys.all }) });
}

/** A file's bytes as base64 (without the data: prefix), read in the browser. */
export const fileBase64 = (f: File) =>
  new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(f);
  });

/** 1,2 MB · 340 KB · 900 B: the app's one number format (format.ts). */
export { formatSize } from '../format.ts';

/** The stored quality report (src/domain/datasets/quality): per column, duplicates, encoding, notes. */
export type { FieldReport, QualityReport } from '../../../src/domain/datasets/quality/types.ts';
import type { QualityReport } from '../../../src/domain/datasets/quality/types.ts';

/** A resource's report read as the engine wrote it (the contract names only the fields every client relies on). */
export const reportOf = (q: unknown): Partial<QualityReport> =>
  (q && typeof q === 'object' ? q : {}) as Partial<QualityReport>;
