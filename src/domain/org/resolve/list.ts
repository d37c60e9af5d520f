// Splitting "Sở Tài chính và các cơ quan, tổ chức có liên quan" into units.
import { normalizeText } from '../../text.ts';
import { work } from '../../work.ts';
import type { UnitDirectory } from './directory.ts';

/**
 * Generic phrases whose commas do not separate units ("các sở, ban, ngành" is one group), and a few common bodies
 * outside the register whose names contain "và" or commas. Longest first when matched.
 */
const PROTECTED_PHRASES = [
  'cơ quan, tổ chức, đơn vị',
  'cơ quan, đơn vị, địa phương',
  'cơ quan, đơn vị, tổ chức',
  'sở, ban, ngành, đoàn thể',
  'sở, ban, ngành',
  'phòng, ban, ngành',
  'phòng, ban, đơn vị',
  'phòng, ban',
  'ban, ngành',
  'sở, ngành',
  'xã, phường, thị trấn',
  'xã, phường',
  'huyện, thị xã, thành phố',
  'tỉnh, thành phố',
  'cơ quan, đơn vị',
  'cơ quan, tổ chức',
  'tổ chức, cá nhân',
  'đơn vị, địa phương',
  'doanh nghiệp, tổ chức',
  'tổ chức chính trị - xã hội',
  'cán bộ, công chức, viên chức',
  'Báo và Phát thanh - Truyền hình',
  'Đài Phát thanh và Truyền hình',
  'Liên hiệp các Hội Khoa học và Kỹ thuật',
  // Compound names of offices and agencies found in every province: never split at their "và" or comma.
  'Văn phòng HĐND và UBND',
  'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân',
  'Phòng Kinh tế, Hạ tầng và Đô thị',
  'Văn hóa, Thể thao và Du lịch',
  'Nông nghiệp và Môi trường',
  'Khoa học và Công nghệ',
  'Giáo dục và Đào tạo',
  'Dân tộc và Tôn giáo',
  'Lao động, Thương binh và Xã hội',
  'Tài nguyên và Môi trường',
  'Nông nghiệp và Phát triển nông thôn',
  'Thông tin và Truyền thông',
  'Kế hoạch và Đầu tư',
  'Báo và Phát thanh, Truyền hình',
  'Phát thanh và Truyền hình',
  'Công nghệ thông tin và Truyền thông',
  'Chiến lược và Chính sách',
  'Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính',
  'Phổ biến, giáo dục pháp luật và trợ giúp pháp lý',
  'Phổ biến, giáo dục pháp luật',
  'Tổ chức, biên chế và tổ chức phi chính phủ',
  'Xây dựng chính quyền và công tác thanh niên',
  'Cải cách hành chính, văn thư, lưu trữ',
  'Xây dựng và Kiểm tra văn bản',
  'Ủy ban Mặt trận Tổ quốc Việt Nam',
  'thôn, tổ dân phố',
  'xã, phường, đặc khu',
  'bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ',
  'bộ, cơ quan ngang bộ',
  'bộ, ngành',
  'bộ, cơ quan',
  'tỉnh, thành phố trực thuộc trung ương',
];

/** Words that begin a new unit in a list. Capitalised forms only: lower-case "ban" in "phòng, ban" is not a unit. */
const UNIT_HEADS = [
  'Sở',
  'Bộ',
  'Ban',
  'Phòng',
  'Văn phòng',
  'Trung tâm',
  'Công an',
  'Ủy ban',
  'Uỷ ban',
  'UBND',
  'HĐND',
  'Hội đồng',
  'Báo',
  'Đài',
  'Hội',
  'Liên đoàn',
  'Liên minh',
  'Liên hiệp',
  'Đoàn',
  'Tỉnh đoàn',
  'Đảng ủy',
  'Đảng uỷ',
  'Mặt trận',
  'MTTQ',
  'Thanh tra',
  'Cục',
  'Chi cục',
  'Viện',
  'Trường',
  'Bệnh viện',
  'Kho bạc',
  'Ngân hàng',
  'Thuế',
  'Bảo hiểm',
  'Tòa án',
  'Chủ tịch',
  'Giám đốc',
  'Thủ trưởng',
  'Quỹ',
  'Hợp tác xã',
  'Công ty',
  'Tổng công ty',
  'Tập đoàn',
  'Chính phủ',
  'Thủ tướng',
  'Quốc hội',
  'Tỉnh ủy',
  'Tỉnh uỷ',
  'Xã',
  'Phường',
  'Tổ dân phố',
  'Thôn',
  'Nhân dân',
  'Các',
  'các',
  'Những',
  'những',
  'Toàn thể',
  'toàn thể',
  'Vụ',
  'Tổng cục',
  'Học viện',
  'Đại học',
  'Bộ Tư lệnh',
  'Bộ Chỉ huy',
  'Ban Chỉ huy',
  'Thông tấn xã',
];

/** One character in, one character out: positions found in the folded text are positions in the original. */
export function foldSameLength(s: string): string {
  let out = '';
  for (const ch of s) {
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    const c = (base[0] ?? ch).toLowerCase();
    out += c === 'đ' ? 'd' : c.length === 1 ? c : ch;
  }
  return out;
}

function phrasePattern(phrase: string): RegExp {
  const f = foldSameLength(phrase)
    .split(/\s*([,-])\s*|\s+/)
    .filter((p) => p !== undefined && p !== '')
    .map((p) => (p === ',' ? ',?' : p === '-' ? '[-–]' : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`(?<![\\p{L}\\p{N}])${f.join('\\s*')}(?![\\p{L}\\p{N}])`, 'gu');
}

const protectedPatterns = new Map<string, RegExp>();
function cachedPattern(phrase: string): RegExp {
  let p = protectedPatterns.get(phrase);
  if (!p) {
    p = phrasePattern(phrase);
    protectedPatterns.set(phrase, p);
  }
  p.lastIndex = 0;
  return p;
}

function startsWithHead(piece: string, directory: UnitDirectory | null): boolean {
  const t = piece.trim();
  for (const h of UNIT_HEADS) {
    if (t === h || t.startsWith(`${h} `)) return true;
  }
  return directory?.startsWithSeparatorName(t) ?? false;
}

/**
 * Splits a list of units at ";", "," and "và" — except inside register names ("Phòng Kinh tế, Hạ tầng và Đô thị",
 * "Sở Văn hóa, Thể thao và Du lịch") and generic phrases ("các sở, ban, ngành"), and only where the next part starts
 * like a unit ("Sở …", "các …"), so "Báo và Phát thanh - Truyền hình Thanh Hóa" stays whole.
 */
export function splitUnitList(text: string, directory: UnitDirectory | null = null): string[] {
  const src = normalizeText(text).replace(/[.;,\s]+$/u, '');
  if (!src) return [];
  const folded = foldSameLength(src);
  const masked = new Array<boolean>(src.length).fill(false);
  const phrases = [...PROTECTED_PHRASES, ...(directory?.namesWithSeparators() ?? [])].sort(
    (a, b) => b.length - a.length,
  );
  for (const phrase of phrases) {
    const re = cachedPattern(phrase);
    for (const m of folded.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (masked.slice(start, end).some(Boolean)) continue;
      for (let i = start; i < end; i++) masked[i] = true;
    }
  }
  // Separators outside protected spans; parentheses are also protected.
  type Sep = { at: number; len: number; strong: boolean };
  const seps: Sep[] = [];
  let depth = 0;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth > 0 || masked[i]) continue;
    if (ch === ';') seps.push({ at: i, len: 1, strong: true });
    else if (ch === ',') seps.push({ at: i, len: 1, strong: false });
    else if (ch === ' ') {
      const m = /^ (và|cùng) /.exec(src.slice(i, i + 6));
      if (m && !masked.slice(i, i + m[0].length).some(Boolean)) {
        seps.push({ at: i, len: m[0].length - 1, strong: false });
        i += m[0].length - 2;
      }
    }
  }
  // Pieces between separators, each remembering the separator before it so merged pieces read as written.
  const pieces: Array<{ sep: string; text: string; strong: boolean }> = [];
  let from = 0;
  let sep = '';
  let strong = true;
  for (const s of seps) {
    pieces.push({ sep, text: src.slice(from, s.at), strong });
    sep = src.slice(s.at, s.at + s.len);
    strong = s.strong;
    from = s.at + s.len;
  }
  pieces.push({ sep, text: src.slice(from), strong });

  const items: string[] = [];
  // The pieces of the unit being read, joined once at its end: joining at every piece would copy a long list over
  // and over. Spaces are collapsed only when pieces were joined, as before.
  let current: string[] = [];
  const flush = () => {
    const joined = current.length > 1 ? current.join('').replace(/\s+/g, ' ') : (current[0] ?? '');
    const t = joined
      .trim()
      .replace(/^(?:và|cùng|với)\s+/i, '')
      .replace(/[\s.;,:]+$/u, '');
    if (t) items.push(t);
    current = [];
  };
  for (const p of pieces) {
    work.steps++;
    if (
      current.length === 0 ||
      (current.length === 1 && current[0] === '') ||
      p.strong ||
      startsWithHead(p.text, directory)
    ) {
      flush();
      current = [p.text];
    } else {
      // Not a new unit: "Hạ tầng" continues "Phòng Kinh tế," — keep the separator.
      current.push(p.sep, p.text);
    }
  }
  flush();
  return items;
}
