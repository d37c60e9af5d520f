// Every query of the petitions module: petitions, their history and attachments, the tracking-code counter.
import { sql, type Kysely } from 'kysely';
import type { DB, PetitionTable } from '../../db/schema.ts';
import type { PetitionStatus } from '../../domain/petitions/model.ts';
import type { Tx } from '../context.ts';

type Q = Kysely<DB> | Tx;

/**
 * The next number of a year's tracking codes. Called outside the intake's transaction, like a sequence: the row is
 * locked for this statement only, so concurrent intakes do not queue behind each other's commits (a failed intake
 * leaves a gap in the numbers, as a sequence would).
 */
export async function nextPetitionNumber(db: Q, year: number): Promise<number> {
  const row = await db
    .insertInto('petition_counter')
    .values({ year, last: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet({ last: sql`petition_counter.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}

/** An earlier petition with the same content from the same contact since `since`. */
export async function findDuplicatePetition(db: Q, contactKey: string, contentKey: string, since: Date) {
  return db
    .selectFrom('petition')
    .select(['id', 'code', 'received_on', 'due_date', 'handling_unit_id'])
    .where('contact_key', '=', contactKey)
    .where('content_key', '=', contentKey)
    .where('created_at', '>=', since)
    .orderBy('id')
    .executeTakeFirst();
}

export async function insertPetition(
  tx: Tx,
  values: {
    code: string;
    kind: PetitionTable['kind'];
    subject: string;
    content: string;
    law_reference: string | null;
    receiving_unit_id: number;
    handling_unit_id: number;
    sender_name: string;
    sender_organisation: string | null;
    sender_email: string | null;
    sender_phone: string | null;
    sender_address: string | null;
    contact_key: string;
    content_key: string;
    received_on: string;
    due_date: string;
    search_folded: string;
    ai_use_id?: number | null;
    dataset_id?: number | null;
  },
): Promise<number> {
  const row = await tx
    .insertInto('petition')
    .values({ ...values, consent_at: sql`now()` })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertPetitionEvent(
  tx: Tx,
  e: {
    petitionId: number;
    kind: string;
    status: PetitionStatus;
    note?: string;
    public?: boolean;
    actorUserId?: number | null;
  },
): Promise<void> {
  await tx
    .insertInto('petition_event')
    .values({
      petition_id: e.petitionId,
      kind: e.kind,
      status: e.status,
      note: e.note ?? '',
      public: e.public ?? false,
      actor_user_id: e.actorUserId ?? null,
    })
    .execute();
}

export async function insertPetitionAttachments(
  tx: Tx,
  petitionId: number,
  files: Array<{
    filename: string;
    mime: string;
    size: number;
    sha256: string;
    content: Buffer;
  }>,
): Promise<void> {
  if (!files.length) return;
  await tx
    .insertInto('petition_attachment')
    .values(files.map((f) => ({ petition_id: petitionId, ...f })))
    .execute();
}

const PETITION_COLUMNS = [
  'p.id',
  'p.code',
  'p.kind',
  'p.status',
  'p.subject',
  'p.content',
  'p.law_reference',
  'p.receiving_unit_id',
  'p.handling_unit_id',
  'p.sender_name',
  'p.sender_organisation',
  'p.sender_email',
  'p.sender_phone',
  'p.sender_address',
  'p.received_on',
  'p.due_date',
  'p.extended',
  'p.extension_reason',
  'p.clock_stopped_on',
  'p.topic',
  'p.concerns',
  'p.article',
  'p.answer',
  'p.answer_approved_by',
  'p.answer_signer',
  'p.closed_on',
  'p.closing_reason',
  'p.published',
  'p.merged_into_id',
  'p.task_id',
  'p.ai_use_id',
  'p.dataset_id',
  'p.anonymised_at',
  'ru.path as receiving_path',
  'ru.kind as receiving_kind',
  'ru.name as receiving_name',
  'hu.path as handling_path',
  'hu.kind as handling_kind',
  'hu.name as handling_name',
] as const;

function petitions(db: Q) {
  return db
    .selectFrom('petition as p')
    .innerJoin('unit as ru', 'ru.id', 'p.receiving_unit_id')
    .innerJoin('unit as hu', 'hu.id', 'p.handling_unit_id')
    .select(PETITION_COLUMNS);
}

export type PetitionRow = NonNullable<Awaited<ReturnType<typeof getPetition>>>;

export async function getPetition(db: Q, id: number) {
  return petitions(db).where('p.id', '=', id).executeTakeFirst();
}

export async function getPetitionByCode(db: Q, code: string) {
  return petitions(db).where('p.code', '=', code).executeTakeFirst();
}

/** Row lock for the rest of the transaction: two handlers acting at once take turns. */
export async function lockPetition(tx: Tx, id: number): Promise<void> {
  await tx.selectFrom('petition').select('id').where('id', '=', id).forUpdate().execute();
}

export interface PetitionFilter {
  /** Units whose subtrees the reader sees (receiving or handling unit inside one), or everything. */
  scopeRoots: number[] | 'all';
  status?: PetitionStatus;
  statuses?: readonly PetitionStatus[];
  folded?: string;
  /** Petitions about this AI system (a unit's use) or this dataset. */
  aiUseId?: number;
  datasetId?: number;
  /** Open petitions of a deadline tier: due dates inclusive, and whether the clock is stopped. */
  due?: { from?: string; to?: string; stopped: boolean };
  limit: number;
  offset: number;
}

export async function listPetitions(db: Q, f: PetitionFilter) {
  let q = db
    .selectFrom('petition as p')
    .innerJoin('unit as ru', 'ru.id', 'p.receiving_unit_id')
    .innerJoin('unit as hu', 'hu.id', 'p.handling_unit_id');
  if (f.scopeRoots !== 'all') {
    if (!f.scopeRoots.length) return { total: 0, rows: [] };
    const roots = sql.val(f.scopeRoots);
    q = q.where(sql<boolean>`(ru.path && ${roots}::integer[] OR hu.path && ${roots}::integer[])`);
  }
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.aiUseId) q = q.where('p.ai_use_id', '=', f.aiUseId);
  if (f.datasetId) q = q.where('p.dataset_id', '=', f.datasetId);
  if (f.statuses) q = q.where('p.status', 'in', [...f.statuses]);
  if (f.due) {
    q = q
      .where('p.status', 'in', ['received', 'classified', 'inProgress', 'waitingForSender'])
      .where('p.clock_stopped_on', f.due.stopped ? 'is not' : 'is', null);
    if (f.due.from) q = q.where('p.due_date', '>=', f.due.from);
    if (f.due.to) q = q.where('p.due_date', '<=', f.due.to);
  }
  if (f.folded)
    q = q.where(sql<boolean>`(p.search_folded LIKE ${`%${f.folded}%`} OR lower(p.code) LIKE ${`%${f.folded}%`})`);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select(PETITION_COLUMNS)
    .orderBy('p.due_date')
    .orderBy('p.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { total: Number(total.n), rows };
}

export async function updatePetition(
  tx: Tx,
  id: number,
  patch: Partial<{
    status: PetitionStatus;
    handling_unit_id: number;
    topic: string | null;
    concerns: string | null;
    article: string | null;
    law_reference: string | null;
    answer: string | null;
    answer_drafted_by: number | null;
    answer_approved_by: number | null;
    answer_signer: string | null;
    due_date: string;
    extended: boolean;
    extension_reason: string | null;
    clock_stopped_on: string | null;
    closed_on: string | null;
    closing_reason: string | null;
    published: boolean;
    merged_into_id: number | null;
    task_id: number | null;
    ai_use_id: number | null;
    dataset_id: number | null;
    search_folded: string;
  }>,
): Promise<void> {
  await tx
    .updateTable('petition')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function listPetitionEvents(db: Q, petitionId: number) {
  return db
    .selectFrom('petition_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.actor_user_id')
    .select(['e.at', 'e.kind', 'e.status', 'e.note', 'e.public', 'u.full_name as actor'])
    .where('e.petition_id', '=', petitionId)
    .orderBy('e.id')
    .execute();
}

export async function listPetitionAttachments(db: Q, petitionId: number) {
  return db
    .selectFrom('petition_attachment')
    .select(['id', 'filename', 'mime', 'size'])
    .where('petition_id', '=', petitionId)
    .orderBy('id')
    .execute();
}

export async function listMergedPetitions(db: Q, petitionId: number) {
  return db
    .selectFrom('petition')
    .select(['id', 'code'])
    .where('merged_into_id', '=', petitionId)
    .orderBy('id')
    .execute();
}

export async function getPetitionCode(db: Q, id: number) {
  return db.selectFrom('petition').select(['id', 'code']).where('id', '=', id).executeTakeFirst();
}

/** The plan task a petition is linked to, as its public page names it. */
export async function getLinkedTask(db: Q, taskId: number) {
  return db
    .selectFrom('plan_task as t')
    .innerJoin('plan as pl', 'pl.id', 't.plan_id')
    .select(['t.number', 't.title', 't.plan_id', 'pl.title as plan_title', 'pl.published'])
    .where('t.id', '=', taskId)
    .executeTakeFirst();
}

export interface PublishedFilter {
  folded?: string;
  topic?: string;
  limit: number;
  offset: number;
}

export async function listPublishedPetitions(db: Q, f: PublishedFilter) {
  let q = db
    .selectFrom('petition as p')
    .innerJoin('unit as hu', 'hu.id', 'p.handling_unit_id')
    .where('p.published', '=', true)
    .where('p.status', '=', 'answered');
  if (f.folded) q = q.where('p.search_folded', 'like', `%${f.folded}%`);
  const topics = await q
    .select(['p.topic', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('p.topic')
    .execute();
  if (f.topic) q = q.where('p.topic', '=', f.topic);
  const rows = await q
    .select([
      'p.code',
      'p.kind',
      'p.subject',
      'p.topic',
      'hu.name as handling_name',
      'p.received_on',
      'p.closed_on',
      'p.answer',
    ])
    .orderBy('p.closed_on', 'desc')
    .orderBy('p.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const total = f.topic ? topics.filter((t) => t.topic === f.topic) : topics;
  return {
    total: total.reduce((a, t) => a + Number(t.n), 0),
    topics: topics.map((t) => ({ topic: t.topic, n: Number(t.n) })),
    rows,
  };
}

/** One row per petition received in a year whose receiving or handling unit is in the subtree of `rootId`. */
export async function listPetitionFigureRows(db: Q, rootId: number, year: number) {
  return db
    .selectFrom('petition as p')
    .innerJoin('unit as hu', 'hu.id', 'p.handling_unit_id')
    .innerJoin('unit as ru', 'ru.id', 'p.receiving_unit_id')
    .select(['p.handling_unit_id', 'hu.name as handling_name', 'p.topic', 'p.status', 'p.due_date', 'p.closed_on'])
    .where(sql<boolean>`(hu.path @> ARRAY[${rootId}]::integer[] OR ru.path @> ARRAY[${rootId}]::integer[])`)
    .where('p.received_on', '>=', `${year}-01-01`)
    .where('p.received_on', '<=', `${year}-12-31`)
    .execute();
}

/** Open petitions whose clock runs, due on or before `day`: the candidates for a reminder. */
export async function listOpenPetitionsDueBy(db: Q, day: string) {
  return db
    .selectFrom('petition')
    .select(['id', 'code', 'subject', 'handling_unit_id', 'due_date', 'reminded_tier'])
    .where('status', 'in', ['received', 'classified', 'inProgress'])
    .where('clock_stopped_on', 'is', null)
    .where('due_date', '<=', day)
    .orderBy('due_date')
    .execute();
}

export async function setRemindedTier(tx: Tx, id: number, tier: string): Promise<void> {
  await tx.updateTable('petition').set({ reminded_tier: tier }).where('id', '=', id).execute();
}

/** Clears the sender's identity, contact, attachments and internal notes of petitions closed on or before `cutoff`. */
export async function anonymiseClosedPetitions(tx: Tx, cutoff: string): Promise<number[]> {
  const rows = await tx
    .updateTable('petition')
    .set({
      sender_name: null,
      sender_organisation: null,
      sender_email: null,
      sender_phone: null,
      sender_address: null,
      contact_key: null,
      anonymised_at: sql`now()`,
      updated_at: new Date(),
    })
    .where('closed_on', '<=', cutoff)
    .where('anonymised_at', 'is', null)
    .returning('id')
    .execute();
  const ids = rows.map((r) => r.id);
  if (ids.length) {
    await tx.deleteFrom('petition_attachment').where('petition_id', 'in', ids).execute();
    await tx
      .updateTable('petition_event')
      .set({ note: '' })
      .where('petition_id', 'in', ids)
      .where('public', '=', false)
      .execute();
  }
  return ids;
}

/** The name of whoever approved a petition's answer (the signer of its công văn). */
export async function getAnswerApproverName(db: Q, petitionId: number): Promise<string | null> {
  const row = await db
    .selectFrom('petition as p')
    .innerJoin('app_user as u', 'u.id', 'p.answer_approved_by')
    .select('u.full_name')
    .where('p.id', '=', petitionId)
    .executeTakeFirst();
  return row?.full_name ?? null;
}
