// What every use case receives: the database, who is acting, and from where.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { can, type Action, type Actor, type Target } from '../domain/permissions.ts';
import { forbidden, unauthorized } from '../domain/errors.ts';

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

export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw unauthorized();
  return ctx.actor;
}
