// Coverage of the register over a province: for each commune, ward and agency, the uses registered (with those of
// its offices), their levels, their assessments and open incidents; who has registered nothing. Pure arithmetic over
// rows the store reads in two queries.
import type { RiskLevel, UseStatus } from './model.ts';

export type AssessmentState = 'unclassified' | 'notRequired' | 'due' | 'approved' | 'overdue';

export const ASSESSMENT_STATE_LABEL: Record<AssessmentState, string> = {
  unclassified: 'Chưa phân loại',
  notRequired: 'Không bắt buộc đánh giá tác động',
  due: 'Cần đánh giá tác động',
  approved: 'Đã có đánh giá tác động được phê duyệt',
  overdue: 'Đang sử dụng khi chưa có đánh giá tác động được phê duyệt',
};

/** Where a use stands with its impact assessment. "Overdue": in use (by override) without a valid approved one. */
export function assessmentState(u: {
  status: UseStatus;
  impactAssessmentRequired: boolean | null;
  hasApprovedAssessment: boolean;
  assessmentDue: boolean;
}): AssessmentState {
  if (u.impactAssessmentRequired === null) return 'unclassified';
  if (!u.impactAssessmentRequired) return 'notRequired';
  if (u.hasApprovedAssessment && !u.assessmentDue) return 'approved';
  return u.status === 'inUse' ? 'overdue' : 'due';
}

export interface CoverageUnit {
  id: number;
  name: string;
  code: string;
  kind: string;
}

export interface CoverageUse {
  /** The covered unit it rolls up to (a commune for its offices' uses). */
  coveredUnitId: number;
  status: UseStatus;
  level: RiskLevel | null;
  state: AssessmentState;
  openIncidents: number;
  openSeriousIncidents: number;
  /** Serious incidents still open past their official-report deadline. */
  lateIncidents: number;
  /** How many uses alike this row stands for (the store groups uses in SQL; incident counts are their sums). */
  count?: number;
}

export interface CoverageRow extends CoverageUnit {
  uses: number;
  levels: Record<RiskLevel | 'unclassified', number>;
  assessmentsDue: number;
  assessmentsApproved: number;
  assessmentsOverdue: number;
  openIncidents: number;
  openSeriousIncidents: number;
  lateIncidents: number;
}

export interface Coverage {
  rows: CoverageRow[];
  totals: Omit<CoverageRow, keyof CoverageUnit> & { units: number; unitsWithoutUses: number };
}

const emptyCounts = () => ({
  uses: 0,
  levels: { high: 0, medium: 0, low: 0, unclassified: 0 },
  assessmentsDue: 0,
  assessmentsApproved: 0,
  assessmentsOverdue: 0,
  openIncidents: 0,
  openSeriousIncidents: 0,
  lateIncidents: 0,
});

function add(to: ReturnType<typeof emptyCounts>, u: CoverageUse): void {
  if (u.status === 'retired') return;
  const n = u.count ?? 1;
  to.uses += n;
  to.levels[u.level ?? 'unclassified'] += n;
  if (u.state === 'due') to.assessmentsDue += n;
  if (u.state === 'approved') to.assessmentsApproved += n;
  if (u.state === 'overdue') to.assessmentsOverdue += n;
  to.openIncidents += u.openIncidents;
  to.openSeriousIncidents += u.openSeriousIncidents;
  to.lateIncidents += u.lateIncidents;
}

/** One row per covered unit, in the order given; retired uses are not counted. */
export function computeCoverage(units: readonly CoverageUnit[], uses: readonly CoverageUse[]): Coverage {
  const byUnit = new Map(units.map((u) => [u.id, { ...u, ...emptyCounts() }]));
  const totals = emptyCounts();
  for (const u of uses) {
    const row = byUnit.get(u.coveredUnitId);
    if (!row) continue;
    add(row, u);
    add(totals, u);
  }
  const rows = [...byUnit.values()];
  return { rows, totals: { ...totals, units: rows.length, unitsWithoutUses: rows.filter((r) => r.uses === 0).length } };
}
