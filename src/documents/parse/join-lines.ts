// Joining hard-wrapped lines into logical lines (split out of lines.ts, which reads the source formats).
import { normalizeText } from '../../domain/text.ts';
import { scrubImportedText } from '../../domain/input-text.ts';
import type { LogicalLine } from './lines.ts';

/** A line as found, before joining. */
export interface RawLine {
  line: number;
  text: string;
  cells: string[] | null;
  table: number | null;
  heading: number | null;
  bold: boolean;
  /** A blank line (or a break such as a lone "|") comes before it. */
  breakBefore: boolean;
  /** Set for structural breaks that must not be crossed even by a lower-case continuation. */
  hardBreakBefore: boolean;
}

const DOC_TYPE_LINE =
  /^(KẾ HOẠCH|QUYẾT ĐỊNH|BÁO CÁO|TỜ TRÌNH|CÔNG VĂN|CHƯƠNG TRÌNH|THÔNG BÁO|HƯỚNG DẪN|CHỈ THỊ|NGHỊ QUYẾT|ĐỀ ÁN|PHƯƠNG ÁN|PHỤ LỤC)(\s*:)?$/u;

/** Starts of paragraphs and items: a line beginning like this never continues the previous one. */
const STRUCTURAL_START = new RegExp(
  [
    String.raw`^[IVXLC]+\.\s`,
    String.raw`^\d+(\.\d+)*\.(\s|$)`,
    String.raw`^\d+(\.\d+)*\)\s`,
    String.raw`^[a-zđ]\)\s`,
    String.raw`^[-+•–]\s`,
    String.raw`^(Điều|Chương|Mục|Phần)\s+[\dIVXLC]+`,
    String.raw`^(Nơi nhận|Kính gửi|Căn cứ|Thực hiện|Theo đề nghị|Xét đề nghị|Trên đây)`,
    String.raw`^QUYẾT ĐỊNH:?$`,
    String.raw`^(TM|KT|Q|TL|TUQ)\.\s?`,
    String.raw`^\((Ban hành )?[Kk]èm theo`,
  ].join('|'),
  'u',
);

/** Upper-case lines that begin a new element: signature titles, the issuing authority line of a Quyết định. */
const UPPER_START =
  /^(PHÓ |CHỦ TỊCH|GIÁM ĐỐC|THỦ TƯỚNG|BỘ TRƯỞNG|TRƯỞNG |CHÁNH VĂN PHÒNG|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|CỘNG HÒA|CỘNG HOÀ|ĐỘC LẬP|KẾ HOẠCH$)/u;

/** A line that is only a label and needs its text from the next line ("Điều 1.", "a)", "KT."). */
const LABEL_ONLY = /^(\d+(\.\d+)*\.|[a-zđ]\)|[IVXLC]+\.|Điều\s+\d+\.?|[-+•]|(TM|KT|Q|TL|TUQ)\.)$/u;

function letters(s: string): string {
  return s.replace(/[^\p{L}]/gu, '');
}

function isUpper(s: string): boolean {
  const l = letters(s);
  return l.length >= 2 && l === l.toUpperCase() && l !== l.toLowerCase();
}

function shouldJoin(prev: RawLine, next: RawLine): boolean {
  if (prev.cells || next.cells || prev.heading !== null || next.heading !== null) return false;
  if (next.hardBreakBefore) return false;
  const p = prev.text;
  const n = next.text;
  if (LABEL_ONLY.test(p)) return !STRUCTURAL_START.test(n);
  if (DOC_TYPE_LINE.test(p) || DOC_TYPE_LINE.test(n)) return false;
  if (STRUCTURAL_START.test(n)) return false;
  // Sentence, clause or heading ended: "…như sau:", "…;", "…./."
  if (/[.:;!?]["”)\]]*$/u.test(p)) return false;
  const nextLetters = letters(n);
  if (next.breakBefore) {
    // Across a blank line only an obvious continuation: the next part starts in lower case ("hội của phường.").
    return /^\p{Ll}/u.test(n) && !isUpper(p);
  }
  if (nextLetters.length === 0) return true; // "2030" finishing an upper-case title
  if (isUpper(p) !== isUpper(n)) return false;
  if (isUpper(n) && UPPER_START.test(n)) return false;
  if (prev.bold !== next.bold && !/^\p{Ll}/u.test(n)) return false;
  return true;
}

export function joinLines(raw: RawLine[]): LogicalLine[] {
  const out: LogicalLine[] = [];
  let last: RawLine | null = null;
  for (const found of raw) {
    // Entities decoded from HTML ("&#1;") are scrubbed here.
    const r = { ...found, text: scrubImportedText(found.text), cells: found.cells?.map(scrubImportedText) ?? null };
    const prevOut = out[out.length - 1];
    if (last && prevOut && shouldJoin({ ...last, text: prevOut.text, bold: prevOut.bold }, r)) {
      prevOut.text = normalizeText(`${prevOut.text} ${r.text}`);
      prevOut.lines.push(r.line);
      prevOut.bold = prevOut.bold && r.bold;
    } else {
      out.push({
        line: r.line,
        lines: [r.line],
        text: r.text,
        cells: r.cells,
        table: r.table,
        heading: r.heading,
        bold: r.bold,
      });
    }
    last = r;
  }
  return out;
}
