// What the reporting routes answer (regimes, unit reports, the status of a period, compiled report and reminder
// letter data, dashboards, the public progress page): one contract for the server (declared as the routes'
// responses, so tests hold every answer to it), the OpenAPI document and the web app (types only). Built from the
// services in src/modules/reporting. Pure: no node: modules, no database, nothing from src/modules.
import { z } from '@hono/zod-openapi';
import { UNIT_KINDS } from '../domain/org/unit.ts';
import { REPORT_STATUSES } from '../domain/reporting/model.ts';
import { FREQUENCIES } from '../domain/reporting/period.ts';
import { SUBMISSION_STATE_LABEL } from '../domain/reporting/rollup.ts';
import {
  Code,
  Id,
  Instant,
  IsoDate,
  IsoDay,
  keysOf,
  Limit,
  LongText,
  Name,
  Offset,
  QueryId,
  QueryYear,
  ShortText,
} from './common.ts';
import { AssignmentRoleSchema, DeliverableKindSchema, ObstacleKindSchema, TaskStatusSchema } from './tracking.ts';

export const ReportStatusSchema = z.enum(REPORT_STATUSES);
export const SubmissionStateSchema = z.enum(keysOf(SUBMISSION_STATE_LABEL));
export const ReportingRegimeKindSchema = z.enum(['periodic', 'adHoc', 'thematic']);
const UnitKindSchema = z.enum(UNIT_KINDS);

const DateWindow = z.object({ from: IsoDay, to: IsoDay });
/** Indicator code → value. */
const IndicatorValues = z.record(z.string(), z.number());

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
      number: z.string().nullable(),
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
  })
  .openapi('ReportTransitioned');

// ---------------------------------------------------------------- status of a period

export const RollupTotalsSchema = z
  .object({
    expected: z.number().int(),
    received: z.number().int(),
    onTime: z.number().int(),
    late: z.number().int(),
    returned: z.number().int(),
    missing: z.number().int(),
    pending: z.number().int(),
    accepted: z.number().int(),
    drafting: z.number().int(),
    receivedRate: z.number().openapi({ description: '0–100, một chữ số thập phân' }),
    onTimeRate: z.number().openapi({ description: '0–100, một chữ số thập phân' }),
  })
  .openapi('RollupTotals');

export const PeriodStatusUnitSchema = z
  .object({
    unitId: z.number(),
    unitName: z.string(),
    unitCode: z.string(),
    kind: z.string(),
    dueDate: IsoDay,
    reportId: z.number().nullable(),
    status: ReportStatusSchema.nullable(),
    statusLabel: z.string(),
    state: SubmissionStateSchema,
    stateLabel: z.string(),
    submittedOn: IsoDay.nullable().openapi({ description: 'Ngày gửi (giờ Việt Nam)' }),
    late: z.boolean().nullable(),
    returnReason: z.string().nullable(),
    indicatorValues: IndicatorValues,
  })
  .openapi('PeriodStatusUnit');

export const PeriodStatusSchema = z
  .object({
    regime: z.object({
      id: z.number(),
      name: z.string(),
      kind: ReportingRegimeKindSchema,
      ownerUnitId: z.number(),
      ownerName: z.string(),
    }),
    period: z.object({ key: z.string(), label: z.string(), dataWindow: DateWindow }),
    today: IsoDay,
    dueDates: z.array(z.object({ kind: z.string(), dueDate: IsoDay })),
    totals: RollupTotalsSchema,
    groups: z.array(z.object({ group: z.string(), label: z.string(), totals: RollupTotalsSchema })),
    indicators: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        unit: z.string(),
        aggregate: z.enum(['sum', 'max']),
        total: z.number(),
        byGroup: z.record(z.string(), z.number()),
      }),
    ),
    units: z.array(PeriodStatusUnitSchema),
  })
  .openapi('PeriodStatus');

// ---------------------------------------------------------------- documents as data

/** What a compiled report and a reminder letter both print around their body (the domain's OutgoingDocument). */
const documentHeader = {
  issuerName: z.string(),
  issuerParentName: z.string().nullable(),
  placeName: z.string(),
  date: IsoDay.nullable(),
  number: z.string().nullable(),
  symbol: z.string(),
};
const documentClosing = {
  signer: z.object({ lines: z.array(z.string()), name: z.string().nullable() }),
  copyTo: z.array(z.string()),
};

export const CompiledReportSchema = z
  .object({
    ...documentHeader,
    title: z.string(),
    recipients: z.array(z.string()),
    basisText: z.string(),
    periodLabel: z.string(),
    window: DateWindow,
    summary: z.object({
      expected: z.number().int(),
      received: z.number().int(),
      onTime: z.number().int(),
      late: z.number().int(),
      missing: z.number().int(),
    }),
    tasks: z.array(
      z.object({
        number: z.string(),
        title: z.string(),
        lines: z.array(z.string()),
        unitsDone: z.number().int(),
        unitsTotal: z.number().int(),
      }),
    ),
    indicators: z.array(IndicatorDefSchema.extend({ total: z.number() })),
    themes: z.array(z.object({ title: z.string(), lines: z.array(z.string()) })).optional(),
    obstacles: z.array(z.string()),
    proposals: z.array(z.string()),
    annex: z.array(
      z.object({
        unitName: z.string(),
        state: SubmissionStateSchema,
        submittedOn: IsoDay.nullable(),
        tasksDone: z.number().int(),
        tasksTotal: z.number().int(),
        deliverables: z.number().int(),
        indicatorValues: IndicatorValues,
      }),
    ),
    ...documentClosing,
  })
  .openapi('CompiledReport');

export const ReminderLetterSchema = z
  .object({
    ...documentHeader,
    subject: z.string(),
    recipients: z.array(z.string()),
    basisText: z.string(),
    missing: z.array(z.object({ unitName: z.string(), items: z.array(z.string()) })),
    newDeadline: IsoDay,
    ...documentClosing,
  })
  .openapi('ReminderLetter');

// ---------------------------------------------------------------- dashboards

export const FocalDashboardSchema = z
  .object({
    plan: z.object({
      id: z.number(),
      title: z.string(),
      number: z.string().nullable(),
      symbol: z.string().nullable(),
      issuedDate: IsoDay.nullable(),
      status: z.string(),
      issuerName: z.string(),
    }),
    year: z.number().int(),
    today: IsoDay,
    dataWindow: DateWindow,
    tasks: z.array(
      z.object({
        taskId: z.number(),
        number: z.string(),
        title: z.string(),
        timeframe: z.string(),
        dueDate: IsoDay.nullable(),
        assignments: z.number().int(),
        doneOnTime: z.number().int(),
        doneLate: z.number().int(),
        overdue: z.number().int(),
        inProgress: z.number().int(),
        averagePercent: z.number(),
        units: z.number().int(),
        unitsDone: z.number().int(),
        unitsDoneShare: z.number(),
      }),
    ),
    units: z.array(
      z.object({
        unitId: z.number(),
        unitName: z.string(),
        code: z.string(),
        kind: z.string(),
        plan: z.object({ id: z.number(), status: z.string() }).nullable(),
        assignments: z.number().int(),
        done: z.number().int(),
        overdue: z.number().int(),
        averagePercent: z.number(),
        tasksDone: z.number().int(),
        tasks: z.number().int(),
        report: z.object({ state: SubmissionStateSchema, status: ReportStatusSchema.nullable() }).nullable(),
      }),
    ),
    overdue: z.array(
      z.object({
        assignmentId: z.number(),
        unitId: z.number(),
        unitName: z.string(),
        taskNumber: z.string().nullable(),
        taskTitle: z.string().nullable(),
        dueDate: IsoDay,
        percent: z.number(),
      }),
    ),
    reports: z
      .object({
        regimeId: z.number(),
        periodKey: z.string(),
        periodLabel: z.string(),
        totals: RollupTotalsSchema,
        missing: z.array(
          z.object({ unitId: z.number(), unitName: z.string(), dueDate: IsoDay, state: SubmissionStateSchema }),
        ),
      })
      .nullable(),
    ms: z.number().openapi({ description: 'Thời gian tính (mili giây)' }),
  })
  .openapi('FocalDashboard');

export const NationalDashboardSchema = z
  .object({
    year: z.number().int(),
    window: DateWindow,
    totals: z.object({
      provinces: z.number().int(),
      communes: z.number().int(),
      assignments: z.number().int(),
      done: z.number().int(),
      overdue: z.number().int(),
      received: z.number().int(),
      onTime: z.number().int(),
    }),
    provinces: z.array(
      z.object({
        id: z.number(),
        name: z.string(),
        communes: z.number().int(),
        assignments: z.number().int(),
        done: z.number().int(),
        overdue: z.number().int(),
        received: z.number().int(),
        on_time: z.number().int(),
        doneShare: z.number(),
      }),
    ),
  })
  .openapi('NationalDashboard');

/**
 * What the public sees of a plan's progress: counts per task, nothing else. Strict, so that a field added to the
 * service (a name, a note) cannot reach the public without this contract changing too.
 */
export const PublicProgressSchema = z
  .object({
    plan: z
      .object({
        id: z.number(),
        title: z.string(),
        number: z.string().nullable(),
        symbol: z.string().nullable(),
        issuedDate: z.string().nullable(),
        issuerName: z.string(),
      })
      .strict(),
    year: z.number(),
    asOf: z.string().openapi({ format: 'date' }),
    tasks: z.array(
      z
        .object({
          number: z.string(),
          title: z.string(),
          timeframe: z.string(),
          units: z.number().int().openapi({ description: 'Đơn vị được giao (chủ trì, phối hợp)' }),
          unitsDone: z.number().int().openapi({ description: 'Đơn vị đã hoàn thành phần việc của mình trong năm' }),
          share: z.number().openapi({ description: 'Tỷ lệ phần trăm, một chữ số thập phân' }),
        })
        .strict(),
    ),
  })
  .strict()
  .openapi('PublicPlanProgress');

// ---------------------------------------------------------------- what the routes take

/** A period of a regime: the year, a half, a quarter or a month. */
export const PeriodKeySchema = z
  .string()
  .regex(
    /^\d{4}(-(H[12]|Q[1-4]|M(0[1-9]|1[0-2])))?$/,
    'Kỳ báo cáo không hợp lệ (ví dụ: 2026, 2026-H1, 2026-Q3, 2026-M03).',
  );
export const PeriodParamsSchema = z.object({
  id: QueryId.openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
  key: PeriodKeySchema.openapi({ param: { name: 'key', in: 'path' }, example: '2026' }),
});

export const RegimeListQuerySchema = z.object({
  planId: QueryId.optional(),
  kind: ReportingRegimeKindSchema.optional(),
  limit: Limit(500, 100),
  offset: Offset,
});

/** An ad hoc request (báo cáo đột xuất): its content, due date, data window and the units asked. */
export const AdHocRequestSchema = z
  .object({
    ownerUnitId: Id.optional(),
    name: Name(300, 5),
    content: LongText(5000, 5),
    dueDate: IsoDate,
    window: z.object({ from: IsoDate, to: IsoDate }).strict().optional(),
    submitterUnitIds: z.array(Id).max(5000).optional(),
    submitterKinds: z.array(UnitKindSchema).max(8).optional(),
    recipients: ShortText(500).optional(),
    planId: Id.optional(),
    reminderDays: z.array(z.number().int().min(0).max(60)).max(6).optional(),
  })
  .strict();

export const ReportCreateSchema = z.object({ unitId: Id.optional() }).strict();

export const ReportListQuerySchema = z.object({
  regimeId: QueryId.optional(),
  period: PeriodKeySchema.optional(),
  unitId: QueryId.optional(),
  status: ReportStatusSchema.optional(),
  limit: Limit(500, 100),
  offset: Offset,
});

const NarrativeInputSchema = z
  .object({
    leadership: LongText(20_000),
    results: LongText(50_000),
    assessment: LongText(20_000),
    obstacles: LongText(20_000),
    proposals: LongText(20_000),
    nextSteps: LongText(20_000),
  })
  .partial()
  .strict();
const Count = z.number().finite().min(0).max(1_000_000_000);

/** What people write in a report: some narrative sections, some indicator values, its number. */
export const ReportPatchSchema = z
  .object({
    narrative: NarrativeInputSchema.optional(),
    indicatorValues: z.record(Code(60, 1), Count).optional(),
    number: ShortText(30).nullable().optional(),
  })
  .strict();

export const ReportReturnSchema = z.object({ reason: ShortText(2000, 5) }).strict();

export const FocalDashboardQuerySchema = z.object({ planId: QueryId, year: QueryYear.optional() });
export const NationalDashboardQuerySchema = z.object({ year: QueryYear.optional(), rootUnitId: QueryId.optional() });
export const PublicProgressQuerySchema = z.object({ year: QueryYear.optional() });

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
export type RollupTotals = z.infer<typeof RollupTotalsSchema>;
export type PeriodStatusUnit = z.infer<typeof PeriodStatusUnitSchema>;
export type PeriodStatus = z.infer<typeof PeriodStatusSchema>;
export type CompiledReport = z.infer<typeof CompiledReportSchema>;
export type ReminderLetter = z.infer<typeof ReminderLetterSchema>;
export type FocalDashboard = z.infer<typeof FocalDashboardSchema>;
export type NationalDashboard = z.infer<typeof NationalDashboardSchema>;
export type PublicProgress = z.infer<typeof PublicProgressSchema>;
export type AdHocRequest = z.input<typeof AdHocRequestSchema>;
export type ReportPatch = z.input<typeof ReportPatchSchema>;
