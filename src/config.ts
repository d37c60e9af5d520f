// Runtime configuration from environment variables (documented in the README).
import { resolve } from 'node:path';
import { petitionSettingsFrom, type PetitionSettings } from './domain/petitions/settings.ts';

export interface Config {
  /** PostgreSQL connection string; when absent the embedded PGlite database in dataDir is used. */
  databaseUrl: string | null;
  dataDir: string;
  host: string;
  port: number;
  /** Demo mode creates demo accounts. On by default only for the embedded database. */
  demo: boolean;
  /** In demo mode, also load demo content (the seed plans issued and cascaded) into an empty database. */
  demoContent: boolean;
  sessionTtlHours: number;
  /**
   * How many reverse proxies you control stand in front of the server: the client address is read that many hops
   * from the right of X-Forwarded-For, and X-Forwarded-Proto is believed. 0: both headers are ignored.
   */
  trustProxy: number;
  /** Requests a minute: per address for anonymous callers, per user for signed-in ones (0: no limit). */
  rateLimit: { publicPerMinute: number; userPerMinute: number };
  smtpUrl: string | null;
  mailFrom: string;
  /** Petitions: deadlines, intake limits, retention (THIHANH_PETITION_*). */
  petitions: PetitionSettings;
}

function bool(v: string | undefined, fallback: boolean): boolean {
  if (v === undefined || v === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(v.toLowerCase());
}

/** A count of proxies; the old yes/no values still read as one proxy or none. */
function proxies(v: string | undefined): number {
  const t = (v ?? '').trim().toLowerCase();
  if (['', '0', 'false', 'no', 'off'].includes(t)) return 0;
  if (['true', 'yes', 'on'].includes(t)) return 1;
  if (/^\d{1,2}$/.test(t)) return Number(t);
  throw new Error(
    `THIHANH_TRUST_PROXY không hợp lệ: ${v} (số proxy tin cậy đứng trước máy chủ, ví dụ 1; 0 nếu không có).`,
  );
}

function perMinute(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined || v.trim() === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} không hợp lệ: ${v} (số yêu cầu mỗi phút, 0 để bỏ giới hạn).`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT không hợp lệ: ${env.PORT}`);
  return {
    databaseUrl,
    dataDir: resolve(env.THIHANH_DATA_DIR ?? 'data'),
    host: env.HOST ?? '127.0.0.1',
    port,
    demo: bool(env.THIHANH_DEMO, databaseUrl === null),
    demoContent: bool(env.THIHANH_DEMO_CONTENT, true),
    sessionTtlHours: Number(env.THIHANH_SESSION_TTL_HOURS ?? 12),
    trustProxy: proxies(env.THIHANH_TRUST_PROXY),
    rateLimit: {
      publicPerMinute: perMinute('THIHANH_RATE_LIMIT_PUBLIC', env.THIHANH_RATE_LIMIT_PUBLIC, 300),
      userPerMinute: perMinute('THIHANH_RATE_LIMIT_USER', env.THIHANH_RATE_LIMIT_USER, 1200),
    },
    smtpUrl: env.SMTP_URL?.trim() || null,
    mailFrom: env.MAIL_FROM ?? 'Thi Hành <no-reply@thihanh.local>',
    petitions: petitionSettingsFrom(env),
  };
}
