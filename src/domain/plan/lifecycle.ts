// The rules of a plan's life, draft → submitted → approved → issued (→ amended): what a saved draft must hold, which
// status each action leaves from, and what issuing requires. Pure: the use cases read, decide here, then write.
import { conflict, invalid } from '../errors.ts';
import { normalizeText } from '../text.ts';
import { withArchiveLine, type SignerBlock } from '../org/document-settings.ts';
import { PLAN_STATUS_LABEL, type Finding, type PlanDraft, type PlanStatus } from './model.ts';

/** A saved draft numbers each task once and has a title (trích yếu). */
export function checkDraftShape(draft: PlanDraft): void {
  const numbers = new Set<string>();
  for (const t of draft.tasks) {
    if (numbers.has(t.number)) {
      throw invalid('plan.task_duplicate', `Nhiệm vụ số ${t.number} bị trùng.`, [
        { path: `tasks`, message: `Số nhiệm vụ ${t.number} xuất hiện hai lần.` },
      ]);
    }
    numbers.add(t.number);
  }
  if (!normalizeText(draft.document.title)) {
    throw invalid('plan.title_missing', 'Kế hoạch chưa có trích yếu.', [
      { path: 'document.title', message: 'Nhập trích yếu của kế hoạch.' },
    ]);
  }
}

/** Only a draft is edited in place; an issued plan changes by an amendment. */
export function checkEditable(status: string): void {
  if (status === 'draft') return;
  throw conflict(
    'plan.not_editable',
    status === 'issued'
      ? 'Kế hoạch đã ban hành chỉ được thay đổi bằng văn bản sửa đổi (chọn "Sửa đổi kế hoạch").'
      : `Kế hoạch đang ở trạng thái "${PLAN_STATUS_LABEL[status as PlanStatus]}": trả lại dự thảo trước khi sửa.`,
  );
}

export type Transition = 'submit' | 'approve' | 'return' | 'issue';

const TRANSITION_FROM: Record<Transition, string[]> = {
  submit: ['draft'],
  approve: ['submitted'],
  return: ['submitted', 'approved'],
  issue: ['approved'],
};
const TRANSITION_LABEL: Record<Transition, string> = {
  submit: 'trình',
  approve: 'duyệt',
  return: 'trả lại',
  issue: 'ban hành',
};

/** Each action leaves from given statuses only. */
export function checkTransition(action: Transition, from: string): void {
  if (TRANSITION_FROM[action].includes(from)) return;
  throw conflict(
    'plan.bad_transition',
    `Không thể ${TRANSITION_LABEL[action]} kế hoạch đang ở trạng thái "${PLAN_STATUS_LABEL[from as PlanStatus]}".`,
  );
}

/** Submitting asks for a plan without errors; each error points at its task or field. */
export function checkSubmittable(findings: Finding[]): void {
  const errors = findings.filter((f) => f.severity === 'error');
  if (!errors.length) return;
  throw invalid(
    'plan.has_errors',
    `Kế hoạch còn ${errors.length} lỗi cần sửa trước khi trình: ${errors[0]!.message}`,
    errors.map((e) => ({
      path: e.location.task ? `tasks.${e.location.task}` : (e.location.field ?? 'document'),
      message: e.message,
    })),
  );
}

/** Issuing asks for a plan without errors once it carries its number and date. */
export function checkIssuable(findings: Finding[]): void {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length)
    throw invalid(
      'plan.has_errors',
      `Kế hoạch còn ${errors.length} lỗi cần sửa trước khi ban hành: ${errors[0]!.message}`,
    );
}

/** A returned draft carries its reason (at least 5 characters); the reason as stored. */
export function returnReason(reason: string | undefined): string {
  const r = normalizeText(reason ?? '');
  if (r.length < 5)
    throw invalid('plan.reason_required', 'Hãy nêu lý do trả lại.', [
      { path: 'reason', message: 'Lý do cần ít nhất 5 ký tự.' },
    ]);
  return r;
}

/** A document number as the clerk gives it: digits only ("129"); the symbol (KH-UBND) is kept apart. */
export const ISSUED_NUMBER = /^\d{1,6}$/;

/** The number and day an issued plan carries, as the clerk gives them (number digits only, day YYYY-MM-DD). */
export function issueNumber(input: { number?: string; date?: string }): { number: string; date: string; year: number } {
  const number = normalizeText(input.number ?? '');
  if (!ISSUED_NUMBER.test(number)) {
    throw invalid('plan.number_invalid', 'Số văn bản phải là số (ví dụ 129).', [
      { path: 'number', message: 'Nhập số văn bản do văn thư cấp.' },
    ]);
  }
  if (!input.date || !/^\d{4}-\d{2}-\d{2}$/.test(input.date) || Number.isNaN(Date.parse(input.date))) {
    throw invalid('plan.date_invalid', 'Ngày ban hành không hợp lệ.', [
      { path: 'date', message: 'Chọn ngày ban hành.' },
    ]);
  }
  return { number, date: input.date, year: Number(input.date.slice(0, 4)) };
}

/** The draft as issued: its number, day and year, and the signer's name when one is given. */
export function issuedDraft(
  draft: PlanDraft,
  issued: { number: string; date: string; year: number; symbol: string },
  signerName?: string,
): PlanDraft {
  const signer = signerName
    ? {
        ...(draft.document.signer ?? { authority: 'TM', lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: null }),
        name: normalizeText(signerName),
      }
    : draft.document.signer;
  return {
    ...draft,
    document: {
      ...draft.document,
      number: issued.number,
      symbol: issued.symbol,
      date: issued.date,
      year: issued.year,
      signer,
    },
  };
}

/**
 * The issued draft signed with a block of the unit's signers (when one was picked), its filing line naming the unit's
 * drafting division (when the unit set one): "Lưu: VT, VP." replaces the draft's own.
 */
export function signedByUnit(draft: PlanDraft, block: SignerBlock | null, division: string | null): PlanDraft {
  const authority = block?.authority && block.authority !== 'none' ? block.authority : null;
  return {
    ...draft,
    document: {
      ...draft.document,
      signer: block ? { authority, lines: block.lines, name: block.name } : draft.document.signer,
      recipients: division ? withArchiveLine(draft.document.recipients, division) : draft.document.recipients,
    },
  };
}
