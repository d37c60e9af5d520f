// The AI-systems module: the register of AI products and each unit's use of one, risk classification, impact
// assessments (Mẫu AI02), incidents, the public register and coverage. `aiCoverageFor` gives the figures of a unit's
// subtree (for the compiled report of the AI plan).
export { module } from './module.ts';
export * from './use-cases/index.ts';
export { seedAiSystemsDemo } from './demo.ts';
