// AI products, their uses by units, and the use's life: statuses and the moves between them. Pure.

export const RISK_LEVEL_LABEL = { high: 'Rủi ro cao', medium: 'Rủi ro trung bình', low: 'Rủi ro thấp' } as const;
export type RiskLevel = keyof typeof RISK_LEVEL_LABEL;
export const RISK_LEVELS = Object.keys(RISK_LEVEL_LABEL) as RiskLevel[];
/** A use that has not been classified has no level: never read a missing level as "low". */
export const UNCLASSIFIED_LABEL = 'Chưa phân loại';

export const USE_STATUS_LABEL = {
  planned: 'Dự kiến',
  piloting: 'Thử nghiệm',
  inUse: 'Đang sử dụng',
  retired: 'Đã ngừng sử dụng',
} as const;
export type UseStatus = keyof typeof USE_STATUS_LABEL;
export const USE_STATUSES = Object.keys(USE_STATUS_LABEL) as UseStatus[];

/** Retiring is its own act (with a reason), so PATCH moves only among the three living states. */
const MOVES: Record<UseStatus, readonly UseStatus[]> = {
  planned: ['piloting', 'inUse'],
  piloting: ['planned', 'inUse'],
  inUse: ['piloting'],
  retired: [],
};

export function canMove(from: UseStatus, to: UseStatus): boolean {
  return from === to || MOVES[from].includes(to);
}

export const AUTOMATION_LABEL = {
  assistive: 'Hỗ trợ: con người quyết định trên cơ sở gợi ý của hệ thống',
  partial: 'Bán tự động: hệ thống xử lý, con người duyệt trước khi có hiệu lực',
  full: 'Tự động: kết quả có hiệu lực không qua con người duyệt',
} as const;
export type AutomationLevel = keyof typeof AUTOMATION_LABEL;

export const ASSESSMENT_STATUS_LABEL = {
  draft: 'Dự thảo',
  approved: 'Đã phê duyệt',
  published: 'Đã công khai',
} as const;
export type AssessmentStatus = keyof typeof ASSESSMENT_STATUS_LABEL;

export const SEVERITY_LABEL = { serious: 'Sự cố nghiêm trọng', other: 'Sự cố khác' } as const;
export type Severity = keyof typeof SEVERITY_LABEL;

/**
 * What an "in use" move needs (decree 142 Đ20.4: the head of the unit approves the assessment before use). A use
 * not yet classified cannot tell whether it needs one, so it is held back too. Null when the move may go ahead.
 */
export function inUseBlocker(u: {
  level: RiskLevel | null;
  impactAssessmentRequired: boolean | null;
  hasApprovedAssessment: boolean;
  assessmentDue: boolean;
}): 'unclassified' | 'assessment' | null {
  if (u.level === null || u.impactAssessmentRequired === null) return 'unclassified';
  if (u.impactAssessmentRequired && (!u.hasApprovedAssessment || u.assessmentDue)) return 'assessment';
  return null;
}

/** Fields of a use whose change makes its assessment due again (decree 142 Đ20.2: purpose, function, main data, scope). */
export const REASSESSMENT_FIELDS = ['purpose', 'outputUse', 'inputData', 'scope'] as const;
export type ReassessmentField = (typeof REASSESSMENT_FIELDS)[number];
export const REASSESSMENT_FIELD_LABEL: Record<ReassessmentField, string> = {
  purpose: 'mục đích',
  outputUse: 'chức năng (cách dùng kết quả)',
  inputData: 'dữ liệu chính',
  scope: 'phạm vi',
};

export function changedReassessmentFields(
  before: Record<ReassessmentField, string>,
  patch: Partial<Record<ReassessmentField, string>>,
): ReassessmentField[] {
  return REASSESSMENT_FIELDS.filter((f) => patch[f] !== undefined && patch[f]!.trim() !== before[f].trim());
}
