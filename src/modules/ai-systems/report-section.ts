import { aiSystemsReportLines } from '../../domain/ai-systems/report-section.ts';
import type { ReportSectionSource } from '../module.ts';
import { aiCoverageFor } from './use-cases/coverage.ts';

/** The AI systems deployed in the unit's subtree, for its compiled report (the register's coverage, summed). */
export const aiSystemsReportSection: ReportSectionSource = async (db, { unitId }) => ({
  title: 'Hệ thống trí tuệ nhân tạo tại các cơ quan, đơn vị',
  lines: aiSystemsReportLines(await aiCoverageFor(db, unitId)),
});
