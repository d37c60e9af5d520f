// The tracking module: assignments of issued plans' tasks to units, their progress updates with evidence, and obstacles.
export { module } from './module.ts';
export * from './service.ts';
