// "Việc cần làm": what waits for a person, gathered from every module (each says what of its records waits for this
// actor) and put in one order: what is late first, then by due date, then what has no date. Pure.
import { addDays } from './calendar/lunar.ts';

export const TODO_KINDS = [
  'plan.approve',
  'plan.submit',
  'plan.cascade',
  'plan.parentChanged',
  'assignment.overdue',
  'assignment.dueSoon',
  'obstacle.answer',
  'report.approve',
  'report.submit',
  'report.returned',
  'report.review',
  'petition.handle',
  'petition.approve',
  'aiSystem.assessment',
  'aiSystem.incident',
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

/** The group a kind is shown under on the home page, in this order. */
export const TODO_GROUPS = ['plans', 'work', 'reports', 'public', 'aiSystems'] as const;
export type TodoGroup = (typeof TODO_GROUPS)[number];

export const TODO_GROUP_LABEL: Record<TodoGroup, string> = {
  plans: 'Kế hoạch',
  work: 'Công việc, khó khăn',
  reports: 'Báo cáo',
  public: 'Kiến nghị của người dân, tổ chức',
  aiSystems: 'Hệ thống trí tuệ nhân tạo',
};

export const TODO_KIND: Record<TodoKind, { group: TodoGroup; label: string }> = {
  'plan.approve': { group: 'plans', label: 'Kế hoạch chờ duyệt' },
  'plan.submit': { group: 'plans', label: 'Dự thảo kế hoạch được trả lại' },
  'plan.cascade': { group: 'plans', label: 'Kế hoạch cần triển khai xuống xã, phường' },
  'plan.parentChanged': { group: 'plans', label: 'Kế hoạch cấp trên đã sửa đổi' },
  'assignment.overdue': { group: 'work', label: 'Nhiệm vụ quá hạn' },
  'assignment.dueSoon': { group: 'work', label: 'Nhiệm vụ sắp đến hạn' },
  'obstacle.answer': { group: 'work', label: 'Khó khăn, đề xuất cần trả lời' },
  'report.approve': { group: 'reports', label: 'Báo cáo chờ duyệt' },
  'report.submit': { group: 'reports', label: 'Báo cáo cần lập và gửi' },
  'report.returned': { group: 'reports', label: 'Báo cáo bị trả lại' },
  'report.review': { group: 'reports', label: 'Báo cáo cấp dưới chờ tiếp nhận' },
  'petition.handle': { group: 'public', label: 'Kiến nghị cần xử lý' },
  'petition.approve': { group: 'public', label: 'Trả lời kiến nghị chờ duyệt' },
  'aiSystem.assessment': { group: 'aiSystems', label: 'Đánh giá tác động cần lập hoặc duyệt' },
  'aiSystem.incident': { group: 'aiSystems', label: 'Sự cố cần báo cáo' },
};

/** One thing to do, as a module gives it. */
export interface TodoItem {
  kind: TodoKind;
  /** What it is, in a line: "Báo cáo năm 2026 của Phường Nam Sầm Sơn". */
  title: string;
  /** YYYY-MM-DD in Việt Nam, or null when nothing is due on a date. */
  dueDate: string | null;
  /** Where in the web app it is done. */
  link: string;
  /** The unit it concerns, when not the person's own. */
  unitName?: string | null;
}

export interface OrderedTodoItem extends TodoItem {
  group: TodoGroup;
  label: string;
  /** late: the due date has passed; soon: within DUE_SOON_DAYS days; later; none: no date. */
  urgency: 'late' | 'soon' | 'later' | 'none';
}

export const DUE_SOON_DAYS = 7;

const URGENCY_ORDER = { late: 0, soon: 1, later: 2, none: 3 } as const;

/** Late first, then by due date (earliest first), then undated; ties by title in Vietnamese order. */
export function orderTodo(items: readonly TodoItem[], today: string): OrderedTodoItem[] {
  const soon = addDays(today, DUE_SOON_DAYS);
  const collator = new Intl.Collator('vi');
  return items
    .map((item) => {
      const urgency: OrderedTodoItem['urgency'] =
        item.dueDate === null ? 'none' : item.dueDate < today ? 'late' : item.dueDate <= soon ? 'soon' : 'later';
      return { ...item, ...TODO_KIND[item.kind], urgency };
    })
    .sort(
      (a, b) =>
        URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency] ||
        (a.dueDate ?? '').localeCompare(b.dueDate ?? '') ||
        collator.compare(a.title, b.title),
    );
}
