// The national node (THIHANH_NODE_ROLE=national): provinces deliver their catalogue entries with their token; the
// node keeps each with its origin, the highest version, and a tombstone for a retraction; anyone reads the national
// catalogue across provinces.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { Config } from '../../../config.ts';
import { AppError, forbidden, invalid, notFound, unauthorized } from '../../../domain/errors.ts';
import { systemActor, type Actor } from '../../../domain/permissions.ts';
import { decideWrite } from '../../../domain/sync/delivery.ts';
import { fold } from '../../../domain/text.ts';
import type {
  NationalAiSystemEntry,
  NationalDatasetEntry,
  NationalTombstone,
  NationalWriteAnswer,
} from '../../../contracts/sync.ts';
import { recordAudit } from '../../audit/index.ts';
import * as store from '../store/national.ts';
import type { EntryColumns, NationalKind } from '../store/national.ts';

export const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

// Once per database and configuration: the provinces' token hashes are written when the server builds its app, and
// every delivery waits for that before it is checked.
const synced = new WeakMap<Kysely<DB>, Promise<void>>();
export function provincesReady(db: Kysely<DB>, config: Config): Promise<void> {
  let ready = synced.get(db);
  if (!ready) {
    ready = store.syncProvinces(
      db,
      config.national.provinceTokens.map((p) => ({ code: p.code, tokenHash: tokenHash(p.token) })),
    );
    ready.catch(() => synced.delete(db));
    synced.set(db, ready);
  }
  return ready;
}

export interface Province {
  code: string;
  name: string;
}

/** The province whose bearer token this is; 401 otherwise. Every configured hash is compared, in constant time. */
export async function provinceOfToken(db: Kysely<DB>, authorization: string | undefined): Promise<Province> {
  const m = /^Bearer ([\x21-\x7e]{1,512})$/.exec(authorization ?? '');
  if (!m) throw unauthorized('Thiếu mã kết nối của tỉnh (tiêu đề Authorization: Bearer <mã>).');
  const presented = Buffer.from(tokenHash(m[1] as string), 'hex');
  let found: Province | null = null;
  for (const p of await store.provinceTokenHashes(db)) {
    const held = Buffer.from(p.hash, 'hex');
    if (held.length === presented.length && timingSafeEqual(held, presented) && !found) found = p;
  }
  if (!found) throw unauthorized('Mã kết nối của tỉnh không hợp lệ hoặc đã bị thu hồi.');
  return found;
}

const TABLE_LABEL: Record<NationalKind, string> = { dataset: 'bộ dữ liệu', aiSystem: 'hệ thống trí tuệ nhân tạo' };
const ENTITY: Record<NationalKind, string> = { dataset: 'national_dataset', aiSystem: 'national_ai_system' };

function columnsOfDataset(e: NationalDatasetEntry): EntryColumns {
  const words = [e.title, e.description, e.keywords.join(' '), e.publisher.name, e.sector.name];
  return {
    version: e.version,
    entry: e,
    title: e.title,
    category: e.sector.code,
    access_class: e.accessClass,
    search_folded: fold(words.join(' ')),
    modified: e.modified,
    retracted: false,
    tombstone: null,
  };
}

function columnsOfAiSystem(e: NationalAiSystemEntry): EntryColumns {
  const words = [e.productName, e.deployer.name, e.provider, e.purpose, e.publicSummary, e.aiSystemId ?? ''];
  return {
    version: e.version,
    entry: e,
    title: e.productName,
    category: e.riskLevel,
    access_class: null,
    search_folded: fold(words.join(' ')),
    modified: e.modified,
    retracted: false,
    tombstone: null,
  };
}

function columnsOfTombstone(t: NationalTombstone): EntryColumns {
  return {
    version: t.version,
    entry: null,
    title: '',
    category: null,
    access_class: null,
    search_folded: '',
    modified: null,
    retracted: true,
    tombstone: { version: t.version, reason: t.reason },
  };
}

export type Delivery =
  | { kind: 'dataset'; op: 'put'; entry: NationalDatasetEntry }
  | { kind: 'aiSystem'; op: 'put'; entry: NationalAiSystemEntry }
  | { kind: NationalKind; op: 'delete'; tombstone: NationalTombstone };

function provinceActor(p: Province): Actor {
  return { ...systemActor('nationalProvince'), username: `${p.name} (mã ${p.code})` };
}

/**
 * The AI-ID this node gives an AI system it holds: stable for the record (its province and uuid), so a re-send gets
 * the same one. The national portal will assign its own; until then the province stores this one back.
 */
export function aiSystemIdOf(provinceCode: string, uuid: string): string {
  return `VN-AI-${provinceCode}-${uuid.replace(/-/g, '').slice(0, 12).toUpperCase()}`;
}

/** Applies a province's delivery of one record, in one transaction with its audit record. */
export async function receiveDelivery(
  db: Kysely<DB>,
  province: Province,
  ip: string | null,
  uuid: string,
  d: Delivery,
): Promise<NationalWriteAnswer> {
  const answer = await applyDelivery(db, province, ip, uuid, d);
  return d.kind === 'aiSystem' && d.op === 'put' ? { ...answer, remoteId: aiSystemIdOf(province.code, uuid) } : answer;
}

async function applyDelivery(
  db: Kysely<DB>,
  province: Province,
  ip: string | null,
  uuid: string,
  d: Delivery,
): Promise<NationalWriteAnswer> {
  const body = d.op === 'put' ? d.entry : d.tombstone;
  if (body.uuid.toLowerCase() !== uuid.toLowerCase())
    throw invalid('national.uuid_mismatch', 'Mã định danh trong dữ liệu khác mã định danh trên địa chỉ.', [
      { path: 'uuid', message: `Cần đúng ${uuid}.` },
    ]);
  if (d.op === 'put' && d.entry.province.code !== province.code)
    throw forbidden(
      `Mã kết nối này là của tỉnh mã ${province.code}: không gửi được dữ liệu ghi là của tỉnh mã ${d.entry.province.code}.`,
    );
  const columns =
    d.op === 'delete'
      ? columnsOfTombstone(d.tombstone)
      : d.kind === 'dataset'
        ? columnsOfDataset(d.entry)
        : columnsOfAiSystem(d.entry as NationalAiSystemEntry);
  // The name a province gives itself in its entries is the one the catalogue and the audit trail show.
  const named = d.op === 'put' && d.entry.province.name.trim() ? d.entry.province.name.trim() : province.name;
  const ctx = { actor: provinceActor({ ...province, name: named }), ip };
  return db.transaction().execute(async (tx) => {
    if (named !== province.name) await store.renameProvince(tx, province.code, named);
    const audit = (action: string, before: Record<string, unknown> | null) =>
      recordAudit(tx, ctx, {
        action: `${ENTITY[d.kind]}.${action}`,
        entityType: ENTITY[d.kind],
        entityId: uuid,
        unitId: null,
        before,
        after: { province: province.code, version: columns.version, title: columns.title || undefined },
      });
    if (await store.insertIfAbsent(tx, d.kind, uuid, province.code, columns)) {
      await audit(d.op === 'put' ? 'create' : 'retract', null);
      return { status: d.op === 'put' ? 'created' : 'retracted', uuid, version: columns.version };
    }
    const held = await store.lockHeld(tx, d.kind, uuid);
    if (!held) throw new AppError('conflict', 409, 'Bản ghi đang được ghi đồng thời; hãy gửi lại.');
    const decision = decideWrite(
      { provinceCode: held.province_code, version: held.version, retracted: held.retracted_at !== null },
      { provinceCode: province.code, version: columns.version, op: d.op },
    );
    if (decision === 'foreign')
      throw forbidden(
        `Mã định danh này là của một ${TABLE_LABEL[d.kind]} do tỉnh khác gửi: tỉnh mã ${province.code} không được ghi đè.`,
      );
    if (decision === 'ignored' || decision === 'unchanged') return { status: decision, uuid, version: held.version };
    await store.applyDelivery(tx, d.kind, uuid, columns);
    await audit(d.op === 'put' ? 'update' : 'retract', {
      version: held.version,
      retracted: held.retracted_at !== null,
    });
    return { status: d.op === 'put' ? 'updated' : 'retracted', uuid, version: columns.version };
  });
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function originOf(r: store.CatalogueRow) {
  return {
    uuid: r.uuid,
    version: r.version,
    province: { code: r.province_code, name: r.province_name },
    receivedAt: iso(r.received_at) as string,
    updatedAt: iso(r.updated_at) as string,
    retractedAt: iso(r.retracted_at),
  };
}

/** A catalogue item: only catalogue fields, from the entry as delivered (nothing of the province's internals). */
export function itemOf(kind: NationalKind, r: store.CatalogueRow) {
  const live = r.retracted_at === null ? r.entry : null;
  const base = { ...originOf(r), title: r.title, modified: iso(r.modified) };
  if (kind === 'dataset') {
    const e = live as NationalDatasetEntry | null;
    return {
      ...base,
      sector: e ? { code: e.sector.code, name: e.sector.name } : null,
      accessClass: e?.accessClass ?? null,
      publisher: e ? { code: e.publisher.code, name: e.publisher.name } : null,
    };
  }
  const e = live as NationalAiSystemEntry | null;
  return {
    ...base,
    deployer: e ? { code: e.deployer.code, name: e.deployer.name } : null,
    riskLevel: e?.riskLevel ?? null,
    status: e?.status ?? null,
    aiSystemId: e?.aiSystemId ?? null,
  };
}

export async function listNational(
  db: Kysely<DB>,
  kind: NationalKind,
  q: {
    province?: string;
    q?: string;
    category?: string;
    accessClass?: string;
    includeRetracted?: string;
    limit: number;
    offset: number;
  },
) {
  const { total, rows } = await store.listCatalogue(db, kind, {
    province: q.province,
    folded: q.q ? fold(q.q) : undefined,
    category: q.category,
    accessClass: q.accessClass,
    includeRetracted: q.includeRetracted === '1' || q.includeRetracted === 'true',
    limit: q.limit,
    offset: q.offset,
  });
  return { total, limit: q.limit, offset: q.offset, items: rows.map((r) => itemOf(kind, r)) };
}

/** One record: the entry as delivered, or, once retracted, only its tombstone (the content left the catalogue). */
export async function getNational(db: Kysely<DB>, kind: NationalKind, uuid: string) {
  const r = await store.getCatalogueEntry(db, kind, uuid);
  if (!r) throw notFound(TABLE_LABEL[kind]);
  return {
    ...originOf(r),
    entry: r.retracted_at === null ? (r.entry as never) : null,
    tombstone: r.retracted_at === null ? null : (r.tombstone as { version: number; reason: string }),
  };
}
