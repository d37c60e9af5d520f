// A unit's Báo cáo as DOCX, laid out as Mẫu 1.4 of Nghị định 30/2020 with "Kính gửi" the receiving unit: header,
// number and date, title, the sections people wrote (I–V), its indicators, the signature and Nơi nhận; the annex
// lists its tasks and deliverables ("Phụ lục … (Kèm theo Báo cáo số …)") on pages numbered from 1.
import { type Document, type FileChild, type ISectionOptions, LineRuleType, Paragraph, type Table } from 'docx';
import type { UnitReportDocument } from '../../domain/reporting/unit-document.ts';
import {
  LANDSCAPE_TEXT_WIDTH,
  TEXT_WIDTH,
  bodyParagraphs,
  centredLine,
  fitColumns,
  formatIssueDate,
  formatNumber,
  gridCell,
  gridTable,
  headerTable,
  kinhGuiBlock,
  lowerFirst,
  nd30Document,
  nd30Section,
  numberingRow,
  packDocx,
  signatureTable,
  titleBlock,
  upperVi,
  withFinalStop,
  type Align,
  type BodyItem,
  type ColumnSpec,
} from './nd30.ts';
import { issuerPhrase } from './plan-docx.ts';
import { copyToWithNhuTren, formatCount, shortDate } from './report-docx.ts';

const TYPE_NAME = 'Báo cáo';

/** The body: opening, the sections I–V, then the closing sentence. The indicator table goes after section II. */
export function unitReportBodyItems(doc: UnitReportDocument): { beforeTable: BodyItem[]; afterTable: BodyItem[] } {
  const items = (s: UnitReportDocument['sections'][number]): BodyItem[] => [
    { kind: 'section', number: s.number, title: s.title },
    ...s.paragraphs.map((text): BodyItem => ({ kind: 'paragraph', text: withFinalStop(text) })),
  ];
  const [first, second, ...rest] = doc.sections;
  const beforeTable: BodyItem[] = [{ kind: 'paragraph', text: doc.basisText }, ...(first ? items(first) : [])];
  if (second) beforeTable.push(...items(second));
  if (doc.indicators.length) beforeTable.push({ kind: 'paragraph', text: 'Các chỉ tiêu chủ yếu:' });
  const to = doc.recipients.map((r) => r.trim().replace(/[;.,]+$/, '')).join(', ');
  const afterTable: BodyItem[] = [];
  if (doc.tasks.length)
    afterTable.push({
      kind: 'paragraph',
      text: '(Chi tiết từng nhiệm vụ và sản phẩm tại Phụ lục kèm theo.)',
      italic: true,
    });
  afterTable.push(...rest.flatMap(items), {
    kind: 'paragraph',
    text: `Trên đây là báo cáo ${lowerFirst(doc.title.trim().replace(/[.;]+$/, ''))} của ${issuerPhrase(doc.issuerName)}, kính gửi ${to} tổng hợp, báo cáo.`,
  });
  return { beforeTable, afterTable };
}

/** STT | Chỉ tiêu | Đơn vị tính | Kết quả, numbered, at the text width. */
function indicatorTable(doc: UnitReportDocument): Table {
  const rows = doc.indicators.map((d, i) => [String(i + 1), d.name.trim(), d.unit.trim(), formatCount(d.value)]);
  const specs: ColumnSpec[] = ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả'].map((header, i) => ({
    header,
    values: rows.map((r) => r[i]!),
    weight: i === 1 ? 6 : i === 0 ? 0 : 1,
    wrap: i === 1 || i === 2,
    min: i === 1 ? 3000 : 0,
  }));
  const { columns, size } = fitColumns(specs, TEXT_WIDTH, [13, 12]) ?? { columns: [700, 5155, 1900, 1600], size: 12 };
  const align: Align[] = ['center', 'left', 'center', 'right'];
  return gridTable(
    columns,
    [
      specs.map((s, i) => gridCell(columns[i]!, [s.header], { size, bold: true, align: 'center' })),
      numberingRow(columns),
    ],
    rows.map((r) => r.map((text, i) => gridCell(columns[i]!, [text], { size, align: align[i] }))),
  );
}

const TASK_HEADERS = ['STT', 'Nhiệm vụ', 'Vai trò', 'Tình trạng', 'Tiến độ (%)', 'Hạn hoàn thành', 'Sản phẩm'];

function taskRows(doc: UnitReportDocument): string[][][] {
  return doc.tasks.map((t) => [
    [t.number],
    [t.title.trim()],
    [t.role],
    [t.status],
    [String(t.percent)],
    [t.deadline ? shortDate(t.deadline) : '-'],
    t.deliverables.length ? t.deliverables.map((d) => `- ${d}`) : ['-'],
  ]);
}

/** The annex's columns: portrait when they fit, else landscape, always at the text width of the page. */
export function unitAnnexLayout(doc: UnitReportDocument): { landscape: boolean; columns: number[]; size: number } {
  const rows = taskRows(doc);
  const specs: ColumnSpec[] = TASK_HEADERS.map((header, i) => ({
    header,
    values: rows.flatMap((r) => r[i]!),
    weight: [0, 4, 0, 1, 0, 0, 4][i]!,
    wrap: i === 1 || i === 3 || i === 6,
    min: [0, 2200, 0, 1200, 0, 0, 2400][i],
  }));
  const portrait = fitColumns(specs, TEXT_WIDTH, [12, 11]);
  if (portrait) return { landscape: false, ...portrait };
  const wide = fitColumns(specs, LANDSCAPE_TEXT_WIDTH, [12, 11, 10]);
  if (wide) return { landscape: true, ...wide };
  const each = Math.floor(LANDSCAPE_TEXT_WIDTH / specs.length);
  return {
    landscape: true,
    columns: specs.map((_, i) => each + (i === 1 ? LANDSCAPE_TEXT_WIDTH % specs.length : 0)),
    size: 10,
  };
}

/** "(Kèm theo Báo cáo số      /BC-UBND ngày    tháng    năm 2026 của Ủy ban nhân dân phường Nam Sầm Sơn)". */
export function unitAnnexReference(doc: UnitReportDocument): string {
  const number = `${formatNumber(doc.number) ?? ' '.repeat(6)}/${doc.symbol}`;
  return `(Kèm theo Báo cáo số ${number} ${formatIssueDate(doc.date, doc.year ?? null)} của ${issuerPhrase(doc.issuerName)})`;
}

function annexSection(doc: UnitReportDocument): ISectionOptions {
  const { landscape, columns, size } = unitAnnexLayout(doc);
  const align: Align[] = ['center', 'left', 'center', 'left', 'center', 'center', 'left'];
  const table = gridTable(
    columns,
    [
      TASK_HEADERS.map((h, i) => gridCell(columns[i]!, [h], { size, bold: true, align: 'center' })),
      numberingRow(columns, Math.min(size, 11)),
    ],
    taskRows(doc).map((r) =>
      r.map((lines, i) => gridCell(columns[i]!, lines, { size, align: align[i], vAlign: 'top' })),
    ),
  );
  const children: FileChild[] = [
    centredLine('Phụ lục', { size: 14, bold: true }),
    centredLine(
      upperVi(`Kết quả thực hiện các nhiệm vụ và sản phẩm ${lowerFirst(doc.periodLabel)}`),
      { size: 14, bold: true },
      60,
    ),
    centredLine(unitAnnexReference(doc), { size: 14, italic: true }, 60),
    new Paragraph({ spacing: { before: 0, after: 120, line: 240, lineRule: LineRuleType.AUTO }, children: [] }),
    table,
  ];
  return nd30Section(children, { landscape, restartPageNumbers: true });
}

export function buildUnitReportDocument(doc: UnitReportDocument): Document {
  const header = headerTable({
    parentName: doc.issuerParentName,
    issuerName: doc.issuerName,
    number: doc.number,
    symbol: doc.symbol,
    place: doc.placeName,
    date: doc.date,
    year: doc.year ?? null,
  });
  const { beforeTable, afterTable } = unitReportBodyItems(doc);
  const body: FileChild[] = [...bodyParagraphs(beforeTable)];
  if (doc.indicators.length) body.push(indicatorTable(doc));
  body.push(...bodyParagraphs(afterTable, { endMarker: true }));
  const signature = signatureTable({
    recipients: copyToWithNhuTren(doc.copyTo),
    signerLines: doc.signer.lines,
    signerName: doc.signer.name,
  });
  const title = doc.title.trim();
  return nd30Document(
    { title: `${TYPE_NAME} ${lowerFirst(title)}`, subject: title },
    [header, ...titleBlock(TYPE_NAME, title), ...kinhGuiBlock(doc.recipients), ...body, signature],
    doc.tasks.length ? [annexSection(doc)] : [],
  );
}

/** The unit's Báo cáo as a DOCX file (Mẫu 1.4 with Kính gửi, annex of tasks and deliverables). */
export async function renderUnitReportDocx(doc: UnitReportDocument): Promise<Buffer> {
  return packDocx(buildUnitReportDocument(doc));
}
