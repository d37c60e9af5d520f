// The update as typed (rows keep a key so React keeps their fields), its checks by the route's own schema (the pure
// contract module, imported at run time), and the body sent.
import type { z } from 'zod';
import { ProgressUpdateInputSchema } from '../../../../src/contracts/tracking.ts';
import { FIELD } from '../../../../src/domain/input-text.ts';
import type {
  DeliverableInput,
  DeliverableKind,
  ObstacleKind,
  ProgressUpdateBody,
  ProgressUpdateInput,
} from '../../api/types.ts';
import {
  EVIDENCE_MIME,
  evidenceSetProblem,
  readAsBase64,
  type EvidenceType,
} from '../../components/tracking/evidence.ts';
import { KIND_FIELDS } from '../../components/tracking/TrackingBits.tsx';
import { formatDay } from '../../format.ts';

export interface DeliverableRow {
  key: number;
  kind: DeliverableKind;
  title: string;
  occurredOn: string | null;
  participants: number | string;
  documentNumber: string;
  link: string;
}

export interface EvidenceRow {
  key: number;
  file: File;
  type: EvidenceType | null;
  problem: string | null;
}

export interface ObstacleRow {
  key: number;
  kind: ObstacleKind;
  content: string;
}

export interface Values {
  percent: number | string;
  completed: boolean;
  occurredOn: string | null;
  narrative: string;
  deliverables: DeliverableRow[];
  evidence: EvidenceRow[];
  obstacles: ObstacleRow[];
}

/** The form's message for a field the contract refuses, by the field's path with row numbers as `#`. */
const FIELD_MESSAGE: Record<string, string> = {
  percent: 'Nhập tiến độ từ 0 đến 100 (%).',
  occurredOn: 'Chọn ngày (ngày/tháng/năm).',
  'deliverables.#.title': 'Nhập tên sản phẩm.',
  'deliverables.#.occurredOn': 'Chọn ngày (ngày/tháng/năm).',
  'deliverables.#.participants': 'Nhập số người tham dự (số nguyên).',
  'deliverables.#.link': 'Đường dẫn phải bắt đầu bằng http:// hoặc https://.',
  'obstacles.#.content': 'Nêu rõ nội dung (ít nhất 5 ký tự).',
};

/** What to say under a field about one of the contract's issues (zod speaks English in the browser). */
function messageFor(issue: z.core.$ZodIssue): string {
  // The contract's own words: text hygiene (naming the field, which is the one shown) and the evidence count.
  if (issue.code === 'custom' || (issue.code === 'too_big' && issue.origin === 'array')) {
    return issue.message.replace(`"${FIELD}"`, 'này');
  }
  if (issue.code === 'too_big' && issue.origin === 'string') return `Tối đa ${issue.maximum} ký tự.`;
  const field = issue.path.map((k) => (typeof k === 'number' ? '#' : String(k))).join('.');
  return FIELD_MESSAGE[field] ?? 'Giá trị không hợp lệ.';
}

/**
 * Where the form is wrong, by field path: the route's own input schema (src/contracts/tracking.ts), then what the
 * service checks beyond it (days not after today, files by their type and total size) and what the form asks for
 * (a result or a deliverable; a document's number, an article's link, a conference's participants); `today` is
 * Vietnam's day.
 */
export function validateUpdate(v: Values, today: string): Record<string, string> {
  const e: Record<string, string> = {};
  const parsed = ProgressUpdateInputSchema.safeParse(updateBody(v, () => 'AA=='));
  for (const issue of parsed.error?.issues ?? []) e[issue.path.join('.')] ??= messageFor(issue);
  if (!e.occurredOn && v.occurredOn && v.occurredOn > today) {
    e.occurredOn = `Không được sau hôm nay (${formatDay(today)}): chỉ ghi nhận việc đã diễn ra.`;
  }
  if (!v.narrative.trim() && v.deliverables.length === 0)
    e.narrative = 'Nêu ngắn gọn kết quả đã làm (hoặc thêm ít nhất một sản phẩm).';
  v.deliverables.forEach((r, i) => {
    const p = `deliverables.${i}`;
    if (!e[`${p}.occurredOn`] && r.occurredOn && r.occurredOn > today) e[`${p}.occurredOn`] = 'Không được sau hôm nay.';
    if (KIND_FIELDS[r.kind].participants && typeof r.participants !== 'number')
      e[`${p}.participants`] ??= FIELD_MESSAGE['deliverables.#.participants']!;
    if (r.kind === 'document' && !r.documentNumber.trim())
      e[`${p}.documentNumber`] ??= 'Nhập số, ký hiệu văn bản (ví dụ 12/KH-UBND).';
    if (r.kind === 'article' && !r.link.trim()) e[`${p}.link`] ??= 'Nhập đường dẫn đến tin, bài.';
  });
  v.evidence.forEach((r, i) => {
    if (r.problem) e[`evidence.${i}.contentBase64`] = r.problem;
  });
  const setProblem = evidenceSetProblem(v.evidence.map((r) => r.file.size));
  if (setProblem) e.evidence = setProblem;
  return e;
}

/** The body before the contract has accepted it: a number or a day not given yet is left out. */
type Draft = Omit<ProgressUpdateInput, 'percent' | 'occurredOn' | 'deliverables'> & {
  percent?: number;
  occurredOn?: string;
  deliverables: Array<Omit<DeliverableInput, 'occurredOn'> & { occurredOn?: string }>;
};

/** What the server stores: trimmed text, only the fields the deliverable's kind has, files as base64 (`content`). */
function updateBody(v: Values, content: (r: EvidenceRow) => string): Draft {
  return {
    percent: v.completed ? 100 : typeof v.percent === 'number' ? v.percent : undefined,
    completed: v.completed,
    occurredOn: v.occurredOn ?? undefined,
    narrative: v.narrative.trim(),
    deliverables: v.deliverables.map((r) => {
      const f = KIND_FIELDS[r.kind];
      return {
        kind: r.kind,
        title: r.title.trim(),
        occurredOn: r.occurredOn ?? undefined,
        participants: f.participants && typeof r.participants === 'number' ? r.participants : null,
        documentNumber: f.documentNumber && r.documentNumber.trim() ? r.documentNumber.trim() : null,
        link: f.link && r.link.trim() ? r.link.trim() : null,
      };
    }),
    evidence: v.evidence.map((r) => ({
      filename: r.file.name,
      mime: r.type ? EVIDENCE_MIME[r.type] : 'application/octet-stream',
      contentBase64: content(r),
    })),
    obstacles: v.obstacles.map((r) => ({ kind: r.kind, content: r.content.trim() })),
  };
}

/** The body sent, once `validateUpdate` found nothing: with its files read as base64, as the contract reads it. */
export async function toUpdateBody(v: Values): Promise<ProgressUpdateBody> {
  const contents = new Map(
    await Promise.all(v.evidence.map(async (r) => [r.key, await readAsBase64(r.file)] as const)),
  );
  return ProgressUpdateInputSchema.parse(updateBody(v, (r) => contents.get(r.key)!));
}

/** Every path a field on the page shows a message for: the server's other messages are listed above the buttons. */
export function shownFieldPaths(deliverables: readonly unknown[], obstacles: readonly unknown[]): string[] {
  return [
    'percent',
    'occurredOn',
    'narrative',
    'completed',
    'evidence',
    ...deliverables.flatMap((_, i) =>
      ['title', 'occurredOn', 'participants', 'documentNumber', 'link', 'kind'].map((f) => `deliverables.${i}.${f}`),
    ),
    ...obstacles.flatMap((_, i) => [`obstacles.${i}.content`, `obstacles.${i}.kind`]),
  ];
}
