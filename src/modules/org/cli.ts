import { AppError } from '../../domain/errors.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { prepareDatabase } from '../../bootstrap.ts';
import { CLI_CTX, withDatabase } from '../../cli-support.ts';
import type { CliCommand } from '../module.ts';
import { reloadReferenceData, searchUnits } from './service.ts';

export const referenceReload: CliCommand = {
  options: {},
  async run(_a, config) {
    const r = await withDatabase(config, async (d) => {
      await migrateToLatest(d.db);
      return reloadReferenceData({ db: d.db, ...CLI_CTX });
    });
    console.log(`Đã nạp: ${r.inserted} đơn vị mới, ${r.updated} đơn vị cập nhật, ${r.aliasesAdded} tên gọi khác.`);
    return 0;
  },
};

export const unitsFind: CliCommand = {
  options: { json: { type: 'boolean' }, limit: { type: 'string' } },
  async run({ values, positionals }, config) {
    const q = positionals.join(' ').trim();
    if (!q) throw new AppError('cli.query', 2, 'Hãy nhập nội dung cần tìm, ví dụ: thihanh units find "nam sam son"');
    const limit = Math.min(100, Math.max(1, Number(values.limit ?? 10) || 10));
    const hits = await withDatabase(config, async (d) => {
      await prepareDatabase(d.db, { demo: false });
      return searchUnits({ db: d.db, ...CLI_CTX }, q, limit);
    });
    if (values.json) console.log(JSON.stringify(hits, null, 2));
    else if (!hits.length) console.log('Không tìm thấy đơn vị nào.');
    else
      for (const h of hits)
        console.log(
          `${h.code.padEnd(16)} ${h.name}${h.parentName ? ` — ${h.parentName}` : ''}${h.matched !== h.name && h.matched !== h.shortName ? ` (khớp: ${h.matched})` : ''}`,
        );
    return 0;
  },
};
