// The one worker pool for heavy or untrusted work: reading uploaded files, checks on large drafts, rendering
// documents. Each task runs in a worker thread with a heap cap and a time limit, so a hostile or huge input costs
// its own worker (which the pool replaces), never the server: the main thread keeps answering meanwhile.
// The pool is created on first use and its workers end after an idle spell: an idle server carries none.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { AppError } from '../domain/errors.ts';
import { onShutdown } from '../shutdown.ts';
import type { Envelope } from './tasks.ts';

type Tasks = typeof import('./tasks.ts');
export type TaskName = {
  [K in keyof Tasks]: Tasks[K] extends (input: never) => Promise<Envelope<unknown>> ? K : never;
}[keyof Tasks];
export type TaskInput<N extends TaskName> = Parameters<Tasks[N]>[0];
export type TaskOutput<N extends TaskName> = Awaited<ReturnType<Tasks[N]>> extends Envelope<infer T> ? T : never;

/**
 * Heap of one worker. mammoth holds the whole XML tree: a DOCX of 1,000 tasks (document.xml of 5.8 MB) needs between
 * 128 and 256 MB, so the guard's largest document.xml (20 MB) fits in about this; one hostile file can take no more
 * from the machine. `THIHANH_WORKER_MEMORY_MB`.
 */
export const WORKER_MEMORY_MB = 512;
/**
 * Longest a task may take, queue included: importing 300 KB of text takes one or two seconds, a DOCX of 1,000 tasks
 * about twenty on a busy two-core machine; a task still running after this is stuck on its input.
 * `THIHANH_WORKER_TIMEOUT_S`.
 */
export const TASK_TIME_LIMIT_S = 60;
/**
 * Workers at most: this many uploads or renders run at once, and more wait. Capped at four (a province server
 * handles a few such requests at a time) and at the cores minus one, but at least two so one slow file does not hold
 * up every download. `THIHANH_WORKERS`.
 */
export const MAX_WORKERS = Math.max(2, Math.min(4, availableParallelism() - 1));
/** A worker idle this long ends: an idle server carries no workers (and their 30–60 MB each). */
export const WORKER_IDLE_MS = 30_000;
/** Tasks waiting beyond this are turned away (503): a burst of uploads must not pile up their bytes in memory. */
export const MAX_QUEUED_TASKS = 64;

export interface PoolLimits {
  workers: number;
  memoryMb: number;
  timeLimitS: number;
}

/** A positive integer from the environment, else the default (with a warning naming the variable). */
function fromEnv(name: string, fallback: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (Number.isInteger(n) && n >= 1 && n <= max) return n;
  console.warn(`${name}="${raw}" không hợp lệ (cần số nguyên từ 1 đến ${max}); dùng giá trị mặc định ${fallback}.`);
  return fallback;
}

export function poolLimits(): PoolLimits {
  return {
    workers: fromEnv('THIHANH_WORKERS', MAX_WORKERS, 64),
    memoryMb: fromEnv('THIHANH_WORKER_MEMORY_MB', WORKER_MEMORY_MB, 16_384),
    timeLimitS: fromEnv('THIHANH_WORKER_TIMEOUT_S', TASK_TIME_LIMIT_S, 3_600),
  };
}

let pool: { piscina: Piscina; limits: PoolLimits } | undefined;

function thePool(): { piscina: Piscina; limits: PoolLimits } {
  if (!pool) {
    const limits = poolLimits();
    const piscina = new Piscina({
      // Node runs the .ts worker file through type stripping, like the rest of the server.
      filename: new URL('./tasks.ts', import.meta.url).href,
      minThreads: 0,
      maxThreads: limits.workers,
      idleTimeout: WORKER_IDLE_MS,
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
    });
    pool = { piscina, limits };
    // A stopping server ends the workers with the rest (src/shutdown.ts); the next task would make a new pool.
    onShutdown('worker pool', closeWorkers);
  }
  return pool;
}

/** Who or what a task works on, for the messages: 'Tệp "kh.docx"', 'Văn bản kế hoạch (DOCX)'. */
export interface RunOptions {
  subject: string;
  /** Buffers handed to the worker rather than copied; the caller must not use them afterwards. */
  transfer?: ArrayBuffer[];
  /** A tighter time limit for this task than the pool's. */
  timeLimitMs?: number;
}

/** A worker that died or overran becomes a 4xx naming what was refused and why; anything else is a bug. */
function refusal(err: unknown, subject: string, limits: PoolLimits, timeLimitMs: number): unknown {
  const e = err as { name?: string; code?: string };
  if (e?.name === 'AbortError') {
    return new AppError(
      'worker.timeout',
      422,
      `${subject} bị từ chối: không xử lý xong trong ${Math.max(1, Math.round(timeLimitMs / 1000))} giây cho phép (nội dung quá lớn hoặc có cấu trúc bất thường). Hãy chia nhỏ tệp hoặc lưu lại bằng Word rồi gửi lại.`,
    );
  }
  if (e?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new AppError(
      'worker.out_of_memory',
      413,
      `${subject} bị từ chối: xử lý cần quá ${limits.memoryMb} MB bộ nhớ cho phép (nội dung quá lớn hoặc có cấu trúc bất thường). Hãy chia nhỏ tệp rồi gửi lại.`,
    );
  }
  return err;
}

/** Runs one task in the pool; the task's own refusals (AppError) come back as they were thrown. */
export async function runInWorker<N extends TaskName>(
  name: N,
  input: TaskInput<N>,
  opts: RunOptions,
): Promise<TaskOutput<N>> {
  const { piscina, limits } = thePool();
  if (piscina.queueSize >= MAX_QUEUED_TASKS) {
    throw new AppError(
      'worker.busy',
      503,
      'Hệ thống đang bận xử lý nhiều tệp và văn bản cùng lúc. Vui lòng thử lại sau ít phút.',
    );
  }
  const timeLimitMs = Math.min(opts.timeLimitMs ?? Infinity, limits.timeLimitS * 1000);
  let answer: Envelope<TaskOutput<N>>;
  try {
    answer = await piscina.run(input, { name, signal: AbortSignal.timeout(timeLimitMs), transferList: opts.transfer });
  } catch (err) {
    throw refusal(err, opts.subject, limits, timeLimitMs);
  }
  if (!answer.ok) throw new AppError(answer.error.code, answer.error.status, answer.error.message, answer.error.issues);
  return answer.value;
}

/** A Buffer from a worker's answer (structured cloning turns Buffers into plain Uint8Arrays). */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Workers now (tests, benchmarks): 0 when idle. */
export function workerCount(): number {
  return pool?.piscina.threads.length ?? 0;
}

/** Ends the workers (tests and a stopping server); the next task creates a new pool. */
export async function closeWorkers(): Promise<void> {
  const p = pool;
  pool = undefined;
  await p?.piscina.destroy();
}
