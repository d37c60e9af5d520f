// Kept for the reporting module, which imports it by this path (the helper itself is pure: src/domain/plan/issuer.ts).
export { renderOptions } from '../../domain/plan/issuer.ts';
