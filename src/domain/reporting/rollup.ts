// Roll-up of a reporting period (the DHIS2 model: expected / received / on time per unit, totals computed, never
// retyped): the state of each expected unit, the totals, and indicators summed or maxed up the unit tree. Pure.
import type { IndicatorDef, ReportStatus } from './model.ts';
import { aggregateIndicators } from './indicators.ts';

/**
 * Where an expected unit stands for a period:
 * - onTime / late: its report was received (submitted or accepted), on or before / after its due date;
 * - returned: the receiving unit sent it back and it has not been sent again;
 * - missing: nothing received and the due date has passed;
 * - pending: nothing received yet, the due date has not passed.
 */
export type SubmissionState = 'onTime' | 'late' | 'missing' | 'returned' | 'pending';

export const SUBMISSION_STATE_LABEL: Record<SubmissionState, string> = {
  onTime: 'Đúng hạn',
  late: 'Quá hạn',
  missing: 'Chưa gửi, quá hạn',
  returned: 'Bị trả lại',
  pending: 'Chưa đến hạn',
};

export interface ReportFact {
  status: ReportStatus;
  /** Whether the last submission came after the due date. */
  late: boolean | null;
}

export const isReceived = (status: ReportStatus | null | undefined): boolean =>
  status === 'submitted' || status === 'accepted';

export function submissionState(
  report: ReportFact | null | undefined,
  dueDate: string,
  today: string,
): SubmissionState {
  if (report && isReceived(report.status)) return report.late ? 'late' : 'onTime';
  if (report?.status === 'returned') return 'returned';
  return today > dueDate ? 'missing' : 'pending';
}

export interface RollupTotals {
  expected: number;
  /** Submitted or accepted. */
  received: number;
  onTime: number;
  late: number;
  returned: number;
  missing: number;
  pending: number;
  /** Of the received, those the receiving unit accepted. */
  accepted: number;
  /** Not received: a draft or an approved report exists (work under way). */
  drafting: number;
  /** received / expected, 0–100, one decimal. */
  receivedRate: number;
  /** onTime / expected, 0–100, one decimal. */
  onTimeRate: number;
}

export interface RollupRow {
  state: SubmissionState;
  status: ReportStatus | null;
}

const rate = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : 0);

export function totalsOf(rows: readonly RollupRow[]): RollupTotals {
  const t = {
    expected: rows.length,
    received: 0,
    onTime: 0,
    late: 0,
    returned: 0,
    missing: 0,
    pending: 0,
    accepted: 0,
    drafting: 0,
  };
  for (const r of rows) {
    t[r.state]++;
    if (r.state === 'onTime' || r.state === 'late') t.received++;
    if (r.status === 'accepted') t.accepted++;
    if (r.status === 'draft' || r.status === 'approved') t.drafting++;
  }
  return { ...t, receivedRate: rate(t.received, t.expected), onTimeRate: rate(t.onTime, t.expected) };
}

/** Totals per group (e.g. per unit kind: sở, ban, ngành / xã / phường), in the order groups first appear. */
export function totalsBy<K extends string>(
  rows: ReadonlyArray<RollupRow & { group: K }>,
): Array<{ group: K; totals: RollupTotals }> {
  const groups = new Map<K, RollupRow[]>();
  for (const r of rows) {
    const list = groups.get(r.group) ?? [];
    list.push(r);
    groups.set(r.group, list);
  }
  return [...groups].map(([group, list]) => ({ group, totals: totalsOf(list) }));
}

export interface TreeNode {
  id: number;
  parentId: number | null;
}

/**
 * Indicator values of each node's subtree: its own values aggregated with all its descendants' (sum or max per
 * indicator). Nodes whose parent is not in the list are roots. Cycles are ignored (each node counted once).
 */
export function rollUpTree(
  nodes: readonly TreeNode[],
  own: ReadonlyMap<number, Readonly<Record<string, number>>>,
  defs: readonly IndicatorDef[],
): Map<number, Record<string, number>> {
  const ids = new Set(nodes.map((n) => n.id));
  const children = new Map<number, number[]>();
  for (const n of nodes) {
    if (n.parentId === null || !ids.has(n.parentId) || n.parentId === n.id) continue;
    const list = children.get(n.parentId) ?? [];
    list.push(n.id);
    children.set(n.parentId, list);
  }
  const out = new Map<number, Record<string, number>>();
  const visiting = new Set<number>();
  const visit = (id: number): Record<string, number> => {
    const done = out.get(id);
    if (done) return done;
    if (visiting.has(id)) return {};
    visiting.add(id);
    const rows = [own.get(id) ?? {}, ...(children.get(id) ?? []).map(visit)];
    const values = aggregateIndicators(defs, rows);
    out.set(id, values);
    return values;
  };
  for (const n of nodes) visit(n.id);
  return out;
}
