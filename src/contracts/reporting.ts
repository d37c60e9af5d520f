// What the reporting routes answer (regimes, unit reports, the status of a period, compiled report and reminder
// letter data, dashboards, the public progress page): one contract for the server (declared as the routes'
// responses, so tests hold every answer to it), the OpenAPI document and the web app (types only). Built from the
// services in src/modules/reporting. Pure: no node: modules, no database, nothing from src/modules.
import { z } from '@hono/zod-openapi';
import { SignerBlockSchema, SignerKey } from './document-settings.ts';
import {
  Code,
  Id,
  Instant,
  IsoDate,
  IsoDay,
  Limit,
  LongText,
  Name,
  Offset,
  QueryId,
  QueryYear,
  ShortText,
} from './common.ts';
import {
  DateWindow,
  IndicatorDefSchema,
  IndicatorValues,
  ReportingRegimeKindSchema,
  ReportStatusSchema,
  SubmissionStateSchema,
  UnitKindSchema,
} from './reporting-reports.ts';

// The regimes' and the units' reports' contracts live beside this file; importers keep importing from here.
export * from './reporting-reports.ts';

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

const PeriodDocumentSigned = z
  .object({ signer: SignerBlockSchema, approvedAt: Instant, approvedBy: z.string().nullable() })
  .nullable();

export const PeriodStatusSchema = z
  .object({
    /** The compiled report and reminder letter as approved for signing (null: not yet; exports show the default). */
    documents: z.object({
      compiled: PeriodDocumentSigned,
      reminder: PeriodDocumentSigned,
      canApprove: z.boolean(),
    }),
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
  /** Year of the date line while the document is not dated ("ngày … tháng … năm 2026"). */
  year: z.number().int().nullable().optional(),
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
    /** Section I from what the units reported (leadership documents issued, conferences held), one line per unit. */
    leadership: z.array(z.string()).optional(),
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
    missing: z.array(
      z.object({
        unitName: z.string(),
        items: z.array(z.string()),
        /** Past its due date, sent back and not sent again, or not due yet (never called "chưa gửi"). */
        state: z.enum(['missing', 'returned', 'pending']).optional(),
        dueDate: IsoDay.nullable().optional(),
      }),
    ),
    /** The one deadline of the letter: its last day on time, printed "trước ngày <the day after>". */
    newDeadline: IsoDay,
    deadlineExtended: z.boolean().optional(),
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
      /** The issuing unit: the dashboard's other figures (petitions of its subtree) start there. */
      unitId: z.number(),
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

/** What people write in a report: some narrative sections, some indicator values (its number is given on approval). */
export const ReportPatchSchema = z
  .object({
    narrative: NarrativeInputSchema.optional(),
    indicatorValues: z.record(Code(60, 1), Count).optional(),
  })
  .strict();

export const ReportReturnSchema = z.object({ reason: ShortText(2000, 5) }).strict();
/**
 * Optional body of approve: confirms approving with required sections left empty (answered 409 otherwise), and the
 * signer picked among the unit's (its default one when absent).
 */
export const ReportApproveSchema = z
  .object({ confirmEmpty: z.boolean().optional(), signerKey: SignerKey.optional() })
  .strict();

export const FocalDashboardQuerySchema = z.object({ planId: QueryId, year: QueryYear.optional() });
export const NationalDashboardQuerySchema = z.object({ year: QueryYear.optional(), rootUnitId: QueryId.optional() });
export const PublicProgressQuerySchema = z.object({ year: QueryYear.optional() });

// ---------------------------------------------------------------- types (the web app imports these, types only)

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
