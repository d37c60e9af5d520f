// Review of each task's "06 rõ" (split out of lint.ts, which runs it among the other checks). Pure.
import { fold } from '../text.ts';
import type { PlanDraft, Task } from './model.ts';
import { ACTION_VERBS, ACTIVITY_VERBS, DOCUMENT_KINDS, startsWithAny, VAGUE_DELIVERABLES } from './phrases.ts';
import { hasDeadline } from './timeframe.ts';
import { type Findings, quote, taskLocation } from './lint-common.ts';

// 06 rõ: rõ người (lead), rõ việc (action), rõ thời gian (deadline), rõ kết quả (deliverable).

export function checkTasks(plan: PlanDraft, out: Findings): void {
  checkTaskNumbers(plan, out);
  const productsWritten = plan.tasks.some((t) => t.deliverables.length > 0);
  for (const t of plan.tasks) {
    const name = `Nhiệm vụ ${t.number}`;
    checkTaskAction(plan, t, name, out);
    checkTaskLead(plan, t, name, out);
    checkTaskTimeframe(plan, t, name, out);
    checkTaskDeliverables(plan, t, name, productsWritten, out);
  }
}

function checkTaskNumbers(plan: PlanDraft, out: Findings): void {
  const numbers = new Map<string, number>();
  for (const t of plan.tasks) numbers.set(t.number, (numbers.get(t.number) ?? 0) + 1);
  for (const [n, count] of numbers) {
    if (count > 1)
      out.add(
        'task.number.duplicate',
        'error',
        { task: n },
        `Số thứ tự nhiệm vụ ${n} bị trùng (${count} nhiệm vụ).`,
        'Đánh số lại các nhiệm vụ cho không trùng nhau.',
      );
  }
}

function checkTaskAction(plan: PlanDraft, t: Task, name: string, out: Findings): void {
  if (!t.title.trim()) {
    out.add(
      'task.title.missing',
      'error',
      taskLocation(plan, t, 'title'),
      `${name} chưa có tên (nội dung công việc).`,
      'Ghi rõ việc phải làm, bắt đầu bằng động từ (ví dụ: "Tổ chức…", "Xây dựng…").',
    );
  } else if (!startsWithAny(t.title, ACTION_VERBS) && !startsWithAny(t.title, DOCUMENT_KINDS)) {
    out.add(
      'task.action.missing',
      'warning',
      taskLocation(plan, t, 'title'),
      `${name}: tên nhiệm vụ ${quote(t.title)} chưa nêu rõ hành động phải làm (chưa "rõ việc").`,
      'Mở đầu tên nhiệm vụ bằng động từ chỉ hành động: "Tổ chức…", "Xây dựng…", "Rà soát…", "Triển khai…".',
    );
  }
}

function checkTaskLead(plan: PlanDraft, t: Task, name: string, out: Findings): void {
  const leads = t.lead;
  if (leads.length === 0) {
    out.add(
      'task.lead.missing',
      'error',
      taskLocation(plan, t, 'lead'),
      `${name} chưa có cơ quan chủ trì (chưa "rõ người, rõ trách nhiệm").`,
      'Ghi một cơ quan, đơn vị chủ trì cụ thể.',
    );
  } else if (leads.every((l) => l.group)) {
    out.add(
      'task.lead.group',
      'warning',
      taskLocation(plan, t, 'lead'),
      `${name}: chủ trì là một nhóm chung (${leads.map((l) => quote(l.text)).join(', ')}), chưa rõ đơn vị chịu trách nhiệm chính.`,
      'Giao một cơ quan, đơn vị cụ thể chủ trì; các đơn vị khác phối hợp.',
    );
  } else if (leads.filter((l) => !l.group).length > 1) {
    out.add(
      'task.lead.multiple',
      'info',
      taskLocation(plan, t, 'lead'),
      `${name} có ${leads.length} cơ quan chủ trì; nên giao một cơ quan chủ trì để rõ trách nhiệm.`,
      null,
    );
  }
}

function checkTaskTimeframe(plan: PlanDraft, t: Task, name: string, out: Findings): void {
  const tf = t.timeframe;
  if (!tf.text.trim()) {
    out.add(
      'task.timeframe.missing',
      'error',
      taskLocation(plan, t, 'timeframe'),
      `${name} chưa có thời gian thực hiện (chưa "rõ thời gian").`,
      'Ghi thời hạn hoàn thành, ví dụ "Trước ngày 30/6/2026" hoặc "Hằng năm, trước ngày 15/12".',
    );
  } else if (tf.schedule === null) {
    out.add(
      'task.timeframe.unreadable',
      'warning',
      taskLocation(plan, t, 'timeframe'),
      `${name}: thời gian ${quote(tf.text)} chưa xác định được mốc thời gian.`,
      'Ghi thời hạn theo ngày, tháng, quý hoặc năm cụ thể.',
    );
  } else if (!hasDeadline(tf.schedule)) {
    out.add(
      'task.timeframe.noDeadline',
      'info',
      taskLocation(plan, t, 'timeframe'),
      `${name}: thời gian ${quote(tf.text)} không có mốc hoàn thành; việc theo dõi dựa vào kỳ báo cáo định kỳ.`,
      'Có thể ghi thêm mốc báo cáo, ví dụ "Thường xuyên; báo cáo trước ngày 15/12 hằng năm".',
    );
  }
}

function checkTaskDeliverables(plan: PlanDraft, t: Task, name: string, productsWritten: boolean, out: Findings): void {
  if (t.deliverables.length === 0) {
    // A plan written in prose (the usual style of national plans) names no product for any task: worth asking,
    // not a defect to send back. One task without the product its siblings all have is a slip.
    const severity = productsWritten ? 'error' : 'warning';
    out.add(
      'task.deliverable.missing',
      severity,
      taskLocation(plan, t, 'deliverables'),
      `${name} chưa có sản phẩm (chưa "rõ kết quả").`,
      'Ghi sản phẩm cụ thể: văn bản, báo cáo, hội nghị, cơ sở dữ liệu…',
    );
  } else {
    const vague = t.deliverables.filter((x) =>
      VAGUE_DELIVERABLES.some((v) => fold(x).replace(/[.;,]+$/, '') === fold(v)),
    );
    if (vague.length === t.deliverables.length) {
      out.add(
        'task.deliverable.vague',
        'warning',
        taskLocation(plan, t, 'deliverables'),
        `${name}: sản phẩm ${t.deliverables.map(quote).join(', ')} chưa cụ thể.`,
        'Nêu sản phẩm đo được: tên văn bản, báo cáo, số hội nghị, hệ thống…',
      );
    }
    for (const x of t.deliverables) {
      const verb = startsWithAny(x, ACTIVITY_VERBS);
      if (verb) {
        out.add(
          'task.deliverable.activity',
          'warning',
          taskLocation(plan, t, 'deliverables'),
          `${name}: sản phẩm ${quote(x)} là một hoạt động (“${x.split(/\s+/).slice(0, verb.split(' ').length).join(' ')}…”), chưa phải sản phẩm đầu ra.`,
          `Ghi kết quả của hoạt động, ví dụ ${quote(
            x
              .slice(verb.length)
              .trim()
              .replace(/^\p{Ll}/u, (c) => c.toUpperCase()),
          )} hoặc văn bản, báo cáo cụ thể.`,
        );
      }
    }
  }
}
