// Queries of the plans module (the only files of it that speak SQL): plans, their tasks, the cascade.
export * from './plans.ts';
export * from './tasks.ts';
export * from './cascade.ts';
export * from './page.ts';
