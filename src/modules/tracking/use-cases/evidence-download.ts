// Downloading an evidence file.
import { mustRead, requireActor, type Ctx } from '../../context.ts';
import * as store from '../store.ts';

/** An evidence file, for whoever may read the assignment's unit. */
export async function evidenceForDownload(ctx: Ctx, id: number) {
  requireActor(ctx);
  return mustRead(ctx, 'tệp minh chứng', await store.getEvidence(ctx.db, id), (e) => ({ unitPath: e.unit_path }));
}
