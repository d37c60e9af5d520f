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
  // 21 agencies after the 2025 merger, the province's press agency, its university, its People's Council and Party
  // committee.
  assert.equal(units.filter((u) => u.kind === 'agency').length, 25);
  // 9 offices and bodies per commune/ward.
  assert.equal(units.filter((u) => u.kind === 'office').length, 166 * 9);
});

test('the country: 34 provinces and centrally-run cities (28 + 6), the Government and its ministries', () => {
  const units = loadReferenceUnits();
  const provinces = units.filter((u) => u.kind === 'province');
  assert.equal(provinces.length, 34);
  assert.equal(provinces.filter((p) => p.name.startsWith('Thành phố ')).length, 6);
  assert.equal(provinces.filter((p) => p.name.startsWith('Tỉnh ')).length, 28);
  assert.ok(provinces.every((p) => p.parentCode === 'TW' && /^\d{2}$/.test(p.code)));
  const byCode = new Map(provinces.map((p) => [p.code, p]));
  assert.equal(byCode.get('40')?.name, 'Tỉnh Nghệ An');
  assert.equal(byCode.get('79')?.name, 'Thành phố Hồ Chí Minh');
  assert.equal(byCode.get('46')?.name, 'Thành phố Huế');
  // A province merged into another is a former name of the new one.
  assert.ok(byCode.get('08')!.aliases.some((a) => a.name === 'Tỉnh Hà Giang' && a.kind === 'former'));
  assert.ok(byCode.get('40')!.aliases.some((a) => a.name === 'UBND tỉnh Nghệ An'));
  // Only the home province answers to the bare "UBND tỉnh".
  assert.deepEqual(
    provinces.filter((p) => p.aliases.some((a) => a.name === 'UBND tỉnh')).map((p) => p.code),
    ['38'],
  );
  // Only Thanh Hóa has communes in the reference data.
  const communeParents = new Set(
    units.filter((u) => u.kind === 'commune' || u.kind === 'ward').map((u) => u.parentCode),
  );
  assert.deepEqual([...communeParents], ['38']);

  const national = units.filter((u) => u.kind === 'national').map((u) => u.name);
  for (const n of [
    'Chính phủ',
    'Thủ tướng Chính phủ',
    'Văn phòng Chính phủ',
    'Bộ Tư pháp',
    'Ngân hàng Nhà nước Việt Nam',
  ])
    assert.ok(national.includes(n), n);
  assert.equal(national.filter((n) => n.startsWith('Bộ ')).length, 14, 'the 14 ministries from 1/3/2025');
  const press = units.find((u) => u.code === '38.BĐPTTH')!;
  assert.equal(press.name, 'Báo và Đài Phát thanh - Truyền hình Thanh Hóa');
  assert.ok(press.aliases.some((a) => a.name === 'Báo và Phát thanh - Truyền hình Thanh Hóa'));
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
