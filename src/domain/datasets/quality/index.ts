// The dataset quality engine: reading CSV, XLSX and JSON resources, their quality and personal-data report, schema
// validation, de-identification and the k-anonymity check. Pure (no database, no HTTP); heavy work runs in the
// worker pool through the analyseDatasetResource and deidentifyDatasetResource tasks (src/workers/tasks.ts).
export { analyseTable, qualityReport, type AnalyseOptions } from './analyse.ts';
export { CCCD_PROVINCE_CODES } from './cccd-provinces.ts';
export {
  columnIndexes,
  deidentify,
  kAnonymity,
  K_THRESHOLD,
  type KAnonymity,
  type DeidentifyStep,
} from './deidentify.ts';
export { maskCell, yearOf } from './mask.ts';
export { PERSONAL_KIND_LABELS } from './notes.ts';
export { isAddress, isCccd, isEmail, isFullName, isMobile, isTaxCode } from './personal-cells.ts';
export { readTable, readWholeTable } from './read.ts';
export { qualityScore } from './score.ts';
export { sniffFormat } from './sniff.ts';
export type * from './types.ts';
export { writeTable } from './write.ts';
