import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTrackingCode, trackingCode } from '../../src/domain/petitions/code.ts';
import { deadlineTier, dueDateAfterPause, dueDateFor, extendedDueDate } from '../../src/domain/petitions/deadline.ts';
import {
  contactKey,
  contentKey,
  hasContact,
  isPetitionKind,
  looksVietnamese,
} from '../../src/domain/petitions/intake.ts';
import { allowedFrom, isOpen, statusAfter } from '../../src/domain/petitions/model.ts';
import { petitionFigures, retentionCutoff } from '../../src/domain/petitions/figures.ts';
import { holdersOf, identityTarget } from '../../src/domain/petitions/access.ts';
import { receivingUnitFor } from '../../src/domain/petitions/routing.ts';
import { DEFAULT_PETITION_SETTINGS, petitionSettingsFrom } from '../../src/domain/petitions/settings.ts';
import { DEFAULT_CALENDAR_CONFIG } from '../../src/domain/calendar/holidays.ts';
import { isWorkingDay } from '../../src/domain/calendar/working-days.ts';
import { can, type Actor } from '../../src/domain/permissions.ts';
import type { UnitEntry } from '../../src/domain/org/unit.ts';

const cal = DEFAULT_CALENDAR_CONFIG;
const s = DEFAULT_PETITION_SETTINGS;

test('tracking codes: six digits, read back however they are typed', () => {
  assert.equal(trackingCode(2026, 123), 'KN-2026-000123');
  assert.equal(parseTrackingCode(' kn 2026 123 '), 'KN-2026-000123');
  assert.equal(parseTrackingCode('KN-2026-000123'), 'KN-2026-000123');
  assert.equal(parseTrackingCode('KN-26-1'), null);
  assert.equal(parseTrackingCode('abc'), null);
});

test('due dates fall on working days, skip Tết, stop with the clock and extend once', () => {
  // Received on Friday 13/02/2026, just before Tết Bính Ngọ: the holiday week does not count.
  const due = dueDateFor('2026-02-13', 'proposal', 'province', s, cal);
  assert.ok(isWorkingDay(due, cal));
  assert.ok(due >= '2026-03-09', due);
  assert.equal(dueDateAfterPause(due, '2026-03-02', '2026-03-02', cal), due);
  assert.equal(dueDateAfterPause('2026-03-10', '2026-03-02', '2026-03-04', cal), '2026-03-12');
  assert.ok(extendedDueDate(due, s, cal) > due);
  assert.equal(deadlineTier({ open: true, stopped: false, dueDate: '2026-03-20' }, '2026-03-02', cal), 'onTrack');
  assert.equal(deadlineTier({ open: true, stopped: false, dueDate: '2026-03-04' }, '2026-03-02', cal), 'dueSoon');
  assert.equal(deadlineTier({ open: true, stopped: false, dueDate: '2026-03-02' }, '2026-03-04', cal), 'overdue');
  assert.equal(deadlineTier({ open: true, stopped: false, dueDate: '2026-03-02' }, '2026-04-02', cal), 'veryOverdue');
  assert.equal(deadlineTier({ open: true, stopped: true, dueDate: '2026-03-02' }, '2026-04-02', cal), 'stopped');
  assert.equal(deadlineTier({ open: false, stopped: false, dueDate: '2026-03-02' }, '2026-04-02', cal), 'closed');
});

test('settings from the environment: days per level and kind, limits, retention', () => {
  const got = petitionSettingsFrom({
    THIHANH_PETITION_DAYS: '{"commune":{"feedback":7}}',
    THIHANH_PETITION_RETENTION_MONTHS: '24',
  });
  assert.equal(got.processingDays.commune.feedback, 7);
  assert.equal(got.processingDays.province.feedback, 10);
  assert.equal(got.retentionMonths, 24);
  assert.throws(() => petitionSettingsFrom({ THIHANH_PETITION_DAYS: '{' }), /JSON/);
});

test('intake rules: the three kinds, Vietnamese, a contact, duplicate keys', () => {
  assert.ok(isPetitionKind('feedback'));
  assert.ok(!isPetitionKind('complaint'));
  assert.ok(looksVietnamese('Đề nghị hướng dẫn cụ thể việc gắn nhãn nội dung'));
  assert.ok(looksVietnamese('De nghi huong dan cu the viec gan nhan noi dung cua luat cho doanh nghiep'));
  assert.ok(!looksVietnamese('Please explain how the labelling rule applies to small companies.'));
  assert.ok(!hasContact({ email: ' ' }));
  assert.ok(hasContact({ address: 'Số 1 Lê Lợi' }));
  assert.equal(contactKey({ phone: '+84 912 345 678' }), contactKey({ phone: '0912.345.678' }));
  assert.equal(contactKey({ email: 'A@B.vn', phone: '1' }), 'e:a@b.vn');
  assert.equal(contentKey('Điều 27', 'Gắn  nhãn!'), contentKey('dieu 27', 'gan nhan'));
});

test('states are open or closed; acts only from some states', () => {
  assert.ok(isOpen('waitingForSender'));
  assert.ok(!isOpen('merged'));
  assert.ok(allowedFrom('resume', 'waitingForSender'));
  assert.ok(!allowedFrom('draftAnswer', 'waitingForSender'));
  assert.ok(!allowedFrom('approveAnswer', 'received'));
  assert.equal(statusAfter('classify', 'received'), 'classified');
  assert.equal(statusAfter('classify', 'inProgress'), 'inProgress');
  assert.equal(statusAfter('close', 'inProgress', 'withdrawn'), 'withdrawn');
});

test('figures add up; retention counts months back', () => {
  const rows = [
    {
      unitId: 1,
      unitName: 'A',
      topic: 'guidance',
      status: 'answered' as const,
      dueDate: '2026-03-10',
      closedOn: '2026-03-10',
    },
    {
      unitId: 1,
      unitName: 'A',
      topic: 'guidance',
      status: 'answered' as const,
      dueDate: '2026-03-10',
      closedOn: '2026-03-11',
    },
    { unitId: 2, unitName: 'B', topic: null, status: 'inProgress' as const, dueDate: '2026-03-01', closedOn: null },
    {
      unitId: 2,
      unitName: 'B',
      topic: null,
      status: 'withdrawn' as const,
      dueDate: '2026-03-01',
      closedOn: '2026-02-01',
    },
  ];
  const f = petitionFigures(rows, '2026-03-05', (t) => t ?? 'Chưa phân loại');
  assert.deepEqual(f.total, {
    received: 4,
    answeredOnTime: 1,
    answeredLate: 1,
    closedOtherwise: 1,
    open: 1,
    overdue: 1,
  });
  assert.equal(f.byUnit.length, 2);
  assert.equal(f.byTopic.find((t) => t.key === 'unclassified')?.received, 2);
  assert.equal(retentionCutoff('2026-03-31', 60), '2021-03-31');
  assert.equal(retentionCutoff('2026-03-31', 1), '2026-02-28');
  assert.equal(retentionCutoff('2026-01-15', 0), '2026-01-15');
});

test('the sender is known to the holders only: receiving and handling units (and the ward of an office)', () => {
  // 1 province → 3 Sở KH&CN; 1 → 5 ward → 6 its Phòng VH-XH; 1 → 7 another ward.
  const p = { receivingPath: [1, 3], receivingKind: 'agency', handlingPath: [1, 5, 6], handlingKind: 'office' };
  assert.deepEqual(holdersOf(p).sort(), [3, 5, 6]);
  const actor = (unitPath: number[], roles: Actor['roles'], focalForIds: number[] = []): Actor => ({
    userId: 1,
    username: 'u',
    unitId: unitPath.at(-1)!,
    unitPath,
    roles,
    focalForIds,
  });
  const target = identityTarget(p);
  assert.ok(can(actor([1, 3], ['officer'], [1]), 'readPersonalData', target));
  assert.ok(can(actor([1, 5], ['leader']), 'readPersonalData', target));
  assert.ok(!can(actor([1, 3], ['viewer'], [1]), 'readPersonalData', target), 'viewers never');
  assert.ok(!can(actor([1], ['leader']), 'readPersonalData', target), 'the province reads the record, not the sender');
  assert.ok(!can(actor([1, 7], ['officer']), 'readPersonalData', target));
  assert.ok(!can(null, 'readPersonalData', target));
});

test("the receiving unit: Sở KH&CN for the province, a ward's Phòng VH-XH", () => {
  const e = (id: number, parentId: number | null, kind: UnitEntry['kind'], code: string): UnitEntry => ({
    id,
    parentId,
    kind,
    code,
    name: code,
    shortName: code,
    aliases: [],
  });
  const entries = [
    // Another province listed first (the register knows the whole country): the home province still receives.
    e(2, null, 'province', '01'),
    e(1, null, 'province', '38'),
    e(3, 1, 'agency', '38.SKHCN'),
    e(5, 1, 'ward', '16516'),
    e(6, 5, 'office', '16516.PVHXH'),
    e(7, 1, 'commune', '14797'),
  ];
  assert.deepEqual(receivingUnitFor(entries), { unitId: 3, level: 'province' });
  assert.deepEqual(receivingUnitFor(entries, '16516'), { unitId: 6, level: 'commune' });
  assert.deepEqual(receivingUnitFor(entries, '14797'), { unitId: 7, level: 'commune' });
  assert.equal(receivingUnitFor(entries, '99999'), null);
});

test('an answer template for every topic', async () => {
  const { ANSWER_TEMPLATES } = await import('../../src/domain/petitions/templates.ts');
  const { TOPIC_LABEL } = await import('../../src/domain/petitions/model.ts');
  assert.deepEqual(Object.keys(ANSWER_TEMPLATES).sort(), Object.keys(TOPIC_LABEL).sort());
});

test('the tier filter selects exactly the due dates deadlineTier puts in that tier', async () => {
  const { tierDueDates } = await import('../../src/domain/petitions/deadline.ts');
  const { addDays } = await import('../../src/domain/calendar/lunar.ts');
  const today = '2026-04-28';
  for (let d = -40; d <= 20; d++) {
    const due = addDays(today, d);
    const tier = deadlineTier({ open: true, stopped: false, dueDate: due }, today, cal);
    for (const t of ['onTrack', 'dueSoon', 'overdue', 'veryOverdue'] as const) {
      const r = tierDueDates(t, today, cal)!;
      const inRange = (!r.from || due >= r.from) && (!r.to || due <= r.to);
      assert.equal(inRange, tier === t, `${due}: ${tier} vs filter ${t}`);
    }
  }
});

test('tiers from the bounds walk agree with counting working days, weekends and Tết included', async () => {
  const { workingDaysBetween } = await import('../../src/domain/calendar/working-days.ts');
  const { addDays } = await import('../../src/domain/calendar/lunar.ts');
  const reference = (due: string, today: string) => {
    const left = workingDaysBetween(today, due, cal);
    if (left >= 0) return left <= 3 ? 'dueSoon' : 'onTrack';
    return -left > 10 ? 'veryOverdue' : 'overdue';
  };
  for (const today of [
    '2026-02-14',
    '2026-02-15',
    '2026-02-16',
    '2026-02-23',
    '2026-05-02',
    '2026-09-01',
    '2026-12-06',
  ]) {
    for (let d = -45; d <= 25; d++) {
      const due = addDays(today, d);
      assert.equal(
        deadlineTier({ open: true, stopped: false, dueDate: due }, today, cal),
        reference(due, today),
        `${today} → ${due}`,
      );
    }
  }
});
