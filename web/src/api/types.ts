// Shapes of the API answers (see GET /api/openapi.json).

// Roles and unit kinds are the domain's own (pure modules, no server code): one definition.
export { ROLES, type Role } from '../../../src/domain/permissions.ts';
import type { UnitKind } from '../../../src/domain/org/unit.ts';
export type { UnitKind };
// Sign-in, units, accounts and the audit trail: the server's contracts (src/contracts/{auth,org,users,audit}.ts), zod
// schemas every answer of these routes is checked against in the tests. Types only, so nothing of the server is bundled.
import type { Me, SessionCan, SessionUser } from '../../../src/contracts/auth.ts';
import type {
  MergeResult,
  Unit,
  UnitAlias,
  UnitDetail,
  UnitImportResult,
  UnitPermissions,
  UnitSearchHit,
  UnitStatus,
  UnitWithCount,
} from '../../../src/contracts/org.ts';
import type { CreatedUser, CreateUserInput, UpdateUserInput, User } from '../../../src/contracts/users.ts';
import type { AuditRow } from '../../../src/contracts/audit.ts';

export type {
  AuditRow,
  CreatedUser,
  CreateUserInput,
  Me,
  MergeResult,
  SessionCan,
  SessionUser,
  Unit,
  UnitAlias,
  UnitDetail,
  UnitImportResult,
  UnitPermissions,
  UnitSearchHit,
  UnitStatus,
  UnitWithCount,
  UpdateUserInput,
  User,
};

// ---------------------------------------------------------------- Kế hoạch (see schemas/plan.schema.json)

// The plan's statuses and its JSON form are the server's own domain model (pure, no server code): one definition.
export { PLAN_STATUSES, type PlanStatus } from '../../../src/domain/plan/model.ts';
import type {
  BasisReference,
  Block,
  DocumentHeader,
  Finding,
  PlanDraft,
  Schedule,
  Section,
  Severity,
  Signer,
  TaskField,
  TaskGroup,
  Timeframe,
  UnitRef,
  Unplaced,
  Task as PlanTask,
} from '../../../src/domain/plan/model.ts';

export type {
  BasisReference,
  Block,
  DocumentHeader,
  Finding,
  PlanDraft,
  PlanTask,
  Schedule,
  Section,
  Severity,
  Signer,
  TaskField,
  TaskGroup,
  Timeframe,
  UnitRef,
  Unplaced,
};

// The answers are the server's contract (src/contracts/plans.ts): zod schemas every answer of these routes is checked
// against in the tests. Types only, so nothing of the server is bundled. CascadeRule is the domain's own type.
import type {
  CascadePreview,
  CascadeResult,
  CascadeRule,
  CascadeRules,
  CascadeRulesSaved,
  ImportLayoutView,
  LintResult,
  ParentChange,
  ParentChangeResolved,
  PlanComparison,
  PlanDetail,
  PlanImportResult,
  PlanInfo,
  PlanList,
  PlanListItem,
  PlanPermissions,
  PlanRef,
  PlanTransitioned,
} from '../../../src/contracts/plans.ts';

export type {
  CascadePreview,
  CascadeResult,
  CascadeRule,
  CascadeRules,
  CascadeRulesSaved,
  ImportLayoutView,
  LintResult,
  ParentChange,
  ParentChangeResolved,
  PlanComparison,
  PlanDetail,
  PlanImportResult,
  PlanInfo,
  PlanList,
  PlanListItem,
  PlanPermissions,
  PlanRef,
  PlanTransitioned,
};

// ---------------------------------------------------------------- Theo dõi thực hiện (tags "Theo dõi thực hiện", "Thông báo")

// The answers are the server's contract (src/contracts/tracking.ts): zod schemas every answer of these routes is
// checked against in the tests. Types only, so nothing of the server is bundled.
import type {
  AppNotification,
  AssignmentDetail,
  AssignmentList,
  AssignmentListItem,
  Deliverable,
  DeliverableKind,
  EvidenceFile,
  NotificationList,
  Obstacle,
  ObstacleKind,
  ObstacleList,
  ObstacleStatus,
  ProgressUpdate,
  ProgressUpdateResult,
  TaskStatus,
} from '../../../src/contracts/tracking.ts';

export type {
  AppNotification,
  AssignmentDetail,
  AssignmentList,
  AssignmentListItem,
  Deliverable,
  DeliverableKind,
  EvidenceFile,
  NotificationList,
  Obstacle,
  ObstacleKind,
  ObstacleList,
  ObstacleStatus,
  ProgressUpdate,
  ProgressUpdateResult,
  TaskStatus,
};

/** The domain's own lists (TASK_STATUSES: computed from dates by the server, never typed). */
export { DELIVERABLE_KINDS, OBSTACLE_STATUSES, TASK_STATUSES } from '../../../src/domain/tracking/model.ts';

/** What the progress-update form sends: the route's own input schema's types (src/contracts/tracking.ts). */
export type {
  DeliverableInput,
  EvidenceInput,
  ProgressUpdateBody,
  ProgressUpdateInput,
} from '../../../src/contracts/tracking.ts';

// ---------------------------------------------------------------- Báo cáo (tag "Báo cáo")

// The server's contract (src/contracts/reporting.ts), types only, like the tracking answers above.
import type {
  FocalDashboard,
  IndicatorDef,
  NationalDashboard,
  Narrative,
  NarrativeKey,
  PeriodStatus,
  PeriodStatusUnit,
  PublicProgress,
  ReportingRegime,
  ReportingRegimeDetail,
  ReportingRegimePeriod,
  ReportDetail,
  ReportListItem,
  ReportStatus,
  ReportSummary,
  ReportTaskLine,
  RollupTotals,
  SubmissionState,
  UnitReportContent,
} from '../../../src/contracts/reporting.ts';

export type {
  FocalDashboard,
  IndicatorDef,
  NationalDashboard,
  Narrative,
  NarrativeKey,
  PeriodStatus,
  PeriodStatusUnit,
  PublicProgress,
  ReportingRegime,
  ReportingRegimeDetail,
  ReportingRegimePeriod,
  ReportDetail,
  ReportListItem,
  ReportStatus,
  ReportSummary,
  ReportTaskLine,
  RollupTotals,
  SubmissionState,
  UnitReportContent,
};

export { REPORT_STATUSES } from '../../../src/domain/reporting/model.ts';
/** Where an expected unit stands for a period (src/domain/reporting/rollup.ts), in the order the web shows them. */
export const SUBMISSION_STATES: readonly SubmissionState[] = ['onTime', 'late', 'returned', 'missing', 'pending'];
