// The rows coverage is computed from: a unit's uses grouped by what coverage counts of them.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { Tx } from '../../context.ts';

type Q = Kysely<DB> | Tx;

/**
 * The uses under the root that are not retired, grouped by what coverage counts of them: the unit directly under the
 * root they fall in, their state's inputs, and the sums of their open incidents (one grouped join, not a count per
 * row). A national view of 5,000 uses is a few hundred rows.
 */
export async function listCoverageUses(db: Q, rootId: number) {
  const { rows } = await sql<{
    uses: number;
    status: 'planned' | 'piloting' | 'inUse' | 'retired';
    level: 'high' | 'medium' | 'low' | null;
    assessment_required: boolean | null;
    assessment_due: boolean;
    covered_unit_id: number | null;
    approved: boolean;
    open_incidents: number | null;
    open_serious: number | null;
    late_incidents: number | null;
  }>`
    SELECT count(*)::int AS uses, u.status, u.level, u.assessment_required, u.assessment_due,
      n.path[array_position(n.path, ${rootId}) + 1] AS covered_unit_id,
      EXISTS (SELECT 1 FROM ai_impact_assessment a WHERE a.use_id = u.id AND a.status IN ('approved', 'published')) AS approved,
      sum(i.open_incidents)::int AS open_incidents, sum(i.open_serious)::int AS open_serious,
      sum(i.late_incidents)::int AS late_incidents
    FROM ai_use u
    JOIN unit n ON n.id = u.unit_id
    LEFT JOIN (
      SELECT use_id, count(*)::int AS open_incidents,
        count(*) FILTER (WHERE severity = 'serious')::int AS open_serious,
        -- Past its last deadline (the official report) and still open: late.
        count(*) FILTER (WHERE severity = 'serious' AND (deadlines->-1->>'dueAt')::timestamptz < now())::int AS late_incidents
      FROM ai_incident WHERE status = 'open' GROUP BY use_id
    ) i ON i.use_id = u.id
    WHERE n.path @> ARRAY[${rootId}]::integer[] AND u.status <> 'retired'
    GROUP BY 2, 3, 4, 5, 6, 7`.execute(db);
  return rows;
}
