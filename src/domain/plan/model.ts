// The plan as structured data: what import produces, lint checks, cascade derives and render prints.
// Pure types; the JSON form of PlanDraft is documented by schemas/plan.schema.json.

/** Reference to a unit named in a document, resolved against the organisation register when possible. */
export interface UnitRef {
  /** The name exactly as written (NFC), e.g. "Sở Khoa học và công nghệ". */
  text: string;
  /** Register unit it resolved to; null when unresolved or a generic group ("các sở, ban, ngành"). */
  unitId: number | null;
  unitCode: string | null;
  /** Official name of the resolved unit, for display and for spelling checks. */
  unitName: string | null;
  /** 0..1; 1 = exact official name or code. */
  confidence: number;
  /** A generic group of units rather than one unit: "Các sở, ban, ngành tỉnh", "UBND các xã, phường". */
  group: boolean;
}

export type BasisKind = 'legalBasis' | 'implements' | 'proposedBy';

/** "Căn cứ …" / "Thực hiện …" / "Theo đề nghị của …" reference to another document. */
export interface BasisReference {
  kind: BasisKind;
  /** Document type abbreviation per Nghị định 30/2020 (QĐ, KH, TTr, …), or "Luật". */
  documentType: string | null;
  number: string | null;
  symbol: string | null;
  /** YYYY-MM-DD */
  date: string | null;
  issuer: string | null;
  /** Trích yếu of the referenced document when written. */
  title: string | null;
  /** The reference as written. */
  text: string;
  /** The referenced plan when it is in the system (set by the plans service, never by the parser). */
  planId?: number | null;
}

/** Signing authority prefixes of Nghị định 30/2020, Điều 13. */
export type SignerAuthority = 'TM' | 'KT' | 'Q' | 'TL' | 'TUQ';

export interface Signer {
  authority: SignerAuthority | null;
  /** Upper-case lines above the signature: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]. */
  lines: string[];
  name: string | null;
}

export interface DocumentHeader {
  /** Abbreviation of the document type: "KH". */
  type: string;
  /** null: not numbered yet ("Số:    /KH-UBND"). Kept as written ("129", "05"). */
  number: string | null;
  /** "KH-UBND" */
  symbol: string | null;
  /** YYYY-MM-DD; null when not dated yet ("ngày    tháng    năm 2026"). */
  date: string | null;
  /** Year when only the year is written. */
  year: number | null;
  /** "Thanh Hóa" */
  place: string | null;
  /** Issuing body ("ỦY BAN NHÂN DÂN TỈNH THANH HÓA" → the province unit). */
  issuer: UnitRef | null;
  /** Cơ quan chủ quản above the issuer, when written ("UBND TỈNH THANH HÓA" above a sở). */
  issuerParent: string | null;
  /** Trích yếu. */
  title: string;
  basis: BasisReference[];
  signer: Signer | null;
  recipients: string[];
}

export type SectionKind = 'purpose' | 'content' | 'budget' | 'organisation' | 'other';

/** A paragraph of a section, with its numbering kept ("1.", "a)", "-"). */
export interface Block {
  /** "1", "a", "-" or null for an unnumbered paragraph. */
  label: string | null;
  /** Heading-like line (e.g. "1. Mục đích") rather than running text. */
  heading: boolean;
  text: string;
  /** 1-based source line, when imported (lets lint point at the line). */
  line?: number;
}

export interface Section {
  kind: SectionKind;
  /** Roman numeral as written: "I". */
  number: string;
  /** Heading as written, upper case: "MỤC ĐÍCH, YÊU CẦU". */
  heading: string;
  /** Running text of the section. For the content section: text outside the tasks (tasks live in Plan.tasks). */
  blocks: Block[];
}

export type Recurrence = 'yearly' | 'quarterly' | 'monthly';

/**
 * A timeframe read into dates.
 * - continuous: "Thường xuyên" (no end, reported each period)
 * - recurring: "Hàng năm", "Trước ngày 15/12 hằng năm" (recurrence + optional due day)
 * - period: "Năm 2026 và các năm tiếp theo", "2026 - 2030", "Quý II/2026", "Tháng 6/2026" (start/end, end may be open)
 * - deadline: "Trước ngày 30/6/2026", a plain date
 */
export interface Schedule {
  kind: 'continuous' | 'recurring' | 'period' | 'deadline';
  /** YYYY-MM-DD or null (open start). */
  start: string | null;
  /** YYYY-MM-DD or null (open-ended). */
  end: string | null;
  recurrence: Recurrence | null;
  /** Due day within each recurrence, e.g. {month: 12, day: 15} for "trước ngày 15/12 hằng năm". */
  dueDay: { month: number; day: number } | null;
  /** Explicit due dates (YYYY-MM-DD) for dated timeframes. */
  dueDates: string[];
}

export interface Timeframe {
  /** As written: "Năm 2026 và các năm tiếp theo". */
  text: string;
  /** null when the text could not be read (flagged by lint, never dropped). */
  schedule: Schedule | null;
}

export interface Task {
  /** Hierarchical number as written: "1", "3.1". */
  number: string;
  title: string;
  /** "Nội dung: …" when written separately from the title. */
  content: string | null;
  lead: UnitRef[];
  coordinators: UnitRef[];
  timeframe: Timeframe;
  deliverables: string[];
  notes: string | null;
  /** Number of the group heading this task sits under ("3" for "3.1"), or null. */
  groupNumber: string | null;
  /** In a child plan: the parent plan's task this one implements. */
  parentTask: { planId: number | null; number: string } | null;
  /** 1-based source line of the task heading, when imported. */
  line?: number;
  /**
   * Field labels as written ("Cơ quan chủ trì" or "Đơn vị chủ trì"), when imported: lint checks that one plan
   * uses one set of terms.
   */
  labels?: Partial<Record<TaskField, string>>;
}

/** Fields of a task that carry a label in the source. */
export type TaskField = 'lead' | 'coordinators' | 'timeframe' | 'deliverables' | 'content' | 'notes';

/** A numbered heading that only groups tasks ("3. Rà soát, thực hiện các nhiệm vụ…"). */
export interface TaskGroup {
  number: string;
  title: string;
}

export type Severity = 'error' | 'warning' | 'info';

export interface FindingLocation {
  section?: string;
  task?: string;
  /** 1-based line in the source, when known. */
  line?: number;
  field?: string;
}

export interface Finding {
  /** Stable code, e.g. "task.lead.missing". */
  code: string;
  severity: Severity;
  location: FindingLocation;
  /** Vietnamese message for people. */
  message: string;
  /** Vietnamese suggested fix, when there is one. */
  fix: string | null;
}

/** Source text the parser could not place anywhere in the structure. Nothing disappears silently. */
export interface Unplaced {
  line: number;
  text: string;
  reason: string;
}

/** The plan's JSON form: what import returns, what the API exports. */
export interface PlanDraft {
  document: DocumentHeader;
  sections: Section[];
  groups: TaskGroup[];
  tasks: Task[];
  findings: Finding[];
  unplaced: Unplaced[];
}

export const PLAN_STATUSES = ['draft', 'submitted', 'approved', 'issued', 'amended', 'superseded'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PLAN_STATUS_LABEL: Record<PlanStatus, string> = {
  draft: 'Dự thảo',
  submitted: 'Đã trình',
  approved: 'Đã duyệt',
  issued: 'Đã ban hành',
  amended: 'Đã sửa đổi',
  superseded: 'Đã thay thế',
};
