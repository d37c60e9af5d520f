import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx, Tx } from '../context.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | number | null;
  unitId: number | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Written inside the same transaction as the change it records. */
export async function recordAudit(tx: Tx, ctx: Pick<Ctx, 'actor' | 'ip'>, e: AuditEntry): Promise<void> {
  // A system actor has no account nor unit: the record names it by its label ("Quản trị tại máy chủ (dòng lệnh)").
  const person = ctx.actor && !ctx.actor.system ? ctx.actor : null;
  await tx
    .insertInto('audit_log')
    .values({
      actor_user_id: person?.userId ?? null,
      actor_username: ctx.actor?.username ?? null,
      actor_unit_id: person?.unitId ?? null,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId === null ? null : String(e.entityId),
      unit_id: e.unitId,
      before: e.before ? JSON.stringify(e.before) : null,
      after: e.after ? JSON.stringify(e.after) : null,
      ip: ctx.ip,
    })
    .execute();
}

/** Many records of one write in one INSERT (a cascade creates a plan for each of hundreds of communes). */
export async function recordAudits(tx: Tx, ctx: Pick<Ctx, 'actor' | 'ip'>, entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  await tx
    .insertInto('audit_log')
    .values(
      entries.map((e) => ({
        actor_user_id: ctx.actor?.userId ?? null,
        actor_username: ctx.actor?.username ?? null,
        actor_unit_id: ctx.actor?.unitId ?? null,
        action: e.action,
        entity_type: e.entityType,
        entity_id: e.entityId === null ? null : String(e.entityId),
        unit_id: e.unitId,
        before: e.before ? JSON.stringify(e.before) : null,
        after: e.after ? JSON.stringify(e.after) : null,
        ip: ctx.ip,
      })),
    )
    .execute();
}

export interface AuditFilter {
  scopeRoots: number[] | 'all';
  action?: string;
  entityType?: string;
  entityId?: string;
  actor?: string;
  unitId?: number;
  from?: string;
  to?: string;
  limit: number;
  beforeId?: number;
}

export async function listAudit(db: Kysely<DB>, f: AuditFilter) {
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('unit as u', 'u.id', 'a.unit_id')
    .select([
      'a.id',
      'a.at',
      'a.actor_username',
      'a.actor_unit_id',
      'a.action',
      'a.entity_type',
      'a.entity_id',
      'a.unit_id',
      'u.name as unit_name',
      'a.before',
      'a.after',
      'a.ip',
    ])
    .orderBy('a.id', 'desc')
    .limit(f.limit);
  if (f.scopeRoots !== 'all') {
    const roots = f.scopeRoots;
    if (roots.length === 0) return [];
    q = q.where(sql<boolean>`u.path && ${sql.val(roots)}::integer[]`);
  }
  if (f.action) q = q.where('a.action', '=', f.action);
  if (f.entityType) q = q.where('a.entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('a.entity_id', '=', f.entityId);
  if (f.actor) q = q.where(sql<boolean>`lower(a.actor_username) = lower(${f.actor})`);
  if (f.unitId) q = q.where(sql<boolean>`u.path @> ARRAY[${f.unitId}]::integer[]`);
  if (f.from) q = q.where('a.at', '>=', new Date(`${f.from}T00:00:00+07:00`));
  if (f.to) q = q.where('a.at', '<', new Date(new Date(`${f.to}T00:00:00+07:00`).getTime() + 86_400_000));
  if (f.beforeId) q = q.where('a.id', '<', f.beforeId);
  return q.execute();
}
