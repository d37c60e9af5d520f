// `thihanh units import FILE.csv --province CODE`: a province's communes and offices, or its departments, from a CSV
// in the columns of reference-data/. Loaded only when the command runs.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { prepareDatabase } from '../../bootstrap.ts';
import { CLI_CTX, withDatabase } from '../../cli-support.ts';
import { AppError } from '../../domain/errors.ts';
import { parseUnitCsv, UNIT_CSV_MAX_BYTES } from '../../domain/org/unit-import.ts';
import type { CliCommand } from '../module.ts';
import { importUnitsParsed } from './service.ts';
import { getUnitByCode } from './store.ts';

const USAGE = 'thihanh units import TỆP.csv --province MÃ_TỈNH (ví dụ --province 40 cho tỉnh Nghệ An)';

export const unitsImport: CliCommand = {
  options: { province: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values, positionals }, config) {
    const file = positionals[0];
    const code = typeof values.province === 'string' ? values.province.trim() : '';
    if (!file || positionals.length > 1 || !code) throw new AppError('cli.usage', 2, `Cách dùng: ${USAGE}`);
    const size = await stat(file).then(
      (s) => s.size,
      () => {
        throw new AppError('cli.file', 2, `Không mở được tệp "${file}".`);
      },
    );
    if (size > UNIT_CSV_MAX_BYTES)
      throw new AppError(
        'cli.file',
        1,
        `Tệp "${file}" lớn hơn ${UNIT_CSV_MAX_BYTES / 1024 / 1024} MB; kiểm tra lại tệp.`,
      );
    const parsed = parseUnitCsv(new Uint8Array(await readFile(file)));
    const result = await withDatabase(config, async (d) => {
      await prepareDatabase(d.db, { demo: false });
      const province = await getUnitByCode(d.db, code);
      if (!province || province.kind !== 'province')
        throw new AppError(
          'cli.province',
          2,
          `Không có tỉnh, thành phố mã "${code}" (mã 2 chữ số, ví dụ 40 là tỉnh Nghệ An).`,
        );
      try {
        return {
          province,
          result: await importUnitsParsed({ db: d.db, ...CLI_CTX }, province.id, basename(file), parsed),
        };
      } catch (err) {
        if (err instanceof AppError && err.issues.length) {
          console.error(`Lỗi: ${err.message}`);
          for (const i of err.issues) console.error(`  ${i.message}`);
          return null;
        }
        throw err;
      }
    });
    if (!result) return 1;
    const r = result.result;
    if (values.json) console.log(JSON.stringify(r, null, 2));
    else if (r.format === 'communes')
      console.log(
        `Đã nạp vào ${result.province.name}: ${r.communes} xã, phường mới với ${r.offices} phòng, ban, đơn vị; ${r.unchanged} dòng đã có sẵn.`,
      );
    else console.log(`Đã nạp vào ${result.province.name}: ${r.agencies} sở, ngành mới; ${r.unchanged} dòng đã có sẵn.`);
    return 0;
  },
};
