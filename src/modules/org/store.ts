// Queries on the organisation tree. No permission logic here: that is the service's job.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { ReferenceUnit } from '../../domain/org/reference.ts';
import type { UnitKind } from '../../domain/org/unit.ts';
import type { Tx } from '../context.ts';
import { indexEntities, indexEntity, type RankedHitRow, type SearchText } from '../search/index.ts';

type Q = Kysely<DB> | Tx;

export interface UnitRow {
  id: number;
  parent_id: number | null;
  path: number[];
  kind: string;
  code: string;
  name: string;
  short_name: string;
  status: 'active' | 'retired' | 'merged';
  merged_into_id: number | null;
  focal_for_id: number | null;
}

export const UNIT_COLUMNS = [
  'id',
  'parent_id',
  'path',
  'kind',
  'code',
  'name',
  'short_name',
  'status',
  'merged_into_id',
  'focal_for_id',
] as const;

export async function getUnit(db: Q, id: number): Promise<UnitRow | undefined> {
  return db.selectFrom('unit').select(UNIT_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function getUnitByCode(db: Q, code: string): Promise<UnitRow | undefined> {
  return db.selectFrom('unit').select(UNIT_COLUMNS).where('code', '=', code).executeTakeFirst();
}

/** The unit designated as focal (đầu mối) for this one: the Sở KH&CN for the province. */
export async function getFocalUnit(db: Q, unitId: number): Promise<UnitRow | undefined> {
  return db.selectFrom('unit').select(UNIT_COLUMNS).where('focal_for_id', '=', unitId).executeTakeFirst();
}

export async function getUnitsByIds(db: Q, ids: number[]): Promise<UnitRow[]> {
  if (!ids.length) return [];
  return db.selectFrom('unit').select(UNIT_COLUMNS).where('id', 'in', ids).execute();
}

/** The province a unit belongs to: the unit of kind 'province' on its path (Thanh Hóa, code 38), else the root. */
export async function provinceOfPath(db: Q, path: readonly number[]): Promise<{ code: string; name: string }> {
  const units = await getUnitsByIds(db, [...path]);
  const province = units.find((u) => u.kind === 'province') ?? units.find((u) => u.id === path[0]);
  return { code: province?.code ?? '', name: province?.name ?? '' };
}

/**
 * The units of a search's ranked hits (search module's `rankedHits`), best first, with their parent's name: one
 * statement for the whole answer. `kinds` keeps only units of those kinds, at most `limit` of them. Each unit is read
 * by its key (the lateral subquery, kept apart by OFFSET 0): joined, the planner hashed all 1,700 units for 20 hits.
 */
export async function unitsOfHits(db: Q, hits: RawBuilder<RankedHitRow>, limit: number, kinds?: string[]) {
  const { rows } = await sql<UnitRow & { parent_name: string | null; score: number; matched: string; label: string }>`
    WITH h AS (${hits})
    SELECT ${sql.join(UNIT_COLUMNS.map((c) => sql.ref(`u.${c}`)))}, p.name AS parent_name, h.score, h.matched, h.label
    FROM h CROSS JOIN LATERAL (SELECT * FROM unit WHERE unit.id = h.entity_id OFFSET 0) u
    LEFT JOIN unit p ON p.id = u.parent_id
    ${kinds?.length ? sql`WHERE u.kind = ANY(${sql.val(kinds)}::text[])` : sql``}
    ORDER BY h.score DESC, h.entity_id
    LIMIT ${sql.lit(Math.trunc(limit))}`.execute(db);
  return rows;
}

export async function listChildren(
  db: Q,
  parentId: number | null,
  includeInactive = false,
): Promise<Array<UnitRow & { child_count: number }>> {
  let q = db
    .selectFrom('unit as u')
    .select(UNIT_COLUMNS.map((c) => `u.${c}` as const))
    .select((eb) =>
      eb
        .selectFrom('unit as c')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('c.parent_id', '=', 'u.id')
        .where('c.status', '=', 'active')
        .as('child_count'),
    );
  q = parentId === null ? q.where('u.parent_id', 'is', null) : q.where('u.parent_id', '=', parentId);
  if (!includeInactive) q = q.where('u.status', '=', 'active');
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, child_count: Number(r.child_count ?? 0) }));
}

export async function listAliases(db: Q, unitId: number) {
  return db
    .selectFrom('unit_alias')
    .select(['id', 'name', 'kind', 'note', 'created_at'])
    .where('unit_id', '=', unitId)
    .orderBy('kind')
    .orderBy('name')
    .execute();
}

export async function insertUnit(
  tx: Tx,
  u: { parentId: number; parentPath: number[]; kind: UnitKind; code: string; name: string; shortName: string },
): Promise<UnitRow> {
  const row = await tx
    .insertInto('unit')
    .values({
      parent_id: u.parentId,
      path: [],
      kind: u.kind,
      code: u.code,
      name: u.name,
      short_name: u.shortName,
    })
    .returning(UNIT_COLUMNS)
    .executeTakeFirstOrThrow();
  const path = [...u.parentPath, row.id];
  await tx.updateTable('unit').set({ path }).where('id', '=', row.id).execute();
  return { ...row, path };
}

/** Row lock held until the transaction ends: serialises changes under one unit. */
export async function lockUnit(tx: Tx, id: number): Promise<void> {
  await tx.selectFrom('unit').select('id').where('id', '=', id).forUpdate().execute();
}

export async function updateUnit(
  tx: Tx,
  id: number,
  patch: Partial<Pick<UnitRow, 'name' | 'short_name' | 'status' | 'merged_into_id' | 'focal_for_id' | 'parent_id'>>,
): Promise<void> {
  await tx
    .updateTable('unit')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function insertAlias(
  tx: Tx,
  unitId: number,
  a: { name: string; kind: 'former' | 'abbreviation' | 'other'; note: string | null },
): Promise<void> {
  await tx.insertInto('unit_alias').values({ unit_id: unitId, name: a.name, kind: a.kind, note: a.note }).execute();
}

/** Recomputes `path` for a subtree after a move (merge re-parents children). */
export async function recomputePaths(tx: Tx): Promise<void> {
  await sql`WITH RECURSIVE t(id, path) AS (
      SELECT id, ARRAY[id] FROM unit WHERE parent_id IS NULL
      UNION ALL SELECT u.id, t.path || u.id FROM unit u JOIN t ON u.parent_id = t.id)
    UPDATE unit SET path = t.path FROM t WHERE unit.id = t.id AND unit.path IS DISTINCT FROM t.path`.execute(tx);
}

export function unitSearchTexts(
  u: { name: string; short_name: string; code: string },
  aliases: Array<{ name: string; kind: string }>,
): SearchText[] {
  return [
    { text: u.name, weight: 1, label: 'name' },
    { text: u.short_name, weight: 1, label: 'shortName' },
    { text: u.code, weight: 1, label: 'code' },
    ...aliases.map((a) => ({
      text: a.name,
      weight: a.kind === 'former' ? 0.8 : 0.9,
      label: a.kind === 'former' ? 'former' : a.kind,
    })),
  ];
}

export async function reindexUnit(tx: Tx, unitId: number): Promise<void> {
  const u = await getUnit(tx, unitId);
  if (!u) return;
  const aliases = await listAliases(tx, unitId);
  // Units are public information (names of communes and their offices), so their entries are published.
  await indexEntity(tx, 'unit', u.id, u.id, unitSearchTexts(u, aliases), true);
}

export interface ReferenceLoadResult {
  inserted: number;
  updated: number;
  aliasesAdded: number;
}

/**
 * Upserts the reference tree by code. Units added by people (neighbourhoods…) are left alone; a reference
 * unit that people renamed keeps its new name (the reference only fills what is missing or unchanged).
 */
export async function loadReferenceTree(tx: Tx, units: ReferenceUnit[]): Promise<ReferenceLoadResult> {
  const existing = new Map(
    (await tx.selectFrom('unit').select(['id', 'code', 'name', 'short_name', 'parent_id', 'kind']).execute()).map(
      (u) => [u.code, u],
    ),
  );
  const idByCode = new Map([...existing.values()].map((u) => [u.code, u.id]));
  let updated = 0;
  const inserted = await insertFresh(
    tx,
    units.filter((u) => !existing.has(u.code)),
    idByCode,
  );
  for (const u of units) {
    const e = existing.get(u.code);
    if (!e) continue;
    const parentId = u.parentCode ? idByCode.get(u.parentCode)! : null;
    if (e.kind !== u.kind || e.parent_id !== parentId) {
      await tx
        .updateTable('unit')
        .set({ kind: u.kind, parent_id: parentId, updated_at: new Date() })
        .where('id', '=', e.id)
        .execute();
      updated++;
    }
  }
  await recomputePaths(tx);
  const aliasesAdded = await insertMissingAliases(tx, units, idByCode);
  await assignFocalUnits(tx);
  await reindexAllUnits(tx);
  // Fresh statistics so the planner uses the trigram index for searches right away.
  await sql`ANALYZE unit, unit_alias, search_entry`.execute(tx);
  return { inserted, updated, aliasesAdded };
}

/** Inserts units whose parents exist or come earlier in the list, in batches; fills `idByCode`. */
async function insertFresh(tx: Tx, fresh: ReferenceUnit[], idByCode: Map<string, number>): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < fresh.length; ) {
    // Insert in batches whose parents already exist.
    const batch: ReferenceUnit[] = [];
    while (i < fresh.length && batch.length < 500) {
      const u = fresh[i]!;
      if (u.parentCode && !idByCode.has(u.parentCode)) break;
      batch.push(u);
      i++;
    }
    if (!batch.length) throw new Error(`Dữ liệu tham chiếu: không tìm thấy đơn vị cấp trên của ${fresh[i]!.code}`);
    const rows = await tx
      .insertInto('unit')
      .values(
        batch.map((u) => ({
          parent_id: u.parentCode ? idByCode.get(u.parentCode)! : null,
          path: [],
          kind: u.kind,
          code: u.code,
          name: u.name,
          short_name: u.shortName,
        })),
      )
      .returning(['id', 'code'])
      .execute();
    for (const r of rows) idByCode.set(r.code, r.id);
    inserted += rows.length;
  }
  return inserted;
}

async function insertMissingAliases(tx: Tx, units: ReferenceUnit[], idByCode: Map<string, number>): Promise<number> {
  const ids = [...new Set(units.map((u) => idByCode.get(u.code)!))];
  const have = new Set<string>();
  for (let i = 0; i < ids.length; i += 5000)
    for (const a of await tx
      .selectFrom('unit_alias')
      .select(['unit_id', 'name'])
      .where('unit_id', 'in', ids.slice(i, i + 5000))
      .execute())
      have.add(`${a.unit_id}\u0000${a.name}`);
  const aliasRows = units.flatMap((u) =>
    u.aliases
      .map((a) => ({ unit_id: idByCode.get(u.code)!, name: a.name, kind: a.kind, note: a.note }))
      .filter((a) => !have.has(`${a.unit_id}\u0000${a.name}`)),
  );
  for (let i = 0; i < aliasRows.length; i += 1000)
    await tx
      .insertInto('unit_alias')
      .values(aliasRows.slice(i, i + 1000))
      .execute();
  return aliasRows.length;
}

/** Focal units of the seed plans: Sở KH&CN follows its province; each Phòng Văn hóa - Xã hội its commune. */
async function assignFocalUnits(tx: Tx): Promise<void> {
  await sql`UPDATE unit f SET focal_for_id = p.id FROM unit p
    WHERE f.focal_for_id IS NULL AND ((f.code = p.code || '.SKHCN' AND p.kind = 'province') OR (f.code = p.code || '.PVHXH' AND p.kind IN ('commune','ward')))`.execute(
    tx,
  );
}

/** Units already holding any of these codes, with what the import compares (kind, parent, name). */
export async function unitsByCodes(db: Q, codes: string[]) {
  const out: Array<Pick<UnitRow, 'id' | 'code' | 'kind' | 'name' | 'parent_id' | 'status'>> = [];
  for (let i = 0; i < codes.length; i += 5000)
    out.push(
      ...(await db
        .selectFrom('unit')
        .select(['id', 'code', 'kind', 'name', 'parent_id', 'status'])
        .where('code', 'in', codes.slice(i, i + 5000))
        .execute()),
    );
  return out;
}

/** Active children of a unit by kind, with their names (the import checks a new commune's name is free). */
export async function childrenOfKinds(db: Q, parentId: number, kinds: UnitKind[]) {
  return db
    .selectFrom('unit')
    .select(['id', 'code', 'kind', 'name'])
    .where('parent_id', '=', parentId)
    .where('kind', 'in', kinds)
    .where('status', '=', 'active')
    .execute();
}

/**
 * Adds units read from a province's file (new codes only: the caller checked the others), with their aliases, and
 * indexes them for search at once. Returns the new ids.
 */
export async function insertImportedUnits(
  tx: Tx,
  units: ReferenceUnit[],
): Promise<{ inserted: number; aliasesAdded: number; ids: number[] }> {
  const parents = [...new Set(units.map((u) => u.parentCode).filter((c): c is string => c !== null))];
  const idByCode = new Map((await unitsByCodes(tx, parents)).map((u) => [u.code, u.id]));
  const before = new Set(idByCode.values());
  const inserted = await insertFresh(tx, units, idByCode);
  await recomputePaths(tx);
  const aliasesAdded = await insertMissingAliases(tx, units, idByCode);
  await assignFocalUnits(tx);
  const ids = units.map((u) => idByCode.get(u.code)!).filter((id) => !before.has(id));
  await indexUnits(tx, ids);
  await sql`ANALYZE unit, unit_alias, search_entry`.execute(tx);
  return { inserted, aliasesAdded, ids };
}

export async function reindexAllUnits(tx: Tx): Promise<void> {
  await indexUnits(tx, 'all');
}

/** Writes the search entries of these units (or of every unit) from their names, short names, codes and aliases. */
async function indexUnits(tx: Tx, ids: number[] | 'all'): Promise<void> {
  if (ids !== 'all' && !ids.length) return;
  let units = tx.selectFrom('unit').select(['id', 'name', 'short_name', 'code']);
  let aliasRows = tx.selectFrom('unit_alias').select(['unit_id', 'name', 'kind']);
  if (ids !== 'all') {
    units = units.where('id', 'in', ids);
    aliasRows = aliasRows.where('unit_id', 'in', ids);
  }
  const [all, aliases] = [await units.execute(), await aliasRows.execute()];
  const byUnit = new Map<number, Array<{ name: string; kind: string }>>();
  for (const a of aliases) {
    const list = byUnit.get(a.unit_id) ?? [];
    list.push(a);
    byUnit.set(a.unit_id, list);
  }
  await indexEntities(
    tx,
    'unit',
    all.map((u) => ({
      entityId: u.id,
      unitId: u.id,
      texts: unitSearchTexts(u, byUnit.get(u.id) ?? []),
      published: true,
    })),
  );
}

export async function countUnitsByKind(db: Q): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('unit')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'active')
    .groupBy('kind')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
}

export async function countUnits(db: Q): Promise<number> {
  const { n } = await db
    .selectFrom('unit')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Codes already taken under a parent's code (a new child's code must differ from them). */
export async function listCodesUnder(db: Q, parentCode: string): Promise<Set<string>> {
  return new Set(
    (await db.selectFrom('unit').select('code').where('code', 'like', `${parentCode}.%`).execute()).map((r) => r.code),
  );
}

/** Moves the active children of a unit under another (a merge); returns the ids moved. */
export async function moveActiveChildren(tx: Tx, fromId: number, toId: number): Promise<number[]> {
  const rows = await tx
    .updateTable('unit')
    .set({ parent_id: toId })
    .where('parent_id', '=', fromId)
    .where('status', '=', 'active')
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Changes whenever a unit or an alias is added or changed: what the cached register is checked against. */
export async function registerSignature(db: Q): Promise<string> {
  const sig = await sql<{
    s: string;
  }>`SELECT (SELECT count(*) FROM unit)::text || ':' || coalesce((SELECT max(updated_at) FROM unit)::text, '') || ':' || (SELECT count(*) FROM unit_alias)::text AS s`.execute(
    db,
  );
  return sig.rows[0]!.s;
}

export async function listActiveUnitNames(db: Q) {
  return db
    .selectFrom('unit')
    .select(['id', 'parent_id', 'kind', 'code', 'name', 'short_name'])
    .where('status', '=', 'active')
    .execute();
}

export async function listAliasNames(db: Q) {
  return db.selectFrom('unit_alias').select(['unit_id', 'name']).execute();
}

// ---------------------------------------------------------------------------------------------------------------------
// Document settings (signers, drafting division, symbol)

export interface DocumentSettingsRow {
  unit_id: number;
  signers: unknown;
  drafting_division: string | null;
  symbol_suffix: string | null;
  updated_at: Date;
}

export async function getDocumentSettings(db: Q, unitId: number): Promise<DocumentSettingsRow | undefined> {
  return db
    .selectFrom('unit_document_settings')
    .select(['unit_id', 'signers', 'drafting_division', 'symbol_suffix', 'updated_at'])
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
}

/** Locks the unit's settings row (if any) so that two admins' saves apply one after the other. */
export async function lockDocumentSettings(tx: Tx, unitId: number): Promise<DocumentSettingsRow | undefined> {
  return tx
    .selectFrom('unit_document_settings')
    .select(['unit_id', 'signers', 'drafting_division', 'symbol_suffix', 'updated_at'])
    .where('unit_id', '=', unitId)
    .forUpdate()
    .executeTakeFirst();
}

export async function saveDocumentSettings(
  tx: Tx,
  unitId: number,
  v: { signers: unknown[]; draftingDivision: string | null; symbolSuffix: string | null; userId: number | null },
): Promise<Date> {
  const values = {
    signers: JSON.stringify(v.signers),
    drafting_division: v.draftingDivision,
    symbol_suffix: v.symbolSuffix,
    updated_by: v.userId,
    updated_at: new Date(),
  };
  const row = await tx
    .insertInto('unit_document_settings')
    .values({ unit_id: unitId, ...values })
    .onConflict((oc) => oc.column('unit_id').doUpdateSet(values))
    .returning('updated_at')
    .executeTakeFirstOrThrow();
  return row.updated_at;
}

/** The active unit that follows the work for this one (the first by id), as the drafting division's rule names it. */
export async function firstActiveFocalUnit(db: Q, unitId: number): Promise<UnitRow | undefined> {
  return db
    .selectFrom('unit')
    .select(UNIT_COLUMNS)
    .where('focal_for_id', '=', unitId)
    .where('status', '=', 'active')
    .orderBy('id')
    .executeTakeFirst();
}
