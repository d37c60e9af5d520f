// Vietnamese formatting: dates dd/mm/yyyy (Vietnam time), labels of roles, unit kinds and statuses, collation.
// The labels the server also prints (roles, unit kinds, task and report states…) are the domain's own records
// (src/domain, pure modules), so the web and the documents the server prints use the same words by construction.
import type { DeliverableKind, ReportStatus, Role, SubmissionState, TaskStatus, UnitKind } from './api/types.ts';
import { UNIT_KIND_LABEL } from '../../src/domain/org/unit.ts';
import { shorten } from '../../src/domain/text.ts';
import { ROLE_LABEL } from '../../src/domain/permissions.ts';
import { REPORT_STATUS_LABEL } from '../../src/domain/reporting/model.ts';
import { AI_PLAN_YEARLY_SCHEDULE, periodFor } from '../../src/domain/reporting/period.ts';
import { SUBMISSION_STATE_LABEL } from '../../src/domain/reporting/rollup.ts';
import {
  ASSIGNMENT_ROLE_LABEL,
  DELIVERABLE_KIND_LABEL,
  OBSTACLE_KIND_LABEL,
  OBSTACLE_STATUS_LABEL,
  TASK_STATUS_LABEL,
} from '../../src/domain/tracking/model.ts';

export {
  shorten,
  ASSIGNMENT_ROLE_LABEL,
  DELIVERABLE_KIND_LABEL,
  OBSTACLE_KIND_LABEL,
  OBSTACLE_STATUS_LABEL,
  REPORT_STATUS_LABEL,
  ROLE_LABEL,
  SUBMISSION_STATE_LABEL,
  TASK_STATUS_LABEL,
  UNIT_KIND_LABEL,
};

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Vietnamese collation for every sorted list ("Đ" after "D", accents ordered as Vietnamese readers expect). */
export const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

export function sortByVi<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => collator.compare(key(a), key(b)));
}

const dateParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(value: string | Date): Record<string, string> | null {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return null;
  return Object.fromEntries(dateParts.formatToParts(d).map((p) => [p.type, p.value]));
}

/** 22/11/2026 */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  const p = parts(value);
  return p ? `${p.day}/${p.month}/${p.year}` : '';
}

/** 22/11/2026 08:05 */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const p = parts(value);
  return p ? `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}` : '';
}

/** A calendar date (no time) as the API wants it: YYYY-MM-DD. */
export function toIsoDate(d: Date): string {
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

export function roleLabel(role: string): string {
  return ROLE_LABEL[role as Role] ?? role;
}

export function rolesLabel(roles: readonly string[]): string {
  return roles.map(roleLabel).join(', ');
}

export function unitKindLabel(kind: string): string {
  return UNIT_KIND_LABEL[kind as UnitKind] ?? kind;
}

export const UNIT_STATUS_LABEL: Record<string, string> = {
  active: 'Đang hoạt động',
  merged: 'Đã sáp nhập',
  retired: 'Đã giải thể',
};

export function unitStatusLabel(status: string): string {
  return UNIT_STATUS_LABEL[status] ?? status;
}

export {
  AUDIT_ACTION_LABEL,
  ENTITY_TYPE_LABEL,
  auditActionLabel,
  entityTypeLabel,
} from '../../src/domain/audit-labels.ts';

/** "1 đơn vị", "12 đơn vị": Vietnamese nouns don't inflect, but numbers read better grouped. */
export function count(n: number, noun: string): string {
  return `${formatNumber(n)} ${noun}`;
}

/**
 * Reads a date typed the Vietnamese way — 22/11/2026, 2/3/2026, 22-11-2026, 22.11.2026 (or 2026-11-22) —
 * as YYYY-MM-DD; null when it is not a real calendar date.
 */
export function parseViDate(text: string): string | null {
  const s = text.trim();
  let d: number, m: number, y: number;
  const vi = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (vi) [d, m, y] = [Number(vi[1]), Number(vi[2]), Number(vi[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A calendar date as the API sends it (YYYY-MM-DD) in the Vietnamese way: 04/05/2026 (no time-zone shift). */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Today in Việt Nam as YYYY-MM-DD. */
export function todayVn(now = new Date()): string {
  const p = parts(now);
  return p ? `${p.year}-${p.month}-${p.day}` : toIsoDate(now);
}

/**
 * The reporting year a day belongs to: the year runs 15/12 → 14/12, so from 15/12 on it is the next year's
 * (the domain's own periodFor, for the yearly regime of the AI plan).
 */
export function reportingYear(today = todayVn()): number {
  return periodFor(today, AI_PLAN_YEARLY_SCHEDULE).year;
}

/**
 * "15/12/2025 – 14/12/2026": the data window of a reporting year (that of AI_PLAN_YEARLY_SCHEDULE). Written out
 * rather than asked of the domain's periodByKey, which throws on a year that is not four digits: pages pass the
 * year straight from the address (?nam=).
 */
export function reportingYearWindow(year: number): string {
  return `15/12/${year - 1} – 14/12/${year}`;
}

// ---------------------------------------------------------------- Numbers: one formatter (Intl, vi-VN) for the app,
// so every number on screen has the Vietnamese decimal comma and grouped thousands: "28.450", "0,72", "45,5%".

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(min: number, max: number): Intl.NumberFormat {
  const key = `${min}-${max}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: min, maximumFractionDigits: max });
    numberFormats.set(key, f);
  }
  return f;
}

/** "28.450", "1,25": at most `maxDecimals` digits after the comma (3, as Intl does, unless told). */
export function formatNumber(n: number, maxDecimals = 3): string {
  return numberFormat(0, maxDecimals).format(n);
}

/** Exactly `decimals` digits after the comma: "0,72". */
export function formatDecimal(n: number, decimals: number): string {
  return numberFormat(decimals, decimals).format(n);
}

/** A percentage already in percent: "45,5%", "100%". */
export function formatPercent(n: number, maxDecimals = 1): string {
  return `${formatNumber(n, maxDecimals)}%`;
}

/** A share between 0 and 1 as a percentage: 0.72 → "72%". */
export function formatShare(fraction: number, maxDecimals = 0): string {
  return formatPercent(fraction * 100, maxDecimals);
}

/** "1,5 MB", "320 KB", "900 B" (as the server words sizes). */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(bytes / (1024 * 1024), 1)} MB`;
  if (bytes >= 1024) return `${formatNumber(Math.round(bytes / 1024), 0)} KB`;
  return `${formatNumber(bytes)} B`;
}

// ---------------------------------------------------------------- Theo dõi, báo cáo (the labels are the domain's: see the
// imports above; src/domain/tracking/model.ts, src/domain/reporting/model.ts, rollup.ts)

export function taskStatusLabel(status: string): string {
  return TASK_STATUS_LABEL[status as TaskStatus] ?? status;
}

export function deliverableKindLabel(kind: string): string {
  return DELIVERABLE_KIND_LABEL[kind as DeliverableKind] ?? kind;
}

export function reportStatusLabel(status: string): string {
  return REPORT_STATUS_LABEL[status as ReportStatus] ?? status;
}

export function submissionStateLabel(state: string): string {
  return SUBMISSION_STATE_LABEL[state as SubmissionState] ?? state;
}
