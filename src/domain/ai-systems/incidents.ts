// Deadlines of a serious incident (decree 142 Đ19.3–4): a preliminary report within 72 hours of its confirmation in
// the urgent cases (loss of life or health, essential services, security; uncontrolled rights infringement), within
// 5 working days in the others; the official report on remediation within 15 days of the preliminary report.
import type { CalendarConfig } from '../calendar/holidays.ts';
import { addDays } from '../calendar/lunar.ts';
import { addWorkingDays, adjustToWorkingDay } from '../calendar/working-days.ts';
import type { Severity } from './model.ts';

export const DEADLINE_KIND_LABEL = {
  preliminaryUrgent: 'Báo cáo ban đầu (trường hợp khẩn cấp): 72 giờ kể từ khi phát hiện',
  preliminary: 'Báo cáo ban đầu (các trường hợp khác): 05 ngày làm việc',
  official: 'Báo cáo chính thức về khắc phục: 15 ngày kể từ báo cáo ban đầu',
} as const;
export type DeadlineKind = keyof typeof DEADLINE_KIND_LABEL;

export interface IncidentDeadline {
  kind: DeadlineKind;
  /** ISO instant. */
  dueAt: string;
}

/** The calendar day in Việt Nam (UTC+7) of an instant. */
export function vietnamDay(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The last instant of a Vietnamese calendar day. */
function endOfVietnamDay(day: string): string {
  return new Date(`${day}T23:59:59.999+07:00`).toISOString();
}

/**
 * A serious incident's deadlines, counted from its detection. The 15 days of the official report run from the
 * preliminary report; until one is filed they are counted from the latest preliminary deadline (our reading: the
 * latest day the official report can be due), and land on the next working day when they end on a day off.
 */
export function incidentDeadlines(severity: Severity, detectedAt: Date, cal: CalendarConfig): IncidentDeadline[] {
  if (severity !== 'serious') return [];
  const urgent = new Date(detectedAt.getTime() + 72 * 3_600_000).toISOString();
  const preliminaryDay = addWorkingDays(vietnamDay(detectedAt), 5, cal);
  const officialDay = adjustToWorkingDay(addDays(preliminaryDay, 15), 'after', cal);
  return [
    { kind: 'preliminaryUrgent', dueAt: urgent },
    { kind: 'preliminary', dueAt: endOfVietnamDay(preliminaryDay) },
    { kind: 'official', dueAt: endOfVietnamDay(officialDay) },
  ];
}

/** Consequence kinds of Mẫu AI01a (III), as guidance for "serious" (Đ19.1 a–d). */
export const CONSEQUENCE_LABEL = {
  life: 'Tính mạng, sức khỏe',
  property: 'Tài sản',
  rights: 'Quyền con người, quyền riêng tư',
  publicService: 'Dịch vụ công, dịch vụ thiết yếu',
  security: 'An ninh quốc gia, trật tự an toàn xã hội',
} as const;
export type Consequence = keyof typeof CONSEQUENCE_LABEL;
