// The DOCX guard on its own: what it refuses before inflating, what it stops while inflating, and what it hands to
// mammoth (only the parts mammoth reads, inflated under their limits).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { unzipSync } from 'fflate';
import { AppError } from '../../src/domain/errors.ts';
import { DOCX_LIMITS, guardDocx } from '../../src/documents/parse/zip-guard.ts';
import { sourceLines } from '../../src/documents/parse/lines.ts';
import { declaring, deflated, docxParts, docxWith, stored, writeZip, zeros } from '../support/hostile-zip.ts';

const MB = 1024 * 1024;
const PLAN = ['KẾ HOẠCH', 'Triển khai thi hành Luật Trí tuệ nhân tạo'];

function refusedWith(status: number, message: RegExp) {
  return (err: unknown) => {
    assert.ok(err instanceof AppError, String(err));
    assert.equal(err.status, status, err.message);
    assert.match(err.message, /^Tệp DOCX bị từ chối: /);
    assert.match(err.message, message);
    return true;
  };
}

describe('zip guard', () => {
  test('a real DOCX passes; mammoth gets only the parts it reads, and reads the text', async () => {
    const upload = await docxWith(PLAN, [
      stored('word/media/image1.png', new Uint8Array(5000)),
      stored('word/embeddings/x.bin', new Uint8Array(10)),
    ]);
    const names = Object.keys(unzipSync(guardDocx(upload))).sort();
    assert.ok(
      names.includes('word/document.xml') && names.includes('[Content_Types].xml') && names.includes('_rels/.rels'),
    );
    assert.ok(!names.some((n) => n.startsWith('word/media/') || n.startsWith('word/embeddings/')), names.join(', '));
    const lines = await sourceLines({ filename: 'kh.docx', content: upload });
    assert.deepEqual(
      lines.map((l) => l.text),
      PLAN,
    );
  });

  test('document.xml declared at 300 MB is refused before inflating', async () => {
    const bomb = await docxWith(PLAN, [zeros('word/document.xml', 300 * MB)]);
    const t = performance.now();
    assert.throws(
      () => guardDocx(bomb),
      refusedWith(413, /phần nội dung \(word\/document\.xml\) khi giải nén vượt quá 20 MB \(khai báo 300 MB\)/),
    );
    assert.ok(performance.now() - t < 1_000);
  });

  test('a lying declared size stops the inflater at the declared size', async () => {
    const liar = await docxWith(PLAN, [declaring(zeros('word/document.xml', 300 * MB), 1_000)]);
    assert.throws(() => guardDocx(liar), refusedWith(422, /lớn hơn kích thước khai báo \(1\.000 byte\)/));
  });

  test('a lie within the limits is stopped at the declared size', async () => {
    const liar = await docxWith(PLAN, [declaring(zeros('word/document.xml', 300 * MB), 19 * MB)]);
    assert.throws(() => guardDocx(liar), refusedWith(422, /lớn hơn kích thước khai báo \(19\.922\.944 byte\)/));
  });

  test('a part under the size limit that compresses 1,000:1 is refused for its ratio', async () => {
    const dense = await docxWith(PLAN, [zeros('word/document.xml', 15 * MB)]);
    assert.throws(
      () => guardDocx(dense),
      refusedWith(413, /phần nội dung \(word\/document\.xml\) nén với tỷ lệ hơn 200:1/),
    );
  });

  test('a part that inflates to less than it declares is refused', async () => {
    const short = await docxWith(PLAN, [declaring(deflated('word/document.xml', new Uint8Array(100)), 200)]);
    assert.throws(() => guardDocx(short), refusedWith(422, /không khớp với nội dung/));
  });

  test('100,000 entries are refused from the directory', () => {
    const many = writeZip(Array.from({ length: 100_000 }, (_, i) => stored(`word/p${i}.xml`, new Uint8Array(0))));
    assert.throws(() => guardDocx(many), refusedWith(413, /tệp nén có hơn 2\.000 phần/));
  });

  test('other parts have their own limit and the archive a total', async () => {
    assert.throws(
      () => guardDocx(writeZip([declaring(stored('word/styles.xml', new Uint8Array(60_000)), 11 * MB)])),
      refusedWith(413, /phần "word\/styles\.xml" khi giải nén vượt quá 10 MB/),
    );
    const parts = await docxParts(PLAN);
    const fat = Array.from({ length: 5 }, (_, i) =>
      declaring(stored(`word/footer${i}.xml`, new Uint8Array(50_000)), 9 * MB),
    );
    assert.throws(
      () => guardDocx(writeZip([...parts, ...fat])),
      refusedWith(413, new RegExp(`vượt quá ${DOCX_LIMITS.totalBytes / MB} MB`)),
    );
  });

  test('two parts of one name, encrypted parts, truncated and non-zip files are refused', async () => {
    const parts = await docxParts(PLAN);
    const doc = parts.find((p) => p.name === 'word/document.xml')!;
    assert.throws(
      () => guardDocx(writeZip([...parts, doc])),
      refusedWith(422, /hai phần cùng tên "word\/document\.xml"/),
    );
    const encrypted = writeZip(parts);
    const at = encrypted.lastIndexOf(Buffer.from('word/document.xml')) - 46;
    encrypted.writeUInt16LE(1, at + 8);
    assert.throws(() => guardDocx(encrypted), refusedWith(422, /đặt mật khẩu/));
    const whole = writeZip(parts);
    assert.throws(() => guardDocx(whole.subarray(0, whole.length - 30)), refusedWith(422, /bị hỏng/));
    assert.throws(
      () => guardDocx(Buffer.from('KẾ HOẠCH không phải tệp nén')),
      refusedWith(422, /không tìm thấy mục lục/),
    );
    assert.throws(
      () => guardDocx(writeZip(parts.filter((p) => p.name !== 'word/document.xml'))),
      refusedWith(422, /không có phần nội dung word\/document\.xml/),
    );
  });
});
