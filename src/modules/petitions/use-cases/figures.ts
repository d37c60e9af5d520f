// Figures for the lead's dashboard and compiled report, and the retention of personal data. Both run without an
// actor: the caller (a use case that already authorised its reader, or the server's background work) decides.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { petitionFigures, retentionCutoff } from '../../../domain/petitions/figures.ts';
import type { PetitionStatus } from '../../../domain/petitions/model.ts';
import { todayInVietnam } from '../../../domain/tracking/assignment.ts';
import { recordAudit } from '../../audit/index.ts';
import * as store from '../store.ts';
import { topicLabel } from '../views.ts';

/**
 * A year's petitions received in the subtree of a unit (as receiving or handling unit): received, answered on
 * time, answered late, closed otherwise, open and overdue; in total, by handling unit and by topic.
 */
export async function petitionYearFigures(db: Kysely<DB>, unitId: number, year: number, today = todayInVietnam()) {
  const rows = await store.listPetitionFigureRows(db, unitId, year);
  return petitionFigures(
    rows.map((r) => ({
      unitId: r.handling_unit_id,
      unitName: r.handling_name,
      topic: r.topic,
      status: r.status as PetitionStatus,
      dueDate: r.due_date,
      closedOn: r.closed_on,
    })),
    today,
    topicLabel,
  );
}

/** Deletes the personal data of petitions closed more than `months` months ago; the anonymised records stay. */
export async function applyPetitionRetention(
  db: Kysely<DB>,
  months: number,
  today = todayInVietnam(),
): Promise<number> {
  const cutoff = retentionCutoff(today, months);
  return db.transaction().execute(async (tx) => {
    const ids = await store.anonymiseClosedPetitions(tx, cutoff);
    if (ids.length) {
      await recordAudit(
        tx,
        { actor: null, ip: null },
        {
          action: 'petition.retention',
          entityType: 'petition',
          entityId: null,
          unitId: null,
          after: { cutoff, months, petitionIds: ids },
        },
      );
    }
    return ids.length;
  });
}
