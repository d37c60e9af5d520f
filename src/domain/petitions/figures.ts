// The yearly figures of petitions (received, answered on time, late, open) by unit and topic, and the retention
// cut-off of personal data. Pure: the store gives one row per petition.
import { answeredOnTime } from './deadline.ts';
import { isOpen, type PetitionStatus } from './model.ts';

export interface FigureRow {
  unitId: number;
  unitName: string;
  topic: string | null;
  status: PetitionStatus;
  dueDate: string;
  closedOn: string | null;
}

export interface Figures {
  received: number;
  answeredOnTime: number;
  answeredLate: number;
  /** Closed without an answer of their own: referred, not in scope, withdrawn, merged into another. */
  closedOtherwise: number;
  open: number;
  /** Open past their due date today. */
  overdue: number;
}

export interface FigureGroup extends Figures {
  key: string;
  label: string;
}

const empty = (): Figures => ({
  received: 0,
  answeredOnTime: 0,
  answeredLate: 0,
  closedOtherwise: 0,
  open: 0,
  overdue: 0,
});

function add(f: Figures, r: FigureRow, today: string): void {
  f.received++;
  if (isOpen(r.status)) {
    f.open++;
    if (r.dueDate < today) f.overdue++;
  } else if (r.status === 'answered' && r.closedOn) {
    if (answeredOnTime(r.closedOn, r.dueDate)) f.answeredOnTime++;
    else f.answeredLate++;
  } else {
    f.closedOtherwise++;
  }
}

export function petitionFigures(rows: readonly FigureRow[], today: string, topicLabel: (t: string | null) => string) {
  const total = empty();
  const byUnit = new Map<number, FigureGroup>();
  const byTopic = new Map<string, FigureGroup>();
  for (const r of rows) {
    add(total, r, today);
    const u = byUnit.get(r.unitId) ?? { key: String(r.unitId), label: r.unitName, ...empty() };
    add(u, r, today);
    byUnit.set(r.unitId, u);
    const key = r.topic ?? 'unclassified';
    const t = byTopic.get(key) ?? { key, label: topicLabel(r.topic), ...empty() };
    add(t, r, today);
    byTopic.set(key, t);
  }
  const order = (a: FigureGroup, b: FigureGroup) => b.received - a.received || a.label.localeCompare(b.label, 'vi');
  return { total, byUnit: [...byUnit.values()].sort(order), byTopic: [...byTopic.values()].sort(order) };
}

/** The last closing day whose petitions lose their personal data today: N months back (day clamped to the month). */
export function retentionCutoff(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
