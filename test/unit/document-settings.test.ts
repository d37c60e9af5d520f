// The signature block and filing line a unit's settings give, as Nghị định 30/2020 Điều 13 and Phụ lục I lay them out
// (research A.4, A.6), and the checks a list of signers must pass before it is saved.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  chosenBlock,
  normalizeSigners,
  signerIssues,
  signerLines,
  withArchiveLine,
  type UnitDocumentSettings,
} from '../../src/domain/org/document-settings.ts';
import { AppError } from '../../src/domain/errors.ts';

const WARD = { kind: 'ward', name: 'Phường Nam Sầm Sơn' };
const PROVINCE = { kind: 'province', name: 'Tỉnh Thanh Hóa' };
const SKHCN = { kind: 'agency', name: 'Sở Khoa học và Công nghệ' };

describe('signature lines', () => {
  it('a committee signs a Kế hoạch or Báo cáo on behalf of the collective: TM. / KT. / PHÓ CHỦ TỊCH', () => {
    assert.deepEqual(signerLines({ title: 'Phó Chủ tịch', authority: 'KT' }, PROVINCE, 'named'), [
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
    ]);
    assert.deepEqual(signerLines({ title: 'Chủ tịch', authority: 'TM' }, WARD, 'named'), [
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
    ]);
    assert.deepEqual(signerLines({ title: 'chủ tịch', authority: 'Q' }, WARD, 'named'), [
      'TM. ỦY BAN NHÂN DÂN',
      'Q. CHỦ TỊCH',
    ]);
  });

  it('a công văn of a committee is signed by the deputy without the collective line', () => {
    assert.deepEqual(signerLines({ title: 'Phó Chủ tịch', authority: 'KT' }, WARD, 'letter'), [
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
    ]);
  });

  it('a sở signs under its head: GIÁM ĐỐC; KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC; Q. GIÁM ĐỐC', () => {
    assert.deepEqual(signerLines({ title: 'Giám đốc', authority: 'none' }, SKHCN, 'named'), ['GIÁM ĐỐC']);
    assert.deepEqual(signerLines({ title: 'Phó Giám đốc', authority: 'KT' }, SKHCN, 'named'), [
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
    ]);
    assert.deepEqual(signerLines({ title: 'Giám đốc', authority: 'Q' }, SKHCN, 'letter'), ['Q. GIÁM ĐỐC']);
  });
});

describe('the pick', () => {
  const settings: UnitDocumentSettings = {
    signers: normalizeSigners(
      [
        { title: 'Chủ tịch', name: 'Nguyễn Thị  Bình', authority: 'TM', isDefault: false },
        { title: 'Phó Chủ tịch', name: 'Trần Quốc Cường', authority: 'KT', isDefault: true },
      ],
      [],
    ),
    draftingDivision: 'VP',
    symbolSuffix: null,
  };

  it('the default when none is picked, the one picked otherwise, 422 for a key that is none of them', () => {
    assert.equal(chosenBlock(settings, WARD, 'named', undefined, null).name, 'Trần Quốc Cường');
    assert.deepEqual(chosenBlock(settings, WARD, 'named', 1, null), {
      lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
      name: 'Nguyễn Thị Bình',
      signerKey: 1,
      authority: 'TM',
    });
    assert.throws(
      () => chosenBlock(settings, WARD, 'named', 7, null),
      (e) => e instanceof AppError && e.status === 422 && e.issues[0]?.path === 'signerKey',
    );
  });

  it('a unit without signers signs by the register rule with the approving leader', () => {
    const none = { signers: [], draftingDivision: null, symbolSuffix: null };
    assert.deepEqual(chosenBlock(none, SKHCN, 'letter', undefined, 'Trịnh Văn Hùng'), {
      lines: ['GIÁM ĐỐC'],
      name: 'Trịnh Văn Hùng',
      signerKey: null,
      authority: null,
    });
    assert.throws(() => chosenBlock(none, SKHCN, 'letter', 1, null), /chưa thiết lập người ký/);
  });
});

describe('saving a list', () => {
  it('names each problem by its field', () => {
    assert.deepEqual(
      signerIssues([
        { title: 'Chủ tịch', name: 'A Bình', authority: 'KT', isDefault: true },
        { title: 'Phó Giám đốc', name: 'C Dũng', authority: 'Q', isDefault: false },
        { title: 'Phó Giám đốc', name: 'C Dũng', authority: 'Q', isDefault: false },
      ]).map((i) => i.path),
      ['signers.0.title', 'signers.1.title', 'signers.2.title', 'signers.2.name'],
    );
    assert.deepEqual(
      signerIssues([
        { title: 'Chủ tịch', name: 'A Bình', authority: 'TM', isDefault: false },
        { title: 'Phó Chủ tịch', name: 'B Cường', authority: 'KT', isDefault: false },
      ]).map((i) => i.path),
      ['signers'],
    );
  });

  it('keeps the keys of entries it had, gives new ones after the highest, makes a lone signer the default', () => {
    const saved = normalizeSigners(
      [
        { title: 'Chủ tịch', name: 'A', authority: 'TM', isDefault: true },
        { title: 'Phó Chủ tịch', name: 'B', authority: 'KT', isDefault: false },
      ],
      [],
    );
    const next = normalizeSigners(
      [
        { key: 2, title: 'Phó Chủ tịch', name: 'B', authority: 'KT', isDefault: true },
        { key: 99, title: 'Phó Chủ tịch', name: 'C', authority: 'KT', isDefault: false },
      ],
      saved,
    );
    assert.deepEqual(
      next.map((s) => [s.key, s.name]),
      [
        [2, 'B'],
        [100, 'C'],
      ],
    );
    assert.equal(
      normalizeSigners([{ title: 'Giám đốc', name: 'D', authority: 'none', isDefault: false }], [])[0]!.isDefault,
      true,
    );
  });

  it('the filing line names the division, replacing the draft own', () => {
    assert.deepEqual(withArchiveLine(['UBND các xã, phường;', '- Lưu: VT, VHXH.'], 'VP'), [
      'UBND các xã, phường;',
      'Lưu: VT, VP.',
    ]);
  });
});
