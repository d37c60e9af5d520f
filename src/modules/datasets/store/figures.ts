// SQL of the figures a compiled report gives for the provincial AI database over a unit's subtree and a year.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

export interface DatasetFigureRow {
  published: number;
  published_in_year: number;
  open: number;
  conditional: number;
  commercial: number;
  drafts: number;
  retracted_in_year: number;
  avg_quality: number | null;
  synced: number;
  sync_failed: number;
  deliverables: number;
  downloads: number;
  grants: number;
}

export async function datasetFigures(db: Kysely<DB>, unitId: number, year: number): Promise<DatasetFigureRow> {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const { rows } = await sql<DatasetFigureRow>`
    WITH scope AS (
      SELECT d.* FROM dataset d JOIN unit n ON n.id = d.unit_id WHERE n.path @> ARRAY[${unitId}]::integer[]
    ), quality AS (
      SELECT avg(v.quality_score)::float AS q
      FROM scope d
      JOIN dataset_resource r ON r.dataset_id = d.id AND r.removed_at IS NULL
      JOIN dataset_resource_version v ON v.resource_id = r.id AND v.version = r.current_version
      WHERE d.status = 'published'
    ), sync AS (
      SELECT DISTINCT ON (o.entity_id) o.entity_id, o.status
      FROM sync_outbox o JOIN scope d ON d.id = o.entity_id
      WHERE o.entity = 'dataset' AND o.status <> 'superseded'
      ORDER BY o.entity_id, o.id DESC
    )
    SELECT
      count(*) FILTER (WHERE status = 'published')::int AS published,
      count(*) FILTER (WHERE status = 'published' AND published_at >= ${from}::date AND published_at < ${to}::date)::int AS published_in_year,
      count(*) FILTER (WHERE status = 'published' AND access_class = 'open')::int AS open,
      count(*) FILTER (WHERE status = 'published' AND access_class = 'conditional')::int AS conditional,
      count(*) FILTER (WHERE status = 'published' AND access_class = 'commercial')::int AS commercial,
      count(*) FILTER (WHERE status = 'draft')::int AS drafts,
      count(*) FILTER (WHERE status = 'retracted' AND retracted_at >= ${from}::date AND retracted_at < ${to}::date)::int AS retracted_in_year,
      (SELECT q FROM quality) AS avg_quality,
      (SELECT count(*) FROM sync s JOIN scope d ON d.id = s.entity_id WHERE d.status = 'published' AND s.status = 'accepted')::int AS synced,
      (SELECT count(*) FROM sync WHERE status = 'rejected')::int AS sync_failed,
      (SELECT count(DISTINCT r.dataset_id) FROM deliverable_record r JOIN scope d ON d.id = r.dataset_id
        WHERE r.occurred_on >= ${from}::date AND r.occurred_on < ${to}::date)::int AS deliverables,
      (SELECT count(*) FROM dataset_access_log l JOIN scope d ON d.id = l.dataset_id
        WHERE l.at >= ${from}::date AND l.at < ${to}::date)::int AS downloads,
      (SELECT count(*) FROM dataset_access_request a JOIN scope d ON d.id = a.dataset_id
        WHERE a.status = 'approved' AND a.decided_at >= ${from}::date AND a.decided_at < ${to}::date)::int AS grants
    FROM scope`.execute(db);
  return rows[0] as DatasetFigureRow;
}
