// What a column's header says it holds. Headers are written every way ("Số CCCD", "so_cccd", "SoCCCD", "so cccd",
// "CMND/CCCD"), so each is folded (no accents, lower case) and tested twice: as words, and with everything but
// letters and digits removed (for compact forms like "sodienthoai", "ngaySinh").
import { fold } from '../../text.ts';
import type { PersonalDataKind } from './types.ts';

interface Hint {
  /** Substrings of the compact header. */
  compact: string[];
  /** Whole words of the header. */
  words: string[];
}

const HINTS: Record<PersonalDataKind, Hint> = {
  cccd: { compact: ['cccd', 'cancuoc', 'dinhdanh', 'citizenid', 'nationalid', 'idnumber'], words: ['cc'] },
  cmnd: { compact: ['cmnd', 'cmt', 'chungminh', 'giayto', 'idcard', 'identity'], words: ['cm'] },
  phone: {
    compact: ['dienthoai', 'sdt', 'sodt', 'phone', 'mobile', 'didong', 'hotline', 'telephone'],
    words: ['dt', 'tel', 'dtdd'],
  },
  email: { compact: ['email', 'thudientu', 'mail'], words: [] },
  taxCode: { compact: ['masothue', 'taxcode', 'taxid', 'mst'], words: ['tin'] },
  bankAccount: {
    compact: ['sotaikhoan', 'taikhoan', 'stk', 'account', 'bankacc', 'sotk', 'tknganhang'],
    words: ['tk'],
  },
  fullName: {
    compact: [
      'hoten',
      'hovaten',
      'fullname',
      'tennguoi',
      'tencongdan',
      'chuho',
      'nguoikhai',
      'nguoinop',
      'nguoidaidien',
      'tenhocsinh',
      'tenbenhnhan',
      'tennhanvien',
      'tencanbo',
      'tenkhachhang',
      'customername',
      'personname',
      'firstname',
      'lastname',
    ],
    // Not "ten" or "name" alone: a column so named holds provinces, units or products as often as people.
    words: ['hoten'],
  },
  birthDate: {
    compact: ['ngaysinh', 'namsinh', 'sinhngay', 'ngaythangnamsinh', 'dob', 'birth'],
    words: ['ns'],
  },
  address: {
    compact: ['diachi', 'address', 'noio', 'chooo', 'thuongtru', 'tamtru', 'noicutru', 'hokhau', 'sonha'],
    words: ['dc'],
  },
};

/**
 * Headers naming places or organisations: their cells may pass the name test (streets, schools and wards are named
 * after people: "Lê Lợi", "Trần Phú") without being anyone's name.
 */
const NOT_A_PERSON = [
  'tinh',
  'thanhpho',
  'huyen',
  'quan',
  'xa',
  'phuong',
  'duong',
  'pho',
  'donvi',
  'coquan',
  'truong',
  'congty',
  'doanhnghiep',
  'tochuc',
  'thon',
  'ap',
  'province',
  'district',
  'ward',
  'street',
  'school',
  'company',
  'unit',
  'organization',
];

export type Hints = Partial<Record<PersonalDataKind, true>> & { notAPerson?: true };

export function hintsOf(header: string): Hints {
  const folded = fold(header);
  const words = new Set(folded.split(/[^a-z0-9]+/).filter(Boolean));
  const compact = folded.replace(/[^a-z0-9]/g, '');
  const hints: Hints = {};
  for (const [kind, h] of Object.entries(HINTS) as [PersonalDataKind, Hint][]) {
    if (h.compact.some((c) => compact.includes(c)) || h.words.some((w) => words.has(w))) hints[kind] = true;
  }
  if (!hints.fullName || !/hoten|hovaten|fullname/.test(compact)) {
    if (NOT_A_PERSON.some((w) => words.has(w) || (w.length > 4 && compact.includes(w)))) hints.notAPerson = true;
  }
  return hints;
}
