// Layout primitives for official documents in the format of Nghị định 30/2020/NĐ-CP (Phụ lục I; samples in Phụ lục III).
// Every builder takes plain data and returns docx objects, so plans, reports, công văn and quyết định share one layout.
// Numbers come from shared/data/nd30-format-spec.json: "[ND30 …]" marks a rule of the decree, "[Mẫu …]" a value measured
// from the decree's Word samples, "[practice]" our pick inside the decree's range.

import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
  type ISectionOptions,
  type IStylesOptions,
} from 'docx';
import JSZip from 'jszip';

// ---------------------------------------------------------------------------------------------------------------------
// Page, font, sizes

/** [ND30 I.1] Times New Roman, Unicode TCVN 6909:2001, black. */
export const FONT = 'Times New Roman';

/** [ND30 I.1] A4 portrait; margins top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm: we take the lower bounds. */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: 1134, bottom: 1134, left: 1701, right: 850, header: 567, footer: 567 },
} as const;

/** Width of the text area between the margins, in twips (16.5 cm). */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

/** docx sizes are half-points. */
export const halfPoints = (pt: number): number => Math.round(pt * 2);

/** Sizes in pt per element [ND30 II–III, "Mẫu chữ" table; recommended picks in nd30-format-spec.json]. */
export const SIZE = {
  quocHieu: 13, // 12–13
  tieuNgu: 14, // 13–14
  coQuan: 13, // 12–13, chủ quản and ban hành
  soKyHieu: 13, // 13
  diaDanh: 14, // 13–14
  diaDanhMin: 13,
  tenLoai: 14, // 13–14
  trichYeu: 14, // 13–14
  trichYeuCongVan: 13, // 12–13
  body: 14, // 13–14
  noiNhanLabel: 12, // 12
  noiNhanItem: 11, // 11
  signer: 14, // 13–14
  pageNumber: 14, // 13–14
} as const;

/** [ND30 Phụ lục II / Mẫu] body paragraphs: justified, first line 1 cm, ≥ 6 pt between paragraphs, 1 to 1.5 lines. */
export const BODY_SPACING = { firstLine: 567, before: 120, after: 0, line: 276 } as const;

/**
 * Header table columns: left boxes 2, 3 (5b), right boxes 1, 4. Mẫu 1.4 uses 3829/5670 (16.75 cm) which overflows the
 * 16.5 cm text area; we keep the total at the text width and give the right column the room the Quốc hiệu needs at 13 pt
 * bold (5424 twips of text) so it never wraps.
 */
export const HEADER_COLUMNS = [3600, TEXT_WIDTH - 3600] as const;
/** Signature table columns [Mẫu 1.2/1.3: 3600 on the left]. */
export const SIGNATURE_COLUMNS = [3600, TEXT_WIDTH - 3600] as const;
/** Inner left/right padding of the layout tables' cells (1 mm); Word's default 1.9 mm would crowd the Quốc hiệu. */
export const CELL_MARGIN = 57;

export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';
export const END_MARKER = './.';

// ---------------------------------------------------------------------------------------------------------------------
// Text helpers (pure)

/** Upper case with Vietnamese rules (ND30 upper-case elements: Quốc hiệu, cơ quan, tên loại, chức vụ). */
export function upperVi(s: string): string {
  return s.normalize('NFC').toLocaleUpperCase('vi');
}

/** Lower-cases the first letter unless the first word is an abbreviation ("UBND"). */
export function lowerFirst(s: string): string {
  const chars = [...s];
  const [a, b] = chars;
  if (a === undefined) return s;
  if (b !== undefined && b === b.toLocaleUpperCase('vi') && b !== b.toLocaleLowerCase('vi')) return s;
  return a.toLocaleLowerCase('vi') + chars.slice(1).join('');
}

export function upperFirst(s: string): string {
  const [a, ...rest] = [...s];
  return a === undefined ? s : a.toLocaleUpperCase('vi') + rest.join('');
}

/** "THANH HÓA" → "Thanh Hóa": capitalises each syllable of a proper name written in capitals. */
export function titleCaseVi(s: string): string {
  return s
    .toLocaleLowerCase('vi')
    .split(/(\s+)/)
    .map((w) => upperFirst(w))
    .join('');
}

/** Adds a final "." when a line has no closing punctuation, as list lines of the decree's samples do. */
export function withFinalStop(s: string): string {
  const t = s.trim();
  return /[.;:!?]$/.test(t) ? t : `${t}.`;
}

/**
 * Appends the end-of-body marker "./." [every Mẫu 1.x]. The sentence's own full stop is the first "." of the marker,
 * so "… theo quy định." becomes "… theo quy định./.".
 */
export function withEndMarker(s: string): string {
  const t = s.trim();
  if (t.endsWith(END_MARKER)) return t;
  return /[.;:]$/.test(t) ? `${t.slice(0, -1)}${END_MARKER}` : `${t}${END_MARKER}`;
}

/** Points follow the Vietnamese alphabet [ND30 II.6đ]: a) b) c) d) đ) e) g) h) i) k) … (no f, j, w, z). */
const POINT_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];
export function pointLabel(index: number): string {
  const n = POINT_LETTERS.length;
  const letter = POINT_LETTERS[index % n]!;
  // Beyond "y" the letters double ("aa"), which no real document reaches but must not crash.
  return index < n ? letter : POINT_LETTERS[Math.floor(index / n) - 1]! + letter;
}

export function romanNumeral(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  let rest = n;
  for (const [v, s] of table) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

// Blanks the văn thư fills in by hand after signature [ND30 Điều 15: the number is given when the document is issued].
const BLANK_NUMBER = ' '.repeat(8);
const BLANK_DAY = ' '.repeat(6);

/** Number as written, with the leading 0 of ND30 II.3c for numbers below 10 ("5" → "05"). */
export function formatNumber(number: string | null): string | null {
  const n = number?.trim();
  if (!n) return null;
  return /^\d$/.test(n) ? `0${n}` : n;
}

/** "Số: 05/KH-UBND"; "Số:        /KH-UBND" when not numbered yet [ND30 II.3]. */
export function formatNumberLine(number: string | null, symbol: string | null): string {
  const n = formatNumber(number) ?? BLANK_NUMBER;
  return symbol ? `Số: ${n}/${symbol}` : `Số: ${n}`;
}

/**
 * "ngày 04 tháng 5 năm 2026" [ND30 II.4b]: day < 10 and months 1, 2 take a leading 0 ("ngày 28 tháng 02 năm 2026");
 * blanks for the day and month when not dated yet.
 */
export function formatIssueDate(date: string | null, year: number | null): string {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  if (!m) return `ngày${BLANK_DAY}tháng${BLANK_DAY}năm ${year ?? BLANK_DAY}`;
  const y = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month <= 2 ? `0${month}` : String(month);
  return `ngày ${dd} tháng ${mm} năm ${y}`;
}

/** "Thanh Hóa, ngày 04 tháng 5 năm 2026" [ND30 II.4: comma after the place name]. */
export function formatPlaceDate(place: string, date: string | null, year: number | null): string {
  return `${place.trim()}, ${formatIssueDate(date, year)}`;
}

/**
 * Splits an issuer name into its header lines. "ỦY BAN NHÂN DÂN TỈNH THANH HÓA" → ["ỦY BAN NHÂN DÂN", "TỈNH THANH HÓA"],
 * as the committees of provinces and communes print it [ND30 II.2; research A.5]. "\n" in the name forces the break.
 */
export function issuerLines(name: string): string[] {
  const upper = upperVi(name.trim());
  if (upper.includes('\n')) return upper.split('\n').map((l) => l.trim()).filter(Boolean);
  const m = /^(ỦY BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN)\s+(.+)$/u.exec(upper);
  return m ? [m[1]!, m[2]!] : [upper];
}

const BODY_TYPES = ['ủy ban nhân dân', 'hội đồng nhân dân', 'văn phòng', 'trung tâm', 'chi cục', 'công an', 'sở', 'phòng', 'ban', 'cục', 'bộ'];
/** A level word before a unit's proper name; "xã hội" is a field, not a commune. */
const LEVEL_WORD = /(?:^|\s)(tỉnh|thành phố|xã(?! hội(?:\s|$))|phường|đặc khu)\s+/gu;

/**
 * A body's name as running text writes it, from the upper-case header form [ND30 Phụ lục II: capitals for the type of
 * body and each field, the level in lower case, the proper name capitalised]:
 * "ỦY BAN NHÂN DÂN TỈNH THANH HÓA" → "Ủy ban nhân dân tỉnh Thanh Hóa",
 * "SỞ KHOA HỌC VÀ CÔNG NGHỆ" → "Sở Khoa học và Công nghệ",
 * "PHÒNG VĂN HÓA - XÃ HỘI PHƯỜNG NAM SẦM SƠN" → "Phòng Văn hóa - Xã hội phường Nam Sầm Sơn".
 * A heuristic: prefer the register's official name when there is one.
 */
export function nameInRunningText(upperName: string): string {
  let rest = upperName
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase('vi')
    .replace(/^ubnd\b/u, 'ủy ban nhân dân')
    .replace(/^hđnd\b/u, 'hội đồng nhân dân');
  let place = '';
  // The last level word names the place: "… xã hội phường Nam Sầm Sơn".
  const level = [...rest.matchAll(LEVEL_WORD)].at(-1);
  if (level) {
    place = `${level[1]} ${titleCaseVi(rest.slice(level.index + level[0].length))}`;
    rest = rest.slice(0, level.index).trim();
  }
  const type = BODY_TYPES.find((t) => rest === t || rest.startsWith(`${t} `));
  let head = '';
  if (type) {
    head = upperFirst(type);
    rest = rest.slice(type.length).trim();
  }
  // Each field after the type starts with a capital: "khoa học và công nghệ" → "Khoa học và Công nghệ".
  const fields = rest
    .split(/(\s+và\s+|,\s+|\s+-\s+)/u)
    .map((part, i) => (i % 2 === 1 || type === 'ủy ban nhân dân' || type === 'hội đồng nhân dân' || part.startsWith('các ') ? part : upperFirst(part)))
    .join('');
  const name = [head, fields, place].filter(Boolean).join(' ');
  return upperFirst(name);
}

/**
 * Nơi nhận items [ND30 II.9b]: "- …;" each, the archive line "- Lưu: VT, …." last. Accepts items with or without the
 * dash and closing punctuation; adds "Lưu: VT" when the list has no archive line.
 */
export function noiNhanLines(items: readonly string[]): string[] {
  const clean = items.map((s) => s.trim().replace(/^[-–+•]\s*/, '').replace(/[;.,]+$/, '').trim()).filter(Boolean);
  const archive = clean.filter((s) => /^Lưu\b/u.test(s));
  const others = clean.filter((s) => !/^Lưu\b/u.test(s));
  const last = archive[archive.length - 1] ?? 'Lưu: VT';
  return [...others.map((s) => `- ${s};`), `- ${last}.`];
}

// ---------------------------------------------------------------------------------------------------------------------
// Text width (for the rules under the Tiêu ngữ, the issuer and the trích yếu, and for fit checks)

// Advance widths of ASCII 32–126 in 1/2048 em, from Liberation Serif 2.1, which is metric-compatible with Times New Roman.
const ADVANCE = {
  regular: [
    512, 682, 836, 1024, 1024, 1706, 1593, 369, 682, 682, 1024, 1155, 512, 682, 512, 569, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 569, 569, 1155, 1155, 1155, 909,
    1886, 1479, 1366, 1366, 1479, 1251, 1139, 1479, 1479, 682, 797, 1479, 1251, 1821, 1479, 1479, 1139, 1479, 1366, 1139, 1251, 1479, 1479, 1933, 1479, 1479, 1251, 682, 569, 682, 961, 1024,
    682, 909, 1024, 909, 1024, 909, 682, 1024, 1024, 569, 569, 1024, 569, 1593, 1024, 1024, 1024, 1024, 682, 797, 569, 1024, 1024, 1479, 1024, 1024, 909, 983, 410, 983, 1108,
  ],
  bold: [
    512, 682, 1137, 1024, 1024, 2048, 1706, 569, 682, 682, 1024, 1167, 512, 682, 512, 569, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 682, 682, 1167, 1167, 1167, 1024,
    1905, 1479, 1366, 1479, 1479, 1366, 1251, 1593, 1593, 797, 1024, 1593, 1366, 1933, 1479, 1593, 1251, 1593, 1479, 1139, 1366, 1479, 1479, 2048, 1479, 1479, 1366, 682, 569, 682, 1190, 1024,
    682, 1024, 1139, 909, 1139, 909, 682, 1024, 1139, 569, 682, 1139, 569, 1706, 1139, 1024, 1139, 1139, 909, 797, 682, 1139, 1024, 1479, 1024, 1024, 909, 807, 451, 807, 1065,
  ],
  italic: [
    512, 682, 860, 1024, 1024, 1706, 1593, 438, 682, 682, 1024, 1382, 512, 682, 512, 569, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 682, 682, 1382, 1382, 1382, 1024,
    1884, 1251, 1251, 1366, 1479, 1251, 1251, 1479, 1479, 682, 909, 1366, 1139, 1706, 1366, 1479, 1251, 1479, 1251, 1024, 1139, 1479, 1251, 1706, 1251, 1139, 1139, 797, 569, 797, 864, 1024,
    682, 1024, 1024, 909, 1024, 909, 569, 1024, 1024, 569, 569, 909, 569, 1479, 1024, 1024, 1024, 1024, 797, 797, 569, 1024, 909, 1366, 909, 909, 797, 819, 563, 819, 1108,
  ],
} as const;

export type Face = keyof typeof ADVANCE;

/** Width of a single line of text in twips. Vietnamese letters take the width of their base letter; ư, ơ are a bit wider. */
export function textWidthTwips(text: string, sizePt: number, face: Face = 'regular'): number {
  const table = ADVANCE[face];
  let units = 0;
  for (const ch of text.normalize('NFC')) {
    const wide = /[ưƯơ]/u.test(ch) ? 1.1 : 1; // measured 1.04–1.11 × the base letter; Ơ is as wide as O
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace('đ', 'd').replace('Đ', 'D');
    const code = base.charCodeAt(0);
    units += (code >= 32 && code <= 126 ? table[code - 32]! : 1024) * wide;
  }
  return Math.round((units / 2048) * sizePt * 20);
}

/** Measured widths are exact for Liberation Serif / Times New Roman; keep 2 % for renderers that space differently. */
export function fits(widthTwips: number, availableTwips: number): boolean {
  return widthTwips <= availableTwips * 0.98;
}

/**
 * Breaks a line that does not fit into lines of even length, so a long name does not leave one word alone on its
 * last line ("SỞ KHOA HỌC VÀ CÔNG / NGHỆ" becomes "SỞ KHOA HỌC / VÀ CÔNG NGHỆ").
 */
export function balanceLines(text: string, availableTwips: number, sizePt: number, face: Face = 'regular'): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const width = (ws: readonly string[]) => textWidthTwips(ws.join(' '), sizePt, face);
  if (words.length < 2 || fits(width(words), availableTwips)) return [text.trim()];
  const fill = (limit: number): string[][] => {
    const lines: string[][] = [[]];
    for (const w of words) {
      const cur = lines[lines.length - 1]!;
      if (cur.length > 0 && width([...cur, w]) > limit) lines.push([w]);
      else cur.push(w);
    }
    return lines;
  };
  const limit = availableTwips * 0.98;
  const count = fill(limit).length;
  // The narrowest limit that still needs no more lines than the column does.
  let lo = width(words) / count;
  let hi = limit;
  for (let i = 0; i < 24; i++) {
    const mid = (lo + hi) / 2;
    if (fill(mid).length <= count) hi = mid;
    else lo = mid;
  }
  return fill(hi).map((l) => l.join(' '));
}

// ---------------------------------------------------------------------------------------------------------------------
// Runs and paragraphs

export interface RunStyle {
  size: number; // pt
  bold?: boolean;
  italic?: boolean;
}

/** A Times New Roman run. Font and size are written on every run so the text keeps its format when pasted elsewhere. */
export function run(text: string, style: RunStyle): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: halfPoints(style.size),
    bold: style.bold ?? false,
    italics: style.italic ?? false,
  });
}

/** Header and signature blocks use single spacing with nothing before or after [Mẫu]. */
const TIGHT = { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } as const;

export function centredLine(text: string, style: RunStyle, spacingBefore = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...TIGHT, before: spacingBefore },
    children: [run(text, style)],
  });
}

/**
 * A solid rule of the given length, centred in the available width: an empty, 2 pt high paragraph with a bottom border
 * and indents, as research A.10 advises (never underscores).
 */
export function ruleParagraph(lengthTwips: number, availableTwips: number, spacingAfter = 0): Paragraph {
  const length = Math.max(200, Math.min(lengthTwips, availableTwips));
  const side = Math.max(0, Math.floor((availableTwips - length) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: spacingAfter, line: 60, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    run: { font: FONT, size: 2 },
    children: [],
  });
}

/** The issuer and trích yếu rules are 1/3 to 1/2 of their text line [ND30 II.2, II.5]; we take the middle, 2/5. */
const RULE_FRACTION = 0.4;

// ---------------------------------------------------------------------------------------------------------------------
// Header (ô 1–4, 5b)

export interface HeaderData {
  /** Cơ quan chủ quản (regular, upper case), or null when the issuer has none (UBND tỉnh, UBND xã). */
  parentName?: string | null;
  /** Cơ quan ban hành (bold, upper case). "\n" forces a line break. */
  issuerName: string;
  number: string | null;
  /** "KH-UBND" */
  symbol: string | null;
  place: string;
  /** YYYY-MM-DD or null (undated draft). */
  date: string | null;
  year: number | null;
  /** Trích yếu of a công văn ("V/v …"), printed under the Số [ND30 II.5b]. */
  subject?: string | null;
}

const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
} as const;

/** A borderless fixed-width layout table, as the decree's samples use for the header and the signature. */
export function layoutTable(columns: readonly number[], rows: TableRow[]): Table {
  return new Table({
    rows,
    width: { size: columns.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...columns],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 0, bottom: 0 },
  });
}

export function layoutCell(width: number, children: Paragraph[], verticalAlign: 'top' | 'bottom' = 'top'): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: verticalAlign === 'top' ? VerticalAlignTable.TOP : VerticalAlignTable.BOTTOM,
    children: children.length ? children : [new Paragraph({ spacing: TIGHT, children: [] })],
  });
}

/** Left column, first row: cơ quan chủ quản (regular), cơ quan ban hành (bold), rule [ND30 II.2]. */
export function issuerBlock(parentName: string | null | undefined, issuerName: string, width: number = HEADER_COLUMNS[0]): Paragraph[] {
  const inner = width - 2 * CELL_MARGIN;
  const parentLines = parentName?.trim() ? balanceLines(upperVi(parentName), inner, SIZE.coQuan) : [];
  const lines = issuerLines(issuerName).flatMap((l) => balanceLines(l, inner, SIZE.coQuan, 'bold'));
  const longest = Math.max(...lines.map((l) => Math.min(textWidthTwips(l, SIZE.coQuan, 'bold'), inner)));
  return [
    ...parentLines.map((l) => centredLine(l, { size: SIZE.coQuan })),
    ...lines.map((l) => centredLine(l, { size: SIZE.coQuan, bold: true })),
    ruleParagraph(longest * RULE_FRACTION, inner),
  ];
}

/** Right column, first row: Quốc hiệu, Tiêu ngữ and a rule as long as the Tiêu ngữ [ND30 II.1]. */
export function nationalMottoBlock(width: number = HEADER_COLUMNS[1]): Paragraph[] {
  const inner = width - 2 * CELL_MARGIN;
  return [
    centredLine(QUOC_HIEU, { size: SIZE.quocHieu, bold: true }),
    centredLine(TIEU_NGU, { size: SIZE.tieuNgu, bold: true }),
    ruleParagraph(textWidthTwips(TIEU_NGU, SIZE.tieuNgu, 'bold'), inner),
  ];
}

/**
 * The two-column borderless header [ND30 IV Sơ đồ; Mẫu 1.4]. Số and the place/date line sit in a second row, so they
 * share a baseline whatever the height of the blocks above [ND30 II.4: "cùng một hàng với số, ký hiệu"].
 */
export function headerTable(h: HeaderData): Table {
  const [left, right] = HEADER_COLUMNS;
  const numberRow: Paragraph[] = [centredLine(formatNumberLine(h.number, h.symbol), { size: SIZE.soKyHieu }, 160)];
  if (h.subject?.trim()) {
    // V/v …: 6 pt above, under the Số [ND30 II.5b]. Balanced lines with explicit breaks between words, because
    // renderers break after a hyphen and would split a symbol such as "129/KH-UBND".
    const lines = balanceLines(h.subject.trim(), left - 2 * CELL_MARGIN, SIZE.trichYeuCongVan);
    numberRow.push(new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...TIGHT, before: 120 },
      children: lines.map((l, i) => new TextRun({ text: i < lines.length - 1 ? `${l} ` : l, break: i > 0 ? 1 : 0, font: FONT, size: halfPoints(SIZE.trichYeuCongVan) })),
    }));
  }
  // 14 pt, or 13 pt (the decree's lower bound) when a long place name would wrap: "Phường Đào Duy Từ, ngày …".
  const placeDate = formatPlaceDate(h.place, h.date, h.year);
  const dateSize = fits(textWidthTwips(placeDate, SIZE.diaDanh, 'italic'), right - 2 * CELL_MARGIN) ? SIZE.diaDanh : SIZE.diaDanhMin;
  const dateRow = [centredLine(placeDate, { size: dateSize, italic: true }, 160)];
  return layoutTable(HEADER_COLUMNS, [
    new TableRow({ children: [layoutCell(left, issuerBlock(h.parentName, h.issuerName, left)), layoutCell(right, nationalMottoBlock(right))] }),
    // Top-aligned: a công văn's V/v lines grow the left cell downwards while Số stays level with the date.
    new TableRow({ children: [layoutCell(left, numberRow), layoutCell(right, dateRow)] }),
  ]);
}

/** "DỰ THẢO" in a single-line frame above the header, where ND30 puts the circulation note (ô 11) [practice]. */
export function draftStamp(label = 'DỰ THẢO'): Paragraph {
  const width = textWidthTwips(label, 13, 'bold') + 240;
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: TEXT_WIDTH - width - 200, right: 200 },
    spacing: { before: 0, after: 120, line: 240, lineRule: LineRuleType.AUTO },
    border: {
      top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 },
      bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 },
      left: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 },
      right: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 },
    },
    children: [run(label, { size: 13, bold: true })],
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// Title (ô 5a) and Kính gửi (ô 9a)

/** Tên loại (upper, bold) and trích yếu (sentence case, bold) centred, with a rule under them [ND30 II.5a]. */
export function titleBlock(typeName: string, title: string): Paragraph[] {
  const lineWidth = Math.min(textWidthTwips(title, SIZE.trichYeu, 'bold'), TEXT_WIDTH);
  return [
    centredLine(upperVi(typeName), { size: SIZE.tenLoai, bold: true }, 360),
    centredLine(title.trim(), { size: SIZE.trichYeu, bold: true }),
    ruleParagraph(lineWidth * RULE_FRACTION, TEXT_WIDTH, 120),
  ];
}

/**
 * "Kính gửi:" [ND30 II.9a]: one recipient on the same line; several as "- …;" lines (the last ending with "."),
 * the dashes aligned under the colon.
 */
export function kinhGuiBlock(recipients: readonly string[]): Paragraph[] {
  const items = recipients.map((s) => s.trim().replace(/^[-–]\s*/, '').replace(/[;.,]+$/, '').trim()).filter(Boolean);
  if (items.length === 0) return [];
  const style = { size: SIZE.body };
  const spacing = { before: 120, after: 0, line: 276, lineRule: LineRuleType.AUTO };
  if (items.length === 1) {
    return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...spacing, before: 240 }, children: [run(`Kính gửi: ${items[0]}.`, style)] })];
  }
  const label = 'Kính gửi:';
  const labelWidth = textWidthTwips('Kính gửi', SIZE.body);
  const lines = items.map((s, i) => `- ${s}${i === items.length - 1 ? '.' : ';'}`);
  const widest = Math.max(...lines.map((l) => textWidthTwips(l, SIZE.body)));
  // Centre the block as a whole, the way the samples place it under the trích yếu.
  const start = Math.max(0, Math.round((TEXT_WIDTH - labelWidth - widest) / 2));
  return [
    new Paragraph({ indent: { left: start }, spacing: { ...spacing, before: 240 }, children: [run(label, style)] }),
    ...lines.map((l) => new Paragraph({ indent: { left: start + labelWidth }, spacing: { ...spacing, before: 0 }, children: [run(l, style)] })),
  ];
}

// ---------------------------------------------------------------------------------------------------------------------
// Body (ô 6)

/**
 * A body element, as plain data, so that document renderers assemble the body first and the "./." marker goes on
 * the last one.
 * - section: "I. MỤC ĐÍCH, YÊU CẦU" (Roman numeral, upper case, bold) [ND30 II.6đ, non-article documents]
 * - clause: "1. Mục đích" (bold when it is a heading on its own line) or "1. running text"
 * - point: "a) …"; dash: "- …"; paragraph: running text
 */
export type BodyItem =
  | { kind: 'section'; number: string; title: string }
  | { kind: 'clause'; number: string; text: string; heading: boolean }
  | { kind: 'point'; label: string; text: string }
  | { kind: 'dash'; text: string }
  | { kind: 'paragraph'; text: string; italic?: boolean };

export function bodyText(item: BodyItem): string {
  switch (item.kind) {
    case 'section':
      return `${item.number}. ${upperVi(item.title)}`;
    case 'clause':
      return `${item.number}. ${item.text}`;
    case 'point':
      return `${item.label}) ${item.text}`;
    case 'dash':
      return `- ${item.text}`;
    case 'paragraph':
      return item.text;
  }
}

/** Justified, 1 cm first line, 6 pt before, 1.15 lines [ND30 II.6; values in BODY_SPACING]. */
export function bodyParagraph(text: string, style: { bold?: boolean; italic?: boolean; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: BODY_SPACING.firstLine },
    spacing: { before: BODY_SPACING.before, after: BODY_SPACING.after, line: BODY_SPACING.line, lineRule: LineRuleType.AUTO },
    keepNext: style.keepNext ?? false,
    children: [run(text, { size: SIZE.body, bold: style.bold ?? false, italic: style.italic ?? false })],
  });
}

function itemParagraph(item: BodyItem, text: string): Paragraph {
  const heading = item.kind === 'section' || (item.kind === 'clause' && item.heading);
  const italic = item.kind === 'paragraph' && item.italic === true;
  // Headings stay with the paragraph that follows them.
  return bodyParagraph(text, { bold: heading, italic, keepNext: heading });
}

/**
 * Body paragraphs; with `endMarker`, the last one ends with "./." [Mẫu 1.x] and stays on the page of the signature
 * that follows it, so a signature never stands alone on a page.
 */
export function bodyParagraphs(items: readonly BodyItem[], opts: { endMarker?: boolean } = {}): Paragraph[] {
  return items.map((item, i) => {
    const text = bodyText(item);
    if (!(opts.endMarker && i === items.length - 1)) return itemParagraph(item, text);
    const heading = item.kind === 'section' || (item.kind === 'clause' && item.heading);
    return bodyParagraph(withEndMarker(text), { bold: heading, italic: item.kind === 'paragraph' && item.italic === true, keepNext: true });
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// Signature (ô 7, 9b)

export interface SignatureData {
  /** Nơi nhận items, with or without "- " and ";". */
  recipients: readonly string[];
  /** Quyền hạn, chức vụ lines: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]. */
  signerLines: readonly string[];
  signerName: string | null;
}

/** Width of "- " at 11 pt. */
const DASH_HANG = textWidthTwips('- ', SIZE.noiNhanItem);

/** Room for the signature and seal between chức vụ and name: 4 empty 14 pt lines (about 2.5 cm) [practice]. */
const SIGNATURE_SPACE_LINES = 4;

/**
 * The borderless signature table [ND30 IV Sơ đồ]: "Nơi nhận:" (12 bold italic) level with the first chức vụ line,
 * items in 11 pt; on the right the authority lines (14 bold upper, centred), space to sign, the name (14 bold).
 */
export function signatureTable(s: SignatureData): Table {
  const [left, right] = SIGNATURE_COLUMNS;
  const firstBefore = 240;
  const leftParas = [
    new Paragraph({ spacing: { ...TIGHT, before: firstBefore }, children: [run('Nơi nhận:', { size: SIZE.noiNhanLabel, bold: true, italic: true })] }),
    // A wrapped item continues under its text, not under the dash.
    ...noiNhanLines(s.recipients).map(
      (l) => new Paragraph({ spacing: TIGHT, indent: { left: DASH_HANG, hanging: DASH_HANG }, children: [run(l, { size: SIZE.noiNhanItem })] }),
    ),
  ];
  const signerLines = s.signerLines.map((l) => upperVi(l.trim())).filter(Boolean);
  const rightParas = [
    ...signerLines.map((l, i) => centredLine(l, { size: SIZE.signer, bold: true }, i === 0 ? firstBefore : 0)),
    ...Array.from({ length: SIGNATURE_SPACE_LINES }, () => centredLine('', { size: SIZE.signer })),
    centredLine(s.signerName?.trim() ?? '', { size: SIZE.signer, bold: true }),
  ];
  return layoutTable(SIGNATURE_COLUMNS, [
    new TableRow({ cantSplit: true, children: [layoutCell(left, leftParas), layoutCell(right, rightParas)] }),
  ]);
}

// ---------------------------------------------------------------------------------------------------------------------
// Page setup and document

/** Page number: Arabic, centred in the top margin, 14 pt, not on the first page [ND30 I.1 "số trang"]. */
export function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: TIGHT,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: halfPoints(SIZE.pageNumber) })],
      }),
    ],
  });
}

export interface SectionOptions {
  /** A4 landscape, for a table too wide for the portrait page [ND30 I.1]. */
  landscape?: boolean;
  /** Pages numbered from 1 again (an annex) [ND30 I.1]. */
  restartPageNumbers?: boolean;
}

/** A4 section with ND30 margins, portrait unless asked; titlePage so the first page shows no number. */
export function nd30Section(children: FileChild[], opts: SectionOptions = {}): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: PAGE.width, height: PAGE.height, ...(opts.landscape ? { orientation: PageOrientation.LANDSCAPE } : {}) },
        margin: { ...PAGE.margin, gutter: 0 },
        ...(opts.restartPageNumbers ? { pageNumbers: { start: 1 } } : {}),
      },
      titlePage: true,
    },
    headers: { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({ children: [] })] }) },
    children,
  };
}

/** Document defaults: Times New Roman 14, black, Vietnamese [ND30 I.1]. */
export function nd30Styles(): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: FONT, size: halfPoints(SIZE.body), color: '000000', language: { value: 'vi-VN' } },
        paragraph: { spacing: TIGHT },
      },
    },
  };
}

export interface DocumentMeta {
  title: string;
  subject?: string;
  description?: string;
}

export const CREATOR = 'Thi Hành';

/** A document whose body is one A4 portrait section, followed by any further sections (an annex). */
export function nd30Document(meta: DocumentMeta, children: FileChild[], moreSections: ISectionOptions[] = []): Document {
  return new Document({
    title: meta.title,
    subject: meta.subject ?? '',
    description: meta.description ?? '',
    creator: CREATOR,
    lastModifiedBy: CREATOR,
    styles: nd30Styles(),
    sections: [nd30Section(children), ...moreSections],
  });
}

/**
 * Packs to a DOCX buffer and records the language in the core properties (dc:language), which the docx package
 * does not write.
 */
export async function packDocx(doc: Document, language = 'vi-VN'): Promise<Buffer> {
  const buf = await Packer.toBuffer(doc);
  const zip = await JSZip.loadAsync(buf);
  const core = zip.file('docProps/core.xml');
  if (!core) return buf;
  const xml = await core.async('string');
  if (xml.includes('<dc:language>')) return buf;
  zip.file('docProps/core.xml', xml.replace('</cp:coreProperties>', `<dc:language>${language}</dc:language></cp:coreProperties>`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
