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
  /**
   * The address the public reaches this server at (THIHANH_PUBLIC_URL, e.g. https://thihanh.thanhhoa.gov.vn): the
   * absolute links of the DCAT catalogue and of what is delivered to the national database. Absent: the address of
   * the request (or of the server, for the sender).
   */
  publicUrl: string | null;
  /** The connection to the national database: as a province (sender) or as the national node (receiver). */
  national: NationalSettings;
}

export interface NationalSettings {
  /** THIHANH_NODE_ROLE: 'province' (default) or 'national' (receives the provinces' catalogue entries). */
  role: 'province' | 'national';
  /** Province side: THIHANH_NATIONAL_URL (none: nothing is sent; changes wait in the outbox). */
  url: string | null;
  /** Province side: THIHANH_NATIONAL_TOKEN, the bearer token the national node gave this province. */
  token: string | null;
  /** National side: THIHANH_NATIONAL_PROVINCE_TOKENS, "38:token,01:token…" (province code → token). */
  provinceTokens: ReadonlyArray<{ code: string; token: string }>;
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

function url(name: string, v: string | undefined): string | null {
  const t = v?.trim();
  if (!t) return null;
  let parsed: URL;
  try {
    parsed = new URL(t);
  } catch {
    throw new Error(`${name} không hợp lệ: ${v} (cần địa chỉ đầy đủ, ví dụ https://du-lieu.example.gov.vn).`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new Error(`${name} không hợp lệ: ${v} (chỉ nhận http hoặc https).`);
  return t.replace(/\/+$/, '');
}

function provinceTokens(v: string | undefined): Array<{ code: string; token: string }> {
  const out: Array<{ code: string; token: string }> = [];
  for (const pair of (v ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([0-9A-Za-z]{1,10}):(\S{16,})$/.exec(pair);
    if (!m)
      throw new Error(
        `THIHANH_NATIONAL_PROVINCE_TOKENS không hợp lệ ở "${pair.slice(0, 12)}…": cần dạng mã_tỉnh:mã_bí_mật (mã bí mật ít nhất 16 ký tự), các cặp cách nhau bằng dấu phẩy.`,
      );
    out.push({ code: m[1] as string, token: m[2] as string });
  }
  return out;
}

function nodeRole(v: string | undefined): 'province' | 'national' {
  const t = (v ?? '').trim().toLowerCase();
  if (t === '' || t === 'province') return 'province';
  if (t === 'national') return 'national';
  throw new Error(`THIHANH_NODE_ROLE không hợp lệ: ${v} (province hoặc national).`);
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
    publicUrl: url('THIHANH_PUBLIC_URL', env.THIHANH_PUBLIC_URL),
    national: {
      role: nodeRole(env.THIHANH_NODE_ROLE),
      url: url('THIHANH_NATIONAL_URL', env.THIHANH_NATIONAL_URL),
      token: env.THIHANH_NATIONAL_TOKEN?.trim() || null,
      provinceTokens: provinceTokens(env.THIHANH_NATIONAL_PROVINCE_TOKENS),
    },
  };
}
