// The plan commands that read a file: `thihanh import` and `thihanh lint TỆP`. They need neither the database nor
// the plans' services, only the reader, the checks and the reference register, so they load nothing else and start
// in a fraction of a second (`thihanh lint MÃ_KẾ_HOẠCH` loads the rest from ./cli.ts when it runs).
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../domain/errors.ts';
import { importPlan } from '../../documents/parse/index.ts';
import { lintPlan } from '../../domain/plan/lint.ts';
import type { Finding, PlanDraft } from '../../domain/plan/model.ts';
import { referenceDirectory } from '../org/reference-data.ts';
import type { CliCommand } from '../module.ts';

const SEVERITY_LABEL = { error: 'LỖI', warning: 'CẢNH BÁO', info: 'GHI CHÚ' } as const;

export function printFindings(findings: Finding[]): void {
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
    // A file needs neither the database nor the plans' services: only the reader, the checks and the register.
    if (existsSync(arg)) findings = (await importFile(arg)).findings;
    else findings = await (await import('./cli.ts')).storedPlanFindings(arg, values.as as string | undefined, config);
    if (values.json) console.log(JSON.stringify(findings, null, 2));
    else printFindings(findings);
    return findings.some((f) => f.severity === 'error') ? 1 : 0;
  },
};
