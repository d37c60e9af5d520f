// Shared pieces of the benchmarks: timing statistics and resident memory.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serverUrlOf } from '../test/support/cli.ts';

export type Backend = 'pglite' | 'postgres';

export interface BenchContext {
  backend: Backend;
  /** Set when backend is postgres: a server URL whose database the bench may use (it creates its own). */
  databaseUrl: string | null;
}

export interface Bench {
  name: string;
  description: string;
  /** Backends it applies to; pure benches run once with backend 'pglite' only. */
  backends: Backend[];
  run(ctx: BenchContext): Promise<Record<string, unknown>>;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Runs `fn` `n` times after `warmup` runs; returns p50/p95/max in milliseconds. */
export async function timeIt(n: number, fn: (i: number) => Promise<unknown> | unknown, warmup = 2) {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return {
    n,
    p50_ms: round(percentile(times, 50)),
    p95_ms: round(percentile(times, 95)),
    max_ms: round(times.at(-1)!),
  };
}

/** Resident set size of a process in MB (this one by default), from /proc. */
export function rssMb(pid: number | 'self' = 'self'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? NaN);
  return round(kb / 1024);
}

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

/**
 * `thihanh serve` in its own process, as an operator runs it (preparation in its short-lived child, then the
 * server), on a free port; resolves when it prints its address. `stop()` sends SIGTERM and waits for the exit.
 */
export async function spawnServer(
  env: NodeJS.ProcessEnv,
): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [CLI, 'serve'], {
    env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  try {
    const url = await serverUrlOf(child);
    return { url, pid: child.pid!, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
