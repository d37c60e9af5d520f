import { sql, type Kysely } from 'kysely';

// Request counters shared by every server process on the same database, so a limit holds behind a load balancer.
// UNLOGGED: a counter lost in a crash costs nothing, and skipping the WAL keeps the one write per request cheap.
// One row per (bucket, key): its window starts at the key's first request, so nothing depends on clock alignment.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE UNLOGGED TABLE rate_counter (
    bucket text NOT NULL,
    key text NOT NULL,
    window_start timestamptz NOT NULL,
    hits integer NOT NULL,
    PRIMARY KEY (bucket, key)
  )`.execute(db);
  await sql`CREATE INDEX rate_counter_window_idx ON rate_counter (window_start)`.execute(db);
  // Login throttling counts failures per (account, address) pair.
  await sql`CREATE INDEX login_attempt_pair_idx ON login_attempt (lower(username), ip, at)`.execute(db);
}
