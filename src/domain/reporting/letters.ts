// Wording rules shared by the documents a reporting unit prints (compiled report, reminder letter, unit report):
// the one deadline of a reminder and how it is named, the filing line, Section I built from what the units did,
// and the narrative sections a report may not be approved without (unless confirmed). Pure.
import type { DeliverableRecord } from '../tracking/model.ts';
import type { UnitReportContent } from './model.ts';

/** "15/12/2026" (day on two digits; months 1 and 2 on two, per ND30). */
function shortDay(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return `${String(d).padStart(2, '0')}/${m <= 2 ? String(m).padStart(2, '0') : m}/${y}`;
}

function nextDay(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * The one deadline a reminder letter names: the period's own due date (the latest of its tiers) while it has not
 * passed, else a new one `graceWorkingDays` working days from today. `lastDay` is the last day on time.
 */
export function reminderDeadline(
  latestDue: string,
  today: string,
  addWorkingDays: (day: string, n: number) => string,
  graceWorkingDays = 5,
): { lastDay: string; extended: boolean } {
  if (today <= latestDue) return { lastDay: latestDue, extended: false };
  return { lastDay: addWorkingDays(today, graceWorkingDays), extended: true };
}

/**
 * How every document names a deadline: "trước ngày 15/12/2026" for a last day of 14/12/2026, as the plan words its
 * own ("trước ngày 15 tháng 12 hằng năm"). The one function, so the opening and the closing cannot differ.
 */
export function deadlinePhraseOf(lastDay: string): string {
  return `trước ngày ${shortDay(nextDay(lastDay))}`;
}

/** "Lưu: VT, SKHCN": the văn thư's copy and the drafting division's [ND30 II.9b]. */
export { archiveLine } from '../org/document-settings.ts';

/** Deliverables that tell of leadership and direction: documents issued, plans, conferences held. */
const LEADERSHIP_KINDS: ReadonlySet<DeliverableRecord['kind']> = new Set(['document', 'plan', 'conference']);

const stop = (s: string) => s.trim().replace(/[.;:,]+$/u, '');

function describeLeadership(d: DeliverableRecord): string {
  const parts = [
    d.documentNumber ? `số ${d.documentNumber}` : null,
    `ngày ${shortDay(d.occurredOn)}`,
    d.participants ? `${d.participants} người tham dự` : null,
  ].filter(Boolean);
  return `${stop(d.title)} (${parts.join(', ')})`;
}

/**
 * Section I of a compiled report from what the units reported: per unit, the leadership documents and plans it
 * issued and the conferences it held in the period, one line per unit ("Sở Y tế: ban hành …; tổ chức …"), units in
 * the order given; a unit's typed Section I is used when it has no such deliverable.
 */
export function leadershipLines(
  contents: ReadonlyArray<{ unitName: string; content: UnitReportContent }>,
  maxUnits = 40,
): string[] {
  const lines: string[] = [];
  let more = 0;
  for (const c of contents) {
    const ds = (c.content.tasks ?? [])
      .flatMap((t) => t.deliverables)
      .filter((d) => LEADERSHIP_KINDS.has(d.kind) && d.occurredOn >= c.content.window.from)
      .sort((a, b) => a.occurredOn.localeCompare(b.occurredOn));
    const docs = ds.filter((d) => d.kind !== 'conference').map(describeLeadership);
    const confs = ds.filter((d) => d.kind === 'conference').map(describeLeadership);
    const typed = stop(c.content.narrative?.leadership ?? '');
    const parts = [
      docs.length ? `ban hành ${docs.join('; ')}` : null,
      confs.length ? `tổ chức ${confs.join('; ')}` : null,
    ].filter(Boolean);
    if (!parts.length && !typed) continue;
    if (lines.length >= maxUnits) {
      more++;
      continue;
    }
    lines.push(`${c.unitName}: ${parts.length ? parts.join('; ') : typed.replace(/\n+/g, '; ')}.`);
  }
  if (more) lines.push(`Và ${more} cơ quan, đơn vị khác (chi tiết tại báo cáo của từng đơn vị).`);
  return lines;
}

/** The narrative sections a report should not be approved without, with their titles in the Báo cáo outline. */
export const REQUIRED_SECTIONS: ReadonlyArray<{ key: keyof UnitReportContent['narrative']; title: string }> = [
  { key: 'leadership', title: 'I. Công tác lãnh đạo, chỉ đạo, triển khai thực hiện' },
  { key: 'results', title: 'II. Kết quả thực hiện' },
  { key: 'assessment', title: 'III. Đánh giá chung' },
  { key: 'nextSteps', title: 'IV. Phương hướng, nhiệm vụ trọng tâm thời gian tới' },
];

/** The required sections left empty (whitespace only counts as empty), in the outline's order. */
export function emptyRequiredSections(
  narrative: Partial<UnitReportContent['narrative']> | undefined,
): Array<(typeof REQUIRED_SECTIONS)[number]> {
  return REQUIRED_SECTIONS.filter((s) => !(narrative?.[s.key] ?? '').trim());
}
