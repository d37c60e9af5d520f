// Roll-up arithmetic of a reporting period: each expected unit's state, the totals, indicators up the tree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rollUpTree, submissionState, totalsBy, totalsOf, type RollupRow } from '../../src/domain/reporting/rollup.ts';
import {
  aggregateIndicators,
  indicatorValuesFrom,
  LAW_IMPLEMENTATION_INDICATORS,
  mergeIndicatorValues,
} from '../../src/domain/reporting/indicators.ts';
import type { IndicatorDef } from '../../src/domain/reporting/model.ts';
import type { DeliverableRecord } from '../../src/domain/tracking/model.ts';

const DUE = '2026-12-14';

test('a unit is on time, late, returned, missing or pending, from its report and the due date', () => {
  assert.equal(submissionState({ status: 'submitted', late: false }, DUE, '2026-12-20'), 'onTime');
  assert.equal(submissionState({ status: 'accepted', late: true }, DUE, '2026-12-20'), 'late');
  assert.equal(submissionState({ status: 'returned', late: false }, DUE, '2026-12-20'), 'returned');
  // A draft or an approved report not sent is nothing received.
  assert.equal(
    submissionState({ status: 'approved', late: null }, DUE, '2026-12-14'),
    'pending',
    'the due date itself is still on time',
  );
  assert.equal(submissionState({ status: 'draft', late: null }, DUE, '2026-12-15'), 'missing');
  assert.equal(submissionState(null, DUE, '2026-12-01'), 'pending');
  assert.equal(submissionState(undefined, DUE, '2026-12-15'), 'missing');
});

test('totals: expected = received + returned + missing + pending; received = on time + late; rates', () => {
  const rows: RollupRow[] = [
    { state: 'onTime', status: 'accepted' },
    { state: 'onTime', status: 'submitted' },
    { state: 'late', status: 'submitted' },
    { state: 'returned', status: 'returned' },
    { state: 'missing', status: 'draft' },
    { state: 'missing', status: null },
    { state: 'pending', status: 'approved' },
    { state: 'missing', status: null },
  ];
  const t = totalsOf(rows);
  assert.deepEqual(t, {
    expected: 8,
    received: 3,
    onTime: 2,
    late: 1,
    returned: 1,
    missing: 3,
    pending: 1,
    accepted: 1,
    drafting: 2,
    receivedRate: 37.5,
    onTimeRate: 25,
  });
  assert.equal(t.received + t.returned + t.missing + t.pending, t.expected);
  assert.deepEqual(totalsOf([]), {
    expected: 0,
    received: 0,
    onTime: 0,
    late: 0,
    returned: 0,
    missing: 0,
    pending: 0,
    accepted: 0,
    drafting: 0,
    receivedRate: 0,
    onTimeRate: 0,
  });
  const groups = totalsBy([
    { state: 'onTime', status: 'submitted', group: 'ward' },
    { state: 'missing', status: null, group: 'agency' },
    { state: 'late', status: 'submitted', group: 'ward' },
  ]);
  assert.deepEqual(
    groups.map((g) => [g.group, g.totals.expected, g.totals.received]),
    [
      ['ward', 2, 2],
      ['agency', 1, 0],
    ],
  );
});

const DEFS: IndicatorDef[] = [
  {
    code: 'conferences',
    name: 'Hội nghị',
    unit: 'cuộc',
    aggregate: 'sum',
    fromDeliverables: { kind: 'conference', measure: 'count' },
  },
  {
    code: 'participants',
    name: 'Người tham dự',
    unit: 'lượt người',
    aggregate: 'sum',
    fromDeliverables: { kind: 'conference', measure: 'participants' },
  },
  { code: 'coverage', name: 'Tỷ lệ thôn có loa truyền thanh', unit: '%', aggregate: 'max' },
];

test('indicators are counted from typed deliverables; sum or max across units; bad values ignored', () => {
  const d = (kind: DeliverableRecord['kind'], participants: number | null): DeliverableRecord => ({
    kind,
    title: 'x',
    occurredOn: '2026-11-20',
    participants,
    documentNumber: null,
    link: null,
  });
  assert.deepEqual(indicatorValuesFrom(DEFS, [d('conference', 120), d('conference', null), d('article', null)]), {
    conferences: 2,
    participants: 120,
  });
  assert.deepEqual(
    aggregateIndicators(DEFS, [
      { conferences: 1, participants: 120, coverage: 80 },
      { conferences: 2, coverage: 95 },
      { conferences: -3, participants: Number.NaN },
    ]),
    { conferences: 3, participants: 120, coverage: 95 },
  );
  assert.deepEqual(
    mergeIndicatorValues(
      DEFS,
      { conferences: 2, participants: 120 },
      { participants: 150, coverage: 70, unknown: 9, conferences: 'x' },
    ),
    { conferences: 2, participants: 150, coverage: 70 },
  );
  assert.ok(LAW_IMPLEMENTATION_INDICATORS.every((i) => i.aggregate === 'sum' && i.name && i.unit));
  assert.equal(new Set(LAW_IMPLEMENTATION_INDICATORS.map((i) => i.code)).size, LAW_IMPLEMENTATION_INDICATORS.length);
});

test('indicators roll up the tree: offices into their ward, wards and agencies into the province', () => {
  // province 1 → ward 10 (offices 11, 12), ward 20, agency 30
  const nodes = [
    { id: 1, parentId: null },
    { id: 10, parentId: 1 },
    { id: 11, parentId: 10 },
    { id: 12, parentId: 10 },
    { id: 20, parentId: 1 },
    { id: 30, parentId: 1 },
  ];
  const own = new Map<number, Record<string, number>>([
    [11, { conferences: 1, participants: 120, coverage: 60 }],
    [12, { conferences: 2, coverage: 90 }],
    [20, { conferences: 1, participants: 40, coverage: 75 }],
    [30, { participants: 300 }],
    [10, { conferences: 1 }],
  ]);
  const tree = rollUpTree(nodes, own, DEFS);
  assert.deepEqual(tree.get(10), { conferences: 4, participants: 120, coverage: 90 });
  assert.deepEqual(tree.get(1), { conferences: 5, participants: 460, coverage: 90 });
  assert.deepEqual(tree.get(30), { conferences: 0, participants: 300, coverage: 0 });
  // A parent outside the list makes a root; a cycle does not loop.
  const loose = rollUpTree(
    [
      { id: 5, parentId: 99 },
      { id: 6, parentId: 7 },
      { id: 7, parentId: 6 },
    ],
    new Map([
      [5, { conferences: 1 }],
      [6, { conferences: 1 }],
      [7, { conferences: 1 }],
    ]),
    DEFS,
  );
  assert.equal(loose.get(5)!.conferences, 1);
  assert.ok(loose.get(6)!.conferences! >= 1 && loose.get(7)!.conferences! >= 1);
});
