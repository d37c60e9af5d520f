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

/** Computed from dates by the server, never typed (src/domain/tracking/model.ts). */
export type TaskStatus = 'doneOnTime' | 'doneLate' | 'inProgress' | 'overdue';
export const TASK_STATUSES: readonly TaskStatus[] = ['doneOnTime', 'doneLate', 'inProgress', 'overdue'];

export type DeliverableKind = 'conference' | 'document' | 'article' | 'training' | 'plan' | 'report' | 'dataset' | 'other';
export const DELIVERABLE_KINDS: readonly DeliverableKind[] = ['conference', 'document', 'article', 'training', 'plan', 'report', 'dataset', 'other'];

export type ObstacleKind = 'difficulty' | 'proposal';
export type ObstacleStatus = 'open' | 'answered' | 'closed';
export const OBSTACLE_STATUSES: readonly ObstacleStatus[] = ['open', 'answered', 'closed'];

export interface AssignmentListItem {
  id: number;
  role: 'lead' | 'coordinator';
  roleLabel: string;
  unit: { id: number; name: string; code: string };
  task: { id: number; number: string; title: string; timeframe: string };
  plan: { id: number; title: string; number: string | null; symbol: string | null; unitName: string };
  /** YYYY-MM-DD, null when the timeframe gives no date in the year. */
  dueDate: string | null;
  status: TaskStatus;
  statusLabel: string;
  percent: number;
  completedOn: string | null;
  lastUpdate: { id: number; occurredOn: string; percent: number; narrative: string; at: string } | null;
}

export interface AssignmentList {
  year: number;
  today: string;
  total: number;
  counts: Record<TaskStatus, number>;
  items: AssignmentListItem[];
}

export interface Deliverable {
  id: number;
  kind: DeliverableKind;
  kindLabel: string;
  title: string;
  occurredOn: string;
  participants: number | null;
  documentNumber: string | null;
  link: string | null;
}

export interface EvidenceFile {
  id: number;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  /** /api/evidence/{id} */
  url: string;
}

export interface ProgressUpdate {
  id: number;
  occurredOn: string;
  percent: number;
  completed: boolean;
  narrative: string;
  author: { id: number; name: string | null } | null;
  createdAt: string;
  deliverables: Deliverable[];
  evidence: EvidenceFile[];
}

export interface Obstacle {
  id: number;
  kind: ObstacleKind;
  kindLabel: string;
  content: string;
  status: ObstacleStatus;
  statusLabel: string;
  raisedOn: string;
  raisedBy: string | null;
  createdAt: string;
  unit: { id: number; name: string };
  toUnit: { id: number; name: string };
  assignmentId: number | null;
  task: { id: number; number: string | null; title: string | null } | null;
  plan: { id: number; title: string | null; number: string | null; symbol: string | null } | null;
  answer: string | null;
  answeredAt: string | null;
  answeredBy: string | null;
  can: { answer: boolean };
}

export interface AssignmentDetail {
  assignment: {
    id: number;
    role: 'lead' | 'coordinator';
    roleLabel: string;
    unit: { id: number; name: string; code: string };
    year: number;
    today: string;
    dueDate: string | null;
    status: TaskStatus;
    statusLabel: string;
    percent: number;
    completedOn: string | null;
    current: { percent: number; completedOn: string | null };
    lastUpdateAt: string | null;
  };
  task: {
    id: number;
    number: string;
    title: string;
    content: string | null;
    timeframe: string;
    schedule: Schedule | null;
    lead: string[];
    coordinators: string[];
    deliverables: string[];
  };
  plan: {
    id: number;
    title: string;
    number: string | null;
    symbol: string | null;
    issuedDate: string | null;
    status: PlanStatus;
    unit: { id: number; name: string };
  };
  /** Newest first. */
  updates: ProgressUpdate[];
  obstacles: Obstacle[];
  can: { update: boolean };
}

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

export interface ProgressUpdateResult {
  id: number;
  assignmentId: number;
  percent: number;
  completedOn: string | null;
  evidence: Array<{ id: number; filename: string; mime: string; size: number; sha256: string }>;
  obstacles: Array<{ id: number; kind: ObstacleKind; toUnitId: number }>;
}

export interface ObstacleList {
  box: 'inbox' | 'outbox';
  total: number;
  items: Obstacle[];
}

export interface AppNotification {
  id: number;
  kind: string;
  title: string;
  body: string;
  /** A server address (/assignments?…, /obstacles?…#id, /bao-cao/{id}, /che-do-bao-cao/{id}). */
  link: string | null;
  read: boolean;
  readAt: string | null;
  createdAt: string;
  to: 'user' | 'unit';
  /** Set when it reached one of my unit's offices rather than my unit or me. */
  toUnitName: string | null;
}

export interface NotificationList {
  unread: number;
  items: AppNotification[];
}

// ---------------------------------------------------------------- Báo cáo (tag "Báo cáo")

export type ReportStatus = 'draft' | 'approved' | 'submitted' | 'accepted' | 'returned';
export const REPORT_STATUSES: readonly ReportStatus[] = ['draft', 'approved', 'submitted', 'accepted', 'returned'];

/** Where an expected unit stands for a period (src/domain/reporting/rollup.ts). */
export type SubmissionState = 'onTime' | 'late' | 'missing' | 'returned' | 'pending';
export const SUBMISSION_STATES: readonly SubmissionState[] = ['onTime', 'late', 'returned', 'missing', 'pending'];

export interface IndicatorDef {
  code: string;
  name: string;
  unit: string;
  aggregate: 'sum' | 'max';
  fromDeliverables?: { kind: DeliverableKind; measure: 'count' | 'participants' };
}

export interface Regime {
  id: number;
  code: string;
  kind: 'periodic' | 'adHoc' | 'thematic';
  name: string;
  content: string;
  ownerUnitId: number;
  ownerName: string;
  planId: number | null;
  recipients: string[];
  outline: string[];
  indicators: IndicatorDef[];
  adHocDue: string | null;
  active: boolean;
  schedule: { frequency: string; frequencyLabel: string | null; [key: string]: unknown };
  submitters: { scopeUnitId: number; kinds?: string[]; unitIds?: number[]; planAssigneeKinds?: string[]; excludeUnitIds?: number[] };
}

export interface RegimePeriod {
  key: string;
  label: string;
  dataWindow: { from: string; to: string };
  dueDates: Array<{ kinds: string[]; dueDate: string | null }>;
  myDueDate: string | null;
  current: boolean;
}

export interface RegimeDetail {
  regime: Regime;
  today: string;
  submitterCount: number;
  myUnitReports: boolean;
  periods: RegimePeriod[];
  can: { followUp: boolean; review: boolean };
}

export interface ReportTaskLine {
  taskNumber: string;
  taskTitle: string;
  role: 'lead' | 'coordinator';
  status: TaskStatus;
  percent: number;
  results: string[];
  deliverables: Array<Omit<Deliverable, 'id' | 'kindLabel'>>;
  parentTaskNumber?: string | null;
  deadline?: string | null;
}

export type NarrativeKey = 'leadership' | 'results' | 'assessment' | 'obstacles' | 'proposals' | 'nextSteps';
export type Narrative = Record<NarrativeKey, string>;

export interface UnitReportContent {
  window: { from: string; to: string };
  tasks: ReportTaskLine[];
  obstacles: Array<{ kind: ObstacleKind; content: string; raisedOn: string; answer: string | null }>;
  narrative: Narrative;
  children?: Array<{ unitId: number; unitName: string; reportId: number; status: ReportStatus; submittedOn: string | null }>;
}

export interface ReportSummary {
  id: number;
  status: ReportStatus;
  statusLabel: string;
  dueDate: string;
  submittedAt: string | null;
  late: boolean | null;
}

export interface ReportListItem extends ReportSummary {
  regimeId: number;
  regimeName: string;
  periodKey: string;
  unitId: number;
  unitName: string;
  toUnitId: number;
  toUnitName: string;
  returnReason: string | null;
  updatedAt: string;
}

export interface ReportDetail {
  report: ReportSummary & {
    regimeId: number;
    regimeName: string;
    periodKey: string;
    periodLabel: string;
    dataWindow: { from: string; to: string };
    unitId: number;
    unitName: string;
    toUnitId: number;
    toUnitName: string;
    number: string | null;
    content: UnitReportContent;
    indicatorValues: Record<string, number>;
    approvedAt: string | null;
    reviewedAt: string | null;
    returnReason: string | null;
    createdAt: string;
    updatedAt: string;
  };
  indicators: IndicatorDef[];
  locked: boolean;
  can: { edit: boolean; approve: boolean; submit: boolean; accept: boolean; return: boolean };
}

export interface RollupTotals {
  expected: number;
  received: number;
  onTime: number;
  late: number;
  returned: number;
  missing: number;
  pending: number;
  accepted: number;
  drafting: number;
  receivedRate: number;
  onTimeRate: number;
}

export interface PeriodStatusUnit {
  unitId: number;
  unitName: string;
  unitCode: string;
  kind: string;
  dueDate: string;
  reportId: number | null;
  status: ReportStatus | null;
  statusLabel: string;
  state: SubmissionState;
  stateLabel: string;
  /** YYYY-MM-DD (Việt Nam) */
  submittedOn: string | null;
  late: boolean | null;
  returnReason: string | null;
  indicatorValues: Record<string, number>;
}

export interface PeriodStatus {
  regime: { id: number; name: string; kind: string; ownerUnitId: number; ownerName: string };
  period: { key: string; label: string; dataWindow: { from: string; to: string } };
  today: string;
  dueDates: Array<{ kind: string; dueDate: string }>;
  totals: RollupTotals;
  groups: Array<{ group: string; label: string; totals: RollupTotals }>;
  indicators: Array<IndicatorDef & { total: number; byGroup: Record<string, number> }>;
  units: PeriodStatusUnit[];
}

export interface FocalDashboard {
  plan: { id: number; title: string; number: string | null; symbol: string | null; issuedDate: string | null; status: string; issuerName: string };
  year: number;
  today: string;
  dataWindow: { from: string; to: string };
  tasks: Array<{
    taskId: number; number: string; title: string; timeframe: string; dueDate: string | null;
    assignments: number; doneOnTime: number; doneLate: number; overdue: number; inProgress: number; averagePercent: number;
    units: number; unitsDone: number; unitsDoneShare: number;
  }>;
  units: Array<{
    unitId: number; unitName: string; code: string; kind: string; plan: { id: number; status: string } | null;
    assignments: number; done: number; overdue: number; averagePercent: number; tasksDone: number; tasks: number;
    report: { state: SubmissionState; status: ReportStatus | null } | null;
  }>;
  overdue: Array<{ assignmentId: number; unitId: number; unitName: string; taskNumber: string | null; taskTitle: string | null; dueDate: string; percent: number }>;
  reports: null | {
    regimeId: number; periodKey: string; periodLabel: string; totals: RollupTotals;
    missing: Array<{ unitId: number; unitName: string; dueDate: string; state: SubmissionState }>;
  };
  ms: number;
}

export interface PublicProgress {
  plan: { id: number; title: string; number: string | null; symbol: string | null; issuedDate: string | null; issuerName: string };
  year: number;
  asOf: string;
  tasks: Array<{ number: string; title: string; timeframe: string; units: number; unitsDone: number; share: number }>;
}
