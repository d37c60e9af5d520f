import { logDatabaseFault } from '../../db/faults.ts';
import type { StartBackground } from '../module.ts';
import { purgeExpired } from './service.ts';

/** Expired sessions and old throttling counts go once an hour; a database outage fails that pass only (logged). */
export const purgeSessionsHourly: StartBackground = ({ db }) => {
  const housekeeping = setInterval(
    () => void purgeExpired(db).catch((err) => logDatabaseFault('dọn phiên hết hạn thất bại', err)),
    3_600_000,
  );
  housekeeping.unref();
  return { stop: () => clearInterval(housekeeping) };
};
