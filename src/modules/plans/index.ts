// The plans module: plans and their tasks, from import or drafting through approval and issue to the cascade to
// communes, with their findings (checks) and their documents.
export { module } from './module.ts';
export * from './service.ts';
export { mustReadPlan, planTarget, readableParent } from './access.ts';
export { refreshStaleFindings } from './findings.ts';
// Pure helpers now in the domain (src/domain/plan/issuer.ts), still reachable here for modules that import them
// through plans' entry (reporting's dashboard).
export { issuerName, renderOptions } from '../../domain/plan/issuer.ts';
