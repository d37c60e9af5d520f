// Shapes of the API answers (see GET /api/openapi.json).

export type Role = 'sysadmin' | 'unitAdmin' | 'leader' | 'officer' | 'viewer';
export const ROLES: readonly Role[] = ['sysadmin', 'unitAdmin', 'leader', 'officer', 'viewer'];

export type UnitKind = 'central' | 'national' | 'province' | 'agency' | 'commune' | 'ward' | 'office' | 'neighbourhood';
export type UnitStatus = 'active' | 'merged' | 'retired';

export interface SessionUser {
  id: number;
  username: string;
  fullName: string;
  email: string | null;
  unitId: number;
  unitName: string;
  unitCode: string;
  unitKind: string;
  roles: string[];
  mustChangePassword: boolean;
  isDemo: boolean;
}

export interface Me {
  user: SessionUser;
  csrfToken: string;
  expiresAt: string;
}

export interface Unit {
  id: number;
  parentId: number | null;
  kind: UnitKind;
  kindLabel: string;
  code: string;
  name: string;
  shortName: string;
  status: UnitStatus | string;
  mergedIntoId: number | null;
}

export interface UnitWithCount extends Unit {
  childCount: number;
}

export interface UnitAlias {
  name: string;
  kind: 'former' | 'abbreviation' | 'other' | string;
  note: string | null;
}

export interface UnitDetail {
  unit: Unit;
  ancestors: Unit[];
  children: UnitWithCount[];
  aliases: UnitAlias[];
  mergedInto: Unit | null;
  allowedChildKinds: UnitKind[];
}

export interface UnitSearchHit extends Unit {
  parentName: string | null;
  /** The text that matched (a former name, an abbreviation, the code…). */
  matched: string;
  /** What kind of text matched: name | shortName | code | former | abbreviation | other. */
  matchedKind: string;
  score: number;
}

export interface User {
  id: number;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  unitId: number;
  unitName: string;
  roles: string[];
  isActive: boolean;
  isDemo: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
}

export interface CreatedUser {
  id: number;
  username: string;
  temporaryPassword: string | null;
}

export interface AuditRow {
  id: number;
  at: string;
  actor_username: string | null;
  actor_unit_id?: number | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  unit_id?: number | null;
  unit_name: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string | null;
}

// ---------------------------------------------------------------- Kế hoạch (see schemas/plan.schema.json)

export type PlanStatus = 'draft' | 'submitted' | 'approved' | 'issued' | 'amended' | 'superseded';
export const PLAN_STATUSES: readonly PlanStatus[] = ['draft', 'submitted', 'approved', 'issued', 'amended', 'superseded'];

// The plan's JSON form is the server's own domain model (pure types, erased at build time): one definition.
import type {
  BasisReference, Block, DocumentHeader, Finding, PlanDraft, Schedule, Section, Severity, Signer, TaskField,
  TaskGroup, Timeframe, UnitRef, Unplaced, Task as PlanTask,
} from '../../../src/domain/plan/model.ts';

export type {
  BasisReference, Block, DocumentHeader, Finding, PlanDraft, PlanTask, Schedule, Section, Severity, Signer, TaskField,
  TaskGroup, Timeframe, UnitRef, Unplaced,
};

export interface PlanListItem {
  id: number;
  unitId: number;
  unitName: string;
  unitKind: string;
  parentPlanId: number | null;
  status: PlanStatus;
  statusLabel: string;
  version: number;
  number: string | null;
  symbol: string | null;
  issuedDate: string | null;
  year: number | null;
  title: string;
  published: boolean;
  taskCount: number;
  childCount: number;
  updatedAt: string;
}

export interface PlanImportResult {
  draft: PlanDraft;
  sourceText: string | null;
  suggestedUnitId: number | null;
}

/** What changed in the parent plan's task since the commune last accepted it. */
export interface ParentChange {
  at: string;
  parentTaskId?: number;
  removed?: boolean;
  changes: Array<{ field: 'title' | 'content' | 'lead' | 'coordinators' | 'timeframe' | 'deliverables'; before: unknown; after: unknown }>;
  snapshot: unknown;
}

export interface PlanInfo {
  id: number;
  status: PlanStatus;
  statusLabel: string;
  version: number;
  unitId: number;
  unitName: string;
  unitCode?: string;
  unitKind?: string;
  issuerName: string;
  parentPlanId: number | null;
  amendsPlanId: number | null;
  published: boolean;
  number: string | null;
  symbol: string | null;
  issuedDate: string | null;
  year: number | null;
  title: string;
  sourceName?: string | null;
  returnReason: string | null;
  updatedAt?: string;
}

export interface PlanPermissions {
  /** Sees the review findings and working notes: false for readers from outside the issuing unit. */
  review: boolean;
  edit: boolean;
  submit: boolean;
  approve: boolean;
  return: boolean;
  issue: boolean;
  amend: boolean;
  cascade: boolean;
}

export interface PlanDetail {
  plan: PlanInfo;
  draft: PlanDraft;
  taskIds: Array<{ id: number; number: string; parentChange: ParentChange | null }>;
  parent: { id: number; title: string; number: string | null; symbol: string | null; issuedDate: string | null } | null;
  children: { total: number; visible: Array<{ id: number; status: PlanStatus; unitId: number; unitName: string }> };
  versions: Array<{ version: number; status: string; created_at: string; note: string | null }>;
  can: PlanPermissions;
}

export interface PlanComparison {
  parent: { id: number; title: string; number: string | null; symbol: string | null };
  child: { id: number; title: string };
  rows: Array<{ number: string; parent: PlanTask; child: PlanTask | null }>;
  extra: PlanTask[];
}

export interface CascadeRule {
  fromCode?: string;
  fromText?: string;
  toOffice?: { 'xã': string; 'phường': string };
  toText?: string;
  textOnly?: boolean;
  in?: Array<'title' | 'content' | 'deliverables' | 'sections'>;
  note?: string;
}

export interface CascadePreview {
  draft: PlanDraft;
  rules: CascadeRule[];
}

export interface CascadeResult {
  created: Array<{ unitId: number; planId: number }>;
  skipped: Array<{ unitId: number; unitName: string; reason: string }>;
  ms: number;
}

// ---------------------------------------------------------------- Theo dõi thực hiện (tags "Theo dõi thực hiện", "Thông báo")

// The answers are the server's contract (src/contracts/tracking.ts): zod schemas every answer of these routes is
// checked against in the tests. Types only, so nothing of the server is bundled.
import type {
  AppNotification, AssignmentDetail, AssignmentList, AssignmentListItem, Deliverable, DeliverableKind, EvidenceFile, NotificationList,
  Obstacle, ObstacleKind, ObstacleList, ObstacleStatus, ProgressUpdate, ProgressUpdateResult, TaskStatus,
} from '../../../src/contracts/tracking.ts';

export type {
  AppNotification, AssignmentDetail, AssignmentList, AssignmentListItem, Deliverable, DeliverableKind, EvidenceFile, NotificationList,
  Obstacle, ObstacleKind, ObstacleList, ObstacleStatus, ProgressUpdate, ProgressUpdateResult, TaskStatus,
};

/** Computed from dates by the server, never typed (src/domain/tracking/model.ts). */
export const TASK_STATUSES: readonly TaskStatus[] = ['doneOnTime', 'doneLate', 'inProgress', 'overdue'];
export const DELIVERABLE_KINDS: readonly DeliverableKind[] = ['conference', 'document', 'article', 'training', 'plan', 'report', 'dataset', 'other'];
export const OBSTACLE_STATUSES: readonly ObstacleStatus[] = ['open', 'answered', 'closed'];

export interface DeliverableInput {
  kind: DeliverableKind;
  title: string;
  occurredOn: string;
  participants?: number | null;
  documentNumber?: string | null;
  link?: string | null;
}

export interface EvidenceInput {
  filename: string;
  mime: string;
  contentBase64: string;
}

export interface ProgressUpdateInput {
  percent: number;
  narrative: string;
  completed: boolean;
  occurredOn: string;
  deliverables: DeliverableInput[];
  evidence: EvidenceInput[];
  obstacles: Array<{ kind: ObstacleKind; content: string }>;
}

// ---------------------------------------------------------------- Báo cáo (tag "Báo cáo")

// The server's contract (src/contracts/reporting.ts), types only, like the tracking answers above.
import type {
  FocalDashboard, IndicatorDef, NationalDashboard, Narrative, NarrativeKey, PeriodStatus, PeriodStatusUnit, PublicProgress, Regime,
  RegimeDetail, RegimePeriod, ReportDetail, ReportListItem, ReportStatus, ReportSummary, ReportTaskLine, RollupTotals, SubmissionState,
  UnitReportContent,
} from '../../../src/contracts/reporting.ts';

export type {
  FocalDashboard, IndicatorDef, NationalDashboard, Narrative, NarrativeKey, PeriodStatus, PeriodStatusUnit, PublicProgress, Regime,
  RegimeDetail, RegimePeriod, ReportDetail, ReportListItem, ReportStatus, ReportSummary, ReportTaskLine, RollupTotals, SubmissionState,
  UnitReportContent,
};

export const REPORT_STATUSES: readonly ReportStatus[] = ['draft', 'approved', 'submitted', 'accepted', 'returned'];
/** Where an expected unit stands for a period (src/domain/reporting/rollup.ts), in the order the web shows them. */
export const SUBMISSION_STATES: readonly SubmissionState[] = ['onTime', 'late', 'returned', 'missing', 'pending'];
