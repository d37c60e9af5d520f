// What the petition routes take and answer: the public intake and follow-up (strict schemas: no personal data can
// slip into a public answer) and the handlers' queue. Pure: the web app imports these schemas and types.
import { z } from '@hono/zod-openapi';
import { CONTENT_MAX_LENGTH, CONTENT_MIN_LENGTH, hasContact, looksVietnamese } from '../domain/petitions/intake.ts';
import { DEADLINE_TIER_LABEL } from '../domain/petitions/deadline.ts';
import { SignerKey } from './document-settings.ts';
import {
  CLOSING_OUTCOMES,
  CONCERN_LABEL,
  PETITION_KIND_LABEL,
  PETITION_STATUSES,
  TOPIC_LABEL,
} from '../domain/petitions/model.ts';
import {
  Base64,
  Code,
  FileName,
  Id,
  Instant,
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

export const PetitionKindSchema = z.enum(keysOf(PETITION_KIND_LABEL));
export const PetitionStatusSchema = z.enum(PETITION_STATUSES);
export const TopicSchema = z.enum(keysOf(TOPIC_LABEL));
export const ConcernSchema = z.enum(keysOf(CONCERN_LABEL));
export const DeadlineTierSchema = z.enum(keysOf(DEADLINE_TIER_LABEL));

export const ATTACHMENT_MAX_FILES = 3;
/** Per file, decoded. The public intake's whole body stays under the API's 2 MB limit. */
export const ATTACHMENT_MAX_BYTES = 1024 * 1024;

// ---------------------------------------------------------------- public intake

const Phone = ShortText(30).regex(/^\+?[\d\s.()-]{8,20}$/, 'Số điện thoại gồm 8–15 chữ số, ví dụ 0912 345 678.');

export const SenderSchema = z
  .object({
    name: Name(200, 2),
    organisation: ShortText(300).optional(),
    email: ShortText(254).email('Địa chỉ email không hợp lệ.').optional(),
    phone: Phone.optional(),
    address: ShortText(500).optional(),
  })
  .strict()
  .refine(hasContact, {
    message: 'Cần ít nhất một cách để trả lời: email, số điện thoại hoặc địa chỉ.',
    path: ['email'],
  });

export const PetitionIntakeSchema = z
  .object({
    // Any text: a kind other than the three gets a 422 that says where complaints and denunciations go.
    kind: ShortText(40, 1).openapi({ description: 'recommendation | proposal | feedback', example: 'proposal' }),
    subject: ShortText(300, 5),
    content: LongText(CONTENT_MAX_LENGTH)
      .min(
        CONTENT_MIN_LENGTH,
        `Nội dung cần ít nhất ${CONTENT_MIN_LENGTH} ký tự: nêu cụ thể vấn đề và điều, khoản được kiến nghị.`,
      )
      .refine(looksVietnamese, 'Nội dung cần viết bằng tiếng Việt (Quyết định 48/2025/QĐ-TTg).'),
    lawReference: ShortText(300).optional(),
    /** A commune's or ward's code: its Phòng Văn hóa - Xã hội receives; without it, Sở Khoa học và Công nghệ. */
    communeCode: Code(20).optional(),
    sender: SenderSchema,
    attachments: z
      .array(z.object({ filename: FileName(255), contentBase64: Base64(1_400_000) }).strict())
      .max(ATTACHMENT_MAX_FILES, `Đính kèm tối đa ${ATTACHMENT_MAX_FILES} tệp.`)
      .optional(),
    /** A published AI system (Mẫu AI02 §V.3: feedback on a use) or a published dataset the petition is about. */
    aiSystemId: Id.optional(),
    datasetId: Id.optional(),
    consent: z.literal(true, 'Cần đồng ý cho cơ quan tiếp nhận xử lý dữ liệu cá nhân của bạn để trả lời kiến nghị.'),
    /** Never shown to people: filled in only by robots. */
    website: ShortText(500).optional(),
  })
  .strict()
  .openapi('PetitionIntake');
export type PetitionIntake = z.infer<typeof PetitionIntakeSchema>;

export const PetitionReceiptSchema = z
  .object({ code: z.string(), receivedOn: IsoDay, dueDate: IsoDay })
  .strict()
  .openapi('PetitionReceipt');
export type PetitionReceipt = z.infer<typeof PetitionReceiptSchema>;

// ---------------------------------------------------------------- public follow-up and list (no personal data)

const PublicEvent = z
  .object({ at: Instant, status: PetitionStatusSchema, statusLabel: z.string(), note: z.string() })
  .strict();

export const PublicPetitionSchema = z
  .object({
    code: z.string(),
    kind: PetitionKindSchema,
    kindLabel: z.string(),
    status: PetitionStatusSchema,
    statusLabel: z.string(),
    open: z.boolean(),
    subject: z.string(),
    lawReference: z.string().nullable(),
    receivedOn: IsoDay,
    dueDate: IsoDay,
    extensionReason: z.string().nullable(),
    handlingUnit: z.string(),
    answer: z.string().nullable().openapi({ description: 'Only once published' }),
    answeredOn: IsoDay.nullable(),
    mergedInto: z.string().nullable(),
    task: z
      .object({ number: z.string(), title: z.string(), planTitle: z.string(), planId: z.number().nullable() })
      .strict()
      .nullable(),
    history: z.array(PublicEvent),
  })
  .strict()
  .openapi('PublicPetition');
export type PublicPetition = z.infer<typeof PublicPetitionSchema>;

export const PublicPetitionListQuery = z.object({
  q: SearchQuery(200).optional(),
  topic: TopicSchema.optional(),
  limit: Limit(100, 20),
  offset: Offset,
});

export const PublicPetitionListSchema = z
  .object({
    total: z.number(),
    topics: z.array(z.object({ topic: z.string(), label: z.string(), count: z.number() }).strict()),
    items: z.array(
      z
        .object({
          code: z.string(),
          kind: PetitionKindSchema,
          kindLabel: z.string(),
          subject: z.string(),
          topic: z.string().nullable(),
          topicLabel: z.string(),
          handlingUnit: z.string(),
          receivedOn: IsoDay,
          answeredOn: IsoDay.nullable(),
          answer: z.string(),
        })
        .strict(),
    ),
  })
  .strict()
  .openapi('PublicPetitionList');
export type PublicPetitionList = z.infer<typeof PublicPetitionListSchema>;

// ---------------------------------------------------------------- the handlers' queue

export const PetitionListQuery = z.object({
  status: PetitionStatusSchema.optional(),
  open: z.enum(['true', 'false']).optional(),
  tier: DeadlineTierSchema.optional(),
  q: SearchQuery(200).optional(),
  /** Petitions about this AI system (a unit's use) or this dataset. */
  aiSystemId: QueryId.optional(),
  datasetId: QueryId.optional(),
  limit: Limit(200, 50),
  offset: Offset,
});

const UnitName = z.object({ id: z.number(), name: z.string() });
const SenderSummary = z.object({ name: z.string(), organisation: z.string().nullable() }).nullable();

export const PetitionListItemSchema = z.object({
  id: z.number(),
  code: z.string(),
  kind: PetitionKindSchema,
  kindLabel: z.string(),
  status: PetitionStatusSchema,
  statusLabel: z.string(),
  open: z.boolean(),
  subject: z.string(),
  receivedOn: IsoDay,
  dueDate: IsoDay,
  tier: DeadlineTierSchema,
  tierLabel: z.string(),
  topic: z.string().nullable(),
  receivingUnit: UnitName,
  handlingUnit: UnitName,
  /** Only to the receiving and handling units' officers and leaders; each view is audited. */
  sender: SenderSummary,
});

export const PetitionListSchema = z
  .object({ total: z.number(), items: z.array(PetitionListItemSchema) })
  .openapi('PetitionList');
export type PetitionList = z.infer<typeof PetitionListSchema>;

export const PETITION_CAN_KEYS = [
  'classify',
  'route',
  'requestInformation',
  'resume',
  'merge',
  'draftAnswer',
  'approveAnswer',
  'close',
  'extend',
  'publish',
] as const;

export const PetitionDetailSchema = PetitionListItemSchema.extend({
  content: z.string(),
  lawReference: z.string().nullable(),
  concerns: z.string().nullable(),
  article: z.string().nullable(),
  answer: z.string().nullable(),
  answerApproved: z.boolean(),
  published: z.boolean(),
  closedOn: IsoDay.nullable(),
  closingReason: z.string().nullable(),
  extended: z.boolean(),
  extensionReason: z.string().nullable(),
  clockStoppedOn: IsoDay.nullable(),
  mergedInto: z.object({ id: z.number(), code: z.string() }).nullable(),
  /** The AI system or the dataset the petition is about. */
  aiSystem: z.object({ id: z.number(), name: z.string(), unitName: z.string() }).nullable(),
  dataset: z.object({ id: z.number(), title: z.string(), unitName: z.string() }).nullable(),
  duplicates: z.array(z.object({ id: z.number(), code: z.string() })),
  senderContact: z
    .object({ email: z.string().nullable(), phone: z.string().nullable(), address: z.string().nullable() })
    .nullable(),
  attachments: z.array(z.object({ id: z.number(), filename: z.string(), mime: z.string(), size: z.number() })),
  history: z.array(
    z.object({
      at: Instant,
      kind: z.string(),
      status: PetitionStatusSchema,
      statusLabel: z.string(),
      note: z.string(),
      public: z.boolean(),
      actor: z.string().nullable(),
    }),
  ),
  can: z.object(
    Object.fromEntries(PETITION_CAN_KEYS.map((k) => [k, z.boolean()])) as Record<
      (typeof PETITION_CAN_KEYS)[number],
      z.ZodBoolean
    >,
  ),
}).openapi('PetitionDetail');
export type PetitionDetail = z.infer<typeof PetitionDetailSchema>;

export const ClassifyBody = z
  .object({
    topic: TopicSchema,
    concerns: ConcernSchema,
    article: ShortText(200).optional(),
    lawReference: ShortText(300).optional(),
  })
  .strict();
export const RouteBody = z.object({ unitId: Id, note: ShortText(500).optional() }).strict();
export const RequestInformationBody = z.object({ message: LongText(2000, 10) }).strict();
export const ResumeBody = z.object({ note: LongText(2000).optional() }).strict();
export const MergeBody = z.object({ intoId: Id }).strict();
export const DraftAnswerBody = z.object({ answer: LongText(20_000, 20) }).strict();
/** One answer drafted for many similar petitions at once (each then approved as usual). */
export const BulkAnswerBody = z
  .object({
    ids: z
      .array(Id)
      .min(2, 'Chọn ít nhất hai kiến nghị để trả lời chung.')
      .max(100, 'Trả lời chung tối đa 100 kiến nghị một lần.')
      .refine((ids) => new Set(ids).size === ids.length, 'Danh sách kiến nghị có mục trùng nhau.'),
    answer: LongText(20_000, 20),
  })
  .strict();
export const ApproveBody = z
  .object({
    publish: z.boolean().default(true),
    signerKey: SignerKey.optional().openapi({
      description: 'Người ký trong danh sách người ký của đơn vị xử lý (mặc định: người ký mặc định)',
    }),
  })
  .strict();
export const CloseBody = z.object({ outcome: z.enum(CLOSING_OUTCOMES), reason: LongText(2000, 10) }).strict();
export const ExtendBody = z.object({ reason: LongText(1000, 10) }).strict();
export const PublishBody = z.object({ published: z.boolean() }).strict();
const FigureCounts = {
  received: z.number().int(),
  answeredOnTime: z.number().int(),
  answeredLate: z.number().int(),
  closedOtherwise: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
};
const FigureGroupSchema = z.object({ key: z.string(), label: z.string(), ...FigureCounts });
/** A year's petitions of a unit's subtree: in total, by handling unit and by topic (figures only). */
export const PetitionFiguresSchema = z
  .object({
    unit: z.object({ id: z.number(), name: z.string() }),
    year: z.number().int(),
    total: z.object(FigureCounts),
    byUnit: z.array(FigureGroupSchema),
    byTopic: z.array(FigureGroupSchema),
  })
  .openapi('PetitionFigures');
export type PetitionFigures = z.infer<typeof PetitionFiguresSchema>;

export const LinkTaskBody = z.object({ taskId: Id.nullable() }).strict();
/** What the petition is about among the other registers (null unlinks; an absent key leaves it as it is). */
export const LinkRecordsBody = z
  .object({ aiSystemId: Id.nullable().optional(), datasetId: Id.nullable().optional() })
  .strict();
export const FiguresQuery = z.object({ unitId: QueryId, year: QueryYear });
