// PostgreSQL connection faults: a restart, a failover or an operator's pg_terminate_backend must cost the requests
// of that moment a 503, never the process. The pool Kysely sees wraps pg's pool so that:
// - every pooled client has an 'error' listener (pg emits 'error' on an idle or checked-out-but-idle client whose
//   backend died; unheard, it is an uncaught exception that ends the process), and a dead client is never reused;
// - a failure to connect, or a connection lost mid-query, becomes a DatabaseUnavailableError (HTTP 503, Retry-After);
// - a read outside a transaction that failed on a lost connection is retried once on a fresh connection;
// - a write is never retried: a transaction that lost its connection before COMMIT was sent was rolled back by the
//   server; one that lost it during COMMIT may or may not have committed, so its txid (taken with BEGIN, in the same
//   round trip) is looked up with txid_status() on a new connection: committed means the request succeeds as if
//   nothing happened, aborted means "not saved", and no answer within a few seconds means "unknown" (said so).
import type pg from 'pg';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import { preparedQuery } from './prepared.ts';

/** What a 503 tells clients to wait: PostgreSQL restarts in a few seconds. */
export const RETRY_AFTER_SECONDS = 5;
/** How long a lost COMMIT's outcome is looked for before the client is told it is unknown. */
const OUTCOME_WAIT_MS = 5_000;

/** none: nothing was being written; notCommitted: the write was rolled back; unknown: it may have been committed. */
export type WriteOutcome = 'none' | 'notCommitted' | 'unknown';

export class DatabaseUnavailableError extends Error {
  readonly outcome: WriteOutcome;
  constructor(outcome: WriteOutcome, cause: unknown) {
    super(`database unavailable (${outcome}): ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.outcome = outcome;
  }
}

// 57P01–57P03: the backend was terminated or the server is shutting down/starting; class 08: connection exceptions.
const LOST_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '08007',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
const LOST_MESSAGES =
  /connection terminated|not queryable|terminating connection|client was closed|connection ended|timeout exceeded when trying to connect/i;

export function isConnectionLost(err: unknown): boolean {
  if (err instanceof DatabaseUnavailableError) return true;
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  return (typeof code === 'string' && LOST_CODES.has(code)) || LOST_MESSAGES.test(err.message);
}

let lastLog = 0;
let quiet = 0;
/** One line per 5 s at most: an outage fails every request, the log should say so once, with a count. */
export function logDatabaseFault(what: string, err?: unknown): void {
  const now = Date.now();
  if (now - lastLog < 5_000) {
    quiet++;
    return;
  }
  const more = quiet ? ` (và ${quiet} lỗi tương tự trước đó)` : '';
  console.warn(`[cơ sở dữ liệu] ${what}${err instanceof Error ? `: ${err.message}` : ''}${more}`);
  lastLog = now;
  quiet = 0;
}

const dead = new WeakSet<object>();
/**
 * Counts connection losses. A restart ends every backend, but each pooled client hears of it only when its own
 * notice arrives: after one loss, clients opened before it are not trusted and are replaced as they are taken.
 */
let lossEpoch = 0;
const bornIn = new WeakMap<object, number>();

function noteLoss(client: object): void {
  dead.add(client);
  lossEpoch++;
}
const READ = /^\s*select\b/i;
const BEGIN = /^\s*(begin|start transaction)\b/i;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function acquire(pool: pg.Pool): Promise<pg.PoolClient> {
  // Skip clients known or suspected dead (see lossEpoch); bounded because the pool holds a few clients.
  for (let i = 0; ; i++) {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (err) {
      logDatabaseFault('không kết nối được', err);
      throw new DatabaseUnavailableError('none', err);
    }
    if (!dead.has(client) && (bornIn.get(client) ?? lossEpoch) >= lossEpoch) return client;
    client.release(true);
    if (i > 50) throw new DatabaseUnavailableError('none', new Error('no live connection'));
  }
}

/** The fate of a transaction whose COMMIT got no answer, asked on a new connection. */
export async function transactionOutcome(
  pool: pg.Pool,
  txid: string,
  waitMs = OUTCOME_WAIT_MS,
): Promise<'committed' | 'aborted' | 'unknown'> {
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    let client: pg.PoolClient | undefined;
    try {
      client = await acquire(pool);
      const { rows } = await client.query<{ s: string | null }>('SELECT txid_status($1::bigint) AS s', [txid]);
      client.release();
      const s = rows[0]?.s;
      if (s === 'committed' || s === 'aborted') return s;
      // null: too old to know; 'in progress': the terminated backend has not finished yet.
      if (s === null) return 'unknown';
    } catch {
      client?.release(true);
    }
    await sleep(200);
  }
  return 'unknown';
}

type Result = PostgresQueryResult<unknown>;
const fake = (command: 'COMMIT' | 'ROLLBACK'): Result => ({ command, rowCount: 0, rows: [] });

/** The client Kysely holds for one checkout; the pg client under it may be replaced to retry a read. */
class ResilientClient implements PostgresPoolClient {
  readonly #pool: pg.Pool;
  /** null once released (a retry that found no new connection leaves nothing to release). */
  #real: pg.PoolClient | null;
  #txid: string | null = null;
  #inTransaction = false;

  constructor(pool: pg.Pool, real: pg.PoolClient) {
    this.#pool = pool;
    this.#real = real;
  }

  get processID(): number | undefined {
    return (this.#real as unknown as { processID?: number } | null)?.processID;
  }

  query<R>(text: string, values: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<_R>(cursor: never): never;
  async query(text: string, values?: ReadonlyArray<unknown>): Promise<Result> {
    if (BEGIN.test(text) && !values?.length) return this.#begin(text);
    if (/^\s*commit\s*$/i.test(text)) return this.#commit(text);
    if (/^\s*rollback\s*$/i.test(text)) return this.#rollback(text);
    try {
      return (await preparedQuery(this.#client, text, values)) as unknown as Result;
    } catch (err) {
      if (!isConnectionLost(err)) throw err;
      if (this.#real) noteLoss(this.#real);
      logDatabaseFault('mất kết nối giữa chừng', err);
      // Inside a transaction nothing was committed (COMMIT was never sent); an autocommit write may have been.
      if (this.#inTransaction) throw new DatabaseUnavailableError('notCommitted', err);
      if (!READ.test(text)) throw new DatabaseUnavailableError('unknown', err);
      return this.#retryRead(text, values, err);
    }
  }

  async #retryRead(text: string, values: ReadonlyArray<unknown> | undefined, first: unknown): Promise<Result> {
    const lost = this.#real!;
    this.#real = null;
    lost.release(true);
    this.#real = await acquire(this.#pool);
    try {
      return (await preparedQuery(this.#real, text, values)) as unknown as Result;
    } catch (err) {
      if (isConnectionLost(err)) throw new DatabaseUnavailableError('none', first);
      throw err;
    }
  }

  async #begin(text: string): Promise<Result> {
    // A read-only transaction has nothing to lose at COMMIT (and a standby could not give it a txid).
    if (/read only/i.test(text)) return this.#plainBegin(text);
    try {
      // Simple protocol (no parameters): both statements in one round trip.
      const results = (await this.#client.query(
        `${text}; SELECT txid_current()::text AS txid`,
      )) as unknown as pg.QueryResult[];
      this.#txid = (results[1]?.rows[0] as { txid?: string } | undefined)?.txid ?? null;
      this.#inTransaction = true;
      return results[0] as unknown as Result;
    } catch (err) {
      if (isConnectionLost(err)) throw new DatabaseUnavailableError('none', err);
      throw err;
    }
  }

  async #plainBegin(text: string): Promise<Result> {
    try {
      const result = (await this.#client.query(text)) as unknown as Result;
      this.#inTransaction = true;
      return result;
    } catch (err) {
      if (isConnectionLost(err)) throw new DatabaseUnavailableError('none', err);
      throw err;
    }
  }

  async #commit(text: string): Promise<Result> {
    const txid = this.#txid;
    this.#txid = null;
    this.#inTransaction = false;
    try {
      return (await this.#client.query(text)) as unknown as Result;
    } catch (err) {
      if (!isConnectionLost(err)) throw err;
      if (this.#real) noteLoss(this.#real);
      const outcome = txid ? await transactionOutcome(this.#pool, txid) : 'unknown';
      logDatabaseFault(`mất kết nối lúc ghi (COMMIT), giao dịch ${txid ?? '?'}: ${outcome}`, err);
      if (outcome === 'committed') return fake('COMMIT');
      throw new DatabaseUnavailableError(outcome === 'aborted' ? 'notCommitted' : 'unknown', err);
    }
  }

  async #rollback(text: string): Promise<Result> {
    this.#txid = null;
    this.#inTransaction = false;
    // A server that lost the connection has rolled the transaction back itself.
    if (!this.#real || dead.has(this.#real)) return fake('ROLLBACK');
    try {
      return (await this.#real.query(text)) as unknown as Result;
    } catch (err) {
      if (isConnectionLost(err)) return fake('ROLLBACK');
      throw err;
    }
  }

  release(destroy?: boolean): void {
    const real = this.#real;
    this.#real = null;
    real?.release(destroy || dead.has(real) || undefined);
  }

  /** The pg client in use; a query after release (a bug) fails as "unavailable" rather than reaching a pooled client. */
  get #client(): pg.PoolClient {
    if (!this.#real) throw new DatabaseUnavailableError('none', new Error('client released'));
    return this.#real;
  }
}

/** The pool handed to Kysely's PostgresDialect. */
export function resilientPool(pool: pg.Pool): PostgresPool {
  pool.on('connect', (client) => {
    bornIn.set(client, lossEpoch);
    // Stays attached while the client is checked out (pg-pool removes only its own idle listener).
    client.on('error', (err) => {
      noteLoss(client);
      logDatabaseFault('kết nối bị đóng', err);
    });
    client.on('end', () => dead.add(client));
  });
  pool.on('error', (err) => logDatabaseFault('kết nối rỗi bị đóng', err));
  return {
    options: pool.options,
    async connect() {
      return new ResilientClient(pool, await acquire(pool));
    },
    end: () => pool.end(),
  };
}
