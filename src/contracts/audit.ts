// What the audit trail route takes and answers: one contract for the server, the OpenAPI document and the web app
// (types). Pure: no node: modules, no database, nothing from src/modules.
import { z } from '@hono/zod-openapi';
import { Code, Instant, IsoDate, Limit, QueryId } from './common.ts';

export const AuditQuerySchema = z.object({
  action: Code(60).optional(),
  entityType: Code(40).optional(),
  entityId: Code(40).optional(),
  actor: Code(60).optional(),
  unitId: QueryId.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  limit: Limit(500, 100),
  beforeId: z.coerce.number().int().positive().optional(),
});

/** One change: who (a person's username, or a system actor's label), what, on which record, before and after. */
export const AuditRowSchema = z
  .object({
    id: z.number(),
    at: Instant,
    actor_username: z.string().nullable(),
    actor_unit_id: z.number().nullable(),
    action: z.string(),
    entity_type: z.string(),
    entity_id: z.string().nullable(),
    unit_id: z.number().nullable(),
    unit_name: z.string().nullable(),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
    ip: z.string().nullable(),
  })
  .openapi('AuditRow');

export type AuditQuery = z.infer<typeof AuditQuerySchema>;
export type AuditRow = z.infer<typeof AuditRowSchema>;
