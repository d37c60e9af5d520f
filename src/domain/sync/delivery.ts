// The rules of the federated connection to the national databases, without I/O: how long a province waits before
// trying a delivery again, what an answer of the national node means for the outbox row, and what the national node
// does with a delivery given what it already holds. Idempotent by uuid and version: the node keeps the highest
// version it has seen; the same version again changes nothing.

/** First wait after a failed attempt, and the longest one (a node down for hours is tried every ten minutes). */
export const BACKOFF_BASE_MS = 5_000;
export const BACKOFF_CAP_MS = 600_000;

/**
 * Exponential backoff with "equal jitter": the n-th consecutive failure waits between half and all of
 * base·2^(n-1), capped. The jitter keeps a hundred provinces from returning to a restarted node at the same second.
 */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  const n = Math.max(1, Math.min(failures, 30));
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (n - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * What an answer means for the row:
 * - accepted: 2xx;
 * - rejected: the node refused this record (4xx): trying again would get the same answer, a person must look;
 * - retry: the node is away or busy (network error, timeout, 5xx, 408, 429), or the connection itself is wrong
 *   (401: the province's token; 404: the address is not a national node's). Those are not the record's fault:
 *   rejecting would leave every row of the outage to be re-queued by hand once the setting is fixed. `connection`
 *   says the next rows would meet the same answer, so the sender pauses instead of trying them.
 */
export type Outcome =
  | { kind: 'accepted'; remoteId: string | null }
  | { kind: 'rejected'; message: string }
  | { kind: 'retry'; message: string; connection: boolean; retryAfterMs: number | null };

const MESSAGE_MAX = 2000;

function remoteMessage(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown; issues?: unknown } };
    const message = typeof parsed.error?.message === 'string' ? parsed.error.message : null;
    if (!message) return null;
    const issues = Array.isArray(parsed.error?.issues)
      ? (parsed.error.issues as Array<{ path?: unknown; message?: unknown }>)
          .filter((i) => typeof i.message === 'string')
          .slice(0, 5)
          .map((i) => (typeof i.path === 'string' && i.path ? `${i.path}: ${i.message}` : String(i.message)))
      : [];
    return issues.length ? `${message} (${issues.join('; ')})` : message;
  } catch {
    return null;
  }
}

const clip = (s: string) => (s.length > MESSAGE_MAX ? `${s.slice(0, MESSAGE_MAX - 1)}…` : s);

/** Retry-After in seconds or as an HTTP date, in ms from `now`. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, BACKOFF_CAP_MS);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.min(Math.max(0, at - now), BACKOFF_CAP_MS);
}

export function outcomeOf(status: number, body: string, retryAfter: string | null): Outcome {
  if (status >= 200 && status < 300) {
    let remoteId: string | null = null;
    try {
      const parsed = JSON.parse(body) as { remoteId?: unknown };
      if (typeof parsed.remoteId === 'string' && parsed.remoteId) remoteId = parsed.remoteId.slice(0, 200);
    } catch {
      /* a 2xx without JSON is still an acceptance */
    }
    return { kind: 'accepted', remoteId };
  }
  const said = remoteMessage(body);
  const tail = said ? `: ${said}` : '.';
  if (status === 401)
    return retry(
      `Cơ sở dữ liệu quốc gia không chấp nhận mã kết nối của tỉnh (HTTP 401)${tail} Kiểm tra THIHANH_NATIONAL_TOKEN.`,
      true,
    );
  if (status === 404)
    return retry(
      `Địa chỉ cơ sở dữ liệu quốc gia không đúng hoặc máy chủ đó không nhận dữ liệu của các tỉnh (HTTP 404). Kiểm tra THIHANH_NATIONAL_URL.`,
      true,
    );
  if (status === 408 || status === 429)
    return retry(`Cơ sở dữ liệu quốc gia đang bận (HTTP ${status})${tail}`, true, retryAfterMs(retryAfter));
  if (status >= 400 && status < 500)
    return { kind: 'rejected', message: clip(`Cơ sở dữ liệu quốc gia từ chối (HTTP ${status})${tail}`) };
  return retry(`Cơ sở dữ liệu quốc gia gặp lỗi (HTTP ${status})${tail}`, true, retryAfterMs(retryAfter));
}

function retry(message: string, connection: boolean, after: number | null = null): Outcome {
  return { kind: 'retry', message: clip(message), connection, retryAfterMs: after };
}

/** A request that got no answer: the node is down, unreachable, or too slow. */
export function networkOutcome(err: unknown, timeoutMs: number): Outcome {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError')
    return retry(`Cơ sở dữ liệu quốc gia không trả lời trong ${Math.round(timeoutMs / 1000)} giây.`, true);
  const why = e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(err);
  return retry(`Không kết nối được cơ sở dữ liệu quốc gia (${why}).`, true);
}

/** What the national node holds of a record. */
export interface HeldEntry {
  provinceCode: string;
  version: number;
  retracted: boolean;
}

export type WriteDecision = 'create' | 'apply' | 'unchanged' | 'ignored' | 'foreign';

/**
 * What the national node does with a delivery: a record is the province's that first delivered it (another
 * province may not overwrite it); a lower version is stale (a delivery overtaken by a later one); the same version is
 * a re-send (the province lost the answer), except a retraction of a record still listed, which is applied.
 */
export function decideWrite(
  held: HeldEntry | undefined,
  incoming: { provinceCode: string; version: number; op: 'put' | 'delete' },
): WriteDecision {
  if (!held) return 'create';
  if (held.provinceCode !== incoming.provinceCode) return 'foreign';
  if (incoming.version < held.version) return 'ignored';
  if (incoming.version > held.version) return 'apply';
  return incoming.op === 'delete' && !held.retracted ? 'apply' : 'unchanged';
}
