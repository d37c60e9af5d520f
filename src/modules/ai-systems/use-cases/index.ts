// The AI-systems use cases, one family per file.
export { listAiProducts } from './products.ts';
export { createAiUse } from './register.ts';
export { getAiUse, listAiUses, mustUse } from './read.ts';
export { publishAiUse, retireAiUse, updateAiUse } from './update.ts';
export { classifyAiUse, getAiQuestionnaire } from './classify.ts';
export {
  approveImpactAssessment,
  getImpactAssessment,
  publishImpactAssessment,
  saveImpactAssessment,
} from './assessment.ts';
export { closeAiIncident, reportAiIncident } from './incidents.ts';
export { impactAssessmentDocument, incidentReportDocument, publicImpactAssessmentDocument } from './documents.ts';
export { getPublicAiSystem, listPublicAiSystems, publicAiSystemsCsv } from './public.ts';
export { aiCoverage, aiCoverageFor } from './coverage.ts';
export { aiUseLabel, aiUseRef, type AiUseRef } from './refs.ts';
