import { writeFileSync } from 'node:fs';
import { AppError } from '../../domain/errors.ts';
import { prepareDatabase } from '../../bootstrap.ts';
import { actingAs, withDatabase } from '../../cli-support.ts';
import { renderPlanDocx } from '../../documents/render/plan-docx.ts';
import { renderPlanTasksXlsx } from '../../documents/render/plan-xlsx.ts';
import type { Finding } from '../../domain/plan/model.ts';
import { getUnitByCode } from '../org/index.ts';
import type { CliCommand } from '../module.ts';
import type { Config } from '../../config.ts';
import { renderOptions } from '../../domain/plan/issuer.ts';
import * as plans from './service.ts';

export function planId(arg: string | undefined): number {
  const id = Number(arg);
  if (!Number.isInteger(id) || id <= 0)
    throw new AppError('cli.plan', 2, `"${arg ?? ''}" không phải mã kế hoạch (số nguyên dương).`);
  return id;
}

export const cascadeCommand: CliCommand = {
  options: { all: { type: 'boolean' }, unit: { type: 'string', multiple: true }, as: { type: 'string' } },
  async run({ values, positionals }, config) {
    const id = planId(positionals[0]);
    return withDatabase(config, async (d) => {
      await prepareDatabase(d.db, { demo: false });
      const ctx = await actingAs(d, values.as);
      const codes = (values.unit as string[] | undefined) ?? [];
      const unitIds: number[] = [];
      for (const code of codes) {
        const u = await getUnitByCode(d.db, code);
        if (!u) throw new AppError('cli.unit', 2, `Không tìm thấy đơn vị có mã "${code}".`);
        unitIds.push(u.id);
      }
      if (!values.all && !unitIds.length)
        throw new AppError('cli.unit', 2, 'Chọn --all hoặc ít nhất một --unit MÃ_XÃ.');
      const r = await plans.cascade(ctx, id, values.all ? { all: true } : { unitIds });
      console.log(
        `Đã tạo ${r.created.length} dự thảo kế hoạch (${r.ms} ms); bỏ qua ${r.skipped.length} đơn vị đã có kế hoạch.`,
      );
      return 0;
    });
  },
};

export const exportCommand: CliCommand = {
  options: { format: { type: 'string' }, out: { type: 'string' }, as: { type: 'string' } },
  async run({ values, positionals }, config) {
    const id = planId(positionals[0]);
    const format = String(values.format ?? 'docx');
    if (!['docx', 'xlsx', 'json'].includes(format))
      throw new AppError('cli.format', 2, 'Định dạng phải là docx, xlsx hoặc json.');
    if (!values.out) throw new AppError('cli.out', 2, 'Cần --out TỆP.');
    return withDatabase(config, async (d) => {
      await prepareDatabase(d.db, { demo: false });
      const ctx = values.as ? await actingAs(d, values.as) : { db: d.db, actor: null, ip: 'cli' };
      const { plan, unit, draft, parentUnit } = await plans.planForExport(ctx, id);
      const opts = renderOptions(unit, parentUnit, plan.status !== 'issued');
      const body =
        format === 'docx'
          ? await renderPlanDocx(draft, opts)
          : format === 'xlsx'
            ? await renderPlanTasksXlsx(draft, opts)
            : Buffer.from(JSON.stringify({ ...draft, findings: [] }, null, 2));
      writeFileSync(String(values.out), body);
      console.log(`Đã ghi ${values.out} (${body.length} byte).`);
      return 0;
    });
  },
};

/** The findings stored with a plan of the database (`thihanh lint MÃ_KẾ_HOẠCH`), read with the caller's rights. */
export async function storedPlanFindings(arg: string, as: string | undefined, config: Config): Promise<Finding[]> {
  const id = planId(arg);
  return withDatabase(config, async (d) => {
    await prepareDatabase(d.db, { demo: false });
    const ctx = as ? await actingAs(d, as) : { db: d.db, actor: null, ip: 'cli' };
    return (await plans.getPlanDetail(ctx, id)).draft.findings;
  });
}
