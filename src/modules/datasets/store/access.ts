// SQL of access to a dataset's files: requests (an approved one is a grant with an expiry) and the append-only
// access log.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { Tx } from '../../context.ts';

type Q = Kysely<DB> | Tx;

function requestQuery(db: Q) {
  return db
    .selectFrom('dataset_access_request as a')
    .innerJoin('dataset as d', 'd.id', 'a.dataset_id')
    .leftJoin('app_user as u', 'u.id', 'a.requester_id')
    .leftJoin('unit as n', 'n.id', 'a.requester_unit_id')
    .leftJoin('data_organisation as o', 'o.id', 'a.organisation_id')
    .leftJoin('app_user as du', 'du.id', 'a.decided_by')
    .selectAll('a')
    .select(['d.title as dataset_title', 'u.full_name as requester_name', 'n.name as requester_unit_name'])
    .select([
      'o.name as org_name',
      'o.tax_code as org_tax_code',
      'o.kind as org_kind',
      'o.status as org_status',
      'o.contact_name as org_contact_name',
      'o.contact_email as org_contact_email',
      'o.contact_phone as org_contact_phone',
    ])
    .select('du.full_name as decided_by_name');
}
export type AccessRequestRow = Awaited<ReturnType<typeof listRequests>>[number];

export async function listRequests(db: Q, datasetId: number) {
  return requestQuery(db)
    .where('a.dataset_id', '=', datasetId)
    .orderBy(sql`a.status = 'pending'`, 'desc')
    .orderBy('a.created_at', 'desc')
    .limit(500)
    .execute();
}

export async function getRequest(db: Q, datasetId: number, requestId: number) {
  return requestQuery(db).where('a.dataset_id', '=', datasetId).where('a.id', '=', requestId).executeTakeFirst();
}

/** The caller's newest request for a dataset (its state shows on the dataset's page). */
export async function latestRequestOf(db: Q, datasetId: number, userId: number) {
  return db
    .selectFrom('dataset_access_request')
    .select(['id', 'status', 'expires_at', 'revoked_at'])
    .where('dataset_id', '=', datasetId)
    .where('requester_id', '=', userId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** Who holds a grant: a signed-in user, or an organisation account. */
export type Grantee = { userId: number } | { organisationId: number };

/** A grant of this person or organisation on this dataset that has not expired nor been revoked. */
export async function validGrant(db: Q, datasetId: number, who: Grantee) {
  return db
    .selectFrom('dataset_access_request')
    .select(['id', 'status', 'expires_at', 'revoked_at'])
    .where('dataset_id', '=', datasetId)
    .where((e) =>
      'userId' in who ? e('requester_id', '=', who.userId) : e('organisation_id', '=', who.organisationId),
    )
    .where('status', '=', 'approved')
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .orderBy('expires_at', 'desc')
    .executeTakeFirst();
}

export async function countPending(db: Q, datasetId: number): Promise<number> {
  const row = await db
    .selectFrom('dataset_access_request')
    .select((e) => e.fn.countAll<string>().as('n'))
    .where('dataset_id', '=', datasetId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertRequest(
  tx: Tx,
  r: {
    datasetId: number;
    userId: number | null;
    unitId: number | null;
    organisationId?: number;
    organisation: string;
    purpose: string;
    intendedUse: string;
    durationDays: number;
  },
): Promise<number> {
  const row = await tx
    .insertInto('dataset_access_request')
    .values({
      dataset_id: r.datasetId,
      requester_id: r.userId,
      requester_unit_id: r.unitId,
      organisation_id: r.organisationId ?? null,
      organisation: r.organisation,
      purpose: r.purpose,
      intended_use: r.intendedUse,
      duration_days: r.durationDays,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function decideRequest(
  tx: Tx,
  id: number,
  d: { status: 'approved' | 'refused'; userId: number; reason: string; days: number | null },
): Promise<void> {
  await tx
    .updateTable('dataset_access_request')
    .set({
      status: d.status,
      decided_by: d.userId,
      decided_at: sql`now()`,
      decision_reason: d.reason || null,
      expires_at: d.days === null ? null : sql`now() + make_interval(days => ${d.days})`,
    } as never)
    .where('id', '=', id)
    .execute();
}

export async function revokeGrant(tx: Tx, id: number, userId: number, reason: string): Promise<void> {
  await tx
    .updateTable('dataset_access_request')
    .set({ revoked_at: sql`now()`, revoked_by: userId, decision_reason: reason } as never)
    .where('id', '=', id)
    .execute();
}

export async function logAccess(
  db: Q,
  e: {
    datasetId: number;
    resourceId: number;
    versionId: number;
    version: number;
    userId: number | null;
    organisationId?: number | null;
    ip: string | null;
    grantId: number | null;
    channel: 'download' | 'api';
  },
): Promise<void> {
  await db
    .insertInto('dataset_access_log')
    .values({
      dataset_id: e.datasetId,
      resource_id: e.resourceId,
      version_id: e.versionId,
      version: e.version,
      user_id: e.userId,
      organisation_id: e.organisationId ?? null,
      ip: e.ip,
      grant_id: e.grantId,
      channel: e.channel,
    })
    .execute();
}

export async function listAccessLog(db: Q, datasetId: number, limit: number, offset: number) {
  const base = db.selectFrom('dataset_access_log as l').where('l.dataset_id', '=', datasetId);
  const total = await base.select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .innerJoin('dataset_resource as r', 'r.id', 'l.resource_id')
    .leftJoin('app_user as u', 'u.id', 'l.user_id')
    .leftJoin('unit as n', 'n.id', 'u.unit_id')
    .leftJoin('data_organisation as o', 'o.id', 'l.organisation_id')
    .select([
      'l.organisation_id',
      'o.name as organisation_name',
      'l.at',
      'l.resource_id',
      'r.title as resource_title',
      'l.version',
      'l.user_id',
      'u.full_name',
      'n.name as unit_name',
      'l.ip',
      'l.grant_id',
      'l.channel',
    ])
    .orderBy('l.at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return { total: Number(total.n), rows };
}

/** An organisation's requests, newest first, with their datasets' titles (what it reads about itself). */
export async function requestsOfOrganisation(db: Q, organisationId: number) {
  return db
    .selectFrom('dataset_access_request as a')
    .innerJoin('dataset as d', 'd.id', 'a.dataset_id')
    .select([
      'a.id',
      'a.dataset_id',
      'd.title as dataset_title',
      'a.status',
      'a.duration_days',
      'a.decision_reason',
      'a.expires_at',
      'a.revoked_at',
      'a.created_at',
    ])
    .where('a.organisation_id', '=', organisationId)
    .orderBy('a.id', 'desc')
    .limit(200)
    .execute();
}
