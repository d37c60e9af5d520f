// The update as typed (rows keep a key so React keeps their fields), the browser's checks, and the body sent.
import type { DeliverableKind, ObstacleKind, ProgressUpdateInput } from '../../api/types.ts';
import { EVIDENCE_MIME, evidenceSetProblem, readAsBase64, type EvidenceType } from '../../components/tracking/evidence.ts';
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

const HTTP = /^https?:\/\/[^\s]+\.[^\s]+/i;

/** The server's rules for an update (src/contracts), said next to the field concerned; `today` is Vietnam's day. */
export function validateUpdate(v: Values, today: string): Record<string, string> {
  const e: Record<string, string> = {};
  const percent = typeof v.percent === 'number' ? v.percent : Number.NaN;
  if (!v.completed && (!Number.isInteger(percent) || percent < 0 || percent > 100)) e.percent = 'Nhập tiến độ từ 0 đến 100 (%).';
  if (!v.occurredOn) e.occurredOn = 'Chọn ngày (dd/mm/yyyy).';
  else if (v.occurredOn > today) e.occurredOn = `Không được sau hôm nay (${formatDay(today)}): chỉ ghi nhận việc đã diễn ra.`;
  if (!v.narrative.trim() && v.deliverables.length === 0) e.narrative = 'Nêu ngắn gọn kết quả đã làm (hoặc thêm ít nhất một sản phẩm).';
  v.deliverables.forEach((r, i) => {
    const f = KIND_FIELDS[r.kind];
    if (!r.title.trim()) e[`deliverables.${i}.title`] = 'Nhập tên sản phẩm.';
    if (!r.occurredOn) e[`deliverables.${i}.occurredOn`] = 'Chọn ngày (dd/mm/yyyy).';
    else if (r.occurredOn > today) e[`deliverables.${i}.occurredOn`] = 'Không được sau hôm nay.';
    if (f.participants) {
      const n = typeof r.participants === 'number' ? r.participants : Number.NaN;
      if (!Number.isInteger(n) || n < 0) e[`deliverables.${i}.participants`] = 'Nhập số người tham dự (số nguyên).';
    }
    if (r.kind === 'document' && !r.documentNumber.trim()) e[`deliverables.${i}.documentNumber`] = 'Nhập số, ký hiệu văn bản (ví dụ 12/KH-UBND).';
    if (r.kind === 'article' && !r.link.trim()) e[`deliverables.${i}.link`] = 'Nhập đường dẫn đến tin, bài.';
    if (f.link && r.link.trim() && !HTTP.test(r.link.trim())) e[`deliverables.${i}.link`] = 'Đường dẫn phải bắt đầu bằng http:// hoặc https://.';
  });
  v.obstacles.forEach((r, i) => {
    if (r.content.trim().length < 5) e[`obstacles.${i}.content`] = 'Nêu rõ nội dung (ít nhất 5 ký tự).';
  });
  v.evidence.forEach((r, i) => {
    if (r.problem) e[`evidence.${i}.contentBase64`] = r.problem;
  });
  const setProblem = evidenceSetProblem(v.evidence.map((r) => r.file.size));
  if (setProblem) e.evidence = setProblem;
  return e;
}

/** What the server stores: trimmed text, only the fields the deliverable's kind has, files read as base64. */
export async function toUpdateBody(v: Values): Promise<ProgressUpdateInput> {
  return {
    percent: v.completed ? 100 : Number(v.percent),
    completed: v.completed,
    occurredOn: v.occurredOn!,
    narrative: v.narrative.trim(),
    deliverables: v.deliverables.map((r) => {
      const f = KIND_FIELDS[r.kind];
      return {
        kind: r.kind, title: r.title.trim(), occurredOn: r.occurredOn!,
        participants: f.participants && typeof r.participants === 'number' ? r.participants : null,
        documentNumber: f.documentNumber && r.documentNumber.trim() ? r.documentNumber.trim() : null,
        link: f.link && r.link.trim() ? r.link.trim() : null,
      };
    }),
    evidence: await Promise.all(v.evidence.map(async (r) => ({ filename: r.file.name, mime: EVIDENCE_MIME[r.type!], contentBase64: await readAsBase64(r.file) }))),
    obstacles: v.obstacles.map((r) => ({ kind: r.kind, content: r.content.trim() })),
  };
}

/** Every path a field on the page shows a message for: the server's other messages are listed above the buttons. */
export function shownFieldPaths(deliverables: readonly unknown[], obstacles: readonly unknown[]): string[] {
  return [
    'percent', 'occurredOn', 'narrative', 'completed', 'evidence',
    ...deliverables.flatMap((_, i) => ['title', 'occurredOn', 'participants', 'documentNumber', 'link', 'kind'].map((f) => `deliverables.${i}.${f}`)),
    ...obstacles.flatMap((_, i) => [`obstacles.${i}.content`, `obstacles.${i}.kind`]),
  ];
}
