// A unit's document settings (GET/PUT /units/{id}/document-settings): who may sign its documents and how, the
// drafting division of its filing line, the abbreviation in its symbols; and the pick of a signer when a leader
// approves or issues a document. Pure: no node: modules, no database, nothing from src/modules.
import { z } from '@hono/zod-openapi';
import { SIGNING_AUTHORITIES } from '../domain/org/document-settings.ts';
import { Instant, Name, ShortText } from './common.ts';

export const SigningAuthoritySchema = z
  .enum(SIGNING_AUTHORITIES)
  .openapi({ description: 'TM. (thay mặt), KT. (ký thay), Q. (quyền), none (ký theo chức vụ)' });

/** A signer's key within its unit (kept while the entry is kept): what a leader's pick names. */
export const SignerKey = z.number().int().positive().max(1_000_000);

/** "VP", "KHCN", "UBND", "SKHCN": upper-case letters and digits (typed lower case, stored upper case). */
const Abbreviation = (what: string) =>
  ShortText(20)
    .overwrite((v) => v.toLocaleUpperCase('vi'))
    .regex(/^[\p{Lu}\p{N}&]*$/u, `${what} chỉ gồm chữ cái và chữ số viết liền, ví dụ VP, KHCN.`);

export const UnitSignerInputSchema = z
  .object({
    key: SignerKey.optional().openapi({ description: 'Giữ nguyên khi sửa một người ký đã có' }),
    title: Name(120, 2).openapi({ description: 'Chức vụ: "Phó Chủ tịch", "Giám đốc"' }),
    name: Name(120, 2).openapi({ description: 'Họ và tên, không ghi học hàm, học vị' }),
    authority: SigningAuthoritySchema,
    isDefault: z.boolean(),
  })
  .strict();

export const UnitDocumentSettingsBodySchema = z
  .object({
    signers: z.array(UnitSignerInputSchema).max(20, 'Tối đa 20 người ký.'),
    draftingDivision: Abbreviation('Tên viết tắt của đơn vị soạn thảo').nullable(),
    symbolSuffix: Abbreviation('Ký hiệu của cơ quan ban hành').nullable(),
  })
  .strict()
  .openapi('UnitDocumentSettingsBody');

export const UnitSignerSchema = z
  .object({
    key: z.number().int(),
    title: z.string(),
    name: z.string(),
    authority: SigningAuthoritySchema,
    isDefault: z.boolean(),
    /** How the block prints on a Kế hoạch or Báo cáo: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]. */
    lines: z.array(z.string()),
  })
  .strict()
  .openapi('UnitSigner');

export const UnitDocumentSettingsSchema = z
  .object({
    unitId: z.number(),
    signers: z.array(UnitSignerSchema),
    draftingDivision: z.string().nullable(),
    symbolSuffix: z.string().nullable(),
    /** What documents use where a setting is left empty (the register's rule). */
    fallback: z.object({
      draftingDivision: z.string().nullable(),
      symbolSuffix: z.string(),
      signerLines: z.array(z.string()),
    }),
    updatedAt: Instant.nullable(),
    can: z.object({ edit: z.boolean() }),
  })
  .strict()
  .openapi('UnitDocumentSettings');

/** The signature block kept with an approved or issued document. */
export const SignerBlockSchema = z
  .object({
    lines: z.array(z.string()),
    name: z.string().nullable(),
    signerKey: z.number().int().nullable(),
    authority: SigningAuthoritySchema.nullable(),
  })
  .openapi('SignerBlock');

/** POST …/compiled/approve, …/reminder/approve: the signer picked (the unit's default when absent). */
export const SignerPickSchema = z.object({ signerKey: SignerKey.optional() }).strict();

export const PeriodDocumentApprovalSchema = z
  .object({
    kind: z.enum(['compiled', 'reminder']),
    signer: SignerBlockSchema,
    approvedAt: Instant,
  })
  .openapi('PeriodDocumentApproval');

export type UnitDocumentSettingsBody = z.input<typeof UnitDocumentSettingsBodySchema>;
export type UnitDocumentSettingsView = z.infer<typeof UnitDocumentSettingsSchema>;
export type UnitSignerView = z.infer<typeof UnitSignerSchema>;
export type SignerBlockView = z.infer<typeof SignerBlockSchema>;
export type SignerPick = z.infer<typeof SignerPickSchema>;
export type PeriodDocumentApproval = z.infer<typeof PeriodDocumentApprovalSchema>;
