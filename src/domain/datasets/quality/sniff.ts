// Which format an upload is, from its bytes as well as its name: a name can lie (a workbook renamed .csv, a PDF
// renamed .xlsx), and reading bytes as the wrong format gives nonsense or parser crashes, never a useful report.
import { AppError } from '../../errors.ts';
import type { ResourceFormat } from './types.ts';

export function refuseResource(filename: string, why: string, status: 413 | 422 = 422): AppError {
  return new AppError('dataset.resource_unreadable', status, `Không đọc được tệp "${filename.slice(0, 120)}": ${why}`, [
    { path: 'contentBase64', message: why },
  ]);
}

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const PDF = [0x25, 0x50, 0x44, 0x46];

function extensionOf(filename: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(filename.trim());
  return m ? m[1]!.toLowerCase() : '';
}

/** The first non-blank character of a text file (after a BOM), to tell JSON from CSV. */
function firstChar(b: Uint8Array): string {
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d)) i++;
  return i < b.length ? String.fromCharCode(b[i]!) : '';
}

function hasNul(b: Uint8Array): boolean {
  const n = Math.min(b.length, 8192);
  for (let i = 0; i < n; i++) if (b[i] === 0) return true;
  return false;
}

/** The format to read the bytes as; refuses (422, in Vietnamese) when the bytes are not what the name says. */
export function sniffFormat(filename: string, bytes: Uint8Array): ResourceFormat {
  const ext = extensionOf(filename);
  if (bytes.length === 0) throw refuseResource(filename, 'tệp rỗng.');
  const zip = startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP);
  if (startsWith(bytes, OLE))
    throw refuseResource(
      filename,
      'đây là tệp Excel định dạng cũ (.xls) hoặc tệp Office cũ; hãy mở bằng Excel và lưu lại thành .xlsx hoặc .csv.',
    );
  if (startsWith(bytes, PDF))
    throw refuseResource(filename, 'đây là tệp PDF, không phải bảng dữ liệu CSV, XLSX hay JSON.');
  if (zip) {
    if (ext === 'xlsx' || ext === 'xlsm' || ext === '') return 'xlsx';
    throw refuseResource(
      filename,
      `nội dung là tệp nén (ZIP, có thể là bảng tính Excel .xlsx) chứ không phải tệp .${ext}; hãy đổi tên đúng phần mở rộng .xlsx hoặc xuất lại thành ${ext.toUpperCase()}.`,
    );
  }
  if (ext === 'xlsx' || ext === 'xlsm')
    throw refuseResource(
      filename,
      'tệp có phần mở rộng .xlsx nhưng nội dung không phải bảng tính Excel (không phải tệp nén ZIP).',
    );
  if (hasNul(bytes))
    throw refuseResource(
      filename,
      'nội dung là dữ liệu nhị phân, không phải văn bản CSV hay JSON (hoặc được lưu dạng UTF-16; hãy lưu lại dạng UTF-8).',
    );
  if (ext === 'json') return 'json';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  const c = firstChar(bytes);
  if (c === '[' || c === '{') return 'json';
  if (ext === '') return 'csv';
  throw refuseResource(filename, `định dạng .${ext} không được hỗ trợ; hãy gửi tệp CSV, XLSX hoặc JSON.`);
}
