// What the tracking routes take and answer (assignments, progress updates, obstacles, notifications, the working
// calendar): one contract for the server (the routes' inputs and declared responses, so tests hold every answer to
// it), the OpenAPI document and the web app (its answer types, and the progress-update schema its form validates
// with). Built from the services in src/modules/tracking and src/modules/calendar.
// Pure: no node: modules, no database, nothing from src/modules.
import { z } from '@hono/zod-openapi';
import { PLAN_STATUSES } from '../domain/plan/model.ts';
import { scheduleSchema } from '../domain/plan/schema.ts';
import {
  ASSIGNMENT_ROLE_LABEL,
  DELIVERABLE_KINDS,
  OBSTACLE_KIND_LABEL,
  OBSTACLE_STATUSES,
  TASK_STATUSES,
  type AssignmentRole,
  type ObstacleKind,
} from '../domain/tracking/model.ts';
import { EVIDENCE_MAX_FILES } from '../domain/tracking/evidence.ts';
import {
  Base64,
  FileName,
  Id,
  Instant,
  IsoDate,
  IsoDay,
  keysOf,
  Limit,
  LongText,
  Offset,
  QueryId,
  QueryYear,
  SearchQuery,
  ShortText,
} from './common.ts';

export const TaskStatusSchema = z.enum(TASK_STATUSES);
export const AssignmentRoleSchema = z.enum(keysOf(ASSIGNMENT_ROLE_LABEL));
export const DeliverableKindSchema = z.enum(DELIVERABLE_KINDS);
export const ObstacleKindSchema = z.enum(keysOf(OBSTACLE_KIND_LABEL));
export const ObstacleStatusSchema = z.enum(OBSTACLE_STATUSES);

const UnitName = z.object({ id: z.number(), name: z.string() });
const UnitNameCode = z.object({ id: z.number(), name: z.string(), code: z.string() });

// ---------------------------------------------------------------- assignments

export const AssignmentListItemSchema = z
  .object({
    id: z.number(),
    role: AssignmentRoleSchema,
    roleLabel: z.string(),
    unit: UnitNameCode,
    task: z.object({ id: z.number(), number: z.string(), title: z.string(), timeframe: z.string() }),
    plan: z.object({
      id: z.number(),
      title: z.string(),
      number: z.string().nullable(),
      symbol: z.string().nullable(),
      unitName: z.string(),
    }),
    dueDate: IsoDay.nullable().openapi({
      description: 'Hạn trong năm; null khi thời hạn không cho ngày nào trong năm',
    }),
    status: TaskStatusSchema,
    statusLabel: z.string(),
    percent: z.number(),
    completedOn: IsoDay.nullable(),
    lastUpdate: z
      .object({ id: z.number(), occurredOn: IsoDay, percent: z.number(), narrative: z.string(), at: Instant })
      .nullable(),
  })
  .openapi('AssignmentListItem');

export const AssignmentListSchema = z
  .object({
    year: z.number().int(),
    today: IsoDay,
    total: z.number().int(),
    counts: z.record(TaskStatusSchema, z.number().int()),
    items: z.array(AssignmentListItemSchema),
  })
  .openapi('AssignmentList');

export const DeliverableSchema = z
  .object({
    id: z.number(),
    kind: DeliverableKindSchema,
    kindLabel: z.string(),
    title: z.string(),
    occurredOn: IsoDay,
    participants: z.number().nullable(),
    documentNumber: z.string().nullable(),
    link: z.string().nullable(),
    /** The dataset a deliverable of kind "dataset" delivered (task 4: the provincial AI database). */
    datasetId: z.number().nullable(),
  })
  .openapi('Deliverable');

/** Metadata of an uploaded evidence file (never its content). */
const EvidenceMeta = z.object({
  id: z.number(),
  filename: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
});

export const EvidenceFileSchema = EvidenceMeta.extend({
  url: z.string().openapi({ description: '/api/evidence/{id}' }),
}).openapi('EvidenceFile');

export const ProgressUpdateSchema = z
  .object({
    id: z.number(),
    occurredOn: IsoDay,
    percent: z.number(),
    completed: z.boolean(),
    narrative: z.string(),
    author: z.object({ id: z.number(), name: z.string().nullable() }).nullable(),
    createdAt: Instant,
    deliverables: z.array(DeliverableSchema),
    evidence: z.array(EvidenceFileSchema),
  })
  .openapi('ProgressUpdate');

export const ObstacleSchema = z
  .object({
    id: z.number(),
    kind: ObstacleKindSchema,
    kindLabel: z.string(),
    content: z.string(),
    status: ObstacleStatusSchema,
    statusLabel: z.string(),
    raisedOn: IsoDay,
    raisedBy: z.string().nullable(),
    createdAt: Instant,
    unit: UnitName,
    toUnit: UnitName,
    assignmentId: z.number().nullable(),
    task: z.object({ id: z.number(), number: z.string().nullable(), title: z.string().nullable() }).nullable(),
    plan: z
      .object({
        id: z.number(),
        title: z.string().nullable(),
        number: z.string().nullable(),
        symbol: z.string().nullable(),
      })
      .nullable(),
    answer: z.string().nullable(),
    answeredAt: Instant.nullable(),
    answeredBy: z.string().nullable(),
    can: z.object({ answer: z.boolean() }),
  })
  .openapi('Obstacle');

export const AssignmentDetailSchema = z
  .object({
    assignment: z.object({
      id: z.number(),
      role: AssignmentRoleSchema,
      roleLabel: z.string(),
      unit: UnitNameCode,
      year: z.number().int(),
      today: IsoDay,
      dueDate: IsoDay.nullable(),
      status: TaskStatusSchema,
      statusLabel: z.string(),
      percent: z.number(),
      completedOn: IsoDay.nullable(),
      current: z.object({ percent: z.number(), completedOn: IsoDay.nullable() }),
      lastUpdateAt: Instant.nullable(),
    }),
    task: z.object({
      id: z.number(),
      number: z.string(),
      title: z.string(),
      content: z.string().nullable(),
      timeframe: z.string(),
      schedule: scheduleSchema.nullable(),
      lead: z.array(z.string()),
      coordinators: z.array(z.string()),
      deliverables: z.array(z.string()),
    }),
    plan: z.object({
      id: z.number(),
      title: z.string(),
      number: z.string().nullable(),
      symbol: z.string().nullable(),
      issuedDate: IsoDay.nullable(),
      status: z.enum(PLAN_STATUSES),
      unit: UnitName,
    }),
    updates: z.array(ProgressUpdateSchema).openapi({ description: 'Mới nhất trước' }),
    obstacles: z.array(ObstacleSchema),
    can: z.object({ update: z.boolean() }),
  })
  .openapi('AssignmentDetail');

export const ProgressUpdateResultSchema = z
  .object({
    id: z.number(),
    assignmentId: z.number(),
    percent: z.number(),
    completedOn: IsoDay.nullable(),
    evidence: z.array(EvidenceMeta),
    obstacles: z.array(z.object({ id: z.number(), kind: ObstacleKindSchema, toUnitId: z.number() })),
  })
  .openapi('ProgressUpdateResult');

// ---------------------------------------------------------------- obstacles

export const ObstacleListSchema = z
  .object({
    box: z.enum(['inbox', 'outbox']),
    total: z.number().int(),
    items: z.array(ObstacleSchema),
  })
  .openapi('ObstacleList');

export const ObstacleAnswerSchema = z
  .object({
    id: z.number(),
    status: z.literal('answered'),
    answer: z.string(),
  })
  .openapi('ObstacleAnswer');

// ---------------------------------------------------------------- notifications

export const AppNotificationSchema = z
  .object({
    id: z.number(),
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable().openapi({
      description: 'Địa chỉ trong ứng dụng (/assignments?…, /obstacles?…#id, /bao-cao/{id}, /che-do-bao-cao/{id})',
    }),
    read: z.boolean(),
    readAt: Instant.nullable(),
    createdAt: Instant,
    to: z.enum(['user', 'unit']),
    toUnitName: z
      .string()
      .nullable()
      .openapi({ description: 'Tên phòng, ban của đơn vị khi thông báo gửi đến phòng, ban đó' }),
  })
  .openapi('Notification');

export const NotificationListSchema = z
  .object({
    unread: z.number().int(),
    items: z.array(AppNotificationSchema),
  })
  .openapi('NotificationList');

export const NotificationReadSchema = z
  .object({ id: z.number(), read: z.boolean(), readAt: Instant })
  .openapi('NotificationRead');

// ---------------------------------------------------------------- working calendar

const DayOff = z.object({
  date: IsoDay,
  kind: z.string().openapi({
    description:
      'newYear, lunarNewYear, hungKings, victoryDay, labourDay, nationalDay, annual, compensatory, announced',
  }),
  name: z.string(),
  detail: z.string().optional(),
  weekday: z.string().openapi({ description: '"Thứ Hai" … "Chủ nhật"' }),
});

export const CalendarYearSchema = z
  .object({
    year: z.number().int(),
    holidays: z.array(DayOff),
    compensatoryDays: z.array(DayOff),
    announcedDaysOff: z.array(DayOff),
    makeUpWorkingDays: z.array(z.object({ date: IsoDay, name: z.string(), weekday: z.string() })),
    workingDays: z.number().int(),
    source: z.string().nullable(),
    // The administrators' adjustments as stored (their shape is CalendarOverrides, checked when they are set).
    overrides: z.record(z.string(), z.unknown()),
  })
  .openapi('CalendarYear');

// ---------------------------------------------------------------- what people send

const Link = ShortText(2000)
  .url('Đường dẫn không hợp lệ.')
  .refine((u) => /^https?:\/\//i.test(u), 'Đường dẫn phải bắt đầu bằng http:// hoặc https://.');
const OptionalText = (max: number) => ShortText(max).nullable().optional();
const ListLimit = Limit(2000, 200);

export const AssignmentListQuerySchema = z.object({
  unitId: QueryId.optional(),
  planId: QueryId.optional(),
  status: TaskStatusSchema.optional(),
  year: QueryYear.optional(),
  limit: ListLimit,
  offset: Offset,
});

export const AssignmentDetailQuerySchema = z.object({ year: QueryYear.optional() });

export const DeliverableInputSchema = z
  .object({
    kind: DeliverableKindSchema,
    title: ShortText(500, 1),
    occurredOn: IsoDate,
    participants: z.number().int().min(0).max(10_000_000).nullable().optional(),
    documentNumber: OptionalText(100),
    link: Link.nullable().optional(),
    /** For kind "dataset": the dataset record in the provincial AI database. */
    datasetId: Id.nullable().optional(),
  })
  .strict();

// 10 MB of file is 13 981 016 base64 characters; the service names the file and its size when it is larger.
export const EvidenceInputSchema = z
  .object({
    filename: FileName(255),
    mime: ShortText(200, 1),
    contentBase64: Base64(14_500_000),
  })
  .strict();

export const ObstacleInputSchema = z.object({ kind: ObstacleKindSchema, content: LongText(5000, 5) }).strict();

/** A progress update as sent (the service then checks its days, its files by their bytes and their total size). */
export const ProgressUpdateInputSchema = z
  .object({
    percent: z.number().int().min(0).max(100),
    narrative: LongText(20_000).default(''),
    completed: z.boolean().default(false),
    occurredOn: IsoDate,
    deliverables: z.array(DeliverableInputSchema).max(50).default([]),
    evidence: z
      .array(EvidenceInputSchema)
      .max(EVIDENCE_MAX_FILES, `Mỗi lần cập nhật đính kèm tối đa ${EVIDENCE_MAX_FILES} tệp minh chứng.`)
      .default([]),
    obstacles: z.array(ObstacleInputSchema).max(20).default([]),
  })
  .strict();

export const ObstacleListQuerySchema = z.object({
  box: z.enum(['inbox', 'outbox']).default('inbox'),
  status: ObstacleStatusSchema.optional(),
  /** Raised by this unit or a unit below it (a commune with its offices). */
  unitId: QueryId.optional(),
  /** About a task of this plan or of a plan implementing it (the communes' plans of the province plan). */
  planId: QueryId.optional(),
  kind: ObstacleKindSchema.optional(),
  /** Words of the content, without accents. */
  q: SearchQuery(200).optional(),
  limit: ListLimit,
  offset: Offset,
});

export const ObstacleAnswerInputSchema = z.object({ answer: LongText(10_000, 5) }).strict();

// ---------------------------------------------------------------- types (the web app imports these, types only)

export type TaskStatus = z.infer<typeof TaskStatusSchema>;
export type DeliverableKind = z.infer<typeof DeliverableKindSchema>;
export type ObstacleStatus = z.infer<typeof ObstacleStatusSchema>;
export type { AssignmentRole, ObstacleKind };
export type AssignmentListItem = z.infer<typeof AssignmentListItemSchema>;
export type AssignmentList = z.infer<typeof AssignmentListSchema>;
export type Deliverable = z.infer<typeof DeliverableSchema>;
export type EvidenceFile = z.infer<typeof EvidenceFileSchema>;
export type ProgressUpdate = z.infer<typeof ProgressUpdateSchema>;
export type Obstacle = z.infer<typeof ObstacleSchema>;
export type AssignmentDetail = z.infer<typeof AssignmentDetailSchema>;
export type ProgressUpdateResult = z.infer<typeof ProgressUpdateResultSchema>;
export type ObstacleList = z.infer<typeof ObstacleListSchema>;
export type ObstacleAnswer = z.infer<typeof ObstacleAnswerSchema>;
export type AppNotification = z.infer<typeof AppNotificationSchema>;
export type NotificationList = z.infer<typeof NotificationListSchema>;
export type NotificationRead = z.infer<typeof NotificationReadSchema>;
export type CalendarYear = z.infer<typeof CalendarYearSchema>;
/** What a client sends (defaults may be left out). */
export type DeliverableInput = z.input<typeof DeliverableInputSchema>;
export type EvidenceInput = z.input<typeof EvidenceInputSchema>;
export type ProgressUpdateInput = z.input<typeof ProgressUpdateInputSchema>;
/** What the service receives once the route has validated it (defaults filled in). */
export type ProgressUpdateBody = z.output<typeof ProgressUpdateInputSchema>;
export type AssignmentListQuery = z.output<typeof AssignmentListQuerySchema>;
export type ObstacleListQuery = z.output<typeof ObstacleListQuerySchema>;
