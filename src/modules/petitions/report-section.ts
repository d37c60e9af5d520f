import { petitionReportLines } from '../../domain/petitions/report-section.ts';
import type { ReportSectionSource } from '../module.ts';
import { petitionYearFigures } from './use-cases/figures.ts';

/** "Tiếp nhận, xử lý kiến nghị" in the compiled report of a unit's year: the petitions its subtree handled. */
export const petitionsReportSection: ReportSectionSource = async (db, { unitId, year, today }) => {
  const figures = await petitionYearFigures(db, unitId, year, today);
  return { title: 'Tiếp nhận, xử lý kiến nghị, đề xuất, phản ánh', lines: petitionReportLines(year, figures) };
};
