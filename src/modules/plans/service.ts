// Use cases on plans, one file each in use-cases/: import for review, save, edit, lifecycle (draft → submitted →
// approved → issued → amended), parent-change notices, comparison, export, and the cascade to communes. This file
// keeps the names importers know.
export { amendPlan } from './use-cases/amend.ts';
export { cascade, previewCascade } from './use-cases/cascade.ts';
export { getCascadeRules, setCascadeRules } from './use-cases/cascade-rules.ts';
export { comparePlans, planForExport } from './use-cases/compare-plans.ts';
export { createPlan } from './use-cases/create-plan.ts';
export { importForReview, lintDraft } from './use-cases/import.ts';
export { issuePlan } from './use-cases/issue-plan.ts';
export { listPlansFor } from './use-cases/list-plans.ts';
export { resolveParentChange } from './use-cases/parent-change.ts';
export { getPlanDetail, type ParentChange } from './use-cases/plan-detail.ts';
export { transition, type Transition } from './use-cases/transition.ts';
export { updatePlan } from './use-cases/update-draft.ts';
