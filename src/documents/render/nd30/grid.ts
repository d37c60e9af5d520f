// Ruled tables of a document's body and annexes: fixed columns that add up to the text width of their section,
// sized from their content (no column narrower than its longest word or figure), header rows that repeat on every
// page, and the row of column numbers (1)(2)… that statistical annexes carry.
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { FONT, halfPoints } from './format.ts';
import { textWidthTwips } from './width.ts';

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
/** Left and right padding of a ruled cell (1 mm). */
export const GRID_CELL_MARGIN = 57;

export type Align = 'left' | 'center' | 'right';
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/**
 * A cell of a ruled table. The run carries its font and size as nd30.run() does, but writes bold/italic only when on:
 * a 187-row annex has some 3,000 cells and the docx packer's time grows with the number of XML elements.
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
    margins: { left: GRID_CELL_MARGIN, right: GRID_CELL_MARGIN, top: 0, bottom: 0 },
    rows: [
      ...header.map((cells) => new TableRow({ tableHeader: true, cantSplit: true, children: cells })),
      ...body.map((cells) => new TableRow({ cantSplit: true, children: cells })),
      ...footer.map((cells) => new TableRow({ cantSplit: true, children: cells })),
    ],
  });
}

/** The row of column numbers under the header: (1), (2), … [practice of the statistical annexes]. */
export function numberingRow(columns: readonly number[], size = 11): TableCell[] {
  return columns.map((w, i) => gridCell(w, [`(${i + 1})`], { size, italic: true, align: 'center' }));
}

/** What a column must show: its header (wraps between words) and its cells' texts; its share of the spare width. */
export interface ColumnSpec {
  header: string;
  values: readonly string[];
  /** Share of the width left once every column has its minimum (0: never wider than its minimum). */
  weight: number;
  /** Values wrap between words (long names); otherwise the longest value sets the minimum. */
  wrap?: boolean;
  /** A floor in twips (a wrapping column's readable width). */
  min?: number;
}

const longestWord = (texts: readonly string[], size: number, face: 'regular' | 'bold') =>
  Math.max(0, ...texts.flatMap((t) => t.split(/\s+/)).map((w) => textWidthTwips(w, size, face)));
const longestLine = (texts: readonly string[], size: number) =>
  Math.max(0, ...texts.map((t) => textWidthTwips(t, size)));

/**
 * Column widths that add up to exactly `width`: each column at least as wide as its longest header word (bold)
 * and its longest value (or word, for wrapping columns) plus padding, the rest shared by weight. Tries the sizes in
 * order and returns the first that fits; null when none does.
 */
export function fitColumns(
  specs: readonly ColumnSpec[],
  width: number,
  sizes: readonly number[],
): { columns: number[]; size: number } | null {
  const pad = 2 * GRID_CELL_MARGIN + 60;
  for (const size of sizes) {
    const mins = specs.map((s) =>
      Math.max(
        s.min ?? 0,
        Math.ceil(
          Math.max(
            longestWord([s.header], size, 'bold'),
            s.wrap ? longestWord(s.values, size, 'regular') : longestLine(s.values, size),
          ) + pad,
        ),
      ),
    );
    const spare = width - mins.reduce((a, b) => a + b, 0);
    if (spare < 0) continue;
    const weights = specs.map((s) => s.weight);
    const totalWeight = weights.reduce((a, b) => a + b, 0) || 1;
    const columns = mins.map((m, i) => m + Math.floor((spare * weights[i]!) / totalWeight));
    // Rounding leftovers go to the heaviest column, so the table is exactly the text width.
    const heaviest = weights.indexOf(Math.max(...weights));
    columns[heaviest]! += width - columns.reduce((a, b) => a + b, 0);
    return { columns, size };
  }
  return null;
}
