// The yearly regime every issued plan gets, set up inside the plan's issuing transaction (plans calls it).
import { randomBytes } from 'node:crypto';
import { LAW_IMPLEMENTATION_INDICATORS } from '../../../domain/reporting/indicators.ts';
import { shortDateVi } from '../../../domain/reporting/compile.ts';
import { AI_PLAN_YEARLY_SCHEDULE } from '../../../domain/reporting/period.ts';
import type { Tx } from '../../context.ts';
import { getUnit, type UnitRow } from '../../org/index.ts';
import { DEFAULT_REMINDER_DAYS, kindWord, REPORT_OUTLINE } from '../regimes.ts';
import * as store from '../store/index.ts';
import type { ReportingRegimeSchedule, SubmitterRule } from '../store/index.ts';

async function focalOf(tx: Tx, unitId: number): Promise<UnitRow | undefined> {
  const id = await store.firstFocalUnitId(tx, unitId);
  return id ? getUnit(tx, id) : undefined;
}

/** Who reports under the yearly regime of a unit's plan, to whom the compiled report goes. */
function yearlyAudience(unit: UnitRow, owner: UnitRow): { submitters: SubmitterRule; recipients: string } {
  if (unit.kind === 'province') {
    // Sở, ban, ngành with tasks in the plan, and every xã, phường (KH 129 §IV.1).
    return {
      submitters: {
        scopeUnitId: unit.id,
        kinds: ['commune', 'ward'],
        planAssigneeKinds: ['agency'],
        excludeUnitIds: [owner.id],
      },
      recipients: 'Ủy ban nhân dân tỉnh; Bộ Khoa học và Công nghệ',
    };
  }
  if (unit.kind === 'commune' || unit.kind === 'ward') {
    // The ward's offices with tasks report to its focal office, which compiles for the ward (Nam Sầm Sơn §IV.1).
    return {
      submitters: { scopeUnitId: unit.id, planAssigneeKinds: ['office'], excludeUnitIds: [owner.id] },
      recipients: `Ủy ban nhân dân ${kindWord(unit.kind)}`,
    };
  }
  return {
    submitters: {
      scopeUnitId: unit.id,
      planAssigneeKinds: ['agency', 'commune', 'ward', 'office'],
      excludeUnitIds: [owner.id, unit.id],
    },
    recipients: unit.name,
  };
}

/**
 * Every issued plan gets its yearly regime (KH 129 §IV.1: "Định kỳ trước ngày 15 tháng 12 hằng năm … gửi báo cáo
 * kết quả thực hiện về Sở Khoa học và Công nghệ"), owned by the focal unit of the issuing unit. Issuing an
 * amendment moves the regime of the amended plan to the new plan. Called inside the issuing transaction.
 */
export async function ensureRegimeForPlan(tx: Tx, planId: number): Promise<number | null> {
  const plan = await store.getPlanHeading(tx, planId);
  if (!plan) return null;
  const existing = await store.getRegimeIdOfPlan(tx, planId);
  if (existing) return existing;
  const name = `Báo cáo kết quả thực hiện Kế hoạch${plan.number && plan.symbol ? ` số ${plan.number}/${plan.symbol}` : ''}${plan.issued_date ? ` ngày ${shortDateVi(plan.issued_date)}` : ''}`;
  if (plan.amends_plan_id) {
    const lineage = await store.planLineage(tx, plan.amends_plan_id);
    const old = await store.latestPeriodicRegimeIdOf(tx, lineage);
    if (old) {
      await store.moveRegimeToPlan(tx, old, planId, name);
      return old;
    }
  }
  const unit = await getUnit(tx, plan.unit_id);
  if (!unit) return null;
  const owner = (await focalOf(tx, unit.id)) ?? unit;
  const { submitters, recipients } = yearlyAudience(unit, owner);
  const schedule: ReportingRegimeSchedule = { ...AI_PLAN_YEARLY_SCHEDULE, reminderDays: DEFAULT_REMINDER_DAYS };
  return store.insertRegime(tx, {
    code: `KH-${plan.id}-${randomBytes(3).toString('hex')}`,
    ownerUnitId: owner.id,
    planId: plan.id,
    kind: 'periodic',
    name,
    content:
      'Kết quả thực hiện các nhiệm vụ được giao tại Kế hoạch; khó khăn, vướng mắc; đề xuất, kiến nghị; phương hướng, nhiệm vụ thời gian tới.',
    schedule,
    submitters,
    recipients,
    outline: REPORT_OUTLINE,
    indicators: LAW_IMPLEMENTATION_INDICATORS,
  });
}
