// The server's petition work: reminders of deadlines every hour, the retention of personal data once a day.
import { logDatabaseFault } from '../../db/faults.ts';
import type { StartBackground } from '../module.ts';
import { applyPetitionRetention } from './use-cases/figures.ts';
import { runPetitionReminders } from './use-cases/reminders.ts';

export const startPetitionBackground: StartBackground = ({ db, config }) => {
  let hours = 0;
  const pass = async () => {
    await runPetitionReminders(db);
    if (hours++ % 24 === 0) await applyPetitionRetention(db, config.petitions.retentionMonths);
  };
  const timer = setInterval(
    () => void pass().catch((err) => logDatabaseFault('nhắc hạn, xóa dữ liệu cá nhân của kiến nghị thất bại', err)),
    3_600_000,
  );
  timer.unref();
  const first = setTimeout(
    () => void pass().catch((err) => logDatabaseFault('nhắc hạn kiến nghị thất bại', err)),
    30_000,
  );
  first.unref();
  return {
    stop: () => {
      clearInterval(timer);
      clearTimeout(first);
    },
  };
};
