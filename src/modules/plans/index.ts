// The plans module: plans and their tasks, from import or drafting through approval and issue to the cascade to
// communes, with their findings (checks) and their documents.
export { module } from './module.ts';
export * from './service.ts';
export { mustReadPlan, planTarget, readableParent } from './access.ts';
export { refreshStaleFindings } from './findings.ts';
export { renderOptions } from './render-options.ts';
