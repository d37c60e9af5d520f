// The registers that number a unit's documents, and the signer a leader chose for a period's compiled report or
// reminder letter.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { Tx } from '../../context.ts';

type Q = Kysely<DB> | Tx;

/**
 * The next number of a unit's register for a year and series ('BC'): one upsert that takes the row's lock, so two
 * transactions at the same moment get consecutive numbers (the second waits for the first to end). Rolled back with
 * the transaction that took it: no number is lost to a refused approval.
 */
export async function nextDocumentNumber(tx: Tx, unitId: number, year: number, series: string): Promise<number> {
  const row = await tx
    .insertInto('document_counter')
    .values({ unit_id: unitId, year, series, last: 1 })
    .onConflict((oc) =>
      oc.columns(['unit_id', 'year', 'series']).doUpdateSet({ last: sql<number>`document_counter.last + 1` }),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}

export type PeriodDocumentKind = 'compiled' | 'reminder';

export async function getPeriodDocument(db: Q, regimeId: number, periodKey: string, kind: PeriodDocumentKind) {
  return db
    .selectFrom('period_document')
    .select(['signer', 'approved_by', 'approved_at'])
    .where('regime_id', '=', regimeId)
    .where('period_key', '=', periodKey)
    .where('kind', '=', kind)
    .executeTakeFirst();
}

/** Records (or replaces) the approval of a period's document with its signer; the previous one, if any. */
export async function savePeriodDocument(
  tx: Tx,
  v: { regimeId: number; periodKey: string; kind: PeriodDocumentKind; signer: unknown; userId: number | null },
) {
  const before = await tx
    .selectFrom('period_document')
    .select(['signer', 'approved_by', 'approved_at'])
    .where('regime_id', '=', v.regimeId)
    .where('period_key', '=', v.periodKey)
    .where('kind', '=', v.kind)
    .forUpdate()
    .executeTakeFirst();
  const values = { signer: JSON.stringify(v.signer), approved_by: v.userId, approved_at: new Date() };
  const row = await tx
    .insertInto('period_document')
    .values({ regime_id: v.regimeId, period_key: v.periodKey, kind: v.kind, ...values })
    .onConflict((oc) => oc.columns(['regime_id', 'period_key', 'kind']).doUpdateSet(values))
    .returning(['approved_at'])
    .executeTakeFirstOrThrow();
  return { before, approvedAt: row.approved_at };
}
