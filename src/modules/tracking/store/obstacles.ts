// Queries on obstacles (difficulties and proposals) raised on assignments, and the receiving units' answers.
// No permission logic here: that is the use cases' job.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { ObstacleKind } from '../../../domain/tracking/model.ts';
import type { Tx } from '../../context.ts';

type Q = Kysely<DB> | Tx;

export interface ObstacleRow {
  id: number;
  kind: 'difficulty' | 'proposal';
  content: string;
  status: 'open' | 'answered' | 'closed';
  answer: string | null;
  answered_at: Date | null;
  answered_by_name: string | null;
  raised_on: string;
  raised_by_name: string | null;
  created_at: Date;
  unit_id: number;
  unit_name: string;
  unit_path: number[];
  to_unit_id: number;
  to_unit_name: string;
  to_unit_path: number[];
  assignment_id: number | null;
  task_id: number | null;
  task_number: string | null;
  task_title: string | null;
  plan_id: number | null;
  plan_title: string | null;
  plan_number: string | null;
  plan_symbol: string | null;
}

function obstacleQuery(db: Q) {
  return db
    .selectFrom('obstacle as o')
    .innerJoin('unit as u', 'u.id', 'o.unit_id')
    .innerJoin('unit as tu', 'tu.id', 'o.to_unit_id')
    .leftJoin('plan_task as t', 't.id', 'o.task_id')
    .leftJoin('plan as p', 'p.id', 't.plan_id')
    .leftJoin('app_user as rb', 'rb.id', 'o.raised_by')
    .leftJoin('app_user as ab', 'ab.id', 'o.answered_by')
    .select([
      'o.id',
      'o.kind',
      'o.content',
      'o.status',
      'o.answer',
      'o.answered_at',
      'ab.full_name as answered_by_name',
      'o.raised_on',
      'rb.full_name as raised_by_name',
      'o.created_at',
      'u.id as unit_id',
      'u.name as unit_name',
      'u.path as unit_path',
      'tu.id as to_unit_id',
      'tu.name as to_unit_name',
      'tu.path as to_unit_path',
      'o.assignment_id',
      't.id as task_id',
      't.number as task_number',
      't.title as task_title',
      'p.id as plan_id',
      'p.title as plan_title',
      'p.number as plan_number',
      'p.symbol as plan_symbol',
    ]);
}

export async function getObstacle(db: Q, id: number): Promise<ObstacleRow | undefined> {
  return obstacleQuery(db).where('o.id', '=', id).executeTakeFirst() as Promise<ObstacleRow | undefined>;
}

export async function obstaclesOfAssignment(db: Q, assignmentId: number): Promise<ObstacleRow[]> {
  return obstacleQuery(db).where('o.assignment_id', '=', assignmentId).orderBy('o.id').execute() as Promise<
    ObstacleRow[]
  >;
}

export interface ObstacleFilter {
  /** Received by one of these units ('all': every obstacle). */
  toUnitIds?: number[] | 'all';
  /** Raised by a unit in one of these subtrees ('all': every obstacle). */
  fromRoots?: number[] | 'all';
  status?: 'open' | 'answered' | 'closed';
  /** Raised by this unit or below it. */
  unitId?: number;
  /** About a task of this plan or of a plan implementing it. */
  planId?: number;
  kind?: ObstacleKind;
  /** Words of the content, matched without accents. */
  q?: string;
  limit: number;
  offset: number;
}

/** The filter as conditions on `o` (obstacle), `u` (raising unit), `t` (task) and `p` (its plan). */
function conditions(f: ObstacleFilter) {
  const out = [];
  if (f.toUnitIds !== undefined && f.toUnitIds !== 'all')
    out.push(sql<boolean>`o.to_unit_id = ANY(${sql.val(f.toUnitIds)}::integer[])`);
  if (f.fromRoots !== undefined && f.fromRoots !== 'all')
    out.push(sql<boolean>`u.path && ${sql.val(f.fromRoots)}::integer[]`);
  if (f.status) out.push(sql<boolean>`o.status = ${f.status}`);
  if (f.unitId) out.push(sql<boolean>`u.path @> ARRAY[${f.unitId}]::integer[]`);
  if (f.planId) out.push(sql<boolean>`(p.id = ${f.planId} OR p.parent_plan_id = ${f.planId})`);
  if (f.kind) out.push(sql<boolean>`o.kind = ${f.kind}`);
  for (const word of (f.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
    const like = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    out.push(sql<boolean>`f_unaccent(lower(o.content)) LIKE f_unaccent(${like})`);
  }
  return out;
}

export async function listObstacles(db: Q, f: ObstacleFilter): Promise<{ rows: ObstacleRow[]; total: number }> {
  if (Array.isArray(f.toUnitIds) && !f.toUnitIds.length) return { rows: [], total: 0 };
  if (Array.isArray(f.fromRoots) && !f.fromRoots.length) return { rows: [], total: 0 };
  const where = conditions(f);
  let q = obstacleQuery(db);
  let c = db
    .selectFrom('obstacle as o')
    .innerJoin('unit as u', 'u.id', 'o.unit_id')
    .leftJoin('plan_task as t', 't.id', 'o.task_id')
    .leftJoin('plan as p', 'p.id', 't.plan_id')
    .select((eb) => eb.fn.countAll<number>().as('n'));
  for (const cond of where) {
    q = q.where(cond);
    c = c.where(cond);
  }
  const [rows, total] = await Promise.all([
    q.orderBy('o.created_at', 'desc').orderBy('o.id', 'desc').limit(f.limit).offset(f.offset).execute() as Promise<
      ObstacleRow[]
    >,
    c.executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function insertObstacle(
  tx: Tx,
  o: {
    unitId: number;
    toUnitId: number;
    assignmentId: number;
    taskId: number;
    kind: ObstacleKind;
    content: string;
    raisedBy: number;
    raisedOn: string;
  },
): Promise<number> {
  const row = await tx
    .insertInto('obstacle')
    .values({
      unit_id: o.unitId,
      to_unit_id: o.toUnitId,
      assignment_id: o.assignmentId,
      task_id: o.taskId,
      kind: o.kind,
      content: o.content,
      raised_by: o.raisedBy,
      raised_on: o.raisedOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The receiving unit's answer (a new answer replaces the previous one). */
export async function setObstacleAnswer(tx: Tx, id: number, answer: string, answeredBy: number): Promise<void> {
  await tx
    .updateTable('obstacle')
    .set({ answer, status: 'answered', answered_by: answeredBy, answered_at: new Date() })
    .where('id', '=', id)
    .execute();
}
