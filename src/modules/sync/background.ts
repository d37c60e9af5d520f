// The sync module's server work: on a province with a national address, the sender; on the national node, the
// provinces' token hashes written from the configuration at start.
import { logDatabaseFault } from '../../db/faults.ts';
import type { StartBackground } from '../module.ts';
import { startSender } from './sender.ts';
import { provincesReady } from './use-cases/national.ts';

export const startSyncBackground: StartBackground = (server) => {
  const { role, url, token } = server.config.national;
  if (role === 'national') {
    provincesReady(server.db, server.config).catch((err) =>
      logDatabaseFault('không ghi được danh sách tỉnh và mã kết nối', err),
    );
    return { stop() {} };
  }
  if (!url) return { stop() {} };
  if (!token) {
    console.warn(
      'THIHANH_NATIONAL_URL đã đặt nhưng thiếu THIHANH_NATIONAL_TOKEN: chưa gửi dữ liệu lên cơ sở dữ liệu quốc gia (các thay đổi chờ trong hàng đợi).',
    );
    return { stop() {} };
  }
  return startSender(server);
};
