// The report's sentences for the person uploading, in Vietnamese. They name columns, counts and row numbers, never a
// cell's value (a value may be personal data).
import { formatCountVi } from '../../text.ts';
import type { ScoreParts } from './score.ts';
import type { EncodingProblem, FieldReport, PersonalDataFinding, PersonalDataKind } from './types.ts';

export const PERSONAL_KIND_LABELS: Record<PersonalDataKind, string> = {
  cccd: 'số căn cước công dân',
  cmnd: 'số chứng minh nhân dân',
  phone: 'số điện thoại di động',
  email: 'địa chỉ thư điện tử',
  taxCode: 'mã số thuế',
  bankAccount: 'số tài khoản ngân hàng',
  fullName: 'họ tên người',
  birthDate: 'ngày sinh',
  address: 'địa chỉ có số nhà',
};

const TYPE_LABELS: Record<string, string> = {
  integer: 'số nguyên',
  number: 'số',
  boolean: 'đúng/sai',
  date: 'ngày',
  datetime: 'ngày giờ',
  year: 'năm',
  string: 'chuỗi',
  empty: 'trống',
};

const n = formatCountVi;
const pct = (x: number) => `${(Math.floor(x * 1000) / 10).toLocaleString('vi-VN')}%`;
const q = (name: string) => `"${name}"`;

export function encodingNotes(notUtf8: boolean, encoding: string, problems: EncodingProblem[]): string[] {
  const out: string[] = [];
  if (notUtf8)
    out.push(
      `Tệp không ở bảng mã UTF-8; đã đọc theo bảng mã ${encoding} (Windows tiếng Việt). Hãy lưu lại tệp ở dạng UTF-8 trước khi công bố.`,
    );
  for (const p of problems) {
    if (p.column === null) continue;
    if (p.kind === 'mojibake')
      out.push(
        `Cột ${q(p.column)} có ${n(p.count)} ô bị lỗi phông (kiểu "Nguyá»…n" thay cho "Nguyễn"): dữ liệu đã bị đọc sai bảng mã rồi lưu lại.`,
      );
    if (p.kind === 'nfd')
      out.push(
        `Cột ${q(p.column)} có ${n(p.count)} ô viết dấu tổ hợp (Unicode NFD); nên chuyển sang dạng dựng sẵn (NFC) để tìm kiếm, so khớp đúng.`,
      );
    if (p.kind === 'replacement')
      out.push(`Cột ${q(p.column)} có ${n(p.count)} ô chứa ký tự "�": ký tự đã bị mất khi chuyển đổi bảng mã.`);
  }
  return out;
}

export function fieldNotes(fields: FieldReport[], rows: number): string[] {
  const out: string[] = [];
  for (const f of fields) {
    if (f.inferredType === 'empty' && rows > 0) out.push(`Cột ${q(f.name)} trống hoàn toàn.`);
    else if (rows > 0 && f.missing / rows >= 0.2)
      out.push(`Cột ${q(f.name)} thiếu ${pct(f.missing / rows)} giá trị (${n(f.missing)} ô trống).`);
    if (f.invalid > 0) {
      const type = TYPE_LABELS[f.declaredType ?? f.inferredType] ?? f.declaredType;
      const where = f.invalidSamples.length ? `, ví dụ ở dòng ${f.invalidSamples.slice(0, 5).join(', ')}` : '';
      out.push(`Cột ${q(f.name)} (kiểu ${type}) có ${n(f.invalid)} giá trị không hợp lệ${where}.`);
    }
  }
  return out;
}

export function personalNotes(findings: PersonalDataFinding[]): string[] {
  return findings.map((p) => `Cột ${q(p.column)} chứa ${n(p.count)} ${PERSONAL_KIND_LABELS[p.kind]}.`);
}

export function scoreNote(parts: ScoreParts): string {
  return `Điểm chất lượng: ${parts.score}/100 (đầy đủ ${pct(parts.completeness)}, hợp lệ ${pct(parts.validity)}, không trùng lặp ${pct(parts.uniqueness)}, mã hóa ký tự ${pct(parts.encoding)}).`;
}
