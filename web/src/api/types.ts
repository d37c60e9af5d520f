// Shapes of the API answers (see GET /api/openapi.json).

// Roles and unit kinds are the domain's own (pure modules, no server code): one definition.
export { ROLES, type Role } from '../../../src/domain/permissions.ts';
import type { UnitKind } from '../../../src/domain/org/unit.ts';
export type { UnitKind };
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

// The plan's statuses and its JSON form are the server's own domain model (pure, no server code): one definition.
export { PLAN_STATUSES, type PlanStatus } from '../../../src/domain/plan/model.ts';
import type {
  BasisReference, Block, DocumentHeader, Finding, PlanDraft, Schedule, Section, Severity, Signer, TaskField,
  TaskGroup, Timeframe, UnitRef, Unplaced, Task as PlanTask,
} from '../../../src/domain/plan/model.ts';

export type {
  BasisReference, Block, DocumentHeader, Finding, PlanDraft, PlanTask, Schedule, Section, Severity, Signer, TaskField,
  TaskGroup, Timeframe, UnitRef, Unplaced,
};

// The answers are the server's contract (src/contracts/plans.ts): zod schemas every answer of these routes is checked
// against in the tests. Types only, so nothing of the server is bundled. CascadeRule is the domain's own type.
import type {
  CascadePreview, CascadeResult, CascadeRule, CascadeRules, CascadeRulesSaved, LintResult, ParentChange, ParentChangeResolved,
  PlanComparison, PlanDetail, PlanImportResult, PlanInfo, PlanList, PlanListItem, PlanPermissions, PlanRef, PlanTransitioned,
} from '../../../src/contracts/plans.ts';

export type {
  CascadePreview, CascadeResult, CascadeRule, CascadeRules, CascadeRulesSaved, LintResult, ParentChange, ParentChangeResolved,
  PlanComparison, PlanDetail, PlanImportResult, PlanInfo, PlanList, PlanListItem, PlanPermissions, PlanRef, PlanTransitioned,
};

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

/** The domain's own lists (TASK_STATUSES: computed from dates by the server, never typed). */
export { DELIVERABLE_KINDS, OBSTACLE_STATUSES, TASK_STATUSES } from '../../../src/domain/tracking/model.ts';

/** What the progress-update form sends: the route's own input schema's types (src/contracts/tracking.ts). */
export type { DeliverableInput, EvidenceInput, ProgressUpdateBody, ProgressUpdateInput } from '../../../src/contracts/tracking.ts';

// ---------------------------------------------------------------- Báo cáo (tag "Báo cáo")

// The server's contract (src/contracts/reporting.ts), types only, like the tracking answers above.
import type {
  FocalDashboard, IndicatorDef, NationalDashboard, Narrative, NarrativeKey, PeriodStatus, PeriodStatusUnit, PublicProgress, ReportingRegime,
  ReportingRegimeDetail, ReportingRegimePeriod, ReportDetail, ReportListItem, ReportStatus, ReportSummary, ReportTaskLine, RollupTotals, SubmissionState,
  UnitReportContent,
} from '../../../src/contracts/reporting.ts';

export type {
  FocalDashboard, IndicatorDef, NationalDashboard, Narrative, NarrativeKey, PeriodStatus, PeriodStatusUnit, PublicProgress, ReportingRegime,
  ReportingRegimeDetail, ReportingRegimePeriod, ReportDetail, ReportListItem, ReportStatus, ReportSummary, ReportTaskLine, RollupTotals, SubmissionState,
  UnitReportContent,
};

export { REPORT_STATUSES } from '../../../src/domain/reporting/model.ts';
/** Where an expected unit stands for a period (src/domain/reporting/rollup.ts), in the order the web shows them. */
export const SUBMISSION_STATES: readonly SubmissionState[] = ['onTime', 'late', 'returned', 'missing', 'pending'];
