// Plans in words: status labels and tones, document numbers, calendar dates, finding locations, the "06 rõ" marks.
import type { Finding, PlanStatus, PlanTask, Schedule, Severity, UnitRef } from '../../api/types.ts';
import type { Tone } from '../StatusBadge.tsx';
import { PLAN_STATUS_LABEL } from '../../../../src/domain/plan/model.ts';
import { formatNumber } from '../../format.ts';

/** The domain's own words (src/domain/plan/model.ts), as the server prints them. */
export { PLAN_STATUS_LABEL };

export function planStatusLabel(status: string): string {
  return PLAN_STATUS_LABEL[status as PlanStatus] ?? status;
}

const STATUS_TONE: Record<PlanStatus, Tone> = {
  draft: 'gray',
  submitted: 'orange',
  approved: 'blue',
  issued: 'green',
  amended: 'gray',
  superseded: 'gray',
};

export function planStatusTone(status: string): Tone {
  return STATUS_TONE[status as PlanStatus] ?? 'gray';
}

/** "129/KH-UBND"; "Chưa có số" for a draft. */
export function docNumber(number: string | null | undefined, symbol: string | null | undefined): string {
  if (number && symbol) return `${number}/${symbol}`;
  if (number) return `Số ${number}`;
  return symbol ? `Chưa có số (…/${symbol})` : 'Chưa có số';
}

/** A calendar date as the API sends it (YYYY-MM-DD) in the Vietnamese way: 04/05/2026. */
export function formatIsoDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Accent- and case-folded text for matching typed searches ("nam sam son" finds "Nam Sầm Sơn"). */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Lưu ý' };
export const SEVERITY_HEADING: Record<Severity, string> = { error: 'Lỗi cần sửa', warning: 'Cảnh báo', info: 'Lưu ý' };
export const SEVERITY_TONE: Record<Severity, Tone> = { error: 'red', warning: 'orange', info: 'blue' };

const FIELD_LABEL: Record<string, string> = {
  title: 'Tên nhiệm vụ',
  content: 'Nội dung',
  lead: 'Chủ trì',
  coordinators: 'Phối hợp',
  timeframe: 'Thời gian',
  deliverables: 'Sản phẩm',
  notes: 'Ghi chú',
  tasks: 'Nhiệm vụ',
};

const DOCUMENT_FIELD_LABEL: Record<string, string> = {
  title: 'Trích yếu',
  issuer: 'Cơ quan ban hành',
  basis: 'Căn cứ',
  place: 'Địa danh',
  number: 'Số văn bản',
  date: 'Ngày ban hành',
  recipients: 'Nơi nhận',
  text: 'Nội dung',
  document: 'Phần đầu văn bản',
  signer: 'Người ký',
  lead: 'Chủ trì (các nhiệm vụ)',
  coordinators: 'Phối hợp (các nhiệm vụ)',
};

export function fieldLabel(field: string | undefined, inTask: boolean): string | null {
  if (!field) return null;
  return (inTask ? FIELD_LABEL[field] : (DOCUMENT_FIELD_LABEL[field] ?? FIELD_LABEL[field])) ?? null;
}

/** "Nhiệm vụ 3.2 · Sản phẩm · dòng 54", "Mục IV · dòng 83", "Trích yếu". */
export function locationLabel(loc: Finding['location']): string {
  const parts: string[] = [];
  if (loc.task) parts.push(`Nhiệm vụ ${loc.task}`);
  else if (loc.section) parts.push(`Mục ${loc.section}`);
  const f = fieldLabel(loc.field, !!loc.task);
  if (f && !(loc.section && !loc.task && loc.field === 'text')) parts.push(f);
  if (loc.line) parts.push(`dòng ${loc.line}`);
  return parts.join(' · ') || 'Toàn kế hoạch';
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
}

/** Element id of a task on a page, for links and scrolling ("nhiem-vu-3-2"). */
export function taskAnchorId(number: string, prefix = 'nhiem-vu'): string {
  return `${prefix}-${number.replace(/[^\p{L}\p{N}]+/gu, '-')}`;
}

/** A unit name the reader should check: not found in the register, or found with low confidence. */
export function isUncertainRef(ref: UnitRef): boolean {
  if (ref.group) return ref.confidence < 0.9;
  return ref.unitId === null || ref.confidence < 0.9;
}

// ---------------------------------------------------------------- "06 rõ"

export type ClarityKey = 'nguoi' | 'viec' | 'thoiGian' | 'ketQua';
export type ClarityState = 'ok' | 'note' | 'problem';

/** The four marks shown per task, each read from the lint codes about it. */
export const CLARITY: ReadonlyArray<{ key: ClarityKey; label: string; codes: readonly string[] }> = [
  {
    key: 'nguoi',
    label: 'Rõ người',
    codes: ['task.lead.missing', 'task.lead.group', 'task.lead.outsideIssuer', 'task.lead.multiple'],
  },
  { key: 'viec', label: 'Rõ việc', codes: ['task.title.missing', 'task.action.missing'] },
  {
    key: 'thoiGian',
    label: 'Rõ thời gian',
    codes: ['task.timeframe.missing', 'task.timeframe.unreadable', 'task.timeframe.noDeadline'],
  },
  {
    key: 'ketQua',
    label: 'Rõ kết quả',
    codes: ['task.deliverable.missing', 'task.deliverable.vague', 'task.deliverable.activity'],
  },
];

export interface ClarityMark {
  key: ClarityKey;
  label: string;
  state: ClarityState;
  findings: Finding[];
}

/** Red ("problem") when an error or a warning of the mark's codes is on the task; "note" for a mere remark. */
export function clarityOf(taskFindings: readonly Finding[]): ClarityMark[] {
  return CLARITY.map((c) => {
    const found = taskFindings.filter((f) => c.codes.includes(f.code));
    const state: ClarityState = found.some((f) => f.severity !== 'info') ? 'problem' : found.length ? 'note' : 'ok';
    return { key: c.key, label: c.label, state, findings: found };
  });
}

/** Findings about each task, by task number. */
export function findingsByTask(findings: readonly Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.location.task) continue;
    const list = map.get(f.location.task) ?? [];
    list.push(f);
    map.set(f.location.task, list);
  }
  return map;
}

/** Group heading of a task, when the task sits under one ("3." over "3.1"). */
export function groupOf(
  task: PlanTask,
  groups: ReadonlyArray<{ number: string; title: string }>,
): { number: string; title: string } | null {
  const n = task.groupNumber ?? (task.number.includes('.') ? task.number.slice(0, task.number.lastIndexOf('.')) : null);
  return n ? (groups.find((g) => g.number === n) ?? null) : null;
}

/** "1,2 giây" / "850 mili giây". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} mili giây`;
  return `${formatNumber(ms / 1000, 1)} giây`;
}

const RECURRENCE: Record<string, string> = { yearly: 'hằng năm', quarterly: 'hằng quý', monthly: 'hằng tháng' };

/** How a timeframe was read, in words: "Hạn 31/12/2026", "Hằng năm, trước ngày 15/12", "Từ 01/01/2026, không có mốc kết thúc". */
export function describeSchedule(s: Schedule | null): string {
  if (!s) return 'Chưa đọc được mốc thời gian';
  const pad = (n: number) => String(n).padStart(2, '0');
  switch (s.kind) {
    case 'continuous':
      return 'Thường xuyên (theo dõi theo kỳ báo cáo)';
    case 'recurring': {
      const every = RECURRENCE[s.recurrence ?? ''] ?? 'định kỳ';
      return s.dueDay
        ? `${every[0]!.toUpperCase()}${every.slice(1)}, trước ngày ${pad(s.dueDay.day)}/${pad(s.dueDay.month)}`
        : `${every[0]!.toUpperCase()}${every.slice(1)}`;
    }
    case 'deadline':
      return s.dueDates.length
        ? `Hạn ${s.dueDates.map(formatIsoDate).join(', ')}`
        : s.end
          ? `Hạn ${formatIsoDate(s.end)}`
          : 'Có hạn hoàn thành';
    case 'period': {
      const from = s.start ? `Từ ${formatIsoDate(s.start)}` : 'Từ nay';
      const to = s.end ? ` đến ${formatIsoDate(s.end)}` : ', không có mốc kết thúc';
      return `${from}${to}${s.recurrence ? ` (${RECURRENCE[s.recurrence]})` : ''}`;
    }
  }
}

/** "2026" → 2026; null when not a plausible year. */
export function parseYear(text: string): number | null {
  const t = text.trim();
  if (!/^\d{4}$/.test(t)) return null;
  const y = Number(t);
  return y >= 1990 && y <= 2100 ? y : null;
}
