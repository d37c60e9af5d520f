// Reminders to handlers, as for reports: when a petition becomes due soon, overdue, then very overdue, its handling
// unit gets one in-app notification per tier (they list in the unit's to-do with the other notices).
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { addWorkingDays } from '../../../domain/calendar/working-days.ts';
import { DEADLINE_TIER_LABEL, deadlineTier, DUE_SOON_WORKING_DAYS } from '../../../domain/petitions/deadline.ts';
import { todayInVietnam } from '../../../domain/tracking/assignment.ts';
import { formatDateVi, shorten } from '../../../domain/text.ts';
import { loadCalendar } from '../../calendar/index.ts';
import { notify } from '../../notifications/index.ts';
import * as store from '../store.ts';

export async function runPetitionReminders(db: Kysely<DB>, today = todayInVietnam()): Promise<number> {
  const cal = await loadCalendar(db);
  const rows = await store.listOpenPetitionsDueBy(db, addWorkingDays(today, DUE_SOON_WORKING_DAYS, cal));
  let sent = 0;
  for (const p of rows) {
    const tier = deadlineTier({ open: true, stopped: false, dueDate: p.due_date }, today, cal);
    if (tier === 'onTrack' || tier === p.reminded_tier) continue;
    await db.transaction().execute(async (tx) => {
      await store.setRemindedTier(tx, p.id, tier);
      await notify(tx, {
        unitId: p.handling_unit_id,
        kind: `petition.${tier}`,
        title: `Kiến nghị ${p.code}: ${DEADLINE_TIER_LABEL[tier].toLowerCase()} (hạn ${formatDateVi(p.due_date)})`,
        body: shorten(p.subject, 200),
        link: `/kien-nghi/${p.id}`,
      });
    });
    sent++;
  }
  return sent;
}
