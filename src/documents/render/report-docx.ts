// Báo cáo kết quả thực hiện (compiled yearly report) as DOCX, laid out as Mẫu 1.4 of Nghị định 30/2020 with
// "Kính gửi" (a report sent to a superior), followed by its per-unit annex on landscape pages. Pure until packing:
// compiledReportBodyItems() gives the body as data, buildCompiledReportDocument() the docx Document,
// renderCompiledReportDocx() the file. The annex helpers are shared with report-xlsx.ts.

import {
  AlignmentType,
  BorderStyle,
  type Document,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
  type ISectionOptions,
} from 'docx';
import type { CompiledReport } from '../../domain/reporting/model.ts';
import {
  FONT,
  PAGE,
  TEXT_WIDTH,
  bodyParagraphs,
  centredLine,
  halfPoints,
  headerTable,
  kinhGuiBlock,
  lowerFirst,
  nd30Document,
  nd30Section,
  packDocx,
  pointLabel,
  signatureTable,
  titleBlock,
  upperFirst,
  withFinalStop,
  type BodyItem,
} from './nd30.ts';
import { issuerPhrase } from './plan-docx.ts';
import {
  annexReferenceLine,
  annexRowTexts,
  annexTitle,
  annexTotals,
  formatCount,
  indicatorHeader,
  periodPhrase,
  yearOf,
} from './report-wording.ts';

export {
  UNIT_REPORT_STATE_LABEL,
  hasFigures,
  formatCount,
  shortDate,
  yearOf,
  annexTitle,
  annexReferenceLine,
  indicatorHeader,
  annexTotals,
  annexRowTexts,
} from './report-wording.ts';

const TYPE_NAME = 'Báo cáo';

/**
 * Narrative sections a compiled report may carry beyond CompiledReport (model.ts has no field for them yet): the
 * text of "I. Công tác lãnh đạo, chỉ đạo" and the "Kết quả đạt được" part of the assessment, one paragraph each.
 */
export interface CompiledReportNarrative {
  leadership?: string[];
  assessment?: string[];
}

export type CompiledReportInput = CompiledReport & CompiledReportNarrative;

// ---------------------------------------------------------------------------------------------------------------------
// Body

const PERCENT_FORMAT = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

function percent(done: number, total: number): string {
  return total > 0 ? `${PERCENT_FORMAT.format((done / total) * 100)}%` : '0%';
}

/** Names listed in running text, at most `limit`, then "…". */
function nameList(names: readonly string[], limit = 30): string {
  return names.length <= limit ? names.join(', ') : `${names.slice(0, limit).join(', ')}, …`;
}

/**
 * The opening [research C.2]: basisText as written when it already ends the sentence ("… như sau:"), otherwise
 * completed with "<issuer> báo cáo kết quả thực hiện <period> như sau:".
 */
export function openingText(report: CompiledReport): string {
  const basis = report.basisText.trim();
  if (basis.endsWith(':')) return basis;
  return `${basis.replace(/[;,.]+$/, '')}, ${issuerPhrase(report.issuerName)} báo cáo kết quả thực hiện ${periodPhrase(report)} như sau:`;
}

/** "Tình hình gửi báo cáo": expected, received (on time, late, returned), missing with names, not yet due. */
export function reportingSituationItems(report: CompiledReport): BodyItem[] {
  const s = report.summary;
  const returned = report.annex.filter((r) => r.state === 'returned').length;
  const pending = report.annex.filter((r) => r.state === 'pending');
  const missing = report.annex.filter((r) => r.state === 'missing').map((r) => r.unitName.trim());
  const parts = [`đúng hạn ${formatCount(s.onTime)}`, `quá hạn ${formatCount(s.late)}`];
  if (returned > 0) parts.push(`bị trả lại để hoàn thiện ${formatCount(returned)}`);
  const items: BodyItem[] = [
    { kind: 'dash', text: `Tổng số cơ quan, đơn vị phải báo cáo: ${formatCount(s.expected)}.` },
    {
      kind: 'dash',
      text: `Số báo cáo đã nhận: ${formatCount(s.received)}/${formatCount(s.expected)} (đạt ${percent(s.received, s.expected)}), trong đó: ${parts.join('; ')}.`,
    },
    {
      kind: 'dash',
      text:
        s.missing > 0
          ? `Chưa gửi báo cáo: ${formatCount(s.missing)} cơ quan, đơn vị${missing.length ? ` (${nameList(missing)})` : ''}.`
          : 'Không có cơ quan, đơn vị chưa gửi báo cáo.',
    },
  ];
  if (pending.length > 0)
    items.push({ kind: 'dash', text: `Chưa đến hạn báo cáo: ${formatCount(pending.length)} cơ quan, đơn vị.` });
  return items;
}

function dashes(texts: readonly string[], empty = 'Không có.'): BodyItem[] {
  const clean = texts.map((t) => t.trim().replace(/^[-–+•]\s*/, '')).filter(Boolean);
  return clean.length
    ? clean.map((t) => ({ kind: 'dash', text: withFinalStop(upperFirst(t)) }))
    : [{ kind: 'paragraph', text: empty }];
}

/** Per task: "a) Nhiệm vụ 1: …", its lines, then "x/y đơn vị hoàn thành". */
export function taskResultItems(report: CompiledReport): BodyItem[] {
  return report.tasks.flatMap((t, i): BodyItem[] => [
    { kind: 'point', label: pointLabel(i), text: `Nhiệm vụ ${t.number}: ${t.title.trim().replace(/[.;:]+$/, '')}.` },
    ...t.lines.map(
      (l): BodyItem => ({ kind: 'dash', text: withFinalStop(upperFirst(l.trim().replace(/^[-–+•]\s*/, ''))) }),
    ),
    {
      kind: 'dash',
      text: `Kết quả: ${t.unitsDone}/${t.unitsTotal} đơn vị hoàn thành (đạt ${percent(t.unitsDone, t.unitsTotal)}).`,
    },
  ]);
}

/** The closing sentence, before the signature: "Trên đây là báo cáo …, kính báo cáo … xem xét, chỉ đạo./." */
export function closingText(report: CompiledReport): string {
  const to = report.recipients
    .map((r) =>
      r
        .trim()
        .replace(/^[-–]\s*/, '')
        .replace(/[;.,]+$/, ''),
    )
    .filter(Boolean);
  const what = lowerFirst(report.title.trim().replace(/[.;]+$/, ''));
  return `Trên đây là báo cáo ${what} của ${issuerPhrase(report.issuerName)}, kính báo cáo ${to.join(', ') || 'cấp có thẩm quyền'} xem xét, chỉ đạo.`;
}

/**
 * The body as three runs of items around the indicator table: before it (opening, I., II. tasks and the heading of
 * the indicators), after it (reporting situation, III., IV., closing). The table goes between them.
 */
export function compiledReportBodyItems(report: CompiledReportInput): {
  beforeTable: BodyItem[];
  afterTable: BodyItem[];
} {
  const issuer = issuerPhrase(report.issuerName);
  const leadership = report.leadership?.map((t) => t.trim()).filter(Boolean) ?? [];
  const hasIndicators = report.indicators.length > 0;
  // Section II: tasks, the indicators (if any), the other parts of the work (themes), then who reported.
  const situationClause = (hasIndicators ? 2 : 1) + (report.themes ?? []).length + 1;
  const beforeTable: BodyItem[] = [
    { kind: 'paragraph', text: openingText(report) },
    { kind: 'section', number: 'I', title: 'Công tác lãnh đạo, chỉ đạo, triển khai thực hiện' },
    ...(leadership.length
      ? leadership.map((text): BodyItem => ({ kind: 'paragraph', text }))
      : [
          {
            kind: 'paragraph',
            text: `${issuer} đã tổng hợp kết quả từ báo cáo của ${formatCount(report.summary.received)}/${formatCount(report.summary.expected)} cơ quan, đơn vị (tình hình gửi báo cáo tại mục II.${situationClause}).`,
          } as BodyItem,
        ]),
    { kind: 'section', number: 'II', title: 'Kết quả thực hiện' },
    { kind: 'clause', number: '1', text: 'Kết quả thực hiện các nhiệm vụ', heading: true },
    ...taskResultItems(report),
  ];
  if (hasIndicators) beforeTable.push({ kind: 'clause', number: '2', text: 'Các chỉ tiêu chủ yếu', heading: true });
  let clause = hasIndicators ? 2 : 1;
  const themes = (report.themes ?? []).flatMap((t): BodyItem[] => [
    { kind: 'clause', number: String(++clause), text: t.title, heading: true },
    ...t.lines.map((text): BodyItem => ({ kind: 'paragraph', text })),
  ]);
  const afterTable: BodyItem[] = [
    ...themes,
    { kind: 'clause', number: String(++clause), text: 'Tình hình gửi báo cáo', heading: true },
    ...reportingSituationItems(report),
  ];
  if (report.annex.length > 0)
    afterTable.push({ kind: 'paragraph', text: '(Chi tiết tại Phụ lục kèm theo.)', italic: true });
  const assessment = report.assessment?.map((t) => t.trim()).filter(Boolean) ?? [];
  if (assessment.length) {
    afterTable.push(
      { kind: 'section', number: 'III', title: 'Đánh giá chung' },
      { kind: 'clause', number: '1', text: 'Kết quả đạt được', heading: true },
      ...assessment.map((text): BodyItem => ({ kind: 'paragraph', text })),
      { kind: 'clause', number: '2', text: 'Khó khăn, vướng mắc', heading: true },
      ...dashes(report.obstacles),
    );
  } else {
    afterTable.push(
      { kind: 'section', number: 'III', title: 'Đánh giá chung, khó khăn, vướng mắc' },
      ...dashes(report.obstacles),
    );
  }
  afterTable.push({ kind: 'section', number: 'IV', title: 'Đề xuất, kiến nghị' }, ...dashes(report.proposals), {
    kind: 'paragraph',
    text: closingText(report),
  });
  return { beforeTable, afterTable };
}

// ---------------------------------------------------------------------------------------------------------------------
// Ruled tables (indicator table in the body, annex table)

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const GRID = {
  top: LINE,
  bottom: LINE,
  left: LINE,
  right: LINE,
  insideHorizontal: LINE,
  insideVertical: LINE,
} as const;
const CELL_SPACING = { before: 20, after: 20, line: 240, lineRule: LineRuleType.AUTO } as const;

type Align = 'left' | 'center' | 'right';
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/**
 * A cell of a ruled table. The run carries its font and size as nd30.run() does, but writes bold/italic only when on:
 * a 187-row annex has some 2,000 cells and the docx packer's time grows with the number of XML elements.
 */
export function gridCell(
  width: number,
  lines: readonly string[],
  style: { size: number; bold?: boolean; italic?: boolean; align?: Align; vAlign?: 'top' | 'center' },
): TableCell {
  const align = style.align ?? 'left';
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(style.vAlign === 'top' ? {} : { verticalAlign: VerticalAlignTable.CENTER }),
    children: (lines.length ? lines : ['']).map(
      (text) =>
        new Paragraph({
          ...(align === 'left' ? {} : { alignment: ALIGN[align] }),
          spacing: CELL_SPACING,
          children: [
            new TextRun({
              text,
              font: FONT,
              size: halfPoints(style.size),
              ...(style.bold ? { bold: true } : {}),
              ...(style.italic ? { italics: true } : {}),
            }),
          ],
        }),
    ),
  });
}

/** A bordered table with fixed columns; the header rows repeat on every page and no row splits across pages. */
export function gridTable(
  columns: readonly number[],
  header: TableCell[][],
  body: TableCell[][],
  footer: TableCell[][] = [],
): Table {
  const total = columns.reduce((a, b) => a + b, 0);
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: [...columns],
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: GRID,
    margins: { left: 57, right: 57, top: 0, bottom: 0 },
    rows: [
      ...header.map((cells) => new TableRow({ tableHeader: true, cantSplit: true, children: cells })),
      ...body.map((cells) => new TableRow({ cantSplit: true, children: cells })),
      ...footer.map((cells) => new TableRow({ cantSplit: true, children: cells })),
    ],
  });
}

/** Size of the text in the body's tables: 13 pt, the lower bound of the body range. */
const BODY_TABLE_SIZE = 13;

/** STT | Chỉ tiêu | Đơn vị tính | Kết quả, with the compiled totals. */
export function indicatorTable(report: CompiledReport): Table {
  const cols = [700, 5155, 1900, 1600];
  cols[1] = TEXT_WIDTH - cols[0]! - cols[2]! - cols[3]!;
  const size = BODY_TABLE_SIZE;
  const head = ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả'].map((h, i) =>
    gridCell(cols[i]!, [h], { size, bold: true, align: 'center' }),
  );
  const rows = report.indicators.map((ind, i) => [
    gridCell(cols[0]!, [String(i + 1)], { size, align: 'center' }),
    gridCell(cols[1]!, [ind.name.trim()], { size }),
    gridCell(cols[2]!, [ind.unit.trim()], { size, align: 'center' }),
    gridCell(cols[3]!, [formatCount(ind.total)], { size, align: 'right' }),
  ]);
  return gridTable(cols, [head], rows);
}

// ---------------------------------------------------------------------------------------------------------------------
// Annex

/** Text size of the annex table: 12 pt keeps 187 rows to a handful of landscape pages and stays readable. */
const ANNEX_SIZE = 12;
const ANNEX_FIXED = { stt: 600, unit: 3150, state: 1500, date: 1250, tasks: 1150, deliverables: 1200 } as const;
const INDICATOR_MIN = 1100;

export const ANNEX_HEADERS = [
  'STT',
  'Đơn vị',
  'Tình trạng báo cáo',
  'Ngày gửi',
  'Nhiệm vụ hoàn thành',
  'Sản phẩm',
] as const;

/** Landscape when the columns do not fit the portrait text width at their minimum widths [ND30 I.1: tables]. */
export function annexLayout(report: CompiledReport): { landscape: boolean; columns: number[] } {
  const fixed = Object.values(ANNEX_FIXED);
  const fixedSum = fixed.reduce((a, b) => a + b, 0);
  const k = report.indicators.length;
  const landscape = fixedSum + k * INDICATOR_MIN > TEXT_WIDTH;
  const width = landscape ? PAGE.height - PAGE.margin.left - PAGE.margin.right : TEXT_WIDTH;
  if (k === 0) {
    const extra = width - fixedSum;
    return { landscape, columns: fixed.map((w, i) => (i === 1 ? w + extra : w)) };
  }
  // Indicators share what is left; a wide page gives the unit name the surplus beyond 1.6 × the minimum.
  const each = Math.max(INDICATOR_MIN, Math.min(Math.floor((width - fixedSum) / k), Math.round(INDICATOR_MIN * 1.6)));
  const unit = ANNEX_FIXED.unit + Math.max(0, width - fixedSum - each * k);
  return { landscape, columns: [fixed[0]!, unit, ...fixed.slice(2), ...Array.from({ length: k }, () => each)] };
}

export function annexTable(report: CompiledReport, columns: readonly number[]): Table {
  const size = ANNEX_SIZE;
  const headers = [...ANNEX_HEADERS, ...report.indicators.map(indicatorHeader)];
  const head = headers.map((h, i) => gridCell(columns[i]!, [h], { size, bold: true, align: 'center' }));
  const numbering = headers.map((_, i) =>
    gridCell(columns[i]!, [`(${i + 1})`], { size: 11, italic: true, align: 'center' }),
  );
  const align = (i: number): Align => (i === 1 ? 'left' : i >= 4 ? 'right' : 'center');
  const body = report.annex.map((row, r) =>
    annexRowTexts(report, row, r).map((text, i) => gridCell(columns[i]!, [text], { size, align: align(i) })),
  );
  const t = annexTotals(report);
  const totals = [
    '',
    'Tổng cộng',
    '',
    '',
    `${t.tasksDone}/${t.tasksTotal}`,
    formatCount(t.deliverables),
    ...report.indicators.map((ind) => formatCount(t.indicators[ind.code] ?? 0)),
  ];
  const footer = [
    totals.map((text, i) => gridCell(columns[i]!, [text], { size, bold: true, align: i === 1 ? 'left' : align(i) })),
  ];
  return gridTable(columns, [head, numbering], body, footer);
}

/** "Phụ lục", title, "(Kèm theo Báo cáo số …)" italic, then the table [ND30 Phụ lục; Mẫu 2.1]. */
export function annexChildren(report: CompiledReport, columns: readonly number[]): FileChild[] {
  return [
    centredLine('Phụ lục', { size: 14, bold: true }),
    centredLine(annexTitle(report), { size: 14, bold: true }, 60),
    centredLine(annexReferenceLine(report), { size: 14, italic: true }, 60),
    new Paragraph({ spacing: { before: 0, after: 120, line: 240, lineRule: LineRuleType.AUTO }, children: [] }),
    annexTable(report, columns),
  ];
}

/** The annex section: its own page numbering from 1 [ND30 I.1], landscape when the table needs it. */
function annexSection(report: CompiledReport): ISectionOptions {
  const { landscape, columns } = annexLayout(report);
  return nd30Section(annexChildren(report, columns), { landscape, restartPageNumbers: true });
}

// ---------------------------------------------------------------------------------------------------------------------
// Document

/** "Như trên" first in the Nơi nhận of a document with Kính gửi [ND30 II.9b]. */
export function copyToWithNhuTren(copyTo: readonly string[]): string[] {
  const clean = copyTo.map((s) => s.trim()).filter(Boolean);
  const isNhuTren = (s: string) => /^[-–]?\s*Như trên\b/u.test(s);
  return ['Như trên', ...clean.filter((s) => !isNhuTren(s))];
}

export function buildCompiledReportDocument(report: CompiledReportInput): Document {
  const header = headerTable({
    parentName: report.issuerParentName,
    issuerName: report.issuerName,
    number: report.number,
    symbol: report.symbol,
    place: report.placeName,
    date: report.date,
    year: yearOf(report),
  });
  const { beforeTable, afterTable } = compiledReportBodyItems(report);
  const body: FileChild[] = [...bodyParagraphs(beforeTable)];
  if (report.indicators.length > 0) body.push(indicatorTable(report));
  body.push(...bodyParagraphs(afterTable, { endMarker: true }));
  const signature = signatureTable({
    recipients: copyToWithNhuTren(report.copyTo),
    signerLines: report.signer.lines,
    signerName: report.signer.name,
  });
  const title = report.title.trim();
  return nd30Document(
    { title: `${TYPE_NAME} ${lowerFirst(title)}`, subject: title },
    [header, ...titleBlock(TYPE_NAME, title), ...kinhGuiBlock(report.recipients), ...body, signature],
    report.annex.length > 0 ? [annexSection(report)] : [],
  );
}

/** The compiled report as a DOCX file (Mẫu 1.4 with Kính gửi, annex on landscape pages). */
export async function renderCompiledReportDocx(report: CompiledReportInput): Promise<Buffer> {
  return packDocx(buildCompiledReportDocument(report));
}
