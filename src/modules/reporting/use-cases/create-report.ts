// A submitting unit starts its report for a period, prefilled with what it recorded during the period.
import { conflict, invalid } from '../../../domain/errors.ts';
import { shortDateVi } from '../../../domain/reporting/compile.ts';
import { lockedMessage } from '../../../domain/reporting/workflow.ts';
import { recordAudit } from '../../audit/index.ts';
import { authorize, requireActor, type Ctx } from '../../context.ts';
import { getUnit } from '../../org/index.ts';
import { mustRegime } from '../access.ts';
import { todayFor } from '../clock.ts';
import { periodScope, prefillFor } from '../period-scope.ts';
import * as store from '../store/index.ts';

/** The officer of a submitting unit starts its report for a period, prefilled with what the unit recorded. */
export async function createReport(ctx: Ctx, regimeId: number, key: string, input: { unitId?: number }) {
  const actor = requireActor(ctx);
  const { regime, owner } = await mustRegime(ctx, regimeId);
  const unit = await getUnit(ctx.db, input.unitId ?? actor.unitId);
  if (!unit)
    throw invalid('report.unit_not_found', 'Đơn vị báo cáo không tồn tại.', [
      { path: 'unitId', message: 'Chọn đơn vị có trong danh mục.' },
    ]);
  authorize(ctx, 'edit', { unitPath: unit.path });
  const s = await periodScope(ctx, regime, owner, key);
  if (!regime.active) throw conflict('report.regime_inactive', 'Chế độ báo cáo này đã dừng áp dụng.');
  const me = s.submitters.find((u) => u.id === unit.id);
  if (!me)
    throw invalid('report.not_expected', `${unit.name} không thuộc đối tượng phải báo cáo theo "${regime.name}".`, [
      { path: 'unitId', message: 'Chọn đơn vị thuộc đối tượng báo cáo.' },
    ]);
  const today = todayFor(ctx.db);
  const due = s.dueOf(unit.kind);
  if (today < s.period.dataWindow.from)
    throw conflict(
      'report.period_not_started',
      `Kỳ báo cáo "${s.period.label}" chưa bắt đầu (từ ngày ${shortDateVi(s.period.dataWindow.from)}).`,
    );
  if (today > due) throw conflict('report.period_locked', lockedMessage(s.period.label, due, owner.name));
  const existing = await store.findReportId(ctx.db, regime.id, s.period.key, unit.id);
  if (existing) {
    throw conflict(
      'report.exists',
      `${unit.name} đã có báo cáo kỳ "${s.period.label}" (mã ${existing}): mở báo cáo đó để tiếp tục.`,
    );
  }
  const { content, indicatorValues } = await prefillFor(ctx, s, unit);
  return ctx.db.transaction().execute(async (tx) => {
    const id = await store.insertReport(tx, {
      regimeId: regime.id,
      periodKey: s.period.key,
      unitId: unit.id,
      toUnitId: owner.id,
      dueDate: due,
      content,
      indicatorValues,
      createdBy: actor.userId,
    });
    if (!id) throw conflict('report.exists', `${unit.name} đã có báo cáo kỳ "${s.period.label}".`);
    await recordAudit(tx, ctx, {
      action: 'report.create',
      entityType: 'unit_report',
      entityId: id,
      unitId: unit.id,
      after: { regimeId: regime.id, period: s.period.key, tasks: content.tasks.length },
    });
    return { id, status: 'draft' as const, dueDate: due };
  });
}
