import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadReferenceUnits } from '../../src/modules/org/reference-data.ts';
import { officeBaseName } from '../../src/domain/org/reference.ts';
import { allowedChildKinds, canMerge, childCode } from '../../src/domain/org/rules.ts';
import { fold, normalizeText, editDistance, formatDateVi } from '../../src/domain/text.ts';

test('the reference tree has every unit under an existing parent, with unique codes', () => {
  const units = loadReferenceUnits();
  const codes = new Set<string>();
  for (const u of units) {
    assert.ok(!codes.has(u.code), `duplicate ${u.code}`);
    if (u.parentCode) assert.ok(codes.has(u.parentCode), `${u.code} before its parent`);
    codes.add(u.code);
  }
  assert.equal(units.filter((u) => u.kind === 'ward' || u.kind === 'commune').length, 166);
  assert.equal(units.filter((u) => u.kind === 'agency').length, 21);
  // 9 offices and bodies per commune/ward.
  assert.equal(units.filter((u) => u.kind === 'office').length, 166 * 9);
});

test('former units are kept as aliases with their old code and district', () => {
  const nss = loadReferenceUnits().find((u) => u.code === '16516')!;
  assert.equal(nss.name, 'Phường Nam Sầm Sơn');
  const formers = nss.aliases
    .filter((a) => a.kind === 'former')
    .map((a) => a.name)
    .sort();
  assert.deepEqual(formers, ['Phường Quảng Vinh', 'Xã Quảng Giao', 'Xã Quảng Minh', 'Xã Đại Hùng'].sort());
  assert.match(nss.aliases.find((a) => a.name === 'Phường Quảng Vinh')!.note!, /16534, Thành phố Sầm Sơn/);
});

test('office names follow the commune type', () => {
  assert.equal(officeBaseName('Công an xã / Công an phường', 'phường'), 'Công an phường');
  assert.equal(officeBaseName('Công an xã / Công an phường', 'xã'), 'Công an xã');
  assert.equal(officeBaseName('Ban Chỉ huy quân sự xã / phường', 'phường'), 'Ban Chỉ huy quân sự phường');
  assert.equal(officeBaseName('Phòng Văn hóa - Xã hội', 'xã'), 'Phòng Văn hóa - Xã hội');
});

test('tree rules: what may be added and merged', () => {
  assert.deepEqual(allowedChildKinds('ward'), ['office', 'neighbourhood']);
  assert.deepEqual(allowedChildKinds('office'), []);
  assert.equal(canMerge('commune', 'ward'), true);
  assert.equal(canMerge('office', 'commune'), false);
  assert.equal(
    childCode('16516', 'Tổ dân phố Đồng Xuân', (c) => c === '16516.TODANPHODONGXUAN'),
    '16516.TODANPHODONGXUAN2',
  );
});

test('Vietnamese text helpers', () => {
  assert.equal(fold('  Phường  Nam Sầm Sơn '), 'phuong nam sam son');
  assert.equal(fold('ĐỒNG TIẾN'), 'dong tien');
  assert.equal(fold('Nam Sầm Sơn'.normalize('NFD')), 'nam sam son');
  assert.equal(normalizeText('Nam Sầm Sơn'.normalize('NFD')), 'Nam Sầm Sơn'.normalize('NFC'));
  assert.equal(editDistance('nam sam son', 'nam sam sn'), 1);
  assert.equal(formatDateVi('2026-05-04'), '04/05/2026');
});
