// GET /api/public/plans: the public index of issued plans, for anyone, with each plan's overall progress counted by
// the function behind the public progress page and the compiled report (src/modules/reporting/use-cases/
// plan-completion.ts). Strict: a field the service adds (a name, a note) cannot reach the public without this
// contract changing too. Pure: no node: modules, no database, nothing from src/modules.
import { z } from '@hono/zod-openapi';
import { IsoDay, Limit, Offset, QueryId, QueryYear, SearchQuery } from './common.ts';

export const PublicPlanListQuerySchema = z
  .object({
    q: SearchQuery(200).optional().openapi({ description: 'Tìm không dấu trong tên, số, ký hiệu và cơ quan ban hành' }),
    unitId: QueryId.optional().openapi({ description: 'Cơ quan, đơn vị ban hành' }),
    year: QueryYear.optional(),
    limit: Limit(50, 20),
    offset: Offset,
  })
  .strict();

export const PublicPlanItemSchema = z
  .object({
    id: z.number(),
    title: z.string(),
    number: z.string().nullable(),
    symbol: z.string().nullable(),
    issuedDate: IsoDay.nullable(),
    issuer: z.object({ unitId: z.number(), name: z.string() }).strict(),
    progress: z
      .object({
        year: z.number().int().openapi({ description: 'Năm báo cáo được tính (mặc định: năm của kỳ hiện tại)' }),
        asOf: IsoDay,
        tasks: z.number().int(),
        units: z.number().int().openapi({ description: 'Phần việc (nhiệm vụ × đơn vị được giao)' }),
        unitsDone: z.number().int().openapi({ description: 'Phần việc đã hoàn thành trong năm' }),
        share: z.number().openapi({ description: 'Tỷ lệ phần trăm, một chữ số thập phân' }),
      })
      .strict(),
  })
  .strict()
  .openapi('PublicPlanItem');

export const PublicPlanListSchema = z
  .object({
    total: z.number().int(),
    items: z.array(PublicPlanItemSchema),
    issuers: z.array(z.object({ unitId: z.number(), name: z.string(), plans: z.number().int() }).strict()),
  })
  .strict()
  .openapi('PublicPlanList');

export type PublicPlanListQuery = z.input<typeof PublicPlanListQuerySchema>;
export type PublicPlanItem = z.infer<typeof PublicPlanItemSchema>;
export type PublicPlanList = z.infer<typeof PublicPlanListSchema>;
