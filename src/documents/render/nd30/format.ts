// Page, font and sizes of an ND30 document: the numbers every builder lays out with.

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
/** Width of the text area of a landscape page (annex tables), in twips (25.2 cm). */
export const LANDSCAPE_TEXT_WIDTH = PAGE.height - PAGE.margin.left - PAGE.margin.right;

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
