// A dataset named by another module's record (a petition about it): the public names a published dataset; a
// signed-in person also one they may read. Anything else answers like an unknown id, on the field that named it.
import { AppError } from '../../../domain/errors.ts';
import { can } from '../../../domain/permissions.ts';
import type { Ctx } from '../../context.ts';
import * as datasets from '../store/datasets.ts';
import { datasetTarget } from './views.ts';

export interface DatasetRef {
  id: number;
  title: string;
  unitId: number;
  unitName: string;
  unitPath: readonly number[];
  published: boolean;
}

const refOf = (d: datasets.DatasetRow): DatasetRef => ({
  id: d.id,
  title: d.title,
  unitId: d.unit_id,
  unitName: d.unit_name,
  unitPath: d.unit_path,
  published: d.status === 'published',
});

export async function datasetRef(ctx: Pick<Ctx, 'db' | 'actor'>, id: number, field: string): Promise<DatasetRef> {
  const d = await datasets.getDataset(ctx.db, id);
  if (d && can(ctx.actor, 'read', datasetTarget(d))) return refOf(d);
  const message = 'Không tìm thấy bộ dữ liệu.';
  throw new AppError('not_found', 404, message, [{ path: field, message }]);
}

export async function datasetLabel(ctx: Pick<Ctx, 'db'>, id: number): Promise<DatasetRef | null> {
  const d = await datasets.getDataset(ctx.db, id);
  return d ? refOf(d) : null;
}
