// Task fields as written in plans: "a) Cơ quan chủ trì: …", "- Đơn vị phối hợp: …", "Thời gian thực hiện: …",
// "Sản phẩm: …", also several on one line ("Cơ quan chủ trì: …; cơ quan phối hợp: …").
import type { TaskField } from '../../domain/plan/model.ts';
import { foldSameLength } from '../../domain/org/resolve.ts';
import { normalizeText } from '../../domain/text.ts';

export interface FieldValue {
  field: TaskField;
  /** The label as written, without the colon: "Cơ quan chủ trì". */
  label: string;
  value: string;
}

/** Labels on folded text. Order matters: "phối hợp" before "chủ trì" is irrelevant, both are anchored. */
const LABELS: Array<[TaskField, RegExp]> = [
  ['lead', /^(?:(?:co quan|don vi|bo phan|phong|so)\s+)?chu tri(?:\s+thuc hien)?\s*:/],
  ['coordinators', /^(?:(?:co quan|don vi|bo phan)\s+)?phoi hop(?:\s+thuc hien)?\s*:/],
  ['timeframe', /^(?:thoi gian|thoi han|tien do)(?:\s+(?:thuc hien|hoan thanh|trien khai))?\s*:/],
  [
    'deliverables',
    /^(?:san pham|ket qua)(?:\s+(?:dau ra|du kien|chu yeu|can dat|thuc hien))?(?:\s*\/\s*(?:ket qua|san pham))?\s*:/,
  ],
  ['content', /^noi dung(?:\s+(?:thuc hien|cong viec|nhiem vu))?\s*:/],
  ['notes', /^ghi chu\s*:/],
];

/** List markers before a label: "a)", "đ)", "b.", "-", "+", "•". */
const MARKER = /^(?:[a-zđ][).]|[-+•–*])\s+/u;

function matchLabel(text: string): { field: TaskField; length: number } | null {
  const f = foldSameLength(text);
  for (const [field, re] of LABELS) {
    const m = re.exec(f);
    if (m) return { field, length: m[0].length };
  }
  return null;
}

/**
 * Reads the fields of one line; null when the line has no field label. A value may hold further labelled fields
 * after ";" or "." ("Cơ quan chủ trì: Sở Tài chính; cơ quan phối hợp: các sở, ngành").
 */
export function readFields(line: string): FieldValue[] | null {
  const text = normalizeText(line).replace(MARKER, '');
  const first = matchLabel(text);
  if (!first) return null;
  const out: FieldValue[] = [];
  let label = text.slice(0, first.length).replace(/\s*:$/u, '');
  let field = first.field;
  let rest = text.slice(first.length);
  for (;;) {
    let cut: { at: number; field: TaskField; length: number } | null = null;
    for (const m of rest.matchAll(/[;.]\s+/gu)) {
      const after = rest.slice(m.index + m[0].length);
      const next = matchLabel(after);
      if (next) {
        cut = { at: m.index, field: next.field, length: m[0].length };
        break;
      }
    }
    if (!cut) {
      out.push({ field, label, value: normalizeText(rest) });
      return out;
    }
    out.push({ field, label, value: normalizeText(rest.slice(0, cut.at)) });
    const after = rest.slice(cut.at + cut.length);
    const next = matchLabel(after)!;
    label = after.slice(0, next.length).replace(/\s*:$/u, '');
    field = next.field;
    rest = after.slice(next.length);
  }
}

/**
 * The product named at the end of a task's sentence: "Sở X chủ trì …; hoàn thành trong Quý IV/2026. Sản phẩm: báo
 * cáo." → the sentence and "báo cáo". Only a "Sản phẩm"/"Kết quả" label after a sentence break, and only when
 * nothing else labelled follows it.
 */
export function trailingDeliverables(text: string): { before: string; label: string; value: string } | null {
  for (const m of text.matchAll(/[;.]\s+/gu)) {
    const fields = readFields(text.slice(m.index + m[0].length));
    if (fields?.length === 1 && fields[0]!.field === 'deliverables' && fields[0]!.value)
      return { before: text.slice(0, m.index + 1), label: fields[0]!.label, value: fields[0]!.value };
  }
  return null;
}

/** Splits at a separator outside parentheses and quotes. */
function splitOutside(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(' || ch === '“') depth++;
    if (ch === ')' || ch === '”') depth = Math.max(0, depth - 1);
    if (ch === sep && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/**
 * "Hội nghị, tọa đàm, tài liệu phổ biến" → three deliverables. When the text uses ";" it separates the items and
 * commas stay inside them ("Tiêu chuẩn, quy chuẩn kỹ thuật; tài liệu hướng dẫn").
 */
export function splitDeliverables(text: string): string[] {
  const t = normalizeText(text).replace(/[.;,\s]+$/u, '');
  if (!t) return [];
  const sep = splitOutside(t, ';').length > 1 ? ';' : ',';
  return splitOutside(t, sep)
    .map((s) => normalizeText(s).replace(/^(?:và|cùng)\s+/u, ''))
    .filter(Boolean);
}

/** "1. Tổ chức …", "3.1. Lồng ghép …", "3.1 Lồng ghép …", "2) …": number and title, or null. */
export function numberedHeading(text: string): { number: string; title: string } | null {
  // Up to three digits: a long provincial plan numbers a few hundred tasks; "2030 …" (a year) is never an item.
  const m = /^(\d{1,3}(?:\.\d{1,2})*)(?:\.|\))?\s+(\S.*)$/u.exec(text);
  if (!m) return null;
  const multi = m[1]!.includes('.');
  const marked = /^\d{1,3}(?:\.\d{1,2})*[.)]\s/u.test(text);
  if (!multi && !marked) return null; // "2030 …" or "05 năm" are not numbered items
  return { number: m[1]!, title: normalizeText(m[2]!) };
}
