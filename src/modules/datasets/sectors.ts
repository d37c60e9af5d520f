// The sectors a dataset is filed under: reference-data/dataset-sectors.csv, or the CSV THIHANH_DATASET_SECTORS
// names (same columns: code,name) once the national list of essential sectors is issued.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { REFERENCE_DATA_DIR } from '../org/index.ts';

export interface Sector {
  code: string;
  name: string;
}

let cached: { file: string; sectors: Sector[]; byCode: Map<string, Sector> } | undefined;

function load(): NonNullable<typeof cached> {
  const file = process.env.THIHANH_DATASET_SECTORS?.trim() || `${REFERENCE_DATA_DIR}dataset-sectors.csv`;
  if (cached?.file === file) return cached;
  const rows = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as Sector[];
  const sectors = rows.filter((r) => r.code && r.name).map((r) => ({ code: r.code, name: r.name }));
  if (!sectors.length) throw new Error(`Danh mục lĩnh vực dữ liệu "${file}" không có dòng nào (cần cột code,name).`);
  cached = { file, sectors, byCode: new Map(sectors.map((s) => [s.code, s])) };
  return cached;
}

export const datasetSectors = (): Sector[] => load().sectors;
export const sectorByCode = (code: string): Sector | undefined => load().byCode.get(code);
export const sectorName = (code: string): string => sectorByCode(code)?.name ?? code;
