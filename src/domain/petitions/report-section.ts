// The compiled report's paragraph on petitions (task 5 of the plan): how many were received, how they were answered,
// what they were about. Figures only, never a sender. Pure.
import { formatCountVi as formatCount } from '../text.ts';

interface Figures {
  received: number;
  answeredOnTime: number;
  answeredLate: number;
  closedOtherwise: number;
  open: number;
  overdue: number;
}

export function petitionReportLines(
  year: number,
  f: { total: Figures; byTopic: Array<Figures & { label: string }> },
): string[] {
  const t = f.total;
  if (t.received === 0) return [`Năm ${year}, chưa tiếp nhận kiến nghị, đề xuất, phản ánh nào về việc thi hành Luật.`];
  const lines = [
    `Năm ${year}, tiếp nhận ${formatCount(t.received)} kiến nghị, đề xuất, phản ánh của cơ quan, tổ chức, cá nhân; đã trả lời ` +
      `${formatCount(t.answeredOnTime + t.answeredLate)} (đúng hạn ${formatCount(t.answeredOnTime)}, trễ hạn ${formatCount(t.answeredLate)}), ` +
      `kết thúc theo hình thức khác ${formatCount(t.closedOtherwise)}; đang xử lý ${formatCount(t.open)}` +
      (t.overdue ? `, trong đó ${formatCount(t.overdue)} đã quá hạn.` : '.'),
  ];
  const topics = f.byTopic.filter((g) => g.received > 0).sort((a, b) => b.received - a.received);
  if (topics.length)
    lines.push(`Theo nội dung: ${topics.map((g) => `${g.label} ${formatCount(g.received)}`).join('; ')}.`);
  return lines;
}
