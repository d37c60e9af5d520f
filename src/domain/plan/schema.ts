// The PlanDraft contract (model.ts) as a zod schema, with descriptions. schemas/plan.schema.json is generated from
// it by scripts/gen-plan-schema.ts; a compile-time check keeps it equal to the TypeScript model.
import { z } from 'zod';
import type { PlanDraft } from './model.ts';
import { cleanText, refineText } from '../input-text.ts';

/**
 * Every text of the document, as typed or imported: NFC, line breaks as LF, no control characters but tabs and line
 * breaks, no direction overrides, no stacked marks (src/domain/input-text.ts). Not trimmed: the draft keeps its text
 * as written.
 */
const text = () =>
  z
    .string()
    .overwrite((v) => cleanText(v, 'long'))
    .superRefine(refineText('long'));

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('Date as YYYY-MM-DD.');

export const unitRefSchema = z
  .object({
    text: text().describe('The name exactly as written (NFC), e.g. "Sở Khoa học và công nghệ".'),
    unitId: z
      .number()
      .int()
      .nullable()
      .describe('Register unit it resolved to; null when unresolved or a generic group.'),
    unitCode: text().nullable().describe('Code of the resolved unit: "38.SKHCN", "16516.PVHXH".'),
    unitName: text().nullable().describe('Official name of the resolved unit, for display and spelling checks.'),
    confidence: z
      .number()
      .min(0)
      .max(1)
      .describe('0..1; 1 = exact official name or code. For a group: how sure the text names a group.'),
    group: z.boolean().describe('A generic group of units rather than one unit ("Các sở, ban, ngành tỉnh").'),
  })
  .meta({
    id: 'UnitRef',
    description: 'Reference to a unit named in a document, resolved against the organisation register when possible.',
  });

export const basisReferenceSchema = z
  .object({
    kind: z.enum(['legalBasis', 'implements', 'proposedBy']).describe('"Căn cứ" / "Thực hiện" / "Theo đề nghị".'),
    documentType: text()
      .nullable()
      .describe('Document type abbreviation per Nghị định 30/2020 (QĐ, KH, TTr, CV…), or "Luật".'),
    number: text().nullable().describe('Number as written ("367").'),
    symbol: text().nullable().describe('Symbol ("QĐ-TTg").'),
    date: isoDate.nullable(),
    issuer: text().nullable().describe('Issuer as written ("Thủ tướng Chính phủ").'),
    title: text().nullable().describe('Trích yếu of the referenced document when written.'),
    text: text().describe('The reference as written.'),
    planId: z
      .number()
      .int()
      .nullable()
      .optional()
      .describe('The referenced plan when it is in the system (set by the plans service).'),
  })
  .meta({
    id: 'BasisReference',
    description: '"Căn cứ …" / "Thực hiện …" / "Theo đề nghị của …" reference to another document.',
  });

export const signerSchema = z
  .object({
    authority: z
      .enum(['TM', 'KT', 'Q', 'TL', 'TUQ'])
      .nullable()
      .describe('Signing authority prefix of the signer (Nghị định 30/2020, Điều 13).'),
    lines: z
      .array(text())
      .describe('Upper-case lines above the signature: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"].'),
    name: text().nullable(),
  })
  .meta({ id: 'Signer' });

export const documentHeaderSchema = z
  .object({
    type: text().describe('Abbreviation of the document type: "KH".'),
    number: text().nullable().describe('null: not numbered yet ("Số:    /KH-UBND"). Kept as written ("129", "05").'),
    symbol: text().nullable().describe('"KH-UBND".'),
    date: isoDate.nullable().describe('Date of issue; null when not dated yet ("ngày    tháng    năm 2026").'),
    year: z.number().int().nullable().describe('Year, also when only the year is written.'),
    place: text().nullable().describe('"Thanh Hóa".'),
    issuer: unitRefSchema.nullable().describe('Issuing body.'),
    issuerParent: text().nullable().describe('Cơ quan chủ quản above the issuer, when written.'),
    title: text().describe('Trích yếu.'),
    basis: z.array(basisReferenceSchema),
    signer: signerSchema.nullable(),
    recipients: z.array(text()).describe('"Nơi nhận" items as written.'),
  })
  .meta({ id: 'DocumentHeader' });

export const blockSchema = z
  .object({
    label: text().nullable().describe('"1", "a", "-", "Điều 1" or null for an unnumbered paragraph.'),
    heading: z.boolean().describe('Heading-like line (e.g. "1. Mục đích") rather than running text.'),
    text: text(),
    line: z.number().int().optional().describe('1-based source line, when imported.'),
  })
  .meta({ id: 'Block', description: 'A paragraph of a section, with its numbering kept.' });

export const sectionSchema = z
  .object({
    kind: z.enum(['purpose', 'content', 'budget', 'organisation', 'other']),
    number: text().describe(
      'Roman numeral as written: "I"; empty for unnumbered parts (the articles of a Quyết định, an annex).',
    ),
    heading: text().describe('Heading as written: "MỤC ĐÍCH, YÊU CẦU".'),
    blocks: z.array(blockSchema).describe('Running text of the section; tasks live in PlanDraft.tasks.'),
  })
  .meta({ id: 'Section' });

export const scheduleSchema = z
  .object({
    kind: z.enum(['continuous', 'recurring', 'period', 'deadline']),
    start: isoDate.nullable().describe('Open start when null.'),
    end: isoDate.nullable().describe('Open-ended when null.'),
    recurrence: z.enum(['yearly', 'quarterly', 'monthly']).nullable(),
    dueDay: z
      .object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) })
      .nullable()
      .describe('Due day within each recurrence ("trước ngày 15/12 hằng năm").'),
    dueDates: z.array(isoDate).describe('Explicit due dates for dated timeframes.'),
  })
  .meta({ id: 'Schedule', description: 'A timeframe read into dates.' });

export const timeframeSchema = z
  .object({
    text: text().describe('As written: "Năm 2026 và các năm tiếp theo".'),
    schedule: scheduleSchema.nullable().describe('null when the text could not be read.'),
  })
  .meta({ id: 'Timeframe' });

const taskFieldSchema = z.enum(['lead', 'coordinators', 'timeframe', 'deliverables', 'content', 'notes']);

export const taskSchema = z
  .object({
    number: text().describe('Hierarchical number as written: "1", "3.1".'),
    title: text(),
    content: text().nullable().describe('"Nội dung: …" when written separately from the title.'),
    lead: z.array(unitRefSchema).describe('Cơ quan / đơn vị chủ trì.'),
    coordinators: z.array(unitRefSchema).describe('Cơ quan / đơn vị phối hợp.'),
    timeframe: timeframeSchema,
    deliverables: z.array(text()).describe('Sản phẩm, one item each.'),
    notes: text().nullable(),
    groupNumber: text().nullable().describe('Number of the group heading this task sits under ("3" for "3.1").'),
    parentTask: z
      .object({ planId: z.number().int().nullable(), number: text() })
      .nullable()
      .describe("In a child plan: the parent plan's task this one implements."),
    line: z.number().int().optional().describe('1-based source line of the task heading, when imported.'),
    labels: z
      .partialRecord(taskFieldSchema, text())
      .optional()
      .describe('Field labels as written ("Cơ quan chủ trì" / "Đơn vị chủ trì"), when imported.'),
  })
  .meta({ id: 'Task' });

export const taskGroupSchema = z
  .object({ number: text(), title: text() })
  .meta({ id: 'TaskGroup', description: 'A numbered heading that only groups tasks.' });

export const findingSchema = z
  .object({
    code: text().describe('Stable code, e.g. "task.lead.missing".'),
    severity: z.enum(['error', 'warning', 'info']),
    location: z.object({
      section: text().optional(),
      task: text().optional(),
      line: z.number().int().optional().describe('1-based line in the source, when known.'),
      field: text().optional(),
    }),
    message: text().describe('Vietnamese message for people.'),
    fix: text().nullable().describe('Vietnamese suggested fix, when there is one.'),
  })
  .meta({ id: 'Finding' });

export const unplacedSchema = z
  .object({ line: z.number().int(), text: text(), reason: text() })
  .meta({ id: 'Unplaced', description: 'Source text the parser could not place anywhere in the structure.' });

export const planDraftSchema = z
  .object({
    document: documentHeaderSchema,
    sections: z.array(sectionSchema),
    groups: z.array(taskGroupSchema),
    tasks: z.array(taskSchema),
    findings: z.array(findingSchema),
    unplaced: z.array(unplacedSchema),
  })
  .meta({ id: 'PlanDraft', description: "The plan's JSON form: what import returns, what the API exports." });

/** The JSON Schema (draft 2020-12) of PlanDraft, as written to schemas/plan.schema.json. */
export function planJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(planDraftSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return { $schema, $id: 'https://thihanh.local/schemas/plan.schema.json', title: 'PlanDraft', ...rest };
}

// Compile-time check: the schema and the model describe the same data.
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type SchemaMatchesModel = Assert<Mutual<z.infer<typeof planDraftSchema>, PlanDraft>>;
