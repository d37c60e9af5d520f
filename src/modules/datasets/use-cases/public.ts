// The public catalogue (Nghị định 142/2026 Đ35.2: the list of data shared, access conditions, scope and purpose of
// use, standards, access method, technical contact): published datasets as JSON, one dataset, the catalogue in DCAT
// (JSON-LD, DCAT-AP 3 classes and properties) for the national data portal or any CKAN to harvest, and a CSV.
import type { PublicDataset } from '../../../contracts/datasets.ts';
import { notFound } from '../../../domain/errors.ts';
import type { Ctx } from '../../context.ts';
import * as datasets from '../store/datasets.ts';
import * as resources from '../store/resources.ts';
import { publicView, type Place } from './views.ts';

type Db = Pick<Ctx, 'db'>;

/** Public views of these rows, with their files and places read in three queries whatever their number. */
async function viewsOf(ctx: Db, rows: readonly datasets.DatasetRow[]): Promise<PublicDataset[]> {
  if (!rows.length) return [];
  const current = await resources.currentResources(
    ctx.db,
    rows.map((r) => r.id),
  );
  const [decisions, places] = await Promise.all([
    resources.decisionsFor(
      ctx.db,
      current.map((r) => r.version_id),
    ),
    datasets.unitsByIds(ctx.db, [...new Set(rows.flatMap((r) => r.spatial_unit_ids))]),
  ]);
  const placeById = new Map<number, Place>(places.map((p) => [p.id, p]));
  return rows.map((d) =>
    publicView(
      d,
      current,
      decisions,
      d.spatial_unit_ids.map((id) => placeById.get(id)).filter((p): p is Place => p !== undefined),
    ),
  );
}

export async function listPublicDatasets(ctx: Db, f: datasets.PublicFilter) {
  const { total, rows } = await datasets.listPublished(ctx.db, f);
  return { total, items: await viewsOf(ctx, rows) };
}

export async function getPublicDataset(ctx: Db, id: number): Promise<PublicDataset> {
  const d = await datasets.getDataset(ctx.db, id);
  if (!d || d.status !== 'published') throw notFound('bộ dữ liệu');
  return (await viewsOf(ctx, [d]))[0] as PublicDataset;
}

/** Every published dataset, a page at a time (the exports stream; 5,000 entries never sit in memory at once). */
export async function* allPublished(ctx: Db, pageSize = 500): AsyncGenerator<PublicDataset[]> {
  let after: number | null = null;
  for (;;) {
    const rows = await datasets.publishedPage(ctx.db, after, pageSize);
    if (!rows.length) return;
    yield await viewsOf(ctx, rows);
    after = (rows.at(-1) as datasets.DatasetRow).id;
    if (rows.length < pageSize) return;
  }
}
