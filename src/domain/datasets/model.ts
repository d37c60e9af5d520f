// The provincial AI database's words (GLOSSARY: Dataset, Resource, catalog) and its pure rules: who may publish
// what, and which personal-data findings still stand in the way of an open dataset (Nghị định 142/2026 Đ35.4:
// access control by data type; Luật Bảo vệ dữ liệu cá nhân: no personal data in open data).

import { PERSONAL_KIND_LABELS } from './quality/notes.ts';

export const ACCESS_CLASS_LABEL = {
  open: 'Dữ liệu mở',
  conditional: 'Dữ liệu mở có điều kiện',
  commercial: 'Dữ liệu thương mại',
} as const;
export type AccessClass = keyof typeof ACCESS_CLASS_LABEL;

export const DATASET_STATUS_LABEL = {
  draft: 'Bản nháp',
  published: 'Đã công bố',
  retracted: 'Đã thu hồi',
} as const;
export type DatasetStatus = keyof typeof DATASET_STATUS_LABEL;

/** Update frequency, after the EU frequency vocabulary DCAT uses (dct:accrualPeriodicity). */
export const UPDATE_FREQUENCY_LABEL = {
  continuous: 'Liên tục',
  daily: 'Hằng ngày',
  weekly: 'Hằng tuần',
  monthly: 'Hằng tháng',
  quarterly: 'Hằng quý',
  yearly: 'Hằng năm',
  irregular: 'Không định kỳ',
  never: 'Không cập nhật',
} as const;
export type UpdateFrequency = keyof typeof UPDATE_FREQUENCY_LABEL;

/** Decree 142 Đ35.3: direct download, an API, or a secure processing environment on the agency's infrastructure. */
export const ACCESS_METHOD_LABEL = {
  download: 'Tải tệp',
  api: 'Giao diện lập trình (API)',
  secureEnvironment: 'Môi trường xử lý dữ liệu an toàn',
} as const;
export type AccessMethod = keyof typeof ACCESS_METHOD_LABEL;

export const LABELLING_LABEL = {
  none: 'Chưa gán nhãn',
  partial: 'Đã gán nhãn một phần',
  complete: 'Đã gán nhãn, chú thích đầy đủ',
} as const;
export type Labelling = keyof typeof LABELLING_LABEL;

/** The quality engine's name for a kind of personal data (one list: the engine's), or the code itself. */
export const personalKindLabel = (kind: string) => (PERSONAL_KIND_LABELS as Record<string, string>)[kind] ?? kind;

export const ACCESS_REQUEST_STATUS_LABEL = {
  pending: 'Chờ xem xét',
  approved: 'Đã chấp thuận',
  refused: 'Từ chối',
  withdrawn: 'Đã rút',
} as const;
export type AccessRequestStatus = keyof typeof ACCESS_REQUEST_STATUS_LABEL;

/** Who stands behind an organisation account (Nghị định 142/2026 Đ35: tổ chức, cá nhân khai thác dữ liệu). */
export const ORGANISATION_KIND_LABEL = {
  enterprise: 'Doanh nghiệp',
  research: 'Viện, tổ chức nghiên cứu',
  education: 'Cơ sở giáo dục, đào tạo',
  publicBody: 'Cơ quan, đơn vị nhà nước ngoài tỉnh',
  other: 'Tổ chức khác',
} as const;
export type OrganisationKind = keyof typeof ORGANISATION_KIND_LABEL;

export const ORGANISATION_STATUS_LABEL = {
  pending: 'Chờ tỉnh xác minh',
  active: 'Đang hoạt động',
  refused: 'Không được chấp thuận',
  suspended: 'Đã tạm dừng',
} as const;
export type OrganisationStatus = keyof typeof ORGANISATION_STATUS_LABEL;

export interface PersonalFinding {
  column: string;
  kind: string;
  count: number;
}

export interface ResourceFindings {
  resourceId: number;
  title: string;
  findings: readonly PersonalFinding[];
  /** "column|kind" of the findings judged false positives for this file version. */
  dismissed: ReadonlySet<string>;
}

export const findingKey = (column: string, kind: string) => `${column}|${kind}`;

/** The personal-data findings still standing: those not judged false positives. */
export function unresolvedFindings(r: ResourceFindings): PersonalFinding[] {
  return r.findings.filter((f) => !r.dismissed.has(findingKey(f.column, f.kind)));
}

/**
 * Why an open dataset may not be published yet: each resource with personal data still standing, named by its
 * columns. Conditional and commercial data are published as catalogue entries and their files go only to holders
 * of a grant, so personal data there is the grant's matter (and the access log's), not a bar to the entry.
 */
export function publishBlockers(
  accessClass: AccessClass,
  resources: readonly ResourceFindings[],
): Array<{ resourceId: number; title: string; columns: PersonalFinding[] }> {
  if (accessClass !== 'open') return [];
  return resources
    .map((r) => ({ resourceId: r.resourceId, title: r.title, columns: unresolvedFindings(r) }))
    .filter((b) => b.columns.length > 0);
}

/** "Tệp "ho-kinh-doanh.csv": cột "so_cccd" (số căn cước công dân, 120 ô)…" for the 422 of a refused publish. */
export function describeBlockers(blockers: ReturnType<typeof publishBlockers>): string {
  return blockers
    .map(
      (b) =>
        `tệp "${b.title}": ${b.columns
          .map((c) => `cột "${c.column}" (${personalKindLabel(c.kind)}, ${c.count.toLocaleString('vi-VN')} ô)`)
          .join(', ')}`,
    )
    .join('; ');
}

/** Whether a grant (an approved access request) still opens the files at `now`. */
export function grantIsValid(
  g: { status: string; expires_at: Date | string | null; revoked_at: Date | string | null },
  now: Date,
): boolean {
  if (g.status !== 'approved' || g.revoked_at) return false;
  return g.expires_at !== null && new Date(g.expires_at).getTime() > now.getTime();
}
