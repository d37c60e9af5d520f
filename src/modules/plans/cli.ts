import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../domain/errors.ts';
import { prepareDatabase } from '../../bootstrap.ts';
import { actingAs, withDatabase } from '../../cli-support.ts';
import { importPlan } from '../../documents/parse/index.ts';
import { renderPlanDocx } from '../../documents/render/plan-docx.ts';
import { renderPlanTasksXlsx } from '../../documents/render/plan-xlsx.ts';
import { lintPlan } from '../../domain/plan/lint.ts';
import type { Finding, PlanDraft } from '../../domain/plan/model.ts';
import { getUnitByCode, referenceDirectory } from '../org/index.ts';
import type { CliCommand } from '../module.ts';
import { renderOptions } from '../../domain/plan/issuer.ts';
import * as plans from './service.ts';

const SEVERITY_LABEL = { error: 'LỖI', warning: 'CẢNH BÁO', info: 'GHI CHÚ' } as const;

function printFindings(findings: Finding[]): void {
  if (!findings.length) {
    console.log('Không phát hiện lỗi nào.');
    return;
  }
  for (const f of findings) {
    const where = [
      f.location.section && `mục ${f.location.section}`,
      f.location.task && `nhiệm vụ ${f.location.task}`,
      f.location.line && `dòng ${f.location.line}`,
    ]
      .filter(Boolean)
      .join(', ');
    console.log(`${SEVERITY_LABEL[f.severity].padEnd(9)} ${where ? `[${where}] ` : ''}${f.message}`);
    if (f.fix) console.log(`          → ${f.fix}`);
  }
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  console.log(`\n${count('error')} lỗi, ${count('warning')} cảnh báo, ${count('info')} ghi chú.`);
}

/** A file is read against the reference register (no database needed, nothing locked). */
async function importFile(path: string): Promise<PlanDraft> {
  if (!existsSync(path)) throw new AppError('cli.file', 2, `Không tìm thấy tệp ${path}.`);
  const { directory } = referenceDirectory();
  const draft = await importPlan({ filename: basename(path), content: readFileSync(path) }, directory);
  const findings = [
    ...draft.findings,
    ...lintPlan(draft, { directory, issuerCode: draft.document.issuer?.unitCode ?? undefined }),
  ];
  return { ...draft, findings };
}

function planId(arg: string | undefined): number {
  const id = Number(arg);
  if (!Number.isInteger(id) || id <= 0)
    throw new AppError('cli.plan', 2, `"${arg ?? ''}" không phải mã kế hoạch (số nguyên dương).`);
  return id;
}

export const importCommand: CliCommand = {
  options: { json: { type: 'boolean' } },
  async run({ values, positionals }) {
    const draft = await importFile(positionals[0] ?? '');
    if (values.json) {
      console.log(JSON.stringify(draft, null, 2));
      return 0;
    }
    const d = draft.document;
    console.log(`${d.type} ${d.number ?? '(chưa số)'}/${d.symbol ?? ''} — ${d.title}`);
    console.log(
      `Ban hành: ${d.issuer?.unitName ?? d.issuer?.text ?? '(không rõ)'}; ${d.place ?? ''}${d.date ? `, ngày ${d.date}` : ''}`,
    );
    for (const t of draft.tasks)
      console.log(
        `  ${t.number.padEnd(5)} ${t.title}\n        Chủ trì: ${t.lead.map((r) => r.text).join('; ') || '—'} | Thời gian: ${t.timeframe.text || '—'}`,
      );
    if (draft.unplaced.length)
      console.log(
        `Không xếp được ${draft.unplaced.length} dòng: ${draft.unplaced.map((u) => `dòng ${u.line}`).join(', ')}`,
      );
    printFindings(draft.findings);
    return 0;
  },
};

export const lintCommand: CliCommand = {
  options: { json: { type: 'boolean' }, as: { type: 'string' } },
  async run({ values, positionals }, config) {
    const arg = positionals[0] ?? '';
    let findings: Finding[];
    if (existsSync(arg)) findings = (await importFile(arg)).findings;
    else {
      const id = planId(arg);
      findings = await withDatabase(config, async (d) => {
        await prepareDatabase(d.db, { demo: false });
        const ctx = values.as ? await actingAs(d, values.as) : { db: d.db, actor: null, ip: 'cli' };
        return (await plans.getPlanDetail(ctx, id)).draft.findings;
      });
    }
    if (values.json) console.log(JSON.stringify(findings, null, 2));
    else printFindings(findings);
    return findings.some((f) => f.severity === 'error') ? 1 : 0;
  },
};

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
