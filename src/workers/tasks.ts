// What runs in the worker pool (src/workers/pool.ts): each export is one task, named by its export. A task gets
// structured-clonable data and answers an Envelope, because an AppError thrown here would reach the main thread as a
// plain Error without its code, status and Vietnamese message. Heavy libraries load on a task's first use, so a
// worker that only imports never loads exceljs.
import { AppError, invalid } from '../domain/errors.ts';
import { scrubImportedText } from '../domain/input-text.ts';
import type { Finding, PlanDraft } from '../domain/plan/model.ts';
import type { CompiledReport, ReminderLetter } from '../domain/reporting/model.ts';
import type { UnitReportDocument } from '../domain/reporting/unit-document.ts';
import type { ImportLayout } from '../documents/parse/layout.ts';
import type { PlanRenderOptions } from '../documents/render/plan-docx.ts';
import type { PlanXlsxOptions } from '../documents/render/plan-xlsx.ts';
import type { CompiledReportInput } from '../documents/render/report-docx.ts';
import type { Ai02Document, IncidentReportDocument } from '../documents/render/ai-systems-docx.ts';
import type { DeidentifyStep, TableSchema } from '../contracts/dataset-quality.ts';
import type { FocalDashboard, PeriodStatus } from '../contracts/reporting.ts';
import type { KAnonymity, QualityReport } from '../domain/datasets/quality/index.ts';
import type { ParsedUnitCsv } from '../domain/org/unit-import.ts';
import { directoryOf, type DirectoryShare } from './directory.ts';

export type Envelope<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: string; status: number; message: string; issues: AppError['issues'] } };

async function envelope<T>(work: () => Promise<T>): Promise<Envelope<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (err) {
    if (err instanceof AppError)
      return { ok: false, error: { code: err.code, status: err.status, message: err.message, issues: err.issues } };
    throw err;
  }
}

export interface ImportTask {
  filename: string;
  content: Uint8Array;
  directory: DirectoryShare;
}

export interface ImportResult {
  draft: PlanDraft;
  /** Which layout rules read each header field and each task. */
  layout: ImportLayout;
  /** The text as sent (text formats), kept with the saved plan. */
  sourceText: string | null;
}

/** Why a file could not be read, in Vietnamese: parser messages are English and name internals. */
function unreadable(filename: string, err: unknown): AppError {
  const deep = err instanceof RangeError && /call stack/i.test(err.message);
  const why = deep ? 'các thẻ lồng nhau quá sâu' : 'tệp hỏng hoặc không đúng định dạng';
  return invalid('plan.import_failed', `Không đọc được tệp "${filename}": ${why}.`, [
    { path: 'content', message: 'Tệp hỏng hoặc không đúng định dạng (.txt, .md, .html, .docx).' },
  ]);
}

/** Import for review: the file read into a draft, then checked; both here, so the draft crosses back only once. */
export function importPlan(task: ImportTask): Promise<Envelope<ImportResult>> {
  return envelope(async () => {
    const { readPlanFile: read } = await import('../documents/parse/index.ts');
    const { lintPlan } = await import('../domain/plan/lint.ts');
    const directory = directoryOf(task.directory);
    const content = Buffer.from(task.content.buffer, task.content.byteOffset, task.content.byteLength);
    let draft: PlanDraft;
    let layout: ImportLayout;
    try {
      ({ draft, layout } = await read({ filename: task.filename, content }, directory));
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw unreadable(task.filename, err);
    }
    const issuerCode = draft.document.issuer?.unitCode ?? undefined;
    const findings = [...draft.findings, ...lintPlan(draft, { directory, issuerCode })];
    const sourceText = /\.docx$/i.test(task.filename) ? null : scrubImportedText(content.toString('utf8'));
    return { draft: { ...draft, findings }, layout, sourceText };
  });
}

export interface LintTask {
  draft: PlanDraft;
  directory: DirectoryShare;
  parent?: PlanDraft;
  issuerCode?: string;
  status?: string;
}

export function lintPlan(task: LintTask): Promise<Envelope<Finding[]>> {
  return envelope(async () => {
    const { lintPlan: check } = await import('../domain/plan/lint.ts');
    return check(task.draft, {
      directory: directoryOf(task.directory),
      parent: task.parent,
      issuerCode: task.issuerCode,
      status: task.status,
    });
  });
}

export function renderPlanDocx(task: { draft: PlanDraft; options: PlanRenderOptions }): Promise<Envelope<Uint8Array>> {
  return envelope(async () =>
    (await import('../documents/render/plan-docx.ts')).renderPlanDocx(task.draft, task.options),
  );
}

export function renderPlanTasksXlsx(task: {
  draft: PlanDraft;
  options: PlanXlsxOptions;
}): Promise<Envelope<Uint8Array>> {
  return envelope(async () =>
    (await import('../documents/render/plan-xlsx.ts')).renderPlanTasksXlsx(task.draft, task.options),
  );
}

export function renderCompiledReportDocx(task: { report: CompiledReportInput }): Promise<Envelope<Uint8Array>> {
  return envelope(async () =>
    (await import('../documents/render/report-docx.ts')).renderCompiledReportDocx(task.report),
  );
}

export function renderCompiledReportXlsx(task: { report: CompiledReport }): Promise<Envelope<Uint8Array>> {
  return envelope(async () =>
    (await import('../documents/render/report-xlsx.ts')).renderCompiledReportXlsx(task.report),
  );
}

export function renderFocalDashboardXlsx(task: { dashboard: FocalDashboard }): Promise<Envelope<Uint8Array>> {
  return envelope(async () =>
    (await import('../documents/render/dashboard-xlsx.ts')).renderFocalDashboardXlsx(task.dashboard),
  );
}

export function renderPeriodStatusXlsx(task: { status: PeriodStatus }): Promise<Envelope<Uint8Array>> {
  return envelope(async () =>
    (await import('../documents/render/period-status-xlsx.ts')).renderPeriodStatusXlsx(task.status),
  );
}

export function renderReminderLetterDocx(task: { letter: ReminderLetter }): Promise<Envelope<Uint8Array>> {
  return envelope(async () =>
    (await import('../documents/render/reminder-docx.ts')).renderReminderLetterDocx(task.letter),
  );
}

export function renderAi02Docx(task: { document: Ai02Document }): Promise<Envelope<Uint8Array>> {
  return envelope(async () => (await import('../documents/render/ai-systems-docx.ts')).renderAi02Docx(task.document));
}

export function renderAiIncidentDocx(task: { document: IncidentReportDocument }): Promise<Envelope<Uint8Array>> {
  return envelope(async () =>
    (await import('../documents/render/ai-systems-docx.ts')).renderIncidentReportDocx(task.document),
  );
}

export function renderAiCoverageXlsx(task: {
  coverage: Parameters<typeof import('../documents/render/ai-coverage-xlsx.ts').renderAiCoverageXlsx>[0];
}): Promise<Envelope<Uint8Array>> {
  return envelope(async () =>
    (await import('../documents/render/ai-coverage-xlsx.ts')).renderAiCoverageXlsx(task.coverage),
  );
}

/** A province's units CSV, read and checked row by row (src/domain/org/unit-import.ts). */
export function parseUnitCsv(task: { content: Uint8Array }): Promise<Envelope<ParsedUnitCsv>> {
  return envelope(async () => (await import('../domain/org/unit-import.ts')).parseUnitCsv(task.content));
}

export interface DatasetResourceTask {
  filename: string;
  content: Uint8Array;
  schema?: TableSchema;
}

/** The quality and personal-data report of an uploaded dataset resource (CSV, XLSX, JSON), rows streamed. */
export function analyseDatasetResource(task: DatasetResourceTask): Promise<Envelope<QualityReport>> {
  return envelope(async () => {
    const { qualityReport } = await import('../domain/datasets/quality/index.ts');
    return qualityReport(task.filename, task.content, { schema: task.schema });
  });
}

export interface DeidentifyTask {
  filename: string;
  content: Uint8Array;
  steps: DeidentifyStep[];
  quasiIdentifiers?: string[];
  schema?: TableSchema;
}

export interface DeidentifyResult {
  filename: string;
  content: Uint8Array;
  /** The report of the de-identified file, as the resource's new version would get it. */
  report: QualityReport;
  kAnonymity: KAnonymity | null;
}

/** The resource with the steps applied, in its own format, with its new report and the k-anonymity check. */
export function deidentifyDatasetResource(task: DeidentifyTask): Promise<Envelope<DeidentifyResult>> {
  return envelope(async () => {
    const q = await import('../domain/datasets/quality/index.ts');
    const table = await q.readWholeTable(task.filename, task.content);
    const out = q.deidentify(table, task.steps);
    const kAnonymity = task.quasiIdentifiers?.length ? q.kAnonymity(out, task.quasiIdentifiers) : null;
    const content = await q.writeTable(out);
    const filename = task.filename.replace(/(\.[^.]*)?$/, (ext) => `-khu-dinh-danh${ext || `.${out.format}`}`);
    const report = await q.qualityReport(filename, content, { schema: task.schema });
    return { filename, content, report, kAnonymity };
  });
}

export function renderUnitReportDocx(task: { document: UnitReportDocument }): Promise<Envelope<Uint8Array>> {
  return envelope(async () =>
    (await import('../documents/render/unit-report-docx.ts')).renderUnitReportDocx(task.document),
  );
}

export function renderUnitReportXlsx(task: { document: UnitReportDocument }): Promise<Envelope<Uint8Array>> {
  return envelope(async () =>
    (await import('../documents/render/unit-report-xlsx.ts')).renderUnitReportXlsx(task.document),
  );
}
