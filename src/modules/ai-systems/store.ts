// Every query of the AI-systems module: products, uses, impact assessments, incidents, the public register and the
// rows coverage is computed from. Unit names and paths are joined from the register (read only).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Tx } from '../context.ts';
import type { RiskLevel } from '../../domain/ai-systems/model.ts';

type Q = Kysely<DB> | Tx;

// ---------------------------------------------------------------- products

const productColumns = [
  'p.id',
  'p.name',
  'p.provider',
  'p.provider_contact',
  'p.version',
  'p.function',
  'p.model_type',
  'p.training_data',
  'p.provider_level',
  'p.ai_system_id',
  'p.template',
] as const;

export async function listProducts(db: Q, opts: { q?: string; limit: number }) {
  let q = db.selectFrom('ai_product as p').select([
    ...productColumns,
    (eb) =>
      eb
        .selectFrom('ai_use as u')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('u.product_id', '=', 'p.id')
        .as('uses'),
  ]);
  if (opts.q) {
    const like = `%${opts.q.toLowerCase()}%`;
    q = q.where(
      sql<boolean>`(f_unaccent(lower(p.name)) LIKE f_unaccent(${like}) OR f_unaccent(lower(p.provider)) LIKE f_unaccent(${like}))`,
    );
  }
  return q.orderBy('p.name').orderBy('p.id').limit(opts.limit).execute();
}

export async function getProduct(db: Q, id: number) {
  return db.selectFrom('ai_product as p').select(productColumns).where('p.id', '=', id).executeTakeFirst();
}

export async function findProduct(db: Q, name: string, provider: string, version: string) {
  return db
    .selectFrom('ai_product')
    .select('id')
    .where(sql<boolean>`lower(name) = lower(${name}) AND lower(provider) = lower(${provider}) AND version = ${version}`)
    .executeTakeFirst();
}

export interface NewProduct {
  name: string;
  provider: string;
  providerContact: string;
  version: string;
  function: string;
  modelType: string;
  trainingData: string;
  providerLevel: 'high' | 'medium' | 'low' | null;
  aiSystemId: string | null;
  template: Record<string, unknown>;
}

export async function insertProduct(tx: Tx, p: NewProduct, userId: number): Promise<number> {
  const row = await tx
    .insertInto('ai_product')
    .values({
      name: p.name,
      provider: p.provider,
      provider_contact: p.providerContact,
      version: p.version,
      function: p.function,
      model_type: p.modelType,
      training_data: p.trainingData,
      provider_level: p.providerLevel,
      ai_system_id: p.aiSystemId,
      template: JSON.stringify(p.template),
      created_by: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

// ---------------------------------------------------------------- uses

function useQuery(db: Q) {
  return db
    .selectFrom('ai_use as u')
    .innerJoin('ai_product as p', 'p.id', 'u.product_id')
    .innerJoin('unit as n', 'n.id', 'u.unit_id')
    .selectAll('u')
    .select([
      'p.name as product_name',
      'p.provider as product_provider',
      'p.provider_contact as product_provider_contact',
      'p.version as product_version',
      'p.function as product_function',
      'p.model_type as product_model_type',
      'p.training_data as product_training_data',
      'p.provider_level as product_provider_level',
      'p.ai_system_id as product_ai_system_id',
      'n.name as unit_name',
      'n.path as unit_path',
      (eb) =>
        eb
          .selectFrom('ai_impact_assessment as a')
          .select((e) => e.fn.max('a.version').as('v'))
          .whereRef('a.use_id', '=', 'u.id')
          .where('a.status', 'in', ['approved', 'published'])
          .as('approved_version'),
      (eb) =>
        eb
          .selectFrom('ai_impact_assessment as a')
          .select((e) => e.fn.max('a.version').as('v'))
          .whereRef('a.use_id', '=', 'u.id')
          .where('a.status', '=', 'published')
          .as('published_version'),
    ]);
}

export type UseRow = NonNullable<Awaited<ReturnType<typeof getUse>>>;

export async function getUse(db: Q, id: number) {
  return useQuery(db).where('u.id', '=', id).executeTakeFirst();
}

export interface UseFilter {
  roots: number[] | 'all';
  unitId?: number;
  status?: string;
  level?: string;
  q?: string;
  limit: number;
  offset: number;
}

export async function listUses(db: Q, f: UseFilter): Promise<{ total: number; rows: UseRow[] }> {
  if (f.roots !== 'all' && f.roots.length === 0) return { total: 0, rows: [] };
  let q = useQuery(db);
  if (f.roots !== 'all') q = q.where(sql<boolean>`n.path && ${sql.val(f.roots)}::integer[]`);
  if (f.unitId) q = q.where(sql<boolean>`n.path @> ARRAY[${f.unitId}]::integer[]`);
  if (f.status) q = q.where('u.status', '=', f.status as never);
  if (f.level) q = q.where('u.level', '=', f.level as never);
  if (f.q) {
    const like = `%${f.q.toLowerCase()}%`;
    q = q.where(
      sql<boolean>`(f_unaccent(lower(p.name)) LIKE f_unaccent(${like}) OR f_unaccent(lower(u.purpose)) LIKE f_unaccent(${like}) OR f_unaccent(lower(n.name)) LIKE f_unaccent(${like}))`,
    );
  }
  const total = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q
    .orderBy('u.updated_at', 'desc')
    .orderBy('u.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { total: Number(total.n), rows };
}

export type UseValues = Omit<DB['ai_use'], 'id' | 'uuid' | 'created_at' | 'updated_at'>;

export async function insertUse(
  tx: Tx,
  v: Partial<{ [K in keyof DB['ai_use']]: unknown }> & { product_id: number; unit_id: number; purpose: string },
): Promise<number> {
  const row = await tx
    .insertInto('ai_use')
    .values(v as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUse(tx: Tx, id: number, patch: Record<string, unknown>): Promise<void> {
  await tx
    .updateTable('ai_use')
    .set({ ...patch, updated_at: sql<Date>`now()` } as never)
    .where('id', '=', id)
    .execute();
}

/** Serialises changes to one use (classification, assessment, status) across concurrent requests. */
export async function lockUse(tx: Tx, id: number): Promise<void> {
  await tx.selectFrom('ai_use').select('id').where('id', '=', id).forUpdate().execute();
}

// ---------------------------------------------------------------- impact assessments

const assessmentColumns = [
  'id',
  'use_id',
  'version',
  'status',
  'content',
  'approver_name',
  'approved_at',
  'published_at',
  'updated_at',
] as const;

export async function listAssessments(db: Q, useId: number) {
  return db
    .selectFrom('ai_impact_assessment')
    .select(assessmentColumns)
    .where('use_id', '=', useId)
    .orderBy('version', 'desc')
    .execute();
}

export type AssessmentRow = Awaited<ReturnType<typeof listAssessments>>[number];

export async function getAssessmentVersion(db: Q, useId: number, version: number) {
  return db
    .selectFrom('ai_impact_assessment')
    .select(assessmentColumns)
    .where('use_id', '=', useId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function insertAssessment(
  tx: Tx,
  useId: number,
  version: number,
  content: Record<string, string>,
  userId: number,
): Promise<number> {
  const row = await tx
    .insertInto('ai_impact_assessment')
    .values({ use_id: useId, version, content: JSON.stringify(content), created_by: userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateAssessment(
  tx: Tx,
  id: number,
  patch: {
    content?: Record<string, string>;
    status?: 'approved' | 'published';
    approvedBy?: number;
    approverName?: string;
    approved?: boolean;
    published?: boolean;
  },
): Promise<void> {
  await tx
    .updateTable('ai_impact_assessment')
    .set({
      ...(patch.content ? { content: JSON.stringify(patch.content) } : {}),
      ...(patch.status ? { status: patch.status } : {}),
      ...(patch.approved
        ? {
            approved_by: patch.approvedBy ?? null,
            approver_name: patch.approverName ?? null,
            approved_at: sql<Date>`now()`,
          }
        : {}),
      ...(patch.published ? { published_at: sql<Date>`now()` } : {}),
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .execute();
}

// ---------------------------------------------------------------- incidents

const incidentColumns = [
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

/** Leaders and officers of units, with an e-mail address (the incident mail goes to them). */
export async function staffEmails(db: Q, unitIds: number[]): Promise<string[]> {
  if (!unitIds.length) return [];
  const rows = await db
    .selectFrom('app_user')
    .select('email')
    .where('unit_id', 'in', unitIds)
    .where('is_active', '=', true)
    .where(sql<boolean>`roles && ARRAY['leader','officer']::text[]`)
    .where('email', 'is not', null)
    .execute();
  return rows.map((r) => r.email!).filter(Boolean);
}

/** Units that follow a unit: those whose focal_for_id is on its path (Sở KH&CN for the province, Phòng VH-XH for a ward). */
export async function focalUnitsOver(db: Q, path: readonly number[]): Promise<Array<{ id: number; name: string }>> {
  if (!path.length) return [];
  return db
    .selectFrom('unit')
    .select(['id', 'name'])
    .where('focal_for_id', 'in', [...path])
    .where('status', '=', 'active')
    .execute();
}

// ---------------------------------------------------------------- public register and coverage

export interface PublishedFilter {
  /** q: words matched without accents (name, provider, unit, summary); unitId: that unit and the units under it. */
  q?: string;
  unitId?: number;
  level?: RiskLevel | 'unclassified';
  limit?: number;
  offset?: number;
}

function publishedWhere<T extends ReturnType<typeof useQuery>>(qb: T, f: PublishedFilter): T {
  let q = qb.where('u.published_at', 'is not', null).where('u.status', '<>', 'retired') as T;
  if (f.unitId) q = q.where(sql<boolean>`n.path @> ARRAY[${f.unitId}]::int[]`) as T;
  if (f.level === 'unclassified') q = q.where('u.level', 'is', null) as T;
  else if (f.level) q = q.where('u.level', '=', f.level) as T;
  // Hundreds of uses at most: folded text compared row by row is enough.
  for (const word of (f.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
    const like = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(
      sql<boolean>`f_unaccent(lower(p.name || ' ' || p.provider || ' ' || n.name || ' ' || u.public_summary)) LIKE f_unaccent(${like})`,
    ) as T;
  }
  return q;
}

/** Published uses, by unit then name; the filter's page of them and how many match. */
export async function listPublishedUses(db: Q, f: PublishedFilter = {}) {
  const matching = publishedWhere(useQuery(db), f);
  const rows = await matching
    .orderBy('n.name')
    .orderBy('p.name')
    .orderBy('u.id')
    .$if(f.limit !== undefined, (q) => q.limit(f.limit as number).offset(f.offset ?? 0))
    .execute();
  if (f.limit === undefined) return { total: rows.length, rows };
  const total = await publishedWhere(useQuery(db), f)
    .clearSelect()
    .select((e) => e.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return { total: Number(total.n), rows };
}

export const getPublishedUse = (db: Q, id: number) =>
  publishedWhere(useQuery(db), {}).where('u.id', '=', id).executeTakeFirst();

/** The published version of a published use's assessment (for the public DOCX). */
export async function getPublishedAssessment(db: Q, useId: number) {
  return db
    .selectFrom('ai_impact_assessment')
    .select(assessmentColumns)
    .where('use_id', '=', useId)
    .where('status', '=', 'published')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Every use under a unit, with what coverage counts: its unit's path, status, classification, assessment, open incidents. */
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

/** The full name of an account (the approving leader's, printed under the signature). */
export async function userFullName(db: Q, userId: number): Promise<string | null> {
  const row = await db.selectFrom('app_user').select('full_name').where('id', '=', userId).executeTakeFirst();
  return row?.full_name ?? null;
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
