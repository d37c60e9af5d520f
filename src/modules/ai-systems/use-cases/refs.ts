// An AI system named by another module's record (a petition about it): the public names a published use; a
// signed-in person also one they may read. Anything else answers like an unknown id, on the field that named it.
import { AppError } from '../../../domain/errors.ts';
import { can } from '../../../domain/permissions.ts';
import type { Ctx } from '../../context.ts';
import * as store from '../store/index.ts';
import { useTarget } from './views.ts';

export interface AiUseRef {
  id: number;
  name: string;
  unitId: number;
  unitName: string;
  unitPath: readonly number[];
  published: boolean;
}

const refOf = (u: store.UseRow): AiUseRef => ({
  id: u.id,
  name: u.product_name,
  unitId: u.unit_id,
  unitName: u.unit_name,
  unitPath: u.unit_path,
  published: u.published_at !== null,
});

export async function aiUseRef(ctx: Pick<Ctx, 'db' | 'actor'>, id: number, field: string): Promise<AiUseRef> {
  const u = await store.getUse(ctx.db, id);
  if (u && (u.published_at !== null || can(ctx.actor, 'read', useTarget(u)))) return refOf(u);
  const message = 'Không tìm thấy hệ thống AI.';
  throw new AppError('not_found', 404, message, [{ path: field, message }]);
}

/** The name and unit of a use already linked (shown on the record that links it). */
export async function aiUseLabel(ctx: Pick<Ctx, 'db'>, id: number): Promise<AiUseRef | null> {
  const u = await store.getUse(ctx.db, id);
  return u ? refOf(u) : null;
}
