// Execution of plans: assignments, their status in the four states of government task tracking, deliverables.

/** The four states used by government task tracking (Hệ thống theo dõi nhiệm vụ): computed from dates, never typed. */
export const TASK_STATUSES = ['doneOnTime', 'doneLate', 'inProgress', 'overdue'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_STATUS_LABEL: Record<TaskStatus, string> = {
  doneOnTime: 'Hoàn thành đúng hạn',
  doneLate: 'Hoàn thành quá hạn',
  inProgress: 'Đang thực hiện trong hạn',
  overdue: 'Chưa hoàn thành, quá hạn',
};

export type AssignmentRole = 'lead' | 'coordinator';

export const ASSIGNMENT_ROLE_LABEL: Record<AssignmentRole, string> = { lead: 'Chủ trì', coordinator: 'Phối hợp' };

export const DELIVERABLE_KINDS = [
  'conference',
  'document',
  'article',
  'training',
  'plan',
  'report',
  'dataset',
  'other',
] as const;
export type DeliverableKind = (typeof DELIVERABLE_KINDS)[number];

export const DELIVERABLE_KIND_LABEL: Record<DeliverableKind, string> = {
  conference: 'Hội nghị, hội thảo, tọa đàm',
  document: 'Văn bản ban hành',
  article: 'Tin, bài, phóng sự',
  training: 'Lớp tập huấn, bồi dưỡng',
  plan: 'Kế hoạch, chương trình',
  report: 'Báo cáo',
  dataset: 'Dữ liệu cung cấp',
  other: 'Sản phẩm khác',
};

export interface DeliverableRecord {
  kind: DeliverableKind;
  title: string;
  /** YYYY-MM-DD */
  occurredOn: string;
  participants: number | null;
  documentNumber: string | null;
  link: string | null;
}

export const OBSTACLE_KIND_LABEL = { difficulty: 'Khó khăn, vướng mắc', proposal: 'Đề xuất, kiến nghị' } as const;
export type ObstacleKind = keyof typeof OBSTACLE_KIND_LABEL;

export const OBSTACLE_STATUSES = ['open', 'answered', 'closed'] as const;
export type ObstacleStatus = (typeof OBSTACLE_STATUSES)[number];
export const OBSTACLE_STATUS_LABEL: Record<ObstacleStatus, string> = {
  open: 'Chưa trả lời',
  answered: 'Đã trả lời',
  closed: 'Đã đóng',
};
