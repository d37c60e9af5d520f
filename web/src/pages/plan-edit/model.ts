// The draft as the form holds it (text fields, one task per row with its original), back to a PlanDraft for PUT,
// the browser's checks, and the server's issue paths mapped onto the form's fields.
import { ISSUED_NUMBER } from '../../../../src/domain/plan/lifecycle.ts';
import { parseTimeframe } from '../../../../src/domain/plan/timeframe.ts';
import { isApiError } from '../../api/client.ts';
import type { PlanDraft, PlanTask, UnitRef } from '../../api/types.ts';
import { parseYear } from '../../components/plans/planFormat.ts';

export interface TaskForm {
  key: string;
  number: string;
  title: string;
  content: string;
  lead: UnitRef[];
  coordinators: UnitRef[];
  timeframe: string;
  deliverables: string;
  original: PlanTask | null;
}

export interface EditForm {
  title: string;
  issuerText: string;
  number: string;
  symbol: string;
  place: string;
  date: string | null;
  year: string;
  signerName: string;
  recipients: string;
  tasks: TaskForm[];
}

export type Errors = Record<string, string>;

let keySeq = 0;
export const newKey = () => `t${++keySeq}`;

export function toForm(draft: PlanDraft): EditForm {
  const d = draft.document;
  return {
    title: d.title,
    issuerText: d.issuer?.text ?? '',
    number: d.number ?? '',
    symbol: d.symbol ?? '',
    place: d.place ?? '',
    date: d.date,
    year: d.year ? String(d.year) : '',
    signerName: d.signer?.name ?? '',
    recipients: d.recipients.join('\n'),
    tasks: draft.tasks.map((t) => ({
      key: newKey(),
      number: t.number,
      title: t.title,
      content: t.content ?? '',
      lead: t.lead,
      coordinators: t.coordinators,
      timeframe: t.timeframe.text,
      deliverables: t.deliverables.join('\n'),
      original: t,
    })),
  };
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((x) =>
      x
        .trim()
        .replace(/^[-–•+]\s*/, '')
        .replace(/[;.]+$/, ''),
    )
    .filter(Boolean);

export function toDraft(base: PlanDraft, f: EditForm): PlanDraft {
  const year = parseYear(f.year) ?? (f.date ? Number(f.date.slice(0, 4)) : base.document.year);
  const groupNumbers = new Set(base.groups.map((g) => g.number));
  const signer = f.signerName.trim()
    ? {
        ...(base.document.signer ?? {
          authority: 'TM' as const,
          lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
          name: null,
        }),
        name: f.signerName.trim(),
      }
    : base.document.signer
      ? { ...base.document.signer, name: null }
      : null;
  return {
    ...base,
    findings: [],
    document: {
      ...base.document,
      title: f.title.trim(),
      issuer:
        base.document.issuer && f.issuerText.trim() && f.issuerText.trim() !== base.document.issuer.text
          ? { ...base.document.issuer, text: f.issuerText.trim() }
          : base.document.issuer,
      number: f.number.trim() || null,
      symbol: f.symbol.trim() || null,
      place: f.place.trim() || null,
      date: f.date,
      year: year ?? null,
      signer,
      recipients: lines(f.recipients),
    },
    tasks: f.tasks.map((t) => {
      const o = t.original;
      const number = t.number.trim();
      const parentNumber = number.includes('.') ? number.slice(0, number.lastIndexOf('.')) : null;
      const text = t.timeframe.trim();
      return {
        ...(o ?? { notes: null, parentTask: null }),
        number,
        title: t.title.trim(),
        content: t.content.trim() || null,
        lead: t.lead,
        coordinators: t.coordinators,
        // The schedule is read again only when the text changed (the server keeps what it is sent).
        timeframe: o && o.timeframe.text === text ? o.timeframe : parseTimeframe(text, { year: year ?? null }),
        deliverables: lines(t.deliverables),
        groupNumber:
          o && o.number === number
            ? o.groupNumber
            : parentNumber && groupNumbers.has(parentNumber)
              ? parentNumber
              : null,
        notes: o?.notes ?? null,
        parentTask: o?.parentTask ?? null,
      } satisfies PlanTask;
    }),
  };
}

export function validate(f: EditForm): Errors {
  const e: Errors = {};
  if (!f.title.trim()) e.title = 'Nhập trích yếu của kế hoạch.';
  if (f.number.trim() && !ISSUED_NUMBER.test(f.number.trim())) {
    e.number = 'Số văn bản chỉ gồm chữ số (để trống khi chưa ban hành).';
  }
  if (f.year.trim() && parseYear(f.year) === null) e.year = 'Năm gồm 4 chữ số, ví dụ 2026.';
  const seen = new Map<string, number>();
  f.tasks.forEach((t, i) => {
    const n = t.number.trim();
    if (!n) e[`tasks.${i}.number`] = 'Nhập số thứ tự, ví dụ 1 hoặc 3.1.';
    else if (!/^[\p{L}\p{N}]+(\.[\p{L}\p{N}]+)*$/u.test(n))
      e[`tasks.${i}.number`] = 'Số thứ tự gồm số và dấu chấm, ví dụ 3.1.';
    else if (seen.has(n)) e[`tasks.${i}.number`] = `Số ${n} trùng với nhiệm vụ thứ ${seen.get(n)! + 1}.`;
    else seen.set(n, i);
    if (!t.title.trim()) e[`tasks.${i}.title`] = 'Nhập tên nhiệm vụ (việc phải làm).';
  });
  return e;
}

const HEADER_FIELDS = ['title', 'issuerText', 'number', 'symbol', 'place', 'date', 'year', 'signerName', 'recipients'];
const TASK_FIELD = /^tasks\.\d+\.(number|title|content|lead|coordinators|timeframe|deliverables)$/;

/**
 * The server's issues as form paths ("draft.document.title" → "title", "draft.tasks.2.timeframe.text" →
 * "tasks.2.timeframe"), and the raw paths the form shows under a field (the others go above the save button).
 */
export function serverErrors(err: unknown): { byField: Errors; shown: string[] } {
  const byField: Errors = {};
  const shown: string[] = [];
  if (!isApiError(err)) return { byField, shown };
  for (const i of err.issues) {
    let p = i.path.replace(/^draft\./, '');
    if (p.startsWith('document.'))
      p = p
        .slice('document.'.length)
        .replace(/^signer\.name$/, 'signerName')
        .split('.')[0]!;
    else if (p.startsWith('tasks.')) p = p.split('.').slice(0, 3).join('.');
    if (HEADER_FIELDS.includes(p) || TASK_FIELD.test(p) || p === 'tasks') {
      shown.push(i.path);
      if (!byField[p]) byField[p] = i.message;
    }
  }
  return { byField, shown };
}
