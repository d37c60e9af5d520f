// The dataset quality engine on its own (no pool): reading the three formats, the report's counts, the personal-data
// detectors on columns that hold such data and on columns that only look like it, schema validation and
// de-identification.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { TableSchemaSchema } from '../../src/contracts/dataset-quality.ts';
import type { AppError } from '../../src/domain/errors.ts';
import {
  deidentify,
  isTaxCode,
  kAnonymity,
  maskCell,
  type QualityReport,
  qualityReport,
  readWholeTable,
  writeTable,
} from '../../src/domain/datasets/quality/index.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const report = (text: string, filename = 'd.csv', schema?: unknown) =>
  qualityReport(filename, utf8(text), {
    nowYear: 2026,
    schema: schema ? TableSchemaSchema.parse(schema) : undefined,
  });
const kinds = (r: QualityReport) => r.personalData.map((p) => `${p.column}:${p.kind}`).sort();
const field = (r: QualityReport, name: string) => r.fields.find((f) => f.name === name)!;
const csv = (header: string, cells: string[][]) => `${header}\n${cells.map((c) => c.join(',')).join('\n')}\n`;
const column = (header: string, values: string[]) => `${header}\n${values.map((v) => `"${v}"`).join('\n')}\n`;

/** windows-1258 bytes of a text: each character, or its base letter and tone mark, as the code page writes it. */
function cp1258(text: string): Uint8Array {
  const table = new Map<string, number>();
  const dec = new TextDecoder('windows-1258');
  for (let b = 0; b < 256; b++) table.set(dec.decode(Uint8Array.of(b)), b);
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    if (table.has(ch)) {
      out.push(table.get(ch)!);
      continue;
    }
    const d = [...ch.normalize('NFD')];
    const base = d.slice(0, -1).join('').normalize('NFC');
    assert.ok(table.has(base) && table.has(d.at(-1)!), `cannot encode ${ch}`);
    out.push(table.get(base)!, table.get(d.at(-1)!)!);
  }
  return Uint8Array.from(out);
}

/** What a UTF-8 text looks like after being read as windows-1252 and saved again. */
function mojibake(s: string): string {
  return new TextDecoder('windows-1252').decode(utf8(s));
}

const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Minh Cường', 'Phạm Thị Dung', 'Hoàng Đức Em', 'Vũ Ngọc Hà'];

describe('reading', () => {
  test('delimiters, BOM, blank rows, trailing delimiters, empty and repeated headers', async () => {
    const body = '\uFEFFa;b;;a;\n1;x;p;q;\n\n;;;;\n2;y;r;s;\n';
    const r = await report(body);
    assert.equal(r.rows, 2);
    assert.deepEqual(
      r.fields.map((f) => f.name),
      ['a', 'b', 'cot_3', 'a_2'],
    );
    assert.ok(r.notes.some((n) => n.includes('Tên cột bị lặp: "a"')));
    assert.ok(r.notes.some((n) => n.includes('"cot_3"')));
    assert.ok(r.notes.some((n) => n.includes('bỏ qua 1 dòng trống')));
    const tab = await report('x\ty\n1\t2\n3\t4\n');
    assert.equal(tab.columns, 2);
    assert.equal(field(tab, 'y').inferredType, 'integer');
  });

  test('Vietnamese numbers and dates are numbers and dates; leading-zero codes are identifiers', async () => {
    const r = await report(
      csv('tien,ngay,nam,co,ma_xa,luc', [
        ['"1.234.567"', '05/12/2026', '2024', 'có', '15001', '2026-01-02T08:30:00'],
        ['"1.234,5"', '2026-12-05', '2025', 'không', '03001', '2026-01-02 09:00'],
        ['12', '31/01/2025', '1999', 'có', '15002', '02/01/2026 10:00'],
      ]),
    );
    assert.equal(field(r, 'tien').inferredType, 'number');
    assert.equal(field(r, 'ngay').inferredType, 'date');
    assert.equal(field(r, 'nam').inferredType, 'year');
    assert.equal(field(r, 'co').inferredType, 'boolean');
    assert.equal(field(r, 'luc').inferredType, 'datetime');
    assert.equal(field(r, 'ma_xa').inferredType, 'string');
    assert.equal(r.personalData.length, 0, JSON.stringify(r.personalData));
  });

  test('a CSV in windows-1258 is read and reported as not UTF-8', async () => {
    const text = `ho_ten,ghi_chu\n${NAMES.map((n) => `${n},Đã xác minh`).join('\n')}\n`;
    const r = await qualityReport('cu.csv', cp1258(text));
    assert.equal(r.encoding, 'windows-1258');
    assert.ok(r.encodingProblems.some((p) => p.kind === 'notUtf8'));
    assert.deepEqual(kinds(r), ['ho_ten:fullName']);
    const table = await readWholeTable('cu.csv', cp1258(text));
    assert.equal(table.rows[0]![0], 'Nguyễn Văn An');
    assert.equal(table.rows[0]![1], 'Đã xác minh');
    assert.ok(r.score < 100);
  });

  test('mojibake, NFD and replacement characters are counted per column', async () => {
    const rows = NAMES.map((n) => [mojibake(n), n.normalize('NFD'), 'ab\uFFFDc']);
    const r = await report(csv('nguoi,ten_nfd,x', rows));
    const p = (kind: string, col: string) => r.encodingProblems.find((e) => e.kind === kind && e.column === col)?.count;
    assert.equal(mojibake('Nguyễn'), 'Nguyá»…n');
    assert.equal(p('mojibake', 'nguoi'), 6);
    assert.equal(p('nfd', 'ten_nfd'), 6);
    assert.equal(p('replacement', 'x'), 6);
    // The names are still found: the mojibake is repaired and NFD folded before the name test.
    assert.deepEqual(kinds(r), ['nguoi:fullName', 'ten_nfd:fullName']);
  });

  test('JSON: an array of objects or { data }, nested values as text', async () => {
    const list = [
      { id: 1, info: { a: 1 }, tags: ['x'] },
      { id: 2, extra: true },
    ];
    for (const body of [list, { data: list }]) {
      const r = await report(JSON.stringify(body), 'd.json');
      assert.equal(r.format, 'json');
      assert.equal(r.rows, 2);
      assert.deepEqual(
        r.fields.map((f) => f.name),
        ['id', 'info', 'tags', 'extra'],
      );
    }
    const t = await readWholeTable('d.json', utf8(JSON.stringify(list)));
    assert.equal(t.rows[0]![1], '{"a":1}');
    await assert.rejects(report('{"x": 1}', 'd.json'), (e: AppError) => e.status === 422 && /mảng/.test(e.message));
  });

  test('XLSX: the first non-empty sheet, numbers and dates as cells', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Trống');
    const ws = wb.addWorksheet('Dữ liệu');
    ws.addRow(['ho_ten', 'ngay_sinh', 'so_tien']);
    NAMES.forEach((n, i) => {
      ws.addRow([n, new Date(Date.UTC(1980 + i, 0, 15)), 1000 * i]);
    });
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await qualityReport('d.xlsx', bytes, { nowYear: 2026 });
    assert.equal(r.format, 'xlsx');
    assert.equal(r.rows, 6);
    assert.equal(field(r, 'ngay_sinh').inferredType, 'date');
    assert.equal(field(r, 'so_tien').inferredType, 'integer');
    assert.deepEqual(kinds(r), ['ho_ten:fullName', 'ngay_sinh:birthDate']);
  });

  test('the bytes decide the format: a zip named .csv, text named .xlsx, old .xls are refused in Vietnamese', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('a').addRow(['x']);
    const zip = new Uint8Array(await wb.xlsx.writeBuffer());
    await assert.rejects(qualityReport('d.csv', zip), (e: AppError) => e.status === 422 && /tệp nén/.test(e.message));
    await assert.rejects(qualityReport('d.xlsx', utf8('a,b\n1,2\n')), (e: AppError) => e.status === 422);
    await assert.rejects(
      qualityReport('d.xls', Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0, 0)),
      (e: AppError) => e.status === 422 && /\.xls/.test(e.message),
    );
    await assert.rejects(qualityReport('d.csv', new Uint8Array()), (e: AppError) => e.status === 422);
  });
});

describe('personal data', () => {
  test('CCCD, phone, email, tax code, address and names are found; the report holds row numbers, not values', async () => {
    const rows = [
      ['Nguyễn Văn An', '038095001234', '0912 345 678', 'an@thanhhoa.gov.vn', '0100109106', 'Số 12 đường Lê Lợi'],
      ['Tran Thi Binh', '001190001235', '+84 987.654.321', 'binh@example.vn', '0100109106-001', '12 Lê Lợi'],
      ['LÊ MINH CƯỜNG', '079200001236', '84345678901', 'c@example.vn', '0100109106', 'ngõ 5 Hào Nam'],
      ['Phạm Thị Dung', '040300001237', '0345678901', 'd@example.vn', '0100109106', 'thôn 3, xã Quảng Phú'],
    ];
    const r = await report(csv('Họ và tên,Số CCCD,SĐT,Email,MST,Địa chỉ', rows));
    assert.deepEqual(kinds(r), [
      'Email:email',
      'Họ và tên:fullName',
      'MST:taxCode',
      'SĐT:phone',
      'Số CCCD:cccd',
      'Địa chỉ:address',
    ]);
    assert.deepEqual(r.personalData.find((p) => p.kind === 'cccd')!.rows, [1, 2, 3, 4]);
    assert.ok(r.notes.includes('Cột "Số CCCD" chứa 4 số căn cước công dân.'));
    const json = JSON.stringify(r);
    for (const raw of ['038095001234', '0912 345 678', 'an@thanhhoa', 'Nguyễn Văn An', 'Hào Nam'])
      assert.ok(!json.includes(raw), raw);
  });

  test('the tax-code check digit', () => {
    assert.ok(isTaxCode('0100109106'));
    assert.ok(isTaxCode('0100109106-001'));
    assert.ok(!isTaxCode('0100109107'));
    assert.ok(!isTaxCode('010010910'));
  });

  test('numbers that only look personal are not flagged', async () => {
    const twelve = ['123456789012', '987654321098', '555555555555', '420000000001', '100000000002', '250000000003'];
    const amounts = ['150000000', '230000000', '99000000', '120500000', '310000000', '450000000'];
    const r = await report(
      csv(
        'ma_ho_so,so_tien,nam,ma_xa,so_luong,ma_don_vi',
        twelve.map((t, i) => [t, amounts[i]!, String(2000 + i), `1500${i}`, String(10 * i), `38.${i}`]),
      ),
    );
    assert.deepEqual(kinds(r), []);
  });

  test('bank accounts and old IDs need a header naming them', async () => {
    const digits = ['102345678', '190345671', '345678123', '456781234', '567812345'];
    const named = await report(
      csv(
        'Số tài khoản,CMND',
        digits.map((d) => [d, d]),
      ),
    );
    assert.deepEqual(kinds(named), ['CMND:cmnd', 'Số tài khoản:bankAccount']);
    const unnamed = await report(
      csv(
        'so_luong,gia_tri',
        digits.map((d) => [d, d]),
      ),
    );
    assert.deepEqual(kinds(unnamed), []);
  });

  test('names: unaccented and capitalised count; streets, places and schools named after people do not', async () => {
    const plain = await report(column('ho_ten', ['Nguyen Van An', 'Tran Thi Binh', 'Le Van Cuong', 'Pham Minh Duc']));
    assert.deepEqual(kinds(plain), ['ho_ten:fullName']);
    const streets = await report(
      column('ten_duong', ['Lê Lợi', 'Trần Phú', 'Nguyễn Trãi', 'Lê Hoàn', 'Phan Chu Trinh', 'Hàm Nghi']),
    );
    assert.deepEqual(kinds(streets), []);
    const provinces = await report(
      column('ten', ['Hà Nội', 'Cao Bằng', 'Lâm Đồng', 'Thanh Hóa', 'Nghệ An', 'Thành phố Hồ Chí Minh', 'Bắc Ninh']),
    );
    assert.deepEqual(kinds(provinces), []);
    const schools = await report(
      column('ten_truong', ['Trường THCS Lê Lợi', 'Trường Tiểu học Trần Phú', 'THPT Hàm Rồng']),
    );
    assert.deepEqual(kinds(schools), []);
  });

  test('birth dates by header and age; other date columns and years of birth are not flagged', async () => {
    const dates = ['05/12/1985', '1990-01-02', '12/05/1975', '01/01/2001'];
    const r = await report(
      csv(
        'ngaySinh,ngay_nop,nam_sinh',
        dates.map((d, i) => [d, d, String(1960 + i)]),
      ),
    );
    assert.deepEqual(kinds(r), ['ngaySinh:birthDate']);
  });

  test('addresses with house numbers, not document numbers or districts', async () => {
    const r = await report(
      csv('so_van_ban,quan', [
        ['Số 12/QĐ-UBND', 'Quận 1'],
        ['Số 5/KH-UBND', 'Quận 3'],
        ['Số 7/2024/NĐ-CP', 'Quận 5'],
      ]),
    );
    assert.deepEqual(kinds(r), []);
  });
});

describe('schema', () => {
  const schema = {
    fields: [
      { name: 'ma', type: 'integer', constraints: { required: true, unique: true } },
      { name: 'loai', type: 'string', constraints: { enum: ['A', 'B'] } },
      { name: 'diem', type: 'number', constraints: { minimum: 0, maximum: 10 } },
      { name: 'ngay', type: 'date', constraints: { minimum: '2026-01-01' } },
      { name: 'ma_so', type: 'string', constraints: { pattern: '[0-9]{5}', maxLength: 5 } },
      { name: 'khong_co', type: 'string' },
    ],
    primaryKey: 'ma',
    missingValues: ['', 'NA'],
  };

  test('type errors, constraints, missing columns and duplicate keys', async () => {
    const r = await report(
      csv('ma,loai,diem,ngay,ma_so,them', [
        ['1', 'A', '9,5', '05/01/2026', '15001', 'x'],
        ['1', 'C', '11', '31/12/2025', '1500', 'x'],
        ['x', 'B', 'NA', 'hôm qua', '15003', 'x'],
        ['NA', 'A', '3', '2026-02-01', '15004', 'x'],
      ]),
      'd.csv',
      schema,
    );
    const messages = r.schemaErrors.map((e) => `${e.column}@${e.row}: ${e.message}`);
    const has = (re: RegExp) =>
      assert.ok(
        messages.some((m) => re.test(m)),
        `${re} in ${messages.join(' | ')}`,
      );
    has(/^khong_co@0: thiếu cột/);
    has(/^ma@2: .*trùng với dòng 1/);
    has(/^ma@3: giá trị không phải số nguyên/);
    has(/^ma@4: ô trống ở cột bắt buộc/);
    has(/^loai@2: .*enum/);
    has(/^diem@2: .*tối đa/);
    has(/^ngay@2: .*tối thiểu/);
    has(/^ngay@3: .*không phải ngày/);
    has(/^ma_so@2: .*pattern/);
    has(/^ma@2: khóa chính .*trùng với dòng 1/);
    assert.equal(r.schemaErrorCount, r.schemaErrors.length);
    assert.equal(field(r, 'ma').declaredType, 'integer');
    assert.equal(field(r, 'ma').invalid, 2);
    assert.deepEqual(field(r, 'ma').invalidSamples, [2, 3]);
    assert.equal(field(r, 'diem').missing, 1);
    assert.ok(r.notes.some((n) => n.includes('"them"')));
    assert.ok(r.score < 90);
  });

  test('the schema contract refuses unknown types and bad patterns', () => {
    assert.equal(TableSchemaSchema.safeParse({ fields: [{ name: 'a', type: 'geopoint' }] }).success, false);
    assert.equal(
      TableSchemaSchema.safeParse({ fields: [{ name: 'a', constraints: { pattern: '(' } }] }).success,
      false,
    );
    assert.equal(TableSchemaSchema.parse({ fields: [{ name: 'a' }] }).fields[0]!.type, 'string');
  });

  test('errors are capped at 100 and counted in full', async () => {
    const r = await report(
      column(
        'n',
        Array.from({ length: 250 }, () => 'x'),
      ),
      'd.csv',
      { fields: [{ name: 'n', type: 'integer' }] },
    );
    assert.equal(r.schemaErrors.length, 100);
    assert.equal(r.schemaErrorCount, 250);
  });
});

describe('quality score', () => {
  test('a clean table scores 100; missing, invalid and duplicate cells lower it', async () => {
    const clean = await report(
      csv('a,b', [
        ['1', 'x'],
        ['2', 'y'],
        ['3', 'z'],
      ]),
    );
    assert.equal(clean.score, 100);
    const dirty = await report(
      csv('a,b', [
        ['1', ''],
        ['1', ''],
        ['x', 'z'],
        ['4', 'w'],
      ]),
    );
    assert.equal(dirty.duplicateRows, 1);
    assert.equal(field(dirty, 'b').missing, 2);
    assert.ok(dirty.score < 90 && dirty.score > 50, String(dirty.score));
  });
});

describe('de-identification', () => {
  const table = {
    format: 'csv' as const,
    encoding: 'utf-8',
    header: ['ho_ten', 'so_cccd', 'sdt', 'email', 'ngay_sinh', 'xa', 'gioi'],
    rows: [
      ['Nguyễn Văn An', '038095001234', '0912 345 678', 'an@thanhhoa.gov.vn', '05/12/1985', 'Quảng Phú', 'Nam'],
      ['Trần Thị Bình', '001190001235', '0987654321', 'b@example.vn', '1990-01-02', 'Quảng Phú', 'Nữ'],
      ['Lê Văn Cường', '079200001236', '0345678901', 'c@example.vn', '12/05/1975', 'Đông Hải', 'Nam'],
    ],
  };

  test('masks keep a recognisable shape', () => {
    assert.equal(maskCell('038095001234'), '038*********');
    assert.equal(maskCell('0912 345 678'), '**** *** *78');
    assert.equal(maskCell('+84 912 345 678'), '+** *** *** *78');
    assert.equal(maskCell('an@thanhhoa.gov.vn'), '***@thanhhoa.gov.vn');
    assert.equal(maskCell('Nguyễn Văn An'), 'N. V. A.');
    assert.equal(maskCell('05/12/1985'), '**/**/1985');
    assert.equal(maskCell('Số 12 đường Lê Lợi'), `S${'*'.repeat(17)}`);
  });

  test('drop, mask and generalise; the result has no personal data left', async () => {
    const out = deidentify(table, [
      { column: 'ho_ten', action: 'drop' },
      { column: 'so_cccd', action: 'mask' },
      { column: 'SDT', action: 'mask' },
      { column: 'email', action: 'drop' },
      { column: 'ngay_sinh', action: 'generaliseToYear' },
    ]);
    assert.deepEqual(out.header, ['so_cccd', 'sdt', 'ngay_sinh', 'xa', 'gioi']);
    assert.deepEqual(out.rows[0], ['038*********', '**** *** *78', '1985', 'Quảng Phú', 'Nam']);
    assert.deepEqual(table.rows[0]![0], 'Nguyễn Văn An', 'the input is not changed');
    const bytes = await writeTable(out);
    const r = await qualityReport('x.csv', bytes, { nowYear: 2026 });
    assert.deepEqual(r.personalData, []);
    assert.equal(r.rows, 3);
  });

  test('the output keeps its format: JSON and XLSX round trips', async () => {
    for (const format of ['json', 'xlsx'] as const) {
      const bytes = await writeTable({ ...table, format });
      const back = await readWholeTable(`x.${format}`, bytes);
      assert.equal(back.format, format);
      assert.deepEqual(back.header, table.header);
      assert.deepEqual(back.rows, table.rows);
    }
  });

  test('unknown columns are a 422 naming them', () => {
    assert.throws(
      () =>
        deidentify(table, [
          { column: 'cccd', action: 'mask' },
          { column: 'khac', action: 'drop' },
        ]),
      (e: AppError) => e.status === 422 && e.message.includes('"cccd", "khac"'),
    );
    assert.throws(
      () => kAnonymity(table, ['tuoi']),
      (e: AppError) => e.status === 422 && /"tuoi"/.test(e.message),
    );
  });

  test('k-anonymity: the smallest group and the rows in groups under k', () => {
    const k = kAnonymity(table, ['xa', 'gioi']);
    assert.deepEqual(k, { columns: ['xa', 'gioi'], k: 5, smallestGroup: 1, groups: 3, rowsInSmallGroups: 3 });
    const byCommune = kAnonymity(table, ['xa'], 2);
    assert.equal(byCommune.smallestGroup, 1);
    assert.equal(byCommune.rowsInSmallGroups, 1);
  });
});
