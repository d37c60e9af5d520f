// Prefill of a unit report from what the unit recorded inside the period's data window: its assignments (one line
// per task of the plan the regime follows), the progress updates and typed deliverables inside the window, the
// obstacles it raised, and the reports its own offices sent it for the same period. People then write the
// narrative sections. Pure.
import type { CalendarConfig } from '../calendar/holidays.ts';
import type { Schedule } from '../plan/model.ts';
import { assignmentStatus, dueDateFor, progressInYear } from '../tracking/assignment.ts';
import type { DeliverableRecord, TaskStatus } from '../tracking/model.ts';
import { TASK_STATUS_LABEL } from '../tracking/model.ts';
import { AI_PLAN_YEARLY_SCHEDULE, type ReportingSchedule } from './period.ts';
import type { ReportObstacle, ReportStatus, ReportTaskLine, UnitReportContent } from './model.ts';
import { isReceived } from './rollup.ts';

/** One assignment of the unit (or of an office it compiles for), with the task it counts under in the report. */
export interface AssignmentFact {
  assignmentId: number;
  /** Number and title of the task in the regime's plan (a ward's task counts under the province task it implements). */
  taskNumber: string;
  taskTitle: string;
  /** The task's number in the plan above the regime's plan, when known. */
  parentTaskNumber: string | null;
  role: 'lead' | 'coordinator';
  schedule: Schedule | null;
}

export interface UpdateFact {
  assignmentId: number;
  occurredOn: string;
  narrative: string;
  percent: number;
  completed: boolean;
}

export interface DeliverableFact extends DeliverableRecord {
  assignmentId: number;
}

/** A report received from an office, with its content, to merge into the unit's own report. */
export interface ChildReport {
  unitId: number;
  unitName: string;
  reportId: number;
  status: ReportStatus;
  submittedOn: string | null;
  content: UnitReportContent;
  indicatorValues?: Record<string, number>;
}

const inWindow = (date: string, w: { from: string; to: string }) => date >= w.from && date <= w.to;

/**
 * Where an assignment stands in a reporting year, as the tracking module computes it: the due date of the task in
 * that year (its own deadline, or the yearly reporting due date for continuous and open-ended work), the progress
 * from the updates that count for the year, the four states from dates.
 */
export function assignmentYearState(
  schedule: Schedule | null,
  updates: ReadonlyArray<Pick<UpdateFact, 'occurredOn' | 'percent' | 'completed'>>,
  year: number,
  today: string,
  calendar: CalendarConfig,
  reporting: ReportingSchedule = AI_PLAN_YEARLY_SCHEDULE,
): { dueDate: string | null; percent: number; completedOn: string | null; status: TaskStatus } {
  const dueDate = dueDateFor(schedule, year, calendar, reporting);
  const progress = progressInYear(updates, schedule, year, reporting);
  return {
    dueDate,
    percent: progress.completedOn ? 100 : progress.percent,
    completedOn: progress.completedOn,
    status: assignmentStatus({ dueDate, completedOn: progress.completedOn, today }),
  };
}

const isDone = (s: TaskStatus) => s === 'doneOnTime' || s === 'doneLate';

/** The state of several units' (or assignments') work on one task, merged. */
export function mergeStatus(list: readonly TaskStatus[]): TaskStatus {
  if (!list.length) return 'inProgress';
  if (list.every(isDone)) return list.includes('doneLate') ? 'doneLate' : 'doneOnTime';
  if (list.includes('overdue')) return 'overdue';
  return 'inProgress';
}

/** Task numbers in plan order: "1" < "2" < "3.1" < "3.2" < "10". */
export function compareTaskNumbers(a: string, b: string): number {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10));
  const pb = b.split('.').map((x) => Number.parseInt(x, 10));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? -1;
    const y = pb[i] ?? -1;
    if (Number.isNaN(x) || Number.isNaN(y)) return a.localeCompare(b);
    if (x !== y) return x - y;
  }
  return 0;
}

const deliverableKey = (d: DeliverableRecord) =>
  `${d.kind}|${d.title}|${d.occurredOn}|${d.participants ?? ''}|${d.documentNumber ?? ''}`;

interface LineAcc {
  taskNumber: string;
  taskTitle: string;
  parentTaskNumber: string | null;
  lead: boolean;
  statuses: TaskStatus[];
  percents: number[];
  results: Array<{ on: string; text: string }>;
  deliverables: Map<string, DeliverableRecord>;
  deadlines: string[];
}

export interface PrefillInput {
  window: { from: string; to: string };
  /** Year whose deadlines apply (the period's year). */
  year: number;
  today: string;
  calendar: CalendarConfig;
  /** The regime's schedule: due dates of continuous work follow its yearly due date. */
  reporting?: ReportingSchedule;
  assignments: readonly AssignmentFact[];
  /** Every update up to the end of the window (statuses need the history; narratives are taken inside the window). */
  updates: readonly UpdateFact[];
  deliverables: readonly DeliverableFact[];
  obstacles: readonly ReportObstacle[];
  /** Reports received from the unit's offices for the same period (only received ones are merged). */
  children?: readonly ChildReport[];
  /** Narrative already written (kept when the facts are refreshed). */
  narrative?: UnitReportContent['narrative'];
}

export const EMPTY_NARRATIVE: UnitReportContent['narrative'] = {
  leadership: '',
  results: '',
  assessment: '',
  obstacles: '',
  proposals: '',
  nextSteps: '',
};

/** Builds the content of a unit report. Lines are keyed by the task of the regime's plan, in plan order. */
export function prefillContent(input: PrefillInput): UnitReportContent {
  const { window } = input;
  const lines = new Map<string, LineAcc>();
  const byAssignment = addAssignments(input, lines);
  addResultsAndDeliverables(input, byAssignment);

  const obstacles: ReportObstacle[] = input.obstacles.filter((o) => inWindow(o.raisedOn, window));
  const children = (input.children ?? []).filter((c) => isReceived(c.status));
  mergeChildReports(children, lines, window, obstacles);

  const tasks: ReportTaskLine[] = [...lines.values()]
    .sort((a, b) => compareTaskNumbers(a.taskNumber, b.taskNumber))
    .map(taskLineOf);
  obstacles.sort((a, b) => a.raisedOn.localeCompare(b.raisedOn));

  return {
    window: { ...window },
    tasks,
    obstacles,
    narrative: input.narrative ? { ...EMPTY_NARRATIVE, ...input.narrative } : suggestedNarrative(tasks, obstacles),
    ...(children.length
      ? {
          children: children.map((c) => ({
            unitId: c.unitId,
            unitName: c.unitName,
            reportId: c.reportId,
            status: c.status,
            submittedOn: c.submittedOn,
          })),
        }
      : {}),
  };
}

/** The line of a task, created on first use; a later fact may bring the parent task's number. */
function lineOf(lines: Map<string, LineAcc>, number: string, title: string, parent: string | null): LineAcc {
  let acc = lines.get(number);
  if (!acc) {
    acc = {
      taskNumber: number,
      taskTitle: title,
      parentTaskNumber: parent,
      lead: false,
      statuses: [],
      percents: [],
      results: [],
      deliverables: new Map(),
      deadlines: [],
    };
    lines.set(number, acc);
  }
  acc.parentTaskNumber ??= parent;
  return acc;
}

/** Each assignment's state in the year counts on its task's line; returns the line of each assignment. */
function addAssignments(input: PrefillInput, lines: Map<string, LineAcc>): Map<number, LineAcc> {
  const { window, today } = input;
  const byAssignment = new Map<number, LineAcc>();
  const updatesOf = new Map<number, UpdateFact[]>();
  for (const u of input.updates) {
    if (u.occurredOn > window.to) continue;
    const list = updatesOf.get(u.assignmentId) ?? [];
    list.push(u);
    updatesOf.set(u.assignmentId, list);
  }
  // Statuses as they stand at the end of the window (or today, when the window is still open).
  const asOf = today < window.to ? today : window.to;
  for (const a of input.assignments) {
    const acc = lineOf(lines, a.taskNumber, a.taskTitle, a.parentTaskNumber);
    const st = assignmentYearState(
      a.schedule,
      updatesOf.get(a.assignmentId) ?? [],
      input.year,
      asOf,
      input.calendar,
      input.reporting,
    );
    if (st.dueDate) acc.deadlines.push(st.dueDate);
    acc.statuses.push(st.status);
    acc.percents.push(st.percent);
    if (a.role === 'lead') acc.lead = true;
    byAssignment.set(a.assignmentId, acc);
  }
  return byAssignment;
}

/** Update narratives (once each, oldest first) and deliverables recorded inside the window. */
function addResultsAndDeliverables(input: PrefillInput, byAssignment: ReadonlyMap<number, LineAcc>): void {
  const { window } = input;
  for (const u of [...input.updates].sort((x, y) => x.occurredOn.localeCompare(y.occurredOn))) {
    const acc = byAssignment.get(u.assignmentId);
    const text = u.narrative.trim();
    if (acc && text && inWindow(u.occurredOn, window) && !acc.results.some((r) => r.text === text))
      acc.results.push({ on: u.occurredOn, text });
  }
  for (const d of input.deliverables) {
    const acc = byAssignment.get(d.assignmentId);
    if (!acc || !inWindow(d.occurredOn, window)) continue;
    const { assignmentId: _, ...record } = d;
    acc.deliverables.set(deliverableKey(record), record);
  }
}

/** The lines and obstacles of the reports the unit's offices sent, merged into the unit's own. */
function mergeChildReports(
  children: readonly ChildReport[],
  lines: Map<string, LineAcc>,
  window: PrefillInput['window'],
  obstacles: ReportObstacle[],
): void {
  for (const c of children) {
    for (const l of c.content.tasks ?? []) {
      // An office's line is keyed by the ward plan's task; it counts under the task that one implements.
      const number = l.parentTaskNumber ?? l.taskNumber;
      const acc = lineOf(lines, number, l.taskTitle, null);
      acc.statuses.push(l.status);
      acc.percents.push(l.percent);
      if (l.deadline) acc.deadlines.push(l.deadline);
      for (const r of l.results)
        if (!acc.results.some((x) => x.text === r)) acc.results.push({ on: window.to, text: r });
      for (const d of l.deliverables) acc.deliverables.set(deliverableKey(d), d);
    }
    for (const o of c.content.obstacles ?? []) obstacles.push(o);
  }
}

function taskLineOf(acc: LineAcc): ReportTaskLine {
  return {
    taskNumber: acc.taskNumber,
    taskTitle: acc.taskTitle,
    role: acc.lead ? 'lead' : 'coordinator',
    status: mergeStatus(acc.statuses),
    percent: acc.percents.length ? Math.round(acc.percents.reduce((s, p) => s + p, 0) / acc.percents.length) : 0,
    results: acc.results.map((r) => r.text),
    deliverables: [...acc.deliverables.values()].sort(
      (x, y) => x.occurredOn.localeCompare(y.occurredOn) || x.title.localeCompare(y.title),
    ),
    parentTaskNumber: acc.parentTaskNumber,
    deadline: acc.deadlines.sort()[0] ?? null,
  };
}

/** A first wording of the sections from the facts, for people to complete. */
export function suggestedNarrative(
  tasks: readonly ReportTaskLine[],
  obstacles: readonly ReportObstacle[],
): UnitReportContent['narrative'] {
  const count = (s: TaskStatus) => tasks.filter((t) => t.status === s).length;
  const done = count('doneOnTime') + count('doneLate');
  const results = tasks.length
    ? `Tổng số ${tasks.length} nhiệm vụ; đã hoàn thành ${done}/${tasks.length} (${TASK_STATUS_LABEL.doneOnTime.toLowerCase()} ${count('doneOnTime')}, ${TASK_STATUS_LABEL.doneLate.toLowerCase()} ${count('doneLate')}), ${TASK_STATUS_LABEL.inProgress.toLowerCase()} ${count('inProgress')}, ${TASK_STATUS_LABEL.overdue.toLowerCase()} ${count('overdue')}.`
    : '';
  const pick = (kind: ReportObstacle['kind']) =>
    obstacles
      .filter((o) => o.kind === kind)
      .map((o) => o.content.trim())
      .filter(Boolean)
      .join('\n');
  return { ...EMPTY_NARRATIVE, results, obstacles: pick('difficulty'), proposals: pick('proposal') };
}

/** All deliverables of a content, across its task lines. */
export function deliverablesOf(content: UnitReportContent): DeliverableRecord[] {
  return (content.tasks ?? []).flatMap((t) => t.deliverables ?? []);
}
