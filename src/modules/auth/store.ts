// Login attempts and request counters. Both live in the database so that every server process on it sees them.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { precompiled } from '../../db/precompiled.ts';
import { ADDRESS_WINDOW_SECONDS, PAIR_WINDOW_SECONDS, type LoginFailures } from '../../domain/throttle.ts';

// Durations are constants of the code, written into the SQL as literals: fewer parameters to bind per request.
const interval = (seconds: number) => sql`${sql.lit(Math.trunc(seconds))} * interval '1 second'`;
const secondsAgo = (seconds: number) => sql<Date>`now() - ${interval(seconds)}`;

/** Failures of the (account, address) pair since its last success, and of the address across accounts. */
export async function loginFailures(db: Kysely<DB>, username: string, ip: string): Promise<LoginFailures> {
  const name = username.toLowerCase();
  const pairSince = secondsAgo(PAIR_WINDOW_SECONDS);
  const { rows } = await sql<{
    pair: number;
    since_pair: number | null;
    address: number;
    since_address: number | null;
  }>`
    WITH pair AS (
      SELECT count(*)::int AS n, extract(epoch FROM now() - max(at))::float8 AS since
      FROM login_attempt
      WHERE lower(username) = ${name} AND ip = ${ip} AND NOT success AND at >= ${pairSince}
        AND at > coalesce((SELECT max(at) FROM login_attempt
                           WHERE lower(username) = ${name} AND ip = ${ip} AND success AND at >= ${pairSince}), '-infinity')
    ), address AS (
      SELECT count(*)::int AS n, extract(epoch FROM now() - min(at))::float8 AS since
      FROM login_attempt WHERE ip = ${ip} AND NOT success AND at >= ${secondsAgo(ADDRESS_WINDOW_SECONDS)}
    )
    SELECT pair.n AS pair, pair.since AS since_pair, address.n AS address, address.since AS since_address FROM pair, address`.execute(
    db,
  );
  const r = rows[0]!;
  return {
    pair: r.pair,
    sincePairFailure: r.since_pair,
    address: r.address,
    sinceOldestAddressFailure: r.since_address,
  };
}

export async function recordLoginAttempt(
  db: Kysely<DB>,
  attempt: { username: string; ip: string; success: boolean },
): Promise<void> {
  await db.insertInto('login_attempt').values(attempt).execute();
}

export interface Hit {
  /** Requests of the key in its current window, this one included. */
  hits: number;
  /** Whole seconds until the window ends. */
  resetSeconds: number;
}

/**
 * Counts one request of `key` in `bucket`: a single upsert, the whole cost of rate limiting a request. The window
 * starts at the key's first request and restarts at the first request after it ended (times from the database's
 * clock, which every server process shares).
 */
export async function countHit(db: Kysely<DB>, bucket: string, key: string, windowSeconds: number): Promise<Hit> {
  const ended = sql<boolean>`rate_counter.window_start <= ${secondsAgo(windowSeconds)}`;
  const row = await db
    .insertInto('rate_counter')
    .values({ bucket, key, window_start: sql`now()`, hits: 1 })
    .onConflict((oc) =>
      oc.columns(['bucket', 'key']).doUpdateSet({
        window_start: sql`CASE WHEN ${ended} THEN now() ELSE rate_counter.window_start END`,
        hits: sql`CASE WHEN ${ended} THEN 1 ELSE rate_counter.hits + 1 END`,
      }),
    )
    .returning([
      'hits',
      sql<number>`ceil(extract(epoch FROM window_start + ${interval(windowSeconds)} - now()))::int`.as('reset'),
    ])
    .executeTakeFirstOrThrow();
  return { hits: row.hits, resetSeconds: Math.max(1, row.reset) };
}

/** Drops counters whose window ended long ago (every window is far shorter than an hour) and old attempts. */
export async function purgeThrottling(db: Kysely<DB>): Promise<void> {
  await db.deleteFrom('rate_counter').where('window_start', '<', secondsAgo(3600)).execute();
  await db
    .deleteFrom('login_attempt')
    .where('at', '<', secondsAgo(7 * 86_400))
    .execute();
}

// Sessions: the id is the sha256 of the cookie's token.

export async function insertSession(
  tx: Kysely<DB>,
  s: { id: string; userId: number; csrfToken: string; expiresAt: Date; ip: string; userAgent: string | null },
) {
  await tx
    .insertInto('session')
    .values({
      id: s.id,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent,
    })
    .execute();
}

/**
 * A live session's row with its user and the user's unit, in one query (every signed-in request starts here). The
 * user's columns are those of `getUserWithUnit` (users' store), read here by the same join.
 */
export async function getSessionWithUser(db: Kysely<DB>, id: string) {
  return (await sessionWithUser(db, id)).rows[0];
}

const sessionWithUser = precompiled((db: Kysely<DB>, id: string) =>
  db
    .selectFrom('session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .innerJoin('unit as n', 'n.id', 'u.unit_id')
    .select([
      's.csrf_token',
      's.expires_at',
      's.last_seen_at',
      'u.id',
      'u.username',
      'u.full_name',
      'u.email',
      'u.unit_id',
      'u.roles',
      'u.is_active',
      'u.must_change_password',
      'u.is_demo',
      'u.password_hash',
      'n.name as unit_name',
      'n.code as unit_code',
      'n.kind as unit_kind',
      'n.path as unit_path',
      'n.focal_for_id',
    ])
    .where('s.id', '=', id),
);

export async function touchSession(db: Kysely<DB>, id: string): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: new Date() }).where('id', '=', id).execute();
}

/** Ends one session; returns whose it was. */
export async function deleteSession(db: Kysely<DB>, id: string): Promise<number | undefined> {
  return (await db.deleteFrom('session').where('id', '=', id).returning('user_id').executeTakeFirst())?.user_id;
}

/** Ends every session of a user, but the one kept (the caller's own, after a password change). */
export async function deleteSessionsOfUser(db: Kysely<DB>, userId: number, keepId?: string): Promise<void> {
  let q = db.deleteFrom('session').where('user_id', '=', userId);
  if (keepId) q = q.where('id', '!=', keepId);
  await q.execute();
}

export async function deleteExpiredSessions(db: Kysely<DB>): Promise<void> {
  await db.deleteFrom('session').where('expires_at', '<', new Date()).execute();
}
