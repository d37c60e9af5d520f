// The receiving unit's view of a period: who has reported (expected / received / on time / late / missing, rolled
// up the tree) and the indicators summed up to the scope unit.
import { UNIT_KIND_LABEL, type UnitKind } from '../../../domain/org/unit.ts';
import { REPORT_STATUS_LABEL } from '../../../domain/reporting/model.ts';
import { aggregateIndicators } from '../../../domain/reporting/indicators.ts';
import {
  isReceived,
  rollUpTree,
  SUBMISSION_STATE_LABEL,
  totalsBy,
  totalsOf,
} from '../../../domain/reporting/rollup.ts';
import { authorize, type Ctx } from '../../context.ts';
import { mustRegime } from '../access.ts';
import { todayFor } from '../clock.ts';
import { periodScope, statesOf, VN } from '../period-scope.ts';
import * as store from '../store/index.ts';
import { periodDocumentsOf } from './sign-documents.ts';

const GROUP_LABEL: Record<string, string> = {
  agency: 'Sở, ban, ngành',
  ward: 'Phường',
  commune: 'Xã',
  office: 'Phòng, ban, đơn vị',
};

/** Expected / received / on time / late / missing / returned per submitting unit, totals, indicators up the tree. */
export async function periodStatus(ctx: Ctx, regimeId: number, key: string) {
  const { regime, owner } = await mustRegime(ctx, regimeId);
  authorize(ctx, 'read', { unitPath: owner.path });
  const s = await periodScope(ctx, regime, owner, key);
  const today = todayFor(ctx.db);
  const reports = await store.reportStates(ctx.db, regime.id, s.period.key);
  const states = statesOf(s, reports, today);
  const totals = totalsOf(states.map((x) => ({ state: x.state, status: x.report?.status ?? null })));
  const groups = totalsBy(
    states.map((x) => ({ state: x.state, status: x.report?.status ?? null, group: x.unit.kind })),
  );
  // Indicators up the tree: each unit's received values, rolled up through its ancestors among the submitters
  // to the scope unit (a ward's offices into the ward when both report, everything into the province).
  const scopeId = regime.submitters.scopeUnitId;
  const inSet = new Set(states.map((x) => x.unit.id));
  const nodes = [
    { id: scopeId, parentId: null as number | null },
    ...states
      .filter((x) => x.unit.id !== scopeId)
      .map((x) => {
        const ancestors = x.unit.path.slice(0, -1).reverse();
        return { id: x.unit.id, parentId: ancestors.find((a) => inSet.has(a) && a !== x.unit.id) ?? scopeId };
      }),
  ];
  const own = new Map(
    states
      .filter((x) => x.report && isReceived(x.report.status))
      .map((x) => [x.unit.id, (x.report!.indicator_values ?? {}) as Record<string, number>]),
  );
  const tree = rollUpTree(nodes, own, regime.indicators);
  const byGroup = new Map(
    groups.map((g) => [
      g.group,
      aggregateIndicators(
        regime.indicators,
        states.filter((x) => x.unit.kind === g.group && own.has(x.unit.id)).map((x) => own.get(x.unit.id)!),
      ),
    ]),
  );
  const rootValues = tree.get(scopeId) ?? {};
  const documents = await periodDocumentsOf(ctx, regime.id, s.period.key, owner.path);
  return {
    documents,
    regime: { id: regime.id, name: regime.name, kind: regime.kind, ownerUnitId: owner.id, ownerName: owner.name },
    period: { key: s.period.key, label: s.period.label, dataWindow: s.period.dataWindow },
    today,
    dueDates: [...new Set(states.map((x) => x.unit.kind))].map((k) => ({ kind: k, dueDate: s.dueOf(k) })),
    totals,
    groups: groups.map((g) => ({
      group: g.group,
      label: GROUP_LABEL[g.group] ?? UNIT_KIND_LABEL[g.group as UnitKind] ?? g.group,
      totals: g.totals,
    })),
    indicators: regime.indicators.map((d) => ({
      code: d.code,
      name: d.name,
      unit: d.unit,
      aggregate: d.aggregate,
      total: rootValues[d.code] ?? 0,
      byGroup: Object.fromEntries([...byGroup].map(([g, v]) => [g, v[d.code] ?? 0])),
    })),
    units: states.map((x) => ({
      unitId: x.unit.id,
      unitName: x.unit.name,
      unitCode: x.unit.code,
      kind: x.unit.kind,
      dueDate: x.dueDate,
      reportId: x.report?.id ?? null,
      status: x.report?.status ?? null,
      statusLabel: x.report ? REPORT_STATUS_LABEL[x.report.status] : 'Chưa lập báo cáo',
      state: x.state,
      stateLabel: SUBMISSION_STATE_LABEL[x.state],
      submittedOn: VN(x.report?.submitted_at ?? null),
      late: x.report?.late ?? null,
      returnReason: x.report?.status === 'returned' ? x.report.return_reason : null,
      indicatorValues: own.get(x.unit.id) ?? {},
    })),
  };
}
