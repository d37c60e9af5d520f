// A province's own units from a CSV file, in the columns of reference-data/: its communes and wards
// (thanh-hoa-communes.csv: code, name, type, former_units) or its departments (thanh-hoa-agencies.csv: short_code,
// name, kind, aliases). Every row is checked and every problem named by line and column in Vietnamese; nothing is
// taken from a file with a problem. Pure (csv-parse is plain computation).
import { parse } from 'csv-parse/sync';
import { cleanText, FIELD, textProblem } from '../input-text.ts';
import { fold } from '../text.ts';
import {
  type AgencyRow,
  type CommuneOfficeRow,
  type CommuneRow,
  communeUnits,
  type FormerUnitRow,
  type ReferenceAlias,
  type ReferenceUnit,
} from './reference.ts';

/** Larger than any province's list of communes (Thanh Hóa's with its former units: 60 KB). */
export const UNIT_CSV_MAX_BYTES = 2 * 1024 * 1024;
/** More rows than any province has communes (the most, Thanh Hóa, 166) or departments. */
export const UNIT_CSV_MAX_ROWS = 2000;
const MAX_FIELD = 2000;

export type UnitCsvFormat = 'communes' | 'agencies';

const COLUMNS: Record<UnitCsvFormat, { required: string[]; optional: string[] }> = {
  communes: { required: ['code', 'name', 'type'], optional: ['former_units'] },
  agencies: { required: ['short_code', 'name', 'kind'], optional: ['aliases'] },
};

export interface UnitCsvIssue {
  line: number;
  column: string | null;
  message: string;
}

export interface ParsedUnitCsv {
  format: UnitCsvFormat;
  communes: CommuneRow[];
  formerUnits: FormerUnitRow[];
  agencies: AgencyRow[];
  /** Data rows read (the header excluded). */
  rows: number;
  /** The line of each row, by its code (a commune's code, a department's short code). */
  lines: Record<string, number>;
  issues: UnitCsvIssue[];
}

/** "Dòng 4, cột “type”: …" — how every problem is told. */
export function issueText(i: UnitCsvIssue): string {
  return `Dòng ${i.line}${i.column ? `, cột “${i.column}”` : ''}: ${i.message}`;
}

function empty(format: UnitCsvFormat, issues: UnitCsvIssue[]): ParsedUnitCsv {
  return { format, communes: [], formerUnits: [], agencies: [], rows: 0, lines: {}, issues };
}

/** The bytes as UTF-8 text, or why not (a file saved as Windows-1258 or UTF-16 reads as garbage). */
function decode(bytes: Uint8Array): string | UnitCsvIssue {
  if (bytes.byteLength > UNIT_CSV_MAX_BYTES)
    return {
      line: 1,
      column: null,
      message: `Tệp lớn hơn ${UNIT_CSV_MAX_BYTES / 1024 / 1024} MB; danh mục đơn vị của một tỉnh nhỏ hơn nhiều. Kiểm tra lại tệp.`,
    };
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return {
      line: 1,
      column: null,
      message:
        'Tệp không được mã hóa UTF-8. Mở tệp bằng bảng tính và lưu lại dạng "CSV UTF-8 (phân tách bằng dấu phẩy)".',
    };
  }
}

interface Record_ {
  line: number;
  cells: string[];
}

function readRecords(text: string): Record_[] | UnitCsvIssue {
  try {
    const out = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      max_record_size: MAX_FIELD * 8,
      to: UNIT_CSV_MAX_ROWS + 2,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    return out.map((r) => ({ line: r.info.lines, cells: r.record }));
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 1;
    const quote = /quote|Quote/.test((err as Error).message);
    return {
      line,
      column: null,
      message: quote
        ? 'dấu ngoặc kép (") không đóng hoặc đặt sai chỗ; một ô có dấu phẩy phải nằm trọn trong cặp ngoặc kép.'
        : 'không đọc được dòng này theo định dạng CSV.',
    };
  }
}

/** A name cell cleaned as names are everywhere, or its problem. */
function nameCell(value: string): { value: string; problem: string | null } {
  const v = cleanText(value, 'name');
  if (!v) return { value: v, problem: 'chưa ghi tên.' };
  if (v.length > 200) return { value: v, problem: `tên dài ${v.length} ký tự (tối đa 200).` };
  const p = textProblem(v, 'name');
  return { value: v, problem: p ? p.replace(`Trường "${FIELD}" `, 'Tên ').replace(/\.$/u, '.') : null };
}

/** Reads and checks a units CSV. The format follows its header row. */
export function parseUnitCsv(bytes: Uint8Array): ParsedUnitCsv {
  const text = decode(bytes);
  if (typeof text !== 'string') return empty('communes', [text]);
  const records = readRecords(text);
  if (!Array.isArray(records)) return empty('communes', [records]);
  const [head, ...data] = records;
  if (!head) return empty('communes', [{ line: 1, column: null, message: 'tệp không có dòng tiêu đề và dữ liệu.' }]);
  const header = head.cells.map((c) => c.trim().toLowerCase());
  const format: UnitCsvFormat = header.includes('short_code') ? 'agencies' : 'communes';
  const { required, optional } = COLUMNS[format];
  const issues: UnitCsvIssue[] = [];
  for (const c of required)
    if (!header.includes(c))
      issues.push({
        line: head.line,
        column: c,
        message: `thiếu cột này. Tệp xã, phường cần các cột ${COLUMNS.communes.required.join(', ')} (có thể thêm former_units); tệp sở, ngành cần ${COLUMNS.agencies.required.join(', ')} (có thể thêm aliases).`,
      });
  header.forEach((c, i) => {
    if (![...required, ...optional].includes(c))
      issues.push({
        line: head.line,
        column: c || `thứ ${i + 1}`,
        message: 'cột không dùng đến (kiểm tra lại tên cột).',
      });
  });
  if (issues.length) return empty(format, issues);
  if (data.length === 0)
    return empty(format, [{ line: head.line, column: null, message: 'tệp không có dòng dữ liệu.' }]);
  if (data.length > UNIT_CSV_MAX_ROWS)
    return empty(format, [
      {
        line: data[UNIT_CSV_MAX_ROWS]!.line,
        column: null,
        message: `tệp có hơn ${UNIT_CSV_MAX_ROWS} dòng; danh mục của một tỉnh ít hơn nhiều.`,
      },
    ]);
  const rows = data.map((r) => ({
    line: r.line,
    width: r.cells.length,
    get: (c: string) => (r.cells[header.indexOf(c)] ?? '').trim(),
  }));
  for (const r of rows)
    if (r.width !== header.length)
      issues.push({
        line: r.line,
        column: null,
        message: `dòng có ${r.width} ô, tiêu đề có ${header.length} cột (một ô có dấu phẩy phải nằm trong ngoặc kép).`,
      });
  const parsed = format === 'communes' ? readCommunes(rows, issues) : readAgencies(rows, issues);
  const lines: Record<string, number> = {};
  for (const [i, r] of rows.entries()) {
    const code = format === 'communes' ? parsed.communes[i]?.code : parsed.agencies[i]?.short_code;
    if (code && !(code in lines)) lines[code] = r.line;
  }
  return { format, rows: data.length, lines, issues, ...parsed };
}

type Row = { line: number; get: (column: string) => string };

function readCommunes(rows: Row[], issues: UnitCsvIssue[]) {
  const communes: CommuneRow[] = [];
  const formerUnits: FormerUnitRow[] = [];
  const codeAt = new Map<string, number>();
  const nameAt = new Map<string, number>();
  for (const r of rows) {
    const problem = (column: string, message: string) => issues.push({ line: r.line, column, message });
    const code = r.get('code');
    if (!/^\d{5}$/.test(code))
      problem('code', `mã đơn vị hành chính gồm 5 chữ số (Quyết định 19/2025/QĐ-TTg); đang ghi “${code}”.`);
    else if (codeAt.has(code)) problem('code', `mã ${code} đã có ở dòng ${codeAt.get(code)}.`);
    else codeAt.set(code, r.line);
    const typeWritten = cleanText(r.get('type'), 'line');
    const type = typeWritten.toLocaleLowerCase('vi');
    if (type === 'đặc khu')
      problem('type', 'đặc khu chưa được hỗ trợ khi nạp từ tệp; hãy nạp các xã, phường và thêm đặc khu sau.');
    else if (type !== 'xã' && type !== 'phường')
      problem('type', `loại đơn vị phải là “xã” hoặc “phường”; đang ghi “${typeWritten}”.`);
    const written = nameCell(r.get('name'));
    // "Xã Quỳnh Lưu" is read as "Quỳnh Lưu": the type has its own column.
    const name = written.value.replace(/^(xã|phường)\s+/iu, (m, t: string) =>
      t.toLocaleLowerCase('vi') === type ? '' : m,
    );
    if (written.problem) problem('name', written.problem);
    else if (/^(xã|phường|thị trấn|huyện|quận)\s/iu.test(name))
      problem('name', `ghi tên riêng, không kèm loại đơn vị (“${name}”); loại ghi ở cột “type”.`);
    else {
      const key = `${type} ${fold(name)}`;
      if (nameAt.has(key)) problem('name', `${type} ${name} đã có ở dòng ${nameAt.get(key)}.`);
      else nameAt.set(key, r.line);
    }
    for (const f of formerEntries(r.get('former_units'))) {
      if (!f) continue;
      if ('problem' in f) problem('former_units', f.problem);
      else formerUnits.push({ new_code: code, ...f });
    }
    communes.push({ code, name, type });
  }
  return { communes, formerUnits, agencies: [] as AgencyRow[] };
}

/** "Xã Quỳnh Hồng (17194, Huyện Quỳnh Lưu, một phần); Xã An Hòa" → former units. */
function formerEntries(cell: string): Array<Omit<FormerUnitRow, 'new_code'> | { problem: string } | null> {
  if (!cell) return [];
  return cell.split(';').map((part) => {
    const t = cleanText(part, 'line');
    if (!t) return null;
    const m = /^(Xã|Phường|Thị trấn)\s+([^(]+?)\s*(?:\((\d{5})(?:,\s*([^,)]+))?(,\s*một phần)?\))?$/iu.exec(t);
    if (!m)
      return {
        problem: `không đọc được “${t}”; ghi dạng “Xã Tên (mã 5 số, Huyện Tên)”, các đơn vị cách nhau bằng dấu chấm phẩy.`,
      };
    const type = m[1]!.toLocaleLowerCase('vi');
    return {
      old_code: m[3] ?? '',
      old_name: m[2]!,
      old_type: type,
      old_district: m[4]?.trim() ?? '',
      change: m[5] ? 'Nhập một phần' : 'Nhập toàn bộ',
    };
  });
}

function readAgencies(rows: Row[], issues: UnitCsvIssue[]) {
  const agencies: AgencyRow[] = [];
  const codeAt = new Map<string, number>();
  const nameAt = new Map<string, number>();
  for (const r of rows) {
    const problem = (column: string, message: string) => issues.push({ line: r.line, column, message });
    const code = cleanText(r.get('short_code'), 'line');
    if (!/^[\p{L}\d&]{1,20}$/u.test(code))
      problem(
        'short_code',
        `ký hiệu viết tắt gồm chữ và số, không dấu cách, tối đa 20 ký tự (ví dụ “STP”); đang ghi “${code}”.`,
      );
    else if (codeAt.has(code.toUpperCase()))
      problem('short_code', `ký hiệu ${code} đã có ở dòng ${codeAt.get(code.toUpperCase())}.`);
    else codeAt.set(code.toUpperCase(), r.line);
    const name = nameCell(r.get('name'));
    if (name.problem) problem('name', name.problem);
    else if (nameAt.has(fold(name.value)))
      problem('name', `“${name.value}” đã có ở dòng ${nameAt.get(fold(name.value))}.`);
    else nameAt.set(fold(name.value), r.line);
    const kind = r.get('kind');
    if (!/^[a-z_]{2,40}$/.test(kind))
      problem(
        'kind',
        `nhóm cơ quan viết thường, nối bằng dấu gạch dưới (ví dụ “co_quan_chuyen_mon”); đang ghi “${kind}”.`,
      );
    const aliases = r
      .get('aliases')
      .split(';')
      .map((a) => cleanText(a, 'name'))
      .filter(Boolean);
    for (const a of aliases) {
      const p = nameCell(a).problem;
      if (p) problem('aliases', `“${a}”: ${p}`);
    }
    agencies.push({ short_code: code, name: name.value, kind, aliases: aliases.join(';') });
  }
  return { communes: [] as CommuneRow[], formerUnits: [] as FormerUnitRow[], agencies };
}

/** The units a checked file adds under its province: communes with their offices, or departments. */
export function unitsFromCsv(
  parsed: ParsedUnitCsv,
  provinceCode: string,
  communeOffices: readonly CommuneOfficeRow[],
): ReferenceUnit[] {
  if (parsed.format === 'agencies') {
    return parsed.agencies.map((a) => ({
      code: `${provinceCode}.${a.short_code}`,
      parentCode: provinceCode,
      kind: 'agency' as const,
      name: a.name,
      shortName: a.short_code,
      aliases: [a.short_code, ...(a.aliases ?? '').split(';').filter(Boolean)].map(
        (name): ReferenceAlias => ({ name, kind: 'abbreviation', note: null }),
      ),
    }));
  }
  const formerBy = new Map<string, FormerUnitRow[]>();
  for (const f of parsed.formerUnits) formerBy.set(f.new_code, [...(formerBy.get(f.new_code) ?? []), f]);
  return parsed.communes.flatMap((c) => communeUnits(c, formerBy.get(c.code) ?? [], [...communeOffices], provinceCode));
}
