// Runtime configuration from environment variables (documented in the README).
import { resolve } from 'node:path';

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
  /** Trust X-Forwarded-For for the client address (only behind a reverse proxy you control). */
  trustProxy: boolean;
  smtpUrl: string | null;
  mailFrom: string;
}

function bool(v: string | undefined, fallback: boolean): boolean {
  if (v === undefined || v === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(v.toLowerCase());
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
    trustProxy: bool(env.THIHANH_TRUST_PROXY, false),
    smtpUrl: env.SMTP_URL?.trim() || null,
    mailFrom: env.MAIL_FROM ?? 'Thi Hành <no-reply@thihanh.local>',
  };
}
