// What a dataset resource may declare about its columns (a subset of Frictionless Table Schema,
// https://specs.frictionlessdata.io/table-schema/) and the de-identification steps a owner may ask for. The datasets
// module's contracts reuse these; the quality engine (src/domain/datasets/quality) validates against them.
import { z } from '@hono/zod-openapi';

export const TABLE_FIELD_TYPES = ['string', 'integer', 'number', 'boolean', 'date', 'datetime', 'year'] as const;

const ColumnName = z.string().trim().min(1).max(200);

export const TableFieldConstraintsSchema = z
  .object({
    required: z.boolean().optional(),
    unique: z.boolean().optional(),
    enum: z
      .array(z.union([z.string(), z.number(), z.boolean()]))
      .max(1000)
      .optional(),
    minimum: z.union([z.number(), z.string().max(40)]).optional(),
    maximum: z.union([z.number(), z.string().max(40)]).optional(),
    pattern: z
      .string()
      .max(500)
      .refine(
        (p) => {
          try {
            new RegExp(p, 'u');
            return true;
          } catch {
            return false;
          }
        },
        { message: 'Biểu thức pattern không hợp lệ.' },
      )
      .optional(),
    maxLength: z.number().int().min(0).optional(),
  })
  .openapi('TableFieldConstraints');

export const TableFieldSchema = z
  .object({
    name: ColumnName,
    type: z.enum(TABLE_FIELD_TYPES).default('string'),
    title: z.string().max(500).optional(),
    description: z.string().max(2000).optional(),
    constraints: TableFieldConstraintsSchema.optional(),
  })
  .openapi('TableField');

export const TableSchemaSchema = z
  .object({
    fields: z.array(TableFieldSchema).min(1).max(500),
    missingValues: z.array(z.string().max(50)).max(50).optional(),
    primaryKey: z.union([ColumnName, z.array(ColumnName).min(1).max(20)]).optional(),
  })
  .openapi('TableSchema');

export type TableSchema = z.infer<typeof TableSchemaSchema>;
export type TableField = z.infer<typeof TableFieldSchema>;

export const DeidentifyStepSchema = z
  .object({
    column: ColumnName,
    action: z.enum(['drop', 'mask', 'generaliseToYear']),
  })
  .openapi('DeidentifyStep');

export type DeidentifyStep = z.infer<typeof DeidentifyStepSchema>;

export const DeidentifyRequestSchema = z
  .object({
    steps: z.array(DeidentifyStepSchema).min(1).max(200),
    quasiIdentifiers: z.array(ColumnName).max(20).optional(),
  })
  .openapi('DeidentifyRequest');
