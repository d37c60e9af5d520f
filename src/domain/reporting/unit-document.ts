// A unit's own report as the official Báo cáo it sends (Mẫu 1.4 with Kính gửi, research C.2): its header, the
// sections people wrote (the outline I–V), the indicators, and an annex of its tasks and deliverables. Pure.
import { ASSIGNMENT_ROLE_LABEL, TASK_STATUS_LABEL } from '../tracking/model.ts';
import { describeDeliverable, reportTitle, shortDateVi, type IssuerInfo, type PlanRef } from './compile.ts';
import { archiveLine } from './letters.ts';
import type { IndicatorDef, OutgoingDocument, UnitReportContent } from './model.ts';
import type { ReportingPeriod } from './period.ts';

export interface UnitReportDocument extends OutgoingDocument {
  title: string;
  periodLabel: string;
  /** Sections in the outline's order, each with its paragraphs ("Không có." when left empty). */
  sections: Array<{ number: string; title: string; paragraphs: string[] }>;
  indicators: Array<{ name: string; unit: string; value: number }>;
  /** Annex: one row per task, with its deliverables. */
  tasks: Array<{
    number: string;
    title: string;
    role: string;
    status: string;
    percent: number;
    deadline: string | null;
    deliverables: string[];
  }>;
}

export interface UnitReportDocumentInput {
  issuer: IssuerInfo;
  plan: PlanRef | null;
  regimeName: string;
  period: ReportingPeriod;
  /** Kính gửi: the receiving unit as running text names it ("Sở Khoa học và Công nghệ"). */
  receiverName: string;
  content: UnitReportContent;
  indicators: IndicatorDef[];
  indicatorValues: Record<string, number>;
  number: string | null;
  /** "BC-UBND" as kept with its number; the issuer's rule while it has none. */
  symbol?: string | null;
  /** The day the leader approved it (the document's date), null while a draft. */
  date: string | null;
  today: string;
  /** Who else gets a copy (the receiving unit's superior, for information). */
  copyTo?: string[];
}

const lowerFirst = (s: string) => (s ? s[0]!.toLocaleLowerCase('vi') + s.slice(1) : s);
const paragraphsOf = (text: string | undefined) =>
  (text ?? '')
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Section II when nothing was typed: one line per task from the prefilled facts. */
function resultLines(content: UnitReportContent): string[] {
  return content.tasks.map((t) => {
    const did = t.results.map((r) => r.trim().replace(/[.;]+$/u, '')).filter(Boolean);
    const ds = t.deliverables.map(describeDeliverable);
    const what = [...did, ...ds].join('; ');
    return `Nhiệm vụ ${t.taskNumber} (${lowerFirst(t.taskTitle.replace(/[.;:]+$/u, ''))}): ${lowerFirst(TASK_STATUS_LABEL[t.status])}, đạt ${t.percent}%${what ? `; ${what}` : ''}.`;
  });
}

export function buildUnitReportDocument(input: UnitReportDocumentInput): UnitReportDocument {
  const { issuer, plan, period, content } = input;
  const n = content.narrative;
  const sec = (number: string, title: string, paras: string[]) => ({
    number,
    title,
    paragraphs: paras.length ? paras : ['Không có.'],
  });
  const results = paragraphsOf(n?.results);
  const obstacles = [
    ...paragraphsOf(n?.obstacles),
    ...(paragraphsOf(n?.obstacles).length
      ? []
      : content.obstacles.filter((o) => o.kind === 'difficulty').map((o) => o.content)),
  ];
  const citation = plan
    ? `Thực hiện Kế hoạch${plan.number && plan.symbol ? ` số ${plan.number}/${plan.symbol}` : ''}${plan.date ? ` ngày ${shortDateVi(plan.date)}` : ''} của ${plan.issuerPhrase}`
    : `Thực hiện ${lowerFirst(input.regimeName.trim())}`;
  return {
    issuerName: issuer.name,
    issuerParentName: issuer.parentName,
    placeName: issuer.placeName,
    date: input.date,
    year: Number((input.date ?? input.today).slice(0, 4)),
    number: input.number,
    symbol: input.symbol ?? `BC-${issuer.abbreviation}`,
    title: reportTitle(plan, input.regimeName, period),
    recipients: [input.receiverName],
    basisText: `${citation}, ${issuer.displayName} báo cáo kết quả thực hiện ${lowerFirst(period.label)} (số liệu từ ngày ${shortDateVi(content.window.from)} đến ngày ${shortDateVi(content.window.to)}) như sau:`,
    periodLabel: period.label,
    sections: [
      sec('I', 'Công tác lãnh đạo, chỉ đạo, triển khai thực hiện', paragraphsOf(n?.leadership)),
      sec('II', 'Kết quả thực hiện', results.length ? results : resultLines(content)),
      sec('III', 'Đánh giá chung', [...paragraphsOf(n?.assessment), ...obstacles.map((o) => `Khó khăn: ${o}`)]),
      sec('IV', 'Phương hướng, nhiệm vụ trọng tâm thời gian tới', paragraphsOf(n?.nextSteps)),
      sec('V', 'Đề xuất, kiến nghị', paragraphsOf(n?.proposals)),
    ],
    indicators: input.indicators.map((d) => ({
      name: d.name,
      unit: d.unit,
      value: input.indicatorValues[d.code] ?? 0,
    })),
    tasks: content.tasks.map((t) => ({
      number: t.taskNumber,
      title: t.taskTitle,
      role: ASSIGNMENT_ROLE_LABEL[t.role],
      status: TASK_STATUS_LABEL[t.status],
      percent: t.percent,
      deadline: t.deadline ?? null,
      deliverables: t.deliverables.map(describeDeliverable),
    })),
    signer: { lines: issuer.signerLines, name: issuer.signerName },
    copyTo: ['Như trên', ...(input.copyTo ?? []), archiveLine(issuer.draftingDivision)],
  };
}
