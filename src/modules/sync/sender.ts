// The province's sender: delivers the outbox to the national node, oldest change first per record, one sender at a
// time across the server processes. A change reaches the node within seconds (a wake after the enqueue, else the
// next poll); a node that is down is tried again with backoff until it answers, and each change is delivered once
// (the node ignores what it already holds).
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { logDatabaseFault } from '../../db/faults.ts';
import { backoffMs, networkOutcome, outcomeOf, type Outcome } from '../../domain/sync/delivery.ts';
import type { ServerContext } from '../module.ts';
import { asOnlySender, dueRows, markSent, recordResult, type DueRow } from './store.ts';

export interface SenderOptions {
  /** How often the outbox is looked at when nothing wakes the sender (default 2 s). */
  pollMs?: number;
  /** How long one request may take (default 15 s). */
  timeoutMs?: number;
  /** Rows per pass (default 20). */
  batch?: number;
}

export interface Sender {
  /** Looks at the outbox now (after a change was committed). */
  wake(): void;
  /** Ends the loop; a request under way is cut and its row goes back to waiting, not counted as an attempt. */
  stop(): Promise<void>;
}

const senders = new Set<Sender>();

/** Wakes the senders of this process: call it after committing a transaction that enqueued a change. */
export function wakeSender(): void {
  for (const s of senders) s.wake();
}

const PATH = { dataset: 'datasets', aiSystem: 'ai-systems' } as const;
const ANSWER_MAX = 64 * 1024;

/** The answer's body, at most ANSWER_MAX bytes of it (the rest of a huge answer is not read). */
async function readCapped(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < ANSWER_MAX) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => {});
  return Buffer.concat(chunks).subarray(0, ANSWER_MAX).toString('utf8');
}

interface Target {
  url: string;
  token: string;
  timeoutMs: number;
}

/** One request to the national node; 'stopped' when the sender was stopped while it was under way. */
async function deliver(row: DueRow, t: Target, stop: AbortSignal): Promise<Outcome | 'stopped'> {
  try {
    const res = await fetch(`${t.url}/api/national/v1/${PATH[row.entity]}/${row.uuid}`, {
      method: row.op === 'put' ? 'PUT' : 'DELETE',
      headers: {
        authorization: `Bearer ${t.token}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify(row.payload),
      // A redirect could carry the token elsewhere: the national address is configured exactly.
      redirect: 'error',
      signal: AbortSignal.any([AbortSignal.timeout(t.timeoutMs), stop]),
    });
    return outcomeOf(res.status, await readCapped(res), res.headers.get('retry-after'));
  } catch (err) {
    if (stop.aborted) return 'stopped';
    return networkOutcome(err, t.timeoutMs);
  }
}

interface PassResult {
  delivered: number;
  /** The node could not be reached or refused the connection: wait before the next pass. */
  connectionFailed: boolean;
  retryAfterMs: number | null;
  /** A full batch was due: look again at once. */
  more: boolean;
}

async function deliverDue(db: Kysely<DB>, t: Target, batch: number, stop: AbortSignal): Promise<PassResult> {
  const rows = await dueRows(db, batch);
  const result: PassResult = { delivered: 0, connectionFailed: false, retryAfterMs: null, more: rows.length === batch };
  for (const row of rows) {
    if (stop.aborted) break;
    await markSent(db, row.id);
    const outcome = await deliver(row, t, stop);
    if (outcome === 'stopped') {
      await recordResult(db, row.id, { status: 'pending', error: null, nextAttemptAt: new Date(), counted: false });
      break;
    }
    if (outcome.kind === 'accepted') {
      await recordResult(db, row.id, { status: 'accepted', remoteId: outcome.remoteId });
      result.delivered++;
    } else if (outcome.kind === 'rejected') {
      await recordResult(db, row.id, { status: 'rejected', error: outcome.message });
    } else {
      const wait = Math.max(backoffMs(row.attempts + 1), outcome.retryAfterMs ?? 0);
      await recordResult(db, row.id, {
        status: 'pending',
        error: outcome.message,
        nextAttemptAt: new Date(Date.now() + wait),
        counted: true,
      });
      if (outcome.connection)
        return { ...result, connectionFailed: true, retryAfterMs: outcome.retryAfterMs, more: false };
    }
  }
  return result;
}

export function startSender(server: ServerContext, opts: SenderOptions = {}): Sender {
  const { url, token } = server.config.national;
  if (!url || !token) throw new Error('startSender needs THIHANH_NATIONAL_URL and THIHANH_NATIONAL_TOKEN');
  const target: Target = { url, token, timeoutMs: opts.timeoutMs ?? 15_000 };
  const pollMs = opts.pollMs ?? 2_000;
  const batch = opts.batch ?? 20;
  const stopping = new AbortController();
  let woken = false;
  let wakeUp: (() => void) | null = null;
  let endSleep: (() => void) | null = null;
  // A wake ends the wait between polls, not a pause after a failure: the node that just failed is left alone.
  const sleep = (ms: number, wakeable: boolean) =>
    new Promise<void>((resolve) => {
      if ((wakeable && woken) || stopping.signal.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = endSleep = null;
        resolve();
      }
      endSleep = done;
      wakeUp = wakeable ? done : null;
    });
  const pass = (): Promise<PassResult | null> =>
    server.backend === 'postgres'
      ? asOnlySender(server.db, (conn) => deliverDue(conn, target, batch, stopping.signal))
      : // PGlite: one process owns the data directory (src/db/lock.ts), so this is the only sender.
        deliverDue(server.db, target, batch, stopping.signal);
  const loop = (async () => {
    let failures = 0;
    while (!stopping.signal.aborted) {
      woken = false;
      let wait = pollMs;
      let wakeable = true;
      try {
        const r = await pass();
        if (r?.connectionFailed) {
          failures++;
          wait = Math.max(backoffMs(failures), r.retryAfterMs ?? 0);
          wakeable = false;
        } else {
          failures = 0;
          if (r?.more) wait = 0;
        }
      } catch (err) {
        logDatabaseFault('gửi dữ liệu lên cơ sở dữ liệu quốc gia thất bại', err);
        wait = pollMs * 5;
      }
      await sleep(wait, wakeable);
    }
  })();
  const sender: Sender = {
    wake() {
      woken = true;
      wakeUp?.();
    },
    async stop() {
      senders.delete(sender);
      stopping.abort();
      endSleep?.();
      await loop;
    },
  };
  senders.add(sender);
  return sender;
}
