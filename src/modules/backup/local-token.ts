// How `thihanh backup` proves itself to the server that owns a PGlite data directory (which the CLI cannot open
// while that server runs). The CLI writes a random one-time secret into <data dir>/backup-tokens/<id> (directory
// 0700, file 0600) and sends "<id>.<secret>"; the server reads and deletes that file, and accepts the request only
// if the secret matches, the file is a regular file of the server's own OS user, unreadable by others and less than
// a minute old. Only the OS account that owns the data directory (or root) can create such a file, and that account
// can already read every byte of the database files: the token grants nothing it does not have. It is used once,
// never stored by the server, and no password or session is involved.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCAL_TOKEN_HEADER = 'x-thihanh-local-token';
const TOKEN_DIR = 'backup-tokens';
const TOKEN_MAX_AGE_MS = 60_000;
const TOKEN = /^([0-9a-f]{32})\.([0-9a-f]{64})$/;

export function issueLocalToken(dataDir: string): { header: string; revoke(): void } {
  const dir = join(dataDir, TOKEN_DIR);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const id = randomBytes(16).toString('hex');
  const secret = randomBytes(32).toString('hex');
  const file = join(dir, id);
  writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
  return { header: `${id}.${secret}`, revoke: () => rmSync(file, { force: true }) };
}

export function consumeLocalToken(dataDir: string, header: string): boolean {
  const m = TOKEN.exec(header.trim());
  if (!m) return false;
  const file = join(dataDir, TOKEN_DIR, m[1]!);
  let st: ReturnType<typeof lstatSync>;
  let content: Buffer;
  try {
    st = lstatSync(file);
    content = readFileSync(file);
  } catch {
    return false;
  } finally {
    rmSync(file, { force: true });
  }
  const ownUser = typeof process.getuid !== 'function' || st.uid === process.getuid();
  const fresh = Date.now() - st.mtimeMs < TOKEN_MAX_AGE_MS;
  const expected = Buffer.from(m[2]!, 'utf8');
  return (
    st.isFile() &&
    ownUser &&
    (st.mode & 0o077) === 0 &&
    fresh &&
    content.length === expected.length &&
    timingSafeEqual(content, expected)
  );
}

// Where the server listens, for the CLI: written by a server that owns a PGlite data directory, removed on stop.
const SERVER_FILE = 'thihanh.server.json';

export function announceServer(dataDir: string, url: string): () => void {
  const file = join(dataDir, SERVER_FILE);
  writeFileSync(file, JSON.stringify({ url, pid: process.pid, since: new Date().toISOString() }), { mode: 0o600 });
  return () => {
    try {
      if ((JSON.parse(readFileSync(file, 'utf8')) as { pid: number }).pid === process.pid)
        rmSync(file, { force: true });
    } catch {
      /* already gone */
    }
  };
}

export function readServerAnnouncement(dataDir: string): { url: string; pid: number } | null {
  try {
    const v = JSON.parse(readFileSync(join(dataDir, SERVER_FILE), 'utf8')) as { url?: unknown; pid?: unknown };
    return typeof v.url === 'string' && typeof v.pid === 'number' ? { url: v.url, pid: v.pid } : null;
  } catch {
    return null;
  }
}
