// What the unit routes take and answer: one contract for the server, the OpenAPI document and the web app (types).
// Pure: no node: modules, no database, nothing from src/modules.
import { z } from '@hono/zod-openapi';
import { UNIT_KINDS } from '../domain/org/unit.ts';
import { Base64, FileName, Id, Limit, Name, SearchQuery, ShortText } from './common.ts';

export const UnitKindSchema = z.enum(UNIT_KINDS);
export const UNIT_STATUSES = ['active', 'merged', 'retired'] as const;

export const UnitSchema = z
  .object({
    id: z.number(),
    parentId: z.number().nullable(),
    kind: UnitKindSchema,
    kindLabel: z.string(),
    code: z.string(),
    name: z.string(),
    shortName: z.string(),
    status: z.enum(UNIT_STATUSES),
    mergedIntoId: z.number().nullable(),
  })
  .strict()
  .openapi('Unit');

export const UnitWithCountSchema = UnitSchema.extend({ childCount: z.number().int() })
  .strict()
  .openapi('UnitWithCount');

export const UnitAliasSchema = z
  .object({ name: z.string(), kind: z.enum(['former', 'abbreviation', 'other']), note: z.string().nullable() })
  .strict();

/** What the caller may do with a unit, by the one rule (the web app shows its buttons from these). */
export const UnitPermissionsSchema = z
  .object({
    /** Add a unit under it (an active unit that may have children). */
    addChild: z.boolean(),
    /** Rename, merge, retire it (an active unit, for the levels above it). */
    reshape: z.boolean(),
    /** Create and administer its accounts. */
    manageUsers: z.boolean(),
    /** See its document settings (signers, filing line, symbol): its unit admins and leaders, and those above. */
    documentSettings: z.boolean(),
    /** Load its communes and offices, or its departments, from a CSV file (a province). */
    importUnits: z.boolean(),
  })
  .strict()
  .openapi('UnitPermissions');

/** A unit's page: public (the register is public; people are listed by /users, for those who may see them). */
export const UnitDetailSchema = z
  .object({
    unit: UnitSchema,
    ancestors: z.array(UnitSchema),
    children: z.array(UnitWithCountSchema),
    aliases: z.array(UnitAliasSchema),
    mergedInto: UnitSchema.nullable(),
    allowedChildKinds: z.array(UnitKindSchema),
    can: UnitPermissionsSchema,
  })
  .strict()
  .openapi('UnitDetail');

/** A search hit: the unit, its parent's name and what matched (a former name, a code…). Public, so strict. */
export const UnitSearchHitSchema = UnitSchema.extend({
  parentName: z.string().nullable(),
  matched: z.string().openapi({ description: 'Tên hoặc mã đã khớp với từ khóa' }),
  matchedKind: z.string().openapi({ description: 'name | shortName | code | former | abbreviation | other' }),
  score: z.number(),
})
  .strict()
  .openapi('UnitSearchHit');

export const MergeResultSchema = z.object({
  unit: UnitSchema,
  movedChildren: z.number().int(),
  movedUsers: z.number().int(),
});

const UnitName = Name(200, 2);
const ShortName = Name(200, 0).optional();

export const UnitSearchQuerySchema = z.object({
  q: SearchQuery(200),
  limit: Limit(100, 20),
  kind: z.union([UnitKindSchema, z.array(UnitKindSchema)]).optional(),
});
export const CreateChildUnitSchema = z.object({ kind: UnitKindSchema, name: UnitName, shortName: ShortName }).strict();
export const RenameUnitSchema = z.object({ name: UnitName, shortName: ShortName }).strict();
export const MergeUnitSchema = z.object({ intoId: Id }).strict();
export const RetireUnitSchema = z.object({ reason: ShortText(1000, 5) }).strict();

/** POST /units/{id}/import: a CSV of a province's communes (code, name, type, former_units) or departments. */
export const UnitImportBodySchema = z
  .object({
    filename: FileName(200).regex(/\.csv$/i, 'Chỉ nhận tệp .csv (lưu từ bảng tính dạng "CSV UTF-8").'),
    contentBase64: Base64(2_900_000),
  })
  .strict();

export const UnitImportResultSchema = z
  .object({
    format: z.enum(['communes', 'agencies']).openapi({ description: 'communes: xã, phường; agencies: sở, ngành' }),
    rows: z.number().int().openapi({ description: 'Số dòng dữ liệu của tệp' }),
    communes: z.number().int().openapi({ description: 'Xã, phường mới' }),
    offices: z.number().int().openapi({ description: 'Phòng, ban, đơn vị của các xã, phường mới' }),
    agencies: z.number().int().openapi({ description: 'Sở, ngành mới' }),
    unchanged: z.number().int().openapi({ description: 'Dòng đã có sẵn (nạp lại cùng tệp không thay đổi gì)' }),
    aliasesAdded: z.number().int(),
  })
  .strict()
  .openapi('UnitImportResult');

export type Unit = z.infer<typeof UnitSchema>;
export type UnitStatus = Unit['status'];
export type UnitWithCount = z.infer<typeof UnitWithCountSchema>;
export type UnitAlias = z.infer<typeof UnitAliasSchema>;
export type UnitPermissions = z.infer<typeof UnitPermissionsSchema>;
export type UnitDetail = z.infer<typeof UnitDetailSchema>;
export type UnitSearchHit = z.infer<typeof UnitSearchHitSchema>;
export type MergeResult = z.infer<typeof MergeResultSchema>;
export type UnitImportResult = z.infer<typeof UnitImportResultSchema>;
export type CreateChildUnitInput = z.input<typeof CreateChildUnitSchema>;
