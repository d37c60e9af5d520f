// What every use case receives: the database, who is acting, and from where.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { can, type Action, type Actor, type Target } from '../domain/permissions.ts';
import { AppError, forbidden, unauthorized } from '../domain/errors.ts';

export interface Ctx {
  db: Kysely<DB>;
  actor: Actor | null;
  ip: string | null;
}

export type Tx = Transaction<DB>;

/** Throws 401 for anonymous callers and 403 for signed-in callers without the right. */
export function authorize(ctx: Ctx, action: Action, target: Target): void {
  if (can(ctx.actor, action, target)) return;
  throw ctx.actor ? forbidden() : unauthorized();
}

/**
 * The one visibility rule for every record a request names, by its path or inside its body or query: a record the
 * caller may not read does not exist for them. An unknown id and an unreadable one get the same 404 (code, message
 * "Không tìm thấy <what>.", and the input field when the id came in the body or query), so a sibling's draft can
 * be neither probed nor reached through a reference. `readers` says on whose behalf the record is readable (a
 * report: its unit's or the unit it was sent to): any one suffices. Call it where the record is loaded, before the
 * action's own check (`authorize`: 403 for what one may read but not do).
 */
export function mustRead<T>(
  ctx: Pick<Ctx, 'actor'>,
  what: string,
  record: T | undefined,
  readers: (record: T) => Target | readonly Target[],
  field?: string,
): T {
  if (record !== undefined && [readers(record)].flat().some((t) => can(ctx.actor, 'read', t))) return record;
  const message = `Không tìm thấy ${what}.`;
  throw new AppError('not_found', 404, message, field ? [{ path: field, message }] : []);
}

export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw unauthorized();
  return ctx.actor;
}
