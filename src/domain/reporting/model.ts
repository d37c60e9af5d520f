// The yearly reporting cycle as data: what a unit report holds, what a compiled report and a reminder letter print.
import type { DeliverableRecord, TaskStatus } from '../tracking/model.ts';
import type { ObstacleKind } from '../tracking/model.ts';

export const REPORT_STATUSES = ['draft', 'approved', 'submitted', 'accepted', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABEL: Record<ReportStatus, string> = {
  draft: 'Dự thảo',
  approved: 'Lãnh đạo đã duyệt',
  submitted: 'Đã gửi',
  accepted: 'Đã tiếp nhận',
  returned: 'Bị trả lại',
};

/** A number that rolls up the tree (e.g. conferences held, participants, articles published). */
export interface IndicatorDef {
  code: string;
  name: string;
  /** Unit of measure: "cuộc", "lượt người", "tin, bài". */
  unit: string;
  aggregate: 'sum' | 'max';
  /** Filled automatically from deliverable records of this kind, when set. */
  fromDeliverables?: { kind: DeliverableRecord['kind']; measure: 'count' | 'participants' };
}

/** One task's line in a unit report, prefilled from the unit's assignments and updates inside the window. */
export interface ReportTaskLine {
  taskNumber: string;
  taskTitle: string;
  role: 'lead' | 'coordinator';
  status: TaskStatus;
  percent: number;
  /** Narratives of the updates inside the window, oldest first. */
  results: string[];
  deliverables: DeliverableRecord[];
  /** Number of the task this one implements in the plan above (a ward task → the province task), when known. */
  parentTaskNumber?: string | null;
  /** Deadline of the task for the period's year (YYYY-MM-DD), when the timeframe gives one. */
  deadline?: string | null;
}

export interface ReportObstacle {
  kind: ObstacleKind;
  content: string;
  raisedOn: string;
  answer: string | null;
}

/** The content of a unit report: prefilled facts plus the narrative sections people write. */
export interface UnitReportContent {
  /** Data window of the period (YYYY-MM-DD, inclusive). */
  window: { from: string; to: string };
  tasks: ReportTaskLine[];
  obstacles: ReportObstacle[];
  /** Narrative sections of the Báo cáo outline (research C.2): results, assessment, obstacles, proposals, next steps. */
  narrative: {
    leadership: string;
    results: string;
    assessment: string;
    obstacles: string;
    proposals: string;
    nextSteps: string;
  };
  /** Reports this unit received from its own offices for the same period, merged into the prefill. */
  children?: Array<{
    unitId: number;
    unitName: string;
    reportId: number;
    status: ReportStatus;
    submittedOn: string | null;
  }>;
}

/** A row of the per-unit annex of a compiled report. */
export interface CompiledUnitRow {
  unitName: string;
  /** submitted on time / late / missing / returned */
  state: 'onTime' | 'late' | 'missing' | 'returned' | 'pending';
  submittedOn: string | null;
  tasksDone: number;
  tasksTotal: number;
  deliverables: number;
  indicatorValues: Record<string, number>;
}

/**
 * What a document sent to named recipients prints around its body, as ND30 lays it out: the header (issuer, number
 * and symbol, place and date), Kính gửi, the opening basis, the signature and Nơi nhận. A compiled report and a
 * reminder letter are both one.
 */
export interface OutgoingDocument {
  issuerName: string;
  issuerParentName: string | null;
  placeName: string;
  /** YYYY-MM-DD, null = not dated yet */
  date: string | null;
  /** Year printed in the date line of a document not dated yet ("ngày    tháng    năm 2026"). */
  year?: number | null;
  number: string | null;
  /** "BC-SKHCN" for a report; a công văn's names issuer + drafting unit ("UBND-VX", "SKHCN-VP"). */
  symbol: string;
  /** Kính gửi: one or several recipients ("Ủy ban nhân dân tỉnh Thanh Hóa", "Bộ Khoa học và Công nghệ"). */
  recipients: string[];
  /** "Thực hiện Kế hoạch số 129/KH-UBND ngày 04/5/2026 …" */
  basisText: string;
  signer: { lines: string[]; name: string | null };
  copyTo: string[];
}

/** What the receiving level compiles from what it received, to print as a Báo cáo (Mẫu 1.4). */
export interface CompiledReport extends OutgoingDocument {
  title: string;
  periodLabel: string;
  window: { from: string; to: string };
  summary: { expected: number; received: number; onTime: number; late: number; missing: number };
  /** Results per task of the plan, merged across units, with notable deliverables named. */
  tasks: Array<{ number: string; title: string; lines: string[]; unitsDone: number; unitsTotal: number }>;
  indicators: Array<IndicatorDef & { total: number }>;
  /** What other parts of the work add for the period, each as a numbered clause of section II. */
  themes?: Array<{ title: string; lines: string[] }>;
  /** Section I, from what the units reported (leadership documents issued, conferences held), one line per unit. */
  leadership?: string[];
  obstacles: string[];
  proposals: string[];
  annex: CompiledUnitRow[];
}

/** A Công văn đôn đốc (Mẫu 1.5) to the units that are late, listing exactly what is missing. */
export interface ReminderLetter extends OutgoingDocument {
  /** V/v line: "V/v đôn đốc gửi báo cáo kết quả thực hiện Kế hoạch số 129/KH-UBND năm 2026" */
  subject: string;
  /**
   * What each unit that has not sent its report lacks. `state`: past its due date ("missing"), sent back and not
   * sent again ("returned"), or not due yet ("pending": never called "chưa gửi").
   */
  missing: Array<{
    unitName: string;
    items: string[];
    state?: 'missing' | 'returned' | 'pending';
    dueDate?: string | null;
  }>;
  /** The one deadline of the letter: the last day on time (YYYY-MM-DD), named "trước ngày <the day after>". */
  newDeadline: string;
  /** True when the period's due date has passed and the letter gives a new one. */
  deadlineExtended?: boolean;
}
