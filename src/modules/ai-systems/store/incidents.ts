// Incidents of a use and the open serious ones a reader's units must act on.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { Tx } from '../../context.ts';

type Q = Kysely<DB> | Tx;

export const incidentColumns = [
  'i.id',
  'i.use_id',
  'i.unit_id',
  'i.occurred_at',
  'i.detected_at',
  'i.severity',
  'i.description',
  'i.affected',
  'i.consequences',
  'i.status',
  'i.deadlines',
  'i.created_at',
] as const;

export async function listIncidents(db: Q, useId: number) {
  return db
    .selectFrom('ai_incident as i')
    .select(incidentColumns)
    .where('i.use_id', '=', useId)
    .orderBy('i.detected_at', 'desc')
    .execute();
}

export type IncidentRow = Awaited<ReturnType<typeof listIncidents>>[number];

export async function getIncident(db: Q, id: number) {
  return db
    .selectFrom('ai_incident as i')
    .innerJoin('unit as n', 'n.id', 'i.unit_id')
    .select([...incidentColumns, 'n.path as unit_path'])
    .where('i.id', '=', id)
    .executeTakeFirst();
}

export async function insertIncident(
  tx: Tx,
  v: {
    useId: number;
    unitId: number;
    occurredAt: Date;
    detectedAt: Date;
    severity: 'serious' | 'other';
    description: string;
    affected: string;
    consequences: string[];
    deadlines: unknown[];
    userId: number;
  },
): Promise<number> {
  const row = await tx
    .insertInto('ai_incident')
    .values({
      use_id: v.useId,
      unit_id: v.unitId,
      occurred_at: v.occurredAt,
      detected_at: v.detectedAt,
      severity: v.severity,
      description: v.description,
      affected: v.affected,
      consequences: v.consequences,
      deadlines: JSON.stringify(v.deadlines),
      reported_by: v.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function closeIncident(tx: Tx, id: number): Promise<void> {
  await tx
    .updateTable('ai_incident')
    .set({ status: 'closed', closed_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

/** Open serious incidents of units under `roots` (or everywhere), with the operating unit's path and name. */
export async function openSeriousIncidents(db: Q, roots: number[] | 'all') {
  let q = db
    .selectFrom('ai_incident as i')
    .innerJoin('unit as n', 'n.id', 'i.unit_id')
    .innerJoin('ai_use as u', 'u.id', 'i.use_id')
    .innerJoin('ai_product as p', 'p.id', 'u.product_id')
    .select([...incidentColumns, 'n.path as unit_path', 'n.name as unit_name', 'p.name as product_name'])
    .where('i.status', '=', 'open')
    .where('i.severity', '=', 'serious')
    .orderBy('i.detected_at')
    .limit(200);
  if (roots !== 'all') {
    if (!roots.length) return [];
    q = q.where(sql<boolean>`n.path && ${sql.val(roots)}::integer[]`);
  }
  return q.execute();
}
