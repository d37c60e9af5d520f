import type { Narrative, NarrativeKey, ReportDetail } from '../../api/types.ts';

/** The narrative sections in the order of the Báo cáo outline (Mẫu 1.4), with what each should say. */
export const NARRATIVE_SECTIONS: ReadonlyArray<{ key: NarrativeKey; label: string; hint: string }> = [
  {
    key: 'leadership',
    label: 'I. Công tác lãnh đạo, chỉ đạo, triển khai thực hiện',
    hint: 'Văn bản chỉ đạo, kế hoạch đã ban hành; công tác phổ biến, quán triệt.',
  },
  {
    key: 'results',
    label: 'II. Kết quả thực hiện',
    hint: 'Kết quả từng nhiệm vụ; đã điền sẵn tổng hợp từ tiến độ, có thể sửa, bổ sung.',
  },
  { key: 'assessment', label: 'III. Đánh giá chung', hint: 'Ưu điểm, kết quả nổi bật; hạn chế và nguyên nhân.' },
  { key: 'obstacles', label: 'Khó khăn, vướng mắc', hint: 'Đã điền sẵn các khó khăn đã nêu khi cập nhật tiến độ.' },
  { key: 'nextSteps', label: 'IV. Phương hướng, nhiệm vụ trọng tâm thời gian tới', hint: '' },
  { key: 'proposals', label: 'V. Đề xuất, kiến nghị', hint: '' },
];

export type Values = Narrative & { indicators: Record<string, number | string> };

export function valuesOf(d: ReportDetail): Values {
  return { ...d.report.content.narrative, indicators: { ...d.report.indicatorValues } };
}

/** Sections a report is not approved without unless the leader confirms (the server's REQUIRED_SECTIONS). */
export const REQUIRED_KEYS: readonly NarrativeKey[] = ['leadership', 'results', 'assessment', 'nextSteps'];

/** Labels of the required sections left empty in the values being edited. */
export function emptyRequired(v: Narrative): string[] {
  return NARRATIVE_SECTIONS.filter((s) => REQUIRED_KEYS.includes(s.key) && !(v[s.key] ?? '').trim()).map(
    (s) => s.label,
  );
}
