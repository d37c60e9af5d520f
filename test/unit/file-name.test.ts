// Names of downloaded documents (issue 9: "…cua-uy-ban-nhan-dan-tin.docx", "cong-van-don-doc-don-doc-…").
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentFileName, FILE_NAME_MAX, slugOf, slugWords } from '../../src/domain/file-name.ts';

const REPORT_TITLE =
  'Kết quả thực hiện Kế hoạch số 129/KH-UBND ngày 04/5/2026 của Ủy ban nhân dân tỉnh về triển khai thi hành Luật Trí tuệ nhân tạo trên địa bàn tỉnh Thanh Hóa năm 2026';

/** The slug the routes used before: folded, dashes, the first 80 characters whatever they cut. */
function fold80(text: string): string {
  return slugWords(text).join('-').slice(0, 80).replace(/-$/, '');
}

/** Every word of the name is a whole word of the kind, the number or the title. */
function assertWholeWords(name: string, ...sources: string[]): void {
  const allowed = new Set(sources.flatMap(slugWords));
  for (const w of name.replace(/\.[a-z]+$/, '').split('-')) assert.ok(allowed.has(w), `“${w}” là một từ trọn vẹn`);
}

describe('documentFileName', () => {
  it('names an issued plan by its number and the start of its title, ending at a whole phrase', () => {
    const title = 'Triển khai thi hành Luật Trí tuệ nhân tạo trên địa bàn tỉnh Thanh Hóa';
    const name = documentFileName({ kind: 'Kế hoạch', number: '129', symbol: 'KH-UBND', title, ext: 'docx' });
    assert.equal(name, 'ke-hoach-so-129-kh-ubnd-trien-khai-thi-hanh-luat-tri-tue-nhan-tao.docx');
    assert.ok(name.length - '.docx'.length <= FILE_NAME_MAX);
    // A draft has no number yet.
    assert.equal(
      documentFileName({ kind: 'Kế hoạch', number: null, symbol: 'KH-UBND', title, ext: 'xlsx' }),
      'ke-hoach-trien-khai-thi-hanh-luat-tri-tue-nhan-tao-tren-dia-ban-tinh-thanh-hoa.xlsx',
    );
  });

  it('never cuts a word: the compiled report that ended in "…cua-uy-ban-nhan-dan-tin"', () => {
    const name = documentFileName({
      kind: 'Báo cáo',
      number: null,
      symbol: 'BC-SKHCN',
      title: REPORT_TITLE,
      ext: 'docx',
    });
    assert.equal(name, 'bao-cao-ket-qua-thuc-hien-ke-hoach-so-129-kh-ubnd-ngay-04-5-2026.docx');
    assertWholeWords(name, 'Báo cáo', REPORT_TITLE);
    for (const max of [20, 33, 47, 61, 80])
      assertWholeWords(
        documentFileName({ kind: 'Báo cáo', title: REPORT_TITLE, ext: 'docx', max }),
        'Báo cáo',
        REPORT_TITLE,
      );
  });

  it('does not say twice what the kind says: the reminder letter', () => {
    const name = documentFileName({
      kind: 'Công văn đôn đốc',
      number: null,
      symbol: 'SKHCN-VP',
      title: 'V/v đôn đốc gửi báo cáo kết quả thực hiện Kế hoạch số 129/KH-UBND năm 2026',
      ext: 'docx',
    });
    assert.equal(name, 'cong-van-don-doc-gui-bao-cao-ket-qua-thuc-hien-ke-hoach-so-129-kh-ubnd-nam-2026.docx');
    assert.doesNotMatch(name, /don-doc-don-doc/);
    // A unit report whose title starts with "Báo cáo" is "bao-cao-…" once; a numbered one carries its number.
    assert.equal(
      documentFileName({
        kind: 'Báo cáo',
        number: '12',
        symbol: 'BC-UBND',
        title: 'Báo cáo kết quả năm 2026',
        ext: 'docx',
      }),
      'bao-cao-so-12-bc-ubnd-ket-qua-nam-2026.docx',
    );
    assert.equal(
      documentFileName({ kind: 'Báo cáo', title: 'Báo cáo kết quả năm 2026', ext: 'docx' }),
      'bao-cao-ket-qua-nam-2026.docx',
    );
  });

  it('keeps names ASCII, whatever the title holds', () => {
    const name = documentFileName({
      kind: 'Mẫu AI02',
      title: 'Trợ lý ảo "Một cửa" — phường Đông Sơn / 2026',
      ext: 'docx',
    });
    assert.equal(name, 'mau-ai02-tro-ly-ao-mot-cua-phuong-dong-son-2026.docx');
    assert.match(name, /^[a-z0-9-]+\.docx$/);
    assert.equal(documentFileName({ kind: 'Hệ thống AI', title: '', ext: 'xlsx' }), 'he-thong-ai.xlsx');
  });

  it('gives the other exports a slug of whole words (the old one cut at 80 characters, inside a word)', () => {
    // What the compiled report was called before: "…-cua-uy-ban-nhan-dan-tin" (issue 9).
    assert.equal(fold80(REPORT_TITLE).split('-').at(-1), 'tin');
    const s = slugOf(REPORT_TITLE);
    assert.equal(s, 'ket-qua-thuc-hien-ke-hoach-so-129-kh-ubnd-ngay-04-5-2026-cua-uy-ban-nhan-dan');
    assertWholeWords(s, REPORT_TITLE);
    assert.equal(slugOf('Kế hoạch số 129/KH-UBND', 12), 'ke-hoach-so');
    assert.equal(slugOf(''), '');
  });
});
