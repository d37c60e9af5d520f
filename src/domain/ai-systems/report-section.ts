// The compiled report's paragraph on the AI systems the units deploy (task 3 of the plan): how many uses are
// registered and where, their risk levels, their impact assessments and open incidents. Figures only. Pure.
import { formatCountVi as n } from '../text.ts';
import type { Coverage } from './coverage.ts';

export function aiSystemsReportLines(c: Coverage): string[] {
  const t = c.totals;
  const registered = t.units - t.unitsWithoutUses;
  if (t.uses === 0)
    return [
      `Chưa có cơ quan, đơn vị nào đăng ký hệ thống trí tuệ nhân tạo đang sử dụng hoặc dự kiến sử dụng (${n(t.units)} đơn vị).`,
    ];
  const lines = [
    `Đã đăng ký ${n(t.uses)} hệ thống trí tuệ nhân tạo được sử dụng hoặc dự kiến sử dụng tại ${n(registered)}/${n(t.units)} cơ quan, đơn vị` +
      ` (rủi ro cao ${n(t.levels.high)}, trung bình ${n(t.levels.medium)}, thấp ${n(t.levels.low)}, chưa phân loại ${n(t.levels.unclassified)}).`,
    `Đánh giá tác động (Mẫu AI02): đã phê duyệt ${n(t.assessmentsApproved)}, cần lập ${n(t.assessmentsDue)}` +
      (t.assessmentsOverdue ? `, đang sử dụng khi chưa có đánh giá được phê duyệt ${n(t.assessmentsOverdue)}.` : '.'),
  ];
  if (t.openIncidents) {
    lines.push(
      `Sự cố đang xử lý: ${n(t.openIncidents)}, trong đó nghiêm trọng ${n(t.openSeriousIncidents)}` +
        (t.lateIncidents ? `, quá hạn báo cáo chính thức ${n(t.lateIncidents)}.` : '.'),
    );
  }
  if (t.unitsWithoutUses) lines.push(`${n(t.unitsWithoutUses)} cơ quan, đơn vị chưa đăng ký hệ thống nào.`);
  return lines;
}
