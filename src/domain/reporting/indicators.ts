// Indicators (chỉ tiêu) of a reporting regime: the default set for a plan implementing a law, values computed
// from typed deliverables, and aggregation (sum or max) of values coming from several units. Pure.
import type { DeliverableRecord } from '../tracking/model.ts';
import type { IndicatorDef } from './model.ts';

/**
 * The numbers a yearly report on implementing a law is asked for (KH 129/KH-UBND §II, products of tasks 1–5):
 * dissemination events and their participants, articles, trainings, documents issued, legal documents reviewed,
 * data supplied to the provincial AI database. Those with `fromDeliverables` are counted from what units recorded;
 * the others are typed by the unit.
 */
export const LAW_IMPLEMENTATION_INDICATORS: IndicatorDef[] = [
  {
    code: 'conferences',
    name: 'Hội nghị, hội thảo, tọa đàm quán triệt, phổ biến đã tổ chức',
    unit: 'cuộc',
    aggregate: 'sum',
    fromDeliverables: { kind: 'conference', measure: 'count' },
  },
  {
    code: 'conferenceParticipants',
    name: 'Lượt người tham dự hội nghị, hội thảo, tọa đàm',
    unit: 'lượt người',
    aggregate: 'sum',
    fromDeliverables: { kind: 'conference', measure: 'participants' },
  },
  {
    code: 'articles',
    name: 'Tin, bài, phóng sự tuyên truyền đã đăng, phát',
    unit: 'tin, bài',
    aggregate: 'sum',
    fromDeliverables: { kind: 'article', measure: 'count' },
  },
  {
    code: 'trainings',
    name: 'Lớp tập huấn, bồi dưỡng đã tổ chức',
    unit: 'lớp',
    aggregate: 'sum',
    fromDeliverables: { kind: 'training', measure: 'count' },
  },
  {
    code: 'trainingParticipants',
    name: 'Lượt người được tập huấn, bồi dưỡng',
    unit: 'lượt người',
    aggregate: 'sum',
    fromDeliverables: { kind: 'training', measure: 'participants' },
  },
  {
    code: 'documentsIssued',
    name: 'Văn bản chỉ đạo, triển khai đã ban hành',
    unit: 'văn bản',
    aggregate: 'sum',
    fromDeliverables: { kind: 'document', measure: 'count' },
  },
  { code: 'legalDocumentsReviewed', name: 'Văn bản quy phạm pháp luật đã rà soát', unit: 'văn bản', aggregate: 'sum' },
  {
    code: 'legalDocumentsProposed',
    name: 'Văn bản quy phạm pháp luật đề nghị sửa đổi, bổ sung, thay thế, bãi bỏ',
    unit: 'văn bản',
    aggregate: 'sum',
  },
  {
    code: 'datasets',
    name: 'Bộ dữ liệu cung cấp cho Cơ sở dữ liệu phục vụ trí tuệ nhân tạo của tỉnh',
    unit: 'bộ dữ liệu',
    aggregate: 'sum',
    fromDeliverables: { kind: 'dataset', measure: 'count' },
  },
];

/** Values of the indicators that are counted from deliverables; typed indicators are left out. */
export function indicatorValuesFrom(
  defs: readonly IndicatorDef[],
  deliverables: readonly DeliverableRecord[],
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const def of defs) {
    const src = def.fromDeliverables;
    if (!src) continue;
    const matching = deliverables.filter((d) => d.kind === src.kind);
    out[def.code] = src.measure === 'count' ? matching.length : matching.reduce((n, d) => n + (d.participants ?? 0), 0);
  }
  return out;
}

/**
 * Aggregates values of several units by each indicator's rule (sum or max). Only finite, non-negative numbers
 * count; an indicator no unit reported is 0.
 */
export function aggregateIndicators(
  defs: readonly IndicatorDef[],
  rows: ReadonlyArray<Readonly<Record<string, number>>>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const def of defs) {
    let acc = 0;
    for (const row of rows) {
      const v = row[def.code];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) continue;
      acc = def.aggregate === 'max' ? Math.max(acc, v) : acc + v;
    }
    out[def.code] = acc;
  }
  return out;
}

/**
 * Keeps only the values of known indicators, as non-negative numbers. Typed values override computed ones;
 * computed values fill what was not typed.
 */
export function mergeIndicatorValues(
  defs: readonly IndicatorDef[],
  computed: Record<string, number>,
  typed: Record<string, unknown>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const def of defs) {
    const t = typed[def.code];
    if (typeof t === 'number' && Number.isFinite(t) && t >= 0) out[def.code] = t;
    else if (typeof computed[def.code] === 'number') out[def.code] = computed[def.code]!;
  }
  return out;
}
