// What the receiving level prints: its compiled report (Báo cáo, Mẫu 1.4: research C.2) built from what it
// received, and the Công văn đôn đốc (Mẫu 1.5: research C.3) naming exactly what each late unit has not sent. Pure.
import type { DeliverableRecord, TaskStatus } from '../tracking/model.ts';
import type { ReportingPeriod } from './period.ts';
import type {
  CompiledReport,
  CompiledUnitRow,
  IndicatorDef,
  OutgoingDocument,
  ReminderLetter,
  ReportStatus,
  UnitReportContent,
} from './model.ts';
import { aggregateIndicators } from './indicators.ts';
import { archiveLine, deadlinePhraseOf, leadershipLines } from './letters.ts';
import { compareTaskNumbers } from './prefill.ts';
import type { SubmissionState } from './rollup.ts';

/** "04/5/2026": the short date of Vietnamese administrative text (day on two digits; month 1 and 2 on two, per ND30). */
export function shortDateVi(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return `${String(d).padStart(2, '0')}/${m <= 2 ? String(m).padStart(2, '0') : m}/${y}`;
}

const lowerFirst = (s: string) => (s ? s[0]!.toLocaleLowerCase('vi') + s.slice(1) : s);
const stripStop = (s: string) => s.trim().replace(/[.;:,]+$/u, '');

/** "Hội nghị phổ biến Luật Trí tuệ nhân tạo (120 người, 20/11/2026)". */
export function describeDeliverable(d: DeliverableRecord): string {
  const parts = [
    d.participants !== null && d.participants !== undefined ? `${d.participants} người` : null,
    d.documentNumber ? `số ${d.documentNumber}` : null,
    shortDateVi(d.occurredOn),
  ].filter(Boolean);
  return `${stripStop(d.title)} (${parts.join(', ')})`;
}

/** The plan a regime follows, as its reports cite it. */
export interface PlanRef {
  number: string | null;
  symbol: string | null;
  date: string | null;
  title: string;
  /** Who issued it, as the reporting unit names it: "Ủy ban nhân dân tỉnh". */
  issuerPhrase: string;
}

/** "Kế hoạch số 129/KH-UBND ngày 04/5/2026 của Ủy ban nhân dân tỉnh về triển khai thi hành …" */
export function planCitation(plan: PlanRef): string {
  const num = plan.number && plan.symbol ? ` số ${plan.number}/${plan.symbol}` : '';
  const date = plan.date ? ` ngày ${shortDateVi(plan.date)}` : '';
  return `Kế hoạch${num}${date} của ${plan.issuerPhrase} về ${lowerFirst(stripStop(plan.title))}`;
}

/** "Kế hoạch số 129/KH-UBND": the short name used in subjects. */
export function planShortName(plan: PlanRef): string {
  return plan.number && plan.symbol ? `Kế hoạch số ${plan.number}/${plan.symbol}` : 'Kế hoạch';
}

/** The issuing unit of a document: header names (upper case, as ND30 prints them) and how it signs. */
export interface IssuerInfo {
  name: string;
  parentName: string | null;
  placeName: string;
  /** How the unit names itself in running text: "Sở Khoa học và Công nghệ". */
  displayName: string;
  /** Abbreviation for document symbols: "SKHCN" (BC-SKHCN, SKHCN-VP), "UBND". */
  abbreviation: string;
  signerLines: string[];
  /** Who signs: the signer kept with the document, the unit's default signer, or its leader's name; null when none. */
  signerName: string | null;
  /**
   * The division that drafts the unit's documents, as the filing line and a công văn's symbol name it: the focal
   * unit that follows the work for a committee ("SKHCN" for the UBND tỉnh), the office for a sở ("VP").
   */
  draftingDivision: string | null;
  /** "Lưu: VT, …" */
  archive: string;
}

/** The issuer's part of a document's header: not numbered or dated until it is issued. */
function undatedHeader(
  issuer: IssuerInfo,
  year: number,
): Pick<OutgoingDocument, 'issuerName' | 'issuerParentName' | 'placeName' | 'date' | 'number' | 'year'> {
  return {
    issuerName: issuer.name,
    issuerParentName: issuer.parentName,
    placeName: issuer.placeName,
    date: null,
    year,
    number: null,
  };
}

/** One expected unit of the period, with what it sent (if anything). */
export interface ExpectedUnitReport {
  unitId: number;
  unitName: string;
  dueDate: string;
  state: SubmissionState;
  status: ReportStatus | null;
  submittedOn: string | null;
  returnReason: string | null;
  reviewedOn: string | null;
  content: UnitReportContent | null;
  indicatorValues: Record<string, number>;
  /** Tasks of the unit that are overdue (not done, deadline passed), "1. Tổ chức quán triệt…". */
  overdueTasks?: string[];
  /** How a letter addresses the unit: "Ủy ban nhân dân phường Nam Sầm Sơn" (default: unitName). */
  letterName?: string;
}

export interface CompileInput {
  issuer: IssuerInfo;
  plan: PlanRef | null;
  regimeName: string;
  recipients: string[];
  indicators: IndicatorDef[];
  period: ReportingPeriod;
  /** Tasks of the regime's plan, in order: every task gets a section even when nobody reported on it. */
  planTasks: Array<{ number: string; title: string }>;
  /** The receiving unit's own facts for the period (its own assignments), printed first under each task. */
  own: UnitReportContent | null;
  ownIndicatorValues?: Record<string, number>;
  units: ExpectedUnitReport[];
  /** Notable deliverables named per task before the rest is summed up. */
  maxLinesPerTask?: number;
  /** Sections other modules add for the period (petitions received, AI systems registered…), in their order. */
  themes?: NonNullable<CompiledReport['themes']>;
  /** Today (YYYY-MM-DD): the year of the undated report's date line. */
  today?: string;
}

const isDoneStatus = (s: TaskStatus) => s === 'doneOnTime' || s === 'doneLate';
const received = (u: ExpectedUnitReport) => u.state === 'onTime' || u.state === 'late';
/**
 * Reports whose figures a compiled report prints: received ones, and returned ones (received once, sent back to be
 * completed), as the annex of the Báo cáo shows them.
 */
const withFigures = (u: ExpectedUnitReport) => received(u) || u.state === 'returned';

function periodPhrase(period: ReportingPeriod): string {
  return lowerFirst(period.label);
}

/** "Kết quả thực hiện Kế hoạch số 129/KH-UBND ngày 04/5/2026 của UBND tỉnh về … năm 2026". */
export function reportTitle(plan: PlanRef | null, regimeName: string, period: ReportingPeriod): string {
  return plan
    ? `Kết quả thực hiện ${planCitation(plan)} ${periodPhrase(period)}`
    : `${stripStop(regimeName)} ${periodPhrase(period)}`;
}

/** A report whose content the compiled report draws on: the issuer's own, or a unit's. */
interface ContentToCompile {
  unitName: string;
  content: UnitReportContent;
  own: boolean;
}

export function buildCompiledReport(input: CompileInput): CompiledReport {
  const { issuer, plan, period } = input;
  const got = input.units.filter(withFigures);
  const contents: ContentToCompile[] = [
    ...(input.own ? [{ unitName: issuer.displayName, content: input.own, own: true }] : []),
    ...got.filter((u) => u.content).map((u) => ({ unitName: u.unitName, content: u.content!, own: false })),
  ];
  const tasks = compileTasks(input.planTasks, contents, input.maxLinesPerTask ?? 40);
  const { obstacles, proposals } = compileObstacles(contents);

  const values = [...(input.own ? [input.ownIndicatorValues ?? {}] : []), ...got.map((u) => u.indicatorValues)];
  const totals = aggregateIndicators(input.indicators, values);
  const count = (st: SubmissionState) => input.units.filter((u) => u.state === st).length;
  const basisText = plan
    ? `Thực hiện ${planCitation(plan)}, ${issuer.displayName} báo cáo kết quả thực hiện ${periodPhrase(period)} như sau:`
    : `${issuer.displayName} báo cáo ${lowerFirst(stripStop(input.regimeName))} ${periodPhrase(period)} như sau:`;
  const year = Number((input.today ?? period.dataWindow.to).slice(0, 4));
  return {
    ...undatedHeader(issuer, year),
    symbol: `BC-${issuer.abbreviation}`,
    title: reportTitle(plan, input.regimeName, period),
    recipients: input.recipients,
    basisText,
    periodLabel: period.label,
    window: { ...period.dataWindow },
    // As the annex counts them: received includes reports sent back to be completed; missing is past due only.
    summary: {
      expected: input.units.length,
      received: got.length,
      onTime: count('onTime'),
      late: count('late'),
      missing: count('missing'),
    },
    tasks,
    indicators: input.indicators.map((d) => ({ ...d, total: totals[d.code] ?? 0 })),
    themes: (input.themes ?? []).filter((t) => t.lines.length > 0),
    leadership: leadershipLines(contents),
    obstacles,
    proposals,
    annex: input.units.map(annexRow),
    signer: { lines: issuer.signerLines, name: issuer.signerName },
    copyTo: ['Như trên', issuer.archive],
  };
}

/**
 * One entry per task of the plan (and any task a report names that the plan does not), in task order: the
 * issuer's own results, then each unit's deliverables up to `max` lines, the rest counted; and how many of the
 * units reporting on the task have done it.
 */
function compileTasks(
  planTasks: CompileInput['planTasks'],
  contents: readonly ContentToCompile[],
  max: number,
): CompiledReport['tasks'] {
  const taskOrder = new Map<string, { number: string; title: string }>();
  for (const t of planTasks) taskOrder.set(t.number, t);
  for (const c of contents) {
    for (const l of c.content.tasks ?? [])
      if (!taskOrder.has(l.taskNumber)) taskOrder.set(l.taskNumber, { number: l.taskNumber, title: l.taskTitle });
  }
  return [...taskOrder.values()]
    .sort((a, b) => compareTaskNumbers(a.number, b.number))
    .map((t) => {
      const named: string[] = [];
      let more = 0;
      const moreUnits = new Set<string>();
      let unitsDone = 0;
      let unitsTotal = 0;
      for (const c of contents) {
        const l = (c.content.tasks ?? []).find((x) => x.taskNumber === t.number);
        if (!l) continue;
        if (!c.own) {
          unitsTotal++;
          if (isDoneStatus(l.status)) unitsDone++;
        }
        if (c.own) for (const r of l.results) named.push(`${c.unitName}: ${stripStop(r)}`);
        for (const d of l.deliverables) {
          if (named.length < max) named.push(`${c.unitName}: ${describeDeliverable(d)}`);
          else {
            more++;
            moreUnits.add(c.unitName);
          }
        }
      }
      if (more)
        named.push(`Và ${more} sản phẩm khác của ${moreUnits.size} cơ quan, đơn vị (chi tiết tại Phụ lục kèm theo)`);
      return { number: t.number, title: t.title, lines: named, unitsDone, unitsTotal };
    });
}

/** Difficulties and proposals, each line labelled with its unit: the narrative's when typed, else the listed ones. */
function compileObstacles(contents: readonly ContentToCompile[]): { obstacles: string[]; proposals: string[] } {
  const labelled = (unitName: string, text: string) =>
    text
      .split(/\n+/)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => `${unitName}: ${stripStop(s)}`);
  const obstacles: string[] = [];
  const proposals: string[] = [];
  for (const c of contents) {
    const n = c.content.narrative;
    const fromList = (kind: 'difficulty' | 'proposal') =>
      (c.content.obstacles ?? []).filter((o) => o.kind === kind).map((o) => o.content);
    const pick = (typed: string | undefined, listed: string[]) => {
      const lines = labelled(c.unitName, typed ?? '');
      return lines.length ? lines : listed.flatMap((x) => labelled(c.unitName, x));
    };
    obstacles.push(...pick(n?.obstacles, fromList('difficulty')));
    proposals.push(...pick(n?.proposals, fromList('proposal')));
  }
  return { obstacles, proposals };
}

/** A unit's row of the annex: its figures when its report was received (or returned), else zeros. */
function annexRow(u: ExpectedUnitReport): CompiledUnitRow {
  const lines = u.content?.tasks ?? [];
  return {
    unitName: u.unitName,
    state: u.state,
    submittedOn: u.submittedOn,
    tasksDone: withFigures(u) ? lines.filter((l) => isDoneStatus(l.status)).length : 0,
    tasksTotal: withFigures(u) ? lines.length : 0,
    deliverables: withFigures(u) ? lines.reduce((n, l) => n + l.deliverables.length, 0) : 0,
    indicatorValues: withFigures(u) ? u.indicatorValues : {},
  };
}

export interface ReminderInput {
  issuer: IssuerInfo;
  plan: PlanRef | null;
  regimeName: string;
  period: ReportingPeriod;
  /** The receiving unit in running text, where reports are sent: "Sở Khoa học và Công nghệ". */
  receiverName: string;
  /** Who the receiving unit reports to: "Ủy ban nhân dân tỉnh". */
  reportsTo: string;
  /** Who had to report, in running text: "các sở, ban, ngành cấp tỉnh và Ủy ban nhân dân các xã, phường". */
  submittersPhrase: string;
  units: ExpectedUnitReport[];
  today: string;
  /** The one deadline of the letter (reminderDeadline in letters.ts): its last day, and whether it replaces the period's. */
  deadline: { lastDay: string; extended: boolean };
  /** How the units are addressed in Kính gửi when there are many of a kind. */
  groupNames: Array<{ unitIds: number[]; name: string }>;
}

/** What a unit has not sent, in words; "chưa gửi" only once its due date has passed. */
export function missingItems(u: ExpectedUnitReport, reportName: string): string[] {
  const items: string[] = [];
  const notDue = u.state === 'pending';
  if (u.status === 'returned') {
    const when = u.reviewedOn ? ` ngày ${shortDateVi(u.reviewedOn)}` : '';
    items.push(
      `${reportName}: bị trả lại${when}${u.returnReason ? ` (lý do: ${stripStop(u.returnReason)})` : ''}, chưa gửi lại`,
    );
  } else if (u.status === 'approved') {
    items.push(`${reportName}: đã được lãnh đạo duyệt nhưng chưa gửi`);
  } else if (u.status === 'draft') {
    items.push(`${reportName}: đang dự thảo, chưa được lãnh đạo duyệt và gửi`);
  } else {
    items.push(`${reportName}: ${notDue ? 'chưa lập' : 'chưa gửi'}`);
  }
  for (const t of u.overdueTasks ?? []) items.push(`Nhiệm vụ ${stripStop(t)}: chưa hoàn thành, quá hạn`);
  return items;
}

/** Kính gửi: a group by its collective name when more than 3 of its units are listed, else the units by name. */
function reminderRecipients(input: ReminderInput, listed: readonly ExpectedUnitReport[]): string[] {
  const ids = new Set(listed.map((u) => u.unitId));
  const recipients: string[] = [];
  const covered = new Set<number>();
  for (const g of input.groupNames) {
    const members = g.unitIds.filter((id) => ids.has(id));
    if (members.length > 3) {
      recipients.push(`${g.name} có tên tại Danh sách kèm theo`);
      for (const id of members) covered.add(id);
    }
  }
  for (const u of listed) if (!covered.has(u.unitId)) recipients.push(u.letterName ?? u.unitName);
  // A long Kính gửi is the annex's job: it points there.
  return recipients.length > 6 ? ['Các cơ quan, đơn vị có tên tại Danh sách kèm theo'] : recipients;
}

export function buildReminderLetter(input: ReminderInput): ReminderLetter {
  const { issuer, plan, period, deadline } = input;
  const listed = input.units.filter((u) => !received(u));
  const reportName = `Báo cáo kết quả thực hiện ${periodPhrase(period)}`;
  const subjectWhat = plan
    ? `${planShortName(plan)} ${periodPhrase(period)}`
    : `${lowerFirst(stripStop(input.regimeName))} ${periodPhrase(period)}`;
  const citation = plan ? planCitation(plan) : lowerFirst(stripStop(input.regimeName));
  // One deadline: the opening names it only while it is the period's own; a new one is named in the request alone.
  const when = deadline.extended ? 'theo thời hạn quy định' : deadlinePhraseOf(deadline.lastDay);
  const basisText = `Thực hiện ${citation}, ${input.submittersPhrase} gửi báo cáo kết quả thực hiện ${periodPhrase(period)} về ${input.receiverName} ${when} để tổng hợp, báo cáo ${input.reportsTo}`;
  // A công văn's symbol names the drafting division; the filing line names the same one [ND30 II.3, II.9b].
  const division = issuer.draftingDivision;
  return {
    ...undatedHeader(issuer, Number(input.today.slice(0, 4))),
    symbol: division ? `${issuer.abbreviation}-${division}` : issuer.abbreviation,
    subject: `V/v đôn đốc gửi báo cáo kết quả thực hiện ${subjectWhat}`,
    recipients: reminderRecipients(input, listed),
    basisText,
    missing: listed.map((u) => ({
      unitName: u.letterName ?? u.unitName,
      items: missingItems(u, reportName),
      state: u.state === 'returned' ? 'returned' : u.state === 'pending' ? 'pending' : 'missing',
      dueDate: u.dueDate,
    })),
    newDeadline: deadline.lastDay,
    deadlineExtended: deadline.extended,
    signer: { lines: issuer.signerLines, name: issuer.signerName },
    copyTo: ['Như trên', `${input.reportsTo} (để b/c)`, archiveLine(division)],
  };
}
