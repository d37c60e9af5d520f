// Báo cáo kết quả thực hiện (compiled yearly report) as DOCX, laid out as Mẫu 1.4 of Nghị định 30/2020 with
// "Kính gửi" (a report sent to a superior), followed by its per-unit annex on landscape pages. Pure until packing:
// compiledReportBodyItems() gives the body as data, buildCompiledReportDocument() the docx Document,
// renderCompiledReportDocx() the file. The annex helpers are shared with report-xlsx.ts.

import { type Document, LineRuleType, Paragraph, type Table, type FileChild, type ISectionOptions } from 'docx';
import type { CompiledReport } from '../../domain/reporting/model.ts';
import {
  LANDSCAPE_TEXT_WIDTH,
  fitColumns,
  gridCell,
  gridTable,
  numberingRow,
  type Align,
  type ColumnSpec,
  TEXT_WIDTH,
  bodyParagraphs,
  centredLine,
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
  const leadership = report.leadership?.map((t) => t.trim()).filter(Boolean) ?? [];
  const hasIndicators = report.indicators.length > 0;
  const beforeTable: BodyItem[] = [
    { kind: 'paragraph', text: openingText(report) },
    { kind: 'section', number: 'I', title: 'Công tác lãnh đạo, chỉ đạo, triển khai thực hiện' },
    ...(leadership.length
      ? leadership.map((text): BodyItem => ({ kind: 'dash', text: withFinalStop(upperFirst(text)) }))
      : [
          {
            kind: 'paragraph',
            text: 'Trong kỳ, các cơ quan, đơn vị chưa báo cáo văn bản lãnh đạo, chỉ đạo đã ban hành hay hội nghị đã tổ chức.',
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

export { gridCell, gridTable } from './nd30.ts';

/** Size of the text in the body's tables: 13 pt, the lower bound of the body range; 12 when 13 does not fit. */
const BODY_TABLE_SIZES = [13, 12] as const;

/** STT | Chỉ tiêu | Đơn vị tính | Kết quả, numbered (1)…(4), with the compiled totals, at the text width. */
export function indicatorTable(report: CompiledReport): Table {
  const values = report.indicators.map((ind, i) => [
    String(i + 1),
    ind.name.trim(),
    ind.unit.trim(),
    formatCount(ind.total),
  ]);
  const specs: ColumnSpec[] = ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả'].map((header, i) => ({
    header,
    values: values.map((v) => v[i]!),
    weight: i === 1 ? 6 : i === 0 ? 0 : 1,
    wrap: i === 1 || i === 2,
    min: i === 1 ? 3000 : 0,
  }));
  const fit = fitColumns(specs, TEXT_WIDTH, BODY_TABLE_SIZES) ?? { columns: [700, 5155, 1900, 1600], size: 12 };
  const { columns: cols, size } = fit;
  const head = specs.map((c, i) => gridCell(cols[i]!, [c.header], { size, bold: true, align: 'center' }));
  const align: Align[] = ['center', 'left', 'center', 'right'];
  const rows = values.map((v) => v.map((text, i) => gridCell(cols[i]!, [text], { size, align: align[i] })));
  return gridTable(cols, [head, numberingRow(cols)], rows);
}

// ---------------------------------------------------------------------------------------------------------------------
// Annex

/** Sizes tried for the annex table, largest first: 12 pt reads well, 10 pt still fits 15 columns on a landscape page. */
const ANNEX_SIZES = [12, 11, 10, 9] as const;

export const ANNEX_HEADERS = [
  'STT',
  'Đơn vị',
  'Tình trạng báo cáo',
  'Ngày gửi',
  'Nhiệm vụ hoàn thành',
  'Sản phẩm',
] as const;

/**
 * Weights of the spare width: the unit's name and the indicator columns (whose long headers wrap) share it; the
 * state and date keep their one-line width.
 */
const ANNEX_WEIGHTS = [0, 2.5, 0, 0, 0.4, 0.4] as const;

function annexSpecs(report: CompiledReport): ColumnSpec[] {
  const rows = report.annex.map((row, r) => annexRowTexts(report, row, r));
  const t = annexTotals(report);
  const totals = [
    String(report.annex.length),
    'Tổng cộng',
    '',
    '',
    `${t.tasksDone}/${t.tasksTotal}`,
    formatCount(t.deliverables),
    ...report.indicators.map((ind) => formatCount(t.indicators[ind.code] ?? 0)),
  ];
  const headers = [...ANNEX_HEADERS, ...report.indicators.map(indicatorHeader)];
  return headers.map((header, i) => ({
    header,
    values: [...rows.map((r) => r[i]!), totals[i]!],
    weight: i < ANNEX_WEIGHTS.length ? ANNEX_WEIGHTS[i]! : 1,
    wrap: i === 1,
    min: i === 1 ? 2200 : 0,
  }));
}

/**
 * The annex's columns at the text width of its page: portrait when they fit it, else landscape (14,287 twips of
 * text) [ND30 I.1: tables], in the largest size that fits; columns in proportion to their content.
 */
export function annexLayout(report: CompiledReport): { landscape: boolean; columns: number[]; size: number } {
  const specs = annexSpecs(report);
  const portrait = fitColumns(specs, TEXT_WIDTH, ANNEX_SIZES.slice(0, 2));
  if (portrait) return { landscape: false, ...portrait };
  const landscape = fitColumns(specs, LANDSCAPE_TEXT_WIDTH, ANNEX_SIZES);
  if (landscape) return { landscape: true, ...landscape };
  // More indicators than a page can hold: equal shares at the smallest size (the XLSX has the full table).
  const each = Math.floor(LANDSCAPE_TEXT_WIDTH / specs.length);
  const columns = specs.map(() => each);
  columns[1]! += LANDSCAPE_TEXT_WIDTH - each * specs.length;
  return { landscape: true, columns, size: ANNEX_SIZES.at(-1)! };
}

export function annexTable(report: CompiledReport, columns: readonly number[], size = 12): Table {
  const specs = annexSpecs(report);
  // Headers one size down when many indicator columns would make them a quarter of each page.
  const headSize = report.indicators.length > 4 ? size - 1 : size;
  const head = specs.map((c, i) => gridCell(columns[i]!, [c.header], { size: headSize, bold: true, align: 'center' }));
  const align = (i: number): Align => (i === 1 ? 'left' : i >= 4 ? 'right' : 'center');
  const body = report.annex.map((row, r) =>
    annexRowTexts(report, row, r).map((text, i) => gridCell(columns[i]!, [text], { size, align: align(i) })),
  );
  const totals = specs.map((c, i) => (i === 0 ? '' : c.values.at(-1)!));
  const footer = [
    totals.map((text, i) => gridCell(columns[i]!, [text], { size, bold: true, align: i === 1 ? 'left' : align(i) })),
  ];
  return gridTable(columns, [head, numberingRow(columns, Math.min(size, 11))], body, footer);
}

/** "Phụ lục", title, "(Kèm theo Báo cáo số …)" italic, then the table [ND30 Phụ lục; Mẫu 2.1]. */
export function annexChildren(report: CompiledReport, columns: readonly number[], size = 12): FileChild[] {
  return [
    centredLine('Phụ lục', { size: 14, bold: true }),
    centredLine(annexTitle(report), { size: 14, bold: true }, 60),
    centredLine(annexReferenceLine(report), { size: 14, italic: true }, 60),
    new Paragraph({ spacing: { before: 0, after: 120, line: 240, lineRule: LineRuleType.AUTO }, children: [] }),
    annexTable(report, columns, size),
  ];
}

/** The annex section: its own page numbering from 1 [ND30 I.1], landscape when the table needs it. */
function annexSection(report: CompiledReport): ISectionOptions {
  const { landscape, columns, size } = annexLayout(report);
  return nd30Section(annexChildren(report, columns, size), { landscape, restartPageNumbers: true });
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
