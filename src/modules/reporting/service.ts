// Use cases of the reporting cycle, one family per file in use-cases/: regimes and ad hoc requests, unit reports
// (draft → approved → submitted → accepted | returned), the status of a period and its documents. The dashboards
// (use-cases/dashboard.ts) are not re-exported: they read plans' entry, which loads this module's entry (a cycle).
export { listRegimesFor, getRegimeDetail } from './use-cases/regimes.ts';
export { createAdHocRegime, type AdHocInput } from './use-cases/ad-hoc-request.ts';
export { ensureRegimeForPlan } from './use-cases/plan-regime.ts';
export { listReportsFor, getReportDetail } from './use-cases/reports.ts';
export { createReport } from './use-cases/create-report.ts';
export { refreshReport, updateReport, type ReportPatch } from './use-cases/edit-report.ts';
export { transitionReport, type ReportTransition } from './use-cases/transition-report.ts';
export { periodStatus } from './use-cases/period-status.ts';
export { compiledReport, reminderLetter } from './use-cases/documents.ts';
export { reportingTodo } from './use-cases/todo.ts';
export { unitReportDocument } from './use-cases/unit-documents.ts';
export { approvePeriodDocument } from './use-cases/sign-documents.ts';
