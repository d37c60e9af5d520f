// Reading a province's units CSV: a real file of Nghệ An is read whole; every problem of a bad file is named by line and
// column in Vietnamese; hostile files (not UTF-8, too large, broken quotes) are refused with a reason.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { issueText, parseUnitCsv, UNIT_CSV_MAX_BYTES, unitsFromCsv } from '../../src/domain/org/unit-import.ts';
import { readCsv } from '../../src/modules/org/reference-data.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const NGHE_AN = new Uint8Array(readFileSync(new URL('../fixtures/units/nghe-an-communes.csv', import.meta.url)));
const offices = readCsv<{ short_code: string; name: string; kind: string; applies_to: string }>('commune-offices.csv');

describe('units CSV: a real province', () => {
  it('reads the ten communes and wards of Nghệ An with their offices', () => {
    const parsed = parseUnitCsv(NGHE_AN);
    assert.deepEqual(parsed.issues, []);
    assert.equal(parsed.format, 'communes');
    assert.equal(parsed.rows, 10);
    assert.equal(parsed.lines['17179'], 8, 'Quỳnh Lưu is on line 8 (the header is line 1)');
    const units = unitsFromCsv(parsed, '40', offices);
    const communes = units.filter((u) => u.kind === 'commune' || u.kind === 'ward');
    assert.equal(communes.length, 10);
    assert.equal(communes.filter((u) => u.kind === 'ward').length, 6);
    const quynhLuu = units.find((u) => u.code === '17179')!;
    assert.deepEqual([quynhLuu.name, quynhLuu.shortName, quynhLuu.parentCode], ['Xã Quỳnh Lưu', 'Quỳnh Lưu', '40']);
    assert.ok(quynhLuu.aliases.some((a) => a.name === 'UBND xã Quỳnh Lưu'));
    // Offices by the commune's type (Nghị định 150/2025): a xã has Phòng Kinh tế, a phường the one with Hạ tầng.
    assert.equal(units.find((u) => u.code === '17179.PKT')?.name, 'Phòng Kinh tế xã Quỳnh Lưu');
    assert.equal(
      units.find((u) => u.code === '16690.PKTHTĐT')?.name,
      'Phòng Kinh tế, Hạ tầng và Đô thị phường Trường Vinh',
    );
    assert.equal(units.filter((u) => u.kind === 'office').length, 90);
  });

  it('reads former units and a name written with its type', () => {
    const parsed = parseUnitCsv(
      bytes(
        'code,name,type,former_units\n17179,Xã Quỳnh Lưu,xã,"Xã Quỳnh Hồng (17194, Huyện Quỳnh Lưu, một phần); Xã An Hòa"\n',
      ),
    );
    assert.deepEqual(parsed.issues, []);
    assert.equal(parsed.communes[0]!.name, 'Quỳnh Lưu');
    const commune = unitsFromCsv(parsed, '40', offices)[0]!;
    const formers = commune.aliases.filter((a) => a.kind === 'former');
    assert.deepEqual(
      formers.map((a) => [a.name, a.note]),
      [
        ['Xã Quỳnh Hồng', 'Mã 17194, Huyện Quỳnh Lưu; nhập một phần'],
        ['Xã An Hòa', 'nhập toàn bộ'],
      ],
    );
  });

  it('reads a departments file by its header', () => {
    const parsed = parseUnitCsv(
      bytes('short_code,name,kind,aliases\nSTP,Sở Tư pháp,co_quan_chuyen_mon,Sở TP\nSYT,Sở Y tế,co_quan_chuyen_mon,\n'),
    );
    assert.deepEqual(parsed.issues, []);
    assert.equal(parsed.format, 'agencies');
    const units = unitsFromCsv(parsed, '40', offices);
    assert.deepEqual(
      units.map((u) => [u.code, u.kind, u.parentCode]),
      [
        ['40.STP', 'agency', '40'],
        ['40.SYT', 'agency', '40'],
      ],
    );
    assert.deepEqual(
      units[0]!.aliases.map((a) => a.name),
      ['STP', 'Sở TP'],
    );
  });
});

describe('units CSV: every problem named by line and column', () => {
  it('lists each bad row with its line, its column and what to write', () => {
    const parsed = parseUnitCsv(
      bytes(
        [
          'code,name,type,former_units',
          '17179,Quỳnh Lưu,xã,',
          '1793,Nam Đàn,xã,',
          '17971,Kim Liên,thị trấn,',
          '17179,Quỳnh Lưu 2,xã,',
          '17827,,xã,',
          '16681,Thành Vinh,phường',
          '16690,Trường Vinh,phường,Phường Trường Thi (bỏ)',
          '16702,Huyện Vinh Phú,phường,',
        ].join('\n'),
      ),
    );
    assert.deepEqual(
      parsed.issues.map((i) => [i.line, i.column]),
      [
        [7, null],
        [3, 'code'],
        [4, 'type'],
        [5, 'code'],
        [6, 'name'],
        [8, 'former_units'],
        [9, 'name'],
      ],
    );
    const texts = parsed.issues.map(issueText);
    assert.equal(
      texts[1],
      'Dòng 3, cột “code”: mã đơn vị hành chính gồm 5 chữ số (Quyết định 19/2025/QĐ-TTg); đang ghi “1793”.',
    );
    assert.match(texts[2]!, /^Dòng 4, cột “type”: loại đơn vị phải là “xã” hoặc “phường”; đang ghi “thị trấn”\.$/u);
    assert.match(texts[3]!, /mã 17179 đã có ở dòng 2/u);
    assert.match(texts[4]!, /^Dòng 6, cột “name”: chưa ghi tên\.$/u);
    assert.match(texts[0]!, /^Dòng 7: dòng có 3 ô, tiêu đề có 4 cột/u);
    assert.match(texts[6]!, /không kèm loại đơn vị/u);
  });

  it('names a missing or misspelt column on the header line', () => {
    const parsed = parseUnitCsv(bytes('code,nmae,type\n17179,Quỳnh Lưu,xã\n'));
    assert.deepEqual(
      parsed.issues.map((i) => [i.line, i.column]),
      [
        [1, 'name'],
        [1, 'nmae'],
      ],
    );
    assert.match(issueText(parsed.issues[0]!), /^Dòng 1, cột “name”: thiếu cột này/u);
  });

  it('refuses a file that is not UTF-8, too large, or with a broken quote', () => {
    // "Quỳnh" saved in a legacy 8-bit code page.
    const legacy = parseUnitCsv(
      new Uint8Array([...bytes('code,name,type\n17179,Qu'), 0xfd, 0xf1, ...bytes('nh,xã\n')]),
    );
    assert.match(issueText(legacy.issues[0]!), /không được mã hóa UTF-8/u);
    const huge = parseUnitCsv(new Uint8Array(UNIT_CSV_MAX_BYTES + 1));
    assert.match(issueText(huge.issues[0]!), /lớn hơn 2 MB/u);
    const quote = parseUnitCsv(bytes('code,name,type\n17179,"Quỳnh Lưu,xã\n17935,Nam Đàn,xã\n'));
    assert.equal(quote.issues.length, 1);
    assert.match(issueText(quote.issues[0]!), /ngoặc kép/u);
    assert.deepEqual(quote.communes, []);
  });

  it('takes a file saved by a spreadsheet (byte-order mark, CRLF, spaces around cells)', () => {
    const parsed = parseUnitCsv(bytes('\uFEFFcode,name,type\r\n 17179 , Quỳnh Lưu , xã \r\n'));
    assert.deepEqual(parsed.issues, []);
    assert.deepEqual(parsed.communes, [{ code: '17179', name: 'Quỳnh Lưu', type: 'xã' }]);
  });
});
