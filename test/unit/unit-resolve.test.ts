import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boundedDistance, canonicalName, splitUnitList, UnitDirectory } from '../../src/domain/org/resolve.ts';
import type { UnitEntry } from '../../src/domain/org/unit.ts';
import { referenceDirectory } from '../fixtures/plans/reference-directory.ts';

const NAM_SAM_SON = '16516';

describe('UnitDirectory.resolve on the reference register', () => {
  const d = referenceDirectory();

  it('resolves exact names, short codes and customary abbreviations', () => {
    for (const text of ['Sở Khoa học và Công nghệ', 'SKHCN', 'Sở KH&CN', 'Sở KHCN']) {
      const ref = d.resolve(text);
      assert.equal(ref.unitCode, '38.SKHCN', text);
      assert.equal(ref.confidence, 1, text);
      assert.equal(ref.group, false);
      assert.equal(ref.text, text, 'the name as written is kept');
    }
    assert.equal(d.resolve('Thủ tướng Chính phủ').unitCode, 'TW.TTg');
    assert.equal(d.resolve('Bộ Khoa học và Công nghệ').unitCode, 'TW.BKHCN');
    assert.equal(d.resolve('Sở Tài chính').unitCode, '38.STC');
    assert.equal(d.resolve('Công an tỉnh').unitCode, '38.CAT');
  });

  it('never reads a ministry as the province\'s department, nor a nameless "Ủy ban nhân dân tỉnh" from a splitter', () => {
    assert.equal(d.resolve('BỘ TƯ PHÁP').unitCode, 'TW.BTP', 'Bộ Tư pháp is not a typo of Sở Tư pháp');
    assert.equal(d.resolve('Bộ Tài chính').unitCode, 'TW.BTC');
    assert.equal(d.resolve('Ngân hàng Nhà nước Việt Nam').unitCode, 'TW.NHNN');
    assert.equal(d.match('Bộ Tư phap').ref.unitCode, 'TW.BTP', 'a ministry misspelt is still the ministry');
    assert.equal(d.resolve('Sở Tu pháp').unitCode, '38.STP', 'a real typo still resolves');
    assert.deepEqual(
      splitUnitList('Văn phòng HĐND và UBND xã, Phòng Kinh tế, Hạ tầng và Đô thị và Sở Nông nghiệp và Môi trường'),
      ['Văn phòng HĐND và UBND xã', 'Phòng Kinh tế, Hạ tầng và Đô thị', 'Sở Nông nghiệp và Môi trường'],
    );
    assert.deepEqual(splitUnitList('Vụ Tổ chức - Biên chế, Vụ Pháp chế'), ['Vụ Tổ chức - Biên chế', 'Vụ Pháp chế']);
  });

  it('is case- and accent-insensitive, with lower confidence for spelling slips', () => {
    const caseSlip = d.match('Sở Khoa học và công nghệ');
    assert.equal(caseSlip.ref.unitCode, '38.SKHCN');
    assert.equal(caseSlip.how, 'case');
    assert.ok(caseSlip.ref.confidence < 1 && caseSlip.ref.confidence >= 0.95);
    assert.equal(caseSlip.ref.unitName, 'Sở Khoa học và Công nghệ');

    const accent = d.match('Ủy ban nhân dân phường Nam Sâm Sơn');
    assert.equal(accent.ref.unitCode, NAM_SAM_SON);
    assert.equal(accent.how, 'accent');
    assert.ok(accent.ref.confidence < 0.95);

    assert.equal(d.resolve('ỦY BAN NHÂN DÂN TỈNH THANH HÓA').unitCode, '38');
    assert.equal(d.resolve('UBND tỉnh Thanh Hoá').unitCode, '38', 'old-style tone placement');
  });

  it('tolerates typos by edit distance on the folded name', () => {
    const m = d.match('Sở Khoa hoc va Cong ngh');
    assert.equal(m.ref.unitCode, '38.SKHCN');
    assert.equal(m.how, 'typo');
    assert.ok(m.ref.confidence > 0.7 && m.ref.confidence < 0.9);
    // Short names get no typo tolerance: "Sở Nội vụ" and "Sở Ngoại vụ" stay apart.
    assert.equal(d.resolve('Sở Nội vụ').unitCode, '38.SNV');
    assert.equal(d.resolve('Sở Ngoại vụ').unitCode, '38.SNgV');
  });

  it('reads relative names inside the issuing commune', () => {
    const within = { withinCode: NAM_SAM_SON };
    assert.equal(d.resolve('Phòng Văn hóa - Xã hội phường', within).unitCode, '16516.PVHXH');
    assert.equal(d.resolve('Phòng Văn hóa - Xã hội', within).unitCode, '16516.PVHXH');
    assert.equal(d.resolve('Công an phường', within).unitCode, '16516.CA');
    assert.equal(d.resolve('Phòng Kinh tế, Hạ tầng và Đô thị', within).unitCode, '16516.PKTHTĐT');
    assert.equal(d.resolve('UBND phường', within).unitCode, NAM_SAM_SON);
    // Provincial bodies are still found from inside a ward.
    assert.equal(d.resolve('Sở Khoa học và Công nghệ tỉnh', within).unitCode, '38.SKHCN');
    // A full name elsewhere is that unit, context or not.
    assert.equal(d.resolve('Phòng Văn hóa - Xã hội phường Sầm Sơn', within).unitCode, '16531.PVHXH');
  });

  it('does not guess a relative name without context', () => {
    const m = d.match('Phòng Văn hóa - Xã hội phường');
    assert.equal(m.how, 'ambiguous');
    assert.equal(m.ref.unitId, null);
    assert.ok(m.ref.confidence < 0.5);
  });

  it('marks generic groups, keeps unknown names with low confidence', () => {
    for (const text of [
      'Các sở, ban, ngành tỉnh',
      'UBND các xã, phường',
      'các cơ quan, đơn vị có liên quan',
      'các tổ dân phố',
      'Các cơ quan, đơn vị liên quan',
    ]) {
      const ref = d.resolve(text);
      assert.equal(ref.group, true, text);
      assert.equal(ref.unitId, null, text);
    }
    const unknown = d.resolve('Trung tâm Truyền thông hư cấu tỉnh');
    assert.equal(unknown.group, false);
    assert.equal(unknown.unitId, null);
    assert.equal(unknown.text, 'Trung tâm Truyền thông hư cấu tỉnh');
    assert.ok(unknown.confidence < 0.5);
    // The province's press agency, as the seed plan writes it (without "Đài"), is the register's.
    const press = d.resolve('Báo và Phát thanh - Truyền hình Thanh Hóa');
    assert.equal(press.unitCode, '38.BĐPTTH');
    assert.equal(press.unitName, 'Báo và Đài Phát thanh - Truyền hình Thanh Hóa');
    assert.equal(press.confidence, 1);
    const centre = d.resolve('Trung tâm cung ứng dịch vụ công phường', { withinCode: NAM_SAM_SON });
    assert.equal(centre.unitId, null, 'not a unit of the ward');
  });

  it('reads another province as itself, never as Thanh Hóa', () => {
    assert.equal(d.resolve('ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN').unitCode, '20');
    assert.equal(d.resolve('UBND TỈNH KHÁNH HÒA').unitCode, '56');
    assert.equal(d.resolve('ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH').unitCode, '79');
    assert.equal(d.resolve('UBND TP. Huế').unitCode, '46');
    assert.equal(d.match('Tỉnh Hà Giang').how, 'exact', 'a province merged in 2025 is a former name of the new one');
    assert.equal(d.resolve('Tỉnh Hà Giang').unitCode, '08');
  });

  it('reads "UBND tỉnh" as the document\'s own province', () => {
    assert.equal(d.resolve('UBND tỉnh', { withinCode: '40' }).unitCode, '40');
    assert.equal(d.resolve('Ủy ban nhân dân thành phố', { withinCode: '01' }).unitCode, '01');
    assert.equal(d.resolve('Ủy ban nhân dân tỉnh', { withinCode: NAM_SAM_SON }).unitCode, '38');
    assert.equal(d.resolve('UBND tỉnh', { withinCode: '38.SKHCN' }).unitCode, '38');
  });

  it("never takes Thanh Hóa's agency for another province's", () => {
    const m = d.match('Sở Tư pháp', { withinCode: '40' });
    assert.equal(m.ref.unitId, null, 'Nghệ An has its own Sở Tư pháp');
    assert.equal(m.elsewhere?.code, '38.STP', 'the name is known, the province is not onboarded');
    assert.equal(d.match('Sở Tư pháp tỉnh', { withinCode: '40' }).entry, null);
    assert.equal(d.match('Sở Tư pháp', { withinCode: '40' }).how, 'none', 'not a typo of anything either');
    assert.equal(d.resolve('Sở Tư pháp tỉnh Thanh Hóa', { withinCode: '40' }).unitCode, '38.STP', 'named in full');
    assert.equal(d.resolve('Sở Tư pháp', { withinCode: NAM_SAM_SON }).unitCode, '38.STP');
    assert.equal(d.resolve('Sở Tư pháp').unitCode, '38.STP', 'without context, the only one');
    assert.equal(d.resolve('Bộ Tư pháp', { withinCode: '40' }).unitCode, 'TW.BTP', "national bodies are everyone's");
  });

  it('knows the Government and its bodies', () => {
    assert.equal(d.resolve('Chính phủ').unitCode, 'TW.CP');
    assert.equal(d.resolve('VĂN PHÒNG CHÍNH PHỦ').unitCode, 'TW.VPCP');
    assert.equal(d.resolve('Bộ Dân tộc và Tôn giáo').unitCode, 'TW.BDTTG');
    assert.equal(d.resolve('Thông tấn xã Việt Nam').unitCode, 'TW.TTXVN');
  });

  it('tells tree membership across codes that do not share a prefix', () => {
    assert.equal(d.contains('38', NAM_SAM_SON), true);
    assert.equal(d.contains('38', `${NAM_SAM_SON}.PVHXH`), true);
    assert.equal(d.contains('40', NAM_SAM_SON), false);
    assert.equal(d.provinceOf(`${NAM_SAM_SON}.CA`)?.code, '38');
    assert.equal(d.provinceOf('TW.BTP'), null);
  });

  it('finds a unit after a person title', () => {
    const m = d.match('Giám đốc Sở Khoa học và Công nghệ');
    assert.equal(m.ref.unitCode, '38.SKHCN');
    assert.ok(m.ref.confidence < 1);
  });

  it('suggests register units for unknown names', () => {
    const s = d.suggest('Trung tâm cung ứng dịch vụ công phường', { withinCode: NAM_SAM_SON });
    assert.equal(s[0]?.entry.code, '16516.TTPVHCC');
  });
});

describe('splitUnitList', () => {
  const d = referenceDirectory();
  const cases: Array<[string, string[]]> = [
    ['Sở Tài chính và các cơ quan, tổ chức có liên quan.', ['Sở Tài chính', 'các cơ quan, tổ chức có liên quan']],
    [
      'Phòng Kinh tế, Hạ tầng và Đô thị; các cơ quan, tổ chức có liên quan.',
      ['Phòng Kinh tế, Hạ tầng và Đô thị', 'các cơ quan, tổ chức có liên quan'],
    ],
    [
      'Các sở, ban, ngành tỉnh, Báo và Phát thanh - Truyền hình Thanh Hóa, UBND các xã, phường và các đơn vị có liên quan.',
      [
        'Các sở, ban, ngành tỉnh',
        'Báo và Phát thanh - Truyền hình Thanh Hóa',
        'UBND các xã, phường',
        'các đơn vị có liên quan',
      ],
    ],
    [
      'Các phòng, ban, ngành, Trung tâm cung ứng dịch vụ công phường, các tổ dân phố và các đơn vị có liên quan.',
      ['Các phòng, ban, ngành', 'Trung tâm cung ứng dịch vụ công phường', 'các tổ dân phố', 'các đơn vị có liên quan'],
    ],
    ['Công an tỉnh và các cơ quan, đơn vị liên quan.', ['Công an tỉnh', 'các cơ quan, đơn vị liên quan']],
    ['Sở Văn hóa, Thể thao và Du lịch, Sở Tài chính', ['Sở Văn hóa, Thể thao và Du lịch', 'Sở Tài chính']],
    [
      'Sở Khoa học và Công nghệ, Sở Giáo dục và Đào tạo và UBND các xã, phường',
      ['Sở Khoa học và Công nghệ', 'Sở Giáo dục và Đào tạo', 'UBND các xã, phường'],
    ],
    ['Sở Khoa học và Công nghệ.', ['Sở Khoa học và Công nghệ']],
  ];
  for (const [text, expected] of cases) {
    it(text, () => assert.deepEqual(splitUnitList(text, d), expected));
  }

  it('resolves each unit of a list in context', () => {
    const refs = d.resolveList('Công an phường và các cơ quan, đơn vị liên quan.', { withinCode: NAM_SAM_SON });
    assert.deepEqual(
      refs.map((r) => [r.unitCode, r.group]),
      [
        ['16516.CA', false],
        [null, true],
      ],
    );
  });
});

describe('a small register', () => {
  const entries: UnitEntry[] = [
    {
      id: 1,
      parentId: null,
      kind: 'province',
      code: '38',
      name: 'Tỉnh Thanh Hóa',
      shortName: 'Thanh Hóa',
      aliases: ['UBND tỉnh'],
    },
    { id: 2, parentId: 1, kind: 'agency', code: '38.SYT', name: 'Sở Y tế', shortName: 'SYT', aliases: [] },
    { id: 3, parentId: 1, kind: 'commune', code: '15001', name: 'Xã Nga Sơn', shortName: 'Nga Sơn', aliases: [] },
    {
      id: 4,
      parentId: 3,
      kind: 'office',
      code: '15001.PKT',
      name: 'Phòng Kinh tế xã Nga Sơn',
      shortName: 'Phòng Kinh tế',
      aliases: [],
    },
    {
      id: 5,
      parentId: 3,
      kind: 'neighbourhood',
      code: '15001.T1',
      name: 'Thôn Đông',
      shortName: 'Thôn Đông',
      aliases: [],
    },
  ];
  const d = new UnitDirectory(entries);

  it('uses ids from the entries and tells subtree membership', () => {
    assert.equal(d.resolve('Phòng Kinh tế xã', { withinCode: '15001' }).unitId, 4);
    assert.equal(d.resolve('Thôn Đông').unitId, 5);
    assert.ok(UnitDirectory.isWithin('15001.PKT', '15001'));
    assert.ok(!UnitDirectory.isWithin('150011', '15001'));
  });

  it("a unit's own name wins over another unit's customary name (a register loaded before the Government was a unit)", () => {
    const older = new UnitDirectory([
      ...entries,
      { id: 10, parentId: null, kind: 'central', code: 'TW', name: 'Trung ương', shortName: 'Trung ương', aliases: [] },
      {
        id: 11,
        parentId: 10,
        kind: 'national',
        code: 'TW.TTg',
        name: 'Thủ tướng Chính phủ',
        shortName: 'TTg',
        aliases: ['Chính phủ'],
      },
      { id: 12, parentId: 10, kind: 'national', code: 'TW.CP', name: 'Chính phủ', shortName: 'CP', aliases: [] },
    ]);
    assert.equal(older.resolve('Chính phủ').unitCode, 'TW.CP');
    assert.equal(older.resolve('Thủ tướng Chính phủ').unitCode, 'TW.TTg');
  });

  it('canonical names expand abbreviations and drop punctuation', () => {
    assert.equal(canonicalName('UBND tỉnh Thanh Hoá'), canonicalName('Ủy ban nhân dân tỉnh Thanh Hóa'));
    assert.equal(canonicalName('Văn hóa-Xã hội'), canonicalName('Văn hóa - Xã hội'));
  });

  it('bounded edit distance agrees with Levenshtein within the bound', () => {
    assert.equal(boundedDistance('kitten', 'sitting', 3), 3);
    assert.equal(boundedDistance('kitten', 'sitting', 2), 3);
    assert.equal(boundedDistance('so y te', 'so y te', 1), 0);
  });
});
