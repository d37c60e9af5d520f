// Header (ô 1–4, 5b): issuer, Quốc hiệu and Tiêu ngữ, number and place/date; the draft stamp above it.
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, TableRow, TextRun, type Table } from 'docx';
import { CELL_MARGIN, FONT, HEADER_COLUMNS, QUOC_HIEU, SIZE, TEXT_WIDTH, TIEU_NGU, halfPoints } from './format.ts';
import { centredLine, ruleParagraph, run, RULE_FRACTION, TIGHT } from './paragraph.ts';
import { layoutCell, layoutTable } from './table.ts';
import { formatNumberLine, formatPlaceDate, issuerLines, upperVi } from './text.ts';
import { balanceLines, fits, textWidthTwips } from './width.ts';

export interface HeaderData {
  /** Cơ quan chủ quản (regular, upper case), or null when the issuer has none (UBND tỉnh, UBND xã). */
  parentName?: string | null;
  /** Cơ quan ban hành (bold, upper case). "\n" forces a line break. */
  issuerName: string;
  number: string | null;
  /** "KH-UBND" */
  symbol: string | null;
  place: string;
  /** YYYY-MM-DD or null (undated draft). */
  date: string | null;
  year: number | null;
  /** Trích yếu of a công văn ("V/v …"), printed under the Số [ND30 II.5b]. */
  subject?: string | null;
}

/** Left column, first row: cơ quan chủ quản (regular), cơ quan ban hành (bold), rule [ND30 II.2]. */
export function issuerBlock(
  parentName: string | null | undefined,
  issuerName: string,
  width: number = HEADER_COLUMNS[0],
): Paragraph[] {
  const inner = width - 2 * CELL_MARGIN;
  const parentLines = parentName?.trim() ? balanceLines(upperVi(parentName), inner, SIZE.coQuan) : [];
  const lines = issuerLines(issuerName).flatMap((l) => balanceLines(l, inner, SIZE.coQuan, 'bold'));
  const longest = Math.max(...lines.map((l) => Math.min(textWidthTwips(l, SIZE.coQuan, 'bold'), inner)));
  return [
    ...parentLines.map((l) => centredLine(l, { size: SIZE.coQuan })),
    ...lines.map((l) => centredLine(l, { size: SIZE.coQuan, bold: true })),
    ruleParagraph(longest * RULE_FRACTION, inner),
  ];
}

/** Right column, first row: Quốc hiệu, Tiêu ngữ and a rule as long as the Tiêu ngữ [ND30 II.1]. */
export function nationalMottoBlock(width: number = HEADER_COLUMNS[1]): Paragraph[] {
  const inner = width - 2 * CELL_MARGIN;
  return [
    centredLine(QUOC_HIEU, { size: SIZE.quocHieu, bold: true }),
    centredLine(TIEU_NGU, { size: SIZE.tieuNgu, bold: true }),
    ruleParagraph(textWidthTwips(TIEU_NGU, SIZE.tieuNgu, 'bold'), inner),
  ];
}

/**
 * The two-column borderless header [ND30 IV Sơ đồ; Mẫu 1.4]. Số and the place/date line sit in a second row, so they
 * share a baseline whatever the height of the blocks above [ND30 II.4: "cùng một hàng với số, ký hiệu"].
 */
export function headerTable(h: HeaderData): Table {
  const [left, right] = HEADER_COLUMNS;
  const numberRow: Paragraph[] = [centredLine(formatNumberLine(h.number, h.symbol), { size: SIZE.soKyHieu }, 160)];
  if (h.subject?.trim()) {
    // V/v …: 6 pt above, under the Số [ND30 II.5b]. Balanced lines with explicit breaks between words, because
    // renderers break after a hyphen and would split a symbol such as "129/KH-UBND".
    const lines = balanceLines(h.subject.trim(), left - 2 * CELL_MARGIN, SIZE.trichYeuCongVan);
    numberRow.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { ...TIGHT, before: 120 },
        children: lines.map(
          (l, i) =>
            new TextRun({
              text: i < lines.length - 1 ? `${l} ` : l,
              break: i > 0 ? 1 : 0,
              font: FONT,
              size: halfPoints(SIZE.trichYeuCongVan),
            }),
        ),
      }),
    );
  }
  // 14 pt, or 13 pt (the decree's lower bound) when a long place name would wrap: "Phường Đào Duy Từ, ngày …".
  const placeDate = formatPlaceDate(h.place, h.date, h.year);
  const dateSize = fits(textWidthTwips(placeDate, SIZE.diaDanh, 'italic'), right - 2 * CELL_MARGIN)
    ? SIZE.diaDanh
    : SIZE.diaDanhMin;
  const dateRow = [centredLine(placeDate, { size: dateSize, italic: true }, 160)];
  return layoutTable(HEADER_COLUMNS, [
    new TableRow({
      children: [
        layoutCell(left, issuerBlock(h.parentName, h.issuerName, left)),
        layoutCell(right, nationalMottoBlock(right)),
      ],
    }),
    // Top-aligned: a công văn's V/v lines grow the left cell downwards while Số stays level with the date.
    new TableRow({ children: [layoutCell(left, numberRow), layoutCell(right, dateRow)] }),
  ]);
}

/** "DỰ THẢO" in a single-line frame above the header, where ND30 puts the circulation note (ô 11) [practice]. */
export function draftStamp(label = 'DỰ THẢO'): Paragraph {
  const width = textWidthTwips(label, 13, 'bold') + 240;
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: TEXT_WIDTH - width - 200, right: 200 },
    spacing: { before: 0, after: 120, line: 240, lineRule: LineRuleType.AUTO },
    border: {
      top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 },
      bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 },
      left: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 },
      right: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 },
    },
    children: [run(label, { size: 13, bold: true })],
  });
}
