// What the reporting routes answer about regimes and units' reports, with the enums and shapes the rest of
// reporting's contracts (./reporting.ts, which re-exports all of this) share. Pure, like ./reporting.ts.
import { z } from '@hono/zod-openapi';
import { UNIT_KINDS } from '../domain/org/unit.ts';
import { REPORT_STATUSES } from '../domain/reporting/model.ts';
import { FREQUENCIES } from '../domain/reporting/period.ts';
import { SUBMISSION_STATE_LABEL } from '../domain/reporting/rollup.ts';
import { Instant, IsoDay, keysOf } from './common.ts';
import { SignerBlockSchema } from './document-settings.ts';
import { AssignmentRoleSchema, DeliverableKindSchema, ObstacleKindSchema, TaskStatusSchema } from './tracking.ts';

export const ReportStatusSchema = z.enum(REPORT_STATUSES);
export const SubmissionStateSchema = z.enum(keysOf(SUBMISSION_STATE_LABEL));
export const ReportingRegimeKindSchema = z.enum(['periodic', 'adHoc', 'thematic']);
export const UnitKindSchema = z.enum(UNIT_KINDS);

export const DateWindow = z.object({ from: IsoDay, to: IsoDay });
/** Indicator code → value. */
export const IndicatorValues = z.record(z.string(), z.number());

export const IndicatorDefSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    unit: z.string().openapi({ description: 'Đơn vị tính: "cuộc", "lượt người"' }),
    aggregate: z.enum(['sum', 'max']),
    fromDeliverables: z.object({ kind: DeliverableKindSchema, measure: z.enum(['count', 'participants']) }).optional(),
  })
  .openapi('IndicatorDef');

// ---------------------------------------------------------------- regimes

const DayOffShift = z.enum(['before', 'after', 'none']);

/** A regime's timing as the services give it (ReportingSchedule plus reminders and an ad hoc request's window). */
const ReportingRegimeScheduleSchema = z.object({
  frequency: z.enum(FREQUENCIES),
  frequencyLabel: z.string().nullable(),
  dataWindow: z.object({ cutoffDay: z.union([z.number().int(), z.literal('endOfMonth')]) }),
  dueDate: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('dayOfMonth'),
      monthOffset: z.number().int(),
      day: z.number().int(),
      exclusive: z.boolean(),
      onDayOff: DayOffShift.optional(),
    }),
    z.object({
      kind: z.literal('afterCutoff'),
      unit: z.enum(['workingDays', 'calendarDays']),
      days: z.number().int(),
      onDayOff: DayOffShift.optional(),
    }),
  ]),
  tiers: z.array(z.object({ kinds: z.array(UnitKindSchema), leadWorkingDays: z.number().int() })),
  reminderDays: z.array(z.number().int()),
  window: DateWindow.nullable(),
});

export const ReportingRegimeSchema = z
  .object({
    id: z.number(),
    code: z.string(),
    kind: ReportingRegimeKindSchema,
    name: z.string(),
    content: z.string(),
    ownerUnitId: z.number(),
    ownerName: z.string(),
    planId: z.number().nullable(),
    recipients: z.array(z.string()),
    outline: z.array(z.string()),
    indicators: z.array(IndicatorDefSchema),
    adHocDue: IsoDay.nullable(),
    active: z.boolean(),
    schedule: ReportingRegimeScheduleSchema,
    submitters: z.object({
      scopeUnitId: z.number(),
      kinds: z.array(UnitKindSchema).optional(),
      unitIds: z.array(z.number()).optional(),
      planAssigneeKinds: z.array(UnitKindSchema).optional(),
      excludeUnitIds: z.array(z.number()).optional(),
    }),
  })
  .openapi('ReportingRegime');

export const ReportingRegimeListSchema = z.array(ReportingRegimeSchema);

export const ReportingRegimePeriodSchema = z
  .object({
    key: z.string().openapi({ example: '2026' }),
    label: z.string(),
    dataWindow: DateWindow,
    dueDates: z.array(z.object({ kinds: z.array(UnitKindSchema), dueDate: IsoDay.nullable() })),
    myDueDate: IsoDay.nullable(),
    current: z.boolean(),
  })
  .openapi('ReportingRegimePeriod');

export const ReportingRegimeDetailSchema = z
  .object({
    regime: ReportingRegimeSchema,
    today: IsoDay,
    submitterCount: z.number().int(),
    myUnitReports: z.boolean(),
    periods: z.array(ReportingRegimePeriodSchema),
    can: z.object({
      followUp: z.boolean(),
      review: z.boolean(),
      createReport: z
        .boolean()
        .openapi({ description: 'Đơn vị của người dùng phải báo cáo và người dùng được lập báo cáo' }),
    }),
  })
  .openapi('ReportingRegimeDetail');

export const ReportingRegimeCreatedSchema = z
  .object({
    id: z.number(),
    periodKey: z.string(),
    submitters: z.number().int().openapi({ description: 'Số đơn vị phải báo cáo' }),
  })
  .openapi('ReportingRegimeCreated');

// ---------------------------------------------------------------- unit reports

export const DeliverableRecordSchema = z.object({
  kind: DeliverableKindSchema,
  title: z.string(),
  occurredOn: IsoDay,
  participants: z.number().nullable(),
  documentNumber: z.string().nullable(),
  link: z.string().nullable(),
});

export const ReportTaskLineSchema = z
  .object({
    taskNumber: z.string(),
    taskTitle: z.string(),
    role: AssignmentRoleSchema,
    status: TaskStatusSchema,
    percent: z.number(),
    results: z.array(z.string()),
    deliverables: z.array(DeliverableRecordSchema),
    parentTaskNumber: z.string().nullable().optional(),
    deadline: IsoDay.nullable().optional(),
  })
  .openapi('ReportTaskLine');

export const NarrativeSchema = z.object({
  leadership: z.string(),
  results: z.string(),
  assessment: z.string(),
  obstacles: z.string(),
  proposals: z.string(),
  nextSteps: z.string(),
});

export const UnitReportContentSchema = z
  .object({
    window: DateWindow,
    tasks: z.array(ReportTaskLineSchema),
    obstacles: z.array(
      z.object({ kind: ObstacleKindSchema, content: z.string(), raisedOn: IsoDay, answer: z.string().nullable() }),
    ),
    narrative: NarrativeSchema,
    children: z
      .array(
        z.object({
          unitId: z.number(),
          unitName: z.string(),
          reportId: z.number(),
          status: ReportStatusSchema,
          submittedOn: IsoDay.nullable(),
        }),
      )
      .optional(),
  })
  .openapi('UnitReportContent');

export const ReportSummarySchema = z.object({
  id: z.number(),
  status: ReportStatusSchema,
  statusLabel: z.string(),
  dueDate: IsoDay,
  submittedAt: Instant.nullable(),
  late: z.boolean().nullable(),
});

export const ReportListItemSchema = ReportSummarySchema.extend({
  regimeId: z.number(),
  regimeName: z.string(),
  periodKey: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  toUnitId: z.number(),
  toUnitName: z.string(),
  returnReason: z.string().nullable(),
  updatedAt: Instant,
  number: z.string().nullable().openapi({ description: 'Số của báo cáo, cấp khi lãnh đạo duyệt: "05"' }),
  symbol: z.string().nullable().openapi({ description: 'Ký hiệu: "BC-UBND"' }),
}).openapi('ReportListItem');

export const ReportListSchema = z.array(ReportListItemSchema);

export const ReportDetailSchema = z
  .object({
    report: ReportSummarySchema.extend({
      regimeId: z.number(),
      regimeName: z.string(),
      periodKey: z.string(),
      periodLabel: z.string(),
      dataWindow: DateWindow,
      unitId: z.number(),
      unitName: z.string(),
      toUnitId: z.number(),
      toUnitName: z.string(),
      number: z.string().nullable().openapi({ description: 'Số của báo cáo, cấp khi lãnh đạo duyệt: "05"' }),
      symbol: z.string().nullable().openapi({ description: 'Ký hiệu: "BC-UBND"' }),
      signer: SignerBlockSchema.nullable().openapi({ description: 'Người ký lãnh đạo đã chọn khi duyệt' }),
      content: UnitReportContentSchema,
      indicatorValues: IndicatorValues,
      approvedAt: Instant.nullable(),
      reviewedAt: Instant.nullable(),
      returnReason: z.string().nullable(),
      createdAt: Instant,
      updatedAt: Instant,
    }),
    indicators: z.array(IndicatorDefSchema),
    locked: z.boolean(),
    can: z.object({
      edit: z.boolean(),
      approve: z.boolean(),
      submit: z.boolean(),
      accept: z.boolean(),
      return: z.boolean(),
    }),
  })
  .openapi('ReportDetail');

export const ReportCreatedSchema = z
  .object({ id: z.number(), status: ReportStatusSchema, dueDate: IsoDay })
  .openapi('ReportCreated');
export const ReportUpdatedSchema = z.object({ id: z.number(), status: ReportStatusSchema }).openapi('ReportUpdated');
export const ReportRefreshedSchema = z
  .object({
    id: z.number(),
    status: ReportStatusSchema,
    tasks: z.number().int().openapi({ description: 'Số dòng nhiệm vụ điền sẵn' }),
  })
  .openapi('ReportRefreshed');
export const ReportTransitionedSchema = z
  .object({
    id: z.number(),
    status: ReportStatusSchema,
    late: z.boolean().nullable(),
    dueDate: IsoDay,
    number: z.string().nullable(),
    symbol: z.string().nullable(),
  })
  .openapi('ReportTransitioned');

// ---------------------------------------------------------------- types (the web app imports these, types only)

export type ReportStatus = z.infer<typeof ReportStatusSchema>;
export type SubmissionState = z.infer<typeof SubmissionStateSchema>;
export type IndicatorDef = z.infer<typeof IndicatorDefSchema>;
export type ReportingRegime = z.infer<typeof ReportingRegimeSchema>;
export type ReportingRegimePeriod = z.infer<typeof ReportingRegimePeriodSchema>;
export type ReportingRegimeDetail = z.infer<typeof ReportingRegimeDetailSchema>;
export type ReportingRegimeCreated = z.infer<typeof ReportingRegimeCreatedSchema>;
export type ReportTaskLine = z.infer<typeof ReportTaskLineSchema>;
export type Narrative = z.infer<typeof NarrativeSchema>;
export type NarrativeKey = keyof Narrative;
export type UnitReportContent = z.infer<typeof UnitReportContentSchema>;
export type ReportSummary = z.infer<typeof ReportSummarySchema>;
export type ReportListItem = z.infer<typeof ReportListItemSchema>;
export type ReportDetail = z.infer<typeof ReportDetailSchema>;
export type ReportCreated = z.infer<typeof ReportCreatedSchema>;
export type ReportUpdated = z.infer<typeof ReportUpdatedSchema>;
export type ReportRefreshed = z.infer<typeof ReportRefreshedSchema>;
export type ReportTransitioned = z.infer<typeof ReportTransitionedSchema>;
