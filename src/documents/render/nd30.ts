// Layout primitives for official documents in the format of Nghị định 30/2020/NĐ-CP (Phụ lục I; samples in Phụ lục III).
// Every builder takes plain data and returns docx objects, so plans, reports, công văn and quyết định share one layout.
// Numbers come from shared/data/nd30-format-spec.json: "[ND30 …]" marks a rule of the decree, "[Mẫu …]" a value measured
// from the decree's Word samples, "[practice]" our pick inside the decree's range.
// The builders live in nd30/ by part of the document; this entry keeps one import path for the renderers.

export {
  BODY_SPACING,
  CELL_MARGIN,
  END_MARKER,
  FONT,
  HEADER_COLUMNS,
  LANDSCAPE_TEXT_WIDTH,
  PAGE,
  QUOC_HIEU,
  SIGNATURE_COLUMNS,
  SIZE,
  TEXT_WIDTH,
  TIEU_NGU,
  halfPoints,
} from './nd30/format.ts';
export {
  formatIssueDate,
  formatNumber,
  formatNumberLine,
  formatPlaceDate,
  issuerLines,
  lowerFirst,
  nameInRunningText,
  noiNhanLines,
  pointLabel,
  romanNumeral,
  titleCaseVi,
  upperFirst,
  upperVi,
  withEndMarker,
  withFinalStop,
} from './nd30/text.ts';
export { balanceLines, fits, textWidthTwips, type Face } from './nd30/width.ts';
export { centredLine, ruleParagraph, run, type RunStyle } from './nd30/paragraph.ts';
export { layoutCell, layoutTable } from './nd30/table.ts';
export {
  GRID_CELL_MARGIN,
  fitColumns,
  gridCell,
  gridTable,
  numberingRow,
  type Align,
  type ColumnSpec,
} from './nd30/grid.ts';
export { draftStamp, headerTable, issuerBlock, nationalMottoBlock, type HeaderData } from './nd30/header.ts';
export { kinhGuiBlock, titleBlock } from './nd30/title.ts';
export { bodyParagraph, bodyParagraphs, bodyText, type BodyItem } from './nd30/body.ts';
export { signatureTable, type SignatureData } from './nd30/signature.ts';
export {
  CREATOR,
  nd30Document,
  nd30Section,
  nd30Styles,
  packDocx,
  pageNumberHeader,
  type DocumentMeta,
  type SectionOptions,
} from './nd30/document.ts';
