// The life of a unit report (draft → approved → submitted → accepted | returned) and when it may still change.
// Pure rules: the use cases in src/modules/reporting/use-cases read the report, ask these, then write.
import { conflict } from '../errors.ts';
import { shortDateVi } from './compile.ts';
import { REPORT_STATUS_LABEL, type ReportStatus } from './model.ts';

export type ReportTransition = 'approve' | 'submit' | 'accept' | 'return';

const TRANSITION_FROM: Record<ReportTransition, ReportStatus[]> = {
  approve: ['draft', 'returned'],
  submit: ['approved'],
  accept: ['submitted'],
  return: ['submitted', 'accepted'],
};
const TRANSITION_TO: Record<ReportTransition, ReportStatus> = {
  approve: 'approved',
  submit: 'submitted',
  accept: 'accepted',
  return: 'returned',
};
const TRANSITION_LABEL: Record<ReportTransition, string> = {
  approve: 'duyệt',
  submit: 'gửi',
  accept: 'tiếp nhận',
  return: 'trả lại',
};

/** The status a report moves to, or 409 when it is not in a status the action starts from. */
export function transitionTarget(action: ReportTransition, from: ReportStatus): ReportStatus {
  if (!TRANSITION_FROM[action].includes(from)) {
    throw conflict(
      'report.bad_transition',
      `Không thể ${TRANSITION_LABEL[action]} báo cáo đang ở trạng thái "${REPORT_STATUS_LABEL[from]}".`,
    );
  }
  return TRANSITION_TO[action];
}

/** Why a period no longer takes reports: its due date has passed. */
export function lockedMessage(periodLabel: string, due: string, ownerName: string): string {
  return (
    `Kỳ báo cáo "${periodLabel}" đã hết hạn gửi báo cáo (hạn cuối ${shortDateVi(due)}): không lập hoặc sửa báo cáo được nữa. ` +
    `Liên hệ ${ownerName} nếu cần gửi bổ sung.`
  );
}

/**
 * A report is written while it is a draft or was returned; after the due date only a returned one may still change
 * (the receiving unit asked for it).
 */
export function checkEditable(
  report: { status: ReportStatus; due_date: string },
  today: string,
  periodLabel: string,
  ownerName: string,
): void {
  if (report.status !== 'draft' && report.status !== 'returned') {
    throw conflict(
      'report.not_editable',
      report.status === 'approved'
        ? 'Báo cáo đã được lãnh đạo duyệt nên không sửa được; hãy gửi báo cáo, hoặc đề nghị đơn vị nhận trả lại nếu cần sửa.'
        : `Báo cáo đang ở trạng thái "${REPORT_STATUS_LABEL[report.status]}": không sửa được.`,
    );
  }
  if (report.status === 'draft' && today > report.due_date) {
    throw conflict('report.period_locked', lockedMessage(periodLabel, report.due_date, ownerName));
  }
}

/** Whether a report is still being written (a draft, or returned) and whether its period has closed on it. */
export function reportEditable(
  status: ReportStatus,
  dueDate: string,
  today: string,
): { editable: boolean; locked: boolean } {
  return { editable: status === 'draft' || status === 'returned', locked: today > dueDate && status !== 'returned' };
}
