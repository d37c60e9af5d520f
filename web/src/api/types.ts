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

/** A unit named in a plan, resolved against the register when possible. */
export interface UnitRef {
  text: string;
  unitId: number | null;
  unitCode: string | null;
  unitName: string | null;
  /** 0..1; 1 = exact official name or code. */
  confidence: number;
  /** A generic group ("Các sở, ban, ngành tỉnh"). */
  group: boolean;
}

export interface BasisReference {
  kind: 'legalBasis' | 'implements' | 'proposedBy';
  documentType: string | null;
  number: string | null;
  symbol: string | null;
  date: string | null;
  issuer: string | null;
  title: string | null;
  text: string;
  planId?: number | null;
}

export interface Signer {
  authority: 'TM' | 'KT' | 'Q' | 'TL' | 'TUQ' | null;
  lines: string[];
  name: string | null;
}

export interface DocumentHeader {
  type: string;
  number: string | null;
  symbol: string | null;
  /** YYYY-MM-DD */
  date: string | null;
  year: number | null;
  place: string | null;
  issuer: UnitRef | null;
  issuerParent: string | null;
  title: string;
  basis: BasisReference[];
  signer: Signer | null;
  recipients: string[];
}

export interface Block {
  label: string | null;
  heading: boolean;
  text: string;
  line?: number;
}

export interface Section {
  kind: 'purpose' | 'content' | 'budget' | 'organisation' | 'other';
  number: string;
  heading: string;
  blocks: Block[];
}

export interface Schedule {
  kind: 'continuous' | 'recurring' | 'period' | 'deadline';
  start: string | null;
  end: string | null;
  recurrence: 'yearly' | 'quarterly' | 'monthly' | null;
  dueDay: { month: number; day: number } | null;
  dueDates: string[];
}

export interface Timeframe {
  text: string;
  schedule: Schedule | null;
}

export type TaskField = 'lead' | 'coordinators' | 'timeframe' | 'deliverables' | 'content' | 'notes';

export interface PlanTask {
  number: string;
  title: string;
  content: string | null;
  lead: UnitRef[];
  coordinators: UnitRef[];
  timeframe: Timeframe;
  deliverables: string[];
  notes: string | null;
  groupNumber: string | null;
  parentTask: { planId: number | null; number: string } | null;
  line?: number;
  labels?: Partial<Record<TaskField, string>>;
}

export interface TaskGroup {
  number: string;
  title: string;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  code: string;
  severity: Severity;
  location: { section?: string; task?: string; line?: number; field?: string };
  message: string;
  fix: string | null;
}

export interface Unplaced {
  line: number;
  text: string;
  reason: string;
}

export interface PlanDraft {
  document: DocumentHeader;
  sections: Section[];
  groups: TaskGroup[];
  tasks: PlanTask[];
  findings: Finding[];
  unplaced: Unplaced[];
}

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
