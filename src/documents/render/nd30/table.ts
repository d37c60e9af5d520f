// Borderless layout tables, as the decree's samples use for the header and the signature.
import {
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  type TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { CELL_MARGIN } from './format.ts';
import { TIGHT } from './paragraph.ts';

const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
} as const;

/** A borderless fixed-width layout table, as the decree's samples use for the header and the signature. */
export function layoutTable(columns: readonly number[], rows: TableRow[]): Table {
  return new Table({
    rows,
    width: { size: columns.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...columns],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 0, bottom: 0 },
  });
}

export function layoutCell(width: number, children: Paragraph[], verticalAlign: 'top' | 'bottom' = 'top'): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: verticalAlign === 'top' ? VerticalAlignTable.TOP : VerticalAlignTable.BOTTOM,
    children: children.length ? children : [new Paragraph({ spacing: TIGHT, children: [] })],
  });
}
