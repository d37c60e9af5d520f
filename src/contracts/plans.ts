// What the plan routes take and answer (the list, import and review, save and edit, the lifecycle, the plan page,
// comparison with the parent plan, cascade to communes and its rule table, parent-change notices): one contract for
// the server (requests validated and responses declared by the routes, so tests hold every answer to it), the OpenAPI
// document and the web app (types, and the pure schemas at run time). Built from the service in src/modules/plans. The plan's JSON form itself is the domain's PlanDraft schema
// (src/domain/plan/schema.ts, also schemas/plan.schema.json): reused, not restated.
// Pure: no node: modules, no database, nothing from src/modules.
import { z } from '@hono/zod-openapi';
import { TASK_FIELD_LABEL, type CascadeRule, type FieldChange, type TaskSnapshot } from '../domain/plan/cascade.ts';
import { PLAN_STATUSES } from '../domain/plan/model.ts';
import { findingSchema, planDraftSchema, taskSchema } from '../domain/plan/schema.ts';
import { SignerKey } from './document-settings.ts';
import {
  Base64,
  Code,
  FileName,
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
  SearchQuery,
  ShortText,
} from './common.ts';

export const PlanStatusSchema = z.enum(PLAN_STATUSES);

/** The fields of a task a parent change is compared on (TaskSnapshot of the domain). */
export const TaskSnapshotFieldSchema = z.enum(keysOf(TASK_FIELD_LABEL));

// ---------------------------------------------------------------- list

/** One plan of the list (anonymous callers see published plans only): strict, it is a public answer. */
export const PlanListItemSchema = z
  .object({
    id: z.number(),
    unitId: z.number(),
    unitName: z.string(),
    unitKind: z.string(),
    parentPlanId: z.number().nullable(),
    status: PlanStatusSchema,
    statusLabel: z.string(),
    version: z.number(),
    number: z.string().nullable(),
    symbol: z.string().nullable(),
    issuedDate: IsoDay.nullable(),
    year: z.number().nullable(),
    title: z.string(),
    published: z.boolean(),
    taskCount: z.number().int(),
    childCount: z.number().int(),
    updatedAt: Instant,
  })
  .strict()
  .openapi('PlanListItem');

/** One page of the plan list: strict, it is a public answer. */
export const PlanListSchema = z
  .object({
    total: z.number().int(),
    items: z.array(PlanListItemSchema),
  })
  .strict()
  .openapi('PlanList');

// ---------------------------------------------------------------- import, review, save

const LayoutRuleSchema = z
  .object({
    code: z.string().openapi({ description: 'Mã quy tắc, ví dụ "task.tableGroupRows"' }),
    label: z.string().openapi({ description: 'Quy tắc bằng lời, ví dụ "bảng có dòng nhóm"' }),
  })
  .strict();

/** Which layout rules read the document: per header field and per task (src/documents/parse/layout.ts). */
export const ImportLayoutSchema = z
  .object({
    rules: z.array(LayoutRuleSchema.extend({ count: z.number().int() })),
    header: z.array(z.object({ field: z.string(), rules: z.array(LayoutRuleSchema) }).strict()),
    tasks: z.array(z.object({ task: z.string(), rules: z.array(LayoutRuleSchema) }).strict()),
  })
  .strict()
  .openapi('ImportLayout', { description: 'Các quy tắc bố cục đã dùng để đọc từng trường phần đầu và từng nhiệm vụ' });

export const PlanImportResultSchema = z
  .object({
    draft: planDraftSchema,
    layout: ImportLayoutSchema,
    sourceText: z.string().nullable().openapi({ description: 'Văn bản gốc (tệp văn bản); null với .docx' }),
    suggestedUnitId: z.number().nullable().openapi({ description: 'Đơn vị ban hành nhận ra trong tệp' }),
  })
  .openapi('PlanImportResult');

export const LintResultSchema = z.object({ findings: z.array(findingSchema) }).openapi('LintResult');

/** The plan created, saved or drafted as an amendment. */
export const PlanRefSchema = z.object({ id: z.number() }).openapi('PlanRef');

export const PlanTransitionedSchema = z
  .object({ id: z.number(), status: PlanStatusSchema })
  .openapi('PlanTransitioned');

// ---------------------------------------------------------------- parent changes

export const TaskSnapshotSchema = z
  .object({
    title: z.string(),
    content: z.string().nullable(),
    lead: z.array(z.string()),
    coordinators: z.array(z.string()),
    timeframe: z.string(),
    deliverables: z.array(z.string()),
  })
  .openapi('TaskSnapshot');

export const FieldChangeSchema = z
  .object({
    field: TaskSnapshotFieldSchema,
    before: z
      .unknown()
      .openapi({ description: 'Giá trị của trường trong TaskSnapshot (chuỗi, danh sách chuỗi hoặc null)' }),
    after: z.unknown(),
  })
  .openapi('FieldChange');

/** What changed in the parent plan's task since the commune last accepted it (stored on the child task). */
export const ParentChangeSchema = z
  .object({
    at: Instant,
    parentTaskId: z.number(),
    removed: z.boolean().optional().openapi({ description: 'Kế hoạch sửa đổi của cấp trên không còn nhiệm vụ này' }),
    changes: z.array(FieldChangeSchema),
    snapshot: TaskSnapshotSchema.nullable().openapi({
      description: 'Nhiệm vụ cấp trên như hiện nay (chấp nhận thì lấy làm mốc so sánh mới)',
    }),
  })
  .openapi('ParentChange');

export const ParentChangeResolvedSchema = z
  .object({ id: z.number(), decision: z.enum(['accept', 'dismiss']) })
  .openapi('ParentChangeResolved');

// ---------------------------------------------------------------- the plan page

export const PlanInfoSchema = z
  .object({
    id: z.number(),
    status: PlanStatusSchema,
    statusLabel: z.string(),
    version: z.number(),
    unitId: z.number(),
    unitName: z.string(),
    unitCode: z.string(),
    unitKind: z.string(),
    issuerName: z.string().openapi({ description: '"UBND tỉnh Thanh Hóa", "UBND phường Nam Sầm Sơn"' }),
    parentPlanId: z.number().nullable(),
    amendsPlanId: z.number().nullable(),
    amendedBy: z
      .object({ id: z.number(), status: PlanStatusSchema })
      .strict()
      .nullable()
      .openapi({ description: 'Văn bản sửa đổi mới nhất của kế hoạch này' }),
    published: z.boolean(),
    number: z.string().nullable(),
    symbol: z.string().nullable(),
    issuedDate: IsoDay.nullable(),
    year: z.number().nullable(),
    title: z.string(),
    sourceName: z.string().nullable().openapi({ description: 'Tên tệp đã nhập; null với người ngoài đơn vị' }),
    returnReason: z.string().nullable().openapi({ description: 'Lý do trả lại dự thảo; null với người ngoài đơn vị' }),
    updatedAt: Instant,
  })
  .strict()
  .openapi('PlanInfo');

export const PlanPermissionsSchema = z
  .object({
    review: z.boolean().openapi({
      description: 'Thấy kết quả rà soát và ghi chú làm việc của đơn vị; false với người ngoài đơn vị ban hành',
    }),
    edit: z.boolean(),
    submit: z.boolean(),
    approve: z.boolean(),
    return: z.boolean(),
    issue: z.boolean(),
    amend: z.boolean(),
    cascade: z.boolean(),
  })
  .strict()
  .openapi('PlanPermissions');

/**
 * The plan page. A published plan is read by the public too: strict, and readers from outside the issuing unit
 * (can.review false) get the document without the unit's working notes (review findings, return reason, the
 * uploaded file's name, version notes, pending notices from the parent plan).
 */
export const PlanDetailSchema = z
  .object({
    plan: PlanInfoSchema,
    draft: planDraftSchema,
    taskIds: z.array(
      z.object({ id: z.number(), number: z.string(), parentChange: ParentChangeSchema.nullable() }).strict(),
    ),
    parent: z
      .object({
        id: z.number(),
        title: z.string(),
        number: z.string().nullable(),
        symbol: z.string().nullable(),
        issuedDate: IsoDay.nullable(),
      })
      .strict()
      .nullable(),
    children: z
      .object({
        total: z
          .number()
          .int()
          .openapi({ description: 'Tất cả kế hoạch triển khai (kể cả của đơn vị người xem không đọc được)' }),
        visible: z.array(
          z.object({ id: z.number(), status: PlanStatusSchema, unitId: z.number(), unitName: z.string() }).strict(),
        ),
      })
      .strict(),
    versions: z.array(
      z.object({ version: z.number(), status: z.string(), created_at: Instant, note: z.string().nullable() }).strict(),
    ),
    can: PlanPermissionsSchema,
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.can.review) return;
    const leak = (path: Array<string | number>) =>
      ctx.addIssue({
        code: 'custom',
        path,
        message: 'Ghi chú làm việc của đơn vị không được gửi cho người ngoài đơn vị.',
      });
    if (d.draft.findings.length) leak(['draft', 'findings']);
    if (d.plan.sourceName !== null) leak(['plan', 'sourceName']);
    if (d.plan.returnReason !== null) leak(['plan', 'returnReason']);
    d.versions.forEach((v, i) => {
      if (v.note !== null) leak(['versions', i, 'note']);
    });
    d.taskIds.forEach((t, i) => {
      if (t.parentChange !== null) leak(['taskIds', i, 'parentChange']);
    });
  })
  .openapi('PlanDetail');

/** A child plan beside its parent, task by task (published plans: strict, like the plan page). */
export const PlanComparisonSchema = z
  .object({
    parent: z
      .object({ id: z.number(), title: z.string(), number: z.string().nullable(), symbol: z.string().nullable() })
      .strict(),
    child: z.object({ id: z.number(), title: z.string() }).strict(),
    rows: z.array(
      z
        .object({
          number: z.string().openapi({ description: 'Số nhiệm vụ của kế hoạch cấp trên' }),
          parent: taskSchema,
          child: taskSchema.nullable(),
        })
        .strict(),
    ),
    extra: z.array(taskSchema).openapi({ description: 'Nhiệm vụ riêng của kế hoạch cấp dưới' }),
  })
  .strict()
  .openapi('PlanComparison');

// ---------------------------------------------------------------- cascade

export const CascadeRuleSchema = z
  .object({
    fromCode: z.string().optional().openapi({ description: 'Mã đơn vị cấp tỉnh ("38.SKHCN")' }),
    fromText: z.string().optional().openapi({ description: 'Cụm từ trong kế hoạch cấp trên ("các sở, ban, ngành")' }),
    toOffice: z
      .object({ xã: z.string(), phường: z.string() })
      .optional()
      .openapi({ description: 'Mã phòng đích ở xã / ở phường' }),
    toText: z
      .string()
      .optional()
      .openapi({ description: 'Văn bản thay thế, với {loai}, {ten}, {thon}, {dauMoi}; "" bỏ tên' }),
    textOnly: z.boolean().optional(),
    in: z.array(z.enum(['title', 'content', 'deliverables', 'sections'])).optional(),
    note: z.string().optional(),
  })
  .openapi('CascadeRule');

const OfficeChoice = z.object({ code: z.string(), name: z.string() });

export const CascadeRulesSchema = z
  .object({
    rules: z.array(CascadeRuleSchema),
    isDefault: z.boolean().openapi({ description: 'Tỉnh chưa sửa bảng: đây là bảng mặc định' }),
    offices: z
      .object({ xã: z.array(OfficeChoice), phường: z.array(OfficeChoice) })
      .openapi({ description: 'Các phòng của xã, của phường (đích của quy tắc)' }),
  })
  .openapi('CascadeRules');

export const CascadeRulesSavedSchema = z.object({ rules: z.array(CascadeRuleSchema) }).openapi('CascadeRulesSaved');

export const CascadePreviewSchema = z
  .object({
    draft: planDraftSchema,
    rules: z.array(CascadeRuleSchema),
  })
  .openapi('CascadePreview');

export const CascadeResultSchema = z
  .object({
    created: z.array(z.object({ unitId: z.number(), planId: z.number() })),
    skipped: z.array(z.object({ unitId: z.number(), unitName: z.string(), reason: z.string() })),
    ms: z.number().openapi({ description: 'Thời gian tạo (mili giây)' }),
  })
  .openapi('CascadeResult');

// ---------------------------------------------------------------- requests (what the routes take)

/** GET /plans: filters and the page. */
export const PlanListQuerySchema = z.object({
  unitId: QueryId.optional(),
  status: PlanStatusSchema.optional(),
  year: QueryYear.optional(),
  q: SearchQuery(200).optional(),
  parentPlanId: QueryId.optional(),
  limit: Limit(500, 50),
  offset: Offset,
});

/** POST /plans/import: a file to read into a draft (nothing is stored). */
export const PlanImportBodySchema = z
  .object({
    filename: FileName(200).regex(/\.(txt|md|markdown|html?|docx)$/i, 'Chỉ nhận tệp .txt, .md, .html, .docx.'),
    contentBase64: Base64(2_700_000),
    unitId: Id.optional(),
  })
  .strict();

/** POST /plans/lint: a draft as the form holds it. */
export const LintDraftBodySchema = z.object({ draft: planDraftSchema, issuerCode: Code(40).optional() }).strict();

/** POST /plans: a reviewed draft saved as a plan of its unit. */
export const PlanCreateBodySchema = z
  .object({
    unitId: Id,
    draft: planDraftSchema,
    parentPlanId: Id.nullable().optional(),
    sourceName: ShortText(200).nullable().optional(),
    sourceText: LongText(1_000_000, 0, false).nullable().optional(),
  })
  .strict();

/** PUT /plans/{id}: the edited draft. */
export const PlanUpdateBodySchema = z.object({ draft: planDraftSchema }).strict();

/** POST /plans/{id}/return: why the draft goes back. */
export const PlanReturnBodySchema = z.object({ reason: ShortText(2000, 5) }).strict();

/** POST /plans/{id}/issue: the number and day the clerk gives, and who signs. */
export const PlanIssueBodySchema = z
  .object({
    number: Code(10, 1),
    date: IsoDate,
    signerName: Name(120, 2).optional(),
    signerKey: SignerKey.optional().openapi({
      description: 'Người ký chọn trong danh sách người ký của đơn vị (mặc định: người ký mặc định)',
    }),
  })
  .strict();

/** GET /plans/{id}/cascade/preview: the commune or ward to preview. */
export const CascadePreviewQuerySchema = z.object({ unitId: QueryId });

/** POST /plans/{id}/cascade: the communes and wards chosen, or all of them. */
export const CascadeBodySchema = z
  .object({ unitIds: z.array(Id).min(1).max(5000).optional(), all: z.boolean().optional() })
  .strict()
  .refine((b) => b.all === true || (b.unitIds?.length ?? 0) > 0, {
    message: 'Chọn xã, phường hoặc chọn tất cả.',
    path: ['unitIds'],
  });

/** POST /plan-tasks/{id}/parent-change: take the parent's new wording, or keep one's own (with a reason). */
export const ParentChangeDecisionBodySchema = z
  .object({
    decision: z.enum(['accept', 'dismiss']),
    reason: ShortText(2000).optional(),
  })
  .strict();

/** A rule as sent (the answers' CascadeRule is above). */
export const CascadeRuleInputSchema = z
  .object({
    fromCode: Code(40).optional(),
    fromText: ShortText(300).optional(),
    toOffice: z.object({ xã: Code(20, 1), phường: Code(20, 1) }).optional(),
    toText: LongText(300, 0, false).optional(),
    textOnly: z.boolean().optional(),
    in: z.array(z.enum(['title', 'content', 'deliverables', 'sections'])).optional(),
    note: LongText(500).optional(),
  })
  .strict();

/** PUT /units/{id}/cascade-rules: the province's whole table, in order. */
export const CascadeRulesBodySchema = z.object({ rules: z.array(CascadeRuleInputSchema).max(500) }).strict();

// ---------------------------------------------------------------- types (the web app imports these, types only)

export type PlanStatus = z.infer<typeof PlanStatusSchema>;
export type PlanListItem = z.infer<typeof PlanListItemSchema>;
export type PlanList = z.infer<typeof PlanListSchema>;
export type PlanImportResult = z.infer<typeof PlanImportResultSchema>;
export type ImportLayoutView = z.infer<typeof ImportLayoutSchema>;
export type LintResult = z.infer<typeof LintResultSchema>;
export type PlanRef = z.infer<typeof PlanRefSchema>;
export type PlanTransitioned = z.infer<typeof PlanTransitionedSchema>;
export type ParentChange = z.infer<typeof ParentChangeSchema>;
export type ParentChangeResolved = z.infer<typeof ParentChangeResolvedSchema>;
export type PlanInfo = z.infer<typeof PlanInfoSchema>;
export type PlanPermissions = z.infer<typeof PlanPermissionsSchema>;
export type PlanDetail = z.infer<typeof PlanDetailSchema>;
export type PlanComparison = z.infer<typeof PlanComparisonSchema>;
/** The domain's rule (src/domain/plan/cascade.ts); the schema above describes it (checked below). */
export type { CascadeRule };
export type CascadeRules = z.infer<typeof CascadeRulesSchema>;
export type CascadeRulesSaved = z.infer<typeof CascadeRulesSavedSchema>;
export type CascadePreview = z.infer<typeof CascadePreviewSchema>;
export type CascadeResult = z.infer<typeof CascadeResultSchema>;
/** What the web app sends (the routes' inputs before defaults apply). */
export type PlanListQuery = z.input<typeof PlanListQuerySchema>;
export type PlanImportBody = z.input<typeof PlanImportBodySchema>;
export type LintDraftBody = z.input<typeof LintDraftBodySchema>;
export type PlanCreateBody = z.input<typeof PlanCreateBodySchema>;
export type PlanUpdateBody = z.input<typeof PlanUpdateBodySchema>;
export type PlanReturnBody = z.input<typeof PlanReturnBodySchema>;
export type PlanIssueBody = z.input<typeof PlanIssueBodySchema>;
export type CascadeBody = z.input<typeof CascadeBodySchema>;
export type ParentChangeDecisionBody = z.input<typeof ParentChangeDecisionBodySchema>;
export type CascadeRulesBody = z.input<typeof CascadeRulesBodySchema>;

// Compile-time check: the schemas restating domain types describe the same data.
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type ContractMatchesDomain = [
  Assert<Mutual<z.infer<typeof CascadeRuleSchema>, CascadeRule>>,
  Assert<Mutual<z.infer<typeof TaskSnapshotSchema>, TaskSnapshot>>,
  Assert<Mutual<z.infer<typeof FieldChangeSchema>, FieldChange>>,
];
