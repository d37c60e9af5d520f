// What the AI-systems routes take and answer: products, uses, classification, impact assessments (Mẫu AI02),
// incidents, the public register and coverage. Pure: no node: modules, no database, nothing from src/modules.
import { z } from '@hono/zod-openapi';
import {
  AUTOMATION_LABEL,
  ASSESSMENT_STATUS_LABEL,
  RISK_LEVEL_LABEL,
  SEVERITY_LABEL,
  USE_STATUS_LABEL,
} from '../domain/ai-systems/model.ts';
import { ASSESSMENT_STATE_LABEL } from '../domain/ai-systems/coverage.ts';
import { CONSEQUENCE_LABEL, DEADLINE_KIND_LABEL } from '../domain/ai-systems/incidents.ts';
import {
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
  SearchQuery,
  ShortText,
} from './common.ts';
import { SyncStateSchema } from './sync.ts';

export const RiskLevelSchema = z.enum(keysOf(RISK_LEVEL_LABEL));
export const UseStatusSchema = z.enum(keysOf(USE_STATUS_LABEL));
export const AutomationSchema = z.enum(keysOf(AUTOMATION_LABEL));
export const AssessmentStatusSchema = z.enum(keysOf(ASSESSMENT_STATUS_LABEL));
export const AssessmentStateSchema = z.enum(keysOf(ASSESSMENT_STATE_LABEL));
export const SeveritySchema = z.enum(keysOf(SEVERITY_LABEL));
export const ConsequenceSchema = z.enum(keysOf(CONSEQUENCE_LABEL));
export const DeadlineKindSchema = z.enum(keysOf(DEADLINE_KIND_LABEL));

/** An instant as people send it: ISO 8601 with a time zone ("2026-09-01T08:30:00+07:00"). */
export const InstantInput = z
  .string()
  .max(40)
  .refine(
    (s) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)),
    'Thời điểm phải theo dạng 2026-09-01T08:30:00+07:00.',
  )
  .openapi({ format: 'date-time' });

// ---------------------------------------------------------------- what people send

export const ProductInputSchema = z
  .object({
    name: Name(300, 2),
    provider: Name(300, 2),
    providerContact: ShortText(500).default(''),
    version: ShortText(100).default(''),
    function: LongText(5000, 5),
    modelType: ShortText(300).default(''),
    trainingData: LongText(5000).default(''),
    providerLevel: RiskLevelSchema.nullable().default(null),
    aiSystemId: ShortText(100).nullable().default(null),
  })
  .strict();
export type ProductInput = z.infer<typeof ProductInputSchema>;

const useFields = {
  purpose: LongText(5000, 5),
  scope: LongText(5000),
  usersServed: LongText(2000),
  inputData: LongText(5000),
  personalData: z.boolean(),
  sensitiveData: z.boolean(),
  outputUse: LongText(5000),
  automation: AutomationSchema,
  humanOversight: LongText(5000),
  startDate: IsoDate.nullable(),
  contract: LongText(5000),
  internalNotes: LongText(10_000),
  publicSummary: LongText(3000),
};

export const UseCreateSchema = z
  .object({
    unitId: Id,
    productId: Id.optional(),
    product: ProductInputSchema.optional(),
    ...useFields,
    scope: useFields.scope.default(''),
    usersServed: useFields.usersServed.default(''),
    inputData: useFields.inputData.default(''),
    personalData: useFields.personalData.default(false),
    sensitiveData: useFields.sensitiveData.default(false),
    outputUse: useFields.outputUse.default(''),
    automation: useFields.automation.default('assistive'),
    humanOversight: useFields.humanOversight.default(''),
    startDate: useFields.startDate.default(null),
    contract: useFields.contract.default(''),
    internalNotes: useFields.internalNotes.default(''),
    publicSummary: useFields.publicSummary.default(''),
    status: z.enum(['planned', 'piloting']).default('planned'),
  })
  .strict();
export type UseCreate = z.infer<typeof UseCreateSchema>;

export const UsePatchSchema = z
  .object({
    ...useFields,
    status: z.enum(['planned', 'piloting', 'inUse']),
    /** A leader's reason for putting a use in service without the approved assessment it needs. */
    overrideReason: LongText(2000, 10),
  })
  .partial()
  .strict();
export type UsePatch = z.infer<typeof UsePatchSchema>;

export const UseListQuerySchema = z.object({
  unitId: QueryId.optional(),
  status: UseStatusSchema.optional(),
  level: RiskLevelSchema.optional(),
  q: SearchQuery().optional(),
  limit: Limit(500, 100),
  offset: Offset,
});
export type UseListQuery = z.infer<typeof UseListQuerySchema>;

export const ProductListQuerySchema = z.object({ q: SearchQuery().optional(), limit: Limit(200, 50) });

export const RetireSchema = z.object({ reason: LongText(2000, 5) }).strict();

export const ClassifySchema = z
  .object({
    answers: z.record(
      z.string().max(50),
      z.union([z.boolean(), z.string().max(50), z.array(z.string().max(50)).max(20)]),
    ),
  })
  .strict();

export const Ai02InputSchema = z.object({ content: z.record(z.string().max(50), LongText(20_000)) }).strict();

export const IncidentInputSchema = z
  .object({
    occurredAt: InstantInput,
    detectedAt: InstantInput,
    severity: SeveritySchema,
    description: LongText(10_000, 10),
    affected: LongText(2000).default(''),
    consequences: z.array(ConsequenceSchema).max(5).default([]),
  })
  .strict();
export type IncidentInput = z.infer<typeof IncidentInputSchema>;

export const CoverageQuerySchema = z.object({ unitId: QueryId.optional() });

// ---------------------------------------------------------------- what the routes answer

const UnitName = z.object({ id: z.number(), name: z.string() });

const TemplateSchema = z
  .object({
    purpose: z.string(),
    scope: z.string(),
    usersServed: z.string(),
    inputData: z.string(),
    personalData: z.boolean(),
    sensitiveData: z.boolean(),
    outputUse: z.string(),
    automation: AutomationSchema,
    humanOversight: z.string(),
    publicSummary: z.string(),
  })
  .partial();

export const AiProductSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    provider: z.string(),
    providerContact: z.string(),
    version: z.string(),
    function: z.string(),
    modelType: z.string(),
    trainingData: z.string(),
    providerLevel: RiskLevelSchema.nullable(),
    aiSystemId: z.string().nullable(),
    template: TemplateSchema.openapi({
      description: 'Nội dung một việc sử dụng mới bắt đầu từ (mẫu của nhà cung cấp)',
    }),
    uses: z.number().int(),
  })
  .openapi('AiProduct');
export const AiProductListSchema = z.object({ items: z.array(AiProductSchema) }).openapi('AiProductList');

const ReasonSchema = z.object({ article: z.string(), text: z.string(), ourReading: z.boolean() });

export const ClassificationSchema = z
  .object({
    level: RiskLevelSchema,
    impactAssessmentRequired: z.boolean(),
    reasons: z.array(ReasonSchema),
    questionnaireVersion: z.string(),
  })
  .openapi('AiClassification');

export const AiUseListItemSchema = z
  .object({
    id: z.number(),
    product: z.object({ id: z.number(), name: z.string(), provider: z.string() }),
    unit: UnitName,
    purpose: z.string(),
    status: UseStatusSchema,
    statusLabel: z.string(),
    level: RiskLevelSchema.nullable(),
    levelLabel: z.string(),
    impactAssessmentRequired: z.boolean().nullable(),
    assessmentState: AssessmentStateSchema,
    assessmentStateLabel: z.string(),
    needsReview: z.boolean().openapi({ description: 'Phân loại theo phiên bản bộ câu hỏi cũ: cần rà soát lại' }),
    published: z.boolean(),
  })
  .openapi('AiUseListItem');
export const AiUseListSchema = z
  .object({ total: z.number().int(), items: z.array(AiUseListItemSchema) })
  .openapi('AiUseList');

export const DeadlineSchema = z.object({ kind: DeadlineKindSchema, label: z.string(), dueAt: Instant });

export const AiIncidentSchema = z
  .object({
    id: z.number(),
    occurredAt: Instant,
    detectedAt: Instant,
    severity: SeveritySchema,
    severityLabel: z.string(),
    description: z.string(),
    affected: z.string(),
    consequences: z.array(ConsequenceSchema),
    status: z.enum(['open', 'closed']),
    deadlines: z.array(DeadlineSchema),
    createdAt: Instant,
  })
  .openapi('AiIncident');

export const AiUseDetailSchema = AiUseListItemSchema.extend({
  uuid: z.string(),
  product: AiProductSchema.omit({ uses: true, template: true }),
  unit: UnitName.extend({ path: z.array(z.number()) }),
  scope: z.string(),
  usersServed: z.string(),
  inputData: z.string(),
  personalData: z.boolean(),
  sensitiveData: z.boolean(),
  outputUse: z.string(),
  automation: AutomationSchema,
  humanOversight: z.string(),
  startDate: IsoDay.nullable(),
  contract: z.string(),
  internalNotes: z.string(),
  publicSummary: z.string(),
  classification: ClassificationSchema.extend({
    answers: z.record(z.string(), z.union([z.boolean(), z.string(), z.array(z.string())])),
    classifiedAt: Instant,
  }).nullable(),
  assessmentDue: z.boolean(),
  overrideReason: z.string().nullable(),
  retireReason: z.string().nullable(),
  publishedAt: Instant.nullable(),
  assessment: z
    .object({ version: z.number(), status: AssessmentStatusSchema, approvedVersion: z.number().nullable() })
    .nullable(),
  incidents: z.array(AiIncidentSchema),
  can: z.object({ edit: z.boolean(), approve: z.boolean(), publish: z.boolean() }),
  /** Delivery to the national registry of AI systems (published uses only), and the AI-ID it gave back. */
  nationalSync: SyncStateSchema.nullable(),
  nationalAiId: z.string().nullable(),
}).openapi('AiUseDetail');

export const CreatedSchema = z.object({ id: z.number() }).openapi('AiCreated');
export const IncidentCreatedSchema = z
  .object({ id: z.number(), deadlines: z.array(DeadlineSchema) })
  .openapi('AiIncidentCreated');

const QuestionSchema = z.object({
  id: z.string(),
  text: z.string(),
  help: z.string().optional(),
  kind: z.enum(['yesNo', 'choice', 'multi']),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
});
export const QuestionnaireSchema = z
  .object({ version: z.string(), implements: z.string(), questions: z.array(QuestionSchema) })
  .openapi('AiQuestionnaire');

const Ai02StructureSchema = z.array(
  z.object({
    number: z.string(),
    title: z.string(),
    fields: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
  }),
);

export const AssessmentVersionSchema = z.object({
  id: z.number(),
  version: z.number(),
  status: AssessmentStatusSchema,
  statusLabel: z.string(),
  content: z.record(z.string(), z.string()),
  approverName: z.string().nullable(),
  approvedAt: Instant.nullable(),
  publishedAt: Instant.nullable(),
  updatedAt: Instant,
});

export const ImpactAssessmentSchema = z
  .object({
    useId: z.number(),
    sections: Ai02StructureSchema,
    current: AssessmentVersionSchema.nullable(),
    prefill: z.record(z.string(), z.string()),
    versions: z.array(AssessmentVersionSchema.omit({ content: true })),
    required: z.boolean().nullable(),
    due: z.boolean(),
    can: z.object({ edit: z.boolean(), approve: z.boolean() }),
  })
  .openapi('AiImpactAssessment');

export const AssessmentSavedSchema = z
  .object({ id: z.number(), version: z.number(), status: AssessmentStatusSchema })
  .openapi('AiAssessmentSaved');

export const PublicAiSystemSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    provider: z.string(),
    unitName: z.string(),
    level: RiskLevelSchema.nullable(),
    levelLabel: z.string(),
    status: UseStatusSchema,
    statusLabel: z.string(),
    summary: z.string(),
    purpose: z.string(),
    automation: z.string(),
    humanOversight: z.string(),
    startDate: IsoDay.nullable(),
    assessment: z.object({ version: z.number(), publishedAt: Instant, url: z.string() }).nullable(),
    feedback: z.string(),
    publishedAt: Instant,
  })
  .strict()
  .openapi('PublicAiSystem');
export const PublicAiSystemQuerySchema = z.object({
  q: SearchQuery().optional(),
  unitId: QueryId.optional(),
  level: z.enum([...keysOf(RISK_LEVEL_LABEL), 'unclassified']).optional(),
  limit: Limit(200, 50),
  offset: Offset,
});
export const PublicAiSystemListSchema = z
  .object({ total: z.number().int(), items: z.array(PublicAiSystemSchema) })
  .strict()
  .openapi('PublicAiSystemList');

const CountsSchema = z.object({
  uses: z.number().int(),
  levels: z.object({
    high: z.number().int(),
    medium: z.number().int(),
    low: z.number().int(),
    unclassified: z.number().int(),
  }),
  assessmentsDue: z.number().int(),
  assessmentsApproved: z.number().int(),
  assessmentsOverdue: z.number().int(),
  openIncidents: z.number().int(),
  openSeriousIncidents: z.number().int(),
  lateIncidents: z
    .number()
    .int()
    .openapi({ description: 'Sự cố nghiêm trọng còn mở khi đã quá hạn báo cáo chính thức' }),
});
export const CoverageSchema = z
  .object({
    unit: UnitName,
    rows: z.array(CountsSchema.extend({ id: z.number(), name: z.string(), code: z.string(), kind: z.string() })),
    totals: CountsSchema.extend({ units: z.number().int(), unitsWithoutUses: z.number().int() }),
  })
  .openapi('AiCoverage');

export type AiProduct = z.infer<typeof AiProductSchema>;
export type AiUseListItem = z.infer<typeof AiUseListItemSchema>;
export type AiUseDetail = z.infer<typeof AiUseDetailSchema>;
export type AiIncident = z.infer<typeof AiIncidentSchema>;
export type ImpactAssessmentView = z.infer<typeof ImpactAssessmentSchema>;
export type PublicAiSystem = z.infer<typeof PublicAiSystemSchema>;
export type AiCoverage = z.infer<typeof CoverageSchema>;
export type QuestionnaireView = z.infer<typeof QuestionnaireSchema>;
/** What a client sends (defaults left to the server). */
export type UseCreateBody = z.input<typeof UseCreateSchema>;
export type IncidentBody = z.input<typeof IncidentInputSchema>;
