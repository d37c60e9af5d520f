import { datasetReportLines } from '../../domain/datasets/report-section.ts';
import type { ReportSectionSource } from '../module.ts';
import { datasetFigures } from './store/figures.ts';

/** The provincial AI database's figures over the unit's subtree for the compiled report. */
export const datasetsReportSection: ReportSectionSource = async (db, { unitId, year }) => {
  const r = await datasetFigures(db, unitId, year);
  return {
    title: 'Cơ sở dữ liệu phục vụ trí tuệ nhân tạo',
    lines: datasetReportLines(
      {
        published: r.published,
        publishedInYear: r.published_in_year,
        open: r.open,
        conditional: r.conditional,
        commercial: r.commercial,
        drafts: r.drafts,
        retractedInYear: r.retracted_in_year,
        avgQuality: r.avg_quality === null ? null : Number(r.avg_quality),
        synced: r.synced,
        syncFailed: r.sync_failed,
        deliverables: r.deliverables,
        downloads: r.downloads,
        grants: r.grants,
      },
      year,
    ),
  };
};
