// Queries of reporting regimes: the regimes themselves, the plans they follow and who is expected to report.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { UnitKind } from '../../../domain/org/unit.ts';
import type { ReportingSchedule } from '../../../domain/reporting/period.ts';
import type { IndicatorDef } from '../../../domain/reporting/model.ts';
import { compareVi } from '../../../domain/text.ts';
import type { Tx } from '../../context.ts';
import type { UnitRow } from '../../org/index.ts';

type Q = Kysely<DB> | Tx;

/** The timing of a regime: a ReportingSchedule, plus when reminders go out and, for ad hoc requests, the window. */
export interface ReportingRegimeSchedule extends ReportingSchedule {
  /** Days before the due date on which units that have not sent are reminded (default 7, 3, 1). */
  reminderDays?: number[];
  /** Ad hoc requests: the data window asked for. */
  window?: { from: string; to: string };
}

/**
 * Who reports under a regime, within the scope unit's subtree (the province for Sở KH&CN, the ward for its
 * Phòng Văn hóa - Xã hội): units of some kinds, units named, and units of some kinds that have assignments in the
 * regime's plan. The receiving unit itself never reports to itself.
 */
export interface SubmitterRule {
  scopeUnitId: number;
  kinds?: UnitKind[];
  unitIds?: number[];
  planAssigneeKinds?: UnitKind[];
  excludeUnitIds?: number[];
}

export interface ReportingRegime {
  id: number;
  code: string;
  ownerUnitId: number;
  planId: number | null;
  kind: 'periodic' | 'adHoc' | 'thematic';
  name: string;
  content: string;
  schedule: ReportingRegimeSchedule;
  submitters: SubmitterRule;
  /** Kính gửi of the compiled report: "Ủy ban nhân dân tỉnh", "Bộ Khoa học và Công nghệ". */
  recipients: string[];
  outline: string[];
  indicators: IndicatorDef[];
  adHocDue: string | null;
  active: boolean;
  createdAt: Date;
}

const REGIME_COLUMNS = [
  'id',
  'code',
  'owner_unit_id',
  'plan_id',
  'kind',
  'name',
  'content',
  'schedule',
  'submitters',
  'recipients',
  'outline',
  'indicators',
  'ad_hoc_due',
  'active',
  'created_at',
] as const;

export const splitRecipients = (s: string) =>
  s
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);

/** A regime from its row, or from the row as JSON (json_agg in an aggregate query). */
export function toRegime(r: Record<(typeof REGIME_COLUMNS)[number], unknown>): ReportingRegime {
  return {
    id: r.id as number,
    code: r.code as string,
    ownerUnitId: r.owner_unit_id as number,
    planId: r.plan_id as number | null,
    kind: r.kind as ReportingRegime['kind'],
    name: r.name as string,
    content: r.content as string,
    schedule: r.schedule as ReportingRegimeSchedule,
    submitters: r.submitters as SubmitterRule,
    recipients: splitRecipients(r.recipients as string),
    outline: (r.outline as string[]) ?? [],
    indicators: (r.indicators as IndicatorDef[]) ?? [],
    adHocDue: r.ad_hoc_due as string | null,
    active: r.active as boolean,
    createdAt: r.created_at instanceof Date ? r.created_at : new Date(r.created_at as string),
  };
}

export async function getRegime(db: Q, id: number): Promise<ReportingRegime | undefined> {
  const r = await db.selectFrom('reporting_regime').select(REGIME_COLUMNS).where('id', '=', id).executeTakeFirst();
  return r ? toRegime(r) : undefined;
}

/** Regimes visible from some units: owned inside their subtrees, or whose scope contains one of them. */
export async function listRegimes(
  db: Q,
  f: { roots: number[] | 'all'; actorPath: number[]; planId?: number; kind?: string; limit: number; offset: number },
) {
  let q = db
    .selectFrom('reporting_regime as r')
    .innerJoin('unit as o', 'o.id', 'r.owner_unit_id')
    .select(REGIME_COLUMNS.map((c) => `r.${c}` as const))
    .select(['o.name as owner_name'])
    .where('r.active', '=', true)
    .orderBy('r.id', 'desc')
    .limit(f.limit)
    .offset(f.offset);
  if (f.roots !== 'all') {
    const roots = f.roots;
    const path = f.actorPath.length ? f.actorPath : [-1];
    q = q.where((eb) =>
      eb.or([
        ...(roots.length ? [eb(sql<boolean>`o.path && ${sql.val(roots)}::integer[]`, '=', true)] : []),
        eb(sql<boolean>`(r.submitters->>'scopeUnitId')::integer = ANY(${sql.val(path)}::integer[])`, '=', true),
      ]),
    );
  }
  if (f.planId) q = q.where('r.plan_id', '=', f.planId);
  if (f.kind) q = q.where('r.kind', '=', f.kind as ReportingRegime['kind']);
  const rows = await q.execute();
  return rows.map((r) => ({ ...toRegime(r), ownerName: r.owner_name }));
}

/** A plan and the plans it amended, newest first: assignments of any of them count for the plan's regime. */
export async function planLineage(db: Q, planId: number): Promise<number[]> {
  const r = await sql<{ id: number }>`WITH RECURSIVE l(id, amends, depth) AS (
      SELECT id, amends_plan_id, 0 FROM plan WHERE id = ${planId}
      UNION ALL SELECT p.id, p.amends_plan_id, l.depth + 1 FROM plan p JOIN l ON p.id = l.amends WHERE l.depth < 20)
    SELECT id FROM l ORDER BY depth`.execute(db);
  const ids = [...new Set(r.rows.map((x) => x.id))];
  return ids.length ? ids : [planId];
}

export type SubmitterRow = Pick<UnitRow, 'id' | 'parent_id' | 'path' | 'kind' | 'code' | 'name' | 'short_name'>;

const KIND_ORDER: Record<string, number> = { agency: 0, ward: 1, commune: 2, office: 3 };

/** The units expected to report under a regime, in a stable order (agencies, wards, communes, offices; by name). */
export async function resolveSubmitters(db: Q, rule: SubmitterRule, lineage: number[]): Promise<SubmitterRow[]> {
  const kinds = rule.kinds ?? [];
  const ids = (rule.unitIds ?? []).filter((n) => Number.isInteger(n));
  const assigneeKinds = lineage.length ? (rule.planAssigneeKinds ?? []) : [];
  const exclude = rule.excludeUnitIds ?? [];
  if (!kinds.length && !ids.length && !assigneeKinds.length) return [];
  const rows = await db
    .selectFrom('unit as u')
    .select(['u.id', 'u.parent_id', 'u.path', 'u.kind', 'u.code', 'u.name', 'u.short_name'])
    .where('u.status', '=', 'active')
    .where(sql<boolean>`u.path @> ARRAY[${rule.scopeUnitId}]::integer[]`)
    .where(sql<boolean>`NOT (u.id = ANY(${sql.val(exclude)}::integer[]))`)
    .where((eb) =>
      eb.or([
        eb(sql<boolean>`u.kind = ANY(${sql.val(kinds)}::text[])`, '=', true),
        eb(sql<boolean>`u.id = ANY(${sql.val(ids)}::integer[])`, '=', true),
        eb(
          sql<boolean>`(u.kind = ANY(${sql.val(assigneeKinds)}::text[]) AND EXISTS (SELECT 1 FROM assignment a WHERE a.unit_id = u.id AND a.plan_id = ANY(${sql.val(lineage)}::integer[])))`,
          '=',
          true,
        ),
      ]),
    )
    .execute();
  return rows.sort((a, b) => (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) || compareVi(a.name, b.name));
}

/** The first active office doing a unit's follow-up: it owns the regimes of the unit's plans. */
export async function firstFocalUnitId(db: Q, unitId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('unit')
    .select('id')
    .where('focal_for_id', '=', unitId)
    .where('status', '=', 'active')
    .orderBy('id')
    .executeTakeFirst();
  return row?.id;
}

/** A plan as a regime names and cites it. */
export async function getPlanHeading(db: Q, planId: number) {
  return db
    .selectFrom('plan')
    .select(['id', 'unit_id', 'amends_plan_id', 'number', 'symbol', 'issued_date', 'title'])
    .where('id', '=', planId)
    .executeTakeFirst();
}

/** The tasks of a plan, in order, as the compiled report lists them. */
export async function listPlanTaskHeadings(db: Q, planId: number): Promise<Array<{ number: string; title: string }>> {
  return db
    .selectFrom('plan_task')
    .select(['number', 'title'])
    .where('plan_id', '=', planId)
    .orderBy('ordinal')
    .execute();
}

export async function getRegimeIdOfPlan(db: Q, planId: number): Promise<number | undefined> {
  const row = await db.selectFrom('reporting_regime').select('id').where('plan_id', '=', planId).executeTakeFirst();
  return row?.id;
}

/** The newest periodic regime of some plans (an amended plan's lineage). */
export async function latestPeriodicRegimeIdOf(db: Q, planIds: number[]): Promise<number | undefined> {
  const row = await db
    .selectFrom('reporting_regime')
    .select('id')
    .where('plan_id', 'in', planIds)
    .where('kind', '=', 'periodic')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.id;
}

/** An amendment takes over the regime of the plan it amends, under its own name. */
export async function moveRegimeToPlan(db: Q, regimeId: number, planId: number, name: string): Promise<void> {
  await db
    .updateTable('reporting_regime')
    .set({ plan_id: planId, name, updated_at: new Date() })
    .where('id', '=', regimeId)
    .execute();
}

export interface NewRegime {
  code: string;
  ownerUnitId: number;
  planId: number | null;
  kind: ReportingRegime['kind'];
  name: string;
  content: string;
  schedule: ReportingRegimeSchedule;
  submitters: SubmitterRule;
  /** As stored: "Ủy ban nhân dân tỉnh; Bộ Khoa học và Công nghệ". */
  recipients: string;
  outline: string[];
  indicators: IndicatorDef[];
  adHocDue?: string;
}

export async function insertRegime(db: Q, r: NewRegime): Promise<number> {
  const row = await db
    .insertInto('reporting_regime')
    .values({
      code: r.code,
      owner_unit_id: r.ownerUnitId,
      plan_id: r.planId,
      kind: r.kind,
      name: r.name,
      content: r.content,
      schedule: JSON.stringify(r.schedule),
      submitters: JSON.stringify(r.submitters),
      recipients: r.recipients,
      outline: JSON.stringify(r.outline),
      indicators: JSON.stringify(r.indicators),
      ...(r.adHocDue === undefined ? {} : { ad_hoc_due: r.adHocDue }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The active regimes, oldest first (the reminders' pass). */
export async function listActiveRegimeIds(db: Q): Promise<number[]> {
  const rows = await db.selectFrom('reporting_regime').select('id').where('active', '=', true).orderBy('id').execute();
  return rows.map((r) => r.id);
}

/**
 * The name on the account of a unit's leader, who signs its documents when the unit keeps no signers (org's document
 * settings): the active leader who approved a report of the unit most recently, else the first active leader (by id).
 */
export async function leaderNameOf(db: Q, unitId: number): Promise<string | null> {
  const approver = await db
    .selectFrom('unit_report as r')
    .innerJoin('app_user as u', 'u.id', 'r.approved_by')
    .select('u.full_name')
    .where('r.unit_id', '=', unitId)
    .where('u.is_active', '=', true)
    .where('u.unit_id', '=', unitId)
    .orderBy('r.approved_at', 'desc')
    .executeTakeFirst();
  if (approver) return approver.full_name;
  const leader = await db
    .selectFrom('app_user')
    .select('full_name')
    .where('unit_id', '=', unitId)
    .where('is_active', '=', true)
    .where(sql<boolean>`'leader' = ANY(roles)`)
    .orderBy('id')
    .executeTakeFirst();
  return leader?.full_name ?? null;
}
