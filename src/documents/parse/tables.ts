// Task tables: "STT | Nội dung | Chủ trì | Phối hợp | Sản phẩm | Thời gian | Ghi chú", with columns in any order and
// under various names, a header possibly on two rows ("Cơ quan thực hiện" over "Chủ trì" / "Phối hợp"), and group
// rows ("I. Công tác tuyên truyền") spanning the table.
import type { TaskField } from '../../domain/plan/model.ts';
import { fold, normalizeText } from '../../domain/text.ts';
import type { LogicalLine } from './lines.ts';

export type TaskColumn = TaskField | 'number' | 'title';

export interface TableTaskRow {
  /** Index of the row in the rows given. */
  row: number;
  line: number;
  number: string | null;
  title: string;
  values: Partial<Record<TaskField, string>>;
  labels: Partial<Record<TaskField, string>>;
}

export interface TableGroupRow {
  row: number;
  line: number;
  number: string;
  title: string;
}

export type TableItem = ({ kind: 'task' } & TableTaskRow) | ({ kind: 'group' } & TableGroupRow);

export interface TaskTable {
  items: TableItem[];
  /** Indexes (into the rows given) of the header rows. */
  headerRows: number[];
  /** Rows that are neither tasks nor groups (empty or unreadable). */
  skipped: number[];
}

/** Column names on folded text. */
function columnOf(header: string): TaskColumn | null {
  const f = fold(header).replace(/[.:]/g, '').trim();
  if (!f) return null;
  if (/^(stt|tt|so tt|so thu tu)$/.test(f)) return 'number';
  if (/ghi chu/.test(f)) return 'notes';
  if (/phoi hop/.test(f)) return 'coordinators';
  if (/chu tri/.test(f)) return 'lead';
  if (/san pham|ket qua/.test(f)) return 'deliverables';
  if (/thoi gian|thoi han|tien do|hoan thanh/.test(f)) return 'timeframe';
  if (/^(nhiem vu|ten nhiem vu|noi dung nhiem vu|nhiem vu cu the|ten nhiem vu, de an)/.test(f)) return 'title';
  if (/noi dung|cong viec|nhiem vu|hoat dong/.test(f)) return 'title';
  return null;
}

/** Maps header cells to columns. A second "title" column becomes the content ("Nhiệm vụ" | "Nội dung"). */
function mapColumns(cells: string[]): Map<number, { column: TaskColumn; label: string }> {
  const map = new Map<number, { column: TaskColumn; label: string }>();
  const seen = new Set<TaskColumn>();
  cells.forEach((cell, i) => {
    const label = normalizeText(cell.replace(/\n/g, ' '));
    let column = columnOf(label);
    if (!column) return;
    if (column === 'title' && seen.has('title')) column = 'content';
    if (seen.has(column)) return; // a cell spanned over two columns repeats its text
    seen.add(column);
    map.set(i, { column, label });
  });
  return map;
}

function isTaskHeader(map: Map<number, { column: TaskColumn }>): boolean {
  const cols = new Set([...map.values()].map((v) => v.column));
  return cols.has('title') && (cols.has('lead') || (cols.has('timeframe') && cols.has('deliverables')));
}

const ROMAN_OR_LETTER = /^([IVXLC]+|[A-Z])\.?$/;

// The task header among the first rows of a table, with the columns it names; one or two rows.
function findTaskHeader(
  rows: LogicalLine[],
): { columns: Map<number, { column: TaskColumn; label: string }>; headerRows: number[] } | null {
  let headerAt = -1;
  let columns = new Map<number, { column: TaskColumn; label: string }>();
  for (let r = 0; r < Math.min(rows.length, 3) && headerAt < 0; r++) {
    const cells = rows[r]!.cells ?? [];
    const map = mapColumns(cells);
    if (isTaskHeader(map)) {
      headerAt = r;
      columns = map;
    }
  }
  if (headerAt < 0) return null;
  const headerRows = [headerAt];
  // Two-row header: "Cơ quan thực hiện" spanning "Chủ trì" and "Phối hợp" on the next row.
  const second = rows[headerAt + 1];
  if (second?.cells) {
    const combined = (rows[headerAt]!.cells ?? []).map((c, i) => {
      const below = second.cells![i] ?? '';
      return below && below !== c ? `${c} ${below}` : c;
    });
    const known = new Set([...columns.values()].map((v) => v.column));
    const adds = [...mapColumns(second.cells).values()].some((v) => !known.has(v.column));
    // A group row ("I | NHIỆM VỤ CHUNG" spanning the table) is not a second header row.
    const groupRow =
      ROMAN_OR_LETTER.test((second.cells[0] ?? '').trim()) || new Set(second.cells.slice(1).filter(Boolean)).size === 1;
    const headerLike = !groupRow && second.cells.every((c) => c.length < 40 && !/^\d+(\.\d+)*\.?$/.test(c.trim()));
    if (adds && headerLike) {
      const map = mapColumns(combined);
      if (isTaskHeader(map)) {
        columns = map;
        headerRows.push(headerAt + 1);
      }
    }
  }
  return { columns, headerRows };
}

/**
 * Reads consecutive rows of one table as a task table; null when the rows have no recognisable task header.
 * Values keep the cell's line breaks as "; " for unit columns (one unit per paragraph) and spaces elsewhere.
 */
export function readTaskTable(rows: LogicalLine[]): TaskTable | null {
  const header = findTaskHeader(rows);
  if (!header) return null;
  const { columns, headerRows } = header;
  const start = headerRows[headerRows.length - 1]! + 1;
  const items: TableItem[] = [];
  const skipped: number[] = [];
  // A row of column numbers under the header ("(1) | (2) | (3)") carries nothing.
  for (let r = start; r < rows.length; r++) {
    const row = rows[r]!;
    const cells = row.cells ?? [];
    const get = (col: TaskColumn): string => {
      for (const [i, v] of columns) if (v.column === col) return cells[i] ?? '';
      return '';
    };
    const nonEmpty = cells.filter((c) => c.trim() !== '');
    if (nonEmpty.length === 0 || nonEmpty.every((c) => /^\(?\d+\)?$/.test(c.trim()))) {
      skipped.push(r);
      continue;
    }
    // A row whose cells all say the same thing is one cell spanning the table: a group heading.
    const distinct = new Set(nonEmpty.map((c) => c.trim()));
    const numberCell = normalizeText(get('number')).replace(/\.$/, '');
    const title = normalizeText(get('title').replace(/\n/g, ' '));
    if (distinct.size === 1) {
      const text = normalizeText([...distinct][0]!.replace(/\n/g, ' '));
      const m = /^([IVXLC]+|[A-Z]|\d+(?:\.\d+)*)[.)]\s*(.+)$/u.exec(text);
      items.push({
        kind: 'group',
        row: r,
        line: row.line,
        number: m ? m[1]! : String(items.filter((i) => i.kind === 'group').length + 1),
        title: m ? m[2]! : text,
      });
      continue;
    }
    const values: Partial<Record<TaskField, string>> = {};
    const labels: Partial<Record<TaskField, string>> = {};
    for (const [i, v] of columns) {
      if (v.column === 'number' || v.column === 'title') continue;
      const raw = cells[i] ?? '';
      const unitColumn = v.column === 'lead' || v.column === 'coordinators';
      const value = normalizeText(
        raw
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean)
          .join(unitColumn ? '; ' : ' '),
      );
      if (value) values[v.column] = value;
      labels[v.column] = v.label;
    }
    const hasTaskValues = Object.keys(values).some((k) => k !== 'notes');
    // "II | NHIỆM VỤ CỤ THỂ" spanning the other columns: the span repeats one text in every cell after the number.
    const rest = new Set(
      cells.filter((c, i) => columns.get(i)?.column !== 'number' && c.trim() !== '').map((c) => c.trim()),
    );
    const spanned = rest.size === 1 && nonEmpty.length > 2;
    if (ROMAN_OR_LETTER.test(numberCell) && (!hasTaskValues || spanned)) {
      items.push({ kind: 'group', row: r, line: row.line, number: numberCell, title });
      continue;
    }
    if (!title && !hasTaskValues) {
      skipped.push(r);
      continue;
    }
    items.push({ kind: 'task', row: r, line: row.line, number: numberCell || null, title, values, labels });
  }
  return { items, headerRows, skipped };
}
