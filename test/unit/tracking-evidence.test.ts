// Evidence files: type from the bytes, safe names, download headers; where obstacles go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import {
  asciiFilename,
  contentDisposition,
  EVIDENCE_MAX_TOTAL_BYTES,
  evidenceSetProblem,
  formatSize,
  sanitizeFilename,
  sniff,
  typeOfMime,
  UPDATE_REQUEST_MAX_BYTES,
  zipKind,
} from '../../src/domain/tracking/evidence.ts';
import { obstacleRecipient } from '../../src/domain/tracking/obstacles.ts';
import { checkEvidence } from '../../src/modules/tracking/evidence.ts';
import { AppError } from '../../src/domain/errors.ts';

const bytes = (...b: number[]) => Uint8Array.from(b);

test('the type is read from the magic bytes', () => {
  assert.equal(sniff(Buffer.from('%PDF-1.7\n')), 'pdf');
  assert.equal(sniff(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0)), 'png');
  assert.equal(sniff(bytes(0xff, 0xd8, 0xff, 0xe0)), 'jpeg');
  assert.equal(sniff(bytes(0x50, 0x4b, 0x03, 0x04)), 'zip');
  assert.equal(sniff(Buffer.from('%PD')), null);
  assert.equal(sniff(Buffer.from('<html>')), null);
  assert.equal(sniff(bytes(0x4d, 0x5a)), null, 'an .exe');
  assert.equal(sniff(bytes()), null);
  assert.equal(zipKind(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']), 'docx');
  assert.equal(zipKind(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']), 'xlsx');
  assert.equal(zipKind(['word/document.xml']), null, 'not an Office package');
  assert.equal(zipKind(['[Content_Types].xml', 'ppt/presentation.xml']), null, 'PowerPoint is not accepted');
});

test('declared types: accepted ones and their aliases', () => {
  assert.equal(typeOfMime('application/pdf'), 'pdf');
  assert.equal(typeOfMime('Image/JPG'), 'jpeg');
  assert.equal(typeOfMime('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; charset=binary'), 'xlsx');
  assert.equal(typeOfMime('text/html'), null);
  assert.equal(typeOfMime('application/msword'), null, 'old .doc is not accepted');
});

test('file names: no folders, no control characters, the right extension', () => {
  assert.equal(sanitizeFilename('Biên bản hội nghị.pdf', 'pdf'), 'Biên bản hội nghị.pdf');
  assert.equal(sanitizeFilename('C:\\Users\\cv\\Desktop\\Ảnh hội nghị.JPG', 'jpeg'), 'Ảnh hội nghị.jpg');
  assert.equal(sanitizeFilename('../../etc/passwd', 'pdf'), 'passwd.pdf');
  assert.equal(sanitizeFilename('a\u0000b\u202ecod.pdf', 'pdf'), 'abcod.pdf');
  assert.equal(sanitizeFilename('bao cao "cuoi nam" <2026>', 'docx'), 'bao cao cuoi nam 2026.docx');
  assert.equal(sanitizeFilename('bien-ban.docx', 'pdf'), null, 'an accepted extension of another type is a mistake');
  assert.equal(sanitizeFilename('scan 12.06.2026', 'pdf'), 'scan 12.06.2026.pdf');
  assert.equal(sanitizeFilename('anh.exe', 'png'), 'anh.exe.png');
  assert.equal(sanitizeFilename('...', 'png'), 'minh-chung.png');
  assert.equal(sanitizeFilename('x'.repeat(400) + '.pdf', 'pdf')!.length, 144);
  assert.equal(sanitizeFilename('Ho\u0301a.pdf', 'pdf'), 'Hóa.pdf', 'NFC');
});

test('download headers name the file in ASCII and in UTF-8', () => {
  assert.equal(asciiFilename('Biên bản Hội nghị.pdf'), 'bien_ban_hoi_nghi.pdf');
  assert.equal(
    contentDisposition("Báo cáo (bản 2)'.pdf"),
    `attachment; filename="bao_cao_ban_2_.pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%28b%E1%BA%A3n%202%29%27.pdf`,
  );
  assert.equal(formatSize(10 * 1024 * 1024 + 1), '10,0 MB');
  assert.equal(formatSize(2048), '2 KB');
});

test('checkEvidence: real files pass with their hash; fakes and oversized files are refused in Vietnamese', async () => {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('xl/workbook.xml', '<workbook/>');
  const xlsx = await zip.generateAsync({ type: 'nodebuffer' });
  const ok = await checkEvidence(
    {
      filename: 'Danh sách đại biểu',
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      contentBase64: xlsx.toString('base64'),
    },
    0,
  );
  assert.equal(ok.filename, 'Danh sách đại biểu.xlsx');
  assert.equal(ok.size, xlsx.length);
  assert.match(ok.sha256, /^[0-9a-f]{64}$/);
  const refuse = async (input: { filename: string; mime: string; contentBase64: string }, code: RegExp) => {
    await assert.rejects(
      checkEvidence(input, 2),
      (e: unknown) => e instanceof AppError && e.status === 422 && code.test(e.code) && /[ệạảếờ]/.test(e.message),
    );
  };
  await refuse(
    { filename: 'a.pdf', mime: 'application/pdf', contentBase64: Buffer.from('GIF89a').toString('base64') },
    /content_mismatch/,
  );
  await refuse(
    { filename: 'a.png', mime: 'image/png', contentBase64: Buffer.from('%PDF-1.4').toString('base64') },
    /content_mismatch/,
  );
  await refuse(
    {
      filename: 'a.xlsx',
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      contentBase64: Buffer.from('PK\u0003\u0004garbage').toString('base64'),
    },
    /content_mismatch/,
  );
  await refuse({ filename: 'a.pdf', mime: 'application/pdf', contentBase64: '%%%' }, /bad_encoding/);
  await refuse({ filename: 'a.pdf', mime: 'application/pdf', contentBase64: 'A'.repeat(13_981_016) }, /too_large/);
  await refuse(
    { filename: 'a.svg', mime: 'image/svg+xml', contentBase64: Buffer.from('<svg/>').toString('base64') },
    /type_not_allowed/,
  );
});

test('obstacles go to the focal unit of the level that issued the plan', () => {
  // TW 1 → tỉnh 2 (Sở KH&CN 3 is its focal unit; Sở Tài chính 4) → phường 10 (Phòng VH-XH 11 is its focal office; Phòng KT-HT-ĐT 12)
  const focal = new Map([
    [2, 3],
    [10, 11],
  ]);
  const to = (raisingUnitId: number, issuerPath: number[], f = focal) =>
    obstacleRecipient({ raisingUnitId, issuerPath, focalOf: (id) => f.get(id) ?? null });
  const ward = [1, 2, 10];
  const province = [1, 2];
  assert.equal(to(12, ward), 11, 'an office of the ward → the ward focal office');
  assert.equal(to(10, ward), 11, 'the ward itself, on its own plan → its focal office');
  assert.equal(to(11, ward), 3, 'the focal office itself → the province focal unit');
  assert.equal(to(4, province), 3, 'a province agency → Sở KH&CN');
  assert.equal(to(10, province), 3, 'a commune on a province task → Sở KH&CN');
  assert.equal(to(3, province), 2, 'Sở KH&CN itself → UBND tỉnh');
  assert.equal(to(12, [1, 2, 4]), 3, 'a plan of an agency: the nearest level with a focal unit');
  assert.equal(to(12, ward, new Map()), 10, 'no focal unit anywhere: the issuer');
});

test('the files of one update: at most 5 and 20 MB together; the request limit leaves room for them in base64', () => {
  const MB = 1024 * 1024;
  assert.equal(evidenceSetProblem([10 * MB, 10 * MB]), null);
  assert.equal(evidenceSetProblem([1, 1, 1, 1, 1]), null);
  assert.match(evidenceSetProblem([1, 1, 1, 1, 1, 1])!, /tối đa 5 tệp minh chứng; hãy bỏ bớt 1 tệp/);
  assert.equal(
    evidenceSetProblem([10 * MB, 10 * MB, 1]),
    'Tổng dung lượng minh chứng 20,0 MB vượt quá 20,0 MB cho một lần cập nhật; hãy gửi bớt tệp ở lần cập nhật sau.',
  );
  // Every accepted set fits in the request: base64 of the largest total plus the JSON around it.
  const largest = Buffer.alloc(EVIDENCE_MAX_TOTAL_BYTES).toString('base64').length;
  assert.ok(UPDATE_REQUEST_MAX_BYTES > largest + 512 * 1024, `${UPDATE_REQUEST_MAX_BYTES} vs ${largest}`);
  assert.ok(UPDATE_REQUEST_MAX_BYTES < largest + 2 * MB, 'no more than needed');
});
